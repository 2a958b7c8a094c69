// Sign-in and roles in switchboard-routerd (core/server/API.md, "Sign-in and roles"): over
// real HTTP to the real binary, every route of the role table for an admin, a manager and an
// agent; sign-in by e-mail or id, the same refusal for a wrong password and an unknown login,
// the lockout after five failures, sign-out, sessions ending with their user, their role or
// their password; managers' pushes; and no secret kept in the database or the log. What
// needs the clock (30 days unused, the end of a lockout) runs in this process on a clock the
// test sets.

#include "carrier.h"
#include "config/configdocument.h"
#include "fakecarrier.h"
#include "httpclient.h"
#include "routerdprocess.h"
#include "server/routerserver.h"
#include "server/signature.h"
#include "store/database.h"
#include "store/routerstore.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {

// The routing tests' organization with roles, e-mail addresses, a third group (billing: pat
// only) and texts routed by their first word to each group's inbox and to two people's.
Organization accessOrganization()
{
    const QString sms = graphJson(
        u"k"_s,
        uR"("k": {"type": "keyword", "config": {"keywords": ["SALES", "SUPPORT", "BILLING", "PAT", "MARIA"], "prompt": "Which?"},
                 "next": {"SALES": "s", "SUPPORT": "u", "BILLING": "b", "PAT": "p", "MARIA": "m"}},
            "s": {"type": "sms-inbox", "config": {"owner": {"group": "sales"}}},
            "u": {"type": "sms-inbox", "config": {"owner": {"group": "support"}}},
            "b": {"type": "sms-inbox", "config": {"owner": {"group": "billing"}}},
            "p": {"type": "sms-inbox", "config": {"owner": {"user": "pat"}}},
            "m": {"type": "sms-inbox", "config": {"owner": {"user": "maria"}}})"_s);
    Organization o = readConfigDocument(routingDocument({}, sms)).organization;
    const QHash<QString, Role> roles{{u"nancy"_s, Role::Admin}, {u"johan"_s, Role::Manager}};
    for (User &u : o.users) {
        u.role = roles.value(u.id, Role::Agent);
        u.email = u.name + u"@Acme.example"_s;
    }
    Group billing;
    billing.id = u"billing"_s;
    billing.name = u"Billing"_s;
    billing.department = u"Finance"_s;
    billing.members = {Member{u"pat"_s}};
    o.groups.append(billing);
    return o;
}

Headers bearer(const QByteArray &token, const Headers &more = {})
{
    return Headers{{"Authorization", "Bearer " + token}} + more;
}

} // namespace

class TestAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInByEmailInAnyCaseOrById();
    void wrongPasswordAndUnknownLoginGetTheSameRefusal();
    void sixthFailureIsRefusedEvenWithTheRightPassword();
    void parallelGuessesAreCountedToo();
    void guessesOfTheCurrentPasswordAreLimited();
    void signOutEndsTheToken();
    void passwordChangeEndsTheOtherSessions();
    void onlyAdminsSetOthersPasswords();
    void sessionsEndWithTheirUserOrRole();
    void roleTable_data();
    void roleTable();
    void agentsSeeTheirOwnAndTheirGroupsOnly();
    void directoryShowsNoContactDetails();
    void managerPushes_data();
    void managerPushes();
    void revisionsSayWhoPushed();
    void sessionsEndAfterThirtyDaysUnused_data() { bothDatabases(); }
    void sessionsEndAfterThirtyDaysUnused();
    void lockoutEndsAfterFifteenMinutes_data() { bothDatabases(); }
    void lockoutEndsAfterFifteenMinutes();
    void noPasswordOrTokenIsKept(); // last: greps what all the others left

