#include "usersgroupspage.h"

#include "backend/backendconnection.h"
#include "shell/consolelook.h"

#include "document/organizationdocument.h"
#include "groups/confirmdeletedialog.h"
#include "groups/groupdialog.h"
#include "groups/groupsmodel.h"
#include "groups/membersmodel.h"
#include "groups/userdialog.h"
#include "groups/usersgroupsedits.h"
#include "groups/usersmodel.h"
#include "model/references.h"
#include "shell/pageheader.h"
#include "shell/rowdragview.h"

#include <QAction>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QToolButton *button(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

void setUpView(QTreeView *view)
{
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    view->header()->setStretchLastSection(true);
}
} // namespace

UsersGroupsPage::UsersGroupsPage(OrganizationDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(new UsersGroupsEdits(document, this))
    , m_users(new UsersModel(document, this))
    , m_usersFilter(new QSortFilterProxyModel(this))
    , m_groups(new GroupsModel(m_editor, this))
    , m_members(new MembersModel(m_editor, this))
    , m_search(new QLineEdit(this))
    , m_usersView(new RowDragView(this))
    , m_groupsView(new QTreeView(this))
    , m_membersView(new RowDragView(this))
    , m_membersTitle(new QLabel(this))
    , m_membersHint(new QLabel(this))
{
    // Named, so that the tests can find them.
    m_search->setObjectName(u"searchField"_s);
    m_usersView->setObjectName(u"usersView"_s);
    m_groupsView->setObjectName(u"groupsView"_s);
    m_membersView->setObjectName(u"membersView"_s);
    m_membersTitle->setObjectName(u"membersTitle"_s);
    // A long group name wraps the line above its members instead of widening the pane, which
    // moved the divider between users and groups after an edit.
    m_membersTitle->setWordWrap(true);
    m_membersTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    connect(m_editor, &UsersGroupsEdits::message, this, &UsersGroupsPage::message);

    // Users: search as you type, drag out.
    m_usersFilter->setSourceModel(m_users);
    m_usersFilter->setFilterRole(UsersModel::SearchTextRole);
    m_usersFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setPlaceholderText(tr("Search by name, email or number"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(ConsoleLook::icon(u":/icons/actions/search.svg"_s),
                        QLineEdit::LeadingPosition);
    // Return or Down in the search goes on to what it found, the first match selected, so that
    // Return (Edit…) and the menu act on it.
    const auto toResults = [this] {
        if (!m_usersFilter->rowCount())
            return;
        if (!m_usersView->selectionModel()->hasSelection())
            m_usersView->setCurrentIndex(m_usersFilter->index(0, 0));
        m_usersView->setFocus(Qt::TabFocusReason);
    };
    connect(m_search, &QLineEdit::returnPressed, this, toResults);
    auto *down =
        new QShortcut(QKeySequence(Qt::Key_Down), m_search, nullptr, nullptr, Qt::WidgetShortcut);
    connect(down, &QShortcut::activated, this, toResults);
    connect(m_search, &QLineEdit::textChanged, m_usersFilter,
            &QSortFilterProxyModel::setFilterFixedString);
    setUpView(m_usersView);
    m_usersView->setModel(m_usersFilter);
    m_usersView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_usersView->setDragEnabled(true);
    m_usersView->setDragDropMode(QAbstractItemView::DragOnly);
    m_usersView->setDefaultDropAction(Qt::CopyAction);
    // Every column in sight at the default size: names and roles as wide as they are (sampled,
    // so a thousand users cost nothing), e-mail and devices share the rest, elided.
    QHeaderView *usersColumns = m_usersView->header();
    usersColumns->setStretchLastSection(false);
    usersColumns->setResizeContentsPrecision(50);
    usersColumns->setSectionResizeMode(UsersModel::NameColumn, QHeaderView::ResizeToContents);
    usersColumns->setSectionResizeMode(UsersModel::EmailColumn, QHeaderView::Stretch);
    usersColumns->setSectionResizeMode(UsersModel::RoleColumn, QHeaderView::ResizeToContents);
    usersColumns->setSectionResizeMode(UsersModel::DevicesColumn, QHeaderView::Stretch);

    // Groups: drop users on a row.
    setUpView(m_groupsView);
    m_groupsView->setModel(m_groups);
    m_groupsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_groupsView->setAcceptDrops(true);
    m_groupsView->setDropIndicatorShown(true);
    m_groupsView->setDragDropMode(QAbstractItemView::DropOnly);
    m_groupsView->header()->resizeSection(GroupsModel::NameColumn, 150);

    // Members: drop users at a position, drag members to reorder, ✕ to remove.
    setUpView(m_membersView);
    m_membersView->setModel(m_members);
    m_membersView->setItemDelegateForColumn(MembersModel::MemberColumn,
                                            new RingPositionDelegate(m_membersView));
    m_membersView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_membersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_membersView->setDragEnabled(true);
    m_membersView->setAcceptDrops(true);
    m_membersView->setDropIndicatorShown(false); // RowDragView draws a line of its own
    m_membersView->setDragDropMode(QAbstractItemView::DragDrop);
    m_membersView->setDefaultDropAction(Qt::MoveAction);
    m_membersView->header()->setStretchLastSection(false);
    m_membersView->header()->setSectionResizeMode(MembersModel::MemberColumn, QHeaderView::Stretch);
    m_membersView->header()->resizeSection(MembersModel::CallsColumn, 64);
    m_membersView->header()->resizeSection(MembersModel::TextsColumn, 64);
    m_membersView->header()->resizeSection(MembersModel::RemoveColumn, 32);
    connect(m_membersView, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == MembersModel::RemoveColumn)
            m_editor->removeMembers(m_members->groupId(), {index.row()});
    });
    m_membersHint->setWordWrap(true);
    m_membersHint->setText(tr("Drag users here from the list (or right-click a user, or press "
                              "the Menu key on one, and choose Add to group). Drag members, or "
                              "press Alt+Up and Alt+Down, to change who rings first."));
    m_membersHint->setForegroundRole(QPalette::PlaceholderText);
    // Its room stays when it is hidden: the member list does not move under a drag. Nor does
    // its long line widen the column when it shows: it wraps to the width it is given.
    QSizePolicy hintPolicy = m_membersHint->sizePolicy();
    hintPolicy.setRetainSizeWhenHidden(true);
    hintPolicy.setHorizontalPolicy(QSizePolicy::Ignored);
    m_membersHint->setSizePolicy(hintPolicy);

    // Actions, with the keys that are the drags' twins.
    m_addUser = action(u"add"_s, tr("Add User…"), {}, this, &UsersGroupsPage::addUser);
    m_editUser = action(u"edit"_s, tr("Edit…"), QKeySequence(Qt::Key_Return), m_usersView,
                        &UsersGroupsPage::editUser);
    m_deleteUser = action(u"delete"_s, tr("Delete User…"), QKeySequence::Delete, m_usersView,
                          &UsersGroupsPage::deleteUser);
    m_addGroup = action(u"add"_s, tr("+ Add Group"), {}, this, &UsersGroupsPage::addGroup);
    m_addGroup->setIcon({});
    m_renameGroup = action(u"edit"_s, tr("Rename Group…"), QKeySequence(Qt::Key_F2), m_groupsView,
                           &UsersGroupsPage::renameGroup);
    m_deleteGroup = action(u"delete"_s, tr("Delete Group…"), QKeySequence::Delete, m_groupsView,
                           &UsersGroupsPage::deleteGroup);
    // On their buttons beside "+ Add Group", the short names; the menus say which.
    m_renameGroup->setIconText(tr("Rename…"));
    m_deleteGroup->setIconText(tr("Delete…"));
    m_moveUp = action(u"move-up"_s, tr("Move Up"), QKeySequence(Qt::ALT | Qt::Key_Up),
                      m_membersView, nullptr);
    connect(m_moveUp, &QAction::triggered, this, [this] { moveSelectedMember(-1); });
    m_moveDown = action(u"move-down"_s, tr("Move Down"), QKeySequence(Qt::ALT | Qt::Key_Down),
                        m_membersView, nullptr);
    connect(m_moveDown, &QAction::triggered, this, [this] { moveSelectedMember(+1); });
    m_removeMember = action(u"remove"_s, tr("Remove from Group"), QKeySequence::Delete,
                            m_membersView, &UsersGroupsPage::removeSelectedMembers);

    connect(m_usersView, &QTreeView::customContextMenuRequested, this, &UsersGroupsPage::usersMenu);
    connect(m_groupsView, &QTreeView::customContextMenuRequested, this,
            &UsersGroupsPage::groupsMenu);
    connect(m_membersView, &QTreeView::customContextMenuRequested, this,
            &UsersGroupsPage::membersMenu);
    connect(m_usersView, &QTreeView::doubleClicked, this, &UsersGroupsPage::editUser);

    // Layout: users on the left; groups, and the open group's members, on the right.
    auto *usersPane = new QWidget(this);
    auto *usersLayout = new QVBoxLayout(usersPane);
    usersLayout->setContentsMargins(0, 0, 0, 0);
    auto *usersHeader = new QHBoxLayout;
    usersHeader->addWidget(new PageHeader(tr("Users"), usersPane));
    usersHeader->addStretch();
    usersHeader->addWidget(button(m_addUser, usersPane));
    usersHeader->addWidget(button(m_editUser, usersPane));
    usersHeader->addWidget(button(m_deleteUser, usersPane));
    usersLayout->addLayout(usersHeader);
    usersLayout->addWidget(m_search);
    usersLayout->addWidget(m_usersView);

    auto *groupsPane = new QWidget(this);
    auto *groupsLayout = new QVBoxLayout(groupsPane);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    auto *groupsHeader = new QHBoxLayout;
    groupsHeader->addWidget(new PageHeader(tr("Groups"), groupsPane));
    groupsHeader->addStretch();
    // What acts on the selected group sits with the groups (short, so the header fits); the
    // line naming the open group has the width to itself, and wraps only a very long name.
    groupsHeader->addWidget(button(m_renameGroup, groupsPane));
    groupsHeader->addWidget(button(m_deleteGroup, groupsPane));
    auto *addGroupButton = new QToolButton(groupsPane);
    addGroupButton->setDefaultAction(m_addGroup);
    groupsHeader->addWidget(addGroupButton);
    groupsLayout->addLayout(groupsHeader);
    groupsLayout->addWidget(m_groupsView, 2);
    groupsLayout->addWidget(m_membersTitle);
    groupsLayout->addWidget(m_membersView, 3);
    groupsLayout->addWidget(m_membersHint);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(usersPane);
    splitter->addWidget(groupsPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_groupsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_members->setGroup(current.data(GroupsModel::GroupIdRole).toString());
            });
    connect(m_members, &QAbstractItemModel::modelReset, this, &UsersGroupsPage::showOpenGroup);
    connect(m_document, &OrganizationDocument::changed, this, &UsersGroupsPage::showOpenGroup);
    connect(m_usersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UsersGroupsPage::updateActions);
    connect(m_membersView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UsersGroupsPage::updateActions);
    // What changed is what is selected after it, whether by a gesture, Undo or Redo: members
    // added or put back, the member now where one was removed (so that Remove and Move act
    // on it at once, without reselecting).
    const auto selectRows = [this](int first, int last) {
        QItemSelection rows(m_members->index(first, 0),
                            m_members->index(last, MembersModel::ColumnCount - 1));
        m_membersView->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
        m_membersView->selectionModel()->setCurrentIndex(m_members->index(first, 0),
                                                         QItemSelectionModel::NoUpdate);
        updateActions();
    };
    connect(m_members, &QAbstractItemModel::rowsInserted, this,
            [selectRows](const QModelIndex &, int first, int last) { selectRows(first, last); });
    connect(m_members, &QAbstractItemModel::rowsRemoved, this,
            [this, selectRows](const QModelIndex &, int first, int) {
                if (m_members->rowCount() > 0)
                    selectRows(std::min(first, m_members->rowCount() - 1),
                               std::min(first, m_members->rowCount() - 1));
                else
                    updateActions();
            });
    connect(m_members, &QAbstractItemModel::rowsMoved, this, &UsersGroupsPage::updateActions);
    if (m_groups->rowCount() > 0)
        m_groupsView->setCurrentIndex(m_groups->index(0, 0));
    showOpenGroup();

    // Tab goes as the page reads: the users' buttons, search, list; then the groups'.
    const auto buttonOf = [this](QAction *a) -> QWidget * {
        for (QToolButton *b : findChildren<QToolButton *>()) {
            if (b->defaultAction() == a)
                return b;
        }
        return nullptr;
    };
    QList<QWidget *> order{buttonOf(m_addUser),
                           buttonOf(m_editUser),
                           buttonOf(m_deleteUser),
                           m_search,
                           m_usersView,
                           buttonOf(m_renameGroup),
                           buttonOf(m_deleteGroup),
                           buttonOf(m_addGroup),
                           m_groupsView,
                           m_membersView};
    order.removeAll(nullptr);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

QAction *UsersGroupsPage::action(const QString &icon, const QString &text, const QKeySequence &key,
                                 QWidget *scope, void (UsersGroupsPage::*slot)())
{
    auto *a = new QAction(ConsoleLook::icon(u":/icons/actions/"_s + icon + u".svg"_s), text, scope);
    if (!key.isEmpty()) {
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        scope->addAction(a);
    }
    if (slot)
        connect(a, &QAction::triggered, this, slot);
    return a;
}

QString UsersGroupsPage::openGroupId() const
{
    return m_members->groupId();
}

void UsersGroupsPage::openGroup(const QString &groupId)
{
    const int row = m_document->organization().indexOfGroup(groupId);
    if (row >= 0)
        m_groupsView->setCurrentIndex(m_groups->index(row, 0));
}

void UsersGroupsPage::showOpenGroup()
{
    const Group *group = m_document->organization().group(m_members->groupId());
    if (!group)
        m_membersTitle->setText(tr("Open a group to see its members."));
    else if (group->members.isEmpty())
        m_membersTitle->setText(tr("%1 has no members yet.").arg(group->name));
    else
        m_membersTitle->setText(tr("Members of %1, in ring order").arg(group->name));
    m_membersHint->setVisible(group && group->members.size() < 2);
    updateActions();
}

void UsersGroupsPage::updateActions()
{
    const bool userSelected = !selectedUserIds().isEmpty();
    m_editUser->setEnabled(selectedUserIds().size() == 1);
    m_deleteUser->setEnabled(selectedUserIds().size() == 1);
    Q_UNUSED(userSelected)
    const Group *group = m_document->organization().group(m_members->groupId());
    m_renameGroup->setEnabled(group);
    m_deleteGroup->setEnabled(group);
    const QList<int> rows = selectedMemberRows();
    m_removeMember->setEnabled(!rows.isEmpty());
    m_moveUp->setEnabled(rows.size() == 1 && rows.first() > 0);
    m_moveDown->setEnabled(rows.size() == 1 && group && rows.first() + 1 < group->members.size());
}

QStringList UsersGroupsPage::selectedUserIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_usersView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.append(index.data(UsersModel::UserIdRole).toString());
    return ids;
}

