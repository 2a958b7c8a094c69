#include "validator.h"

#include "catalogue/appletcatalogue.h"
#include "catalogue/appletsettings.h"
#include "config/jsonscan.h"
#include "model/identifiers.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

using JsonPath::index;
using JsonPath::key;

// The shortest way round a cycle from its first applet (by id), for a readable message.
QStringList walkCycle(const Graph &graph, const QStringList &component)
{
    const QString first = component.first();
    QHash<QString, QString> parent;
    QStringList queue{first};
    while (!queue.isEmpty()) {
        const QString at = queue.takeFirst();
        const QMap<QString, QString> next = graph.applets.value(at).next;
        for (const QString &w : next) {
            if (w == first) {
                QStringList walk{first};
                for (QString p = at; p != first; p = parent.value(p))
                    walk.insert(1, p);
                walk.append(first);
                return walk;
            }
            if (component.contains(w) && !parent.contains(w)) {
                parent.insert(w, at);
                queue.append(w);
            }
        }
    }
    return component;
}

class Validator
{
    Q_DECLARE_TR_FUNCTIONS(Validator)

public:
    explicit Validator(const Organization &org)
        : m_org(org)
        , m_catalogue(AppletCatalogue::instance())
    {}

    Findings runFlow(int index)
    {
        indexOrganization();
        checkFlow(index);
        return std::move(m_findings);
    }

    Findings runAppletConfig(const Applet &applet)
    {
        indexOrganization();
        checkAppletConfig(applet, u"config"_s);
        return std::move(m_findings);
    }

    Findings run()
    {
        indexOrganization();
        checkOrganization();
        checkUsers();
        checkGroups();
        checkNumbers();
        checkFlows();
        checkContacts();
        checkBlocked();
        return std::move(m_findings);
    }

private:
    struct GroupReach
    {
        int voiceMembers = 0;            // members taking part in calls
        int voiceMembersWithDevices = 0; // ... who can actually be rung
        int voiceDevices = 0;            // their devices, all told
    };

    const Organization &m_org;
    const AppletCatalogue &m_catalogue;
    Findings m_findings;
    QHash<QString, int> m_users;   // id -> first index
    QHash<QString, int> m_groups;  // id -> first index
    QHash<QString, int> m_flows;   // id -> first index
    QHash<QString, int> m_flowUse; // flow id -> numbers using it
    QHash<QString, GroupReach> m_reach;
    QHash<QString, int> m_groupNames; // name, case folded -> first index
    QHash<QString, int> m_flowNames;

    // People tell groups and flows apart by name, in menus and in the console's lists.
    void checkUniqueName(const QHash<QString, int> &names, const QString &name, int position,
                         const QString &path, const QString &listName)
    {
        const int first = names.value(nameKey(name), position);
        if (name.simplified().isEmpty() || first == position)
            return;
        error(path, u"duplicate"_s,
              tr("The name \"%1\" is taken already by %2[%3]; names must differ (ignoring case).")
                  .arg(name, listName)
                  .arg(first));
    }

    void error(const QString &path, const QString &rule, const QString &message)
    {
        m_findings.append(Finding{Severity::Error, path, rule, message});
    }
    void warning(const QString &path, const QString &rule, const QString &message)
    {
        m_findings.append(Finding{Severity::Warning, path, rule, message});
    }

    void wrongType(const QString &path, const QJsonValue &v, const QString &expected)
    {
        m_findings.append(wrongTypeFinding(path, v, expected));
    }

    QString userName(const QString &id) const
    {
        const auto it = m_users.constFind(id);
        if (it == m_users.cend())
            return id;
        return m_org.users.at(*it).displayName();
    }
    QString groupName(const QString &id) const
    {
        const auto it = m_groups.constFind(id);
        if (it == m_groups.cend())
            return id;
        return m_org.groups.at(*it).displayName();
    }

    void indexOrganization();
    void checkOrganization();
    void checkId(const QString &id, const QString &path, const QString &what);
    template<typename Hash>
    void checkUnique(Hash &seen, const QString &value, int position, const QString &path,
                     const QString &listName);
    void checkUsers();
    void checkDevice(const Device &device, const QString &path);
    void checkGroups();
    void checkNumbers();
    void checkFlows();
    void checkFlow(int index);
    void checkAppletConfig(const Applet &applet, const QString &configPath);
    void checkGraph(const Flow &flow, Channel channel, const QString &path);
    void checkCycles(const Graph &graph, Channel channel, const QString &path);
    void checkApplet(const Applet &applet, Channel channel, const QString &path, bool reachable,
                     const Graph &graph);
    void checkFields(const QJsonObject &object, const QList<FieldSpec> &fields, const QString &path,
                     const QString &what);
    void checkValue(const FieldSpec &field, const QJsonValue &v, const QString &path);
    bool checkInteger(const QJsonValue &v, int min, int max, const QString &label,
                      const QString &path);
    void checkLength(const QString &text, int max, const QString &label, const QString &path);
    void checkText(const QJsonValue &v, int min, int max, const QString &label,
                   const QString &path);
    void checkPrompt(const QJsonValue &v, const QString &path);
    void checkOwner(const QJsonValue &v, const QString &path);
    void checkDialTarget(const QJsonValue &v, const QString &path);
    void checkWeekly(const QJsonValue &v, const QString &path);
    void checkKeywords(const FieldSpec &field, const QJsonValue &v, const QString &path);
    void checkDial(const Applet &applet, const QString &configPath);
    void checkContacts();
    void checkBlocked();
};

