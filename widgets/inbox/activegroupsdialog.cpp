#include "activegroupsdialog.h"

#include "backend/routerdclient.h"
#include "shell/confirmation.h"
#include "shell/consolelook.h"

#include "backend/backendclient.h"

#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

// Draws the Calls and Texts checkboxes in the middle of their cells, in line with "N/A"
// (the style puts them at the left edge), and toggles them where they are drawn.
class CenteredCheckDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const QVariant state = index.data(Qt::CheckStateRole);
        if (!state.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem cell = option;
        initStyleOption(&cell, index);
        QStyle *style = cell.widget ? cell.widget->style() : QApplication::style();
        // The background, selection and focus without the check, then the check itself.
        cell.features &= ~QStyleOptionViewItem::HasCheckIndicator;
        cell.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);
        QStyleOptionViewItem check = cell;
        check.rect = checkRect(option);
        check.state &= ~QStyle::State_HasFocus;
        check.state |=
            Qt::CheckState(state.toInt()) == Qt::Checked ? QStyle::State_On : QStyle::State_Off;
        style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &check, painter, cell.widget);
    }

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        const Qt::ItemFlags flags = model->flags(index);
        if (!(flags & Qt::ItemIsUserCheckable) || !(flags & Qt::ItemIsEnabled))
            return false;
        switch (event->type()) {
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick: {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() != Qt::LeftButton ||
                !checkRect(option).contains(mouse->position().toPoint()))
                return false;
            if (event->type() == QEvent::MouseButtonDblClick)
                return true; // the press and release before it toggled already
            break;
        }
        case QEvent::KeyPress: {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key != Qt::Key_Space && key != Qt::Key_Select)
                return false;
            break;
        }
        default:
            return false;
        }
        const bool on = Qt::CheckState(index.data(Qt::CheckStateRole).toInt()) == Qt::Checked;
        return model->setData(index, on ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    }

    static QRect checkRect(const QStyleOptionViewItem &option)
    {
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        const QSize size(style->pixelMetric(QStyle::PM_IndicatorWidth, &option, option.widget),
                         style->pixelMetric(QStyle::PM_IndicatorHeight, &option, option.widget));
        return QStyle::alignedRect(option.direction, Qt::AlignCenter, size, option.rect);
    }
};

} // namespace

ActiveGroupsModel::ActiveGroupsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ActiveGroupsModel::setUser(const Organization &organization, const QString &userId)
{
    beginResetModel();
    m_rows.clear();
    for (const Group &g : organization.groups) {
        const int i = g.indexOfMember(userId);
        if (i < 0)
            continue;
        const Member &m = g.members.at(i);
        m_rows.append({g.id, g.name, g.department, m.voice, m.sms});
    }
    m_known = false;
    // By department, those without one last, then by group.
    std::sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.department.isEmpty() != b.department.isEmpty())
            return b.department.isEmpty();
        if (const int c = a.department.localeAwareCompare(b.department); c != 0)
            return c < 0;
        return a.name.localeAwareCompare(b.name) < 0;
    });
    endResetModel();
    emit changed();
}

void ActiveGroupsModel::setActivity(const QHash<QString, Api::Activity> &groups)
{
    m_known = true;
    for (Row &row : m_rows) {
        const Api::Activity a = groups.value(row.groupId);
        row.voice = row.savedVoice = a.voice;
        row.sms = row.savedSms = a.sms;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, CallsColumn), index(m_rows.size() - 1, TextsColumn),
                         {Qt::CheckStateRole});
    emit changed();
}

void ActiveGroupsModel::markSaved(const Api::PresenceChange &change)
{
    for (Row &row : m_rows) {
        const auto channels = change.groups.value(row.groupId);
        if (channels.first)
            row.savedVoice = *channels.first;
        if (channels.second)
            row.savedSms = *channels.second;
    }
    emit changed();
}

Api::PresenceChange ActiveGroupsModel::changes() const
{
    Api::PresenceChange result;
    for (const Row &row : m_rows) {
        std::pair<std::optional<bool>, std::optional<bool>> channels;
        if (row.takesVoice && row.voice != row.savedVoice)
            channels.first = row.voice;
        if (row.takesSms && row.sms != row.savedSms)
            channels.second = row.sms;
        if (channels.first || channels.second)
            result.groups.insert(row.groupId, channels);
    }
    return result;
}

