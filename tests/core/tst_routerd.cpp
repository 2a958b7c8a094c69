// switchboard-routerd over real HTTP on loopback: the real binary, started by the test, with
// its own database. Calls are walked request by request as the carrier would (following the
// action and Redirect URLs of each answer, signing every request); the admin API is used as
// the console will. Two backends on one PostgreSQL server share the rotation exactly. What
// depends on the time of day runs routerd's request handling in this process instead, on a
// clock the test sets.

#include "carrier.h"
#include "httpclient.h"
#include "routerdpeer.h"
#include "routerdprocess.h"
#include "routing/twimlreader.h"
#include "server/routerserver.h"
#include "server/signature.h"
#include "store/database.h"
#include "store/routerstore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {

// Texts go straight to Pat's inbox.
QByteArray textsToPatsInbox()
{
    return routingDocument(
        {}, graphJson(u"i"_s,
                      uR"("i": {"type": "sms-inbox", "config": {"owner": {"user": "pat"}}})"_s));
}

using Routerd = RouterdProcess;

using Client = RouterdPeer;

// The first Dial's nouns in a summary: "Client nancy, Number +1..." -> who that is.
QString whoRings(const QString &summary)
{
    static const QList<std::pair<QString, QString>> devices{
        {u"Client nancy"_s, u"nancy"_s},
        {u"Number +15125550102"_s, u"johan"_s},
        {u"Sip sip:vald@pbx.example"_s, u"vald"_s},
        {u"Number +15125550105"_s, u"pat"_s}};
    const qsizetype open = summary.indexOf(u'[');
    const QString nouns = summary.mid(open + 1, summary.indexOf(u']', open) - open - 1);
    QStringList who;
    for (const auto &[device, user] : devices) {
        if (nouns.contains(device))
            who.append(user);
    }
    return who.join(u'+');
}

QString recordAction(const QByteArray &xml)
{
    const TwimlResponse r = readTwiml(xml);
    const TwimlVerb *record = r.first(u"Record"_s);
    return record ? record->attributes.value(u"action"_s) : QString();
}

// Runs one statement on routerd's SQLite file from beside it (to take a table away and put
// it back, or to count rows): the first column of the first row, 0 without rows, -1 on error.
int sqliteRun(const QString &file, const QString &statement)
{
    const QString name = u"beside"_s;
    int result = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(statement))
                result = q.next() ? q.value(0).toInt() : 0;
            else
                qWarning("%s: %s", qPrintable(statement), qPrintable(q.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

const QString voicemailPrompt =
    u"Say \"Please leave a message after the tone.\" | Record 120s>record"_s;

// switchboard-routerd's handling of requests (RouterServer, without the HTTP server around
// it) in this process, on a database of its own and on the clock the test sets.
class InProcessRouterd
{
public:
    static inline const QString base = u"https://phones.example"_s;

    bool start(const QString &database, QString *error)
    {
        m_db = Database::open(database, error);
        if (!m_db)
            return false;
        m_store = std::make_unique<RouterStore>(*m_db);
        if (!m_store->prepare(error))
            return false;
        m_store->setClock([this] { return now; });
        RouterServer::Options options;
        options.publicUrl = base;
        options.adminToken = adminToken;
        options.carrierToken = carrierToken;
        m_server = std::make_unique<RouterServer>(*m_store, m_configs, options);
        return true;
    }

    // routerd's clock.
    QDateTime now = QDateTime::currentDateTimeUtc();

    // Pushes as the console does; returns the new revision.
    int push(const QByteArray &document)
    {
        HttpRequest request;
        request.method = HttpRequest::Method::Put;
        request.methodName = "PUT";
        request.target = "/api/v1/config";
        request.headers = {{"Authorization", "Bearer " + adminToken},
                           {"Content-Type", "application/json"}};
        if (const int current = m_store->revisions().currentRevision())
            request.headers.append({"If-Match", '"' + QByteArray::number(current) + '"'});
        request.body = document;
        const HttpResponse r = m_server->respond(request);
        if (r.status != 200) {
            qWarning("push refused: %d %s", r.status, r.body.constData());
            return -1;
        }
        return QJsonDocument::fromJson(r.body).object().value(u"revision").toInt();
    }

    // A carrier whose every request is signed, as over HTTP.
    Carrier carrier()
    {
        return Carrier(base, [this](const QString &url, const FormParams &params) {
            HttpRequest request;
            request.method = HttpRequest::Method::Post;
            request.methodName = "POST";
            request.target = url.mid(base.size()).toUtf8();
            request.headers = {
                {"Content-Type", "application/x-www-form-urlencoded"},
                {"X-Twilio-Signature", WebhookSignature::compute(carrierToken, url, params)}};
            request.body = formEncode(params);
            const HttpResponse r = m_server->respond(request);
            return r.status == 200 ? r.body
                                   : "HTTP " + QByteArray::number(r.status) + ": " + r.body;
        });
    }

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RouterStore> m_store;
    ConfigurationCache m_configs;
    std::unique_ptr<RouterServer> m_server;
};

} // namespace

class TestRouterd : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void refusesToStartWithoutTheCarrierToken();
    void readsSecretsFromFiles();
    void readsAConfigFileWhereFlagsWin();
    void stopsCleanlyOnSigterm();
    void healthAndAuthentication();
    void callStateFromTheUrlIsChecked();
    void aTextKeepsAtMostTenPictures();
    void aTextAlreadyKeptUnderAnotherSignatureIsAnsweredNot503();
    void retentionPrunesWhatIsPastItsTime();
    void pushesAreCheckedAndKept_data() { bothDatabases(); }
    void pushesAreCheckedAndKept();
    void sequentialGroupEndsInTheGroupsVoicemail_data() { bothDatabases(); }
    void sequentialGroupEndsInTheGroupsVoicemail();
    void callDistributionExampleRotatesAcrossCalls();
    void transcriptionFillsTheVoicemailsText_data() { bothDatabases(); }
    void transcriptionFillsTheVoicemailsText();
    void aVoicemailThatCannotBeKeptIsKeptOnTheRetry();
    void stateThatCannotBeReadOrWrittenAnswers503AndKeepsNothing_data();
    void stateThatCannotBeReadOrWrittenAnswers503AndKeepsNothing();
    void menuWithAnInvalidKeyThenSilence();
    void holidayTakesTheClosedBranch();
    void blockedCallerIsRejectedAndLogged();
    void unroutedCallsAndTextsAppearInEvents();
    void textsByKeywordReachTheGroupInboxInTurn_data() { bothDatabases(); }
    void textsByKeywordReachTheGroupInboxInTurn();
    void pushDuringACallKeepsItsRevision();
    void forgedAndUnsignedWebhooksChangeNothing();
    void inboxItemsAreReadArchivedAssignedAndDeleted_data() { bothDatabases(); }
    void inboxItemsAreReadArchivedAssignedAndDeleted();
    void presenceDecidesWhoRings_data() { bothDatabases(); }
    void presenceDecidesWhoRings();
    void signaturesFromTheCarriersOwnLibrary();
    void twoBackendsShareTheRotationOnPostgres();
    void instancesStartedTogetherOnAFreshPostgresAllComeUp();
    void theSameTextOnBothInstancesIsKeptOnce();
    void aCapOfOneHoldsWithSixTextsAtOnce();
    void presenceChangedOnBothAtOnceKeepsEveryField();
    void firstRequestsRetriedOnBothAtOnceKeepTheRotationExact();

private:
    // A backend of its own on a fresh database, and a client for it. SQLite unless the test's
    // data row says "postgres".
    bool startBackend();
    static void bothDatabases()
    {
        QTest::addColumn<int>("database");
        QTest::newRow("sqlite") << int(ScratchDatabase::Sqlite);
        QTest::newRow("postgres") << int(ScratchDatabase::Postgres);
    }

    std::unique_ptr<ScratchDatabase> m_database;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Routerd> m_routerd;
    std::unique_ptr<Client> m_client;
};

void TestRouterd::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestRouterd::cleanup()
{
    if (m_routerd && QTest::currentTestFailed())
        qWarning("routerd's log:\n%s", m_routerd->log().constData());
    m_client.reset();
    m_routerd.reset();
    m_database.reset();
    m_dir.reset();
}

bool TestRouterd::startBackend()
{
    QString location = m_dir->filePath(u"routerd.sqlite"_s);
    if (QTest::currentDataTag() && QByteArray(QTest::currentDataTag()) == "postgres") {
        if (!m_database) {
            m_database = std::make_unique<ScratchDatabase>(ScratchDatabase::Postgres);
            if (!m_database->isValid()) {
                qWarning("no PostgreSQL database: %s", qPrintable(m_database->error()));
                return false;
            }
        }
        location = m_database->location();
    }
    m_routerd = std::make_unique<Routerd>();
    if (!m_routerd->start(location)) {
        qWarning("routerd did not start:\n%s", m_routerd->log().constData());
        return false;
    }
    m_client = std::make_unique<Client>(m_routerd->base);
    return true;
}

void TestRouterd::refusesToStartWithoutTheCarrierToken()
{
    QProcessEnvironment env = Routerd::defaultEnvironment();
    env.remove(u"TWILIO_AUTH_TOKEN"_s);
    Routerd routerd;
    QVERIFY(!routerd.start(m_dir->filePath(u"r.sqlite"_s), {}, env));
    QCOMPARE(routerd.process().state(), QProcess::NotRunning);
    QCOMPARE(routerd.process().exitCode(), 2);
    QVERIFY2(routerd.log().contains("TWILIO_AUTH_TOKEN"), routerd.log().constData());
    QVERIFY(!QFile::exists(m_dir->filePath(u"r.sqlite"_s))); // nothing was set up

    // An unreadable token file is refused too, naming the file.
    Routerd again;
    QVERIFY(!again.start(m_dir->filePath(u"r.sqlite"_s),
                         {u"--twilio-auth-token-file"_s, m_dir->filePath(u"missing"_s)}, env));
    QCOMPARE(again.process().state(), QProcess::NotRunning);
    QCOMPARE(again.process().exitCode(), 2);
    QVERIFY2(again.log().contains("missing"), again.log().constData());
}