private:
    static void bothDatabases()
    {
        QTest::addColumn<int>("database");
        QTest::newRow("sqlite") << int(ScratchDatabase::Sqlite);
        QTest::newRow("postgres") << int(ScratchDatabase::Postgres);
    }
    HttpReply api(const QByteArray &token, const QByteArray &method, const QString &path,
                  const QByteArray &body = {}, const Headers &more = {})
    {
        return m_http.send(method, m_routerd.base + path, body, bearer(token, more));
    }
    HttpReply signIn(const QString &login, const QString &password)
    {
        return m_http.send(
            "POST", m_routerd.base + u"/api/v1/session"_s,
            QJsonDocument(QJsonObject{{u"login"_s, login}, {u"password"_s, password}}).toJson());
    }
    QByteArray tokenOf(const QString &login, const QString &password)
    {
        const HttpReply r = signIn(login, password);
        if (r.status != 201)
            qWarning("sign-in refused: %s", qPrintable(r.describe()));
        const QByteArray token = r.object().value(u"token").toString().toLatin1();
        if (!token.isEmpty())
            m_secrets.append(token);
        return token;
    }
    // Pushes `organization` as `token`; the answer.
    HttpReply push(const QByteArray &token, const Organization &organization)
    {
        const int current =
            m_http.send("GET", m_routerd.base + u"/healthz"_s).object().value(u"revision").toInt();
        return api(token, "PUT", u"/api/v1/config"_s, writeConfigDocument(organization),
                   {{"If-Match", '"' + QByteArray::number(current) + '"'}});
    }
    void setPassword(const QString &user, const QString &password)
    {
        m_passwords[user] = password;
        m_secrets.append(password.toUtf8());
        const HttpReply r = api(adminToken, "PUT", u"/api/v1/users/"_s + user + u"/password"_s,
                                QJsonDocument(QJsonObject{{u"password"_s, password}}).toJson());
        QCOMPARE(r.status, 204);
    }
    // Sends a text whose first word picks the inbox; the new item's id.
    QString text(const QString &body)
    {
        const QString url = m_routerd.base + u"/twilio/sms"_s;
        const FormParams params{{u"MessageSid"_s, u"SM%1"_s.arg(++m_messages)},
                                {u"From"_s, caller},
                                {u"To"_s, mainLine},
                                {u"Body"_s, body}};
        const HttpReply r = m_http.send(
            "POST", url, formEncode(params),
            {{"Content-Type", "application/x-www-form-urlencoded"},
             {"X-Twilio-Signature", WebhookSignature::compute(carrierToken, url, params)}});
        if (r.status != 200)
            return {};
        const HttpReply list = api(adminToken, "GET", u"/api/v1/inbox?limit=1"_s);
        return list.object().value(u"items").toArray().first()[u"id"].toString();
    }

    QTemporaryDir m_dir;
    FakeCarrier m_carrier{carrierToken};
    RouterdProcess m_routerd;
    Http m_http;
    Organization m_organization;
    QHash<QString, QString> m_passwords;
    QHash<QString, QByteArray> m_tokens; // admin (nancy), manager (johan), agent (maria)
    QHash<QString, QString> m_items;     // sales, sales2, support, billing, billing2, pat, maria
    QByteArrayList m_secrets;            // every password and token the tests used
    int m_messages = 0;
};

void TestAccess::initTestCase()
{
    QVERIFY(m_carrier.start());
    QVERIFY2(m_routerd.start(m_dir.filePath(u"routerd.sqlite"_s),
                             {u"--carrier-account-sid"_s, carrierAccountSid, u"--carrier-api-url"_s,
                              m_carrier.url()}),
             m_routerd.log().constData());
    m_organization = accessOrganization();
    QCOMPARE(push(adminToken, m_organization).status, 200);
    for (const QString &user : {u"nancy"_s, u"johan"_s, u"maria"_s, u"pat"_s, u"vald"_s})
        setPassword(user, u"correct horse "_s + user);
    m_tokens[u"admin"_s] = tokenOf(u"nancy"_s, m_passwords[u"nancy"_s]);
    m_tokens[u"manager"_s] = tokenOf(u"johan"_s, m_passwords[u"johan"_s]);
    m_tokens[u"agent"_s] = tokenOf(u"maria"_s, m_passwords[u"maria"_s]);
    for (const QString &key : {u"sales"_s, u"sales2"_s, u"support"_s, u"billing"_s, u"billing2"_s,
                               u"pat"_s, u"maria"_s}) {
        m_items[key] = text(key.toUpper().remove(u'2') + u" please"_s);
        QVERIFY2(!m_items[key].isEmpty(), qPrintable(key));
    }
}

void TestAccess::cleanupTestCase()
{
    m_routerd.stop();
}

void TestAccess::signInByEmailInAnyCaseOrById()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const HttpReply byEmail = signIn(u"  nancy@ACME.example"_s, m_passwords[u"nancy"_s]);
    QCOMPARE(byEmail.status, 201);
    const QJsonObject session = byEmail.object();
    QCOMPARE(session.value(u"user").toString(), u"nancy"_s);
    QCOMPARE(session.value(u"role").toString(), u"admin"_s);
    const QByteArray token = session.value(u"token").toString().toLatin1();
    m_secrets.append(token);
    // At least 128 random bits.
    QVERIFY(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size() >= 16);
    const QDateTime expires =
        QDateTime::fromString(session.value(u"expires_at").toString(), Qt::ISODateWithMs);
    QVERIFY(qAbs(before.addDays(30).secsTo(expires)) < 60);

    const HttpReply byId = signIn(u"maria"_s, m_passwords[u"maria"_s]);
    QCOMPARE(byId.status, 201);
    const QByteArray mariaToken = byId.object().value(u"token").toString().toLatin1();
    m_secrets.append(mariaToken);
    QVERIFY(mariaToken != token);
    const HttpReply me = api(mariaToken, "GET", u"/api/v1/me"_s);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.object(), (QJsonObject{{u"user"_s, u"maria"_s},
                                       {u"name"_s, u"Maria"_s},
                                       {u"role"_s, u"agent"_s},
                                       {u"groups"_s, QJsonArray{u"support"_s}}}));
    // The admin token is an admin without a user.
    QCOMPARE(api(adminToken, "GET", u"/api/v1/me"_s).object().value(u"role").toString(),
             u"admin"_s);
}

