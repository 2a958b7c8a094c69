#include "usersgroupspage.h"

#include "document/organizationdocument.h"
#include "groups/groupsmodel.h"
#include "groups/usersmodel.h"
#include "shell/pageheader.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace Switchboard {

UsersGroupsPage::UsersGroupsPage(OrganizationDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_users(new UsersModel(document, this))
    , m_usersFilter(new QSortFilterProxyModel(this))
    , m_groups(new GroupsModel(document, this))
    , m_members(new MembersModel(document, this))
    , m_search(new QLineEdit(this))
    , m_usersView(new QTreeView(this))
    , m_groupsView(new QTreeView(this))
    , m_membersView(new QListView(this))
    , m_membersTitle(new QLabel(this))
{
    m_usersFilter->setSourceModel(m_users);
    m_usersFilter->setFilterRole(UsersModel::SearchTextRole);
    m_usersFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setPlaceholderText(tr("Search by name, email or number"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_usersFilter,
            &QSortFilterProxyModel::setFilterFixedString);

    for (QTreeView *view : {m_usersView, m_groupsView}) {
        view->setRootIsDecorated(false);
        view->setUniformRowHeights(true);
        view->setAlternatingRowColors(true);
        view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        view->header()->setStretchLastSection(true);
    }
    m_usersView->setModel(m_usersFilter);
    m_usersView->header()->resizeSection(UsersModel::NameColumn, 150);
    m_usersView->header()->resizeSection(UsersModel::EmailColumn, 200);
    m_usersView->header()->resizeSection(UsersModel::RoleColumn, 105);
    m_groupsView->setModel(m_groups);
    m_groupsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_groupsView->header()->resizeSection(GroupsModel::NameColumn, 150);
    m_membersView->setModel(m_members);
    m_membersView->setAlternatingRowColors(true);

    auto *usersPane = new QWidget(this);
    auto *usersLayout = new QVBoxLayout(usersPane);
    usersLayout->setContentsMargins(0, 0, 0, 0);
    usersLayout->addWidget(new PageHeader(tr("Users"), usersPane));
    usersLayout->addWidget(m_search);
    usersLayout->addWidget(m_usersView);

    auto *groupsPane = new QWidget(this);
    auto *groupsLayout = new QVBoxLayout(groupsPane);
    groupsLayout->setContentsMargins(0, 0, 0, 0);
    groupsLayout->addWidget(new PageHeader(tr("Groups"), groupsPane));
    groupsLayout->addWidget(m_groupsView, 1);
    groupsLayout->addWidget(m_membersTitle);
    groupsLayout->addWidget(m_membersView, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(usersPane);
    splitter->addWidget(groupsPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_groupsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { openGroup(current); });
    connect(m_groups, &QAbstractItemModel::modelReset, this,
            [this] { openGroup(m_groupsView->currentIndex()); });
    if (m_groups->rowCount() > 0)
        m_groupsView->setCurrentIndex(m_groups->index(0, 0));
    else
        openGroup({});
}

void UsersGroupsPage::openGroup(const QModelIndex &index)
{
    const QString id = index.data(GroupsModel::GroupIdRole).toString();
    m_members->setGroup(id);
    const Group *group = m_document->organization().group(id);
    if (!group)
        m_membersTitle->setText(tr("Open a group to see its members."));
    else if (group->members.isEmpty())
        m_membersTitle->setText(tr("%1 has no members yet.").arg(group->name));
    else
        m_membersTitle->setText(tr("Members of %1, in ring order").arg(group->name));
}

} // namespace Switchboard