void TestRouterd::readsAConfigFileWhereFlagsWin()
{
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile f(m_dir->filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() ? f.fileName()
                                                                              : QString();
    };
    const QString carrier = write(u"carrier"_s, "conf-carrier-token\n");
    const QString admin = write(u"admin"_s, "conf-admin-token\n");
    // The file's listen and database lose to the command line's (RouterdProcess gives both).
    const QString conf = write(u"routerd.conf"_s, "# routerd's settings\n"
                                                  "listen = 127.0.0.1:1\n"
                                                  "database = /nonexistent/never.sqlite\n"
                                                  "twilio-auth-token-file = " +
                                                      carrier.toUtf8() +
                                                      "\n"
                                                      "admin-token-file = " +
                                                      admin.toUtf8() +
                                                      "\n"
                                                      "\n"
                                                      "quiet = true\n"
                                                      "retention-days = 30\n");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"TWILIO_AUTH_TOKEN"_s);
    env.remove(u"SWITCHBOARD_ADMIN_TOKEN"_s);
    Routerd routerd;
    QVERIFY2(routerd.start(m_dir->filePath(u"r.sqlite"_s), {u"--config"_s, conf}, env),
             routerd.log().constData());
    Http http;
    QCOMPARE(http.send("GET", routerd.base + u"/api/v1/me"_s, {},
                       {{"Authorization", "Bearer conf-admin-token"}})
                 .status,
             200);
    QCOMPARE(routerd.stop(), 0);
    QVERIFY2(!routerd.log().contains("GET /api/v1/me"), routerd.log().constData()); // quiet

    // A line that is not a setting: where, and nothing starts.
    const QString bad = write(u"bad.conf"_s, "listen = 127.0.0.1:0\nlisten-on = :8080\n");
    Routerd refused;
    QVERIFY(!refused.start(m_dir->filePath(u"r2.sqlite"_s), {u"--config"_s, bad}, env));
    QVERIFY2(refused.log().contains(
                 QByteArray(bad.toUtf8() + ":2: \"listen-on = :8080\" is not a setting")),
             refused.log().constData());
    QCOMPARE(refused.process().exitCode(), 2);
}

void TestRouterd::readsSecretsFromFiles()
{
    QFile carrier(m_dir->filePath(u"carrier"_s));
    QVERIFY(carrier.open(QIODevice::WriteOnly));
    carrier.write("file-carrier-token\n");
    carrier.close();
    QFile admin(m_dir->filePath(u"admin"_s));
    QVERIFY(admin.open(QIODevice::WriteOnly));
    admin.write("file-admin-token\n");
    admin.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"TWILIO_AUTH_TOKEN"_s);
    env.remove(u"SWITCHBOARD_ADMIN_TOKEN"_s);
    Routerd routerd;
    QVERIFY2(routerd.start(m_dir->filePath(u"r.sqlite"_s),
                           {u"--twilio-auth-token-file"_s, carrier.fileName(),
                            u"--admin-token-file"_s, admin.fileName()},
                           env),
             routerd.log().constData());
    Http http;
    QCOMPARE(http.send("GET", routerd.base + u"/api/v1/presence"_s, {},
                       {{"Authorization", "Bearer file-admin-token"}})
                 .status,
             200);
    QCOMPARE(http.send("GET", routerd.base + u"/api/v1/presence"_s, {},
                       {{"Authorization", "Bearer " + adminToken}})
                 .status,
             401);
    const FormParams call{{u"CallSid"_s, u"CA1"_s}, {u"From"_s, caller}, {u"To"_s, mainLine}};
    const QString url = routerd.base + u"/twilio/voice"_s;
    auto post = [&](const QByteArray &token) {
        return http.send("POST", url, formEncode(call),
                         {{"Content-Type", "application/x-www-form-urlencoded"},
                          {"X-Twilio-Signature", WebhookSignature::compute(token, url, call)}});
    };
    QCOMPARE(post("file-carrier-token").status, 200);
    QCOMPARE(post(carrierToken).status, 403);
    QVERIFY(!routerd.log().contains("file-carrier-token")); // secrets are never logged
}

void TestRouterd::stopsCleanlyOnSigterm()
{
    QVERIFY(startBackend());
    QCOMPARE(m_client->get(u"/healthz"_s).status, 200);
    QCOMPARE(m_routerd->stop(), 0);
    QVERIFY(m_routerd->log().contains("stopped"));
    // One line per request.
    QVERIFY2(m_routerd->log().contains("GET /healthz 200"), m_routerd->log().constData());
}

void TestRouterd::healthAndAuthentication()
{
    QVERIFY(startBackend());
    Http &http = m_client->http();
    const HttpReply health = http.send("GET", m_routerd->base + u"/healthz"_s);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.object(), (QJsonObject{{u"status"_s, u"ok"_s}, {u"revision"_s, 0}}));

    const HttpReply anonymous = http.send("GET", m_routerd->base + u"/api/v1/config"_s);
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.header("WWW-Authenticate"), QByteArray("Bearer"));
    QVERIFY(anonymous.object().value(u"error").isString());
    // A token that is neither the admin token nor a session's: sign in (again).
    const HttpReply wrong = http.send("GET", m_routerd->base + u"/api/v1/config"_s, {},
                                      {{"Authorization", "Bearer wrong"}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.header("WWW-Authenticate"), QByteArray("Bearer error=\"invalid_token\""));
    QCOMPARE(http.send("GET", m_routerd->base + u"/api/v1/config"_s, {},
                       {{"Authorization", "Bearer " + adminToken + 'x'}})
                 .status,
             401);
    QCOMPARE(m_client->get(u"/api/v1/config"_s).status, 404); // nothing pushed yet
    QCOMPARE(m_client->get(u"/api/v1/nothing"_s).status, 404);
    QCOMPARE(http.send("GET", m_routerd->base + u"/twilio/voice"_s).status, 405);
    // The scheme's name is case-insensitive.
    QCOMPARE(http.send("GET", m_routerd->base + u"/api/v1/events"_s, {},
                       {{"Authorization", "bearer " + adminToken}})
                 .status,
             200);
    QCOMPARE(http.send("GET", m_routerd->base + u"/api/v1/events"_s, {},
                       {{"Authorization", "BEARER " + adminToken}})
                 .status,
             200);

    // A database that cannot be read: /healthz says so in a sentence; the detail (the path,
    // the SQL) goes to the log only.
    const QString file = m_dir->filePath(u"routerd.sqlite"_s);
    QCOMPARE(sqliteRun(file, u"ALTER TABLE revisions RENAME TO revisions_away"_s), 0);
    const HttpReply down = http.send("GET", m_routerd->base + u"/healthz"_s);
    QCOMPARE(down.status, 503);
    QVERIFY2(!down.body.contains("revisions") && !down.body.contains(file.toUtf8()) &&
                 !down.body.contains("SELECT"),
             down.body.constData());
    QVERIFY(m_routerd->log().contains("revisions"));
    QCOMPARE(sqliteRun(file, u"ALTER TABLE revisions_away RENAME TO revisions"_s), 0);
    QCOMPARE(http.send("GET", m_routerd->base + u"/healthz"_s).status, 200);
}

// What comes back in an action URL is checked before it is used: a position far beyond the
// ring list is refused (it used to hit an assert), and a ring list naming someone the step
// does not ring rings nobody but whom the configuration allows.
void TestRouterd::callStateFromTheUrlIsChecked()
{
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            graphJson(
                u"d"_s,
                uR"("d": {"type": "dial", "config": {"steps": [{"target": {"group": "sales"}, "strategy": "sequential"}]}})"_s),
            {})) > 0);
    const QString dial = m_client->base() + u"/twilio/voice/dial?r=1&f=f&a=d&p=%1&g=%2&n=1"_s;
    const FormParams ended{{u"CallSid"_s, u"CAstate"_s},
                           {u"From"_s, caller},
                           {u"To"_s, mainLine},
                           {u"DialCallStatus"_s, u"no-answer"_s}};
    QCOMPARE(m_client->webhook(dial.arg(u"2147483647"_s, u"nancy"_s), ended).status, 400);
    QCOMPARE(m_client->webhook(dial.arg(u"-1"_s, u"nancy"_s), ended).status, 400);
    QCOMPARE(m_client->healthz(), 200); // still up
    // "maria" is not in Sales: dropped from the list, so after nancy comes johan, not her.
    const HttpReply next = m_client->webhook(dial.arg(u"0"_s, u"nancy,maria,johan"_s), ended);
    QCOMPARE(next.status, 200);
    QVERIFY2(whoRings(twimlSummary(next.body)) == u"johan"_s, qPrintable(twimlSummary(next.body)));
}