void TestAccess::wrongPasswordAndUnknownLoginGetTheSameRefusal()
{
    const HttpReply wrong = signIn(u"johan"_s, u"not johan's password"_s);
    const HttpReply unknown = signIn(u"nobody@acme.example"_s, u"not johan's password"_s);
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.body, unknown.body);
    QVERIFY(wrong.object().value(u"error").toString().contains(u"do not match"_s));
    // A body that is not a sign-in says what one is.
    QCOMPARE(m_http.send("POST", m_routerd.base + u"/api/v1/session"_s, "{\"login\": 5}").status,
             400);
}

void TestAccess::sixthFailureIsRefusedEvenWithTheRightPassword()
{
    // Five failures for one login, in any case.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(
            signIn(i % 2 ? u"vald@acme.example"_s : u"VALD@Acme.example"_s, u"guess %1"_s.arg(i))
                .status,
            401);
    const HttpReply sixth = signIn(u"Vald@acme.example"_s, u"guess 6"_s);
    QCOMPARE(sixth.status, 429);
    const int wait = sixth.header("Retry-After").toInt();
    QVERIFY2(wait > 0 && wait <= 15 * 60, sixth.header("Retry-After").constData());
    const HttpReply right = signIn(u"vald@acme.example"_s, m_passwords[u"vald"_s]);
    QCOMPARE(right.status, 429);
    QVERIFY(right.header("Retry-After").toInt() > 0);
    // Others are not held up.
    QCOMPARE(signIn(u"pat"_s, m_passwords[u"pat"_s]).status, 201);
    // Whether a login names someone or no one, it counts the same: the lockout tells nothing.
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(signIn(u"NOBODY"_s, u"x"_s).status, 401);
        QCOMPARE(signIn(u"VALD"_s, u"x"_s).status, 401); // "vald" in another case
    }
    QCOMPARE(signIn(u"nobody"_s, u"x"_s).status, 429);
    QCOMPARE(signIn(u"vald"_s, u"x"_s).status, 429);
}

void TestAccess::parallelGuessesAreCountedToo()
{
    // Twelve wrong passwords at once: five are checked, the rest refused unchecked.
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 12; ++i)
        replies.append(
            m_http.start("POST", m_routerd.base + u"/api/v1/session"_s,
                         QJsonDocument(QJsonObject{{u"login"_s, u"maria@acme.example"_s},
                                                   {u"password"_s, u"parallel guess %1"_s.arg(i)}})
                             .toJson()));
    int checked = 0, refused = 0;
    for (QNetworkReply *r : std::as_const(replies)) {
        const int status = Http::finish(r).status;
        checked += status == 401;
        refused += status == 429;
    }
    QCOMPARE(checked, 5);
    QCOMPARE(refused, 7);
}

void TestAccess::guessesOfTheCurrentPasswordAreLimited()
{
    const QByteArray johans = tokenOf(u"johan"_s, m_passwords[u"johan"_s]);
    const auto change = [&](const QString &current) {
        return api(johans, "PUT", u"/api/v1/me/password"_s,
                   QJsonDocument(QJsonObject{{u"current"_s, current},
                                             {u"password"_s, u"a brand new password"_s}})
                       .toJson())
            .status;
    };
    for (int i = 0; i < 5; ++i)
        QCOMPARE(change(u"guess %1"_s.arg(i)), 403);
    QCOMPARE(change(u"guess 6"_s), 429);
    QCOMPARE(change(m_passwords[u"johan"_s]), 429); // even the right one, until the wait is over
}

void TestAccess::signOutEndsTheToken()
{
    const QByteArray token = tokenOf(u"pat"_s, m_passwords[u"pat"_s]);
    QCOMPARE(api(token, "GET", u"/api/v1/me"_s).status, 200);
    QCOMPARE(api(token, "DELETE", u"/api/v1/session"_s).status, 204);
    const HttpReply after = api(token, "GET", u"/api/v1/me"_s);
    QCOMPARE(after.status, 401);
    QVERIFY(after.object().value(u"error").toString().contains(u"sign in again"_s));
    // The admin token cannot be signed out.
    QCOMPARE(api(adminToken, "DELETE", u"/api/v1/session"_s).status, 409);
}

