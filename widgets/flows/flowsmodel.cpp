#include "flowsmodel.h"

#include "catalogue/appletcatalogue.h"
#include "document/organizationdocument.h"

#include <QBrush>
#include <QColor>

using namespace Qt::StringLiterals;

namespace Switchboard {

FlowsModel::FlowsModel(OrganizationDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    recount();
    connect(document, &OrganizationDocument::organizationReset, this, [this] {
        beginResetModel();
        recount();
        endResetModel();
    });
}

void FlowsModel::recount()
{
    m_numbersPerFlow.clear();
    for (const PhoneNumber &n : m_document->organization().numbers) {
        if (!n.flow.isEmpty())
            ++m_numbersPerFlow[n.flow];
    }
}

int FlowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document->organization().flows.size());
}

int FlowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Flow &flow = m_document->organization().flows.at(index.row());
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

QVariant FlowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Flow");
    case AppletsColumn:
        return tr("Applets");
    case NumbersColumn:
        return tr("Numbers");
    case VoiceColumn:
        return tr("Calls");
    case SmsColumn:
        return tr("Texts");
    }
    return {};
}

} // namespace Switchboard
