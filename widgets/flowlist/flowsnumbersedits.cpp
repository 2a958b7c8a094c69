#include "flowsnumbersedits.h"

#include "numbers/numbersmodel.h"

#include "document/documentcommands.h"
#include "document/organizationdocument.h"
#include "model/identifiers.h"

#include <QSet>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

FlowsNumbersEdits::FlowsNumbersEdits(OrganizationDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{}

QString FlowsNumbersEdits::flowName(const QString &flowId) const
{
    const Flow *flow = m_document->organization().flow(flowId);
    return flow ? flow->displayName() : flowId;
}

QString FlowsNumbersEdits::flowNameProblem(const QString &name, const QString &except) const
{
    const QString n = name.simplified();
    if (n.isEmpty())
        return tr("Give the flow a name.");
    const QString key = nameKey(n);
    for (const Flow &f : m_document->organization().flows) {
        if (f.id != except && nameKey(f.name) == key)
            return tr("There is already a flow called \"%1\".").arg(f.name);
    }
    return {};
}

QString FlowsNumbersEdits::numberProblem(const QString &number, const QString &except) const
{
    if (!isE164(number))
        return tr("Write the number in E.164 form: + and the country code, then the number, "
                  "without spaces (like +15125550100).");
    if (number != except && m_document->organization().number(number))
        return tr("%1 is already one of your numbers.").arg(number);
    return {};
}

QString FlowsNumbersEdits::blockedProblem(const QString &number) const
{
    if (!isE164(number))
        return tr("Write the number in E.164 form, like +15125550666.");
    if (m_document->organization().blocked.contains(number))
        return tr("%1 is blocked already.").arg(number);
    return {};
}

QStringList FlowsNumbersEdits::numbersOf(const QString &flowId) const
{
    QStringList numbers;
    for (const PhoneNumber &n : m_document->organization().numbers) {
        if (n.flow == flowId)
            numbers.append(n.number);
    }
    return numbers;
}

QString FlowsNumbersEdits::createFlow(const QString &name, const QString &forNumber)
{
    const QString problem = flowNameProblem(name);
    if (!problem.isEmpty()) {
        emit message(problem);
        return {};
    }
    const Organization &org = m_document->organization();
    Flow flow;
    flow.name = name.simplified();
    flow.id = makeId(flow.name, [&](const QString &id) { return org.flow(id) != nullptr; });
    const int numberIndex = org.indexOfNumber(forNumber);
    auto *command =
        new QUndoCommand(numberIndex < 0 ? tr("Create flow %1").arg(flow.name)
                                         : tr("Create flow %1 for %2").arg(flow.name, forNumber));
    new InsertItemCommand<Flow>(m_document, int(org.flows.size()), flow, QString(), command);
    if (numberIndex >= 0) {
        PhoneNumber after = org.numbers.at(numberIndex);
        after.flow = flow.id;
        new ChangeItemCommand<PhoneNumber>(m_document, numberIndex, org.numbers.at(numberIndex),
                                           after, QString(), command);
    }
    m_document->undoStack()->push(command);
    return flow.id;
}

bool FlowsNumbersEdits::renameFlow(const QString &flowId, const QString &name)
{
    const int index = m_document->organization().indexOfFlow(flowId);
    if (index < 0)
        return false;
    const Flow &before = m_document->organization().flows.at(index);
    if (before.name == name.simplified())
        return false;
    const QString problem = flowNameProblem(name, flowId);
    if (!problem.isEmpty()) {
        emit message(problem);
        return false;
    }
    Flow after = before;
    after.name = name.simplified();
    m_document->undoStack()->push(new ChangeItemCommand<Flow>(
        m_document, index, before, after, tr("Rename flow %1 to %2").arg(before.name, after.name)));
    return true;
}

QString FlowsNumbersEdits::duplicateFlow(const QString &flowId)
{
    const Organization &org = m_document->organization();
    const int index = org.indexOfFlow(flowId);
    if (index < 0)
        return {};
    Flow copy = org.flows.at(index);
    QString name = tr("%1 (copy)").arg(copy.name);
    for (int n = 2; !flowNameProblem(name).isEmpty(); ++n)
        name = tr("%1 (copy %2)").arg(copy.name).arg(n);
    copy.name = name;
    copy.id = makeId(name, [&](const QString &id) { return org.flow(id) != nullptr; });
    m_document->undoStack()->push(new InsertItemCommand<Flow>(
        m_document, index + 1, copy, tr("Duplicate flow %1").arg(org.flows.at(index).name)));
    return copy.id;
}

bool FlowsNumbersEdits::deleteFlow(const QString &flowId)
{
    const Organization &org = m_document->organization();
    const int index = org.indexOfFlow(flowId);
    if (index < 0)
        return false;
    auto *command = new QUndoCommand(tr("Delete flow %1").arg(flowName(flowId)));
    for (int n = 0; n < org.numbers.size(); ++n) {
        if (org.numbers.at(n).flow != flowId)
            continue;
        PhoneNumber after = org.numbers.at(n);
        after.flow.clear();
        new ChangeItemCommand<PhoneNumber>(m_document, n, org.numbers.at(n), after, QString(),
                                           command);
    }
    new RemoveItemCommand<Flow>(m_document, index, org.flows.at(index), QString(), command);
    m_document->undoStack()->push(command);
    return true;
}

bool FlowsNumbersEdits::assignNumber(const QString &number, const QString &flowId)
{
    const Organization &org = m_document->organization();
    const int index = org.indexOfNumber(number);
    if (index < 0 || (!flowId.isEmpty() && !org.flow(flowId)))
        return false;
    const PhoneNumber &before = org.numbers.at(index);
    if (before.flow == flowId)
        return false;
    PhoneNumber after = before;
    after.flow = flowId;
    const QString text =
        flowId.isEmpty() ? tr("Take %1 off flow %2").arg(number, flowName(before.flow))
        : before.flow.isEmpty()
            ? tr("Route %1 to flow %2").arg(number, flowName(flowId))
            : tr("Move %1 from flow %2 to %3").arg(number, flowName(before.flow), flowName(flowId));
    m_document->undoStack()->push(
        new ChangeItemCommand<PhoneNumber>(m_document, index, before, after, text));
    // The assignment is the organization's, not the flow's: said where it shows, since the
    // flow builder's Save Flow does not keep it.
    const QString still = NumbersModel::problem(m_document->organization(),
                                                m_document->organization().numbers.at(index));
    emit message(still.isEmpty()
                     ? tr("%1: done. Save (Ctrl+S) to keep it, push to make it live.").arg(text)
                     : tr("%1: done; %2 Save (Ctrl+S) to keep it.").arg(text, still));
    return true;
}

bool FlowsNumbersEdits::addNumber(const QString &number, const QString &label)
{
    const QString problem = numberProblem(number);
    if (!problem.isEmpty()) {
        emit message(problem);
        return false;
    }
    const int index = int(m_document->organization().numbers.size());
    m_document->undoStack()->push(new InsertItemCommand<PhoneNumber>(
        m_document, index, PhoneNumber{number, label.simplified(), QString()},
        tr("Add number %1").arg(number)));
    return true;
}

int FlowsNumbersEdits::addNumbers(const QList<std::pair<QString, QString>> &numbers)
{
    const Organization &org = m_document->organization();
    QList<PhoneNumber> fresh;
    QSet<QString> seen;
    for (const auto &[number, label] : numbers) {
        if (isE164(number) && !org.number(number) && !seen.contains(number)) {
            seen.insert(number);
            fresh.append(PhoneNumber{number, label.simplified(), QString()});
        }
    }
    if (fresh.isEmpty())
        return 0;
    auto *command =
        new QUndoCommand(tr("Import %n number(s) from the carrier", nullptr, int(fresh.size())));
    int index = int(org.numbers.size());
    for (const PhoneNumber &n : std::as_const(fresh))
        new InsertItemCommand<PhoneNumber>(m_document, index++, n, QString(), command);
    m_document->undoStack()->push(command);
    return int(fresh.size());
}

bool FlowsNumbersEdits::editNumber(const QString &number, const QString &newNumber,
                                   const QString &label)
{
    const Organization &org = m_document->organization();
    const int index = org.indexOfNumber(number);
    if (index < 0)
        return false;
    const QString problem = numberProblem(newNumber, number);
    if (!problem.isEmpty()) {
        emit message(problem);
        return false;
    }
    const PhoneNumber &before = org.numbers.at(index);
    PhoneNumber after = before;
    after.number = newNumber;
    after.label = label.simplified();
    if (after == before)
        return false;
    m_document->undoStack()->push(new ChangeItemCommand<PhoneNumber>(
        m_document, index, before, after, tr("Edit number %1").arg(number)));
    return true;
}

bool FlowsNumbersEdits::removeNumber(const QString &number)
{
    const Organization &org = m_document->organization();
    const int index = org.indexOfNumber(number);
    if (index < 0)
        return false;
    m_document->undoStack()->push(new RemoveItemCommand<PhoneNumber>(
        m_document, index, org.numbers.at(index), tr("Remove number %1").arg(number)));
    return true;
}

bool FlowsNumbersEdits::block(const QString &number)
{
    return pushBlock(number, tr("Block %1").arg(number));
}

bool FlowsNumbersEdits::markAsSpam(const QString &number)
{
    if (!pushBlock(number, tr("Mark %1 as spam").arg(number)))
        return false;
    emit message(tr("%1 is blocked: its calls are rejected and its texts dropped.").arg(number));
    return true;
}

bool FlowsNumbersEdits::pushBlock(const QString &number, const QString &text)
{
    const QString problem = blockedProblem(number);
    if (!problem.isEmpty()) {
        emit message(problem);
        return false;
    }
    m_document->undoStack()->push(new InsertItemCommand<QString>(
        m_document, int(m_document->organization().blocked.size()), number, text));
    return true;
}

bool FlowsNumbersEdits::unblock(const QString &number)
{
    const int index = int(m_document->organization().blocked.indexOf(number));
    if (index < 0)
        return false;
    m_document->undoStack()->push(
        new RemoveItemCommand<QString>(m_document, index, number, tr("Unblock %1").arg(number)));
    return true;
}

} // namespace Switchboard