void Validator::indexOrganization()
{
    // Backwards, so that the first of duplicate ids wins; the later ones are reported.
    for (int i = int(m_org.users.size()) - 1; i >= 0; --i)
        m_users.insert(m_org.users.at(i).id, i);
    for (int i = int(m_org.groups.size()) - 1; i >= 0; --i)
        m_groups.insert(m_org.groups.at(i).id, i);
    for (int i = int(m_org.flows.size()) - 1; i >= 0; --i)
        m_flows.insert(m_org.flows.at(i).id, i);
    for (int i = int(m_org.groups.size()) - 1; i >= 0; --i)
        m_groupNames.insert(nameKey(m_org.groups.at(i).name), i);
    for (int i = int(m_org.flows.size()) - 1; i >= 0; --i)
        m_flowNames.insert(nameKey(m_org.flows.at(i).name), i);
    for (const PhoneNumber &n : m_org.numbers) {
        if (!n.flow.isEmpty())
            ++m_flowUse[n.flow];
    }
    for (const Group &g : m_org.groups) {
        GroupReach reach;
        for (const Member &m : g.members) {
            if (!m.voice)
                continue;
            ++reach.voiceMembers;
            const auto it = m_users.constFind(m.user);
            if (it == m_users.cend())
                continue;
            const int devices = int(m_org.users.at(*it).devices.size());
            reach.voiceDevices += devices;
            reach.voiceMembersWithDevices += devices > 0 ? 1 : 0;
        }
        if (!m_reach.contains(g.id))
            m_reach.insert(g.id, reach);
    }
}

void Validator::checkOrganization()
{
    checkLength(m_org.name, Limits::maxNameLength, tr("The name"), u"organization.name"_s);
    if (!m_org.timezone.isEmpty() && !isKnownTimeZone(m_org.timezone)) {
        error(u"organization.timezone"_s, u"invalid-value"_s,
              tr("\"%1\" is not a time zone this system knows; use an IANA name such as "
                 "America/Chicago.")
                  .arg(m_org.timezone));
    }
}

void Validator::checkId(const QString &id, const QString &path, const QString &what)
{
    if (!isValidId(id)) {
        error(path, u"malformed-id"_s,
              tr("\"%1\" is not a valid %2 id: use 1 to 64 letters, digits, '_', '.' or '-', "
                 "starting with a letter or digit.")
                  .arg(id, what));
    }
}

template<typename Hash>
void Validator::checkUnique(Hash &seen, const QString &value, int position, const QString &path,
                            const QString &listName)
{
    const auto it = seen.constFind(value);
    if (it != seen.cend()) {
        error(path, u"duplicate"_s,
              tr("\"%1\" is listed twice in %2 (first at %2[%3]).").arg(value, listName).arg(*it));
        return;
    }
    seen.insert(value, position);
}

void Validator::checkUsers()
{
    QHash<QString, int> seen;
    QHash<QString, int> emails; // in lower case: people sign in with them, in any case
    for (int i = 0; i < m_org.users.size(); ++i) {
        const User &user = m_org.users.at(i);
        const QString path = index(u"users"_s, i);
        checkId(user.id, key(path, u"id"_s), tr("user"));
        checkUnique(seen, user.id, i, key(path, u"id"_s), u"users"_s);
        checkLength(user.name, Limits::maxNameLength, tr("The name"), key(path, u"name"_s));
        checkLength(user.email, Limits::maxEmailLength, tr("The e-mail address"),
                    key(path, u"email"_s));
        if (!user.email.isEmpty())
            checkUnique(emails, user.email.toLower(), i, key(path, u"email"_s), u"users"_s);
        for (int d = 0; d < user.devices.size(); ++d)
            checkDevice(user.devices.at(d), index(key(path, u"devices"_s), d));
        if (user.devices.isEmpty()) {
            warning(key(path, u"devices"_s), u"no-devices"_s,
                    tr("%1 has no devices, so no call can ring them.").arg(user.displayName()));
        }
        if (user.greeting)
            checkPrompt(*user.greeting, key(path, u"greeting"_s));
    }
}

void Validator::checkDevice(const Device &device, const QString &path)
{
    const QString addressPath = key(path, u"address"_s);
    switch (device.kind) {
    case DeviceKind::Phone:
        if (!isE164(device.address))
            error(addressPath, u"malformed-number"_s,
                  tr("\"%1\" is not a phone number in E.164 form (like +15125550100).")
                      .arg(device.address));
        break;
    case DeviceKind::Sip:
        if (!isSipAddress(device.address))
            error(addressPath, u"invalid-value"_s,
                  tr("\"%1\" is not a SIP address (like sip:nancy@pbx.example.com).")
                      .arg(device.address));
        break;
    case DeviceKind::Client:
        if (!isValidId(device.address))
            error(addressPath, u"invalid-value"_s,
                  tr("\"%1\" is not a valid client name: use letters, digits, '_', '.' or '-'.")
                      .arg(device.address));
        break;
    }
}

