// routerd and the carrier's REST API: replies sent (once, retried, refused, after a crash, by
// one of two routerd on PostgreSQL), their status callbacks, recordings fetched only from the
// API's host, the account's numbers listed and wired. The real binary over HTTP on loopback,
// against the fake carrier of tests/common.

#include "fakecarrier.h"
#include "routerdpeer.h"
#include "server/replysender.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {

// Texts go to Pat's inbox; calls to Pat's voicemail.
QByteArray document()
{
    return routingDocument(
        graphJson(u"vm"_s,
                  uR"("vm": {"type": "voicemail", "config": {"owner": {"user": "pat"}}})"_s),
        graphJson(u"i"_s,
                  uR"("i": {"type": "sms-inbox", "config": {"owner": {"user": "pat"}}})"_s));
}

QString recordingsPath()
{
    return u"/2010-04-01/Accounts/"_s + carrierAccountSid + u"/Recordings/"_s;
}

} // namespace

class TestCarrier : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aReplyGoesOutOnce();
    void statusCallbacksMoveItOnOnlyWhenSigned();
    void aServerErrorIsTriedAgainAndSentOnce();
    void aRefusalFailsWithTheCarriersWordsAndIsNotRetried();
    void aQueuedReplySurvivesAKillAndGoesOutLater();
    void aLostAnswerIsNotSentTwice();
    void aRetriedReplyIsANewMessage();
    void aRedirectedRecordingGoesWithoutCredentials();
    void twoRouterdOnPostgresSendEachReplyOnce();
    void aRecordingComesFromTheApiHostOnly();
    void numbersAreListedAcrossPages();
    void wiringTouchesRoutedNumbersOnly();
    void withoutAnAccountTheseAnswer409();
    void retriesWaitLongerEachTime();
    void aSlowCarrierLeavesTheWebhooksAThread();

private:
    QStringList carrierArguments(const QString &api) const
    {
        return {u"--carrier-account-sid"_s, carrierAccountSid,
                u"--carrier-api-url"_s,     api,
                u"--carrier-retry-delay"_s, u"1"_s,
                u"--carrier-timeout"_s,     u"2"_s};
    }
    bool start(const QStringList &extra);
    bool start() { return start(carrierArguments(m_fake->url())); }
    // A text from the caller to the main line; its inbox item's id.
    QString textArrives(RouterdPeer &peer, const QString &body = u"Is the house still for sale?"_s);
    QJsonArray replies(RouterdPeer &peer, const QString &item)
    {
        return peer.get(u"/api/v1/inbox/"_s + item + u"/replies"_s)
            .object()
            .value(u"replies")
            .toArray();
    }
    // A reply typed in the inbox: the status routerd answers.
    int reply(RouterdPeer &peer, const QString &item, const QString &body)
    {
        return peer
            .api("POST", u"/api/v1/inbox/"_s + item + u"/reply"_s,
                 QJsonDocument(QJsonObject{{u"body"_s, body}}).toJson())
            .status;
    }
    // The carrier's signed status callback for the message `sid`.
    int statusCallback(const QString &sid, const QString &status, const QString &code = {})
    {
        FormParams params{{u"MessageSid"_s, sid},
                          {u"MessageStatus"_s, status},
                          {u"AccountSid"_s, carrierAccountSid}};
        if (!code.isEmpty())
            params.append({u"ErrorCode"_s, code});
        return m_peer->webhook(m_routerd->base + u"/twilio/sms/status"_s, params).status;
    }
    // The reply once it has `status` (or as it is when the time is up).
    QJsonObject waitFor(RouterdPeer &peer, const QString &item, const QString &status,
                        int index = 0, int ms = 15000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeCarrier> m_fake;
    std::unique_ptr<RouterdProcess> m_routerd;
    std::unique_ptr<RouterdPeer> m_peer;
};

void TestCarrier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_fake = std::make_unique<FakeCarrier>(carrierToken);
    QString error;
    QVERIFY2(m_fake->start(&error), qPrintable(error));
}

void TestCarrier::cleanup()
{
    m_peer.reset();
    m_routerd.reset();
    m_fake.reset();
    m_dir.reset();
}

