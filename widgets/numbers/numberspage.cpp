#include "numberspage.h"

#include "backend/backendconnection.h"
#include "backend/routerdclient.h"
#include "document/organizationdocument.h"
#include "flowlist/flowsnumbersedits.h"
#include "numbers/e164validator.h"
#include "numbers/numberdialog.h"
#include "numbers/numbersmodel.h"
#include "shell/consolelook.h"
#include "shell/namedialog.h"
#include "shell/pageheader.h"

#include <QAction>
#include <QActionGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QToolButton *toolButton(const QString &icon, const QString &text, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(ConsoleLook::icon(u":/icons/actions/"_s + icon + u".svg"_s));
    b->setText(text);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}
} // namespace

NumbersPage::NumbersPage(OrganizationDocument *document, FlowsNumbersEdits *editor, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(editor)
    , m_model(new NumbersModel(editor, this))
    , m_blocked(new BlockedModel(document, this))
    , m_contacts(new ContactsModel(document, this))
    , m_view(new QTreeView(this))
    , m_blockedView(new QListView(this))
    , m_contactsView(new QTreeView(this))
    , m_blockField(new QLineEdit(this))
    , m_blockProblem(new QLabel(this))
{
    // Named, so that the tests can find them.
    m_view->setObjectName(u"numbersView"_s);
    m_blockedView->setObjectName(u"blockedView"_s);
    m_contactsView->setObjectName(u"contactsView"_s);
    m_blockField->setObjectName(u"blockField"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_view->header()->resizeSection(NumbersModel::NumberColumn, 150);
    m_view->header()->resizeSection(NumbersModel::LabelColumn, 170);
    m_view->header()->resizeSection(NumbersModel::FlowColumn, 170);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() != NumbersModel::FlowColumn)
            return;
        showFlowMenu(index.data(NumbersModel::NumberRole).toString(),
                     m_view->viewport()->mapToGlobal(m_view->visualRect(index).bottomLeft()));
    });
    // The keyboard's twin: Enter on the row (F2 edits the number), or its menu key.
    const auto flowMenuForCurrent = [this] {
        const QModelIndex cell = m_view->currentIndex().siblingAtColumn(NumbersModel::FlowColumn);
        if (cell.isValid())
            showFlowMenu(cell.data(NumbersModel::NumberRole).toString(),
                         m_view->viewport()->mapToGlobal(m_view->visualRect(cell).bottomLeft()));
    };
    connect(m_view, &QTreeView::activated, this, flowMenuForCurrent);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTreeView::customContextMenuRequested, this, flowMenuForCurrent);

    // The status says what is wrong in a sentence: it takes the room left, not a fixed width.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(NumbersModel::StatusColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(NumbersModel::CarrierColumn,
                                           QHeaderView::ResizeToContents);

    auto *addButton = toolButton(u"add"_s, tr("Add Number…"), this);
    auto *removeButton = toolButton(u"delete"_s, tr("Remove Number"), this);
    connect(addButton, &QToolButton::clicked, this, &NumbersPage::addNumber);
    connect(removeButton, &QToolButton::clicked, this, &NumbersPage::removeNumber);

    m_blockedView->setModel(m_blocked);
    m_blockField->setValidator(new E164Validator(m_blockField));
    m_blockField->setPlaceholderText(tr("Number to block, e.g. +15125550666"));
    ConsoleLook::setTone(m_blockProblem, ConsoleLook::Tone::Problem);
    m_blockProblem->setWordWrap(true);
    auto *blockButton = toolButton(u"add"_s, tr("Block"), this);
    auto *unblockButton = toolButton(u"remove"_s, tr("Unblock"), this);
    connect(blockButton, &QToolButton::clicked, this, &NumbersPage::blockTyped);
    connect(m_blockField, &QLineEdit::returnPressed, this, &NumbersPage::blockTyped);
    connect(m_blockField, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_blockProblem->setText(text.size() <= 1 ? QString() : E164Validator::explain(text));
    });
    connect(unblockButton, &QToolButton::clicked, this, &NumbersPage::unblockSelected);

    m_contactsView->setModel(m_contacts);
    m_contactsView->setRootIsDecorated(false);
    m_contactsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_contactsView, &QTreeView::customContextMenuRequested, this,
            [this](const QPoint &pos) {
                const QModelIndex index = m_contactsView->indexAt(pos);
                if (!index.isValid())
                    return;
                const QString number =
                    index.siblingAtColumn(ContactsModel::NumberColumn).data().toString();
                QMenu menu(this);
                QAction *spam = menu.addAction(ConsoleLook::icon(u":/icons/actions/delete.svg"_s),
                                               tr("Mark %1 as Spam").arg(number));
                spam->setEnabled(!m_document->organization().blocked.contains(number));
                connect(spam, &QAction::triggered, this,
                        [this, number] { m_editor->markAsSpam(number); });
                menu.exec(m_contactsView->viewport()->mapToGlobal(pos));
            });

    auto *numbersHeader = new QHBoxLayout;
    numbersHeader->addWidget(new PageHeader(tr("Phone Numbers"), this));
    numbersHeader->addStretch();
    numbersHeader->addWidget(addButton);
    numbersHeader->addWidget(removeButton);
    // The carrier account: its numbers into the document, and the document's numbers wired to
    // the backend there.
    m_import = toolButton(u"add"_s, tr("Import from Carrier"), this);
    m_import->setObjectName(u"importFromCarrier"_s);
    m_wire = toolButton(u"backend"_s, tr("Wire to Backend"), this);
    m_wire->setObjectName(u"wireToBackend"_s);
    connect(m_import, &QToolButton::clicked, this, &NumbersPage::importFromCarrier);
    connect(m_wire, &QToolButton::clicked, this, &NumbersPage::wireToBackend);
    numbersHeader->addWidget(m_import);
    numbersHeader->addWidget(m_wire);
    m_carrierMessage = new QLabel(this);
    m_carrierMessage->setObjectName(u"carrierMessage"_s);
    m_carrierMessage->setWordWrap(true);
    m_carrierMessage->setTextFormat(Qt::PlainText);
    m_carrierMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_carrierMessage->hide();

    auto *blockedPane = new QWidget(this);
    auto *blockedLayout = new QVBoxLayout(blockedPane);
    blockedLayout->setContentsMargins(0, 0, 0, 0);
    blockedLayout->addWidget(new PageHeader(tr("Blocked Numbers"), blockedPane));
    auto *blockRow = new QHBoxLayout;
    blockRow->addWidget(m_blockField, 1);
    blockRow->addWidget(blockButton);
    blockRow->addWidget(unblockButton);
    blockedLayout->addLayout(blockRow);
    blockedLayout->addWidget(m_blockProblem);
    blockedLayout->addWidget(m_blockedView);
    auto *contactsPane = new QWidget(this);
    auto *contactsLayout = new QVBoxLayout(contactsPane);
    contactsLayout->setContentsMargins(0, 0, 0, 0);
    contactsLayout->addWidget(new PageHeader(tr("Contacts"), contactsPane));
    auto *contactsHint = new QLabel(
        tr("Right-click a contact (or press the Menu key on one) to mark their number as "
           "spam."),
        contactsPane);
    contactsHint->setForegroundRole(QPalette::PlaceholderText);
    contactsLayout->addWidget(contactsHint);
    contactsLayout->addWidget(m_contactsView);
    auto *lower = new QSplitter(this);
    lower->addWidget(blockedPane);
    lower->addWidget(contactsPane);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(numbersHeader);
    topLayout->addWidget(m_carrierMessage);
    topLayout->addWidget(m_view);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_readOnlyNote = new QLabel(tr("You can look at the numbers; only admins change them."), this);
    m_readOnlyNote->setObjectName(u"readOnlyNote"_s);
    m_readOnlyNote->hide();
    m_editing = {addButton, removeButton, blockButton, unblockButton, m_blockField};
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnlyNote);
    layout->addWidget(split);
    updateCarrierButtons();
}

void NumbersPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QWidget *w : std::as_const(m_editing))
        w->setEnabled(!readOnly);
    m_view->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                     : QAbstractItemView::EditKeyPressed |
                                           QAbstractItemView::DoubleClicked);
    m_contactsView->setContextMenuPolicy(readOnly ? Qt::NoContextMenu : Qt::CustomContextMenu);
    m_readOnlyNote->setVisible(readOnly);
    updateCarrierButtons();
}

void NumbersPage::setBackend(BackendConnection *connection)
{
    m_connection = connection;
    connect(connection, &BackendConnection::identityChanged, this, [this] {
        updateCarrierButtons();
        refreshCarrier();
    });
    updateCarrierButtons();
    refreshCarrier();
}

void NumbersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshCarrier(); // someone may have changed the account meanwhile
}

void NumbersPage::updateCarrierButtons()
{
    const std::optional<Role> role = m_connection ? m_connection->role() : std::nullopt;
    const bool admin = role == Role::Admin;
    m_import->setEnabled(admin && !m_readOnly);
    m_wire->setEnabled(admin && !m_readOnly);
    const QString why = !role ? tr("Sign in to the backend as an admin first.")
                              : tr("Only admins change the carrier account's numbers.");
    m_import->setToolTip(m_import->isEnabled()
                             ? tr("Add the carrier account's numbers that are not listed here, "
                                  "labelled with their names there")
                             : why);
    m_wire->setToolTip(m_wire->isEnabled()
                           ? tr("Point the selected numbers (none selected: every number the "
                                "backend routes) at this backend, at the carrier. Push first.")
                           : why);
}

