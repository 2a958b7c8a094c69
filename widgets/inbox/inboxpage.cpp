#include "inboxpage.h"

#include "backend/routerdclient.h"
#include "shell/consolelook.h"

#include "backend/backendconnection.h"
#include "document/organizationdocument.h"
#include "inbox/inboxmodel.h"
#include "inbox/replylist.h"
#include "inbox/voicemailplayer.h"
#include "shell/pageheader.h"

#include "consolesettings.h"
#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
constexpr int OwnerRole = Qt::UserRole + 1;
constexpr int KindRole = Qt::UserRole + 2;
constexpr int LabelRole = Qt::UserRole + 3;
} // namespace

InboxPage::InboxPage(OrganizationDocument *document, BackendConnection *connection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_connection(connection)
    , m_model(new InboxModel(connection->client(), &document->organization(), this))
    , m_stack(new QStackedWidget(this))
    , m_sections(new QTreeWidget(this))
    , m_list(new QTableView(this))
    , m_title(new QLabel(this))
    , m_info(new QLabel(this))
    , m_body(new QTextBrowser(this))
    , m_player(new VoicemailPlayer(connection->client(), this))
    , m_read(new QPushButton(ConsoleLook::icon(u":/icons/actions/read.svg"_s), tr("Mark &unread"),
                             this))
    , m_archive(new QPushButton(ConsoleLook::icon(u":/icons/actions/archive.svg"_s), tr("&Archive"),
                                this))
    , m_delete(
          new QPushButton(ConsoleLook::icon(u":/icons/actions/delete.svg"_s), tr("&Delete"), this))
    , m_assign(new QToolButton(this))
    , m_close(new QPushButton(ConsoleLook::icon(u":/icons/actions/close-conversation.svg"_s),
                              tr("&Close conversation"), this))
    , m_replyBox(new QWidget(this))
    , m_replies(new ReplyList(this))
    , m_repliesTimer(new QTimer(this))
    , m_replyEdit(new QPlainTextEdit(this))
    , m_send(new QPushButton(ConsoleLook::icon(u":/icons/actions/reply.svg"_s), tr("&Send reply"),
                             this))
    , m_status(new QLabel(this))
    , m_readTimer(new QTimer(this))
    , m_timer(new QTimer(this))
    , m_detail(new QWidget(this))
{
    // Named, so that the tests can find them.
    m_sections->setObjectName(u"sections"_s);
    m_list->setObjectName(u"list"_s);
    m_replies->setObjectName(u"replyList"_s);
    m_repliesTimer->setObjectName(u"repliesTimer"_s);
    m_player->setObjectName(u"voicemailPlayer"_s);
    m_replyEdit->setObjectName(u"replyEdit"_s);
    m_status->setObjectName(u"statusLabel"_s);
    m_timer->setObjectName(u"refreshTimer"_s);
    // Header: the Active Groups of whoever is signed in (the status bar says who), refresh.
    auto *header = new QHBoxLayout;
    header->addWidget(new PageHeader(tr("Inbox"), this));
    header->addStretch();
    auto *activeGroups = new QPushButton(ConsoleLook::icon(u":/icons/actions/presence.svg"_s),
                                         tr("Active Gr&oups…"), this);
    activeGroups->setToolTip(
        tr("Which groups' calls and texts you take, and whether you are available"));
    connect(activeGroups, &QPushButton::clicked, this,
            [this] { emit activeGroupsRequested(signedInUser()); });
    header->addWidget(activeGroups);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setIcon(ConsoleLook::icon(u":/icons/actions/refresh.svg"_s));
    refreshButton->setToolTip(tr("Refresh (F5)"));
    refreshButton->setShortcut(QKeySequence::Refresh);
    connect(refreshButton, &QToolButton::clicked, this, &InboxPage::refresh);
    header->addWidget(refreshButton);

    // Without anyone signed in there is nothing to read: say so, and offer to sign in.
    auto *empty = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(empty);
    auto *note = new QLabel(tr("Texts and voicemails are kept by the routing backend. Sign in "
                               "to it, and \"My messages\" and your groups' inboxes appear "
                               "here."),
                            empty);
    note->setWordWrap(true);
    auto *setUp = new QPushButton(ConsoleLook::icon(u":/icons/actions/backend.svg"_s),
                                  tr("Sign &in to the backend…"), empty);
    setUp->setObjectName(u"signInButton"_s);
    connect(setUp, &QPushButton::clicked, this, &InboxPage::backendSettingsRequested);
    emptyLayout->addWidget(note);
    emptyLayout->addWidget(setUp, 0, Qt::AlignLeft);
    emptyLayout->addStretch();

    // Sections | list | item.
    m_sections->setHeaderHidden(true);
    m_sections->setRootIsDecorated(true);
    m_sections->setMinimumWidth(180);
    // A table, not a tree: QTreeView fetches more on every layout, which would load the whole
    // inbox; a table asks only when its last row comes into view. Fixed row heights keep
    // scrolling through 200,000 rows cheap.
    m_list->setModel(m_model);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter); // as rows
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->horizontalHeader()->setHighlightSections(false);
    m_list->horizontalHeader()->setSectionResizeMode(InboxModel::MessageColumn,
                                                     QHeaderView::Stretch);
    m_list->setColumnWidth(InboxModel::FromColumn, 170);
    m_list->setColumnWidth(InboxModel::ReceivedColumn, 165);
    m_list->setColumnWidth(InboxModel::AssignedColumn, 120);

    m_title->setTextFormat(Qt::PlainText);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_info->setWordWrap(true);
    m_body->setOpenExternalLinks(true);
    // An action of its own, not the button's shortcut: the button's text changes (Mark read,
    // Mark unread), and a button's new text sets its shortcut to the text's mnemonic, which
    // would drop Ctrl+U. As an action, Help → Keyboard Shortcuts lists it.
    auto *readKey = new QAction(tr("Mark read or unread"), this);
    readKey->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    readKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(readKey, &QAction::triggered, this, &InboxPage::toggleRead);
    addAction(readKey);
    // Ctrl+P plays and pauses the voicemail shown, wherever the focus is on this page.
    addAction(m_player->playAction());
    m_read->setToolTip(tr("Mark read or unread (Ctrl+U)"));
    m_delete->setToolTip(tr("Delete (Del)"));
    m_assign->setText(tr("Assig&n"));
    m_assign->setIcon(ConsoleLook::icon(u":/icons/actions/assign.svg"_s));
    m_assign->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_assign->setPopupMode(QToolButton::InstantPopup);
    m_assign->setMenu(new QMenu(m_assign));
    auto *actions = new QHBoxLayout;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_read, m_archive, m_delete, m_assign, m_close})
        actions->addWidget(w);
    actions->addStretch();
    connect(m_read, &QPushButton::clicked, this, &InboxPage::toggleRead);
    connect(m_archive, &QPushButton::clicked, this, &InboxPage::archive);
    connect(m_delete, &QPushButton::clicked, this, &InboxPage::remove);
    connect(m_close, &QPushButton::clicked, this, &InboxPage::closeConversation);
    auto *del = new QShortcut(QKeySequence::Delete, m_list);
    connect(del, &QShortcut::activated, this, &InboxPage::remove);

    connect(m_replies, &ReplyList::retryRequested, this, &InboxPage::retryReply);
    // Re-armed after each answer, so that a slow backend never has two of these waiting.
    m_repliesTimer->setSingleShot(true);
    m_repliesTimer->setInterval(3000);
    connect(m_repliesTimer, &QTimer::timeout, this, &InboxPage::loadReplies);
    // Listening to a voicemail reads it, as opening it does.
    connect(m_player, &VoicemailPlayer::played, this, [this](const QString &id) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && m_model->item(row).read == false)
            m_model->setRead(id, true);
    });
    m_replyEdit->setPlaceholderText(tr("Write a reply…"));
    m_replyEdit->setMaximumHeight(90);
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    connect(m_send, &QPushButton::clicked, this, &InboxPage::sendReply);
    auto *replyLayout = new QVBoxLayout(m_replyBox);
    replyLayout->setContentsMargins(0, 0, 0, 0);
    replyLayout->addWidget(m_replies);
    replyLayout->addWidget(m_replyEdit);
    replyLayout->addWidget(m_send, 0, Qt::AlignRight);

    auto *detailLayout = new QVBoxLayout(m_detail);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_info);
    detailLayout->addWidget(m_body, 1);
    detailLayout->addWidget(m_player);
    detailLayout->addLayout(actions);
    detailLayout->addWidget(m_replyBox);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_sections);
    auto *right = new QSplitter(Qt::Vertical, splitter);
    right->addWidget(m_list);
    right->addWidget(m_detail);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({210, 800});

    m_stack->addWidget(empty);
    m_stack->addWidget(splitter);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);

    // The sections are those of whoever is signed in: their own and their groups'.
    connect(m_document, &OrganizationDocument::organizationReset, this,
            &InboxPage::rebuildSections);
    connect(m_connection, &BackendConnection::identityChanged, this, [this] {
        rebuildSections();
        updateAvailability();
    });

    connect(m_sections, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, KindRole).toString().isEmpty())
            showList(item->data(0, OwnerRole).toString(), item->data(0, KindRole).toString());
    });
    // Opening an unread item reads it: once it has been open for a moment, so that walking
    // down the list with the arrow keys does not read every message passed on the way.
    m_readTimer->setSingleShot(true);
    m_readTimer->setInterval(ReadAfterMs);
    connect(m_readTimer, &QTimer::timeout, this, [this] {
        const QModelIndex current = m_list->currentIndex();
        if (current.isValid() && current.data(InboxModel::UnreadRole).toBool())
            m_model->setRead(current.data(InboxModel::IdRole).toString(), true);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        // (Tab into the list selects the row made current: ConsoleLook, for every list.)
        m_readTimer->start();
        updateDetail();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &InboxPage::updateDetail);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &InboxPage::updateDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InboxPage::updateDetail);
    connect(m_model, &InboxModel::loaded, this, [this] {
        if (!m_list->currentIndex().isValid())
            updateDetail(); // "Nothing here." becomes "Choose a message."
    });
    connect(m_model, &InboxModel::changed, this, &InboxPage::updateCounts);
    connect(m_model, &InboxModel::failed, this,
            [this](const QString &message) { showMessage(message, true); });
    connect(m_model, &InboxModel::loaded, this, [this] {
        if (m_stickyFor.isEmpty())
            showMessage({}, false); // a load that failed before has worked now
    });
    connect(m_model, &InboxModel::replyRefused, this,
            [this](const QString &id, int status, const QString &message) {
                // 409: routerd has no carrier account. Said for whoever replies (an agent
                // cannot start routerd); the backend's own sentence is in the tooltip.
                showMessage(status == 409 ? tr("Your reply was not sent: the backend has no "
                                               "carrier account to send texts with yet. Ask an "
                                               "admin to set it up; your text is kept here.")
                                          : tr("Your reply was not sent: %1").arg(message),
                            true, id);
                m_status->setToolTip(message);
            });
    // The backend took the reply (it sends it on its own): the editor is done with it, and the
    // reply shows under the text with its state. Refused (no carrier account, say), the text
    // stays in the editor and the backend's sentence says why.
    connect(m_model, &InboxModel::replied, this, [this](const QString &id, const Api::Reply &) {
        if (id == m_repliesShown)
            m_replyEdit->clear();
        m_drafts.remove(id);
        showMessage({}, false);
        loadReplies();
    });
    connect(m_connection, &BackendConnection::stateChanged, this, &InboxPage::updateAvailability);

    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &InboxPage::refresh);
    updateAvailability();
    rebuildSections();

    // Tab from the list goes where one writes back first, then to the message and what can
    // be done to it (those have their keys too: Ctrl+U, Del, ...).
    const QList<QWidget *> order{m_list,    m_replyEdit, m_send,   m_body, m_read,
                                 m_archive, m_delete,    m_assign, m_close};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

