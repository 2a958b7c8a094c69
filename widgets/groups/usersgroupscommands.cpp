#include "usersgroupscommands.h"

#include <algorithm>

namespace Switchboard {

AddMembersCommand::AddMembersCommand(OrganizationDocument *document, const QString &groupId,
                                     int row, const QList<Member> &members, const QString &text,
                                     QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_group(groupId)
    , m_row(row)
    , m_members(members)
{}

void AddMembersCommand::undo()
{
    m_document->takeMembers(m_group, m_row, int(m_members.size()));
}

void AddMembersCommand::redo()
{
    m_document->insertMembers(m_group, m_row, m_members);
}

RemoveMembersCommand::RemoveMembersCommand(OrganizationDocument *document, const QString &groupId,
                                           QList<int> rows, const QString &text,
                                           QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_group(groupId)
    , m_rows(std::move(rows))
{
    std::sort(m_rows.begin(), m_rows.end());
    m_rows.erase(std::unique(m_rows.begin(), m_rows.end()), m_rows.end());
}

void RemoveMembersCommand::redo()
{
    m_members.clear();
    // From the bottom up, so that the rows still to remove keep their numbers.
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it)
        m_members.prepend(m_document->takeMembers(m_group, *it, 1).first());
}

void RemoveMembersCommand::undo()
{
    for (int i = 0; i < m_rows.size(); ++i)
        m_document->insertMembers(m_group, m_rows.at(i), {m_members.at(i)});
}

MoveMembersCommand::MoveMembersCommand(OrganizationDocument *document, const QString &groupId,
                                       QList<int> rows, int destination, const QString &text,
                                       QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_group(groupId)
    , m_rows(std::move(rows))
    , m_destination(destination)
{
    std::sort(m_rows.begin(), m_rows.end());
}

namespace {
// The single moves (QList::move semantics) that bring `rows` together at `destination`,
// keeping their order and touching nothing else: those above the destination go down to
// just before it (the lowest first), those below come up to it (the highest first).
QList<std::pair<int, int>> planMoves(const QList<int> &rows, int destination)
{
    QList<std::pair<int, int>> moves;
    int before = destination;
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        if (*it < destination) {
            --before;
            if (*it != before)
                moves.append({*it, before});
        }
    }
    int after = destination;
    for (int row : rows) {
        if (row >= destination) {
            if (row != after)
                moves.append({row, after});
            ++after;
        }
    }
    return moves;
}
} // namespace

bool MoveMembersCommand::changesOrder(QList<int> rows, int destination)
{
    std::sort(rows.begin(), rows.end());
    return !planMoves(rows, destination).isEmpty();
}

void MoveMembersCommand::redo()
{
    m_moves = planMoves(m_rows, m_destination);
    for (const auto &[from, to] : std::as_const(m_moves))
        m_document->moveMember(m_group, from, to);
}

void MoveMembersCommand::undo()
{
    for (auto it = m_moves.crbegin(); it != m_moves.crend(); ++it)
        m_document->moveMember(m_group, it->second, it->first);
}

ChangeMemberCommand::ChangeMemberCommand(OrganizationDocument *document, const QString &groupId,
                                         int row, const Member &before, const Member &after,
                                         const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_group(groupId)
    , m_row(row)
    , m_before(before)
    , m_after(after)
{}

void ChangeMemberCommand::undo()
{
    m_document->setMember(m_group, m_row, m_before);
}

void ChangeMemberCommand::redo()
{
    m_document->setMember(m_group, m_row, m_after);
}

} // namespace Switchboard