int ActiveGroupsModel::rowOfGroup(const QString &groupId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).groupId == groupId)
            return i;
    }
    return -1;
}

int ActiveGroupsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActiveGroupsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActiveGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == GroupIdRole)
        return row.groupId;
    switch (index.column()) {
    case DepartmentColumn:
        if (role == Qt::DisplayRole)
            return row.department.isEmpty() ? u"—"_s : row.department;
        if (role == Qt::ToolTipRole && row.department.isEmpty())
            return tr("This group has no department.");
        break;
    case GroupColumn:
        if (role == Qt::DisplayRole)
            return row.name;
        break;
    case CallsColumn:
    case TextsColumn: {
        const bool calls = index.column() == CallsColumn;
        if (!takesPart(row, index.column())) {
            if (role == Qt::DisplayRole)
                return tr("N/A");
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignCenter);
            if (role == Qt::ToolTipRole)
                return calls ? tr("Not applicable: %1 leaves this member out of its calls.")
                                   .arg(row.name)
                             : tr("Not applicable: %1 leaves this member out of its texts.")
                                   .arg(row.name);
            break;
        }
        if (!m_known) {
            if (role == Qt::DisplayRole)
                return u"?"_s;
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignCenter);
            if (role == Qt::ToolTipRole)
                return tr("Not known until the routing backend says: sign in to see it.");
            break;
        }
        const bool on = calls ? row.voice : row.sms;
        if (role == Qt::CheckStateRole)
            return on ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return calls ? tr("Take calls to %1 now").arg(row.name)
                         : tr("Take texts to %1 now").arg(row.name);
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant ActiveGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DepartmentColumn:
        return tr("Department");
    case GroupColumn:
        return tr("Group");
    case CallsColumn:
        return tr("Calls");
    case TextsColumn:
        return tr("Texts");
    default:
        return {};
    }
}

bool ActiveGroupsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || !isChannel(index.column()) ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    if (!takesPart(row, index.column()))
        return false; // "N/A" has nothing to switch
    const bool on = Qt::CheckState(value.toInt()) == Qt::Checked;
    bool &active = index.column() == CallsColumn ? row.voice : row.sms;
    if (active == on)
        return true;
    active = on;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit changed();
    return true;
}

Qt::ItemFlags ActiveGroupsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (!isChannel(index.column()))
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    // Not enabled: drawn greyed, and the keyboard cursor passes over it.
    if (!takesPart(m_rows.at(index.row()), index.column()) || !m_known)
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
           Qt::ItemNeverHasChildren;
}