// --retention-days: events, replies no longer queued and closed conversations (with their
// texts) go after that many days; remembered answers after two; open conversations and
// queued replies stay.
void TestRouterd::retentionPrunesWhatIsPastItsTime()
{
    QString error;
    auto db = Database::open(m_dir->filePath(u"retention.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    RouterStore store(*db);
    QVERIFY2(store.prepare(&error), qPrintable(error));
    QDateTime now(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc());
    store.setClock([&] { return now; });
    auto text = [&](const QString &sid, const QString &from) {
        InboxDelivery d;
        d.kind = u"sms"_s;
        d.owner = Owner::group(u"support"_s);
        d.from = from;
        d.to = mainLine;
        d.body = u"Hello"_s;
        d.startsConversation = true;
        d.assignedTo = u"pat"_s;
        d.dedupeKey = sid;
        QVERIFY2(store.inbox().deliver(d, &error), qPrintable(error));
    };
    text(u"SMold"_s, u"+15125557001"_s);
    text(u"SMopen"_s, u"+15125557002"_s);
    QVERIFY(store.addEvent({u"unrouted"_s, caller, mainLine, u"x"_s}, &error));
    QVERIFY(store.memory().rememberAnswer(u"key"_s, "<Response/>", &error) ==
            RoutingMemory::Remembered::Kept);
    InboxStore::InboxQuery all;
    all.limit = 100;
    QString next;
    QList<InboxItem> items = store.inbox().page(all, &next, &error);
    QCOMPARE(items.size(), 2);
    const InboxItem old = items.at(0).from == u"+15125557001" ? items.at(0) : items.at(1);
    // One reply the sender has sent, one still waiting for the carrier.
    const auto sent = store.inbox().addReply(old, u"Sent"_s, &error);
    QVERIFY(sent);
    QCOMPARE(store.outbox().claimDue(u"test"_s, 60, 10, &error).size(), 1);
    QVERIFY2(store.outbox().markSent(sent->id, u"test"_s, u"SM1"_s, &error), qPrintable(error));
    QVERIFY(store.inbox().addReply(old, u"Waiting"_s, &error));
    Api::InboxChange close;
    close.closed = true;
    QVERIFY(store.inbox().changeItem(old.id, close, &error));

    // A day later: nothing goes yet.
    now = now.addDays(1);
    QCOMPARE(store.prune(90, &error), 0);
    // Three days later: the remembered answer goes.
    now = now.addDays(2);
    QCOMPARE(store.prune(90, &error), 1);
    QVERIFY(!store.memory().lookUpWebhook(u"key"_s, &error)->answer);
    // Past 90 days: the event, the sent reply, the closed conversation and its text go.
    now = now.addDays(90);
    QCOMPARE(store.prune(90, &error), 4);
    QVERIFY(store.events(QString(), 100).isEmpty());
    items = store.inbox().page(all, &next, &error);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().from, u"+15125557002"_s);
    const QList<InboxStore::SmsReply> replies = store.inbox().replies(old.id);
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.first().status, u"queued"_s);
}

// The same text (one MessageSid) arriving as a different request, say through the carrier's
// fallback URL or with another parameter: kept once, and answered, not failed.
void TestRouterd::aTextAlreadyKeptUnderAnotherSignatureIsAnsweredNot503()
{
    QVERIFY(startBackend());
    QVERIFY(m_client->push(textsToPatsInbox()) > 0);
    FormParams text{{u"MessageSid"_s, u"SMtwice"_s},
                    {u"From"_s, caller},
                    {u"To"_s, mainLine},
                    {u"Body"_s, u"Hello"_s}};
    QCOMPARE(m_client->webhook(m_client->base() + u"/twilio/sms"_s, text).status, 200);
    text.append({u"SmsStatus"_s, u"received"_s}); // another request, the same text
    const HttpReply again = m_client->webhook(m_client->base() + u"/twilio/sms"_s, text);
    QVERIFY2(again.status == 200, qPrintable(again.describe()));
    QCOMPARE(m_client->inbox(u"owner=user:pat"_s).size(), 1);
}

// The carrier sends at most 10 pictures with a text: a NumMedia of 50 keeps 10.
void TestRouterd::aTextKeepsAtMostTenPictures()
{
    QVERIFY(startBackend());
    QVERIFY(m_client->push(textsToPatsInbox()) > 0);
    FormParams text{{u"MessageSid"_s, u"SMpictures"_s},
                    {u"From"_s, caller},
                    {u"To"_s, mainLine},
                    {u"Body"_s, u"Look"_s},
                    {u"NumMedia"_s, u"50"_s}};
    for (int i = 0; i < 50; ++i)
        text.append({u"MediaUrl%1"_s.arg(i), u"https://api.example/media/%1"_s.arg(i)});
    QCOMPARE(m_client->webhook(m_client->base() + u"/twilio/sms"_s, text).status, 200);
    const QJsonArray items = m_client->inbox(u"owner=user:pat"_s);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(u"media").toArray().size(), 10);
}

void TestRouterd::pushesAreCheckedAndKept()
{
    QFETCH(int, database);
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Kind(database));
    QVERIFY(startBackend());
    const QByteArray first =
        routingDocument(graphJson(u"h"_s, uR"("h": {"type": "hangup"})"_s), {});
    // The first push needs no If-Match: there is nothing to conflict with.
    HttpReply r = m_client->api("PUT", u"/api/v1/config"_s, first);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"revision").toInt(), 1);
    QCOMPARE(r.header("ETag"), QByteArray("\"1\""));
    QVERIFY(!r.object().value(u"warnings").toArray().isEmpty()); // the spare number has no flow

    r = m_client->get(u"/api/v1/config"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("ETag"), QByteArray("\"1\""));
    const QByteArray kept = r.body;
    QVERIFY(kept.startsWith("{\n  \"format\": \"switchboard-config\""));

    // Missing If-Match once a revision exists: 428. Stale: 412 with the current revision.
    const QByteArray second =
        routingDocument(graphJson(u"g"_s, uR"("g": {"type": "greeting"})"_s), {});
    r = m_client->api("PUT", u"/api/v1/config"_s, second);
    QCOMPARE(r.status, 428);
    r = m_client->api("PUT", u"/api/v1/config"_s, second, {{"If-Match", "\"0\""}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.object().value(u"revision").toInt(), 1);
    QVERIFY(r.object().value(u"error").isString());
    r = m_client->api("PUT", u"/api/v1/config"_s, second, {{"If-Match", "\"1\""}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"revision").toInt(), 2);
    // The console that pushed revision 1 and did not see 2: refused.
    r = m_client->api("PUT", u"/api/v1/config"_s, first, {{"If-Match", "\"1\""}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.object().value(u"revision").toInt(), 2);

    // Errors: 400 with the findings; nothing changes.
    QByteArray broken = second;
    broken.replace("\"members\": [\"nancy\"", "\"members\": [\"nobody\"");
    r = m_client->api("PUT", u"/api/v1/config"_s, broken, {{"If-Match", "\"2\""}});
    QCOMPARE(r.status, 400);
    const QJsonArray errors = r.object().value(u"errors").toArray();
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().toObject().value(u"path").toString(), u"groups[0].members[0]"_s);
    QVERIFY(!errors.first().toObject().value(u"message").toString().isEmpty());
    QVERIFY(r.object().value(u"warnings").isArray());
    QCOMPARE(m_client->api("PUT", u"/api/v1/config"_s, "{not json", {{"If-Match", "\"2\""}}).status,
             400);
    QCOMPARE(m_client->revision(), 2);

    // The same checks without a change.
    r = m_client->api("POST", u"/api/v1/config/validate"_s, broken);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"valid").toBool(), false);
    QCOMPARE(r.object().value(u"errors").toArray().size(), errors.size());
    r = m_client->api("POST", u"/api/v1/config/validate"_s, second);
    QCOMPARE(r.object().value(u"valid").toBool(), true);

    // Above 32 MiB: 413.
    QByteArray huge = second;
    huge.append(QByteArray(33 * 1024 * 1024, ' '));
    QCOMPARE(m_client->api("PUT", u"/api/v1/config"_s, huge, {{"If-Match", "\"2\""}}).status, 413);
    QCOMPARE(m_client->revision(), 2);

    // Every revision is kept, newest first.
    const QJsonArray revisions = m_client->get(u"/api/v1/config/revisions"_s).array();
    QCOMPARE(revisions.size(), 2);
    QCOMPARE(revisions.at(0).toObject().value(u"revision").toInt(), 2);
    QCOMPARE(revisions.at(1).toObject().value(u"revision").toInt(), 1);
    QVERIFY(QDateTime::fromString(revisions.at(0).toObject().value(u"pushed_at").toString(),
                                  Qt::ISODateWithMs)
                .isValid());
    QCOMPARE(m_client->get(u"/api/v1/config/revisions/1"_s).body, kept);
    QCOMPARE(m_client->get(u"/api/v1/config/revisions/9"_s).status, 404);

    // Kept across a restart.
    QCOMPARE(m_routerd->stop(), 0);
    QVERIFY(startBackend());
    QCOMPARE(m_client->revision(), 2);
}