InboxPage::~InboxPage()
{
    m_model->disconnect(this);
}

QString InboxPage::signedInUser() const
{
    const auto &me = m_connection->identity();
    return me ? me->user : QString();
}

QStringList InboxPage::owners() const
{
    // Their own and their groups', as the backend says (its current revision); the admin
    // token, no one's own: every group's.
    const auto &me = m_connection->identity();
    if (!me)
        return {};
    QStringList list;
    if (!me->user.isEmpty()) {
        list.append(Owner::user(me->user).queryKey());
        for (const QString &g : me->groups)
            list.append(Owner::group(g).queryKey());
    } else {
        for (const Group &g : m_document->organization().groups)
            list.append(Owner::group(g.id).queryKey());
    }
    return list;
}

void InboxPage::rebuildSections()
{
    const QString wantedOwner = m_model->owner();
    const QString wantedKind = m_model->kind();
    QSignalBlocker block(m_sections);
    m_sections->clear();
    QTreeWidgetItem *select = nullptr;
    for (const QString &owner : owners()) {
        const auto parsed = Owner::fromQueryKey(owner);
        const bool mine = parsed && !parsed->isGroup();
        if (!parsed)
            continue;
        // A group this organization does not have (yet) goes by its id.
        const Group *group = mine ? nullptr : m_document->organization().group(parsed->id);
        auto *top = new QTreeWidgetItem(m_sections, {mine    ? tr("My messages")
                                                     : group ? group->displayName()
                                                             : parsed->id});
        top->setData(0, OwnerRole, owner);
        top->setIcon(0, ConsoleLook::icon(mine ? u":/icons/sections/inbox.svg"_s
                                               : u":/icons/sections/users.svg"_s));
        for (const auto &[kind, label] :
             {std::pair{QString::fromLatin1(Api::TextKind), tr("Texts")},
              std::pair{QString::fromLatin1(Api::VoicemailKind), tr("Voicemails")}}) {
            auto *child = new QTreeWidgetItem(top, {label});
            child->setData(0, OwnerRole, owner);
            child->setData(0, KindRole, kind);
            child->setData(0, LabelRole, label);
            if ((owner == wantedOwner && kind == wantedKind) || !select)
                select =
                    owner == wantedOwner && kind == wantedKind ? child : (select ? select : child);
        }
    }
    m_sections->expandAll();
    block.unblock();
    if (select)
        m_sections->setCurrentItem(select);
    updateCounts();
}

