// The typed applet values of core/model/appletvalues.h against core/config/FORMAT.md: every
// form of a dial target and an inbox owner reads into its kind and writes back the same JSON;
// every malformed form is refused with the finding, path and rule the validator reports.

#include "model/appletvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(Switchboard::DialTarget)
Q_DECLARE_METATYPE(Switchboard::Owner)

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}
} // namespace

class TestAppletValues : public QObject
{
    Q_OBJECT

private slots:
    void dialTargetRoundTrip_data();
    void dialTargetRoundTrip();
    void dialTargetRefused_data();
    void dialTargetRefused();
    void ownerRoundTrip_data();
    void ownerRoundTrip();
    void ownerRefused_data();
    void ownerRefused();
    void ownerQueryKey();
    void strategiesAndCallerIds();
    void promptRoundTrip();
};

void TestAppletValues::dialTargetRoundTrip_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<DialTarget>("expected");
    QTest::addColumn<bool>("pool");

    QTest::newRow("user") << json(R"({"user": "nancy"})") << DialTarget::user(u"nancy"_s) << false;
    QTest::newRow("group") << json(R"({"group": "sales"})") << DialTarget::group(u"sales"_s)
                           << true;
    QTest::newRow("members") << json(R"({"members": ["maria", "nancy"]})")
                             << DialTarget::listOf({u"maria"_s, u"nancy"_s}) << true;
    QTest::newRow("number") << json(R"({"number": "+15125550199"})")
                            << DialTarget::outsideNumber(u"+15125550199"_s) << false;
    QTest::newRow("caller owner") << json(R"({"caller_owner": true})") << DialTarget::callerOwner()
                                  << false;
}

void TestAppletValues::dialTargetRoundTrip()
{
    QFETCH(QJsonValue, value);
    QFETCH(DialTarget, expected);
    QFETCH(bool, pool);

    Findings findings;
    const std::optional<DialTarget> target = DialTarget::fromJson(value, u"t"_s, &findings);
    QVERIFY(findings.isEmpty());
    QVERIFY(target);
    QVERIFY(*target == expected);
    QCOMPARE(target->ringsPool(), pool);
    QCOMPARE(QJsonValue(target->toJson()), value);
    QCOMPARE(target->jsonKey(), value.toObject().keys().first());
}

void TestAppletValues::dialTargetRefused_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("rule");

    const QString base = u"steps[0].target"_s;
    QTest::newRow("not an object") << json(R"("sales")") << base << u"wrong-type"_s;
    QTest::newRow("empty object") << json("{}") << base << u"wrong-type"_s;
    QTest::newRow("unknown form") << json(R"({"team": "sales"})") << base << u"wrong-type"_s;
    QTest::newRow("two forms") << json(R"({"user": "nancy", "group": "sales"})") << base
                               << u"wrong-type"_s;
    QTest::newRow("user not text")
        << json(R"({"user": 5})") << base + u".user"_s << u"wrong-type"_s;
    QTest::newRow("group not text")
        << json(R"({"group": null})") << base + u".group"_s << u"wrong-type"_s;
    QTest::newRow("members not a list")
        << json(R"({"members": "nancy"})") << base + u".members"_s << u"wrong-type"_s;
    QTest::newRow("members empty")
        << json(R"({"members": []})") << base + u".members"_s << u"limit"_s;
    QTest::newRow("member not text")
        << json(R"({"members": ["nancy", 7]})") << base + u".members[1]"_s << u"wrong-type"_s;
    QTest::newRow("number not text")
        << json(R"({"number": 15125550199})") << base + u".number"_s << u"wrong-type"_s;
    QTest::newRow("number not E.164")
        << json(R"({"number": "512 555 0199"})") << base + u".number"_s << u"malformed-number"_s;
    QTest::newRow("caller_owner false")
        << json(R"({"caller_owner": false})") << base + u".caller_owner"_s << u"invalid-value"_s;
}

void TestAppletValues::dialTargetRefused()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, path);
    QFETCH(QString, rule);

    Findings findings;
    QVERIFY(!DialTarget::fromJson(value, u"steps[0].target"_s, &findings));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().path, path);
    QCOMPARE(findings.first().rule, rule);
    QVERIFY(findings.first().isError());
    QVERIFY(!findings.first().message.isEmpty());
    // Without a place for findings it is refused all the same.
    QVERIFY(!DialTarget::fromJson(value));
}