void TestAccess::passwordChangeEndsTheOtherSessions()
{
    const QByteArray here = tokenOf(u"pat"_s, m_passwords[u"pat"_s]);
    const QByteArray elsewhere = tokenOf(u"pat"_s, m_passwords[u"pat"_s]);
    const auto change = [&](const QString &current, const QString &password) {
        return api(here, "PUT", u"/api/v1/me/password"_s,
                   QJsonDocument(QJsonObject{{u"current"_s, current}, {u"password"_s, password}})
                       .toJson())
            .status;
    };
    QCOMPARE(change(m_passwords[u"pat"_s], u"short"_s), 400);
    QCOMPARE(change(u"not the current one"_s, u"a new long password"_s), 403);
    QCOMPARE(api(elsewhere, "GET", u"/api/v1/me"_s).status, 200); // nothing changed yet
    const QString old = m_passwords[u"pat"_s];
    m_passwords[u"pat"_s] = u"a new long password"_s;
    m_secrets.append(m_passwords[u"pat"_s].toUtf8());
    QCOMPARE(change(old, m_passwords[u"pat"_s]), 204);
    QCOMPARE(api(elsewhere, "GET", u"/api/v1/me"_s).status, 401);
    QCOMPARE(api(here, "GET", u"/api/v1/me"_s).status, 200);
    QCOMPARE(signIn(u"pat"_s, old).status, 401);
    QCOMPARE(signIn(u"pat"_s, m_passwords[u"pat"_s]).status, 201);
}

void TestAccess::onlyAdminsSetOthersPasswords()
{
    const QByteArray body = R"({"password": "someone else's new one"})";
    QCOMPARE(api(m_tokens[u"agent"_s], "PUT", u"/api/v1/users/pat/password"_s, body).status, 403);
    QCOMPARE(api(m_tokens[u"manager"_s], "PUT", u"/api/v1/users/pat/password"_s, body).status, 403);
    QCOMPARE(api(m_tokens[u"admin"_s], "PUT", u"/api/v1/users/pat/password"_s,
                 R"({"password": "short"})")
                 .status,
             400);
    QCOMPARE(api(m_tokens[u"admin"_s], "PUT", u"/api/v1/users/nobody/password"_s, body).status,
             404);
    // An admin's setting ends every session of theirs.
    const QByteArray pats = tokenOf(u"pat"_s, m_passwords[u"pat"_s]);
    QCOMPARE(api(m_tokens[u"admin"_s], "PUT", u"/api/v1/users/pat/password"_s, body).status, 204);
    m_passwords[u"pat"_s] = u"someone else's new one"_s;
    m_secrets.append(m_passwords[u"pat"_s].toUtf8());
    QCOMPARE(api(pats, "GET", u"/api/v1/me"_s).status, 401);
    QCOMPARE(signIn(u"pat"_s, m_passwords[u"pat"_s]).status, 201);
}

void TestAccess::sessionsEndWithTheirUserOrRole()
{
    const auto restore = qScopeGuard([&] { push(adminToken, m_organization); });
    const QByteArray pats = tokenOf(u"pat"_s, m_passwords[u"pat"_s]);
    const QByteArray marias = tokenOf(u"maria"_s, m_passwords[u"maria"_s]);
    // Pat becomes a manager: the agent's session ends. Maria is untouched.
    Organization promoted = m_organization;
    promoted.users[4].role = Role::Manager;
    QCOMPARE(push(adminToken, promoted).status, 200);
    QCOMPARE(api(pats, "GET", u"/api/v1/me"_s).status, 401);
    QCOMPARE(api(marias, "GET", u"/api/v1/me"_s).status, 200);
    // Maria leaves the configuration: her sessions end, and do not come back with her.
    Organization without = m_organization;
    without.users.removeAt(3);
    for (Group &g : without.groups)
        g.members.removeIf([](const Member &m) { return m.user == u"maria"; });
    Graph &texts = *without.flows[0].sms;
    texts.applets[u"k"_s].next.remove(u"MARIA"_s);
    texts.applets.remove(u"m"_s);
    texts.applets[u"k"_s].config[u"keywords"_s] =
        QJsonArray{u"SALES"_s, u"SUPPORT"_s, u"BILLING"_s, u"PAT"_s};
    const HttpReply pushed = push(adminToken, without);
    QVERIFY2(pushed.status == 200, qPrintable(pushed.describe()));
    QCOMPARE(api(marias, "GET", u"/api/v1/me"_s).status, 401);
    QCOMPARE(push(adminToken, m_organization).status, 200);
    QCOMPARE(api(marias, "GET", u"/api/v1/me"_s).status, 401);
    // Her password went with her: whoever gets the id "maria" again needs a new one.
    QCOMPARE(signIn(u"maria"_s, m_passwords[u"maria"_s]).status, 401);
    setPassword(u"maria"_s, u"maria's second password"_s);
    // The shared agent token of the other tests went too: a new one.
    m_tokens[u"agent"_s] = tokenOf(u"maria"_s, m_passwords[u"maria"_s]);
}