void InboxPage::updateCounts()
{
    if (!m_connection->client()->isConfigured() || !m_connection->identity())
        return; // nobody to count for
    QList<Owner> owners;
    for (const QString &owner : this->owners()) {
        if (const auto o = Owner::fromQueryKey(owner))
            owners.append(*o);
    }
    RouterdClient(m_connection->client())
        .counts(owners, this, [this](const BackendResponse &reply, const Api::InboxCounts &counts) {
            if (!reply.ok())
                return; // the list says what is wrong
            for (int i = 0; i < m_sections->topLevelItemCount(); ++i) {
                QTreeWidgetItem *top = m_sections->topLevelItem(i);
                int unreadHere = 0;
                for (int c = 0; c < top->childCount(); ++c) {
                    QTreeWidgetItem *child = top->child(c);
                    const int unread = counts
                                           .of(child->data(0, OwnerRole).toString(),
                                               child->data(0, KindRole).toString())
                                           .unread;
                    unreadHere += unread;
                    const QString label = child->data(0, LabelRole).toString();
                    child->setText(0, unread ? tr("%1 (%2)").arg(label).arg(unread) : label);
                    QFont font = child->font(0);
                    font.setBold(unread > 0);
                    child->setFont(0, font);
                }
                QFont font = top->font(0);
                font.setBold(unreadHere > 0);
                top->setFont(0, font);
            }
        });
}

