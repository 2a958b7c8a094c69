// routerd's API vocabulary (core/api): what routerd writes, its clients read back the same;
// a change or presence body that is not one is refused with a sentence; paths are built once.

#include "api/vocabulary.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

class TestApi : public QObject
{
    Q_OBJECT

private slots:
    void inboxItemsRoundTrip();
    void pagesAndCountsRoundTrip();
    void changesRoundTripAndRefuseWhatIsNotOne();
    void presenceRoundTrips();
    void pathsAreBuiltOnce();
    void wireRequests_data();
    void wireRequests();
    void repliesAndCarrierNumbersRoundTrip();
};

void TestApi::inboxItemsRoundTrip()
{
    Api::InboxItem item;
    item.id = u"0001-ab"_s;
    item.kind = QString::fromLatin1(Api::VoicemailKind);
    item.owner = Owner::group(u"sales"_s);
    item.from = u"+15125559999"_s;
    item.to = u"+15125550100"_s;
    item.createdAt = u"2026-12-06T07:00:00.000Z"_s;
    item.body = u"Call me"_s;
    item.media = {u"https://api.example/m/1"_s};
    item.recordingUrl = u"https://api.example/r/1"_s;
    item.durationSeconds = 12;
    item.read = true;
    item.assignedTo = u"pat"_s;
    item.conversation = u"c1"_s;
    QVERIFY(item.isVoicemail());
    QVERIFY(Api::InboxItem::fromJson(item.toJson()) == item);
    // Empty text fields are null on the wire, and come back empty.
    const QJsonObject bare = Api::InboxItem().toJson();
    QVERIFY(bare.value(u"assigned_to").isNull());
    QVERIFY(Api::InboxItem::fromJson(bare) == Api::InboxItem());
}

void TestApi::pagesAndCountsRoundTrip()
{
    Api::InboxPage page;
    page.items = {Api::InboxItem{}, Api::InboxItem{}};
    page.items[0].id = u"a"_s;
    page.items[1].id = u"b"_s;
    page.next = u"cursor"_s;
    const Api::InboxPage back = Api::InboxPage::fromJson(page.toJson());
    QCOMPARE(back.items.size(), 2);
    QCOMPARE(back.items.at(1).id, u"b"_s);
    QCOMPARE(back.next, u"cursor"_s);
    QVERIFY(Api::InboxPage::fromJson(Api::InboxPage().toJson()).next.isEmpty());

    Api::InboxCounts counts;
    counts.byOwner[u"group:sales"_s][u"sms"_s] = {7, 3};
    const Api::InboxCounts c = Api::InboxCounts::fromJson(counts.toJson());
    QCOMPARE(c.of(u"group:sales"_s, u"sms"_s).total, 7);
    QCOMPARE(c.of(u"group:sales"_s, u"sms"_s).unread, 3);
    QCOMPARE(c.of(u"user:nancy"_s, u"sms"_s).unread, 0);
}

void TestApi::changesRoundTripAndRefuseWhatIsNotOne()
{
    Api::InboxChange change;
    change.read = true;
    change.assignedTo = QString(); // unassigned: null on the wire
    QVERIFY(change.toJson().value(u"assigned_to").isNull());
    QString error;
    const auto back = Api::InboxChange::fromJson(change.toJson(), &error);
    QVERIFY(back);
    QCOMPARE(back->read, std::optional<bool>(true));
    QVERIFY(back->assignedTo && back->assignedTo->isEmpty());
    QVERIFY(!back->archived && !back->closed);

    QVERIFY(!Api::InboxChange::fromJson({{u"read"_s, u"yes"_s}}, &error));
    QVERIFY(error.contains(u"read"_s));
    QVERIFY(!Api::InboxChange::fromJson({{u"colour"_s, 1}}, &error));
    QVERIFY(error.contains(u"colour"_s));
}

void TestApi::presenceRoundTrips()
{
    Api::Presence p;
    p.available = false;
    p.groups.insert(u"sales"_s, {false, true});
    const Api::Presence back = Api::Presence::fromJson(p.toJson());
    QCOMPARE(back.available, false);
    QVERIFY(back.groups.value(u"sales"_s) == (Api::Activity{false, true}));
    QHash<QString, Api::Presence> all{{u"nancy"_s, p}};
    QCOMPARE(Api::presenceListFromJson(Api::presenceListToJson(all)).value(u"nancy"_s).available,
             false);

    Api::PresenceChange change;
    change.groups.insert(u"sales"_s, {std::nullopt, false}); // only sms given
    QString error;
    const auto parsed = Api::PresenceChange::fromJson(change.toJson(), &error);
    QVERIFY(parsed);
    QVERIFY(!parsed->available);
    QVERIFY(!parsed->groups.value(u"sales"_s).first);
    QCOMPARE(parsed->groups.value(u"sales"_s).second, std::optional<bool>(false));
    QVERIFY(!Api::PresenceChange::fromJson({{u"away"_s, true}}, &error));
}