bool TestCarrier::start(const QStringList &extra)
{
    m_routerd = std::make_unique<RouterdProcess>();
    if (!m_routerd->start(m_dir->filePath(u"routerd.sqlite"_s), extra)) {
        qWarning("%s", m_routerd->log().constData());
        return false;
    }
    m_peer = std::make_unique<RouterdPeer>(m_routerd->base);
    return m_peer->revision() > 0 || m_peer->push(document()) > 0;
}

QString TestCarrier::textArrives(RouterdPeer &peer, const QString &body)
{
    Carrier carrier = peer.carrier();
    const QString answer = carrier.play(u"text:"_s + body);
    if (answer != QString())
        qWarning("the text was answered %s", qPrintable(answer));
    const QJsonArray items = peer.inbox(u"owner=user:pat&kind=sms"_s);
    for (const QJsonValue &v : items) {
        if (v[u"body"].toString() == body)
            return v[u"id"].toString();
    }
    return {};
}

QJsonObject TestCarrier::waitFor(RouterdPeer &peer, const QString &item, const QString &status,
                                 int index, int ms)
{
    QElapsedTimer timer;
    timer.start();
    QJsonObject reply;
    do {
        reply = replies(peer, item).at(index).toObject();
        if (reply.value(u"status").toString() == status)
            return reply;
        QTest::qWait(100);
    } while (timer.elapsed() < ms);
    return reply;
}

void TestCarrier::aReplyGoesOutOnce()
{
    QVERIFY(start());
    const QString item = textArrives(*m_peer);
    QVERIFY(!item.isEmpty());
    const HttpReply posted = m_peer->api("POST", u"/api/v1/inbox/"_s + item + u"/reply"_s,
                                         R"({"body": "Yes, come by at 5"})");
    QCOMPARE(posted.status, 202);
    const QJsonObject queued = posted.object().value(u"reply").toObject();
    QCOMPARE(queued.value(u"status").toString(), u"queued"_s);
    QVERIFY(queued.value(u"carrier_sid").isNull());

    const QJsonObject sent = waitFor(*m_peer, item, u"sent"_s);
    QCOMPARE(sent.value(u"status").toString(), u"sent"_s);
    QCOMPARE(m_fake->messageCount(), 1);
    const FakeCarrier::Request message = m_fake->messages().constFirst();
    QVERIFY(message.authorized);
    QCOMPARE(message.field(u"From"_s), mainLine); // the number the text came to
    QCOMPARE(message.field(u"To"_s), caller);
    QCOMPARE(message.field(u"Body"_s), u"Yes, come by at 5"_s);
    QCOMPARE(message.field(u"StatusCallback"_s), m_routerd->base + u"/twilio/sms/status"_s);
    QVERIFY(sent.value(u"carrier_sid").toString().startsWith(u"SM"));
    QCOMPARE(sent.value(u"attempts").toInt(), 1);
    QVERIFY(!sent.value(u"sent_at").toString().isEmpty());
    QVERIFY(sent.value(u"error").isNull());
    // And never again.
    QTest::qWait(2500);
    QCOMPARE(m_fake->messageCount(), 1);
    QCOMPARE(m_fake->requests().size(), 1);
}