void InboxPage::showList(const QString &owner, const QString &kind)
{
    if (owner == m_model->owner() && kind == m_model->kind())
        return;
    m_model->setList(owner, kind);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    updateDetail();
}

QString InboxPage::currentItemId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(InboxModel::IdRole).toString() : QString();
}

void InboxPage::refresh()
{
    if (!m_connection->client()->isConfigured() || !m_connection->identity())
        return;
    m_model->refresh();
    updateCounts();
}

void InboxPage::updateAvailability()
{
    const bool configured =
        m_connection->client()->isConfigured() && m_connection->identity().has_value();
    m_stack->setCurrentIndex(configured ? 1 : 0);
    if (!configured)
        return;
    updateCounts(); // unread counts even before anyone looks
    if (isVisible() && !m_timer->isActive()) {
        m_timer->start();
        refresh();
    }
}

void InboxPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_connection->client()->isConfigured() && m_connection->identity()) {
        m_timer->start();
        refresh();
        loadReplies(); // and asks again while any is pending
    }
}

void InboxPage::hideEvent(QHideEvent *event)
{
    m_timer->stop(); // nobody reads it: no need to ask
    m_repliesTimer->stop();
    m_player->stop();
    QWidget::hideEvent(event);
}

void InboxPage::showMessage(const QString &text, bool error, const QString &about)
{
    m_stickyFor = about;
    m_status->setToolTip({});
    m_status->setText(text);
    ConsoleLook::setTone(m_status, error ? ConsoleLook::Tone::Problem : ConsoleLook::Tone::Normal);
}