void Validator::checkGroups()
{
    QHash<QString, int> seen;
    for (int i = 0; i < m_org.groups.size(); ++i) {
        const Group &group = m_org.groups.at(i);
        const QString path = index(u"groups"_s, i);
        checkId(group.id, key(path, u"id"_s), tr("group"));
        checkUnique(seen, group.id, i, key(path, u"id"_s), u"groups"_s);
        checkUniqueName(m_groupNames, group.name, i, key(path, u"name"_s), u"groups"_s);
        checkLength(group.name, Limits::maxNameLength, tr("The name"), key(path, u"name"_s));
        checkLength(group.department, Limits::maxLabelLength, tr("The department"),
                    key(path, u"department"_s));
        QHash<QString, int> members;
        for (int m = 0; m < group.members.size(); ++m) {
            const Member &member = group.members.at(m);
            const QString memberPath = index(key(path, u"members"_s), m);
            if (!m_users.contains(member.user)) {
                error(memberPath, u"unresolved"_s,
                      tr("Member \"%1\" is not a user of this organization.").arg(member.user));
            }
            const auto it = members.constFind(member.user);
            if (it != members.cend()) {
                error(memberPath, u"duplicate"_s,
                      tr("%1 is already a member of this group (at members[%2]); a user "
                         "appears once per group.")
                          .arg(userName(member.user))
                          .arg(*it));
            } else {
                members.insert(member.user, m);
            }
        }
        if (group.members.isEmpty()) {
            warning(key(path, u"members"_s), u"empty-group"_s,
                    tr("Group \"%1\" has no members.").arg(group.displayName()));
        }
        if (group.smsMaxOpenPerAgent < 0 || group.smsMaxOpenPerAgent > 10000) {
            error(key(path, u"sms_max_open_per_agent"_s), u"out-of-range"_s,
                  tr("The most open conversations per member must be from 0 (no limit) to "
                     "10000; it is %1.")
                      .arg(group.smsMaxOpenPerAgent));
        }
    }
}

void Validator::checkNumbers()
{
    QHash<QString, int> seen;
    for (int i = 0; i < m_org.numbers.size(); ++i) {
        const PhoneNumber &number = m_org.numbers.at(i);
        const QString path = index(u"numbers"_s, i);
        const QString numberPath = key(path, u"number"_s);
        checkLength(number.label, Limits::maxLabelLength, tr("The label"), key(path, u"label"_s));
        if (!isE164(number.number)) {
            error(numberPath, u"malformed-number"_s,
                  tr("\"%1\" is not a phone number in E.164 form (like +15125550100).")
                      .arg(number.number));
        }
        checkUnique(seen, number.number, i, numberPath, u"numbers"_s);
        const QString flowPath = key(path, u"flow"_s);
        if (number.flow.isEmpty()) {
            warning(flowPath, u"unrouted-number"_s,
                    tr("%1 has no flow: its calls are rejected and its texts dropped.")
                        .arg(number.number));
            continue;
        }
        const auto flowIt = m_flows.constFind(number.flow);
        if (flowIt == m_flows.cend()) {
            error(flowPath, u"unresolved"_s, tr("There is no flow \"%1\".").arg(number.flow));
            continue;
        }
        const Flow &flow = m_org.flows.at(*flowIt);
        const QString flowName = flow.displayName();
        if (!flow.isSetUp(Channel::Voice)) {
            warning(flowPath, u"incomplete-flow"_s,
                    tr("Calls to %1 are rejected: flow \"%2\" has no call flow set up.")
                        .arg(number.number, flowName));
        }
        if (!flow.isSetUp(Channel::Sms)) {
            warning(flowPath, u"incomplete-flow"_s,
                    tr("Texts to %1 are dropped: flow \"%2\" has no SMS flow set up.")
                        .arg(number.number, flowName));
        }
    }
}

void Validator::checkFlows()
{
    for (int i = 0; i < m_org.flows.size(); ++i)
        checkFlow(i);
}

void Validator::checkFlow(int i)
{
    const Flow &flow = m_org.flows.at(i);
    const QString path = index(u"flows"_s, i);
    checkId(flow.id, key(path, u"id"_s), tr("flow"));
    if (m_flows.value(flow.id) != i) {
        error(key(path, u"id"_s), u"duplicate"_s,
              tr("\"%1\" is listed twice in %2 (first at %2[%3]).")
                  .arg(flow.id, u"flows"_s)
                  .arg(m_flows.value(flow.id)));
    }
    checkUniqueName(m_flowNames, flow.name, i, key(path, u"name"_s), u"flows"_s);
    checkLength(flow.name, Limits::maxNameLength, tr("The name"), key(path, u"name"_s));
    if (!m_flowUse.contains(flow.id)) {
        warning(path, u"unused-flow"_s,
                tr("Flow \"%1\" is not used by any number.").arg(flow.displayName()));
    }
    checkGraph(flow, Channel::Voice, key(path, u"voice"_s));
    checkGraph(flow, Channel::Sms, key(path, u"sms"_s));
}