void TestAccess::roleTable_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // {item} placeholders: an item of that inbox
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const auto row = [](const char *name, const QString &role, const QByteArray &method,
                        const QString &path, const QByteArray &body, int status) {
        QTest::newRow(name) << role << method << path << body << status;
    };
    const QByteArray validDocument = "{}"; // validation answers 200 whatever it finds
    row("config read: admin", u"admin"_s, "GET", u"/api/v1/config"_s, {}, 200);
    row("config read: manager", u"manager"_s, "GET", u"/api/v1/config"_s, {}, 200);
    row("config read: agent", u"agent"_s, "GET", u"/api/v1/config"_s, {}, 403);
    row("revisions: manager", u"manager"_s, "GET", u"/api/v1/config/revisions"_s, {}, 200);
    row("revisions: agent", u"agent"_s, "GET", u"/api/v1/config/revisions"_s, {}, 403);
    row("revision 1: agent", u"agent"_s, "GET", u"/api/v1/config/revisions/1"_s, {}, 403);
    row("validate: manager", u"manager"_s, "POST", u"/api/v1/config/validate"_s, validDocument,
        200);
    row("validate: agent", u"agent"_s, "POST", u"/api/v1/config/validate"_s, validDocument, 403);
    row("push: agent", u"agent"_s, "PUT", u"/api/v1/config"_s, validDocument, 403);
    row("inbox: admin, everyone's", u"admin"_s, "GET", u"/api/v1/inbox"_s, {}, 200);
    row("inbox: manager, own group", u"manager"_s, "GET", u"/api/v1/inbox?owner=group:sales"_s, {},
        200);
    row("inbox: manager, other group", u"manager"_s, "GET", u"/api/v1/inbox?owner=group:billing"_s,
        {}, 403);
    row("inbox: agent, own group", u"agent"_s, "GET", u"/api/v1/inbox?owner=group:support"_s, {},
        200);
    row("inbox: agent, other group", u"agent"_s, "GET", u"/api/v1/inbox?owner=group:sales"_s, {},
        403);
    row("inbox: agent, own", u"agent"_s, "GET", u"/api/v1/inbox?owner=user:maria"_s, {}, 200);
    row("inbox: agent, someone else's", u"agent"_s, "GET", u"/api/v1/inbox?owner=user:pat"_s, {},
        403);
    row("counts: agent, own group", u"agent"_s, "GET",
        u"/api/v1/inbox/counts?owner=group:support&owner=user:maria"_s, {}, 200);
    row("counts: agent, other group", u"agent"_s, "GET",
        u"/api/v1/inbox/counts?owner=group:support&owner=group:sales"_s, {}, 403);
    row("item: agent, own group", u"agent"_s, "GET", u"/api/v1/inbox/{support}"_s, {}, 200);
    row("item: agent, own", u"agent"_s, "GET", u"/api/v1/inbox/{maria}"_s, {}, 200);
    row("item: agent, other group", u"agent"_s, "GET", u"/api/v1/inbox/{sales}"_s, {}, 404);
    row("item: agent, someone else's", u"agent"_s, "GET", u"/api/v1/inbox/{pat}"_s, {}, 404);
    row("item: manager, other group", u"manager"_s, "GET", u"/api/v1/inbox/{billing}"_s, {}, 404);
    row("item: admin, any", u"admin"_s, "GET", u"/api/v1/inbox/{billing}"_s, {}, 200);
    row("read: agent, own group", u"agent"_s, "PATCH", u"/api/v1/inbox/{support}"_s,
        R"({"read": true, "assigned_to": "maria"})", 200);
    row("read: agent, other group", u"agent"_s, "PATCH", u"/api/v1/inbox/{sales}"_s,
        R"({"read": true})", 404);
    row("archive: manager, own group", u"manager"_s, "PATCH", u"/api/v1/inbox/{sales}"_s,
        R"({"archived": true})", 200);
    row("reply: agent, own group", u"agent"_s, "POST", u"/api/v1/inbox/{support}/reply"_s,
        R"({"body": "On it."})", 202);
    row("reply: agent, other group", u"agent"_s, "POST", u"/api/v1/inbox/{sales}/reply"_s,
        R"({"body": "On it."})", 404);
    row("replies: agent, own group", u"agent"_s, "GET", u"/api/v1/inbox/{support}/replies"_s, {},
        200);
    row("replies: manager, other group", u"manager"_s, "GET", u"/api/v1/inbox/{billing}/replies"_s,
        {}, 404);
    row("retry: agent, other group", u"agent"_s, "POST", u"/api/v1/inbox/{sales}/replies/x/retry"_s,
        {}, 404);
    row("retry: agent, own group, nothing to retry", u"agent"_s, "POST",
        u"/api/v1/inbox/{support}/replies/x/retry"_s, {}, 404);
    row("recording: agent, other group", u"agent"_s, "GET", u"/api/v1/inbox/{sales}/recording"_s,
        {}, 404);
    row("carrier numbers: agent", u"agent"_s, "GET", u"/api/v1/carrier/numbers"_s, {}, 403);
    row("carrier numbers: manager", u"manager"_s, "GET", u"/api/v1/carrier/numbers"_s, {}, 200);
    row("carrier numbers: admin", u"admin"_s, "GET", u"/api/v1/carrier/numbers"_s, {}, 200);
    row("wire: agent", u"agent"_s, "POST", u"/api/v1/carrier/numbers/wire"_s, "{}", 403);
    row("wire: manager", u"manager"_s, "POST", u"/api/v1/carrier/numbers/wire"_s, "{}", 403);
    row("wire: admin", u"admin"_s, "POST", u"/api/v1/carrier/numbers/wire"_s, "{}", 200);
    row("delete: agent, own group", u"agent"_s, "DELETE", u"/api/v1/inbox/{support}"_s, {}, 403);
    row("delete: manager, other group", u"manager"_s, "DELETE", u"/api/v1/inbox/{billing}"_s, {},
        404);
    row("delete: manager, own group", u"manager"_s, "DELETE", u"/api/v1/inbox/{sales2}"_s, {}, 204);
    row("delete: admin, any", u"admin"_s, "DELETE", u"/api/v1/inbox/{billing2}"_s, {}, 204);
    row("presence: agent, everyone's", u"agent"_s, "GET", u"/api/v1/presence"_s, {}, 200);
    row("presence: agent, own", u"agent"_s, "PUT", u"/api/v1/presence/maria"_s,
        R"({"available": true})", 200);
    row("presence: agent, someone else's", u"agent"_s, "PUT", u"/api/v1/presence/pat"_s,
        R"({"available": false})", 403);
    row("presence: manager, anyone's", u"manager"_s, "PUT", u"/api/v1/presence/pat"_s,
        R"({"available": true})", 200);
    row("presence: admin, anyone's", u"admin"_s, "PUT", u"/api/v1/presence/vald"_s,
        R"({"available": true})", 200);
    row("events: admin", u"admin"_s, "GET", u"/api/v1/events"_s, {}, 200);
    row("events: manager", u"manager"_s, "GET", u"/api/v1/events"_s, {}, 200);
    row("events: agent", u"agent"_s, "GET", u"/api/v1/events"_s, {}, 403);
    row("password of another: manager", u"manager"_s, "PUT", u"/api/v1/users/vald/password"_s,
        R"({"password": "0123456789"})", 403);
    row("password of another: agent", u"agent"_s, "PUT", u"/api/v1/users/vald/password"_s,
        R"({"password": "0123456789"})", 403);
    row("directory: admin", u"admin"_s, "GET", u"/api/v1/directory"_s, {}, 200);
    row("directory: manager", u"manager"_s, "GET", u"/api/v1/directory"_s, {}, 200);
    row("directory: agent", u"agent"_s, "GET", u"/api/v1/directory"_s, {}, 200);
    row("me: agent", u"agent"_s, "GET", u"/api/v1/me"_s, {}, 200);
}

