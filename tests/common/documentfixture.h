#pragma once

// For the widget tests (which link switchboard_widgets; this library does not): the console's
// document on a database of the test's own, holding the organization the test built.

#include "document/organizationdocument.h"
#include "fixtures.h"

#include <memory>

namespace Switchboard::Test {

// Seeds a new database at `location` with `organization` and opens it as the console does.
// Null, with `error`, when either fails or the document opened is not `organization`.
inline std::unique_ptr<OrganizationDocument>
openDocument(const QString &location, const Organization &organization, QString *error)
{
    if (!seedDatabase(location, organization, error))
        return nullptr;
    auto document = OrganizationDocument::open(location, error);
    if (document && !(document->organization() == organization)) {
        *error =
            QStringLiteral("%1 does not hold the organization it was seeded with").arg(location);
        return nullptr;
    }
    return document;
}

} // namespace Switchboard::Test
