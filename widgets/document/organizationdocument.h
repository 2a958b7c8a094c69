#pragma once

// The organization being edited in the console: the model, its undo stack, the database it
// came from, and the validation findings of its current state. "Modified" is exactly
// "the undo stack is not clean"; saving writes what differs from what was last saved.
//
// Every change goes through the methods below (called by undo commands). Each announces
// itself with an "about to" signal and a "done" signal, which the item models turn into
// their row insertions, removals and moves.

#include "document/backgroundvalidation.h"
#include "model/organization.h"
#include "validation/finding.h"

#include <QObject>

#include <memory>

class QUndoStack;

namespace Switchboard {

class Database;
class OrganizationStore;

class OrganizationDocument : public QObject
{
    Q_OBJECT

public:
    // The organization's top-level lists.
    enum class List
    {
        Users,
        Groups,
        Numbers,
        Flows,
        Contacts,
        Blocked
    };
    Q_ENUM(List)

    ~OrganizationDocument() override;

    // Opens (creating and migrating as needed) the database at `location`; a new, empty
    // database is seeded with the demo organization.
    static std::unique_ptr<OrganizationDocument> open(const QString &location, QString *error);

    const Organization &organization() const { return m_organization; }
    QUndoStack *undoStack() const { return m_undoStack; }
    bool isModified() const;
    QString databaseName() const;
    OrganizationStore &store() const { return *m_store; }

    bool save(QString *error);
    // Takes a flow edited in the flow builder: one undo step here ("Edit flow Main line"),
    // and that flow written to the database with the numbers given it (or taken from it) since
    // the last save. Other unsaved changes stay unsaved.
    bool commitFlow(const Flow &flow, QString *error);
    // The numbers given the flow `flowId`, or taken from it, since the last save.
    QStringList unsavedAssignments(const QString &flowId) const;

    // The findings of the current state once validation has caught up with the last edit;
    // until then, those of an earlier state. After an edit, the whole organization is
    // validated on a worker thread (on a copy): the edit never waits for it. findingsChanged()
    // announces the findings of the newest state only; a result that an edit has overtaken
    // is dropped.
    const Findings &findings() const { return m_findings; }
    int errorCount() const { return m_errorCount; }
    int warningCount() const { return m_warningCount; }
    // True while the findings describe an earlier state than the current one.
    bool isValidationPending() const { return m_validation.isPending(); }
    // Brings the findings up to date at once, on this thread (push, tests): what needs
    // findings of the current state before going on. Nothing to do when they are.
    void validateNow();

    // Replaces the whole state (an import); models reset.
    void setOrganization(const Organization &organization);

    // Items of the top-level lists, by position.
    void insertUser(int index, const User &user);
    User takeUser(int index);
    void setUser(int index, const User &user); // not its memberships: see the member methods
    void insertGroup(int index, const Group &group);
    Group takeGroup(int index);
    void setGroup(int index, const Group &group);
    void insertFlow(int index, const Flow &flow);
    Flow takeFlow(int index);
    void setFlow(int index, const Flow &flow);
    void insertNumber(int index, const PhoneNumber &number);
    PhoneNumber takeNumber(int index);
    void setNumber(int index, const PhoneNumber &number);
    void insertBlocked(int index, const QString &number);
    QString takeBlocked(int index);
    void setContact(int index, const Contact &contact);

    // Members of one group, by position in its ring order.
    void insertMembers(const QString &groupId, int row, const QList<Member> &members);
    QList<Member> takeMembers(const QString &groupId, int row, int count);
    void moveMember(const QString &groupId, int from, int to); // QList::move semantics
    void setMember(const QString &groupId, int row, const Member &member);

signals:
    void organizationReset();
    void rowsAboutToBeInserted(OrganizationDocument::List list, int first, int last);
    void rowsInserted(OrganizationDocument::List list, int first, int last);
    void rowsAboutToBeRemoved(OrganizationDocument::List list, int first, int last);
    void rowsRemoved(OrganizationDocument::List list, int first, int last);
    void rowChanged(OrganizationDocument::List list, int row);
    void membersAboutToBeInserted(const QString &groupId, int first, int last);
    void membersInserted(const QString &groupId, int first, int last);
    void membersAboutToBeRemoved(const QString &groupId, int first, int last);
    void membersRemoved(const QString &groupId, int first, int last);
    void memberAboutToBeMoved(const QString &groupId, int from, int to);
    void memberMoved(const QString &groupId, int from, int to);
    void memberChanged(const QString &groupId, int row);
    // After any change, once the models have heard of it.
    void changed();
    void findingsChanged();
    void modifiedChanged(bool modified);
    void saved();

private:
    OrganizationDocument(std::unique_ptr<Database> db, Organization organization);
    Group &group(const QString &groupId);
    void afterChange();
    void setFindings(const Findings &findings);
    template<typename T> void insertItem(List list, QList<T> &items, int index, const T &item);
    template<typename T> T takeItem(List list, QList<T> &items, int index);
    template<typename T> void setItem(List list, QList<T> &items, int index, const T &item);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<OrganizationStore> m_store;
    Organization m_organization;
    Organization m_saved; // what the database holds
    QUndoStack *m_undoStack = nullptr;
    Findings m_findings;
    int m_errorCount = 0;
    int m_warningCount = 0;
    BackgroundValidation m_validation; // last: goes first
};

} // namespace Switchboard