void InboxPage::updateDetail()
{
    const QModelIndex current = m_list->currentIndex();
    const bool has = current.isValid();
    if (!m_stickyFor.isEmpty() && currentItemId() != m_stickyFor)
        showMessage({}, false); // it was about another message
    const Api::InboxItem item =
        has ? current.data(InboxModel::ItemRole).value<Api::InboxItem>() : Api::InboxItem();
    const bool voicemail = item.isVoicemail();
    m_detail->setEnabled(has);
    const Organization &org = m_document->organization();
    if (!has) {
        m_title->setText(m_model->rowCount() ? tr("Choose a message.") : tr("Nothing here."));
        m_info->clear();
        m_body->clear();
    } else {
        const QDateTime at = QDateTime::fromString(item.createdAt, Qt::ISODateWithMs).toLocalTime();
        m_title->setText(tr("%1 → %2").arg(
            current.siblingAtColumn(InboxModel::FromColumn).data().toString(), item.to));
        QStringList info{QLocale().toString(at, QLocale::LongFormat)};
        if (voicemail)
            info.append(tr("voicemail of %n second(s)", nullptr, item.durationSeconds));
        const QString &assigned = item.assignedTo;
        info.append(assigned.isEmpty() ? tr("not assigned")
                                       : tr("assigned to %1").arg(org.userName(assigned)));
        if (!item.conversation.isEmpty())
            info.append(item.closed ? tr("conversation closed") : tr("conversation open"));
        m_info->setText(info.join(u" · "_s));
        QString html = item.body.toHtmlEscaped().replace(u'\n', u"<br>"_s);
        if (voicemail && html.isEmpty())
            html = u"<i>"_s + tr("No transcription.").toHtmlEscaped() + u"</i>"_s;
        for (const QString &m : item.media)
            html += u"<p><a href=\"%1\">%2</a></p>"_s.arg(
                m.toHtmlEscaped(), tr("Attachment: %1").arg(m).toHtmlEscaped());
        m_body->setHtml(html);
    }
    m_player->setVisible(voicemail);
    if (voicemail)
        m_player->setItem(item, current.siblingAtColumn(InboxModel::FromColumn).data().toString());
    else
        m_player->stop();
    m_read->setText(!has || item.read ? tr("Mark &unread") : tr("Mark &read"));
    m_close->setVisible(!item.conversation.isEmpty());
    m_close->setEnabled(!item.closed);
    m_replyBox->setVisible(has && !voicemail);
    m_delete->setEnabled(mayDelete(item));
    m_delete->setToolTip(m_delete->isEnabled() || !has
                             ? tr("Delete (Del)")
                             : tr("Only admins, and managers in their groups' inboxes, delete "
                                  "messages."));

    // Assign: the group's members, or anyone for a personal inbox.
    QMenu *menu = m_assign->menu();
    menu->clear();
    const QString owner = m_model->owner();
    const auto parsedOwner = Owner::fromQueryKey(owner);
    const Group *group =
        parsedOwner && parsedOwner->isGroup() ? org.group(parsedOwner->id) : nullptr;
    QStringList people;
    if (group) {
        for (const Member &m : group->members)
            people.append(m.user);
    } else {
        for (const User &u : org.users)
            people.append(u.id);
    }
    for (const QString &id : std::as_const(people))
        menu->addAction(org.userName(id), this, [this, id] { assignTo(id); });
    menu->addSeparator();
    menu->addAction(tr("Nobody"), this, [this] { assignTo({}); });

    // What this backend did with earlier replies: asked when another item is shown (not on
    // every refresh of the list), and after a reply.
    const QString id = has && !voicemail ? item.id : QString();
    if (id != m_repliesShown) {
        // A reply being written belongs to its message: kept with it when another is opened
        // (never sent to the next customer by mistake), and back when it is opened again.
        const QString draft = m_replyEdit->toPlainText();
        if (!m_repliesShown.isEmpty()) {
            if (draft.trimmed().isEmpty())
                m_drafts.remove(m_repliesShown);
            else
                m_drafts.insert(m_repliesShown, draft);
        }
        m_replyEdit->setPlainText(m_drafts.take(id));
        m_repliesShown = id;
        m_replies->clear();
        m_repliesTimer->stop();
        loadReplies();
    }
}