void Validator::checkGraph(const Flow &flow, Channel channel, const QString &path)
{
    const std::optional<Graph> &graph = flow.graph(channel);
    if (!graph)
        return;
    const QString appletsPath = key(path, u"applets"_s);
    if (!graph->start.isEmpty() && !graph->applets.contains(graph->start)) {
        error(key(path, u"start"_s), u"unresolved"_s,
              tr("The start applet \"%1\" is not in this flow.").arg(graph->start));
    }

    // Reachability from start, following branches that resolve.
    QSet<QString> reached;
    QStringList queue;
    if (graph->applets.contains(graph->start)) {
        queue.append(graph->start);
        reached.insert(graph->start);
    }
    while (!queue.isEmpty()) {
        const Applet &applet = graph->applets[queue.takeLast()];
        for (const QString &target : applet.next) {
            if (graph->applets.contains(target) && !reached.contains(target)) {
                reached.insert(target);
                queue.append(target);
            }
        }
    }

    // A start that does not resolve is one error; calling every applet unreachable because
    // of it would only bury it.
    const bool startResolves = graph->start.isEmpty() || graph->applets.contains(graph->start);
    for (const Applet &applet : graph->applets) {
        const QString appletPath = key(appletsPath, applet.id);
        const bool reachable = !startResolves || reached.contains(applet.id);
        checkApplet(applet, channel, appletPath, reachable, *graph);
        if (!reachable) {
            warning(appletPath, u"unreachable"_s,
                    tr("%1 \"%2\" is not reachable from the start of the flow.")
                        .arg(m_catalogue.type(applet.type)
                                 ? m_catalogue.type(applet.type)->displayName()
                                 : tr("Applet"),
                             applet.displayName()));
        }
    }
    checkCycles(*graph, channel, appletsPath);
}

// A cycle that nothing waits in redirects forever. In a call, a menu (waiting for a key) or a
// dial (waiting for people) breaks it; a text runs within one request, so it has none.
void Validator::checkCycles(const Graph &graph, Channel channel, const QString &appletsPath)
{
    auto waits = [&](const Applet &a) {
        return channel == Channel::Voice &&
               (m_catalogue.is(a, AppletKind::Menu) || m_catalogue.is(a, AppletKind::Dial));
    };
    // Tarjan's strongly connected components over the applets that do not wait.
    QHash<QString, int> indexOf, lowLink;
    QSet<QString> onStack;
    QStringList stack;
    QList<QStringList> cycles;
    int counter = 0;
    std::function<void(const QString &)> visit = [&](const QString &v) {
        indexOf.insert(v, counter);
        lowLink.insert(v, counter);
        ++counter;
        stack.append(v);
        onStack.insert(v);
        const QMap<QString, QString> next = graph.applets.value(v).next;
        for (const QString &w : next) {
            const auto it = graph.applets.constFind(w);
            if (it == graph.applets.cend() || waits(*it))
                continue;
            if (!indexOf.contains(w)) {
                visit(w);
                lowLink[v] = std::min(lowLink[v], lowLink[w]);
            } else if (onStack.contains(w)) {
                lowLink[v] = std::min(lowLink[v], indexOf[w]);
            }
        }
        if (lowLink[v] == indexOf[v]) {
            QStringList component;
            QString w;
            do {
                w = stack.takeLast();
                onStack.remove(w);
                component.append(w);
            } while (w != v);
            const bool selfLoop =
                component.size() == 1 && graph.applets.value(v).next.values().contains(v);
            if (component.size() > 1 || selfLoop)
                cycles.append(component);
        }
    };
    for (const Applet &a : graph.applets) {
        if (!waits(a) && !indexOf.contains(a.id))
            visit(a.id);
    }
    for (QStringList component : cycles) {
        std::sort(component.begin(), component.end());
        const QStringList walk = walkCycle(graph, component);
        const QString message =
            channel == Channel::Voice
                ? tr("These applets lead to each other forever (%1) without waiting for the "
                     "caller: put a menu or a dial in the loop, or break it.")
                      .arg(walk.join(u" → "_s))
                : tr("A text flow cannot loop (%1): a text is handled in one go, so the loop "
                     "would never end.")
                      .arg(walk.join(u" → "_s));
        error(key(appletsPath, component.first()), u"cycle"_s, message);
    }
}