ActiveGroupsDialog::ActiveGroupsDialog(const Organization &organization, BackendClient *backend,
                                       const QString &userId, bool canChooseUser, QWidget *parent)
    : QDialog(parent)
    , m_organization(organization)
    , m_backend(backend)
    , m_self(userId)
    , m_model(new ActiveGroupsModel(this))
    , m_available(new QRadioButton(tr("&Available"), this))
    , m_unavailable(new QRadioButton(tr("U&navailable"), this))
    , m_availabilityNote(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_loading(new QLabel(tr("Loading…"), this))
    , m_table(new QTableView(this))
    , m_noGroups(new QLabel(this))
    , m_loadError(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
    , m_signIn(new QPushButton(tr("&Sign in…"), this))
    , m_preview(new QTableView(this))
    , m_unknownUser(new QLabel(this))
    , m_saveError(new QLabel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Active Groups"));
    // Named, so that the tests can find them.
    m_available->setObjectName(u"availableButton"_s);
    m_unavailable->setObjectName(u"unavailableButton"_s);
    m_table->setObjectName(u"table"_s);
    m_retry->setObjectName(u"retryButton"_s);
    m_signIn->setObjectName(u"signInButton"_s);
    m_preview->setObjectName(u"previewTable"_s);
    m_buttons->setObjectName(u"buttons"_s);
    auto *layout = new QVBoxLayout(this);

    QString shown = userId;
    if (canChooseUser) {
        m_userCombo = new QComboBox(this);
        m_userCombo->setObjectName(u"userCombo"_s); // only where one may choose
        QList<const User *> users;
        for (const User &u : m_organization.users)
            users.append(&u);
        std::sort(users.begin(), users.end(), [](const User *a, const User *b) {
            return a->name.localeAwareCompare(b->name) < 0;
        });
        for (const User *u : std::as_const(users))
            m_userCombo->addItem(u->displayName(), u->id);
        // Nobody signed in (or someone unknown): start with the first user.
        if (m_userCombo->findData(shown) < 0 && m_userCombo->count() > 0)
            shown = m_userCombo->itemData(0).toString();
        m_userCombo->setCurrentIndex(m_userCombo->findData(shown));
        connect(m_userCombo, &QComboBox::currentIndexChanged, this,
                &ActiveGroupsDialog::userChosen);
        auto *form = new QFormLayout;
        form->addRow(tr("&User:"), m_userCombo);
        layout->addLayout(form);
    }

    auto *availability = new QButtonGroup(this);
    availability->addButton(m_available);
    availability->addButton(m_unavailable);
    connect(m_available, &QRadioButton::toggled, this, &ActiveGroupsDialog::updateButtons);
    auto *status = new QHBoxLayout;
    status->addWidget(new QLabel(tr("Status:"), this));
    status->addWidget(m_available);
    status->addWidget(m_unavailable);
    status->addStretch();
    layout->addLayout(status);
    m_availabilityNote->setWordWrap(true);
    layout->addWidget(m_availabilityNote);

    m_loading->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(m_loading);

    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers); // Space and clicks still toggle
    // Tab leaves the table for the buttons; the arrows move inside it.
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ActiveGroupsModel::GroupColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    // Calls and Texts alike, wide enough to read as columns of switches.
    const int channelWidth = std::max({header->sectionSizeHint(ActiveGroupsModel::CallsColumn),
                                       header->sectionSizeHint(ActiveGroupsModel::TextsColumn),
                                       fontMetrics().horizontalAdvance(u"MMMMM"_s)});
    for (const int column : {ActiveGroupsModel::CallsColumn, ActiveGroupsModel::TextsColumn}) {
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        header->resizeSection(column, channelWidth);
        m_table->setItemDelegateForColumn(column, new CenteredCheckDelegate(m_table));
    }
    m_pages->addWidget(m_table);

    m_noGroups->setAlignment(Qt::AlignCenter);
    m_noGroups->setWordWrap(true);
    m_pages->addWidget(m_noGroups);

    auto *errorPage = new QWidget(this);
    auto *errorLayout = new QVBoxLayout(errorPage);
    m_loadError->setWordWrap(true);
    m_loadError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ConsoleLook::setTone(m_loadError, ConsoleLook::Tone::Problem);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(m_loadError);
    auto *errorButtons = new QHBoxLayout;
    errorButtons->addWidget(m_signIn);
    errorButtons->addWidget(m_retry);
    errorButtons->addStretch();
    errorLayout->addLayout(errorButtons);
    // The groups as the spec lists them, by department, with what is not known yet marked.
    m_preview->setModel(m_model);
    m_preview->verticalHeader()->hide();
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setTabKeyNavigation(false);
    m_preview->setAlternatingRowColors(true);
    m_preview->setWordWrap(false);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_preview->horizontalHeader()->setSectionResizeMode(ActiveGroupsModel::GroupColumn,
                                                        QHeaderView::Stretch);
    m_preview->horizontalHeader()->setHighlightSections(false);
    errorLayout->addWidget(m_preview, 1);
    m_pages->addWidget(errorPage);
    connect(m_retry, &QPushButton::clicked, this, &ActiveGroupsDialog::reload);
    connect(m_signIn, &QPushButton::clicked, this, &ActiveGroupsDialog::signInRequested);
    layout->addWidget(m_pages, 1);

    m_unknownUser->setWordWrap(true);
    m_unknownUser->hide();
    layout->addWidget(m_unknownUser);
    m_saveError->setWordWrap(true);
    m_saveError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ConsoleLook::setTone(m_saveError, ConsoleLook::Tone::Problem);
    m_saveError->hide();
    layout->addWidget(m_saveError);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::clicked, this, &ActiveGroupsDialog::buttonClicked);
    connect(m_model, &ActiveGroupsModel::changed, this, &ActiveGroupsDialog::updateButtons);

    if (m_userCombo)
        setTabOrder(m_userCombo, m_available);
    setTabOrder(m_available, m_unavailable);
    setTabOrder(m_unavailable, m_table);
    setTabOrder(m_table, m_signIn);
    setTabOrder(m_signIn, m_retry);
    setTabOrder(m_retry, m_preview);
    setTabOrder(m_preview, m_buttons);
    resize(560, 360);

    showUser(shown);
}

