// Business hours (core/routing/APPLETS.md, `hours`): a range includes its start and excludes its
// end, 24:00 may end one, a range ending before it starts runs past midnight, holidays close the
// whole local day, the applet's zone (else the organization's, else UTC) decides the
// wall-clock time, and daylight saving follows the zone's rules.

#include "routing/hours.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
Applet hoursApplet(const QString &configJson)
{
    Applet a;
    a.id = u"h"_s;
    a.type = u"hours"_s;
    a.config = QJsonDocument::fromJson(configJson.toUtf8()).object();
    return a;
}

const QString officeWeek =
    uR"({"weekly": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]], "wed": [["09:00","17:00"]],
                    "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]], "sat": [], "sun": []}})"_s;
} // namespace

class TestHours : public QObject
{
    Q_OBJECT

private slots:
    void verdict_data();
    void verdict();
    void holidayIsNamed();
    void localTimeIsReported();
};

void TestHours::verdict_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("organizationZone");
    QTest::addColumn<QString>("utc"); // the instant, in UTC
    QTest::addColumn<bool>("open");

    // 2026-11-23 is a Monday; Chicago is UTC-6 in November.
    QTest::newRow("start is included")
        << officeWeek << u"America/Chicago"_s << u"2026-11-23T15:00:00Z"_s << true;
    QTest::newRow("a minute before the start")
        << officeWeek << u"America/Chicago"_s << u"2026-11-23T14:59:00Z"_s << false;
    QTest::newRow("a minute before the end")
        << officeWeek << u"America/Chicago"_s << u"2026-11-23T22:59:00Z"_s << true;
    QTest::newRow("end is excluded")
        << officeWeek << u"America/Chicago"_s << u"2026-11-23T23:00:00Z"_s << false;
    QTest::newRow("a day without ranges")
        << officeWeek << u"America/Chicago"_s << u"2026-11-28T18:00:00Z"_s << false;
    QTest::newRow("UTC date differs from the local one")
        << officeWeek << u"America/Chicago"_s << u"2026-11-24T02:00:00Z"_s
        << false; // Mon 20:00 local

    const QString twoRanges = uR"({"weekly": {"mon": [["08:00","12:00"],["13:00","17:00"]]}})"_s;
    QTest::newRow("lunch break between two ranges")
        << twoRanges << u"UTC"_s << u"2026-11-23T12:30:00Z"_s << false;
    QTest::newRow("second range of the day")
        << twoRanges << u"UTC"_s << u"2026-11-23T13:00:00Z"_s << true;

    // Friday 22:00 to Saturday 02:00 (2026-11-27 is a Friday).
    const QString overnight = uR"({"timezone": "UTC", "weekly": {"fri": [["22:00","02:00"]]}})"_s;
    QTest::newRow("overnight: before it starts")
        << overnight << u""_s << u"2026-11-27T21:59:00Z"_s << false;
    QTest::newRow("overnight: the evening")
        << overnight << u""_s << u"2026-11-27T23:30:00Z"_s << true;
    QTest::newRow("overnight: past midnight")
        << overnight << u""_s << u"2026-11-28T01:59:00Z"_s << true;
    QTest::newRow("overnight: its end") << overnight << u""_s << u"2026-11-28T02:00:00Z"_s << false;
    QTest::newRow("overnight: not the night before")
        << overnight << u""_s << u"2026-11-27T01:00:00Z"_s << false;

    const QString lateSunday = uR"({"weekly": {"sun": [["20:00","24:00"]]}})"_s;
    QTest::newRow("24:00 ends the day: 23:59")
        << lateSunday << u"UTC"_s << u"2026-11-29T23:59:00Z"_s << true;
    QTest::newRow("24:00 ends the day: Monday 00:00")
        << lateSunday << u"UTC"_s << u"2026-11-30T00:00:00Z"_s << false;

    const QString christmas =
        uR"({"weekly": {"fri": [["00:00","24:00"]], "thu": [["22:00","02:00"]]},
             "holidays": [{"date": "2026-12-25", "name": "Christmas Day"}]})"_s;
    QTest::newRow("holiday: closed though the week says open")
        << christmas << u"UTC"_s << u"2026-12-25T10:00:00Z"_s << false;
    QTest::newRow("holiday: closed from 00:00, overnight range of the day before notwithstanding")
        << christmas << u"UTC"_s << u"2026-12-25T01:00:00Z"_s << false;
    QTest::newRow("holiday: the next Friday is open")
        << christmas << u"UTC"_s << u"2027-01-01T10:00:00Z"_s << true;
    QTest::newRow(
        "holiday: in local time, not UTC") // 2026-12-25 23:30 in Chicago is the 26th in UTC
        << christmas << u"America/Chicago"_s << u"2026-12-26T05:30:00Z"_s << false;

    // Zones: the applet's own, else the organization's, else UTC.
    const QString berlinWeek =
        uR"({"timezone": "Europe/Berlin", "weekly": {"mon": [["09:00","17:00"]]}})"_s;
    QTest::newRow("applet zone beats the organization's")
        << berlinWeek << u"America/Chicago"_s << u"2026-11-23T08:30:00Z"_s << true; // 09:30 Berlin
    QTest::newRow("organization zone when the applet has none")
        << officeWeek << u"Europe/Berlin"_s << u"2026-11-23T08:30:00Z"_s << true;
    QTest::newRow("UTC when nobody says")
        << officeWeek << u""_s << u"2026-11-23T08:30:00Z"_s << false;
    QTest::newRow("half-hour zone") // Kolkata is UTC+05:30: 03:30Z is 09:00
        << officeWeek << u"Asia/Kolkata"_s << u"2026-11-23T03:30:00Z"_s << true;
    QTest::newRow("half-hour zone, a minute before")
        << officeWeek << u"Asia/Kolkata"_s << u"2026-11-23T03:29:00Z"_s << false;

    // Daylight saving: wall-clock time. Chicago moves to UTC-5 on 2026-03-08.
    QTest::newRow("DST: 09:00 before the change is 15:00Z")
        << officeWeek << u"America/Chicago"_s << u"2026-03-06T15:00:00Z"_s << true;
    QTest::newRow("DST: 14:30Z before the change is 08:30, closed")
        << officeWeek << u"America/Chicago"_s << u"2026-03-06T14:30:00Z"_s << false;
    QTest::newRow("DST: 14:30Z after the change is 09:30, open")
        << officeWeek << u"America/Chicago"_s << u"2026-03-09T14:30:00Z"_s << true;
    QTest::newRow("DST: 22:30Z after the change is 17:30, closed")
        << officeWeek << u"America/Chicago"_s << u"2026-03-09T22:30:00Z"_s << false;
    // Back to UTC-6 on 2026-11-01: 01:00-02:00 local happens twice; both are open.
    const QString earlySunday = uR"({"weekly": {"sun": [["01:00","02:00"]]}})"_s;
    QTest::newRow("DST: first 01:30 of the repeated hour")
        << earlySunday << u"America/Chicago"_s << u"2026-11-01T06:30:00Z"_s << true;
    QTest::newRow("DST: second 01:30 of the repeated hour")
        << earlySunday << u"America/Chicago"_s << u"2026-11-01T07:30:00Z"_s << true;
    QTest::newRow("DST: 02:00 after the repeated hour")
        << earlySunday << u"America/Chicago"_s << u"2026-11-01T08:00:00Z"_s << false;
}