void TestApi::pathsAreBuiltOnce()
{
    Api::InboxQuery q;
    q.owner = Owner::group(u"sales"_s);
    q.kind = u"sms"_s;
    q.archived = false;
    q.limit = 20;
    q.before = u"x y"_s;
    QCOMPARE(q.path(),
             u"/api/v1/inbox?owner=group%3Asales&kind=sms&archived=false&limit=20&before=x%20y"_s);
    QCOMPARE(Api::countsPath({Owner::user(u"nancy"_s), Owner::group(u"sales"_s)}),
             u"/api/v1/inbox/counts?owner=user%3Anancy&owner=group%3Asales"_s);
    QCOMPARE(Api::replyPath(u"0001-ab"_s), u"/api/v1/inbox/0001-ab/reply"_s);
    QCOMPARE(Api::presencePath(u"nancy"_s), u"/api/v1/presence/nancy"_s);
    QCOMPARE(Api::revisionPath(3), u"/api/v1/config/revisions/3"_s);
    QCOMPARE(Api::replyRetryPath(u"0001-ab"_s, u"r 1"_s),
             u"/api/v1/inbox/0001-ab/replies/r%201/retry"_s);
    QCOMPARE(Api::recordingPath(u"0001-ab"_s), u"/api/v1/inbox/0001-ab/recording"_s);
}

void TestApi::wireRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("numbers");
    QTest::newRow("no body: every routed number") << QByteArray() << true << QStringList();
    QTest::newRow("an empty object") << QByteArray("{}") << true << QStringList();
    QTest::newRow("an empty list") << QByteArray(R"({"numbers": []})") << true << QStringList();
    QTest::newRow("two") << QByteArray(R"({"numbers": ["+15125550100", "+15125550120"]})") << true
                         << QStringList{u"+15125550100"_s, u"+15125550120"_s};
    QTest::newRow("not an object") << QByteArray("[1]") << false << QStringList();
    QTest::newRow("not JSON") << QByteArray("numbers=1") << false << QStringList();
    QTest::newRow("a string, not a list")
        << QByteArray(R"({"numbers": "all"})") << false << QStringList();
    QTest::newRow("a number in the list")
        << QByteArray(R"({"numbers": [15125550100]})") << false << QStringList();
}

void TestApi::wireRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    QFETCH(QStringList, numbers);
    QString error;
    const auto parsed = Api::wireRequestFromJson(body, &error);
    QCOMPARE(bool(parsed), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (parsed) {
        QCOMPARE(*parsed, numbers);
        QCOMPARE(
            Api::wireRequestFromJson(QJsonDocument(Api::wireRequest(numbers)).toJson(), &error),
            std::optional<QStringList>(numbers));
    }
}

void TestApi::repliesAndCarrierNumbersRoundTrip()
{
    Api::Reply reply;
    reply.id = u"r1"_s;
    reply.itemId = u"i1"_s;
    reply.to = u"+15125559999"_s;
    reply.from = u"+15125550100"_s;
    reply.body = u"Yes"_s;
    reply.createdAt = u"2026-12-06T12:00:00.000Z"_s;
    reply.status = u"failed"_s;
    reply.error = u"Not a valid number"_s;
    reply.attempts = 3;
    const QJsonObject json = reply.toJson();
    QVERIFY(json.value(u"carrier_sid").isNull()); // null until the carrier took it
    QVERIFY(json.value(u"sent_at").isNull());
    const Api::Reply back = Api::Reply::fromJson(json);
    QCOMPARE(back.error, reply.error);
    QCOMPARE(back.attempts, 3);
    QVERIFY(back.canRetry());
    reply.status = u"sent"_s;
    QVERIFY(!reply.canRetry());

    Api::CarrierNumbers numbers;
    numbers.voiceUrl = u"https://phones.example/twilio/voice"_s;
    numbers.smsUrl = u"https://phones.example/twilio/sms"_s;
    numbers.numbers.append({u"+15125550100"_s, u"Main"_s, u"PN1"_s, numbers.voiceUrl,
                            numbers.smsUrl, true, u"POST"_s, u"POST"_s});
    numbers.numbers.append({u"+15125550120"_s, u"Spare"_s, u"PN2"_s, {}, {}, false, {}, {}});
    const Api::CarrierNumbers read = Api::CarrierNumbers::fromJson(numbers.toJson());
    QCOMPARE(read.numbers.size(), 2);
    QCOMPARE(read.numbers.at(0).friendlyName, u"Main"_s);
    QVERIFY(read.numbers.at(0).wired);
    QVERIFY(!read.numbers.at(1).wired);
    QCOMPARE(read.smsUrl, numbers.smsUrl);

    Api::WireResult result;
    result.wired = {u"+15125550100"_s};
    result.skipped = {{u"+15125550130"_s, u"The carrier account does not have it."_s}};
    const Api::WireResult again = Api::WireResult::fromJson(result.toJson());
    QCOMPARE(again.wired, result.wired);
    QCOMPARE(again.skipped, result.skipped);
}

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