void TestAppletValues::ownerRoundTrip_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<Owner>("expected");

    QTest::newRow("user") << json(R"({"user": "nancy"})") << Owner::user(u"nancy"_s);
    QTest::newRow("group") << json(R"({"group": "support"})") << Owner::group(u"support"_s);
}

void TestAppletValues::ownerRoundTrip()
{
    QFETCH(QJsonValue, value);
    QFETCH(Owner, expected);

    Findings findings;
    const std::optional<Owner> owner = Owner::fromJson(value, u"o"_s, &findings);
    QVERIFY(findings.isEmpty());
    QVERIFY(owner);
    QVERIFY(*owner == expected);
    QCOMPARE(QJsonValue(owner->toJson()), value);
}

void TestAppletValues::ownerRefused_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("path");

    QTest::newRow("not an object") << json(R"("nancy")") << u"config.owner"_s;
    QTest::newRow("empty object") << json("{}") << u"config.owner"_s;
    QTest::newRow("a dial target") << json(R"({"members": ["nancy"]})") << u"config.owner"_s;
    QTest::newRow("both") << json(R"({"user": "nancy", "group": "sales"})") << u"config.owner"_s;
    QTest::newRow("user not text") << json(R"({"user": 1})") << u"config.owner.user"_s;
    QTest::newRow("group not text") << json(R"({"group": []})") << u"config.owner.group"_s;
}

void TestAppletValues::ownerRefused()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, path);

    Findings findings;
    QVERIFY(!Owner::fromJson(value, u"config.owner"_s, &findings));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().path, path);
    QCOMPARE(findings.first().rule, u"wrong-type"_s);
}

void TestAppletValues::ownerQueryKey()
{
    QCOMPARE(Owner::group(u"sales"_s).queryKey(), u"group:sales"_s);
    QVERIFY(Owner::fromQueryKey(u"user:nancy"_s) == Owner::user(u"nancy"_s));
    QVERIFY(!Owner::fromQueryKey(u"team:sales"_s));
    QVERIFY(!Owner::fromQueryKey(u"group:"_s));
    QVERIFY(!Owner::fromQueryKey(u"sales"_s));
}

void TestAppletValues::strategiesAndCallerIds()
{
    for (const QString &key : dialStrategyKeys())
        QCOMPARE(dialStrategyKey(*dialStrategyFromKey(key)), key);
    QVERIFY(!dialStrategyFromKey(u"random"));
    QVERIFY(ringsOneByOne(DialStrategy::Sequential));
    QVERIFY(ringsOneByOne(DialStrategy::LinearRoundRobin));
    QVERIFY(!ringsOneByOne(DialStrategy::RoundRobin));
    QVERIFY(takesTurns(DialStrategy::RoundRobin) && !takesTurns(DialStrategy::Simultaneous));

    const auto caller = CallerId::fromJson(u"caller"_s);
    const auto number = CallerId::fromJson(u"number"_s);
    const auto fixed = CallerId::fromJson(u"+15125550100"_s);
    QVERIFY(caller && number && fixed);
    QCOMPARE(caller->shownFor(u"+1A"_s, u"+1B"_s), u"+1A"_s);
    QCOMPARE(number->shownFor(u"+1A"_s, u"+1B"_s), u"+1B"_s);
    QCOMPARE(fixed->shownFor(u"+1A"_s, u"+1B"_s), u"+15125550100"_s);
    QCOMPARE(fixed->toJson(), QJsonValue(u"+15125550100"_s));
    QVERIFY(!CallerId::fromJson(u"callee"_s));
    QVERIFY(!CallerId::fromJson(5));
}

void TestAppletValues::promptRoundTrip()
{
    const QJsonValue say =
        json(R"({"say": "Hello", "voice": "Polly.Joanna", "language": "en-US"})");
    QCOMPARE(QJsonValue(Prompt::fromJson(say)->toJson()), say);
    const QJsonValue play = json(R"({"play": "https://example.com/a.mp3"})");
    QVERIFY(Prompt::fromJson(play)->plays());
    QCOMPARE(QJsonValue(Prompt::fromJson(play)->toJson()), play);
    QVERIFY(!Prompt::fromJson(json("{}")));
    QVERIFY(!Prompt::fromJson(QJsonValue::Null));
}

QTEST_GUILESS_MAIN(TestAppletValues)
#include "tst_appletvalues.moc"
