#include "changesummary.h"

#include "model/lookup.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

// Added, removed and changed items of two lists, matched by key, in the order of `after`
// (then the removed ones, in the order of `before`).
template<typename T, typename Key, typename Describe, typename Name>
void compare(const QList<T> &before, const QList<T> &after, Key key, Name name, Describe changes,
             QStringList *lines)
{
    for (const T &item : after) {
        const T *old = findBy(before, key, item.*key);
        if (!old)
            lines->append(ChangeSummary::tr("Added %1").arg(name(item)));
        else if (!(*old == item))
            lines->append(ChangeSummary::tr("Changed %1: %2").arg(name(item), changes(*old, item)));
    }
    for (const T &item : before) {
        if (!findBy(after, key, item.*key))
            lines->append(ChangeSummary::tr("Removed %1").arg(name(item)));
    }
}

QString list(const QStringList &items)
{
    return items.isEmpty() ? ChangeSummary::tr("nobody") : items.join(u", "_s);
}

} // namespace

QList<ChangeSection> ChangeSummary::describe(const Organization &before, const Organization &after)
{
    QList<ChangeSection> sections;
    auto userName = [&](const QString &id) {
        const User *u = after.user(id);
        if (!u)
            u = before.user(id);
        return u ? u->displayName() : id;
    };

    ChangeSection users{tr("Users"), {}};
    compare(
        before.users, after.users, &User::id,
        [](const User &u) { return u.name.isEmpty() ? u.id : tr("%1 (%2)").arg(u.name, u.id); },
        [](const User &a, const User &b) {
            QStringList what;
            if (a.name != b.name)
                what.append(tr("name was %1").arg(a.name));
            if (a.email != b.email)
                what.append(tr("email"));
            if (a.role != b.role)
                what.append(tr("role"));
            if (a.devices != b.devices)
                what.append(tr("devices"));
            if (a.greeting != b.greeting)
                what.append(tr("greeting"));
            return what.join(u", "_s);
        },
        &users.lines);

    ChangeSection groups{tr("Groups"), {}};
    compare(
        before.groups, after.groups, &Group::id, [](const Group &g) { return g.name; },
        [&](const Group &a, const Group &b) {
            QStringList what;
            if (a.name != b.name)
                what.append(tr("renamed from %1").arg(a.name));
            if (a.department != b.department)
                what.append(tr("department"));
            auto names = [&](const Group &g) {
                QStringList n;
                for (const Member &m : g.members)
                    n.append(userName(m.user));
                return n;
            };
            if (names(a) != names(b))
                what.append(tr("members now %1 (were %2)").arg(list(names(b)), list(names(a))));
            else if (a.members != b.members)
                what.append(tr("members' channels"));
            if (a.smsMaxOpenPerAgent != b.smsMaxOpenPerAgent)
                what.append(tr("open conversations per agent %1 (was %2)")
                                .arg(b.smsMaxOpenPerAgent)
                                .arg(a.smsMaxOpenPerAgent));
            return what.join(u"; "_s);
        },
        &groups.lines);

    auto flowName = [&](const QString &id) {
        if (id.isEmpty())
            return tr("no flow");
        const Flow *f = after.flow(id);
        if (!f)
            f = before.flow(id);
        return f ? f->name : id;
    };
    ChangeSection numbers{tr("Numbers"), {}};
    compare(
        before.numbers, after.numbers, &PhoneNumber::number,
        [](const PhoneNumber &n) {
            return n.label.isEmpty() ? n.number : tr("%1 (%2)").arg(n.number, n.label);
        },
        [&](const PhoneNumber &a, const PhoneNumber &b) {
            QStringList what;
            if (a.flow != b.flow)
                what.append(tr("flow now %1 (was %2)").arg(flowName(b.flow), flowName(a.flow)));
            if (a.label != b.label)
                what.append(tr("label was %1").arg(a.label));
            return what.join(u"; "_s);
        },
        &numbers.lines);

    ChangeSection flows{tr("Flows"), {}};
    compare(
        before.flows, after.flows, &Flow::id, [](const Flow &f) { return f.name; },
        [](const Flow &a, const Flow &b) {
            QStringList what;
            if (a.name != b.name)
                what.append(tr("renamed from %1").arg(a.name));
            for (const Channel channel : {Channel::Voice, Channel::Sms}) {
                const auto &was = a.graph(channel);
                const auto &now = b.graph(channel);
                if (was == now)
                    continue;
                const QString which = channel == Channel::Voice ? tr("call flow") : tr("SMS flow");
                if (!now || !was) {
                    what.append(now ? tr("%1 added").arg(which) : tr("%1 removed").arg(which));
                    continue;
                }
                int changed = 0;
                for (const Applet &applet : now->applets) {
                    const auto old = was->applets.constFind(applet.id);
                    changed += old == was->applets.cend() || !(*old == applet) ? 1 : 0;
                }
                for (const Applet &applet : was->applets)
                    changed += now->applets.contains(applet.id) ? 0 : 1;
                what.append(changed ? tr("%1: %n applet(s) changed", nullptr, changed).arg(which)
                                    : tr("%1: where it starts").arg(which));
            }
            if (what.isEmpty())
                what.append(tr("its layout"));
            return what.join(u"; "_s);
        },
        &flows.lines);

    ChangeSection other{tr("Other"), {}};
    if (before.name != after.name)
        other.lines.append(tr("Organization renamed from %1 to %2").arg(before.name, after.name));
    if (before.timezone != after.timezone)
        other.lines.append(tr("Time zone now %1 (was %2)").arg(after.timezone, before.timezone));
    for (const QString &n : after.blocked) {
        if (!before.blocked.contains(n))
            other.lines.append(tr("Blocked %1").arg(n));
    }
    for (const QString &n : before.blocked) {
        if (!after.blocked.contains(n))
            other.lines.append(tr("Unblocked %1").arg(n));
    }
    QStringList contacts;
    compare(
        before.contacts, after.contacts, &Contact::number,
        [](const Contact &c) {
            return c.name.isEmpty() ? c.number : tr("%1 (%2)").arg(c.name, c.number);
        },
        [&](const Contact &a, const Contact &b) {
            return a.owner != b.owner
                       ? tr("owner now %1 (was %2)").arg(userName(b.owner), userName(a.owner))
                       : tr("name");
        },
        &contacts);
    for (const QString &line : std::as_const(contacts))
        other.lines.append(tr("Contact: %1").arg(line));

    for (ChangeSection *section : {&users, &groups, &numbers, &flows, &other}) {
        if (!section->lines.isEmpty())
            sections.append(*section);
    }
    return sections;
}

QString ChangeSummary::overview(const Organization &o)
{
    return tr("%1: %2, %3, %4, %5")
        .arg(o.name.isEmpty() ? tr("(no name)") : o.name,
             tr("%n user(s)", nullptr, int(o.users.size())),
             tr("%n group(s)", nullptr, int(o.groups.size())),
             tr("%n number(s)", nullptr, int(o.numbers.size())),
             tr("%n flow(s)", nullptr, int(o.flows.size())));
}

QString ChangeSummary::toText(const QList<ChangeSection> &sections)
{
    QString text;
    for (const ChangeSection &section : sections) {
        text += section.title + u'\n';
        for (const QString &line : section.lines)
            text += u"  "_s + line + u'\n';
    }
    return text;
}

} // namespace Switchboard
