// The lexical rules of core/config/FORMAT.md: ids, E.164 numbers, SIP addresses, clock times,
// dates, URLs, time zones; and ids made from names.

#include "model/identifiers.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

class TestIdentifiers : public QObject
{
    Q_OBJECT

private slots:
    void ids_data();
    void ids();
    void e164_data();
    void e164();
    void sip_data();
    void sip();
    void clockTimes_data();
    void clockTimes();
    void dates_data();
    void dates();
    void urlsAndZones();
    void makeIdFromNames_data();
    void makeIdFromNames();
};

void TestIdentifiers::ids_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("letters") << u"nancy"_s << true;
    QTest::newRow("digit first") << u"1st-line"_s << true;
    QTest::newRow("dots and underscores") << u"a.b_c-d"_s << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("starts with dash") << u"-x"_s << false;
    QTest::newRow("starts with dot") << u".x"_s << false;
    QTest::newRow("space") << u"night shift"_s << false;
    QTest::newRow("non-ASCII letter") << u"zoë"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
}

void TestIdentifiers::ids()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidId(id), valid);
}

void TestIdentifiers::e164_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::newRow("US") << u"+15125550100"_s << true;
    QTest::newRow("shortest: 7 digits") << u"+1234567"_s << true;
    QTest::newRow("longest: 15 digits") << u"+123456789012345"_s << true;
    QTest::newRow("16 digits") << u"+1234567890123456"_s << false;
    QTest::newRow("6 digits") << u"+123456"_s << false;
    QTest::newRow("leading zero") << u"+0125550100"_s << false;
    QTest::newRow("no plus") << u"15125550100"_s << false;
    QTest::newRow("spaces") << u"+1 512 555 0100"_s << false;
    QTest::newRow("dash") << u"+1512-5550100"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestIdentifiers::e164()
{
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(isE164(number), valid);
}

void TestIdentifiers::sip_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("valid");
    QTest::newRow("sip") << u"sip:nancy@pbx.example.com"_s << true;
    QTest::newRow("sips") << u"sips:nancy@pbx.example.com:5061"_s << true;
    QTest::newRow("no scheme") << u"nancy@pbx.example.com"_s << false;
    QTest::newRow("no user") << u"sip:@pbx.example.com"_s << false;
    QTest::newRow("no host") << u"sip:nancy@"_s << false;
    QTest::newRow("two ats") << u"sip:a@b@c"_s << false;
    QTest::newRow("space") << u"sip:nan cy@pbx"_s << false;
}

void TestIdentifiers::sip()
{
    QFETCH(QString, address);
    QFETCH(bool, valid);
    QCOMPARE(isSipAddress(address), valid);
}

void TestIdentifiers::clockTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allow24");
    QTest::addColumn<int>("minutes");
    QTest::newRow("midnight") << u"00:00"_s << false << 0;
    QTest::newRow("nine") << u"09:00"_s << false << 540;
    QTest::newRow("last minute") << u"23:59"_s << false << 1439;
    QTest::newRow("24:00 as an end") << u"24:00"_s << true << 1440;
    QTest::newRow("24:00 as a start") << u"24:00"_s << false << -1;
    QTest::newRow("24:01") << u"24:01"_s << true << -1;
    QTest::newRow("minutes 60") << u"10:60"_s << false << -1;
    QTest::newRow("one digit hour") << u"9:00"_s << false << -1;
    QTest::newRow("seconds") << u"09:00:00"_s << false << -1;
}

void TestIdentifiers::clockTimes()
{
    QFETCH(QString, text);
    QFETCH(bool, allow24);
    QFETCH(int, minutes);
    QCOMPARE(parseClockTime(text, allow24), minutes);
}

void TestIdentifiers::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("Christmas") << u"2026-12-25"_s << true;
    QTest::newRow("leap day") << u"2028-02-29"_s << true;
    QTest::newRow("no leap day") << u"2026-02-29"_s << false;
    QTest::newRow("February 30") << u"2026-02-30"_s << false;
    QTest::newRow("short month") << u"2026-2-03"_s << false;
    QTest::newRow("slashes") << u"2026/12/25"_s << false;
}

void TestIdentifiers::dates()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(isIsoDate(text), valid);
}

void TestIdentifiers::urlsAndZones()
{
    QVERIFY(isHttpUrl(u"https://example.com/hold.mp3"_s));
    QVERIFY(isHttpUrl(u"http://example.com/a"_s));
    QVERIFY(!isHttpUrl(u"ftp://example.com/a"_s));
    QVERIFY(!isHttpUrl(u"hold.mp3"_s));
    QVERIFY(!isHttpUrl(u"https://"_s));
    QVERIFY(isKnownTimeZone(u"Europe/Berlin"_s));
    QVERIFY(isKnownTimeZone(u"America/Chicago"_s));
    QVERIFY(!isKnownTimeZone(u"Mars/Olympus_Mons"_s));
    QVERIFY(!isKnownTimeZone(QString()));
}

void TestIdentifiers::makeIdFromNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("id");
    QTest::newRow("plain") << u"Sales"_s << QStringList() << u"sales"_s;
    QTest::newRow("spaces") << u"Front  Desk "_s << QStringList() << u"front-desk"_s;
    QTest::newRow("accents") << u"Atención"_s << QStringList() << u"atencion"_s;
    QTest::newRow("taken") << u"Sales"_s << QStringList{u"sales"_s} << u"sales-2"_s;
    QTest::newRow("taken twice") << u"Sales"_s << QStringList{u"sales"_s, u"sales-2"_s}
                                 << u"sales-3"_s;
    QTest::newRow("nothing usable") << u"★★"_s << QStringList() << u"item"_s;
}

void TestIdentifiers::makeIdFromNames()
{
    QFETCH(QString, name);
    QFETCH(QStringList, taken);
    QFETCH(QString, id);
    const QString made = makeId(name, [&](const QString &c) { return taken.contains(c); });
    QCOMPARE(made, id);
    QVERIFY(isValidId(made));
}

QTEST_GUILESS_MAIN(TestIdentifiers)
#include "tst_identifiers.moc"