void TestRouterd::sequentialGroupEndsInTheGroupsVoicemail()
{
    QFETCH(int, database);
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Kind(database));
    QVERIFY(startBackend());
    QCOMPARE(
        m_client->push(routingDocument(
            graphJson(
                u"d"_s,
                uR"("d": {"type": "dial", "config": {"steps": [{"target": {"group": "sales"}, "strategy": "sequential", "ring_seconds": 20},
                                                                         {"target": {"number": "+15125557777"}, "ring_seconds": 25}]},
                                          "next": {"no-answer": "vm"}},
                                    "vm": {"type": "voicemail", "config": {"owner": {"group": "sales"}}})"_s),
            {})),
        1);
    Carrier carrier = m_client->carrier();
    const QString ring = u"Dial 20s>dial from +15125559999 [%1]"_s;
    QCOMPARE(
        carrier.play(QStringList{u"call"_s, u"dial:no-answer"_s, u"dial:busy"_s,
                                 u"dial:no-answer"_s, u"dial:no-answer"_s}),
        (QStringList{ring.arg(u"Client nancy, Number +15125550101"_s),
                     ring.arg(u"Number +15125550102"_s), ring.arg(u"Sip sip:vald@pbx.example"_s),
                     u"Dial 25s>dial from +15125559999 [Number +15125557777]"_s, voicemailPrompt}));
    // The Record action, as the carrier posts it when the caller is done.
    const QString recordUrl = recordAction(carrier.lastTwiml());
    QCOMPARE(carrier.play(u"record:14"_s), u"Say \"Thank you. Goodbye.\" | Hangup"_s);

    const QJsonArray items = m_client->inbox(u"owner=group:sales"_s);
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.first().toObject();
    QCOMPARE(item.value(u"kind").toString(), u"voicemail"_s);
    QCOMPARE(item.value(u"owner").toObject(), (QJsonObject{{u"group"_s, u"sales"_s}}));
    QCOMPARE(item.value(u"from").toString(), caller);
    QCOMPARE(item.value(u"to").toString(), mainLine);
    QCOMPARE(item.value(u"duration_seconds").toInt(), 14);
    QCOMPARE(item.value(u"recording_url").toString(),
             u"https://api.example/recordings/RE"_s + carrier.callSid());
    QCOMPARE(item.value(u"read").toBool(), false);
    QVERIFY(
        QDateTime::fromString(item.value(u"created_at").toString(), Qt::ISODateWithMs).isValid());

    // The carrier retries the recording (a timeout on its side): still one voicemail.
    const FormParams again{
        {u"CallSid"_s, carrier.callSid()},
        {u"AccountSid"_s, u"ACtest"_s},
        {u"From"_s, caller},
        {u"To"_s, mainLine},
        {u"RecordingSid"_s, u"RE"_s + carrier.callSid()},
        {u"RecordingDuration"_s, u"14"_s},
        {u"RecordingUrl"_s, u"https://api.example/recordings/RE"_s + carrier.callSid()}};
    QCOMPARE(m_client->webhook(recordUrl, again).status, 200);
    QCOMPARE(m_client->inbox(u"owner=group:sales"_s).size(), 1);
    QCOMPARE(m_client->inbox(u"owner=user:nancy"_s).size(), 0);
}

void TestRouterd::callDistributionExampleRotatesAcrossCalls()
{
    // The call-distribution guide: round robin among three for 40 s, then two at once for
    // 30 s, then voicemail.
    QVERIFY(startBackend());
    QVERIFY(m_client->push(
                routingDocument(graphJson(u"d"_s, uR"("d": {"type": "dial", "config": {"steps": [
                                           {"target": {"members": ["nancy", "johan", "vald"]}, "strategy": "round-robin", "ring_seconds": 40},
                                           {"target": {"members": ["nancy", "johan"]}, "strategy": "simultaneous", "ring_seconds": 30}]},
                                         "next": {"no-answer": "vm"}},
                                   "vm": {"type": "voicemail", "config": {"owner": {"user": "nancy"}}})"_s),
                                {})) > 0);
    const QString both =
        u"Dial 30s>dial from +15125559999 [Client nancy, Number +15125550101, Number +15125550102]"_s;
    const QString nancysGreeting =
        u"Say \"This is Nancy, leave a message.\" | Record 120s>record"_s;
    QStringList firstRings;
    for (int call = 0; call < 4; ++call) {
        Carrier carrier = m_client->carrier();
        const QString first = carrier.play(u"call"_s);
        QVERIFY2(first.startsWith(u"Dial 40s>dial"_s), qPrintable(first));
        firstRings.append(whoRings(first));
        // The carrier retries the call's first request: the same answer, and no extra turn.
        const HttpReply retry = m_client->webhook(m_routerd->base + u"/twilio/voice"_s,
                                                  {{u"CallSid"_s, carrier.callSid()},
                                                   {u"AccountSid"_s, u"ACtest"_s},
                                                   {u"From"_s, caller},
                                                   {u"To"_s, mainLine}});
        QCOMPARE(retry.body, carrier.lastTwiml());
        QCOMPARE(carrier.play(u"dial:no-answer"_s), both);
        QCOMPARE(carrier.play(u"dial:no-answer"_s), nancysGreeting);
        QCOMPARE(carrier.play(u"record:5"_s), u"Say \"Thank you. Goodbye.\" | Hangup"_s);
    }
    QCOMPARE(firstRings, (QStringList{u"nancy"_s, u"johan"_s, u"vald"_s, u"nancy"_s}));
    QCOMPARE(m_client->inbox(u"owner=user:nancy&kind=voicemail"_s).size(), 4);
}

void TestRouterd::stateThatCannotBeReadOrWrittenAnswers503AndKeepsNothing_data()
{
    QTest::addColumn<QString>("table"); // taken away while the request runs
    QTest::addColumn<QString>("voice"); // the main line's call flow
    QTest::addColumn<QString>("sms");   // and its SMS flow
    QTest::addColumn<QString>("token"); // what the carrier sends
    const QString ringSales =
        uR"("d": {"type": "dial", "config": {"steps": [{"target": {"group": "sales"}, "strategy": "%1"}]}})"_s;
    const QString smsRoundRobin = graphJson(
        u"i"_s,
        uR"("i": {"type": "sms-inbox", "config": {"owner": {"group": "support"}, "assign": "round-robin"}})"_s);
    // Each RoutingState question, and each write of the request.
    QTest::newRow("presence (isAvailable)")
        << u"presence"_s << graphJson(u"d"_s, ringSales.arg(u"sequential"_s)) << QString()
        << u"call"_s;
    QTest::newRow("activity (isActive)")
        << u"activity"_s << graphJson(u"d"_s, ringSales.arg(u"sequential"_s)) << QString()
        << u"call"_s;
    QTest::newRow("rotation (takeTurn)")
        << u"rotation"_s << graphJson(u"d"_s, ringSales.arg(u"round-robin"_s)) << QString()
        << u"call"_s;
    QTest::newRow("conversations (openConversation)")
        << u"conversations"_s << QString() << smsRoundRobin << u"text:Hello"_s;
    QTest::newRow("inbox (deliver)") << u"inbox"_s << QString() << smsRoundRobin << u"text:Hello"_s;
    QTest::newRow("events (an unrouted call)")
        << u"events"_s << graphJson(u"d"_s, ringSales.arg(u"sequential"_s)) << QString()
        << u"call:+15125559999:+15125550120"_s;
    QTest::newRow("webhooks (the retry lookup)")
        << u"webhooks"_s << graphJson(u"d"_s, ringSales.arg(u"round-robin"_s)) << QString()
        << u"call"_s;
}

// Whatever part of the state cannot be read or written, the carrier gets a 503 (and retries),
// and nothing of the request is half kept: no turn taken, no item, no event, no answer
// remembered. Once the database is whole again, the same kind of request goes through.
void TestRouterd::stateThatCannotBeReadOrWrittenAnswers503AndKeepsNothing()
{
    QFETCH(QString, table);
    QFETCH(QString, voice);
    QFETCH(QString, sms);
    QFETCH(QString, token);
    QVERIFY(startBackend()); // SQLite: the test can take a table away
    QVERIFY(m_client->push(routingDocument(voice, sms)) > 0);
    const QString file = m_dir->filePath(u"routerd.sqlite"_s);
    auto sql = [&](const QString &statement) { return sqliteRun(file, statement); };
    auto kept = [&] {
        int total = 0;
        for (const QString &t :
             {u"rotation"_s, u"inbox"_s, u"conversations"_s, u"events"_s, u"webhooks"_s})
            total += sql(u"SELECT COUNT(*) FROM "_s + t);
        return total;
    };
    QCOMPARE(kept(), 0);

    QCOMPARE(sql(u"ALTER TABLE %1 RENAME TO %1_away"_s.arg(table)), 0);
    Carrier carrier = m_client->carrier();
    carrier.play(token);
    QVERIFY2(carrier.lastTwiml().startsWith("HTTP 503"), carrier.lastTwiml().constData());
    QCOMPARE(sql(u"ALTER TABLE %1_away RENAME TO %1"_s.arg(table)), 0);
    QCOMPARE(kept(), 0);

    carrier.play(token);
    QVERIFY2(carrier.lastTwiml().startsWith("<?xml"), carrier.lastTwiml().constData());
    QVERIFY(kept() > 0 || table == u"presence" || table == u"activity");
}

void TestRouterd::aVoicemailThatCannotBeKeptIsKeptOnTheRetry()
{
    QVERIFY(startBackend()); // SQLite: the test can take the inbox's table away
    QVERIFY(
        m_client->push(routingDocument(
            graphJson(u"vm"_s,
                      uR"("vm": {"type": "voicemail", "config": {"owner": {"user": "pat"}}})"_s),
            {})) > 0);
    Carrier carrier = m_client->carrier();
    QCOMPARE(carrier.play(u"call"_s),
             u"Say \"Please leave a message after the tone.\" | Record 120s>record"_s);
    const QString recordUrl = recordAction(carrier.lastTwiml());
    const FormParams recording{{u"CallSid"_s, carrier.callSid()},
                               {u"From"_s, caller},
                               {u"To"_s, mainLine},
                               {u"RecordingSid"_s, u"RElost"_s},
                               {u"RecordingDuration"_s, u"9"_s},
                               {u"RecordingUrl"_s, u"https://api.example/recordings/RElost"_s}};

    const QString file = m_dir->filePath(u"routerd.sqlite"_s);
    QCOMPARE(sqliteRun(file, u"ALTER TABLE inbox RENAME TO inbox_away"_s), 0);
    const HttpReply failed = m_client->webhook(recordUrl, recording);
    QCOMPARE(failed.status, 503); // the carrier retries; nothing remembered as answered
    QVERIFY2(failed.body.contains("try again"), failed.body.constData());
    QCOMPARE(sqliteRun(file, u"ALTER TABLE inbox_away RENAME TO inbox"_s), 0);
    QCOMPARE(m_client->inbox(u"owner=user:pat"_s).size(), 0);

    // The carrier retries: this time it is kept, once.
    const HttpReply retried = m_client->webhook(recordUrl, recording);
    QCOMPARE(retried.status, 200);
    QCOMPARE(twimlSummary(retried.body), u"Say \"Thank you. Goodbye.\" | Hangup"_s);
    const QJsonArray items = m_client->inbox(u"owner=user:pat"_s);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value(u"duration_seconds").toInt(), 9);
    QCOMPARE(m_client->webhook(recordUrl, recording).status, 200);
    QCOMPARE(m_client->inbox(u"owner=user:pat"_s).size(), 1);
}