void Validator::checkApplet(const Applet &applet, Channel channel, const QString &path,
                            bool reachable, const Graph &graph)
{
    checkId(applet.id, path, tr("applet"));
    checkLength(applet.name, Limits::maxNameLength, tr("The name"), key(path, u"name"_s));
    const AppletType *type = m_catalogue.type(applet.type);
    if (!type) {
        QStringList known;
        for (const AppletType &t : m_catalogue.types())
            known.append(t.type);
        error(key(path, u"type"_s), u"invalid-value"_s,
              tr("Unknown applet type \"%1\" (expected one of: %2).")
                  .arg(applet.type, known.join(u", "_s)));
        return;
    }
    if (!type->allowedIn(channel)) {
        error(key(path, u"type"_s), u"channel"_s,
              channel == Channel::Voice
                  ? tr("A %1 applet cannot be used in a call flow.").arg(type->displayName())
                  : tr("A %1 applet cannot be used in an SMS flow.").arg(type->displayName()));
    }
    checkAppletConfig(applet, key(path, u"config"_s));

    const QStringList branches = m_catalogue.branchNames(applet);
    const QString nextPath = key(path, u"next"_s);
    for (auto it = applet.next.cbegin(); it != applet.next.cend(); ++it) {
        const QString branchPath = key(nextPath, it.key());
        if (!branches.contains(it.key())) {
            error(branchPath, u"unknown-branch"_s,
                  tr("A %1 applet has no branch \"%2\" (its branches: %3).")
                      .arg(type->displayName(), it.key(),
                           branches.isEmpty() ? tr("none") : branches.join(u", "_s)));
        } else if (!graph.applets.contains(it.value())) {
            error(branchPath, u"unresolved"_s,
                  tr("Branch \"%1\" leads to \"%2\", which is not in this flow.")
                      .arg(it.key(), it.value()));
        }
    }
    if (!reachable)
        return; // what hangs off an unattached applet is said once, by "unreachable"
    if (type->warnWithoutChoiceBranch) {
        const QStringList keys = AppletCatalogue::menuKeys();
        const bool anyKey = std::any_of(keys.cbegin(), keys.cend(),
                                        [&](const QString &k) { return applet.next.contains(k); });
        if (!anyKey) {
            warning(nextPath, u"menu-without-choices"_s,
                    tr("This menu offers no key: set at least one key's branch."));
        }
    }
    for (const QString &branch : branches) {
        if (applet.next.contains(branch))
            continue;
        if (m_catalogue.emptyBranch(applet, branch) == EmptyBranch::DeadEnd) {
            const BranchSpec *spec = type->branch(branch);
            warning(key(nextPath, branch), u"dead-end"_s,
                    channel == Channel::Voice
                        ? tr("Dead end: when the flow takes \"%1\" the call ends without the "
                             "caller being told anything.")
                              .arg(spec ? spec->displayLabel() : branch)
                        : tr("Dead end: when the flow takes \"%1\" the text goes nowhere and "
                             "the sender hears nothing back.")
                              .arg(spec ? spec->displayLabel() : branch));
        }
    }
}

void Validator::checkAppletConfig(const Applet &applet, const QString &configPath)
{
    const AppletType *type = m_catalogue.type(applet.type);
    if (!type)
        return;
    checkFields(applet.config, type->fields, configPath, type->displayName());
    if (type->kind == AppletKind::Dial)
        checkDial(applet, configPath);
    const auto owner = AppletSettings::owner(applet);
    if (type->kind == AppletKind::SmsInbox &&
        AppletSettings::inboxAssign(applet) == InboxAssign::RoundRobin && owner &&
        !owner->isGroup()) {
        error(key(configPath, u"assign"_s), u"invalid-value"_s,
              tr("Round-robin assignment shares texts among a group's members; this inbox "
                 "belongs to a user."));
    }
}

void Validator::checkFields(const QJsonObject &object, const QList<FieldSpec> &fields,
                            const QString &path, const QString &what)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const bool known = std::any_of(fields.cbegin(), fields.cend(),
                                       [&](const FieldSpec &f) { return f.key == it.key(); });
        if (!known) {
            QStringList keys;
            for (const FieldSpec &f : fields)
                keys.append(f.key);
            error(key(path, it.key()), u"unknown-key"_s,
                  tr("%1 has no setting \"%2\" (its settings: %3).")
                      .arg(what, it.key(), keys.join(u", "_s)));
        }
    }
    for (const FieldSpec &field : fields) {
        const QJsonValue v = object.value(field.key);
        const QString fieldPath = key(path, field.key);
        if (v.isUndefined()) {
            if (field.isRequired())
                error(fieldPath, u"missing"_s, tr("\"%1\" must be set.").arg(field.displayLabel()));
            continue;
        }
        checkValue(field, v, fieldPath);
    }
}

bool Validator::checkInteger(const QJsonValue &v, int min, int max, const QString &label,
                             const QString &path)
{
    // Checked before any conversion: 1e300 is not a whole number here, and casting it to an
    // integer would be undefined.
    const std::optional<qint64> n = exactInteger(v);
    if (!n) {
        wrongType(path, v, tr("a whole number"));
        return false;
    }
    if (*n < min || *n > max) {
        error(path, u"out-of-range"_s,
              tr("%1 must be from %2 to %3; it is %4.").arg(label).arg(min).arg(max).arg(*n));
        return false;
    }
    return true;
}

void Validator::checkLength(const QString &text, int max, const QString &label, const QString &path)
{
    if (text.size() > max)
        error(path, u"out-of-range"_s,
              tr("%1 is %2 characters long; at most %3 fit.").arg(label).arg(text.size()).arg(max));
}

void Validator::checkText(const QJsonValue &v, int min, int max, const QString &label,
                          const QString &path)
{
    if (!v.isString()) {
        wrongType(path, v, tr("text"));
        return;
    }
    const qsizetype length = v.toString().size();
    if (length < min || (max > 0 && length > max)) {
        error(
            path, u"out-of-range"_s,
            min > 0 && length < min
                ? tr("%1 must not be empty.").arg(label)
                : tr("%1 is %2 characters long; at most %3 fit.").arg(label).arg(length).arg(max));
    }
}

