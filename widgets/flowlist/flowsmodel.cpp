#include "flowsmodel.h"

#include "flowlist/flowsnumbersedits.h"
#include "model/graphedit.h"
#include "shell/consolelook.h"

#include <QBrush>
#include <QColor>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace Switchboard {

FlowsModel::FlowsModel(FlowsNumbersEdits *editor, QObject *parent)
    : DocumentTableModel(editor->document(), OrganizationDocument::List::Flows,
                         {tr("Flow"), tr("Applets"), tr("Numbers"), tr("Calls"), tr("Texts")},
                         parent)
    , m_editor(editor)
{
    refresh();
    using List = OrganizationDocument::List;
    // Which numbers use which flow changes with the numbers, not the flows.
    auto recount = [this](List list) {
        if (list != List::Numbers || rowCount() == 0)
            return;
        refresh();
        emit dataChanged(index(0, NumbersColumn), index(rowCount() - 1, NumbersColumn));
    };
    connect(document(), &OrganizationDocument::rowsInserted, this, recount);
    connect(document(), &OrganizationDocument::rowsRemoved, this, recount);
    connect(document(), &OrganizationDocument::rowChanged, this,
            [this, recount](List list, int row) {
                if (list == List::Flows && row >= 0 && row < organization().flows.size())
                    m_previews.remove(organization().flows.at(row).id);
                recount(list);
            });
}

void FlowsModel::refresh()
{
    m_numbers.clear();
    m_previews.clear();
    for (const PhoneNumber &n : organization().numbers) {
        if (!n.flow.isEmpty())
            m_numbers[n.flow].append(n.number);
    }
}

int FlowsModel::count() const
{
    return int(organization().flows.size());
}

QStringList FlowsModel::preview(const Flow &flow) const
{
    const auto cached = m_previews.constFind(flow.id);
    if (cached != m_previews.cend())
        return *cached;
    QStringList types;
    for (Channel channel : {Channel::Voice, Channel::Sms}) {
        const auto &graph = flow.graph(channel);
        if (!graph)
            continue;
        if (!types.isEmpty())
            types.append(u"|"_s);
        for (const QString &id : GraphEdit::inFlowOrder(*graph))
            types.append(graph->applets[id].type);
    }
    m_previews.insert(flow.id, types);
    return types;
}

QVariant FlowsModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Flow &flow = organization().flows.at(index.row());
    const bool setUp = flow.isSetUp(channelOf(index.column()));
    const QStringList numbers = m_numbers.value(flow.id);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn:
            return flow.displayName();
        case AppletsColumn: {
            const int count = int((flow.voice ? flow.voice->applets.size() : 0) +
                                  (flow.sms ? flow.sms->applets.size() : 0));
            return tr("%n applet(s)", nullptr, count);
        }
        case NumbersColumn:
            return numbers.isEmpty() ? tr("No number")
                                     : tr("%n number(s)", nullptr, int(numbers.size()));
        case VoiceColumn:
            return setUp ? tr("Call flow set up") : tr("Create Call Flow");
        case SmsColumn:
            return setUp ? tr("SMS flow set up") : tr("Create SMS Flow");
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == NumbersColumn)
            return numbers.isEmpty()
                       ? tr("No number uses this flow yet. Click to assign one.")
                       : tr("Used by %1. Click to assign numbers.").arg(numbers.join(u", "_s));
        if ((index.column() == VoiceColumn || index.column() == SmsColumn) && !setUp)
            return index.column() == VoiceColumn
                       ? tr("Calls to this flow's numbers are rejected until it has a call flow.")
                       : tr("Texts to this flow's numbers are dropped until it has an SMS flow.");
        break;
    case Qt::DecorationRole:
        if (index.column() == NumbersColumn)
            return ConsoleLook::icon(u":/icons/sections/numbers.svg"_s);
        break;
    case Qt::ForegroundRole:
        if ((index.column() == VoiceColumn || index.column() == SmsColumn) && !setUp)
            return QBrush(ConsoleLook::toneColor(ConsoleLook::Tone::Problem));
        break;
    case FlowIdRole:
        return flow.id;
    case PreviewRole:
        return preview(flow);
    case SetUpRole:
        return setUp;
    case NumbersRole:
        return numbers;
    }
    return {};
}

bool FlowsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn || !isCell(index))
        return false;
    return m_editor->renameFlow(organization().flows.at(index.row()).id, value.toString());
}

Qt::ItemFlags FlowsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = DocumentTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

} // namespace Switchboard
