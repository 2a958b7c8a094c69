#include "numbersmodel.h"

#include "flowlist/flowsnumbersedits.h"
#include "shell/consolelook.h"

#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Switchboard {

NumbersModel::NumbersModel(FlowsNumbersEdits *editor, QObject *parent)
    : DocumentTableModel(editor->document(), OrganizationDocument::List::Numbers,
                         {tr("Number"), tr("Label"), tr("Flow"), tr("Status"), tr("Carrier")},
                         parent)
    , m_editor(editor)
    , m_carrierUnknown(tr("Sign in to the backend as an admin or a manager to see the carrier "
                          "account's numbers."))
{
    // A number's state depends on its flow: follow the flows too.
    using List = OrganizationDocument::List;
    auto flowsChanged = [this](List list) {
        if (list == List::Flows && rowCount() > 0)
            emit dataChanged(index(0, FlowColumn), index(rowCount() - 1, StatusColumn));
    };
    connect(document(), &OrganizationDocument::rowChanged, this, flowsChanged);
    connect(document(), &OrganizationDocument::rowsInserted, this, flowsChanged);
    connect(document(), &OrganizationDocument::rowsRemoved, this, flowsChanged);
}

int NumbersModel::count() const
{
    return int(organization().numbers.size());
}

namespace {
// A flow routes a number fully when it has both a call flow and an SMS flow.
bool routesFully(const Flow &flow)
{
    return flow.isSetUp(Channel::Voice) && flow.isSetUp(Channel::Sms);
}
} // namespace

int NumbersModel::unroutedCount(const Organization &org)
{
    QSet<QString> routed;
    for (const Flow &flow : org.flows) {
        if (routesFully(flow))
            routed.insert(flow.id);
    }
    int unrouted = 0;
    for (const PhoneNumber &number : org.numbers)
        unrouted += routed.contains(number.flow) ? 0 : 1;
    return unrouted;
}

QString NumbersModel::problem(const Organization &org, const PhoneNumber &number)
{
    if (number.flow.isEmpty())
        return tr("No flow: calls and texts to this number are rejected.");
    const Flow *flow = org.flow(number.flow);
    if (!flow)
        return tr("Its flow \"%1\" does not exist.").arg(number.flow);
    if (routesFully(*flow))
        return {};
    const bool voice = flow->isSetUp(Channel::Voice);
    const bool sms = flow->isSetUp(Channel::Sms);
    if (!voice && !sms)
        return tr("Flow \"%1\" has neither a call flow nor an SMS flow.").arg(flow->name);
    if (!voice)
        return tr("Flow \"%1\" has no call flow: calls are rejected.").arg(flow->name);
    return tr("Flow \"%1\" has no SMS flow: texts are dropped.").arg(flow->name);
}

QString NumbersModel::problem(int row) const
{
    return problem(organization(), organization().numbers.at(row));
}

void NumbersModel::setCarrier(const Api::CarrierNumbers &numbers)
{
    m_carrier = numbers;
    m_carrierUnknown.clear();
    carrierChanged();
}

void NumbersModel::setCarrierUnknown(const QString &why)
{
    m_carrier.reset();
    m_carrierUnknown = why;
    carrierChanged();
}

void NumbersModel::carrierChanged()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, CarrierColumn), index(rowCount() - 1, CarrierColumn));
}

NumbersModel::CarrierState NumbersModel::carrierState(const QString &number) const
{
    if (!m_carrier)
        return CarrierUnknown;
    for (const Api::CarrierNumber &n : m_carrier->numbers) {
        if (n.number == number)
            return n.wired ? Wired : PointsElsewhere;
    }
    return NotInAccount;
}

QString NumbersModel::carrierToolTip(const QString &number) const
{
    if (!m_carrier)
        return m_carrierUnknown;
    const auto orNothing = [](const QString &url) { return url.isEmpty() ? tr("nowhere") : url; };
    for (const Api::CarrierNumber &n : m_carrier->numbers) {
        if (n.number != number)
            continue;
        const QString name = n.friendlyName.isEmpty()
                                 ? QString()
                                 : tr("\"%1\" at the carrier.\n").arg(n.friendlyName);
        if (n.wired)
            return name + tr("Calls and texts to this number reach this backend.");
        return name + tr("The carrier sends calls to %1 and texts to %2; this backend takes them "
                         "at %3 and %4. \"Wire to Backend\" points them here.")
                          .arg(orNothing(n.voiceUrl), orNothing(n.smsUrl),
                               orNothing(m_carrier->voiceUrl), orNothing(m_carrier->smsUrl));
    }
    return tr("The carrier account has no such number: calls and texts to it never reach this "
              "backend.");
}

