#pragma once

#include "model/organization.h"

#include <QDateTime>
#include <QTimeZone>

namespace Switchboard {

// Whether an hours applet is open at `now`: the local wall-clock time in its zone (its own,
// else the organization's, else UTC) falls in a range of that weekday, or in a range of the
// day before that runs past midnight; and the local date is not a holiday (closed all day).
// Also says, for the trace, what local time it took.
struct HoursVerdict
{
    bool open = false;
    QDateTime local;
    QString zone;
    QString holiday; // its name, when closed for one
};

// The zone an IANA id names, as the engine takes it: UTC when the id is empty or unknown.
// (Built once per id and thread: building one reads the zone's rules.)
QTimeZone timeZoneOf(const QString &id);

HoursVerdict checkHours(const Applet &hours, const QString &organizationZone, const QDateTime &now);

} // namespace Switchboard
