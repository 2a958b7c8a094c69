#include "groupsmodel.h"

#include "document/organizationdocument.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

GroupsModel::GroupsModel(OrganizationDocument *document, QObject *parent)
    : DocumentTableModel(document, {tr("Group"), tr("Department"), tr("Members")}, parent)
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
            return group.name.isEmpty() ? group.id : group.name;
        case DepartmentColumn:
            return group.department;
        case MembersColumn:
            return group.members.isEmpty() ? tr("No members")
                                           : tr("%n member(s)", nullptr, int(group.members.size()));
        }
        break;
    case Qt::ToolTipRole:
        if (group.members.isEmpty())
            return tr("This group has no members yet: a call to it rings nobody.");
        break;
    case GroupIdRole:
        return group.id;
    }
    return {};
}

MembersModel::MembersModel(OrganizationDocument *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    connect(document, &OrganizationDocument::organizationReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

void MembersModel::setGroup(const QString &groupId)
{
    beginResetModel();
    m_groupId = groupId;
    endResetModel();
}

int MembersModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    const Group *group = m_document->organization().group(m_groupId);
    return group ? int(group->members.size()) : 0;
}

QVariant MembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Organization &org = m_document->organization();
    const Member &member = org.group(m_groupId)->members.at(index.row());
    const User *user = org.user(member.user);
    const QString name = user ? user->name : member.user;
    if (role == Qt::DisplayRole) {
        QString text = tr("%1. %2").arg(index.row() + 1).arg(name);
        if (!member.voice && member.sms)
            text += u"  "_s + tr("(texts only)");
        else if (member.voice && !member.sms)
            text += u"  "_s + tr("(calls only)");
        else if (!member.voice && !member.sms)
            text += u"  "_s + tr("(excluded from calls and texts)");
        return text;
    }
    if (role == Qt::ToolTipRole && !user)
        return tr("\"%1\" is not a user of this organization.").arg(member.user);
    return {};
}

} // namespace Switchboard