void TestCarrier::statusCallbacksMoveItOnOnlyWhenSigned()
{
    QVERIFY(start());
    const QString item = textArrives(*m_peer);
    QCOMPARE(reply(*m_peer, item, u"Hi"_s), 202);
    const QString sid = waitFor(*m_peer, item, u"sent"_s).value(u"carrier_sid").toString();
    QVERIFY(!sid.isEmpty());
    const QString url = m_routerd->base + u"/twilio/sms/status"_s;

    // Unsigned, or signed with another token: 403, nothing changes.
    const FormParams delivered{{u"MessageSid"_s, sid},
                               {u"MessageStatus"_s, u"delivered"_s},
                               {u"AccountSid"_s, carrierAccountSid}};
    QCOMPARE(m_peer->http()
                 .send("POST", url, formEncode(delivered),
                       {{"Content-Type", "application/x-www-form-urlencoded"}})
                 .status,
             403);
    QCOMPARE(m_peer->webhook(url, delivered, "someone-elses-token").status, 403);
    QCOMPARE(replies(*m_peer, item).at(0)[u"status"].toString(), u"sent"_s);

    // "sent" again changes nothing; "delivered" does, and stays over a late "undelivered".
    QCOMPARE(statusCallback(sid, u"sent"_s), 204);
    QCOMPARE(replies(*m_peer, item).at(0)[u"status"].toString(), u"sent"_s);
    QCOMPARE(m_peer->webhook(url, delivered).status, 204);
    QCOMPARE(replies(*m_peer, item).at(0)[u"status"].toString(), u"delivered"_s);
    QCOMPARE(statusCallback(sid, u"undelivered"_s, u"30003"_s), 204);
    QCOMPARE(replies(*m_peer, item).at(0)[u"status"].toString(), u"delivered"_s);

    // An undelivered one says why; a sid nobody knows is answered and changes nothing.
    QCOMPARE(reply(*m_peer, item, u"Two"_s), 202);
    const QString second = waitFor(*m_peer, item, u"sent"_s, 1).value(u"carrier_sid").toString();
    QCOMPARE(statusCallback(second, u"undelivered"_s, u"30003"_s), 204);
    const QJsonObject undelivered = replies(*m_peer, item).at(1).toObject();
    QCOMPARE(undelivered[u"status"].toString(), u"undelivered"_s);
    QVERIFY2(undelivered[u"error"].toString().contains(u"30003"),
             qPrintable(undelivered[u"error"].toString()));
    QCOMPARE(statusCallback(u"SMnobody"_s, u"delivered"_s), 204);
}

void TestCarrier::aServerErrorIsTriedAgainAndSentOnce()
{
    QVERIFY(start());
    m_fake->failMessages(500, 1);
    const QString item = textArrives(*m_peer);
    QCOMPARE(reply(*m_peer, item, u"Hi"_s), 202);
    const QJsonObject sent = waitFor(*m_peer, item, u"sent"_s);
    QCOMPARE(sent.value(u"status").toString(), u"sent"_s);
    QCOMPARE(sent.value(u"attempts").toInt(), 2);
    QCOMPARE(m_fake->messageCount(), 1);
    QList<int> posts; // what each post of the message was answered
    for (const FakeCarrier::Request &r : m_fake->requests()) {
        if (r.method == "POST" && r.path.endsWith(u"/Messages.json"))
            posts.append(r.status);
    }
    QCOMPARE(posts, (QList<int>{500, 201}));
    QTest::qWait(2500);
    QCOMPARE(m_fake->messageCount(), 1);
}

void TestCarrier::aRefusalFailsWithTheCarriersWordsAndIsNotRetried()
{
    QVERIFY(start());
    m_fake->failMessages(400, 1);
    const QString item = textArrives(*m_peer);
    QCOMPARE(reply(*m_peer, item, u"Hi"_s), 202);
    const QJsonObject failed = waitFor(*m_peer, item, u"failed"_s);
    QCOMPARE(failed.value(u"status").toString(), u"failed"_s);
    QVERIFY2(failed.value(u"error").toString().contains(FakeCarrier::invalidNumberMessage),
             qPrintable(failed.value(u"error").toString()));
    QVERIFY(failed.value(u"carrier_sid").isNull());
    QTest::qWait(3000); // three retry delays
    QCOMPARE(m_fake->requests().size(), 1);
    QCOMPARE(m_fake->messageCount(), 0);

    // Sent again on request: a new message, and this time it goes.
    const QString id = failed.value(u"id").toString();
    const HttpReply again =
        m_peer->api("POST", u"/api/v1/inbox/"_s + item + u"/replies/"_s + id + u"/retry"_s);
    QCOMPARE(again.status, 202);
    QCOMPARE(again.object()[u"reply"][u"status"].toString(), u"queued"_s);
    QCOMPARE(waitFor(*m_peer, item, u"sent"_s).value(u"status").toString(), u"sent"_s);
    QCOMPARE(m_fake->messageCount(), 1);
    // A sent one is not sent again; nor is someone's unknown reply.
    QCOMPARE(
        m_peer->api("POST", u"/api/v1/inbox/"_s + item + u"/replies/"_s + id + u"/retry"_s).status,
        409);
    QCOMPARE(m_peer->api("POST", u"/api/v1/inbox/"_s + item + u"/replies/nope/retry"_s).status,
             404);
}

