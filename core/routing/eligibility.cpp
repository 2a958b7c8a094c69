#include "eligibility.h"

#include "routing/routingstate.h"

namespace Switchboard {

bool Eligibility::canRing(const QString &userId) const
{
    const User *u = m_config.user(userId);
    return u && !u->devices.isEmpty() && m_state.isAvailable(userId);
}

bool Eligibility::takesPart(const Group &group, const Member &member, Channel channel) const
{
    if (!member.takesPart(channel))
        return false;
    const User *u = m_config.user(member.user);
    if (!u || (channel == Channel::Voice && u->devices.isEmpty()))
        return false;
    return m_state.isAvailable(member.user) && m_state.isActive(member.user, group.id, channel);
}

} // namespace Switchboard
