#include "organizationdocument.h"

#include "demo/demoorganization.h"
#include "document/documentcommands.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "validation/validator.h"

#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

OrganizationDocument::OrganizationDocument(std::unique_ptr<Database> db, Organization organization)
    : m_db(std::move(db))
    , m_store(std::make_unique<OrganizationStore>(*m_db))
    , m_organization(std::move(organization))
    , m_saved(m_organization)
    , m_undoStack(new QUndoStack(this))
    // Validating a large organization takes a noticeable moment (0.1 s at 10,000 users):
    // after an edit, it runs on a worker thread, on a copy.
    , m_validation(
          [this] {
              return [organization = m_organization] { return validateOrganization(organization); };
          },
          [this](const Findings &findings) { setFindings(findings); })
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    m_validation.validateNow(); // opening waits for the first findings
}

// A validation still running goes on with its copy, unheard.
OrganizationDocument::~OrganizationDocument() = default;

std::unique_ptr<OrganizationDocument> OrganizationDocument::open(const QString &location,
                                                                 QString *error)
{
    error->clear();
    auto db = Database::open(location, error);
    if (!db)
        return nullptr;
    OrganizationStore store(*db);
    if (!store.prepare(error))
        return nullptr;
    const bool empty = store.isEmpty(error);
    if (!error->isEmpty())
        return nullptr;
    if (empty && !store.replace(demoOrganization(), error))
        return nullptr;
    auto organization = store.load(error);
    if (!organization)
        return nullptr;
    return std::unique_ptr<OrganizationDocument>(
        new OrganizationDocument(std::move(db), std::move(*organization)));
}

bool OrganizationDocument::isModified() const
{
    return !m_undoStack->isClean();
}

QString OrganizationDocument::databaseName() const
{
    return m_db->displayName();
}

bool OrganizationDocument::save(QString *error)
{
    if (!m_store->save(m_saved, m_organization, error))
        return false; // the edits stay in memory and on the undo stack
    m_saved = m_organization;
    m_undoStack->setClean();
    emit saved();
    return true;
}

bool OrganizationDocument::commitFlow(const Flow &flow, QString *error)
{
    const int index = m_organization.indexOfFlow(flow.id);
    if (index < 0) {
        *error = tr("The flow \"%1\" no longer exists.").arg(flow.name);
        return false;
    }
    const bool wasClean = m_undoStack->isClean();
    if (!(m_organization.flows.at(index) == flow))
        m_undoStack->push(new ChangeItemCommand<Flow>(this, index, m_organization.flows.at(index),
                                                      flow, tr("Edit flow %1").arg(flow.name)));
    const int savedIndex = m_saved.indexOfFlow(flow.id);
    if (savedIndex < 0)
        return save(error); // a flow never saved: save the organization with it
    Organization target = m_saved;
    target.flows[savedIndex] = flow;
    for (const QString &number : unsavedAssignments(flow.id))
        target.numbers[target.indexOfNumber(number)].flow = m_organization.number(number)->flow;
    if (!m_store->save(m_saved, target, error))
        return false; // the step stays on the stack: the organization shows it unsaved
    m_saved = target;
    if (wasClean || m_saved == m_organization) // nothing else was unsaved
        m_undoStack->setClean();
    emit saved();
    return true;
}

QStringList OrganizationDocument::unsavedAssignments(const QString &flowId) const
{
    QStringList numbers;
    for (const PhoneNumber &now : m_organization.numbers) {
        const PhoneNumber *then = m_saved.number(now.number);
        if (!then || then->flow == now.flow)
            continue; // a number not saved yet goes with the organization's save
        // Given this flow; or taken from it, to none or to a flow the database has.
        if (now.flow == flowId ||
            (then->flow == flowId && (now.flow.isEmpty() || m_saved.flow(now.flow))))
            numbers.append(now.number);
    }
    return numbers;
}

void OrganizationDocument::setOrganization(const Organization &organization)
{
    m_organization = organization;
    emit organizationReset();
    afterChange();
}

void OrganizationDocument::afterChange()
{
    m_validation.changed();
    emit changed();
}

// Inserting, taking and replacing an item of one of the top-level lists, announced to the
// models around it.
template<typename T>
void OrganizationDocument::insertItem(List list, QList<T> &items, int index, const T &item)
{
    emit rowsAboutToBeInserted(list, index, index);
    items.insert(index, item);
    emit rowsInserted(list, index, index);
    afterChange();
}