void TestRouterd::transcriptionFillsTheVoicemailsText()
{
    QFETCH(int, database);
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Kind(database));
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            graphJson(
                u"vm"_s,
                uR"("vm": {"type": "voicemail", "config": {"owner": {"user": "pat"}, "transcribe": true}})"_s),
            {})) > 0);
    Carrier carrier = m_client->carrier();
    QCOMPARE(carrier.play(u"call"_s),
             u"Say \"Please leave a message after the tone.\" | Record 120s>record transcribe"_s);
    const TwimlResponse twiml = readTwiml(carrier.lastTwiml());
    const QString callback = twiml.first(u"Record"_s)->attributes.value(u"transcribeCallback"_s);
    QVERIFY2(callback.startsWith(m_routerd->base + u"/twilio/voice/transcription?"_s),
             qPrintable(callback));
    QCOMPARE(carrier.play(u"record:20"_s), u"Say \"Thank you. Goodbye.\" | Hangup"_s);
    // Transcriptions arrive later, signed like every webhook.
    const FormParams transcription{
        {u"CallSid"_s, carrier.callSid()},
        {u"RecordingSid"_s, u"RE"_s + carrier.callSid()},
        {u"TranscriptionStatus"_s, u"completed"_s},
        {u"TranscriptionText"_s, u"Hi Pat, please call me back about the lease."_s}};
    QCOMPARE(m_client->webhook(callback, transcription, "wrong").status, 403);
    QCOMPARE(m_client->inbox(u"owner=user:pat"_s).first().toObject().value(u"body").toString(),
             QString());
    QCOMPARE(m_client->webhook(callback, transcription).status, 200);
    QCOMPARE(m_client->inbox(u"owner=user:pat"_s).first().toObject().value(u"body").toString(),
             u"Hi Pat, please call me back about the lease."_s);
}

void TestRouterd::menuWithAnInvalidKeyThenSilence()
{
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            graphJson(
                u"m"_s,
                uR"("m": {"type": "menu", "config": {"prompt": {"say": "For sales press 1"}, "timeout": 3, "attempts": 2},
                                         "next": {"1": "d"}},
                                   "d": {"type": "dial", "config": {"steps": [{"target": {"user": "pat"}, "ring_seconds": 20}]}})"_s),
            {})) > 0);
    Carrier carrier = m_client->carrier();
    const QString ask = u"Gather 3s>gather [Say \"For sales press 1\"] | Redirect>no-key"_s;
    QCOMPARE(carrier.play(QStringList{u"call"_s, u"key:4"_s, u"silence"_s}),
             (QStringList{ask, u"Say \"Sorry, that is not a valid choice.\" | "_s + ask,
                          u"Say \"Goodbye.\" | Hangup"_s}));
}

void TestRouterd::holidayTakesTheClosedBranch()
{
    // routerd in this process, its clock a second before midnight: the day's turn is tested
    // rather than waited for.
    InProcessRouterd routerd;
    QString error;
    QVERIFY2(routerd.start(m_dir->filePath(u"routerd.sqlite"_s), &error), qPrintable(error));
    routerd.now = QDateTime(QDate(2026, 7, 3), QTime(23, 59, 59), QTimeZone::utc());
    // Open around the clock, every day; today (UTC, the organization's zone) is a holiday.
    const QString allDay = u"[[\"00:00\",\"24:00\"]]"_s;
    auto document = [&](const QDate &holiday) {
        return routingDocument(
            graphJson(
                u"h"_s,
                uR"("h": {"type": "hours", "config": {"weekly": {"mon": %1, "tue": %1, "wed": %1, "thu": %1, "fri": %1, "sat": %1, "sun": %1},
                                                                 "holidays": [{"date": "%2", "name": "Founders' Day"}]},
                                       "next": {"open": "o", "closed": "c"}},
                                 "o": {"type": "greeting", "config": {"prompt": {"say": "We are open"}}},
                                 "c": {"type": "greeting", "config": {"prompt": {"say": "Closed for the holiday"}}})"_s
                    .arg(allDay, holiday.toString(Qt::ISODate))),
            {});
    };
    const QDate today = routerd.now.date();
    QVERIFY(routerd.push(document(today)) > 0);
    Carrier carrier = routerd.carrier();
    QCOMPARE(carrier.play(u"call"_s), u"Say \"Closed for the holiday\" | Hangup"_s);
    QVERIFY(routerd.push(document(today.addDays(1))) > 0);
    QCOMPARE(carrier.play(u"call"_s), u"Say \"We are open\" | Hangup"_s);
    // Two seconds later it is tomorrow, the holiday.
    routerd.now = routerd.now.addSecs(2);
    QCOMPARE(carrier.play(u"call"_s), u"Say \"Closed for the holiday\" | Hangup"_s);
}

void TestRouterd::blockedCallerIsRejectedAndLogged()
{
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            graphJson(u"g"_s, uR"("g": {"type": "greeting"})"_s),
            graphJson(
                u"in"_s,
                uR"("in": {"type": "sms-inbox", "config": {"owner": {"group": "sales"}}})"_s))) >
        0);
    Carrier carrier = m_client->carrier();
    QCOMPARE(carrier.play(u"call:+15125556666"_s), u"Reject"_s);
    QCOMPARE(carrier.play(u"text:+15125556666:buy now"_s), QString());
    const QJsonArray blocked = m_client->events(u"blocked"_s);
    QCOMPARE(blocked.size(), 2);
    QCOMPARE(blocked.at(0).toObject().value(u"from").toString(), u"+15125556666"_s);
    QVERIFY(m_client->inbox(u"owner=group:sales"_s).isEmpty()); // the text was dropped
    QVERIFY(m_client->events(u"unrouted"_s).isEmpty());
}

void TestRouterd::unroutedCallsAndTextsAppearInEvents()
{
    QVERIFY(startBackend());
    Carrier carrier = m_client->carrier();
    // Before any push the call is refused politely, never with a server error.
    QCOMPARE(carrier.play(u"call"_s), u"Reject"_s);
    QVERIFY(m_client->push(
                routingDocument(graphJson(u"g"_s, uR"("g": {"type": "greeting"})"_s), {})) > 0);
    QCOMPARE(carrier.play(u"call:+15125550111:+15125550120"_s), u"Reject"_s); // no flow
    QCOMPARE(carrier.play(u"call:+15125550112:+15125550130"_s), u"Reject"_s); // texts only
    QCOMPARE(carrier.play(u"text:hello"_s), QString());                       // f has no SMS graph
    const QJsonArray unrouted = m_client->events(u"unrouted"_s);
    QCOMPARE(unrouted.size(), 4);
    QCOMPARE(unrouted.at(0).toObject().value(u"to").toString(), mainLine); // newest first
    QCOMPARE(unrouted.at(1).toObject().value(u"to").toString(), u"+15125550130"_s);
    QCOMPARE(unrouted.at(2).toObject().value(u"to").toString(), u"+15125550120"_s);
    QCOMPARE(unrouted.at(2).toObject().value(u"from").toString(), u"+15125550111"_s);
    QVERIFY(!unrouted.at(2).toObject().value(u"detail").toString().isEmpty());
    QCOMPARE(m_client->get(u"/api/v1/events?kind=unrouted&limit=2"_s)
                 .object()
                 .value(u"events")
                 .toArray()
                 .size(),
             2);
}

void TestRouterd::textsByKeywordReachTheGroupInboxInTurn()
{
    QFETCH(int, database);
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Kind(database));
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            {},
            graphJson(
                u"k"_s,
                uR"("k": {"type": "keyword", "config": {"keywords": ["SALES", "SUPPORT"], "prompt": "Reply SALES or SUPPORT."},
                                             "next": {"SUPPORT": "ack"}},
                                       "ack": {"type": "sms-reply", "config": {"body": "Support will text you back."}, "next": {"next": "in"}},
                                       "in": {"type": "sms-inbox", "config": {"owner": {"group": "support"}, "assign": "round-robin"}})"_s))) >
        0);
    Carrier carrier = m_client->carrier();
    const QString ack = u"Message \"Support will text you back.\""_s;
    QCOMPARE(carrier.play(u"text:+15125551001:support: my sink leaks"_s), ack);
    QCOMPARE(carrier.play(u"text:+15125551002:SUPPORT please"_s), ack);
    QCOMPARE(carrier.play(u"text:+15125551001:support: still leaking"_s), ack);
    QCOMPARE(carrier.play(u"text:+15125551003:Support"_s), ack);
    QCOMPARE(carrier.play(u"text:+15125551004:hello?"_s), u"Message \"Reply SALES or SUPPORT.\""_s);

    const QJsonArray items = m_client->inbox(u"owner=group:support&kind=sms"_s);
    QCOMPARE(items.size(), 4); // newest first
    auto assigned = [&](int i) { return items.at(i).toObject().value(u"assigned_to").toString(); };
    auto from = [&](int i) { return items.at(i).toObject().value(u"from").toString(); };
    QCOMPARE(from(3), u"+15125551001"_s);
    QCOMPARE(assigned(3), u"maria"_s);
    QCOMPARE(assigned(2), u"pat"_s);
    QCOMPARE(assigned(1), u"maria"_s); // the same conversation keeps its assignee
    QCOMPARE(items.at(1).toObject().value(u"conversation"),
             items.at(3).toObject().value(u"conversation"));
    QCOMPARE(assigned(0), u"maria"_s); // johan takes no texts: after pat, maria again
    QCOMPARE(items.at(2).toObject().value(u"body").toString(), u"SUPPORT please"_s);

    // The carrier retries a text: one item, and the same reply.
    const FormParams retry{{u"MessageSid"_s, u"SMretry1"_s},
                           {u"From"_s, u"+15125551005"_s},
                           {u"To"_s, mainLine},
                           {u"Body"_s, u"support"_s},
                           {u"NumMedia"_s, u"0"_s}};
    const HttpReply first = m_client->webhook(m_routerd->base + u"/twilio/sms"_s, retry);
    const HttpReply second = m_client->webhook(m_routerd->base + u"/twilio/sms"_s, retry);
    QCOMPARE(first.status, 200);
    QCOMPARE(second.body, first.body);
    QCOMPARE(m_client->inbox(u"owner=group:support"_s).size(), 5);
}