void TestAccess::roleTable()
{
    QFETCH(QString, role);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        path.replace(u'{' + it.key() + u'}', *it);
    const HttpReply r = api(m_tokens[role], method, path, body);
    QVERIFY2(r.status == status, qPrintable(r.describe()));
    if (status == 403)
        QVERIFY2(!r.object().value(u"error").toString().isEmpty(), qPrintable(r.describe()));
}

void TestAccess::agentsSeeTheirOwnAndTheirGroupsOnly()
{
    // Without an owner: maria's own and support's items, nobody else's.
    const HttpReply list = api(m_tokens[u"agent"_s], "GET", u"/api/v1/inbox"_s);
    QCOMPARE(list.status, 200);
    QSet<QString> owners;
    for (const QJsonValue &item : list.object().value(u"items").toArray()) {
        const QJsonObject owner = item[u"owner"].toObject();
        owners.insert(owner.keys().constFirst() + u':' + owner.constBegin()->toString());
    }
    QCOMPARE(owners, (QSet<QString>{u"group:support"_s, u"user:maria"_s}));
    // Presence: their own line.
    const QJsonObject presence =
        api(m_tokens[u"agent"_s], "GET", u"/api/v1/presence"_s).object().value(u"users").toObject();
    QCOMPARE(presence.keys(), QStringList{u"maria"_s});
    QVERIFY(presence.value(u"maria").toObject().value(u"groups").toObject().contains(u"support"));
    const QJsonObject everyone = api(m_tokens[u"manager"_s], "GET", u"/api/v1/presence"_s)
                                     .object()
                                     .value(u"users")
                                     .toObject();
    QCOMPARE(everyone.size(), 5);
}