void Validator::checkValue(const FieldSpec &field, const QJsonValue &v, const QString &path)
{
    const QString label = field.displayLabel();
    switch (field.kind) {
    case FieldKind::Integer:
        checkInteger(v, field.min, field.max, label, path);
        break;
    case FieldKind::Boolean:
        if (!v.isBool())
            wrongType(path, v, tr("true or false"));
        break;
    case FieldKind::Choice:
        if (!v.isString())
            wrongType(path, v, tr("text"));
        else if (!field.choices.contains(v.toString()))
            error(path, u"invalid-value"_s,
                  tr("%1 must be one of: %2; it is \"%3\".")
                      .arg(label, field.choices.join(u", "_s), v.toString()));
        break;
    case FieldKind::Text:
        checkText(v, field.min, field.max, label, path);
        break;
    case FieldKind::OptionalText:
        if (!v.isNull())
            checkText(v, field.min, field.max, label, path);
        break;
    case FieldKind::Prompt:
        checkPrompt(v, path);
        break;
    case FieldKind::OptionalPrompt:
        if (!v.isNull())
            checkPrompt(v, path);
        break;
    case FieldKind::Owner:
        checkOwner(v, path);
        break;
    case FieldKind::DialTarget:
        checkDialTarget(v, path);
        break;
    case FieldKind::TimeZone:
        if (v.isNull())
            break;
        if (!v.isString())
            wrongType(path, v, tr("a time zone name or null"));
        else if (!isKnownTimeZone(v.toString()))
            error(path, u"invalid-value"_s,
                  tr("\"%1\" is not a time zone this system knows; use an IANA name such as "
                     "America/Chicago.")
                      .arg(v.toString()));
        break;
    case FieldKind::Weekly:
        checkWeekly(v, path);
        break;
    case FieldKind::Date:
        if (!v.isString())
            wrongType(path, v, tr("a date"));
        else if (!isIsoDate(v.toString()))
            error(path, u"invalid-value"_s,
                  tr("\"%1\" is not a date in the form YYYY-MM-DD.").arg(v.toString()));
        break;
    case FieldKind::CallerId:
        if (!v.isString())
            wrongType(path, v, tr("text"));
        else if (!CallerId::fromJson(v))
            error(path, u"invalid-value"_s,
                  tr("The caller ID is \"caller\", \"number\" or a phone number in E.164 form; "
                     "\"%1\" is none of these.")
                      .arg(v.toString()));
        break;
    case FieldKind::Keywords:
        checkKeywords(field, v, path);
        break;
    case FieldKind::ObjectList: {
        if (!v.isArray()) {
            wrongType(path, v, tr("a list"));
            break;
        }
        const QJsonArray a = v.toArray();
        if (a.size() < field.min || a.size() > field.max) {
            error(path, u"limit"_s,
                  field.min > 0 && a.isEmpty()
                      ? tr("%1: at least %2 needed.").arg(label).arg(field.min)
                      : tr("%1: from %2 to %3 allowed; there are %4.")
                            .arg(label)
                            .arg(field.min)
                            .arg(field.max)
                            .arg(a.size()));
        }
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString itemPath = index(path, i);
            if (!a.at(i).isObject()) {
                wrongType(itemPath, a.at(i), tr("an object"));
                continue;
            }
            checkFields(a.at(i).toObject(), field.itemFields, itemPath, label);
        }
        break;
    }
    }
}

void Validator::checkPrompt(const QJsonValue &v, const QString &path)
{
    if (!v.isObject()) {
        wrongType(path, v, tr("a prompt ({\"say\": text} or {\"play\": URL})"));
        return;
    }
    const QJsonObject o = v.toObject();
    static const QStringList allowed{u"say"_s, u"play"_s, u"voice"_s, u"language"_s};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            error(
                key(path, it.key()), u"unknown-key"_s,
                tr("A prompt has no \"%1\" (it has say, play, voice and language).").arg(it.key()));
    }
    const bool says = o.contains(u"say");
    const bool plays = o.contains(u"play");
    if (says && plays) {
        error(path, u"invalid-value"_s,
              tr("A prompt either says text or plays a sound, not both."));
        return;
    }
    if (!says && !plays) {
        error(path, u"missing"_s,
              tr("A prompt needs \"say\" (text to speak) or \"play\" (the URL of a sound)."));
        return;
    }
    if (says) {
        checkText(o.value(u"say"), 1, Limits::maxPromptLength, tr("The spoken text"),
                  key(path, u"say"_s));
        for (const QString &k : {u"voice"_s, u"language"_s}) {
            if (o.contains(k) && !o.value(k).isString())
                wrongType(key(path, k), o.value(k), tr("text"));
        }
    } else {
        const QJsonValue play = o.value(u"play");
        if (!play.isString())
            wrongType(key(path, u"play"_s), play, tr("a URL"));
        else if (!isHttpUrl(play.toString()))
            error(key(path, u"play"_s), u"invalid-value"_s,
                  tr("\"%1\" is not an http or https URL.").arg(play.toString()));
        for (const QString &k : {u"voice"_s, u"language"_s}) {
            if (o.contains(k))
                error(key(path, k), u"invalid-value"_s,
                      tr("\"%1\" applies to spoken text only, not to a played sound.").arg(k));
        }
    }
}

void Validator::checkOwner(const QJsonValue &v, const QString &path)
{
    const std::optional<Owner> owner = Owner::fromJson(v, path, &m_findings);
    if (!owner)
        return;
    const QString idPath = key(path, owner->kindKey());
    if (!owner->isGroup() && !m_users.contains(owner->id))
        error(idPath, u"unresolved"_s, tr("There is no user \"%1\".").arg(owner->id));
    if (owner->isGroup() && !m_groups.contains(owner->id))
        error(idPath, u"unresolved"_s, tr("There is no group \"%1\".").arg(owner->id));
}