void TestCarrier::aQueuedReplySurvivesAKillAndGoesOutLater()
{
    QVERIFY(start());
    m_fake->setDown(true);
    const QString item = textArrives(*m_peer);
    QCOMPARE(m_peer
                 ->api("POST", u"/api/v1/inbox/"_s + item + u"/reply"_s,
                       R"({"body": "Sorry for the wait"})")
                 .status,
             202);
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->requests().size() >= 2, 10000);
    const QJsonObject waiting = replies(*m_peer, item).at(0).toObject();
    QCOMPARE(waiting[u"status"].toString(), u"queued"_s);
    QVERIFY2(waiting[u"error"].toString().contains(u"Service unavailable"),
             qPrintable(waiting[u"error"].toString()));

    // Gone at once, mid-wait; the carrier comes back; routerd too.
    m_routerd->kill();
    m_fake->setDown(false);
    const qsizetype before = m_fake->requests().size();
    QVERIFY(start());
    QCOMPARE(waitFor(*m_peer, item, u"sent"_s, 0, 30000).value(u"status").toString(), u"sent"_s);
    QCOMPARE(m_fake->messageCount(), 1);
    QCOMPARE(m_fake->messages().constFirst().field(u"Body"_s), u"Sorry for the wait"_s);
    // After the restart: one look for it among the account's messages, then one post.
    QCOMPARE(m_fake->requests().size(), before + 2);
}

// The carrier takes the message but its answer comes after routerd stopped waiting: before
// trying again, routerd finds it among the account's messages and does not post it again.
void TestCarrier::aLostAnswerIsNotSentTwice()
{
    QVERIFY(start()); // waits 2 s for an answer
    const QString item = textArrives(*m_peer);
    const QByteArray body = R"({"body": "See you at five"})";
    // The same words sent once before, on purpose: that message is not taken for the next.
    QCOMPARE(m_peer->api("POST", u"/api/v1/inbox/"_s + item + u"/reply"_s, body).status, 202);
    const QString first = waitFor(*m_peer, item, u"sent"_s, 0).value(u"carrier_sid").toString();
    QVERIFY(!first.isEmpty());
    m_fake->setDelay(std::chrono::milliseconds(3000));
    QCOMPARE(m_peer->api("POST", u"/api/v1/inbox/"_s + item + u"/reply"_s, body).status, 202);
    // The carrier took it (answered 201, too late).
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->messageCount() == 2, 10000);
    m_fake->setDelay(std::chrono::milliseconds(0));
    // Its delivery report comes before routerd knows the sid: kept, and applied once it does.
    QCOMPARE(replies(*m_peer, item).at(1)[u"status"].toString(), u"queued"_s);
    QCOMPARE(statusCallback(m_fake->messages().at(1).sid, u"delivered"_s), 204);
    const QJsonObject sent = waitFor(*m_peer, item, u"delivered"_s, 1, 20000);
    QCOMPARE(sent.value(u"status").toString(), u"delivered"_s);
    QCOMPARE(sent.value(u"carrier_sid").toString(), m_fake->messages().at(1).sid);
    QVERIFY(sent.value(u"carrier_sid").toString() != first);
    QTest::qWait(1500);
    QCOMPARE(m_fake->messageCount(), 2); // each posted once
    int posts = 0, lookups = 0;
    for (const FakeCarrier::Request &r : m_fake->requests()) {
        if (r.path.endsWith(u"/Messages.json"))
            (r.method == "POST" ? posts : lookups) += 1;
    }
    QCOMPARE(posts, 2);
    QVERIFY(lookups >= 1);
    QVERIFY2(m_routerd->log().contains("was taken before"), m_routerd->log().constData());
}