template<typename T> T OrganizationDocument::takeItem(List list, QList<T> &items, int index)
{
    emit rowsAboutToBeRemoved(list, index, index);
    T item = items.takeAt(index);
    emit rowsRemoved(list, index, index);
    afterChange();
    return item;
}

template<typename T>
void OrganizationDocument::setItem(List list, QList<T> &items, int index, const T &item)
{
    items[index] = item;
    emit rowChanged(list, index);
    afterChange();
}

void OrganizationDocument::insertUser(int index, const User &user)
{
    insertItem(List::Users, m_organization.users, index, user);
}

User OrganizationDocument::takeUser(int index)
{
    return takeItem(List::Users, m_organization.users, index);
}

void OrganizationDocument::setUser(int index, const User &user)
{
    setItem(List::Users, m_organization.users, index, user);
}

void OrganizationDocument::insertGroup(int index, const Group &group)
{
    insertItem(List::Groups, m_organization.groups, index, group);
}

Group OrganizationDocument::takeGroup(int index)
{
    return takeItem(List::Groups, m_organization.groups, index);
}

void OrganizationDocument::setGroup(int index, const Group &group)
{
    Q_ASSERT(m_organization.groups.at(index).members == group.members);
    setItem(List::Groups, m_organization.groups, index, group);
}

void OrganizationDocument::insertFlow(int index, const Flow &flow)
{
    insertItem(List::Flows, m_organization.flows, index, flow);
}

Flow OrganizationDocument::takeFlow(int index)
{
    return takeItem(List::Flows, m_organization.flows, index);
}

void OrganizationDocument::setFlow(int index, const Flow &flow)
{
    setItem(List::Flows, m_organization.flows, index, flow);
}

void OrganizationDocument::insertNumber(int index, const PhoneNumber &number)
{
    insertItem(List::Numbers, m_organization.numbers, index, number);
}

PhoneNumber OrganizationDocument::takeNumber(int index)
{
    return takeItem(List::Numbers, m_organization.numbers, index);
}

void OrganizationDocument::setNumber(int index, const PhoneNumber &number)
{
    setItem(List::Numbers, m_organization.numbers, index, number);
}

void OrganizationDocument::insertBlocked(int index, const QString &number)
{
    insertItem(List::Blocked, m_organization.blocked, index, number);
}

QString OrganizationDocument::takeBlocked(int index)
{
    return takeItem(List::Blocked, m_organization.blocked, index);
}

void OrganizationDocument::setContact(int index, const Contact &contact)
{
    setItem(List::Contacts, m_organization.contacts, index, contact);
}

Group &OrganizationDocument::group(const QString &groupId)
{
    const int index = m_organization.indexOfGroup(groupId);
    Q_ASSERT(index >= 0);
    return m_organization.groups[index];
}

void OrganizationDocument::insertMembers(const QString &groupId, int row,
                                         const QList<Member> &members)
{
    if (members.isEmpty())
        return;
    const int last = row + int(members.size()) - 1;
    emit membersAboutToBeInserted(groupId, row, last);
    QList<Member> &list = group(groupId).members;
    for (int i = 0; i < members.size(); ++i)
        list.insert(row + i, members.at(i));
    emit membersInserted(groupId, row, last);
    emit rowChanged(List::Groups, m_organization.indexOfGroup(groupId));
    afterChange();
}

QList<Member> OrganizationDocument::takeMembers(const QString &groupId, int row, int count)
{
    const int last = row + count - 1;
    emit membersAboutToBeRemoved(groupId, row, last);
    QList<Member> &list = group(groupId).members;
    const QList<Member> taken = list.mid(row, count);
    list.remove(row, count);
    emit membersRemoved(groupId, row, last);
    emit rowChanged(List::Groups, m_organization.indexOfGroup(groupId));
    afterChange();
    return taken;
}

void OrganizationDocument::moveMember(const QString &groupId, int from, int to)
{
    if (from == to)
        return;
    emit memberAboutToBeMoved(groupId, from, to);
    group(groupId).members.move(from, to);
    emit memberMoved(groupId, from, to);
    afterChange();
}

void OrganizationDocument::setMember(const QString &groupId, int row, const Member &member)
{
    group(groupId).members[row] = member;
    emit memberChanged(groupId, row);
    afterChange();
}

void OrganizationDocument::validateNow()
{
    m_validation.validateNow();
}

void OrganizationDocument::setFindings(const Findings &findings)
{
    m_findings = findings;
    m_errorCount = countErrors(m_findings);
    m_warningCount = countWarnings(m_findings);
    emit findingsChanged();
}

} // namespace Switchboard