void TestRouterd::pushDuringACallKeepsItsRevision()
{
    QVERIFY(startBackend());
    auto document = [](const QString &sayOnOne) {
        return routingDocument(
            graphJson(
                u"m"_s,
                uR"("m": {"type": "menu", "config": {"prompt": {"say": "Press 1"}}, "next": {"1": "g"}},
                                                    "g": {"type": "greeting", "config": {"prompt": {"say": "%1"}}})"_s
                    .arg(sayOnOne)),
            {});
    };
    QCOMPARE(m_client->push(document(u"Version one"_s)), 1);
    Carrier during = m_client->carrier();
    QVERIFY(during.play(u"call"_s).startsWith(u"Gather"_s));
    QCOMPARE(m_client->push(document(u"Version two"_s)), 2);
    QCOMPARE(during.play(u"key:1"_s),
             u"Say \"Version one\" | Hangup"_s); // the call keeps revision 1
    Carrier after = m_client->carrier();
    QVERIFY(after.play(u"call"_s).startsWith(u"Gather"_s));
    QCOMPARE(after.play(u"key:1"_s), u"Say \"Version two\" | Hangup"_s);
}

void TestRouterd::forgedAndUnsignedWebhooksChangeNothing()
{
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            graphJson(u"vm"_s,
                      uR"("vm": {"type": "voicemail", "config": {"owner": {"group": "sales"}}})"_s),
            graphJson(
                u"in"_s,
                uR"("in": {"type": "sms-inbox", "config": {"owner": {"group": "sales"}}})"_s))) >
        0);
    const QString sms = m_routerd->base + u"/twilio/sms"_s;
    const FormParams text{{u"MessageSid"_s, u"SMforged"_s},
                          {u"From"_s, caller},
                          {u"To"_s, mainLine},
                          {u"Body"_s, u"hi"_s}};
    Http &http = m_client->http();
    const Headers form{{"Content-Type", "application/x-www-form-urlencoded"}};
    // Unsigned.
    QCOMPARE(http.send("POST", sms, formEncode(text), form).status, 403);
    // Signed with another token.
    QCOMPARE(m_client->webhook(sms, text, "not-the-token").status, 403);
    // Signed for other parameters (the body was changed on the way).
    FormParams changed = text;
    changed[3].second = u"hi!"_s;
    QCOMPARE(http.send("POST", sms, formEncode(changed),
                       form + Headers{{"X-Twilio-Signature",
                                       WebhookSignature::compute(carrierToken, sms, text)}})
                 .status,
             403);
    // Signed for another URL (another backend, or the query changed).
    QCOMPARE(
        http.send("POST", sms, formEncode(text),
                  form + Headers{{"X-Twilio-Signature",
                                  WebhookSignature::compute(carrierToken, sms + u"?x=1"_s, text)}})
            .status,
        403);
    // A recording for a call forged into a continuation URL.
    const QString record = m_routerd->base + u"/twilio/voice/record?r=1&f=f&a=vm&n=1&o=1"_s;
    const FormParams recording{{u"CallSid"_s, u"CAforged"_s},
                               {u"From"_s, caller},
                               {u"To"_s, mainLine},
                               {u"RecordingUrl"_s, u"https://evil.example/r.mp3"_s},
                               {u"RecordingDuration"_s, u"9"_s}};
    QCOMPARE(http.send("POST", record, formEncode(recording), form).status, 403);
    QCOMPARE(m_client->webhook(record, recording, "forged").status, 403);

    QVERIFY(m_client->inbox(QString()).isEmpty());
    QVERIFY(m_client->events(QString()).isEmpty());
    // The same requests, signed: accepted, which shows the refusals were about the signature.
    QCOMPARE(m_client->webhook(sms, text).status, 200);
    QCOMPARE(m_client->webhook(record, recording).status, 200);
    QCOMPARE(m_client->inbox(QString()).size(), 2);
}

void TestRouterd::inboxItemsAreReadArchivedAssignedAndDeleted()
{
    QFETCH(int, database);
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Kind(database));
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            {},
            graphJson(
                u"in"_s,
                uR"("in": {"type": "sms-inbox", "config": {"owner": {"group": "sales"}}})"_s))) >
        0);
    Carrier carrier = m_client->carrier();
    for (int i = 0; i < 7; ++i)
        QCOMPARE(carrier.play(u"text:message %1"_s.arg(i)), QString());

    // Pages of 3, newest first, until next is null.
    QStringList bodies;
    QString cursor;
    int pages = 0;
    do {
        const QJsonObject page = m_client
                                     ->get(u"/api/v1/inbox?owner=group:sales&limit=3"_s +
                                           (cursor.isEmpty() ? QString() : u"&before="_s + cursor))
                                     .object();
        for (const QJsonValue &item : page.value(u"items").toArray())
            bodies.append(item.toObject().value(u"body").toString());
        cursor = page.value(u"next").toString();
        QVERIFY(page.value(u"next").isNull() || page.value(u"next").isString());
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(bodies, (QStringList{u"message 6"_s, u"message 5"_s, u"message 4"_s, u"message 3"_s,
                                  u"message 2"_s, u"message 1"_s, u"message 0"_s}));

    const QString id =
        m_client->inbox(u"owner=group:sales&limit=1"_s).first().toObject().value(u"id").toString();
    HttpReply r = m_client->api("PATCH", u"/api/v1/inbox/"_s + id,
                                R"({"read": true, "assigned_to": "johan"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"read").toBool(), true);
    QCOMPARE(r.object().value(u"assigned_to").toString(), u"johan"_s);
    QCOMPARE(m_client->inbox(u"owner=group:sales&unread=true"_s).size(), 6);
    QCOMPARE(m_client
                 ->api("PATCH", u"/api/v1/inbox/"_s + id,
                       R"({"archived": true, "closed": true, "assigned_to": null})")
                 .object()
                 .value(u"assigned_to"),
             QJsonValue(QJsonValue::Null));
    r = m_client->get(u"/api/v1/inbox/"_s + id);
    QCOMPARE(r.object().value(u"archived").toBool(), true);
    QCOMPARE(r.object().value(u"closed").toBool(), true);
    QCOMPARE(m_client->api("PATCH", u"/api/v1/inbox/"_s + id, R"({"read": "yes"})").status, 400);
    QCOMPARE(m_client->api("PATCH", u"/api/v1/inbox/"_s + id, R"({"colour": "red"})").status, 400);
    // Counts of what is not archived, by kind: the console's unread badges.
    QJsonObject counts = m_client->get(u"/api/v1/inbox/counts?owner=group:sales&owner=user:nancy"_s)
                             .object()
                             .value(u"counts"_s)
                             .toObject();
    QCOMPARE(counts.value(u"group:sales").toObject().value(u"sms").toObject(),
             (QJsonObject{{u"total"_s, 6}, {u"unread"_s, 6}}));
    QCOMPARE(counts.value(u"user:nancy").toObject().value(u"voicemail").toObject(),
             (QJsonObject{{u"total"_s, 0}, {u"unread"_s, 0}}));
    QCOMPARE(m_client->inbox(u"owner=group:sales&archived=true"_s).size(), 1);
    QCOMPARE(m_client->inbox(u"owner=group:sales&archived=false"_s).size(), 6);
    QCOMPARE(m_client->get(u"/api/v1/inbox/counts?owner=nobody"_s).status, 400);

    // Without a carrier account a reply is refused, saying what to configure, and nothing is
    // kept (tst_carrier sends them).
    r = m_client->api("POST", u"/api/v1/inbox/"_s + id + u"/reply"_s,
                      R"({"body": "We are on it."})");
    QCOMPARE(r.status, 409);
    QVERIFY2(r.object().value(u"error").toString().contains(u"--carrier-account-sid"),
             qPrintable(r.describe()));
    QVERIFY(m_client->get(u"/api/v1/inbox/"_s + id + u"/replies"_s)
                .object()
                .value(u"replies")
                .toArray()
                .isEmpty());
    QCOMPARE(
        m_client->api("POST", u"/api/v1/inbox/"_s + id + u"/reply"_s, R"({"body": "  "})").status,
        400);

    QCOMPARE(m_client->api("DELETE", u"/api/v1/inbox/"_s + id).status, 204);
    QCOMPARE(m_client->get(u"/api/v1/inbox/"_s + id).status, 404);
    QCOMPARE(m_client->api("PATCH", u"/api/v1/inbox/"_s + id, R"({"read": true})").status, 404);
    QCOMPARE(m_client->inbox(u"owner=group:sales"_s).size(), 6);
    QCOMPARE(m_client->get(u"/api/v1/inbox?owner=team:sales"_s).status, 400);
    QCOMPARE(m_client->get(u"/api/v1/inbox?before=garbage!"_s).status, 400);
}

void TestRouterd::presenceDecidesWhoRings()
{
    QFETCH(int, database);
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Kind(database));
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            graphJson(
                u"d"_s,
                uR"("d": {"type": "dial", "config": {"steps": [{"target": {"group": "sales"}, "strategy": "simultaneous", "ring_seconds": 20}]}})"_s),
            {})) > 0);
    // No presence kept: everyone available and active.
    QJsonObject users = m_client->get(u"/api/v1/presence"_s).object().value(u"users").toObject();
    QCOMPARE(users.value(u"nancy").toObject().value(u"available").toBool(), true);
    QCOMPARE(
        users.value(u"nancy").toObject().value(u"groups").toObject().value(u"sales").toObject(),
        (QJsonObject{{u"voice"_s, true}, {u"sms"_s, true}}));
    Carrier carrier = m_client->carrier();
    QCOMPARE(whoRings(carrier.play(u"call"_s)), u"nancy+johan+vald"_s);

    HttpReply r = m_client->api("PUT", u"/api/v1/presence/johan"_s, R"({"available": false})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"available").toBool(), false);
    r = m_client->api("PUT", u"/api/v1/presence/vald"_s,
                      R"({"groups": {"sales": {"voice": false}}})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"groups").toObject().value(u"sales").toObject(),
             (QJsonObject{{u"voice"_s, false}, {u"sms"_s, true}}));
    QCOMPARE(whoRings(carrier.play(u"call"_s)), u"nancy"_s);

    users = m_client->get(u"/api/v1/presence"_s).object().value(u"users").toObject();
    QCOMPARE(users.value(u"johan").toObject().value(u"available").toBool(), false);
    QCOMPARE(users.value(u"vald").toObject().value(u"available").toBool(), true);
    QCOMPARE(m_client->api("PUT", u"/api/v1/presence/johan"_s, R"({"available": "no"})").status,
             400);
    QCOMPARE(m_client->api("PUT", u"/api/v1/presence/johan"_s, R"({"available": true})").status,
             200);
    QCOMPARE(whoRings(carrier.play(u"call"_s)), u"nancy+johan"_s);
}

