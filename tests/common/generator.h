#pragma once

#include "model/organization.h"

namespace Switchboard::Test {

struct OrganizationSize
{
    int users = 10000;
    int groups = 1000;
    int membersPerGroup = 20;
    int numbers = 2000;
    int flows = 1000;
    // Each flow: a call flow of 12 applets (hours, menu, 4 dials, 6 voicemails) and an SMS
    // flow of 3 (keyword, 2 inboxes): 15 in all.
};

// A large, valid organization (no errors, no warnings) of the given size, the same every time.
Organization generateOrganization(const OrganizationSize &size = {});

// A call flow of exactly `applets` applets: a chain of menus (each "no input" leads to the
// next), every key ringing a group with a voicemail after it. Uses groups of `org`.
Graph generateLargeGraph(const Organization &org, int applets);

// A hostile configuration document: `users` users, each with an unknown key and a malformed
// id (two errors each, and a warning: no devices).
QByteArray hostileDocument(int users);

} // namespace Switchboard::Test