void NumbersPage::showCarrierMessage(const QString &text, bool error)
{
    m_carrierMessage->setText(text);
    m_carrierMessage->setVisible(!text.isEmpty());
    ConsoleLook::setTone(m_carrierMessage,
                         error ? ConsoleLook::Tone::Problem : ConsoleLook::Tone::Normal);
}

QString NumbersPage::carrierMessage() const
{
    return m_carrierMessage->text();
}

void NumbersPage::queueCarrierRequest(std::function<QNetworkReply *()> start)
{
    m_carrierQueue.append(std::move(start));
    if (!m_carrierBusy)
        nextCarrierRequest();
}

void NumbersPage::nextCarrierRequest()
{
    m_carrierBusy = nullptr;
    while (!m_carrierBusy && !m_carrierQueue.isEmpty())
        m_carrierBusy = m_carrierQueue.takeFirst()();
}

namespace {
// Admins and managers may list the account's numbers.
bool mayListCarrier(const BackendConnection *connection)
{
    const std::optional<Role> role = connection ? connection->role() : std::nullopt;
    return role && *role != Role::Agent;
}
} // namespace

void NumbersPage::refreshCarrier()
{
    ++m_carrierRequest; // an answer to an earlier request is old news
    if (!mayListCarrier(m_connection)) {
        m_model->setCarrierUnknown(
            tr("Sign in to the backend as an admin or a manager to see the carrier account's "
               "numbers."));
        return;
    }
    if (m_refreshQueued)
        return; // the one waiting asks for the latest anyway
    m_refreshQueued = true;
    queueCarrierRequest([this]() -> QNetworkReply * {
        m_refreshQueued = false;
        if (!mayListCarrier(m_connection))
            return nullptr; // signed out meanwhile
        const int request = m_carrierRequest;
        return RouterdClient(m_connection->client())
            .carrierNumbers(this, [this, request](const BackendResponse &reply,
                                                  const Api::CarrierNumbers &numbers) {
                nextCarrierRequest();
                if (request != m_carrierRequest)
                    return;
                if (reply.ok())
                    m_model->setCarrier(numbers);
                else
                    m_model->setCarrierUnknown(
                        tr("The backend could not list the carrier account's numbers: %1")
                            .arg(reply.error));
            });
    });
}

void NumbersPage::importFromCarrier()
{
    if (m_readOnly || !m_import->isEnabled())
        return;
    showCarrierMessage(tr("Asking the carrier account for its numbers…"), false);
    queueCarrierRequest([this] {
        return RouterdClient(m_connection->client())
            .carrierNumbers(this, [this](const BackendResponse &reply,
                                         const Api::CarrierNumbers &numbers) {
                nextCarrierRequest();
                if (m_readOnly || !m_import->isEnabled()) {
                    showCarrierMessage({}, false); // signed out, or not an admin, meanwhile
                    return;
                }
                if (!reply.ok()) {
                    showCarrierMessage(tr("Nothing was imported: %1").arg(reply.error), true);
                    return;
                }
                m_model->setCarrier(numbers);
                QList<std::pair<QString, QString>> missing;
                for (const Api::CarrierNumber &n : numbers.numbers) {
                    if (!m_document->organization().number(n.number))
                        missing.append({n.number, n.friendlyName});
                }
                const int added = m_editor->addNumbers(missing);
                showCarrierMessage(
                    added
                        ? tr("Added %n number(s) from the carrier account; give them a flow, save "
                             "and push.",
                             nullptr, added)
                        : tr("Every number of the carrier account is listed here already."),
                    false);
            });
    });
}