void InboxPage::loadReplies()
{
    const QString id = m_repliesShown;
    if (id.isEmpty())
        return;
    RouterdClient(m_connection->client())
        .replies(id, this,
                 [this, id](const BackendResponse &reply, const QList<Api::Reply> &replies) {
                     if (m_repliesShown != id)
                         return;
                     // Not answered: what is shown stays, and is asked again if it may change.
                     if (reply.ok())
                         m_replies->setReplies(replies);
                     // Queued and freshly sent replies still change (sent, delivered, failed): ask
                     // again in a moment while the text is shown; nothing pending, no more asking.
                     const QDateTime now = QDateTime::currentDateTimeUtc();
                     const QList<Api::Reply> &shown = m_replies->replies();
                     const bool pending =
                         std::any_of(shown.cbegin(), shown.cend(), [&now](const Api::Reply &r) {
                             return ReplyList::isPending(r, now);
                         });
                     if (pending && isVisible())
                         m_repliesTimer->start();
                     else
                         m_repliesTimer->stop();
                 });
}

void InboxPage::toggleRead()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    m_readTimer->stop(); // made unread by hand: not read again by the timer
    m_model->setRead(currentItemId(), current.data(InboxModel::UnreadRole).toBool());
}

void InboxPage::archive()
{
    if (!currentItemId().isEmpty())
        m_model->setArchived(currentItemId(), true);
}

bool InboxPage::mayDelete(const Api::InboxItem &item) const
{
    // Admins delete anything; managers their groups' items; agents nothing (API.md's table).
    const std::optional<Role> role = m_connection->role();
    return role == Role::Admin || (role == Role::Manager && item.owner.isGroup());
}

void InboxPage::remove()
{
    const QString id = currentItemId();
    if (id.isEmpty() || !m_delete->isEnabled())
        return;
    if (QMessageBox::question(
            this, tr("Delete"), tr("Delete this message for everyone who reads this inbox?"),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes)
        m_model->remove(id);
}

void InboxPage::assignTo(const QString &userId)
{
    if (!currentItemId().isEmpty())
        m_model->assign(currentItemId(), userId);
}

void InboxPage::closeConversation()
{
    if (!currentItemId().isEmpty())
        m_model->closeConversation(currentItemId());
}

void InboxPage::retryReply(const QString &replyId)
{
    const QString item = m_repliesShown;
    if (item.isEmpty())
        return;
    RouterdClient(m_connection->client())
        .retryReply(item, replyId, this, [this](const BackendResponse &reply, const Api::Reply &) {
            if (!reply.ok())
                showMessage(reply.error, true);
            else
                showMessage({}, false);
            loadReplies();
        });
}

void InboxPage::sendReply()
{
    const QString text = m_replyEdit->toPlainText().trimmed();
    if (text.isEmpty() || currentItemId().isEmpty())
        return;
    m_model->reply(currentItemId(), text);
}

} // namespace Switchboard
