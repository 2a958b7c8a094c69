#pragma once

// The lexical rules of core/config/FORMAT.md ("Identifiers and numbers"), written once.

#include <QString>
#include <QStringView>

#include <functional>

namespace Switchboard {

// ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$
bool isValidId(QStringView id);
// E.164: ^\+[1-9][0-9]{6,14}$
bool isE164(QStringView number);
// sip:user@host
bool isSipAddress(QStringView address);
// HH:MM, 00:00-23:59; with allow24 also 24:00. Returns minutes since midnight or -1.
int parseClockTime(QStringView text, bool allow24);
// YYYY-MM-DD naming a real date
bool isIsoDate(QStringView text);
// http:// or https:// with a host
bool isHttpUrl(const QString &text);
// A time zone this machine's tz database knows (IANA name).
bool isKnownTimeZone(const QString &id);

// Makes an id from a human name ("Front Desk" -> "front-desk"), unique against `taken`.
QString makeId(const QString &name, const std::function<bool(const QString &)> &taken);

} // namespace Switchboard