void NumbersPage::wireToBackend()
{
    if (m_readOnly || !m_wire->isEnabled())
        return;
    QStringList numbers;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        numbers.append(index.data(NumbersModel::NumberRole).toString());
    // The backend wires what its configuration routes: what was pushed, not what is here.
    const QString unpushed =
        m_connection->hasUnpushedChanges()
            ? tr("This organization has changes not pushed yet: the backend wired the numbers "
                 "as its last push routes them.")
            : QString();
    showCarrierMessage(tr("Wiring…"), false);
    queueCarrierRequest([this, numbers, unpushed] {
        return RouterdClient(m_connection->client())
            .wireNumbers(
                numbers, this,
                [this, unpushed](const BackendResponse &reply, const Api::WireResult &result) {
                    nextCarrierRequest();
                    refreshCarrier();
                    if (!reply.ok()) {
                        showCarrierMessage(tr("Not wired: %1").arg(reply.error), true);
                        return;
                    }
                    QStringList lines;
                    lines.append(result.wired.isEmpty()
                                     ? tr("No number was wired.")
                                     : tr("Wired to this backend: %1.")
                                           .arg(QLocale().createSeparatedList(result.wired)));
                    for (const auto &[number, why] : result.skipped)
                        lines.append(tr("Skipped %1: %2").arg(number, why));
                    if (!unpushed.isEmpty())
                        lines.append(unpushed);
                    showCarrierMessage(lines.join(u'\n'), !result.skipped.isEmpty());
                });
    });
}

void NumbersPage::addNumber()
{
    if (m_readOnly)
        return;
    NumberDialog dialog([this](const QString &n) { return m_editor->numberProblem(n); }, this);
    if (dialog.exec() == QDialog::Accepted)
        m_editor->addNumber(dialog.number(), dialog.label());
}

void NumbersPage::removeNumber()
{
    if (m_readOnly)
        return;
    const QString number = m_view->currentIndex().data(NumbersModel::NumberRole).toString();
    if (!number.isEmpty())
        m_editor->removeNumber(number);
}

void NumbersPage::blockTyped()
{
    if (m_readOnly)
        return;
    if (m_editor->block(m_blockField->text()))
        m_blockField->clear();
    else
        m_blockProblem->setText(m_editor->blockedProblem(m_blockField->text()));
}

void NumbersPage::unblockSelected()
{
    if (m_readOnly)
        return;
    const QString number = m_blockedView->currentIndex().data().toString();
    if (!number.isEmpty())
        m_editor->unblock(number);
}

void NumbersPage::showFlowMenu(const QString &number, const QPoint &at)
{
    if (m_readOnly)
        return;
    const PhoneNumber *n = m_document->organization().number(number);
    if (!n)
        return;
    QMenu menu(this);
    // One of many: shown as such (radio marks), the current one chosen.
    auto *oneOf = new QActionGroup(&menu);
    oneOf->setExclusionPolicy(QActionGroup::ExclusionPolicy::Exclusive);
    for (const Flow &flow : m_document->organization().flows) {
        QAction *a = menu.addAction(flow.name);
        a->setCheckable(true);
        a->setChecked(flow.id == n->flow);
        oneOf->addAction(a);
        connect(a, &QAction::triggered, this,
                [this, number, id = flow.id] { m_editor->assignNumber(number, id); });
    }
    menu.addSeparator();
    QAction *none = menu.addAction(tr("No flow"));
    none->setCheckable(true);
    none->setChecked(n->flow.isEmpty());
    oneOf->addAction(none);
    connect(none, &QAction::triggered, this,
            [this, number] { m_editor->assignNumber(number, QString()); });
    QAction *create =
        menu.addAction(ConsoleLook::icon(u":/icons/actions/add.svg"_s), tr("Create new flow…"));
    connect(create, &QAction::triggered, this, [this, number, label = n->label] {
        NameDialog dialog(
            tr("Create a New Flow"), tr("Flow name:"), label,
            [this](const QString &name) { return m_editor->flowNameProblem(name); }, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const QString id = m_editor->createFlow(dialog.name(), number);
        if (!id.isEmpty())
            emit openFlow(id, Channel::Voice);
    });
    menu.exec(at);
}

} // namespace Switchboard
