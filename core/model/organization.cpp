#include "organization.h"

#include "model/lookup.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

QString nameKey(const QString &name)
{
    return name.simplified().toCaseFolded();
}

QString channelKey(Channel channel)
{
    return channel == Channel::Voice ? u"voice"_s : u"sms"_s;
}

QString roleKey(Role role)
{
    switch (role) {
    case Role::Admin:
        return u"admin"_s;
    case Role::Manager:
        return u"manager"_s;
    case Role::Agent:
        break;
    }
    return u"agent"_s;
}

std::optional<Role> roleFromKey(const QString &key)
{
    if (key == u"admin")
        return Role::Admin;
    if (key == u"manager")
        return Role::Manager;
    if (key == u"agent")
        return Role::Agent;
    return std::nullopt;
}

QString deviceKindKey(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Phone:
        return u"phone"_s;
    case DeviceKind::Sip:
        return u"sip"_s;
    case DeviceKind::Client:
        break;
    }
    return u"client"_s;
}

std::optional<DeviceKind> deviceKindFromKey(const QString &key)
{
    if (key == u"client")
        return DeviceKind::Client;
    if (key == u"phone")
        return DeviceKind::Phone;
    if (key == u"sip")
        return DeviceKind::Sip;
    return std::nullopt;
}

int Group::indexOfMember(const QString &userId) const
{
    return indexBy(members, &Member::user, userId);
}

int Organization::indexOfUser(const QString &id) const
{
    return indexBy(users, &User::id, id);
}
int Organization::indexOfGroup(const QString &id) const
{
    return indexBy(groups, &Group::id, id);
}
int Organization::indexOfFlow(const QString &id) const
{
    return indexBy(flows, &Flow::id, id);
}
int Organization::indexOfNumber(const QString &value) const
{
    return indexBy(numbers, &PhoneNumber::number, value);
}

const User *Organization::user(const QString &id) const
{
    const int i = indexOfUser(id);
    return i < 0 ? nullptr : &users.at(i);
}
const Group *Organization::group(const QString &id) const
{
    const int i = indexOfGroup(id);
    return i < 0 ? nullptr : &groups.at(i);
}
const Flow *Organization::flow(const QString &id) const
{
    const int i = indexOfFlow(id);
    return i < 0 ? nullptr : &flows.at(i);
}
const PhoneNumber *Organization::number(const QString &value) const
{
    const int i = indexOfNumber(value);
    return i < 0 ? nullptr : &numbers.at(i);
}

QString Organization::userName(const QString &id) const
{
    const User *u = user(id);
    return u ? u->displayName() : id;
}

QString Organization::groupName(const QString &id) const
{
    const Group *g = group(id);
    return g ? g->displayName() : id;
}

} // namespace Switchboard
