#include "hours.h"

#include "catalogue/appletcatalogue.h"
#include "model/identifiers.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Switchboard {

QTimeZone timeZoneOf(const QString &id)
{
    static thread_local QHash<QString, QTimeZone> zones;
    auto known = zones.constFind(id);
    if (known == zones.cend()) {
        const QTimeZone zone =
            id.isEmpty() || !isKnownTimeZone(id) ? QTimeZone::utc() : QTimeZone(id.toUtf8());
        known = zones.insert(id, zone);
    }
    return *known;
}

HoursVerdict checkHours(const Applet &hours, const QString &organizationZone, const QDateTime &now)
{
    const AppletCatalogue &catalogue = AppletCatalogue::instance();
    HoursVerdict verdict;
    QString zone = catalogue.value(hours, u"timezone").toString();
    if (zone.isEmpty())
        zone = organizationZone;
    if (zone.isEmpty() || !isKnownTimeZone(zone))
        zone = u"UTC"_s;
    verdict.zone = zone;
    verdict.local = now.toTimeZone(timeZoneOf(zone));
    const QDate date = verdict.local.date();
    const int minute = verdict.local.time().hour() * 60 + verdict.local.time().minute();

    const QJsonArray holidays = catalogue.value(hours, u"holidays").toArray();
    const QString today = holidays.isEmpty() ? QString() : date.toString(Qt::ISODate);
    for (const QJsonValue &h : holidays) {
        if (h.toObject().value(u"date").toString() == today) {
            verdict.holiday = h.toObject().value(u"name").toString(today);
            return verdict; // closed from 00:00 to 24:00, whatever the week says
        }
    }
    const QStringList days = AppletCatalogue::weekdayKeys();
    const QJsonObject weekly = catalogue.value(hours, u"weekly").toObject();
    const QString dayKey = days.at(date.dayOfWeek() - 1);
    const QString yesterdayKey = days.at((date.dayOfWeek() + 5) % 7);
    for (const QJsonValue &r : weekly.value(dayKey).toArray()) {
        const int from = parseClockTime(r.toArray().at(0).toString(), false);
        const int to = parseClockTime(r.toArray().at(1).toString(), true);
        if (from < 0 || to < 0)
            continue;
        // A range includes its start and excludes its end; one ending before it starts
        // runs past midnight, so today it is open from its start on.
        if ((to > from && minute >= from && minute < to) || (to <= from && minute >= from)) {
            verdict.open = true;
            return verdict;
        }
    }
    for (const QJsonValue &r : weekly.value(yesterdayKey).toArray()) {
        const int from = parseClockTime(r.toArray().at(0).toString(), false);
        const int to = parseClockTime(r.toArray().at(1).toString(), true);
        if (from >= 0 && to >= 0 && to <= from && minute < to) {
            verdict.open = true; // yesterday's range, past midnight
            return verdict;
        }
    }
    return verdict;
}

} // namespace Switchboard