void Validator::checkDialTarget(const QJsonValue &v, const QString &path)
{
    const std::optional<DialTarget> target = DialTarget::fromJson(v, path, &m_findings);
    if (!target)
        return;
    const QString valuePath = key(path, target->jsonKey());
    switch (target->kind) {
    case DialTarget::Kind::User:
        if (!m_users.contains(target->id))
            error(valuePath, u"unresolved"_s, tr("There is no user \"%1\".").arg(target->id));
        break;
    case DialTarget::Kind::Group:
        if (!m_groups.contains(target->id))
            error(valuePath, u"unresolved"_s, tr("There is no group \"%1\".").arg(target->id));
        break;
    case DialTarget::Kind::Members: {
        QSet<QString> seen;
        for (qsizetype i = 0; i < target->members.size(); ++i) {
            const QString memberPath = index(valuePath, i);
            const QString &id = target->members.at(i);
            if (seen.contains(id))
                error(memberPath, u"duplicate"_s,
                      tr("%1 is listed twice among the members to ring.").arg(userName(id)));
            else if (!m_users.contains(id))
                error(memberPath, u"unresolved"_s, tr("There is no user \"%1\".").arg(id));
            seen.insert(id);
        }
        break;
    }
    case DialTarget::Kind::Number:
    case DialTarget::Kind::CallerOwner:
        break; // their shape is all there is to check
    }
}

void Validator::checkWeekly(const QJsonValue &v, const QString &path)
{
    if (!v.isObject()) {
        wrongType(path, v, tr("an object with a list of time ranges per weekday"));
        return;
    }
    const QJsonObject week = v.toObject();
    const QStringList days = AppletCatalogue::weekdayKeys();
    for (auto it = week.constBegin(); it != week.constEnd(); ++it) {
        if (!days.contains(it.key()))
            error(key(path, it.key()), u"unknown-key"_s,
                  tr("\"%1\" is not a weekday (use mon, tue, wed, thu, fri, sat, sun).")
                      .arg(it.key()));
    }
    for (const QString &day : days) {
        const QJsonValue dayValue = week.value(day);
        if (dayValue.isUndefined())
            continue;
        const QString dayPath = key(path, day);
        if (!dayValue.isArray()) {
            wrongType(dayPath, dayValue, tr("a list of [\"HH:MM\", \"HH:MM\"] ranges"));
            continue;
        }
        const QJsonArray ranges = dayValue.toArray();
        if (ranges.size() > Limits::maxRangesPerDay) {
            error(dayPath, u"limit"_s,
                  tr("At most %1 time ranges a day; there are %2.")
                      .arg(Limits::maxRangesPerDay)
                      .arg(ranges.size()));
        }
        QList<std::pair<int, int>> spans; // minutes from this day's midnight
        QList<int> spanIndex;
        for (qsizetype r = 0; r < ranges.size(); ++r) {
            const QString rangePath = index(dayPath, r);
            const QJsonArray range = ranges.at(r).toArray();
            if (!ranges.at(r).isArray() || range.size() != 2 || !range.at(0).isString() ||
                !range.at(1).isString()) {
                wrongType(rangePath, ranges.at(r), tr("a [\"HH:MM\", \"HH:MM\"] range"));
                continue;
            }
            const int from = parseClockTime(range.at(0).toString(), false);
            const int to = parseClockTime(range.at(1).toString(), true);
            if (from < 0) {
                error(index(rangePath, 0), u"invalid-value"_s,
                      tr("\"%1\" is not a time from 00:00 to 23:59.").arg(range.at(0).toString()));
                continue;
            }
            if (to < 0) {
                error(index(rangePath, 1), u"invalid-value"_s,
                      tr("\"%1\" is not a time from 00:00 to 24:00.").arg(range.at(1).toString()));
                continue;
            }
            if (from == to) {
                error(rangePath, u"invalid-value"_s,
                      tr("The range starts and ends at %1: it is empty.")
                          .arg(range.at(0).toString()));
                continue;
            }
            // An end earlier than the start runs past midnight into the next day.
            spans.append({from, to > from ? to : to + 24 * 60});
            spanIndex.append(int(r));
        }
        for (qsizetype a = 0; a < spans.size(); ++a) {
            for (qsizetype b = 0; b < a; ++b) {
                if (spans.at(a).first < spans.at(b).second &&
                    spans.at(b).first < spans.at(a).second) {
                    error(index(dayPath, spanIndex.at(a)), u"overlap"_s,
                          tr("This range overlaps the range at %1[%2]; ranges of one day must "
                             "not overlap.")
                              .arg(day)
                              .arg(spanIndex.at(b)));
                    break;
                }
            }
        }
    }
}