// Retry on an undelivered reply sends a new message, even when the carrier's answer to it is
// lost too and its list lags behind: the earlier message (same words, same numbers, within
// the clock-skew margin) is never taken for it.
void TestCarrier::aRetriedReplyIsANewMessage()
{
    QVERIFY(start()); // waits 2 s for an answer
    const QString item = textArrives(*m_peer);
    QCOMPARE(reply(*m_peer, item, u"Call me back"_s), 202);
    const QJsonObject first = waitFor(*m_peer, item, u"sent"_s);
    const QString firstSid = first.value(u"carrier_sid").toString();
    QVERIFY(!firstSid.isEmpty());
    QCOMPARE(statusCallback(firstSid, u"undelivered"_s, u"30003"_s), 204);
    m_fake->setDelay(std::chrono::milliseconds(3000)); // the new try's answer comes too late
    m_fake->setListLag(1);                             // and the carrier does not list it yet
    QCOMPARE(m_peer
                 ->api("POST", u"/api/v1/inbox/"_s + item + u"/replies/"_s +
                                   first.value(u"id").toString() + u"/retry"_s)
                 .status,
             202);
    QTRY_VERIFY_WITH_TIMEOUT(m_fake->messageCount() == 2, 10000);
    m_fake->setDelay(std::chrono::milliseconds(0));
    const QJsonObject again = waitFor(*m_peer, item, u"sent"_s, 0, 20000);
    QCOMPARE(again.value(u"status").toString(), u"sent"_s);
    // Not the first message: a new one (the lagging list costs one more, as API.md says).
    QVERIFY(again.value(u"carrier_sid").toString() != firstSid);
    QCOMPARE(again.value(u"carrier_sid").toString(), m_fake->messages().constLast().sid);
}

// A recording the carrier keeps on a storage host (a redirect): fetched there without the
// account's credentials.
void TestCarrier::aRedirectedRecordingGoesWithoutCredentials()
{
    FakeCarrier storage(carrierToken);
    QVERIFY(storage.start());
    QVERIFY(start());
    Carrier carrier = m_peer->carrier();
    carrier.setRecordingBase(m_fake->url() + recordingsPath());
    QVERIFY(carrier.play(u"call"_s).contains(u"Record"));
    const QString path = recordingsPath() + u"RE"_s + carrier.callSid();
    m_fake->redirectRecording(path, storage.url() + u"/files/rec.mp3"_s);
    storage.addPublicFile(u"/files/rec.mp3"_s, "ID3 stored elsewhere", "audio/mpeg");
    QVERIFY(carrier.play(u"record:3"_s).contains(u"Hangup"));
    const QString id = m_peer->inbox(u"owner=user:pat&kind=voicemail"_s).at(0)[u"id"].toString();
    const HttpReply got = m_peer->api("GET", u"/api/v1/inbox/"_s + id + u"/recording"_s);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, QByteArray("ID3 stored elsewhere"));
    QCOMPARE(storage.requests().size(), 1);
    QVERIFY(!storage.requests().constFirst().sentCredentials); // no Authorization there
    QVERIFY(m_fake->requests().constLast().authorized);        // but to the API, with them
}