void TestAccess::directoryShowsNoContactDetails()
{
    const HttpReply r = api(m_tokens[u"agent"_s], "GET", u"/api/v1/directory"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"users").toArray().first().toObject(),
             (QJsonObject{{u"id"_s, u"nancy"_s}, {u"name"_s, u"Nancy"_s}}));
    QCOMPARE(r.object().value(u"groups").toArray().last().toObject(),
             (QJsonObject{{u"id"_s, u"billing"_s},
                          {u"name"_s, u"Billing"_s},
                          {u"department"_s, u"Finance"_s},
                          {u"members"_s, QJsonArray{u"pat"_s}}}));
    for (const QByteArray &secret : {QByteArray("@"), QByteArray("+1512"), QByteArray("sip:")})
        QVERIFY2(!r.body.contains(secret), r.body.constData());
}

void TestAccess::managerPushes_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("paths");
    QTest::newRow("renames a flow") << u"flow"_s << 403 << QStringList{u"flows"_s};
    QTest::newRow("makes someone admin") << u"admin"_s << 403 << QStringList{u"users[4].role"_s};
    QTest::newRow("changes an admin") << u"nancy"_s << 403 << QStringList{u"users[0]"_s};
    QTest::newRow("removes an admin") << u"no-nancy"_s << 403 << QStringList{u"users"_s};
    QTest::newRow("blocks a number") << u"blocked"_s << 403 << QStringList{u"blocked"_s};
    QTest::newRow("reorders a group") << u"reorder"_s << 200 << QStringList();
    QTest::newRow("adds an agent, renames a group") << u"people"_s << 200 << QStringList();
}

void TestAccess::managerPushes()
{
    QFETCH(QString, change);
    QFETCH(int, status);
    QFETCH(QStringList, paths);
    const auto restore = qScopeGuard([&] { push(adminToken, m_organization); });
    Organization o = m_organization;
    if (change == u"flow") {
        o.flows[0].name = u"Renamed"_s;
    } else if (change == u"admin") {
        o.users[4].role = Role::Admin;
    } else if (change == u"nancy") {
        o.users[0].name = u"Nancy O."_s;
    } else if (change == u"no-nancy") {
        o.users.removeAt(0);
        o.groups[0].members.removeAt(0);
    } else if (change == u"blocked") {
        o.blocked.append(u"+15125557777"_s);
    } else if (change == u"reorder") {
        std::reverse(o.groups[1].members.begin(), o.groups[1].members.end());
    } else if (change == u"people") {
        o.users.append(User{u"lee"_s, u"Lee Park"_s, {}, Role::Agent, {}, {}});
        o.groups[2].members.append(Member{u"lee"_s});
        o.groups[2].name = u"Accounts"_s;
    }
    const HttpReply r = push(m_tokens[u"manager"_s], o);
    QVERIFY2(r.status == status, qPrintable(r.describe()));
    QStringList refused;
    for (const QJsonValue &p : r.object().value(u"paths").toArray())
        refused.append(p.toString());
    QCOMPARE(refused, paths);
    if (status == 403)
        QVERIFY(r.object().value(u"error").toString().contains(u"nothing was changed"_s));
}

void TestAccess::revisionsSayWhoPushed()
{
    Organization o = m_organization;
    std::reverse(o.groups[0].members.begin(), o.groups[0].members.end());
    QCOMPARE(push(m_tokens[u"manager"_s], o).status, 200);
    QCOMPARE(push(m_tokens[u"admin"_s], m_organization).status, 200);
    const QJsonArray revisions =
        api(m_tokens[u"manager"_s], "GET", u"/api/v1/config/revisions"_s).array();
    QVERIFY(revisions.size() >= 3);
    QCOMPARE(revisions.at(0)[u"pushed_by"].toString(), u"nancy"_s);
    QCOMPARE(revisions.at(1)[u"pushed_by"].toString(), u"johan"_s);
    QCOMPARE(revisions.last()[u"pushed_by"].toString(), u"admin-token"_s);
}

