#pragma once

// Undo commands on a group's members: add (at a position), remove, reorder, and change
// which channels a member takes part in.

#include "document/organizationdocument.h"

#include <QUndoCommand>

namespace Switchboard {

class AddMembersCommand : public QUndoCommand
{
public:
    AddMembersCommand(OrganizationDocument *document, const QString &groupId, int row,
                      const QList<Member> &members, const QString &text,
                      QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    OrganizationDocument *m_document;
    QString m_group;
    int m_row;
    QList<Member> m_members;
};

class RemoveMembersCommand : public QUndoCommand
{
public:
    RemoveMembersCommand(OrganizationDocument *document, const QString &groupId, QList<int> rows,
                         const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    OrganizationDocument *m_document;
    QString m_group;
    QList<int> m_rows;       // ascending
    QList<Member> m_members; // as they were, filled by redo
};

// Moves the members at `rows` so that they stand together, in their order, where
// `destination` was (a row in 0..count, counted before the move).
class MoveMembersCommand : public QUndoCommand
{
public:
    MoveMembersCommand(OrganizationDocument *document, const QString &groupId, QList<int> rows,
                       int destination, const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

    // Whether moving `rows` to `destination` would change the order at all.
    static bool changesOrder(QList<int> rows, int destination);

private:
    OrganizationDocument *m_document;
    QString m_group;
    QList<int> m_rows; // ascending
    int m_destination;
    QList<std::pair<int, int>> m_moves; // done by redo, reversed by undo
};

class ChangeMemberCommand : public QUndoCommand
{
public:
    ChangeMemberCommand(OrganizationDocument *document, const QString &groupId, int row,
                        const Member &before, const Member &after, const QString &text,
                        QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    OrganizationDocument *m_document;
    QString m_group;
    int m_row;
    Member m_before;
    Member m_after;
};

} // namespace Switchboard