void TestCarrier::twoRouterdOnPostgresSendEachReplyOnce()
{
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Postgres);
    ScratchDatabase database(ScratchDatabase::Postgres);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    // Each answer takes a while, so that both senders are at work at once.
    m_fake->setDelay(std::chrono::milliseconds(20));
    m_fake->setDown(true);
    RouterdProcess one, two;
    one.launch(database.location(), carrierArguments(m_fake->url()));
    QVERIFY2(one.waitUntilListening(), one.log().constData());
    two.launch(database.location(), carrierArguments(m_fake->url()));
    QVERIFY2(two.waitUntilListening(), two.log().constData());
    RouterdPeer a(one.base), b(two.base);
    QVERIFY(a.push(document()) > 0);
    const QString item = textArrives(a);
    QVERIFY(!item.isEmpty());
    // Fifty queued while the carrier is down, through both; then it is back.
    for (int i = 0; i < 50; ++i) {
        RouterdPeer &peer = i % 2 ? b : a;
        QCOMPARE(peer.api("POST", u"/api/v1/inbox/"_s + item + u"/reply"_s,
                          QJsonDocument(QJsonObject{{u"body"_s, u"Reply %1"_s.arg(i)}}).toJson())
                     .status,
                 202);
    }
    m_fake->setDown(false);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonValue &v : replies(a, item)) {
                if (v[u"status"].toString() != u"sent")
                    return false;
            }
            return true;
        }(),
        60000);
    QHash<QString, int> times;
    for (const FakeCarrier::Request &m : m_fake->messages())
        ++times[m.field(u"Body"_s)];
    QCOMPARE(times.size(), 50);
    for (auto it = times.cbegin(); it != times.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    // How the work was shared (each logs what it sent).
    qInfo("sent by the first routerd: %d, by the second: %d", int(one.log().count(" sent as ")),
          int(two.log().count(" sent as ")));
}

void TestCarrier::aRecordingComesFromTheApiHostOnly()
{
    // Another host that would happily take the credentials.
    FakeCarrier elsewhere(carrierToken);
    QVERIFY(elsewhere.start());
    QVERIFY(start());
    QByteArray audio;
    for (int i = 0; i < 70000; ++i)
        audio.append(char(i * 7 % 256)); // every byte value, more than one read's worth
    // A voicemail recorded on the carrier's API host, one whose URL is on another host.
    Carrier carrier = m_peer->carrier();
    carrier.setRecordingBase(m_fake->url() + recordingsPath());
    QVERIFY(carrier.play(u"call"_s).contains(u"Record"));
    m_fake->addRecording(recordingsPath() + u"RE"_s + carrier.callSid(), audio, "audio/mpeg");
    QVERIFY(carrier.play(u"record:12"_s).contains(u"Hangup"));
    Carrier other = m_peer->carrier();
    other.setRecordingBase(elsewhere.url() + recordingsPath());
    QVERIFY(other.play(u"call"_s).contains(u"Record"));
    elsewhere.addRecording(recordingsPath() + u"RE"_s + other.callSid(), "stolen", "audio/mpeg");
    QVERIFY(other.play(u"record:7"_s).contains(u"Hangup"));

    const QJsonArray items = m_peer->inbox(u"owner=user:pat&kind=voicemail"_s);
    QCOMPARE(items.size(), 2);
    QString ours, theirs;
    for (const QJsonValue &v : items) {
        (v[u"recording_url"].toString().startsWith(m_fake->url()) ? ours : theirs) =
            v[u"id"].toString();
    }
    QVERIFY(!ours.isEmpty() && !theirs.isEmpty());
    const auto requestsFor = [&](const QString &id) {
        return m_peer->api("GET", u"/api/v1/inbox/"_s + id + u"/recording"_s);
    };
    const HttpReply got = requestsFor(ours);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.header("Content-Type"), QByteArray("audio/mpeg"));
    QCOMPARE(got.body.size(), audio.size());
    QVERIFY(got.body == audio);
    const FakeCarrier::Request asked = m_fake->requests().constLast();
    QVERIFY(asked.authorized);
    QVERIFY(asked.path.endsWith(u".mp3"));

    const HttpReply refused = requestsFor(theirs);
    QCOMPARE(refused.status, 502);
    QVERIFY2(refused.object()[u"error"].toString().contains(u"not on the carrier's API host"),
             qPrintable(refused.describe()));
    QCOMPARE(elsewhere.requests().size(), 0); // never asked, never given the credentials

    // A text has no recording.
    const QString text = textArrives(*m_peer);
    QCOMPARE(requestsFor(text).status, 404);
}

