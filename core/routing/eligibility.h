#pragma once

// Who may take part in routing right now, for calls and texts alike: a user who can be rung
// (known, with a device, available), and a group member who takes the group's traffic on a
// channel (not excluded from the channel, available, active in the group; for calls also
// with a device).

#include "model/organization.h"

namespace Switchboard {

class RoutingState;

class Eligibility
{
public:
    Eligibility(const Organization &config, RoutingState &state)
        : m_config(config)
        , m_state(state)
    {}

    bool canRing(const QString &userId) const;
    bool takesPart(const Group &group, const Member &member, Channel channel) const;

private:
    const Organization &m_config;
    RoutingState &m_state;
};

} // namespace Switchboard