QList<int> UsersGroupsPage::selectedMemberRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_membersView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void UsersGroupsPage::usersMenu(const QPoint &pos)
{
    const QStringList ids = selectedUserIds();
    QMenu menu(this);
    QMenu *addTo = menu.addMenu(tr("Add to group"));
    addTo->setEnabled(!ids.isEmpty() && !m_document->organization().groups.isEmpty());
    for (const Group &group : m_document->organization().groups) {
        QAction *a = addTo->addAction(group.name);
        const QString groupId = group.id;
        // A group every one of them is in already is shown, but cannot be chosen.
        const bool allIn = std::all_of(ids.cbegin(), ids.cend(), [&group](const QString &id) {
            return std::any_of(group.members.cbegin(), group.members.cend(),
                               [&id](const Member &m) { return m.user == id; });
        });
        if (allIn && !ids.isEmpty()) {
            a->setEnabled(false);
            a->setText(tr("%1 (already a member)").arg(group.name));
        }
        connect(a, &QAction::triggered, this, [this, groupId, ids] {
            if (m_editor->addUsers(groupId, ids) > 0)
                openGroup(groupId);
        });
    }
    menu.addSeparator();
    menu.addAction(m_addUser);
    menu.addAction(m_editUser);
    menu.addAction(m_deleteUser);
    menu.exec(m_usersView->viewport()->mapToGlobal(pos));
}

