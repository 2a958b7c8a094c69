#include "numbersmodel.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace Switchboard {

NumbersModel::NumbersModel(OrganizationDocument *document, QObject *parent)
    : DocumentTableModel(document, OrganizationDocument::List::Numbers,
                         {tr("Number"), tr("Label"), tr("Flow")}, parent)
{}

int NumbersModel::count() const
{
    return int(organization().numbers.size());
}

QString NumbersModel::problem(int row) const
{
    const Organization &org = organization();
    const PhoneNumber &number = org.numbers.at(row);
    if (number.flow.isEmpty())
        return tr("No flow: calls and texts to this number are rejected.");
    const Flow *flow = org.flow(number.flow);
    if (!flow)
        return tr("Its flow \"%1\" does not exist.").arg(number.flow);
    const bool voice = flow->isSetUp(Channel::Voice);
    const bool sms = flow->isSetUp(Channel::Sms);
    if (!voice && !sms)
        return tr("Flow \"%1\" has neither a call flow nor an SMS flow.").arg(flow->name);
    if (!voice)
        return tr("Flow \"%1\" has no call flow: calls are rejected.").arg(flow->name);
    if (!sms)
        return tr("Flow \"%1\" has no SMS flow: texts are dropped.").arg(flow->name);
    return {};
}

QVariant NumbersModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Organization &org = organization();
    const PhoneNumber &number = org.numbers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return number.number;
        case LabelColumn:
            return number.label;
        case FlowColumn: {
            if (number.flow.isEmpty())
                return tr("No flow");
            const Flow *flow = org.flow(number.flow);
            return flow ? flow->name : number.flow;
        }
        }
        break;
    case Qt::ForegroundRole:
        if (!problem(index.row()).isEmpty())
            return QBrush(QColor(0xc6, 0x28, 0x28));
        break;
    case Qt::ToolTipRole:
    case ProblemRole:
        return problem(index.row());
    case NumberRole:
        return number.number;
    }
    return {};
}

} // namespace Switchboard