void Validator::checkKeywords(const FieldSpec &field, const QJsonValue &v, const QString &path)
{
    if (!v.isArray()) {
        wrongType(path, v, tr("a list of keywords"));
        return;
    }
    const QJsonArray keywords = v.toArray();
    if (keywords.size() > field.max) {
        error(path, u"limit"_s,
              tr("At most %1 keywords; there are %2.").arg(field.max).arg(keywords.size()));
    }
    QSet<QString> seen;
    for (qsizetype i = 0; i < keywords.size(); ++i) {
        const QString itemPath = index(path, i);
        if (!keywords.at(i).isString()) {
            wrongType(itemPath, keywords.at(i), tr("a keyword"));
            continue;
        }
        const QString word = keywords.at(i).toString();
        const bool wellFormed = !word.isEmpty() && word.size() <= Limits::maxKeywordLength &&
                                std::all_of(word.cbegin(), word.cend(), [](QChar c) {
                                    return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
                                });
        if (!wellFormed) {
            error(itemPath, u"invalid-value"_s,
                  tr("\"%1\" is not a keyword: use 1 to %2 upper-case letters and digits.")
                      .arg(word)
                      .arg(Limits::maxKeywordLength));
        } else if (seen.contains(word)) {
            error(itemPath, u"duplicate"_s, tr("The keyword \"%1\" is listed twice.").arg(word));
        }
        seen.insert(word);
    }
}

void Validator::checkDial(const Applet &applet, const QString &configPath)
{
    const QList<DialStep> steps = AppletSettings::dialSteps(applet);
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const DialStep &step = steps.at(i);
        if (!step.target)
            continue; // said by checkDialTarget
        const DialTarget &target = *step.target;
        const QString targetPath = key(index(key(configPath, u"steps"_s), i), u"target"_s);
        const bool simultaneous = step.strategy == DialStrategy::Simultaneous;

        int devices = 0;
        int ringable = 0; // people with a device (and, for groups, taking calls)
        bool known = true;
        if (target.kind == DialTarget::Kind::Group) {
            const QString &id = target.id;
            known = m_reach.contains(id);
            const GroupReach reach = m_reach.value(id);
            devices = reach.voiceDevices;
            ringable = reach.voiceMembersWithDevices;
            if (known && ringable == 0) {
                const Group &group = m_org.groups.at(m_groups.value(id));
                warning(targetPath, u"rings-nobody"_s,
                        group.members.isEmpty()
                            ? tr("This step rings nobody: group \"%1\" has no members.")
                                  .arg(groupName(id))
                        : reach.voiceMembers == 0
                            ? tr("This step rings nobody: every member of \"%1\" is excluded "
                                 "from calls.")
                                  .arg(groupName(id))
                            : tr("This step rings nobody: no member of \"%1\" who takes calls "
                                 "has a device.")
                                  .arg(groupName(id)));
            }
        } else if (!target.userIds().isEmpty()) {
            const QStringList ids = target.userIds();
            for (const QString &id : ids) {
                const auto it = m_users.constFind(id);
                if (it == m_users.cend()) {
                    known = false;
                    continue;
                }
                const int n = int(m_org.users.at(*it).devices.size());
                devices += n;
                ringable += n > 0 ? 1 : 0;
            }
            if (known && ringable == 0) {
                warning(targetPath, u"rings-nobody"_s,
                        tr("This step rings nobody: %1 no device.")
                            .arg(ids.size() == 1 ? tr("%1 has").arg(userName(ids.first()))
                                                 : tr("none of these members has")));
            }
        }
        if (simultaneous && devices > Limits::maxSimultaneousDevices) {
            error(targetPath, u"limit"_s,
                  tr("Ringing all at once reaches %1 devices here; the carrier rings at most %2 "
                     "at once. Ring in turns, or split the step.")
                      .arg(devices)
                      .arg(Limits::maxSimultaneousDevices));
        }
    }
}

void Validator::checkContacts()
{
    QHash<QString, int> seen;
    for (int i = 0; i < m_org.contacts.size(); ++i) {
        const Contact &contact = m_org.contacts.at(i);
        const QString path = index(u"contacts"_s, i);
        const QString numberPath = key(path, u"number"_s);
        if (!isE164(contact.number))
            error(numberPath, u"malformed-number"_s,
                  tr("\"%1\" is not a phone number in E.164 form (like +15125550100).")
                      .arg(contact.number));
        checkUnique(seen, contact.number, i, numberPath, u"contacts"_s);
        checkLength(contact.name, Limits::maxNameLength, tr("The name"), key(path, u"name"_s));
        if (!m_users.contains(contact.owner))
            error(key(path, u"owner"_s), u"unresolved"_s,
                  tr("There is no user \"%1\" to own this contact.").arg(contact.owner));
    }
}

void Validator::checkBlocked()
{
    QHash<QString, int> seen;
    for (int i = 0; i < m_org.blocked.size(); ++i) {
        const QString &number = m_org.blocked.at(i);
        const QString path = index(u"blocked"_s, i);
        if (!isE164(number))
            error(
                path, u"malformed-number"_s,
                tr("\"%1\" is not a phone number in E.164 form (like +15125550100).").arg(number));
        checkUnique(seen, number, i, path, u"blocked"_s);
    }
}

} // namespace

Findings validateOrganization(const Organization &organization)
{
    return Validator(organization).run();
}

Findings validateFlow(const Organization &organization, int flowIndex)
{
    return Validator(organization).runFlow(flowIndex);
}

Findings validateAppletConfig(const Organization &organization, const Applet &applet)
{
    return Validator(organization).runAppletConfig(applet);
}

} // namespace Switchboard
