#include "usersgroupsedits.h"

#include "document/documentcommands.h"
#include "document/organizationdocument.h"
#include "groups/usersgroupscommands.h"
#include "model/identifiers.h"
#include "model/references.h"

#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

UsersGroupsEdits::UsersGroupsEdits(OrganizationDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{}

QString UsersGroupsEdits::userName(const QString &userId) const
{
    return m_document->organization().userName(userId);
}

QString UsersGroupsEdits::groupName(const QString &groupId) const
{
    return m_document->organization().groupName(groupId);
}

int UsersGroupsEdits::addUsers(const QString &groupId, const QStringList &userIds, int row)
{
    const Organization &org = m_document->organization();
    const Group *group = org.group(groupId);
    if (!group)
        return 0;
    QList<Member> added;
    QStringList already;
    for (const QString &id : userIds) {
        if (!org.user(id))
            continue;
        if (group->indexOfMember(id) >= 0)
            already.append(userName(id));
        else
            added.append(Member{id, true, true});
    }
    const QString name = groupName(groupId);
    if (!already.isEmpty()) {
        emit message(
            already.size() == 1
                ? tr("%1 is already in %2; a user is in a group once.").arg(already.first(), name)
                : tr("%1 are already in %2; a user is in a group once.")
                      .arg(already.join(u", "_s), name));
    }
    if (added.isEmpty())
        return 0;
    if (row < 0 || row > group->members.size())
        row = int(group->members.size());
    const QString text = added.size() == 1
                             ? tr("Add %1 to %2").arg(userName(added.first().user), name)
                             : tr("Add %n user(s) to %1", nullptr, int(added.size())).arg(name);
    m_document->undoStack()->push(new AddMembersCommand(m_document, groupId, row, added, text));
    return int(added.size());
}

bool UsersGroupsEdits::removeMembers(const QString &groupId, const QList<int> &rows)
{
    const Group *group = m_document->organization().group(groupId);
    if (!group || rows.isEmpty())
        return false;
    for (int row : rows) {
        if (row < 0 || row >= group->members.size())
            return false;
    }
    const QString name = groupName(groupId);
    const QString text =
        rows.size() == 1
            ? tr("Remove %1 from %2").arg(userName(group->members.at(rows.first()).user), name)
            : tr("Remove %n member(s) from %1", nullptr, int(rows.size())).arg(name);
    m_document->undoStack()->push(new RemoveMembersCommand(m_document, groupId, rows, text));
    return true;
}

bool UsersGroupsEdits::moveMembers(const QString &groupId, const QList<int> &rows, int destination)
{
    const Group *group = m_document->organization().group(groupId);
    if (!group || rows.isEmpty() || destination < 0 || destination > group->members.size())
        return false;
    for (int row : rows) {
        if (row < 0 || row >= group->members.size())
            return false;
    }
    if (!MoveMembersCommand::changesOrder(rows, destination))
        return false;
    const QString name = groupName(groupId);
    const QString text =
        rows.size() == 1
            ? tr("Move %1 in %2").arg(userName(group->members.at(rows.first()).user), name)
            : tr("Move %n member(s) in %1", nullptr, int(rows.size())).arg(name);
    m_document->undoStack()->push(
        new MoveMembersCommand(m_document, groupId, rows, destination, text));
    return true;
}

bool UsersGroupsEdits::moveMember(const QString &groupId, int row, int delta)
{
    const Group *group = m_document->organization().group(groupId);
    const int to = row + delta;
    if (!group || row < 0 || row >= group->members.size() || to < 0 ||
        to >= group->members.size() || delta == 0)
        return false;
    const QString who = userName(group->members.at(row).user);
    const QString text = delta < 0 ? tr("Move %1 up in %2").arg(who, groupName(groupId))
                                   : tr("Move %1 down in %2").arg(who, groupName(groupId));
    // In "before the move" rows, going down by one means landing before the row after next.
    m_document->undoStack()->push(
        new MoveMembersCommand(m_document, groupId, {row}, delta < 0 ? to : to + 1, text));
    return true;
}

bool UsersGroupsEdits::setTakesPart(const QString &groupId, int row, Channel channel,
                                    bool takesPart)
{
    const Group *group = m_document->organization().group(groupId);
    if (!group || row < 0 || row >= group->members.size())
        return false;
    const Member before = group->members.at(row);
    Member after = before;
    (channel == Channel::Voice ? after.voice : after.sms) = takesPart;
    if (after == before)
        return false;
    const QString who = userName(before.user);
    const QString name = groupName(groupId);
    QString text;
    if (channel == Channel::Voice)
        text = takesPart ? tr("Let %1 take calls in %2").arg(who, name)
                         : tr("Stop %1 taking calls in %2").arg(who, name);
    else
        text = takesPart ? tr("Let %1 take texts in %2").arg(who, name)
                         : tr("Stop %1 taking texts in %2").arg(who, name);
    m_document->undoStack()->push(
        new ChangeMemberCommand(m_document, groupId, row, before, after, text));
    return true;
}

QString UsersGroupsEdits::addUser(const User &user)
{
    const Organization &org = m_document->organization();
    User added = user;
    if (added.id.isEmpty() || org.user(added.id))
        added.id = makeId(user.name, [&](const QString &id) { return org.user(id) != nullptr; });
    m_document->undoStack()->push(new InsertItemCommand<User>(
        m_document, int(org.users.size()), added, tr("Add user %1").arg(added.name)));
    return added.id;
}

bool UsersGroupsEdits::editUser(const QString &userId, const User &user)
{
    const int index = m_document->organization().indexOfUser(userId);
    if (index < 0)
        return false;
    const User &before = m_document->organization().users.at(index);
    User after = user;
    after.id = userId; // the id is what groups and flows refer to; it never changes
    if (after == before)
        return false;
    m_document->undoStack()->push(new ChangeItemCommand<User>(
        m_document, index, before, after, tr("Edit %1").arg(before.displayName())));
    return true;
}

bool UsersGroupsEdits::deleteUser(const QString &userId, const QString &replacementId)
{
    const Organization &org = m_document->organization();
    const int index = org.indexOfUser(userId);
    if (index < 0 || replacementId == userId)
        return false;
    auto *command = new QUndoCommand(tr("Delete %1").arg(userName(userId)));
    for (const Group &group : org.groups) {
        const int row = group.indexOfMember(userId);
        if (row >= 0)
            new RemoveMembersCommand(m_document, group.id, {row}, QString(), command);
    }
    for (int f = 0; f < org.flows.size(); ++f) {
        const Flow after =
            replaceReferences(org.flows.at(f), ReferenceTarget::User, userId, replacementId);
        if (!(after == org.flows.at(f)))
            new ChangeItemCommand<Flow>(m_document, f, org.flows.at(f), after, QString(), command);
    }
    if (!replacementId.isEmpty()) {
        for (int c = 0; c < org.contacts.size(); ++c) {
            if (org.contacts.at(c).owner != userId)
                continue;
            Contact after = org.contacts.at(c);
            after.owner = replacementId;
            new ChangeItemCommand<Contact>(m_document, c, org.contacts.at(c), after, QString(),
                                           command);
        }
    }
    new RemoveItemCommand<User>(m_document, index, org.users.at(index), QString(), command);
    m_document->undoStack()->push(command);
    return true;
}

QString UsersGroupsEdits::addGroup(const QString &name, const QString &department)
{
    const Organization &org = m_document->organization();
    Group group;
    group.id = makeId(name, [&](const QString &id) { return org.group(id) != nullptr; });
    group.name = name;
    group.department = department;
    m_document->undoStack()->push(new InsertItemCommand<Group>(
        m_document, int(org.groups.size()), group, tr("Add group %1").arg(name)));
    return group.id;
}

bool UsersGroupsEdits::editGroup(const QString &groupId, const QString &name,
                                 const QString &department)
{
    const int index = m_document->organization().indexOfGroup(groupId);
    if (index < 0)
        return false;
    const Group &before = m_document->organization().groups.at(index);
    Group after = before;
    after.name = name;
    after.department = department;
    if (after == before)
        return false;
    const QString text = after.name != before.name
                             ? tr("Rename group %1 to %2").arg(before.name, after.name)
                             : tr("Edit group %1").arg(before.name);
    m_document->undoStack()->push(
        new ChangeItemCommand<Group>(m_document, index, before, after, text));
    return true;
}

bool UsersGroupsEdits::deleteGroup(const QString &groupId, const QString &replacementId)
{
    const Organization &org = m_document->organization();
    const int index = org.indexOfGroup(groupId);
    if (index < 0 || replacementId == groupId)
        return false;
    auto *command = new QUndoCommand(tr("Delete group %1").arg(groupName(groupId)));
    if (!replacementId.isEmpty()) {
        for (int f = 0; f < org.flows.size(); ++f) {
            const Flow after =
                replaceReferences(org.flows.at(f), ReferenceTarget::Group, groupId, replacementId);
            if (!(after == org.flows.at(f)))
                new ChangeItemCommand<Flow>(m_document, f, org.flows.at(f), after, QString(),
                                            command);
        }
    }
    new RemoveItemCommand<Group>(m_document, index, org.groups.at(index), QString(), command);
    m_document->undoStack()->push(command);
    return true;
}

} // namespace Switchboard
