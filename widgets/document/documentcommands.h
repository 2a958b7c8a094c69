#pragma once

// Undo commands on the organization: its top-level lists' items, and the whole of it. Each
// changes the document through its methods; the text comes from the gesture that made it
// ("Edit Nancy Ortiz", "Rename group Sales").

#include "document/organizationdocument.h"

#include <QUndoCommand>

namespace Switchboard {

namespace ItemAccess {
// A table reads better one line per type.
// clang-format off
inline void set(OrganizationDocument *d, int i, const User &v) { d->setUser(i, v); }
inline void set(OrganizationDocument *d, int i, const Group &v) { d->setGroup(i, v); }
inline void set(OrganizationDocument *d, int i, const Flow &v) { d->setFlow(i, v); }
inline void set(OrganizationDocument *d, int i, const PhoneNumber &v) { d->setNumber(i, v); }
inline void set(OrganizationDocument *d, int i, const Contact &v) { d->setContact(i, v); }
inline void insert(OrganizationDocument *d, int i, const User &v) { d->insertUser(i, v); }
inline void insert(OrganizationDocument *d, int i, const Group &v) { d->insertGroup(i, v); }
inline void insert(OrganizationDocument *d, int i, const Flow &v) { d->insertFlow(i, v); }
inline void insert(OrganizationDocument *d, int i, const PhoneNumber &v) { d->insertNumber(i, v); }
inline void insert(OrganizationDocument *d, int i, const QString &blocked) { d->insertBlocked(i, blocked); }
inline void take(OrganizationDocument *d, int i, const User *) { d->takeUser(i); }
inline void take(OrganizationDocument *d, int i, const Group *) { d->takeGroup(i); }
inline void take(OrganizationDocument *d, int i, const Flow *) { d->takeFlow(i); }
inline void take(OrganizationDocument *d, int i, const PhoneNumber *) { d->takeNumber(i); }
inline void take(OrganizationDocument *d, int i, const QString *) { d->takeBlocked(i); }
// clang-format on
} // namespace ItemAccess

// Replaces one item with another state of it.
template<typename T> class ChangeItemCommand : public QUndoCommand
{
public:
    ChangeItemCommand(OrganizationDocument *document, int index, T before, T after,
                      const QString &text, QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_index(index)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {}
    void undo() override { ItemAccess::set(m_document, m_index, m_before); }
    void redo() override { ItemAccess::set(m_document, m_index, m_after); }

private:
    OrganizationDocument *m_document;
    int m_index;
    T m_before;
    T m_after;
};

// Inserts an item (redo) or takes it out again (undo); with `remove`, the other way round.
template<typename T> class InsertItemCommand : public QUndoCommand
{
public:
    InsertItemCommand(OrganizationDocument *document, int index, T item, const QString &text,
                      QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_index(index)
        , m_item(std::move(item))
    {}
    void undo() override { ItemAccess::take(m_document, m_index, &m_item); }
    void redo() override { ItemAccess::insert(m_document, m_index, m_item); }

private:
    OrganizationDocument *m_document;
    int m_index;
    T m_item;
};

template<typename T> class RemoveItemCommand : public QUndoCommand
{
public:
    RemoveItemCommand(OrganizationDocument *document, int index, T item, const QString &text,
                      QUndoCommand *parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_index(index)
        , m_item(std::move(item))
    {}
    void undo() override { ItemAccess::insert(m_document, m_index, m_item); }
    void redo() override { ItemAccess::take(m_document, m_index, &m_item); }

private:
    OrganizationDocument *m_document;
    int m_index;
    T m_item;
};

// Replaces the whole organization (reloading the backend's configuration): one undoable
// step, like any other change.
class ReplaceOrganizationCommand : public QUndoCommand
{
public:
    ReplaceOrganizationCommand(OrganizationDocument *document, Organization after,
                               const QString &text)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(document->organization())
        , m_after(std::move(after))
    {}
    void redo() override { m_document->setOrganization(m_after); }
    void undo() override { m_document->setOrganization(m_before); }

private:
    OrganizationDocument *m_document;
    Organization m_before;
    Organization m_after;
};

} // namespace Switchboard