QVariant NumbersModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const Organization &org = organization();
    const PhoneNumber &number = org.numbers.at(index.row());
    if (index.column() == CarrierColumn) {
        const CarrierState state = carrierState(number.number);
        switch (role) {
        case Qt::DisplayRole:
            switch (state) {
            case CarrierUnknown:
                return u"—"_s;
            case Wired:
                return tr("✓ wired");
            case PointsElsewhere:
                return tr("⚠ points elsewhere");
            case NotInAccount:
                return tr("✗ not in the account");
            }
            break;
        case Qt::ToolTipRole:
            return carrierToolTip(number.number);
        case Qt::ForegroundRole:
            if (state == PointsElsewhere)
                return QBrush(ConsoleLook::toneColor(ConsoleLook::Tone::Warning));
            if (state == NotInAccount)
                return QBrush(ConsoleLook::toneColor(ConsoleLook::Tone::Problem));
            break;
        case CarrierRole:
            return int(state);
        case NumberRole:
            return number.number;
        }
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
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
        case StatusColumn: {
            const QString p = problem(index.row());
            return p.isEmpty() ? tr("Calls and texts are routed") : p;
        }
        }
        break;
    case Qt::ForegroundRole:
        if (!problem(index.row()).isEmpty())
            return QBrush(ConsoleLook::toneColor(ConsoleLook::Tone::Problem));
        break;
    case Qt::DecorationRole:
        if (index.column() == FlowColumn)
            return ConsoleLook::icon(u":/icons/actions/edit.svg"_s); // the pencil: click to change
        break;
    case Qt::ToolTipRole:
        if (index.column() == FlowColumn)
            return tr("Click, or press Enter, to choose this number's flow.");
        if (index.column() == StatusColumn) {
            const QString p = problem(index.row());
            if (p.isEmpty())
                return tr("Calls and texts to this number run its flow.");
            const Flow *flow = number.flow.isEmpty() ? nullptr : organization().flow(number.flow);
            // What to do about it, not only what is wrong.
            return flow ? tr("%1\nOpen the flow \"%2\" (Flows page) and build what it lacks "
                             "on its Call flow or SMS flow tab.")
                              .arg(p, flow->name)
                        : tr("%1\nChoose a flow in the Flow column.").arg(p);
        }
        return problem(index.row());
    case ProblemRole:
        return problem(index.row());
    case NumberRole:
        return number.number;
    }
    return {};
}

bool NumbersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !isCell(index))
        return false;
    const PhoneNumber &number = organization().numbers.at(index.row());
    if (index.column() == NumberColumn)
        return m_editor->editNumber(number.number, value.toString().trimmed(), number.label);
    if (index.column() == LabelColumn)
        return m_editor->editNumber(number.number, number.number, value.toString());
    return false;
}

Qt::ItemFlags NumbersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = DocumentTableModel::flags(index);
    if (index.isValid() && (index.column() == NumberColumn || index.column() == LabelColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

BlockedModel::BlockedModel(OrganizationDocument *document, QObject *parent)
    : DocumentTableModel(document, OrganizationDocument::List::Blocked, {tr("Blocked number")},
                         parent)
{}

int BlockedModel::count() const
{
    return int(organization().blocked.size());
}

QVariant BlockedModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index) || role != Qt::DisplayRole)
        return {};
    return organization().blocked.at(index.row());
}

ContactsModel::ContactsModel(OrganizationDocument *document, QObject *parent)
    : DocumentTableModel(document, OrganizationDocument::List::Contacts,
                         {tr("Number"), tr("Name"), tr("Owner")}, parent)
{}

int ContactsModel::count() const
{
    return int(organization().contacts.size());
}

QVariant ContactsModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index) || role != Qt::DisplayRole)
        return {};
    const Contact &c = organization().contacts.at(index.row());
    switch (index.column()) {
    case NumberColumn:
        return c.number;
    case NameColumn:
        return c.name;
    case OwnerColumn: {
        const User *owner = organization().user(c.owner);
        return owner ? owner->name : c.owner;
    }
    }
    return {};
}

} // namespace Switchboard
