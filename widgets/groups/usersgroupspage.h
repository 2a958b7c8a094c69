#pragma once

#include <QWidget>

class QLineEdit;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;
class QListView;

namespace Switchboard {

class OrganizationDocument;
class UsersModel;
class GroupsModel;
class MembersModel;

// Users & Groups: the users (with a search box) beside the groups and the open group's
// members in ring order.
class UsersGroupsPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsersGroupsPage(OrganizationDocument *document, QWidget *parent = nullptr);

    QTreeView *usersView() const { return m_usersView; }
    QTreeView *groupsView() const { return m_groupsView; }
    QListView *membersView() const { return m_membersView; }
    QLineEdit *searchField() const { return m_search; }

private:
    void openGroup(const QModelIndex &index);

    OrganizationDocument *m_document;
    UsersModel *m_users;
    QSortFilterProxyModel *m_usersFilter;
    GroupsModel *m_groups;
    MembersModel *m_members;
    QLineEdit *m_search;
    QTreeView *m_usersView;
    QTreeView *m_groupsView;
    QListView *m_membersView;
    QLabel *m_membersTitle;
};

} // namespace Switchboard