void TestRouterd::signaturesFromTheCarriersOwnLibrary()
{
    const QString script = QStringLiteral(SWITCHBOARD_SOURCE_DIR) + u"/tests/node/sign.js"_s;
    const bool haveLibrary = QFile::exists(QStringLiteral(SWITCHBOARD_SOURCE_DIR) +
                                           u"/tests/node/node_modules/twilio/package.json"_s);
    if (!haveLibrary) {
        if (qEnvironmentVariableIntValue("SWITCHBOARD_REQUIRE_NODE"))
            QFAIL("the twilio npm package is not installed in tests/node (npm ci --prefix "
                  "tests/node)");
        QSKIP("the twilio npm package is not installed in tests/node (npm ci --prefix tests/node)");
    }
    QVERIFY(startBackend());
    QVERIFY(
        m_client->push(routingDocument(
            graphJson(
                u"m"_s,
                uR"("m": {"type": "menu", "config": {"prompt": {"say": "Press 1"}}, "next": {"1": "g"}},
                                   "g": {"type": "greeting", "config": {"prompt": {"say": "Signed & sealed"}}})"_s),
            {})) > 0);
    auto sign = [&](const QString &url, const FormParams &params) {
        QJsonObject object;
        for (const auto &[k, v] : params)
            object.insert(k, v);
        QProcess node;
        node.start(u"node"_s, {script});
        node.write(QJsonDocument(QJsonObject{{u"token"_s, QString::fromLatin1(carrierToken)},
                                             {u"url"_s, url},
                                             {u"params"_s, object}})
                       .toJson(QJsonDocument::Compact));
        node.closeWriteChannel();
        node.waitForFinished(30000);
        if (node.exitCode() != 0)
            qWarning("node: %s", node.readAllStandardError().constData());
        return node.readAllStandardOutput().trimmed();
    };
    auto post = [&](const QString &url, const FormParams &params, const QByteArray &signature) {
        return m_client->http().send("POST", url, formEncode(params),
                                     {{"Content-Type", "application/x-www-form-urlencoded"},
                                      {"X-Twilio-Signature", signature}});
    };

    // A call arrives, with the parameters the carrier really sends (spaces, plus signs,
    // accents, an empty value).
    const QString voice = m_routerd->base + u"/twilio/voice"_s;
    const FormParams call{{u"AccountSid"_s, u"AC0123456789abcdef0123456789abcdef"_s},
                          {u"ApiVersion"_s, u"2010-04-01"_s},
                          {u"CallSid"_s, u"CAnode1"_s},
                          {u"CallStatus"_s, u"ringing"_s},
                          {u"Called"_s, mainLine},
                          {u"CallerName"_s, u"Zoë O'Brien & Co"_s},
                          {u"CallerCity"_s, QString()},
                          {u"Direction"_s, u"inbound"_s},
                          {u"From"_s, caller},
                          {u"To"_s, mainLine}};
    const QByteArray signature = sign(voice, call);
    QCOMPARE(signature.size(), 28);                                            // base64 of 20 bytes
    QCOMPARE(signature, WebhookSignature::compute(carrierToken, voice, call)); // both sides agree
    const HttpReply accepted = post(voice, call, signature);
    QCOMPARE(accepted.status, 200);
    const TwimlResponse twiml = readTwiml(accepted.body);
    QVERIFY(twiml.first(u"Gather"_s));

    // Names the carrier's library sorts by UTF-16 code unit where UTF-8 bytes would sort them
    // the other way round: U+1F600 (a surrogate pair, D83D DE00) before U+FF21 (bytes F0… after
    // EF…).
    FormParams custom = call;
    custom[2].second = u"CAnode2"_s;
    custom.append({u"X\U0001F600"_s, u"smile"_s});
    custom.append({u"X\uFF21"_s, u"wide"_s});
    const QByteArray customSignature = sign(voice, custom);
    QCOMPARE(customSignature, WebhookSignature::compute(carrierToken, voice, custom));
    QMessageAuthenticationCode byBytes(QCryptographicHash::Sha1, carrierToken);
    QList<std::pair<QByteArray, QByteArray>> inBytes;
    for (const auto &[name, value] : custom)
        inBytes.append({name.toUtf8(), value.toUtf8()});
    std::sort(inBytes.begin(), inBytes.end());
    byBytes.addData(voice.toUtf8());
    for (const auto &[name, value] : std::as_const(inBytes)) {
        byBytes.addData(name);
        byBytes.addData(value);
    }
    QVERIFY(byBytes.result().toBase64() != customSignature); // the order matters here
    QCOMPARE(post(voice, custom, customSignature).status, 200);

    // The continuation URL the backend wrote (its query carries the call's state).
    const QString gather = twiml.first(u"Gather"_s)->attributes.value(u"action"_s);
    FormParams key = call;
    key.append({u"Digits"_s, u"1"_s});
    const HttpReply next = post(gather, key, sign(gather, key));
    QCOMPARE(next.status, 200);
    QCOMPARE(twimlSummary(next.body), u"Say \"Signed & sealed\" | Hangup"_s);

    // A one-character change in any parameter, name or value, or in the URL: refused.
    const QByteArray keySignature = sign(gather, key);
    for (qsizetype i = 0; i < key.size(); ++i) {
        FormParams value = key;
        value[i].second += u'x';
        QCOMPARE(post(gather, value, keySignature).status, 403);
        FormParams name = key;
        name[i].first += u'x';
        QCOMPARE(post(gather, name, keySignature).status, 403);
    }
    QCOMPARE(post(gather + u"&n=99"_s, key, keySignature).status, 403);
    QString otherUrl = gather;
    otherUrl.replace(u"a=m"_s, u"a=g"_s);
    QVERIFY(otherUrl != gather);
    QCOMPARE(post(otherUrl, key, keySignature).status, 403);
    QCOMPARE(post(gather, key, keySignature).status, 200); // unchanged: still fine
}

// Two routerd on one fresh PostgreSQL database, started at the same moment, both come up:
// the migrations take turns under an advisory lock.
void TestRouterd::instancesStartedTogetherOnAFreshPostgresAllComeUp()
{
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Postgres);
    for (int round = 0; round < 3; ++round) {
        ScratchDatabase database(ScratchDatabase::Postgres);
        QVERIFY2(database.isValid(), qPrintable(database.error()));
        Routerd one;
        Routerd two;
        one.launch(database.location());
        two.launch(database.location());
        QVERIFY2(one.waitUntilListening(), one.log().constData());
        QVERIFY2(two.waitUntilListening(), two.log().constData());
        QCOMPARE(Client(one.base).revision(), 0);
        QCOMPARE(Client(two.base).revision(), 0);
    }
}

namespace {
// Two backends on one fresh PostgreSQL database with a configuration pushed, both behind the
// same public URL (as behind one reverse proxy): the carrier's request, and its retry, may go
// to either.
struct TwoOnPostgres
{
    static inline const QString publicUrl = u"https://phones.example"_s;
    ScratchDatabase database{ScratchDatabase::Postgres};
    Routerd one;
    Routerd two;
    std::unique_ptr<Client> a;
    std::unique_ptr<Client> b;
    Http http;

    bool start(const QByteArray &document)
    {
        const QStringList options{u"--quiet"_s, u"--public-url"_s, publicUrl};
        if (!database.isValid() || !one.start(database.location(), options) ||
            !two.start(database.location(), options))
            return false;
        a = std::make_unique<Client>(one.base);
        b = std::make_unique<Client>(two.base);
        return a->push(document) == 1 && b->revision() == 1;
    }
    // The carrier's signed request for `path`, sent to one of them.
    QNetworkReply *send(const Routerd &to, const QString &path, const FormParams &params)
    {
        return http.start("POST", to.base + path, formEncode(params),
                          {{"Content-Type", "application/x-www-form-urlencoded"},
                           {"X-Twilio-Signature",
                            WebhookSignature::compute(carrierToken, publicUrl + path, params)}});
    }
    // The same request to both at once; both answers.
    std::pair<HttpReply, HttpReply> both(const QString &path, const FormParams &params)
    {
        QNetworkReply *first = send(one, path, params);
        QNetworkReply *second = send(two, path, params);
        return {Http::finish(first), Http::finish(second)};
    }
};
} // namespace

