#include "flowsmodel.h"

#include "catalogue/appletcatalogue.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace Switchboard {

FlowsModel::FlowsModel(OrganizationDocument *document, QObject *parent)
    : DocumentTableModel(document, OrganizationDocument::List::Flows,
                         {tr("Flow"), tr("Applets"), tr("Numbers"), tr("Calls"), tr("Texts")},
                         parent)
{
    refresh();
}

void FlowsModel::refresh()
{
    m_numbersPerFlow.clear();
    for (const PhoneNumber &n : organization().numbers) {
        if (!n.flow.isEmpty())
            ++m_numbersPerFlow[n.flow];
    }
}

int FlowsModel::count() const
{
    return int(organization().flows.size());
}

QVariant FlowsModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Flow &flow = organization().flows.at(index.row());
    const bool voice = flow.isSetUp(Channel::Voice);
    const bool sms = flow.isSetUp(Channel::Sms);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return flow.name.isEmpty() ? flow.id : flow.name;
        case AppletsColumn: {
            const int count = int((flow.voice ? flow.voice->applets.size() : 0) +
                                  (flow.sms ? flow.sms->applets.size() : 0));
            return tr("%n applet(s)", nullptr, count);
        }
        case NumbersColumn:
            return tr("%n number(s)", nullptr, m_numbersPerFlow.value(flow.id));
        case VoiceColumn:
            return voice ? tr("Call flow set up") : tr("Create Call Flow");
        case SmsColumn:
            return sms ? tr("SMS flow set up") : tr("Create SMS Flow");
        }
        break;
    case Qt::ForegroundRole:
        if ((index.column() == VoiceColumn && !voice) || (index.column() == SmsColumn && !sms))
            return QBrush(QColor(0xc6, 0x28, 0x28));
        break;
    case FlowIdRole:
        return flow.id;
    }
    return {};
}

} // namespace Switchboard