void TestCarrier::numbersAreListedAcrossPages()
{
    QVERIFY(start());
    m_fake->setPageSize(2);
    const QString voice = m_routerd->base + u"/twilio/voice"_s;
    const QString sms = m_routerd->base + u"/twilio/sms"_s;
    m_fake->addNumber(mainLine, u"Main line"_s, voice, sms);
    m_fake->addNumber(u"+15125550120"_s, u"Spare"_s, u"https://old.example/voice"_s, sms);
    for (int i = 0; i < 3; ++i)
        m_fake->addNumber(u"+1512555020%1"_s.arg(i), u"Extra %1"_s.arg(i));
    const HttpReply r = m_peer->get(u"/api/v1/carrier/numbers"_s);
    QCOMPARE(r.status, 200);
    const QJsonArray numbers = r.object().value(u"numbers").toArray();
    QCOMPARE(numbers.size(), 5);
    QCOMPARE(r.object().value(u"voice_url").toString(), voice);
    QCOMPARE(numbers.at(0)[u"number"].toString(), mainLine);
    QCOMPARE(numbers.at(0)[u"friendly_name"].toString(), u"Main line"_s);
    QVERIFY(numbers.at(0)[u"sid"].toString().startsWith(u"PN"));
    QCOMPARE(numbers.at(0)[u"wired"].toBool(), true);
    QCOMPARE(numbers.at(1)[u"wired"].toBool(), false);
    QCOMPARE(numbers.at(1)[u"voice_url"].toString(), u"https://old.example/voice"_s);
    QCOMPARE(numbers.at(4)[u"number"].toString(), u"+15125550202"_s);
    int pages = 0;
    for (const FakeCarrier::Request &q : m_fake->requests())
        pages += q.path.endsWith(u"IncomingPhoneNumbers.json") ? 1 : 0;
    QCOMPARE(pages, 3);
}

void TestCarrier::wiringTouchesRoutedNumbersOnly()
{
    QVERIFY(start());
    // The document routes the main line and +15125550130; +15125550120 has no flow;
    // +15125550299 is in the account only.
    const QString old = u"https://old.example/voice"_s;
    m_fake->addNumber(mainLine, u"Main line"_s, old, old);
    m_fake->addNumber(u"+15125550120"_s, u"Spare"_s, old, old);
    m_fake->addNumber(u"+15125550299"_s, u"Not ours"_s, old, old);
    const HttpReply r = m_peer->api("POST", u"/api/v1/carrier/numbers/wire"_s, "{}");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object()[u"wired"].toArray(), QJsonArray{mainLine});
    const QJsonArray skipped = r.object()[u"skipped"].toArray();
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped.at(0)[u"number"].toString(), u"+15125550130"_s);
    QCOMPARE(skipped.at(0)[u"reason"].toString(), u"The carrier account does not have it."_s);
    const QList<FakeCarrier::Number> after = m_fake->numbers();
    QCOMPARE(after.at(0).voiceUrl, m_routerd->base + u"/twilio/voice"_s);
    QCOMPARE(after.at(0).smsUrl, m_routerd->base + u"/twilio/sms"_s);
    QCOMPARE(after.at(0).voiceMethod, u"POST"_s);
    QCOMPARE(after.at(1).voiceUrl, old);
    QCOMPARE(after.at(2).voiceUrl, old);
    QCOMPARE(after.at(2).smsUrl, old);

    // Named numbers: the unrouted one is refused by name, untouched.
    const HttpReply named = m_peer->api("POST", u"/api/v1/carrier/numbers/wire"_s,
                                        R"({"numbers": ["+15125550120", "+15125550299"]})");
    QCOMPARE(named.status, 200);
    QVERIFY(named.object()[u"wired"].toArray().isEmpty());
    QCOMPARE(named.object()[u"skipped"].toArray().size(), 2);
    QCOMPARE(named.object()[u"skipped"][0][u"reason"].toString(),
             u"The current configuration does not route it."_s);
    QCOMPARE(m_fake->numbers().at(1).voiceUrl, old);
    QCOMPARE(m_fake->numbers().at(2).voiceUrl, old);
    // Listed now as wired.
    const QJsonArray listed =
        m_peer->get(u"/api/v1/carrier/numbers"_s).object()[u"numbers"].toArray();
    QCOMPARE(listed.at(0)[u"wired"].toBool(), true);
    QCOMPARE(listed.at(1)[u"wired"].toBool(), false);
    QCOMPARE(m_peer->api("POST", u"/api/v1/carrier/numbers/wire"_s, R"({"numbers": "all"})").status,
             400);
}

