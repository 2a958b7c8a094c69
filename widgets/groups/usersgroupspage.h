#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace Switchboard {

class OrganizationDocument;
class UsersModel;
class GroupsModel;
class MembersModel;
class UsersGroupsEdits;

// Users & Groups: the users (with a search box) beside the groups and the open group's
// members in ring order. Users are dragged onto a group or into its member list; members
// are dragged to reorder and removed with their ✕. Every drag has a menu or key twin.
class UsersGroupsPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsersGroupsPage(OrganizationDocument *document, QWidget *parent = nullptr);

    UsersGroupsEdits *editor() const { return m_editor; }
    // Where an admin sets people's passwords (the user dialog's "Set password…").
    void setBackend(class BackendConnection *backend) { m_backend = backend; }
    QTreeView *usersView() const { return m_usersView; }
    QTreeView *membersView() const { return m_membersView; }
    QLineEdit *searchField() const { return m_search; }
    QString openGroupId() const;
    void openGroup(const QString &groupId);
    QStringList selectedUserIds() const;
    QList<int> selectedMemberRows() const;

    // The gestures' menu and key twins; dialogs ask where needed.
    void addUser();
    void editUser();
    void deleteUser();
    void addGroup();
    void renameGroup();
    void deleteGroup();
    void removeSelectedMembers();
    void moveSelectedMember(int delta);

signals:
    void message(const QString &text);

private:
    void showOpenGroup();
    void usersMenu(const QPoint &pos);
    void groupsMenu(const QPoint &pos);
    void membersMenu(const QPoint &pos);
    void updateActions();
    QAction *action(const QString &icon, const QString &text, const QKeySequence &key,
                    QWidget *scope, void (UsersGroupsPage::*slot)());

    OrganizationDocument *m_document;
    UsersGroupsEdits *m_editor;
    class BackendConnection *m_backend = nullptr;
    UsersModel *m_users;
    QSortFilterProxyModel *m_usersFilter;
    GroupsModel *m_groups;
    MembersModel *m_members;
    QLineEdit *m_search;
    QTreeView *m_usersView;
    QTreeView *m_groupsView;
    QTreeView *m_membersView;
    QLabel *m_membersTitle;
    QLabel *m_membersHint;
    QAction *m_addUser;
    QAction *m_editUser;
    QAction *m_deleteUser;
    QAction *m_addGroup;
    QAction *m_renameGroup;
    QAction *m_deleteGroup;
    QAction *m_moveUp;
    QAction *m_moveDown;
    QAction *m_removeMember;
};

} // namespace Switchboard
