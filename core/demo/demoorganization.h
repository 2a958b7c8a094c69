#pragma once

#include "model/organization.h"

namespace Switchboard {

// What a new database starts with, so that a new user sees a working example: a few users
// with devices, two groups, three numbers (one without a flow, to show the red state), a main
// call flow (hours -> menu -> dial a group -> voicemail) and SMS flows.
Organization demoOrganization();

} // namespace Switchboard
