#pragma once

// Where a user or a group is used: group memberships, applets (voicemail and inbox owners,
// dial targets) and contacts. The console lists these before a deletion or a rename, and
// replaces them when the user picks someone else to take over.

#include "model/organization.h"

#include <QCoreApplication>

namespace Switchboard {

struct Reference
{
    enum Kind
    {
        Membership,  // a member of a group (users only)
        Owner,       // the owner of a voicemail box or an inbox
        DialTarget,  // a dial step's user or group
        RingList,    // one of a dial step's ad-hoc members (users only)
        ContactOwner // the owner of a contact (users only)
    };
    Kind kind = Owner;
    QString path;        // JSON path of the reference
    QString description; // for people: Flow "Main line", call flow: Dial "Ring Sales", step 1
    int flowIndex = -1;  // for applet references
};

enum class ReferenceTarget
{
    User,
    Group
};

QList<Reference> findReferences(const Organization &organization, ReferenceTarget target,
                                const QString &id);

// `flow` with every applet reference to `from` pointing at `to` instead. With `to` empty,
// a user's entries in ad-hoc ring lists are dropped and other references are left as they
// are (validation then shows them).
Flow replaceReferences(const Flow &flow, ReferenceTarget target, const QString &from,
                       const QString &to);

} // namespace Switchboard
