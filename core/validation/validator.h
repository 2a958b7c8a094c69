#pragma once

#include "model/organization.h"
#include "validation/finding.h"

namespace Switchboard {

// Every rule of core/config/FORMAT.md ("Validation") and core/routing/APPLETS.md that can be
// checked on the model: identifiers, references, channels, branches, cycles, limits, and the
// warnings. Findings come in document order, each with the JSON path of what it is about.
Findings validateOrganization(const Organization &organization);

// Only what concerns flow `flowIndex` (its graphs and applets), with the same paths; cheap
// enough to run after every edit in the flow builder, however large the organization.
Findings validateFlow(const Organization &organization, int flowIndex);

// Only the settings of one applet, with paths from its `config` ("config.steps[0].target").
// The flow builder's inspector refuses an input that makes any of these errors.
Findings validateAppletConfig(const Organization &organization, const Applet &applet);

} // namespace Switchboard
