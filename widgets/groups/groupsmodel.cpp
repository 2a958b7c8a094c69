#include "groupsmodel.h"

#include "document/mimetypes.h"
#include "groups/usersgroupsedits.h"
#include "shell/consolelook.h"

#include <QIcon>

using namespace Qt::StringLiterals;

namespace Switchboard {

GroupsModel::GroupsModel(UsersGroupsEdits *editor, QObject *parent)
    : DocumentTableModel(editor->document(), OrganizationDocument::List::Groups,
                         {tr("Group"), tr("Department"), tr("Members")}, parent)
    , m_editor(editor)
{}

int GroupsModel::count() const
{
    return int(organization().groups.size());
}

QVariant GroupsModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Group &group = organization().groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return group.displayName();
        case DepartmentColumn:
            return group.department;
        case MembersColumn:
            return group.members.isEmpty() ? tr("No members")
                                           : tr("%n member(s)", nullptr, int(group.members.size()));
        }
        break;
    case Qt::ToolTipRole:
        if (group.members.isEmpty())
            return tr("This group has no members yet: a call to it rings nobody. Drag users "
                      "onto it to add them.");
        break;
    case Qt::DecorationRole:
        if (index.column() == MembersColumn && group.members.isEmpty())
            return ConsoleLook::icon(u":/icons/actions/warning.svg"_s);
        break;
    case GroupIdRole:
        return group.id;
    }
    return {};
}

Qt::ItemFlags GroupsModel::flags(const QModelIndex &index) const
{
    // Users are dropped on a group, not between groups.
    return DocumentTableModel::flags(index) |
           (index.isValid() ? Qt::ItemIsDropEnabled : Qt::NoItemFlags);
}

QStringList GroupsModel::mimeTypes() const
{
    return {QString::fromLatin1(MimeType::Users)};
}

Qt::DropActions GroupsModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

bool GroupsModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int,
                                  const QModelIndex &parent) const
{
    return parent.isValid() && !MimeType::decodeUsers(data).isEmpty();
}

bool GroupsModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                               const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString groupId = organization().groups.at(parent.row()).id;
    return m_editor->addUsers(groupId, MimeType::decodeUsers(data)) > 0;
}

} // namespace Switchboard