ActiveGroupsDialog *ActiveGroupsDialog::openFor(const Organization &organization,
                                                BackendClient *backend, const QString &userId,
                                                QWidget *parent)
{
    const User *user = organization.user(userId);
    // Nobody signed in: whoever sits at the console holds the admin token anyway.
    const bool canChooseUser = userId.isEmpty() || (user && user->role == Role::Admin);
    auto *dialog = new ActiveGroupsDialog(organization, backend, userId, canChooseUser, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

bool ActiveGroupsDialog::isAvailable() const
{
    return m_available->isChecked();
}

bool ActiveGroupsDialog::hasChanges() const
{
    return (m_state == State::Ready || m_state == State::Saving) &&
           (isAvailable() != m_savedAvailable || m_model->hasChanges());
}

QString ActiveGroupsDialog::errorText() const
{
    return m_state == State::LoadFailed ? m_loadError->text() : m_saveError->text();
}

void ActiveGroupsDialog::reload()
{
    m_saveError->clear();
    m_saveError->hide();
    m_unknownUser->hide();
    if (!m_organization.user(m_userId)) {
        showLoadError(tr("There is no user \"%1\" in this organization.").arg(m_userId));
        return;
    }
    if (!m_backend || !m_backend->isConfigured()) {
        showLoadError(tr("No routing backend is signed in. Active groups are kept by the "
                         "backend: sign in to see and change them. The groups are below."));
        return;
    }
    setState(State::Loading);
    const int request = ++m_request;
    RouterdClient(m_backend).presence(this, [this,
                                             request](const BackendResponse &reply,
                                                      const QHash<QString, Api::Presence> &users) {
        if (request != m_request)
            return; // another user was chosen meanwhile
        if (!reply.ok()) {
            showLoadError(reply.error, reply.failure == BackendResponse::Refused);
            return;
        }
        // Not in the backend's configuration: the choices are kept, and apply once pushed.
        m_unknownUser->setVisible(!users.contains(m_userId));
        const Api::Presence entry = users.value(m_userId);
        m_savedAvailable = entry.available;
        (m_savedAvailable ? m_available : m_unavailable)->setChecked(true);
        m_model->setActivity(entry.groups);
        setState(State::Ready);
        // Space toggles the current cell: start on the first checkbox there is.
        for (int row = 0; row < m_model->rowCount() && !m_table->currentIndex().isValid(); ++row) {
            for (const int column :
                 {ActiveGroupsModel::CallsColumn, ActiveGroupsModel::TextsColumn}) {
                const QModelIndex cell = m_model->index(row, column);
                if (m_model->flags(cell) & Qt::ItemIsUserCheckable) {
                    m_table->setCurrentIndex(cell);
                    break;
                }
            }
        }
        // Focus on the choices, not on a button that Enter would press (while loading, Cancel
        // was the only one that could take it).
        QWidget *focus = focusWidget();
        if (!focus || focus == m_retry || m_buttons->isAncestorOf(focus)) {
            if (m_model->rowCount() > 0)
                m_table->setFocus();
            else
                (m_savedAvailable ? m_available : m_unavailable)->setFocus();
        }
        emit loaded();
    });
}

void ActiveGroupsDialog::apply(std::function<void()> then)
{
    if (m_state != State::Ready)
        return;
    Api::PresenceChange change = m_model->changes();
    const bool available = isAvailable();
    if (available != m_savedAvailable)
        change.available = available;
    if (change.isEmpty()) {
        if (then)
            then();
        return;
    }
    m_saveError->clear();
    m_saveError->hide();
    setState(State::Saving);
    const int request = ++m_request;
    auto done = [this, request, change, then](const BackendResponse &reply, const Api::Presence &) {
        if (request != m_request)
            return;
        setState(State::Ready);
        if (!reply.ok()) {
            // Everything stays as it was chosen, to be applied again.
            m_saveError->setText(tr("Nothing was saved. %1").arg(reply.error));
            m_saveError->show();
            emit failed(m_saveError->text());
            return;
        }
        // What was sent is saved; anything changed while it travelled still shows.
        if (change.available)
            m_savedAvailable = *change.available;
        m_model->markSaved(change);
        updateButtons();
        emit saved();
        if (then)
            then();
    };
    RouterdClient(m_backend).setPresence(m_userId, change, this, done);
}

void ActiveGroupsDialog::showUser(const QString &userId)
{
    m_userId = userId;
    selectInCombo(userId);
    m_model->setUser(m_organization, userId);
    m_savedAvailable = true;
    updateTexts();
    reload();
}

void ActiveGroupsDialog::userChosen(int index)
{
    const QString chosen = m_userCombo->itemData(index).toString();
    if (chosen == m_userId || m_state == State::Saving)
        return;
    if (!hasChanges()) {
        showUser(chosen);
        return;
    }
    // Until answered, the combo keeps naming whose groups are on screen.
    selectInCombo(m_userId);
    QMessageBox ask(QMessageBox::Question, tr("Active Groups"),
                    tr("Save the changes to %1's active groups before showing %2's?")
                        .arg(userName(m_userId), userName(chosen)),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    ask.setDefaultButton(QMessageBox::Save);
    makeConfirmation(ask);
    switch (ask.exec()) {
    case QMessageBox::Save:
        apply([this, chosen] { showUser(chosen); });
        break;
    case QMessageBox::Discard:
        showUser(chosen);
        break;
    default:
        break;
    }
}

void ActiveGroupsDialog::setState(State state)
{
    m_state = state;
    switch (state) {
    case State::Loading:
        m_pages->setCurrentWidget(m_loading);
        break;
    case State::LoadFailed:
        m_pages->setCurrentWidget(m_loadError->parentWidget());
        break;
    case State::Ready:
    case State::Saving:
        m_pages->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table)
                                                          : m_noGroups);
        break;
    }
    const bool ready = state == State::Ready || state == State::Saving;
    m_available->setEnabled(ready);
    m_unavailable->setEnabled(ready);
    if (!ready) {
        // Neither: the status is not known until the backend says.
        m_available->group()->setExclusive(false);
        m_available->setChecked(false);
        m_unavailable->setChecked(false);
        m_available->group()->setExclusive(true);
    }
    updateButtons();
}

void ActiveGroupsDialog::showLoadError(const QString &error, bool refused)
{
    m_loadError->setText(error);
    // Not signed in, or no longer: signing in is the way on; Retry only where it may help.
    const bool signedOut =
        !m_backend || !m_backend->isConfigured() || m_backend->settings().token.isEmpty();
    m_signIn->setVisible(signedOut || refused);
    m_retry->setVisible(!signedOut);
    m_preview->setVisible(m_model->rowCount() > 0);
    setState(State::LoadFailed);
    emit failed(error);
}

void ActiveGroupsDialog::updateTexts()
{
    const bool self = m_userId == m_self;
    const QString name = userName(m_userId);
    m_availabilityNote->setText(
        self ? tr("Unavailable stops all calls and texts to you in every group, whatever is "
                  "ticked below; your choices are kept for when you are available again.")
             : tr("Unavailable stops all calls and texts to %1 in every group, whatever is "
                  "ticked below; the choices are kept for when %1 is available again.")
                   .arg(name));
    m_noGroups->setText(self ? tr("You are not a member of any group.")
                             : tr("%1 is not a member of any group.").arg(name));
    m_unknownUser->setText(
        self ? tr("The backend does not know you yet. Your choices are kept, and apply once "
                  "the configuration is pushed.")
             : tr("The backend does not know %1 yet. The choices are kept, and apply once the "
                  "configuration is pushed.")
                   .arg(name));
}

void ActiveGroupsDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_state == State::Ready);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(m_state == State::Ready && hasChanges());
    if (m_userCombo)
        m_userCombo->setEnabled(m_state != State::Saving);
}

void ActiveGroupsDialog::buttonClicked(QAbstractButton *button)
{
    switch (m_buttons->standardButton(button)) {
    case QDialogButtonBox::Ok:
        apply([this] { accept(); });
        break;
    case QDialogButtonBox::Apply:
        apply();
        break;
    default:
        reject();
        break;
    }
}

void ActiveGroupsDialog::selectInCombo(const QString &userId)
{
    if (!m_userCombo)
        return;
    const QSignalBlocker blocker(m_userCombo);
    m_userCombo->setCurrentIndex(m_userCombo->findData(userId));
}

QString ActiveGroupsDialog::userName(const QString &userId) const
{
    return m_organization.userName(userId);
}

} // namespace Switchboard