void UsersGroupsPage::groupsMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_addGroup);
    menu.addAction(m_renameGroup);
    menu.addAction(m_deleteGroup);
    menu.exec(m_groupsView->viewport()->mapToGlobal(pos));
}

void UsersGroupsPage::membersMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(m_moveUp);
    menu.addAction(m_moveDown);
    menu.addSeparator();
    menu.addAction(m_removeMember);
    // The check boxes' twins for the keys: whether the current member is rung, or texted.
    const QModelIndex current = m_membersView->currentIndex();
    if (current.isValid()) {
        menu.addSeparator();
        for (const int column : {int(MembersModel::CallsColumn), int(MembersModel::TextsColumn)}) {
            const QModelIndex cell = m_members->index(current.row(), column);
            QAction *takes = menu.addAction(
                column == MembersModel::CallsColumn ? tr("Takes &Calls") : tr("Takes &Texts"));
            takes->setCheckable(true);
            takes->setChecked(cell.data(Qt::CheckStateRole).toInt() == Qt::Checked);
            connect(takes, &QAction::toggled, this, [this, cell](bool on) {
                m_members->setData(cell, on ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
            });
        }
    }
    menu.exec(m_membersView->viewport()->mapToGlobal(pos));
}

void UsersGroupsPage::addUser()
{
    UserDialog dialog(User(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString id = m_editor->addUser(dialog.user());
    m_search->clear();
    const int row = m_document->organization().indexOfUser(id);
    m_usersView->setCurrentIndex(m_usersFilter->mapFromSource(m_users->index(row, 0)));
}

void UsersGroupsPage::editUser()
{
    const QStringList ids = selectedUserIds();
    const User *user = ids.size() == 1 ? m_document->organization().user(ids.first()) : nullptr;
    if (!user)
        return;
    UserDialog dialog(*user, this);
    if (m_backend && m_backend->role() == Role::Admin)
        dialog.offerPasswordSetting(m_backend->client());
    if (dialog.exec() == QDialog::Accepted)
        m_editor->editUser(ids.first(), dialog.user());
}

void UsersGroupsPage::deleteUser()
{
    const QStringList ids = selectedUserIds();
    if (ids.size() != 1)
        return;
    const Organization &org = m_document->organization();
    const QString id = ids.first();
    const QList<Reference> refs = findReferences(org, ReferenceTarget::User, id);
    QStringList places;
    bool needsHandOver = false;
    for (const Reference &r : refs) {
        places.append(r.description);
        needsHandOver |= r.kind != Reference::Membership;
    }
    QList<std::pair<QString, QString>> candidates;
    for (const User &u : org.users) {
        if (u.id != id)
            candidates.append({u.id, u.name});
    }
    const QString name = m_editor->userName(id);
    ConfirmDeleteDialog dialog(
        tr("Delete %1").arg(name),
        refs.isEmpty() ? tr("Delete %1? Nothing else uses this user.").arg(name)
                       : tr("%1 is used in these places. Their group memberships will end; "
                            "the flows and contacts below can be handed to someone else.")
                             .arg(name),
        places, needsHandOver ? tr("Hand over to:") : QString(), candidates, this);
    if (dialog.exec() == QDialog::Accepted)
        m_editor->deleteUser(id, dialog.replacement());
}

void UsersGroupsPage::addGroup()
{
    QStringList names;
    for (const Group &g : m_document->organization().groups)
        names.append(g.name);
    GroupDialog dialog(tr("Add Group"), QString(), QString(), names, {}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    openGroup(m_editor->addGroup(dialog.name(), dialog.department()));
}

void UsersGroupsPage::renameGroup()
{
    const Group *group = m_document->organization().group(m_members->groupId());
    if (!group)
        return;
    QStringList names, usedBy;
    for (const Group &g : m_document->organization().groups)
        names.append(g.name);
    for (const Reference &r :
         findReferences(m_document->organization(), ReferenceTarget::Group, group->id))
        usedBy.append(r.description);
    GroupDialog dialog(tr("Rename Group"), group->name, group->department, names, usedBy, this);
    if (dialog.exec() == QDialog::Accepted)
        m_editor->editGroup(group->id, dialog.name(), dialog.department());
}

void UsersGroupsPage::deleteGroup()
{
    const Organization &org = m_document->organization();
    const Group *group = org.group(m_members->groupId());
    if (!group)
        return;
    const QString id = group->id;
    QStringList places;
    for (const Reference &r : findReferences(org, ReferenceTarget::Group, id))
        places.append(r.description);
    QList<std::pair<QString, QString>> candidates;
    for (const Group &g : org.groups) {
        if (g.id != id)
            candidates.append({g.id, g.name});
    }
    const QString name = m_editor->groupName(id);
    ConfirmDeleteDialog dialog(
        tr("Delete Group %1").arg(name),
        places.isEmpty()
            ? tr("Delete the group %1? No flow uses it; its %n member(s) stay users.", nullptr,
                 int(group->members.size()))
                  .arg(name)
            : tr("These applets use %1. Pick a group they should use instead, or fix them "
                 "later (until then they are errors).")
                  .arg(name),
        places, places.isEmpty() ? QString() : tr("Use instead:"), candidates, this);
    if (dialog.exec() == QDialog::Accepted)
        m_editor->deleteGroup(id, dialog.replacement());
}

void UsersGroupsPage::removeSelectedMembers()
{
    m_editor->removeMembers(m_members->groupId(), selectedMemberRows());
}

void UsersGroupsPage::moveSelectedMember(int delta)
{
    const QList<int> rows = selectedMemberRows();
    if (rows.size() == 1)
        m_editor->moveMember(m_members->groupId(), rows.first(), delta);
}

} // namespace Switchboard