void TestCarrier::withoutAnAccountTheseAnswer409()
{
    QVERIFY(start({}));
    QVERIFY2(m_routerd->log().contains("No carrier account"), m_routerd->log().constData());
    const QString item = textArrives(*m_peer);
    const HttpReply reply =
        m_peer->api("POST", u"/api/v1/inbox/"_s + item + u"/reply"_s, R"({"body": "Hi"})");
    QCOMPARE(reply.status, 409);
    QVERIFY2(reply.object()[u"error"].toString().contains(u"--carrier-account-sid"),
             qPrintable(reply.describe()));
    QVERIFY(replies(*m_peer, item).isEmpty());
    QCOMPARE(m_peer->get(u"/api/v1/carrier/numbers"_s).status, 409);
    QCOMPARE(m_peer->api("POST", u"/api/v1/carrier/numbers/wire"_s, "{}").status, 409);
    Carrier carrier = m_peer->carrier();
    carrier.play(u"call"_s);
    carrier.play(u"record:4"_s);
    const QString voicemail =
        m_peer->inbox(u"owner=user:pat&kind=voicemail"_s).at(0)[u"id"].toString();
    QCOMPARE(m_peer->api("GET", u"/api/v1/inbox/"_s + voicemail + u"/recording"_s).status, 409);
    // Everything else works as before.
    QCOMPARE(m_peer->api("PATCH", u"/api/v1/inbox/"_s + item, R"({"read": true})").status, 200);
    QCOMPARE(m_fake->requests().size(), 0);

    // A SID that is not one stops the start, saying so.
    RouterdProcess bad;
    QVERIFY(!bad.start(m_dir->filePath(u"bad.sqlite"_s), {u"--carrier-account-sid"_s, u"AC123"_s}));
    QVERIFY2(bad.log().contains("AC followed by 32 hexadecimal digits"), bad.log().constData());
}

void TestCarrier::retriesWaitLongerEachTime()
{
    // 10, 20, 40, 80, 160, 300, 300 s: eight tries over about fifteen minutes.
    QList<int> waits;
    int total = 0;
    for (int attempt = 1; attempt < 8; ++attempt) {
        waits.append(ReplySender::delaySeconds(attempt, 10));
        total += waits.constLast();
    }
    QCOMPARE(waits, (QList<int>{10, 20, 40, 80, 160, 300, 300}));
    QVERIFY(total >= 120);
}

void TestCarrier::aSlowCarrierLeavesTheWebhooksAThread()
{
    // Two threads: one may wait on the carrier, the other answers the carrier's webhooks.
    QVERIFY(start(carrierArguments(m_fake->url()) + QStringList{u"--threads"_s, u"2"_s}));
    m_fake->addNumber(mainLine, u"Main line"_s);
    m_fake->setDelay(std::chrono::milliseconds(1500));
    Http http;
    QNetworkReply *slow =
        http.start("GET", m_routerd->base + u"/api/v1/carrier/numbers"_s, {}, m_peer->admin());
    QTest::qWait(300); // the first is waiting on the carrier now
    QVERIFY(!slow->isFinished());
    // A second one is refused at once rather than taking the last thread...
    const HttpReply refused = m_peer->get(u"/api/v1/carrier/numbers"_s);
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.header("Retry-After"), QByteArray("5"));
    QVERIFY(!slow->isFinished());
    // ...which answers a text meanwhile.
    QVERIFY(!textArrives(*m_peer, u"Still there?"_s).isEmpty());
    QVERIFY(!slow->isFinished());
    const HttpReply answered = Http::finish(slow);
    QCOMPARE(answered.status, 200);
    QCOMPARE(answered.object()[u"numbers"].toArray().size(), 1);
    // Free again.
    m_fake->setDelay(std::chrono::milliseconds(0));
    QCOMPARE(m_peer->get(u"/api/v1/carrier/numbers"_s).status, 200);
}

QTEST_GUILESS_MAIN(TestCarrier)
#include "tst_carrier.moc"