// In this process, on a clock the test moves.
class ClockedRouterd
{
public:
    bool start(const QString &database)
    {
        QString error;
        m_db = Database::open(database, &error);
        m_store = m_db ? std::make_unique<RouterStore>(*m_db) : nullptr;
        if (!m_store || !m_store->prepare(&error))
            return false;
        m_store->setClock([this] { return now; });
        m_server = std::make_unique<RouterServer>(
            *m_store, m_configs,
            RouterServer::Options{u"https://phones.example"_s, adminToken, carrierToken, {}, {}});
        return send("PUT", "/api/v1/config", adminToken, writeConfigDocument(accessOrganization()))
                       .status == 200 &&
               send("PUT", "/api/v1/users/pat/password", adminToken,
                    R"({"password": "pat's long password"})")
                       .status == 204;
    }
    HttpResponse send(const QByteArray &method, const QByteArray &target, const QByteArray &token,
                      const QByteArray &body = {})
    {
        HttpRequest request;
        request.method = method == "PUT"    ? HttpRequest::Method::Put
                         : method == "POST" ? HttpRequest::Method::Post
                                            : HttpRequest::Method::Get;
        request.methodName = method;
        request.target = target;
        if (!token.isEmpty())
            request.headers.append({"Authorization", "Bearer " + token});
        request.body = body;
        return m_server->respond(request);
    }
    HttpResponse signIn(const QByteArray &password)
    {
        return send("POST", "/api/v1/session", {},
                    R"({"login": "pat", "password": ")" + password + "\"}");
    }

    QDateTime now = QDateTime::currentDateTimeUtc();

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<RouterStore> m_store;
    ConfigurationCache m_configs;
    std::unique_ptr<RouterServer> m_server;
};

// A database of the data row's kind; skipped without a PostgreSQL server unless one is
// required.
#define SCRATCH_DATABASE(name)                                                                     \
    QFETCH(int, database);                                                                         \
    if (database == ScratchDatabase::Postgres && postgresServerUrl().isEmpty() &&                  \
        !postgresRequired())                                                                       \
        QSKIP("No PostgreSQL server (SWITCHBOARD_TEST_POSTGRES_URL).");                            \
    ScratchDatabase name{ScratchDatabase::Kind(database)};                                         \
    QVERIFY2(name.isValid(), qPrintable(name.error()))

void TestAccess::sessionsEndAfterThirtyDaysUnused()
{
    SCRATCH_DATABASE(scratch);
    ClockedRouterd routerd;
    QVERIFY(routerd.start(scratch.location()));
    const HttpResponse signedIn = routerd.signIn("pat's long password");
    QCOMPARE(signedIn.status, 201);
    const QByteArray token =
        QJsonDocument::fromJson(signedIn.body).object().value(u"token").toString().toLatin1();
    // Used every 29 days, it lasts; 31 days unused, it is gone.
    routerd.now = routerd.now.addDays(29);
    QCOMPARE(routerd.send("GET", "/api/v1/me", token).status, 200);
    routerd.now = routerd.now.addDays(29);
    QCOMPARE(routerd.send("GET", "/api/v1/me", token).status, 200);
    routerd.now = routerd.now.addDays(31);
    QCOMPARE(routerd.send("GET", "/api/v1/me", token).status, 401);
}

void TestAccess::lockoutEndsAfterFifteenMinutes()
{
    SCRATCH_DATABASE(scratch);
    ClockedRouterd routerd;
    QVERIFY(routerd.start(scratch.location()));
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(routerd.signIn("wrong").status, 401);
        routerd.now = routerd.now.addSecs(60);
    }
    // The first failure was 5 minutes ago: 10 minutes to go.
    const HttpResponse locked = routerd.signIn("pat's long password");
    QCOMPARE(locked.status, 429);
    QCOMPARE(locked.headers.value(0).first, QByteArray("Retry-After"));
    QCOMPARE(locked.headers.value(0).second, QByteArray("600"));
    routerd.now = routerd.now.addSecs(599);
    QCOMPARE(routerd.signIn("pat's long password").status, 429);
    routerd.now = routerd.now.addSecs(2);
    QCOMPARE(routerd.signIn("pat's long password").status, 201);
}

void TestAccess::noPasswordOrTokenIsKept()
{
    QVERIFY(m_secrets.size() > 10);
    QVERIFY(!m_secrets.contains(QByteArray()));
    m_routerd.stop(); // its files and log as they are left
    QByteArray kept = m_routerd.log();
    QDirIterator files(m_dir.path(), QDir::Files);
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        kept += f.readAll();
    }
    QVERIFY(kept.contains("argon2id")); // the hashes are there, and what is read is the database
    for (const QByteArray &secret : std::as_const(m_secrets)) {
        QVERIFY2(!kept.contains(secret), secret.constData());
        QVERIFY2(!kept.contains(secret.toBase64()), secret.constData());
    }
}

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