void TestHours::verdict()
{
    QFETCH(QString, config);
    QFETCH(QString, organizationZone);
    QFETCH(QString, utc);
    QFETCH(bool, open);
    const QDateTime now = QDateTime::fromString(utc, Qt::ISODate);
    QVERIFY(now.isValid());
    const HoursVerdict v = checkHours(hoursApplet(config), organizationZone, now);
    QCOMPARE(v.open, open);
}

void TestHours::holidayIsNamed()
{
    const HoursVerdict v = checkHours(
        hoursApplet(
            uR"({"weekly": {"fri": [["00:00","24:00"]]}, "holidays": [{"date": "2026-12-25", "name": "Christmas Day"}]})"_s),
        u"UTC"_s, QDateTime::fromString(u"2026-12-25T12:00:00Z"_s, Qt::ISODate));
    QVERIFY(!v.open);
    QCOMPARE(v.holiday, u"Christmas Day"_s);
}

void TestHours::localTimeIsReported()
{
    const HoursVerdict v =
        checkHours(hoursApplet(officeWeek), u"America/Chicago"_s,
                   QDateTime::fromString(u"2026-07-01T14:00:00Z"_s, Qt::ISODate));
    QCOMPARE(v.zone, u"America/Chicago"_s);
    QCOMPARE(v.local.time(), QTime(9, 0)); // CDT, UTC-5
    QVERIFY(v.open);
}

QTEST_GUILESS_MAIN(TestHours)
#include "tst_hours.moc"
