#pragma once

#include "model/appletvalues.h"
#include "model/organization.h"

namespace Switchboard {

// One line that says what an applet does, for its card: "Ring Sales in order, 20 s each",
// "Mon–Fri 09:00–17:00, 1 holiday", "Voicemail for Sales".
QString appletSummary(const Applet &applet, const Organization &organization);

// "Sales", "Nancy Ortiz", "Maria Lopez, Nancy Ortiz", "+15125550199", ...
QString targetName(const std::optional<DialTarget> &target, const Organization &organization);

} // namespace Switchboard
