#pragma once

#include "model/organization.h"
#include "validation/finding.h"

namespace Switchboard {

// Every rule of config-format.md ("Validation") and applets.md that can be checked on the
// model: identifiers, references, channels, branches, cycles, limits, and the warnings.
// Findings come in document order, each with the JSON path of what it is about.
Findings validateOrganization(const Organization &organization);

} // namespace Switchboard