// A text the carrier delivers to both instances at the same moment (a retry racing the
// original): kept once, and neither answers with an error.
void TestRouterd::theSameTextOnBothInstancesIsKeptOnce()
{
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Postgres);
    TwoOnPostgres routerd;
    QVERIFY(routerd.start(textsToPatsInbox()));
    for (int round = 0; round < 20; ++round) {
        const FormParams text{{u"MessageSid"_s, u"SMrace%1"_s.arg(round)},
                              {u"From"_s, caller},
                              {u"To"_s, mainLine},
                              {u"Body"_s, u"Hello %1"_s.arg(round)}};
        const auto [first, second] = routerd.both(u"/twilio/sms"_s, text);
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        QVERIFY2(second.status == 200, qPrintable(second.describe()));
        QCOMPARE(routerd.a->inbox(u"owner=user:pat&limit=100"_s).size(), round + 1);
    }
}

// sms_max_open_per_agent is 1 and six customers text at the same moment, three through each
// instance: each member of the group gets one conversation, the other four wait in the
// queue, and none is lost.
void TestRouterd::aCapOfOneHoldsWithSixTextsAtOnce()
{
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Postgres);
    TwoOnPostgres routerd;
    QVERIFY(routerd.start(routingDocument(
        {},
        graphJson(
            u"i"_s,
            uR"("i": {"type": "sms-inbox", "config": {"owner": {"group": "support"}, "assign": "round-robin"}})"_s),
        1)));
    for (int round = 0; round < 8; ++round) {
        QList<QNetworkReply *> inFlight;
        for (int t = 0; t < 6; ++t)
            inFlight.append(routerd.send(t % 2 ? routerd.two : routerd.one, u"/twilio/sms"_s,
                                         {{u"MessageSid"_s, u"SMcap%1x%2"_s.arg(round).arg(t)},
                                          {u"From"_s, u"+1512555%1"_s.arg(7000 + round * 10 + t)},
                                          {u"To"_s, mainLine},
                                          {u"Body"_s, u"Hi"_s}}));
        for (QNetworkReply *reply : inFlight) {
            const HttpReply r = Http::finish(reply);
            QVERIFY2(r.status == 200, qPrintable(r.describe()));
        }
        const QJsonArray items = routerd.a->inbox(u"owner=group:support&limit=100"_s);
        QHash<QString, int> open;
        int kept = 0;
        for (const QJsonValue &v : items) {
            const QJsonObject item = v.toObject();
            if (item.value(u"closed").toBool())
                continue;
            ++kept;
            if (!item.value(u"assigned_to").isNull())
                ++open[item.value(u"assigned_to").toString()];
        }
        QCOMPARE(kept, 6);                                                     // none lost
        QCOMPARE(open, (QHash<QString, int>{{u"maria"_s, 1}, {u"pat"_s, 1}})); // nobody over 1
        // Close them all for the next round.
        for (const QJsonValue &v : items) {
            const QJsonObject item = v.toObject();
            if (!item.value(u"closed").toBool())
                QCOMPARE(routerd.a
                             ->api("PATCH", u"/api/v1/inbox/"_s + item.value(u"id").toString(),
                                   R"({"closed": true})")
                             .status,
                         200);
        }
    }
}

// Two people change the same user's presence at the same moment through the two instances,
// each a different field: both changes stay.
void TestRouterd::presenceChangedOnBothAtOnceKeepsEveryField()
{
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Postgres);
    TwoOnPostgres routerd;
    QVERIFY(routerd.start(routingDocument({}, {})));
    for (int round = 0; round < 20; ++round) {
        const bool value = round % 2 == 1;
        const QByteArray text = value ? "true" : "false";
        QNetworkReply *voice = routerd.http.start(
            "PUT", routerd.one.base + u"/api/v1/presence/nancy"_s,
            R"({"groups": {"sales": {"voice": )" + text + "}}}", routerd.a->admin());
        QNetworkReply *sms = routerd.http.start(
            "PUT", routerd.two.base + u"/api/v1/presence/nancy"_s,
            R"({"groups": {"sales": {"sms": )" + text + "}}}", routerd.b->admin());
        QNetworkReply *available =
            routerd.http.start("PUT", routerd.two.base + u"/api/v1/presence/nancy"_s,
                               R"({"available": )" + text + "}", routerd.b->admin());
        for (QNetworkReply *reply : {voice, sms, available})
            QCOMPARE(Http::finish(reply).status, 200);
        const QJsonObject nancy = routerd.a->get(u"/api/v1/presence"_s)
                                      .object()
                                      .value(u"users"_s)
                                      .toObject()
                                      .value(u"nancy"_s)
                                      .toObject();
        const QJsonObject sales = nancy.value(u"groups").toObject().value(u"sales").toObject();
        QCOMPARE(sales.value(u"voice").toBool(), value);
        QCOMPARE(sales.value(u"sms").toBool(), value);
        QCOMPARE(nancy.value(u"available").toBool(), value);
    }
}

// The first request of each call goes to both instances at the same moment (the carrier's
// retry racing its original): one turn is taken, both answer the same, and over the calls the
// round robin stays exact.
void TestRouterd::firstRequestsRetriedOnBothAtOnceKeepTheRotationExact()
{
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Postgres);
    TwoOnPostgres routerd;
    QVERIFY(routerd.start(routingDocument(
        graphJson(
            u"d"_s,
            uR"("d": {"type": "dial", "config": {"steps": [{"target": {"group": "sales"}, "strategy": "round-robin", "ring_seconds": 20}]}})"_s),
        {})));
    QStringList rung;
    for (int call = 0; call < 30; ++call) {
        const auto [first, second] = routerd.both(
            u"/twilio/voice"_s,
            {{u"CallSid"_s, u"CAretry%1"_s.arg(call)}, {u"From"_s, caller}, {u"To"_s, mainLine}});
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        QVERIFY2(second.status == 200, qPrintable(second.describe()));
        QCOMPARE(first.body, second.body); // one turn, one answer
        rung.append(whoRings(twimlSummary(first.body)));
    }
    QHash<QString, int> share;
    for (qsizetype i = 0; i < rung.size(); ++i) {
        ++share[rung.at(i)];
        if (i > 0)
            QVERIFY2(rung.at(i) != rung.at(i - 1),
                     qPrintable(u"call %1 rang %2 again"_s.arg(i).arg(rung.at(i))));
    }
    QCOMPARE(share, (QHash<QString, int>{{u"nancy"_s, 10}, {u"johan"_s, 10}, {u"vald"_s, 10}}));
}

void TestRouterd::twoBackendsShareTheRotationOnPostgres()
{
    SWITCHBOARD_NEED_POSTGRES(ScratchDatabase::Postgres);
    ScratchDatabase database(ScratchDatabase::Postgres);
    QVERIFY2(database.isValid(), qPrintable(database.error()));
    Routerd one;
    Routerd two;
    QVERIFY2(one.start(database.location()), one.log().constData());
    QVERIFY2(two.start(database.location()), two.log().constData());
    Client a(one.base);
    Client b(two.base);
    QCOMPARE(
        a.push(routingDocument(
            graphJson(
                u"d"_s,
                uR"("d": {"type": "dial", "config": {"steps": [{"target": {"group": "sales"}, "strategy": "round-robin", "ring_seconds": 20}]}})"_s),
            {})),
        1);
    QCOMPARE(b.revision(), 1); // the other backend sees the push

    // 100 calls, alternately to each backend.
    QStringList rung;
    for (int call = 0; call < 100; ++call) {
        Carrier carrier = (call % 2 ? b : a).carrier();
        const QString first = carrier.play(u"call"_s);
        QVERIFY2(first.startsWith(u"Dial"_s), qPrintable(first));
        rung.append(whoRings(first));
    }
    QHash<QString, int> share;
    for (qsizetype i = 0; i < rung.size(); ++i) {
        ++share[rung.at(i)];
        if (i > 0)
            QVERIFY2(rung.at(i) != rung.at(i - 1),
                     qPrintable(u"call %1 rang %2 again"_s.arg(i).arg(rung.at(i))));
    }
    QCOMPARE(share.size(), 3);
    for (auto it = share.cbegin(); it != share.cend(); ++it)
        QVERIFY2(it.value() >= 33 && it.value() <= 34,
                 qPrintable(u"%1 rang %2 times"_s.arg(it.key()).arg(it.value())));

    // Both at once: 60 calls in flight together, 30 to each backend. The turns are taken
    // atomically, so the share stays exact.
    QList<QNetworkReply *> inFlight;
    for (int call = 0; call < 60; ++call) {
        Client &client = call % 2 ? b : a;
        inFlight.append(client.startWebhook(
            client.base() + u"/twilio/voice"_s,
            {{u"CallSid"_s, u"CAburst%1"_s.arg(call)}, {u"From"_s, caller}, {u"To"_s, mainLine}}));
    }
    QHash<QString, int> burst;
    for (QNetworkReply *reply : inFlight) {
        const HttpReply r = Http::finish(reply);
        QCOMPARE(r.status, 200);
        ++burst[whoRings(twimlSummary(r.body))];
    }
    QCOMPARE(burst, (QHash<QString, int>{{u"nancy"_s, 20}, {u"johan"_s, 20}, {u"vald"_s, 20}}));
    QCOMPARE(one.stop(), 0);
    QCOMPARE(two.stop(), 0);
}

QTEST_GUILESS_MAIN(TestRouterd)
#include "tst_routerd.moc"
