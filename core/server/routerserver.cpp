#include "routerserver.h"

#include "api/vocabulary.h"
#include "config/configdocument.h"
#include "routing/engine.h"
#include "routing/twiml.h"
#include "store/routerstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
constexpr qsizetype MaxConfigBytes = 32 * 1024 * 1024;
constexpr qint64 MaxRecordingBytes = 64 * 1024 * 1024;

HttpResponse json(int status, const QJsonValue &value)
{
    const QByteArray body = value.isArray()
                                ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return {status, "application/json", body, {}};
}

HttpResponse twiml(const QByteArray &xml)
{
    return {200, "text/xml; charset=utf-8", xml, {}};
}

// The database could not answer a sign-in question: the detail (paths, SQL) to the log, a
// sentence to the client.
HttpResponse unreadable(const QString &error)
{
    std::fprintf(stderr, "sign-in: %s\n", qPrintable(error));
    return problemResponse(503, RouterServer::tr("The database cannot be read."));
}

} // namespace

std::shared_ptr<const Organization> RouterServer::currentConfiguration(QString *error)
{
    const int revision = m_store.revisions().currentRevision(error);
    return revision < 0 ? nullptr : configuration(revision, error);
}

std::shared_ptr<const Organization> ConfigurationCache::get(RouterStore &store, int revision,
                                                            QString *error)
{
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(revision);
        if (it != m_entries.end()) {
            it->used = ++m_clock;
            return it->organization;
        }
    }
    // Parsed outside the lock: another thread may parse the same revision meanwhile, and the
    // first one kept wins.
    const auto document = store.revisions().document(revision, error);
    if (!document)
        return nullptr;
    auto parsed = std::make_shared<const Organization>(readConfigDocument(*document).organization);
    const std::lock_guard lock(m_mutex);
    auto it = m_entries.find(revision);
    if (it == m_entries.end()) {
        while (m_entries.size() >= m_capacity) {
            auto oldest = m_entries.begin();
            for (auto e = m_entries.begin(); e != m_entries.end(); ++e) {
                if (e->used < oldest->used)
                    oldest = e;
            }
            m_entries.erase(oldest);
        }
        it = m_entries.insert(revision, Entry{std::move(parsed), 0});
    }
    it->used = ++m_clock;
    return it->organization;
}

RouterServer::RouterServer(RouterStore &store, ConfigurationCache &configs, Options options)
    : m_store(store)
    , m_configs(configs)
    , m_options(std::move(options))
{
    while (m_options.publicUrl.endsWith(u'/'))
        m_options.publicUrl.chop(1);
    m_publicUrl = m_options.publicUrl.toUtf8();
}

std::uint64_t RouterServer::bodyLimit(HttpRequest::Method method, const QByteArray &rawPath)
{
    // Judged on the path as routing sees it: "/%74wilio/sms" is a webhook too.
    const QByteArray path = QByteArray::fromPercentEncoding(rawPath);
    if (path.startsWith("/twilio/"))
        return 64 * 1024;
    if (path == Api::SessionPath)
        return 64 * 1024; // signing in needs no credentials: it gets little room
    if ((method == HttpRequest::Method::Put && path == "/api/v1/config") ||
        (method == HttpRequest::Method::Post && path == "/api/v1/config/validate"))
        return MaxConfigBytes;
    return 1024 * 1024;
}

std::optional<HttpResponse> RouterServer::screen(const HttpRequest &request)
{
    const QString path = request.path();
    if (!path.startsWith(u"/api/") ||
        (path == QLatin1String(Api::SessionPath) && request.method == HttpRequest::Method::Post))
        return std::nullopt;
    Principal who;
    return authenticate(request, &who, false);
}

std::optional<HttpResponse> RouterServer::authenticate(const HttpRequest &request, Principal *who,
                                                       bool touch)
{
    const QByteArray auth = request.header("Authorization").trimmed();
    const auto challenge = [](const QString &why, const QByteArray &scheme) {
        HttpResponse refusal = problemResponse(401, why);
        refusal.headers.append({QByteArrayLiteral("WWW-Authenticate"), scheme});
        return refusal;
    };
    // The scheme's name is case-insensitive (RFC 9110): "bearer" is as good as "Bearer".
    if (auth.size() < 7 || auth.left(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return challenge(tr("This needs \"Authorization: Bearer TOKEN\": sign in first."),
                         QByteArrayLiteral("Bearer"));
    const QByteArray token = auth.mid(7).trimmed();
    if (!m_options.adminToken.isEmpty() && WebhookSignature::equal(token, m_options.adminToken)) {
        *who = Principal{true, {}, Role::Admin, {}, {}};
        return std::nullopt;
    }
    const auto ended = [&] {
        return challenge(tr("That token is not valid here: sign in again."),
                         QByteArrayLiteral("Bearer error=\"invalid_token\""));
    };
    const QByteArray hash = Access::tokenHash(token);
    QString error;
    const auto session = m_store.access().session(hash, &error);
    if (!error.isEmpty())
        return unreadable(error);
    if (!session)
        return ended();
    // A session ends after 30 days unused, when its user leaves the configuration, and when
    // their role is no longer the one it was issued for.
    const QDateTime now = m_store.currentTime();
    const QDateTime used = QDateTime::fromString(session->usedAt, Qt::ISODateWithMs);
    const auto config = currentConfiguration(&error);
    if (!error.isEmpty())
        return unreadable(error);
    const User *user = config ? config->user(session->user) : nullptr;
    if (!used.isValid() || used.addDays(AccessStore::SessionDays) < now || !user ||
        roleKey(user->role) != session->role) {
        m_store.access().endSession(hash, &error);
        return ended();
    }
    *who = Principal{false, user->id, user->role, Access::groupsOf(*config, user->id), hash};
    // Kept alive at most once a minute: a busy console does not write on every request.
    if (touch && used.addSecs(60) < now && !m_store.access().touchSession(hash, &error))
        std::fprintf(stderr, "sign-in: %s\n", qPrintable(error));
    return std::nullopt;
}

HttpResponse RouterServer::respond(const HttpRequest &request)
{
    const QString path = request.path();
    if (path == u"/healthz") {
        if (request.method != HttpRequest::Method::Get)
            return problemResponse(405, tr("Use GET."));
        QString error;
        const int revision = m_store.revisions().currentRevision(&error);
        if (revision < 0) {
            // The detail (paths, SQL) is for the operator's log, not for whoever asks.
            std::fprintf(stderr, "healthz: %s\n", qPrintable(error));
            return json(503, QJsonObject{{u"status"_s, u"unavailable"_s},
                                         {u"error"_s, tr("The database cannot be read.")}});
        }
        return json(200, Api::healthJson(revision));
    }
    if (path.startsWith(u"/twilio/")) {
        if (request.method != HttpRequest::Method::Post)
            return problemResponse(405, tr("The carrier's webhooks are POSTs."));
        return webhook(request);
    }
    if (path.startsWith(u"/api/")) {
        if (path == QLatin1String(Api::SessionPath) && request.method == HttpRequest::Method::Post)
            return signIn(request.body);
        Principal who;
        if (auto refusal = authenticate(request, &who, true))
            return *refusal;
        return api(request, path, who);
    }
    return problemResponse(404, tr("There is nothing at %1.").arg(path));
}

HttpResponse RouterServer::webhook(const HttpRequest &request)
{
    const QUrl target = request.url();
    const QString path = target.path();
    // The carrier signs the URL it called: our public URL and the target as sent.
    const QByteArray url = m_publicUrl + request.target;
    const WebhookSignature::Fields fields = WebhookSignature::parseFields(request.body);
    if (fields.size() > MaxFormFields)
        return problemResponse(400, tr("A webhook has at most %1 form fields.").arg(MaxFormFields));
    const QByteArray given = request.header("X-Twilio-Signature");
    const QByteArray expected = WebhookSignature::compute(m_options.carrierToken, url, fields);
    if (given.isEmpty() || !WebhookSignature::equal(given, expected))
        return problemResponse(403, tr("The request's signature is missing or wrong."));
    if (path == u"/twilio/sms/status") // changes nothing twice: no answer to remember
        return statusCallback(WebhookSignature::toParams(fields));

    // A retry of a request already answered gets the same answer, and changes nothing. The
    // signature is the request's fingerprint: a keyed hash over its URL and every parameter.
    const QString key = QString::fromLatin1(expected);
    QString error;
    const auto lookup = m_store.memory().lookUpWebhook(key, &error);
    if (!lookup)
        return problemResponse(503, tr("The database cannot be read: %1").arg(error));
    if (lookup->answer)
        return twiml(*lookup->answer);

    const auto parsed = Webhooks::parse(target, WebhookSignature::toParams(fields), &error);
    if (!parsed) {
        const bool known = path == u"/twilio/sms" || path == u"/twilio/voice" ||
                           path.startsWith(u"/twilio/voice/");
        return problemResponse(known ? 400 : 404, error);
    }
    if (parsed->kind == WebhookRequest::Transcription) {
        if (!m_store.inbox().setTranscription(parsed->transcriptionKey, parsed->transcriptionText,
                                              &error))
            return problemResponse(500, tr("The transcription could not be kept: %1").arg(error));
        return twiml(Twiml().finish());
    }

    // A call in progress keeps the revision it started on; a new call or a text takes the
    // current one.
    const bool continues =
        parsed->kind == WebhookRequest::Call && parsed->call.event != CallRequest::Started;
    const int revision = continues ? parsed->call.state.revision : lookup->revision;
    static const Organization nothingPushed;
    QString readError;
    const auto config = configuration(revision, &readError);

    // The rotation turn, the inbox items, the events and the remembered answer are kept in
    // one transaction, or none of them: a retry (here or on another instance, now or later)
    // never takes a second turn nor keeps anything twice. What cannot be read or written
    // answers 503, so that the carrier retries.
    const auto unavailable = [&](const QString &why) {
        std::fprintf(stderr, "webhook %s not answered: %s\n", request.target.constData(),
                     qPrintable(why));
        return problemResponse(503, tr("The backend cannot keep this request now; try again."));
    };
    if (!readError.isEmpty()) // not a missing revision: a database that cannot be read
        return unavailable(readError);
    RoutingOutcome outcome;
    bool answeredElsewhere = false;
    {
        // Everything the request writes is kept in one transaction, begun at its first write:
        // a request that only reads (most calls) takes no write lock.
        struct Request
        {
            RouterStore &store;
            bool ended = false;
            ~Request()
            {
                if (!ended)
                    store.endRequest(false, nullptr); // rolled back
            }
        } transaction{m_store};
        m_store.beginRequest();
        m_store.takeFailure();
        RoutingEngine engine(config ? *config : nothingPushed, revision, m_store,
                             m_options.publicUrl);
        engine.setTracing(false);
        const QDateTime now = m_store.currentTime();
        outcome = parsed->kind == WebhookRequest::Text ? engine.text(parsed->sms, now)
                                                       : engine.call(parsed->call, now);
        if (const auto failure = m_store.takeFailure())
            return unavailable(*failure);
        for (const InboxDelivery &d : std::as_const(outcome.deliveries)) {
            if (!m_store.inbox().deliver(d, &error))
                return unavailable(error);
        }
        for (const RoutingEvent &e : std::as_const(outcome.events)) {
            if (!m_store.addEvent(e, &error))
                return unavailable(error);
        }
        // A request that changed nothing is simply run again when retried (the same revision
        // and state give the same answer); one that did is answered from memory.
        if (outcome.changesState()) {
            const auto remembered = m_store.memory().rememberAnswer(key, outcome.twiml, &error);
            if (remembered == RoutingMemory::Remembered::Failed)
                return unavailable(error);
            answeredElsewhere = remembered == RoutingMemory::Remembered::AnsweredElsewhere;
        }
        transaction.ended = true;
        if (!m_store.endRequest(!answeredElsewhere, &error))
            return unavailable(error);
    } // rolled back when answered elsewhere
    if (answeredElsewhere) {
        // Another instance answered this very request meanwhile: its answer stands, ours and
        // all it would have kept are gone.
        const auto again = m_store.memory().lookUpWebhook(key, &error);
        if (!again || !again->answer)
            return unavailable(error);
        return twiml(*again->answer);
    }
    return twiml(outcome.twiml);
}

HttpResponse RouterServer::api(const HttpRequest &request, const QString &path,
                               const Principal &who)
{
    using M = HttpRequest::Method;
    const M method = request.method;
    // What each role may do: API.md's table.
    const bool staff = who.isAdmin() || who.isManager();
    const auto staffOnly = [] {
        return problemResponse(403, tr("Only admins and managers may do this."));
    };
    if (path == QLatin1String(Api::SessionPath)) {
        if (method != M::Delete)
            return problemResponse(405, tr("Use POST or DELETE."));
        return signOut(who);
    }
    if (path == QLatin1String(Api::MePath)) {
        if (method != M::Get)
            return problemResponse(405, tr("Use GET."));
        return me(who);
    }
    if (path == QLatin1String(Api::MyPasswordPath)) {
        if (method != M::Put)
            return problemResponse(405, tr("Use PUT."));
        if (who.adminToken)
            return problemResponse(409, tr("The admin token has no password: it is the content "
                                           "of the file given to --admin-token-file."));
        return setPassword(who.user, request.body, who, true);
    }
    static const QRegularExpression passwordPath(uR"(^/api/v1/users/([^/]+)/password$)"_s);
    if (const auto m = passwordPath.match(path); m.hasMatch()) {
        if (method != M::Put)
            return problemResponse(405, tr("Use PUT."));
        if (!who.isAdmin())
            return problemResponse(403, tr("Only admins may set other people's passwords."));
        return setPassword(QUrl::fromPercentEncoding(m.captured(1).toUtf8()), request.body, who,
                           false);
    }
    if (path == QLatin1String(Api::DirectoryPath)) {
        if (method != M::Get)
            return problemResponse(405, tr("Use GET."));
        return directory();
    }
    if (path == QLatin1String(Api::ConfigPath)) {
        if (!staff)
            return staffOnly();
        if (method == M::Put)
            return putConfig(request, who);
        if (method != M::Get)
            return problemResponse(405, tr("Use GET or PUT."));
        const int revision = m_store.revisions().currentRevision();
        const auto document = m_store.revisions().document(revision);
        if (revision == 0 || !document)
            return problemResponse(404, tr("Nothing has been pushed yet."));
        return {200,
                "application/json",
                *document,
                {{"ETag", '"' + QByteArray::number(revision) + '"'}}};
    }
    if (path == u"/api/v1/config/validate") {
        if (!staff)
            return staffOnly();
        if (method != M::Post)
            return problemResponse(405, tr("Use POST."));
        return validateConfig(request);
    }
    if (path == QLatin1String(Api::RevisionsPath)) {
        if (!staff)
            return staffOnly();
        return json(200, Api::revisionsToJson(m_store.revisions().list()));
    }
    static const QRegularExpression revisionPath(uR"(^/api/v1/config/revisions/(\d+)$)"_s);
    if (const auto m = revisionPath.match(path); m.hasMatch()) {
        if (!staff)
            return staffOnly();
        const auto document = m_store.revisions().document(m.captured(1).toInt());
        if (!document)
            return problemResponse(404, tr("There is no revision %1.").arg(m.captured(1)));
        return {
            200, "application/json", *document, {{"ETag", '"' + m.captured(1).toLatin1() + '"'}}};
    }
    if (path == QLatin1String(Api::InboxPath)) {
        if (method != M::Get)
            return problemResponse(405, tr("Use GET."));
        return inbox(request, who);
    }
    if (path == u"/api/v1/inbox/counts") {
        if (method != M::Get)
            return problemResponse(405, tr("Use GET."));
        return inboxCounts(request, who);
    }
    static const QRegularExpression itemPath(
        uR"(^/api/v1/inbox/([A-Za-z0-9-]+)(/reply|/replies|/recording|/replies/[A-Za-z0-9-]+/retry)?$)"_s);
    if (const auto m = itemPath.match(path); m.hasMatch())
        return inboxItem(request, m.captured(1), who);
    if (path == QLatin1String(Api::CarrierNumbersPath) ||
        path == QLatin1String(Api::CarrierWirePath))
        return carrierNumbers(request, who);
    if (path == QLatin1String(Api::PresencePath) && method == M::Get)
        return presence(who);
    static const QRegularExpression presencePath(uR"(^/api/v1/presence/([^/]+)$)"_s);
    if (const auto m = presencePath.match(path); m.hasMatch()) {
        if (method != M::Put)
            return problemResponse(405, tr("Use PUT."));
        return putPresence(QUrl::fromPercentEncoding(m.captured(1).toUtf8()), request.body, who);
    }
    if (path == QLatin1String(Api::EventsPath)) {
        if (!staff)
            return staffOnly();
        const QUrlQuery q = request.query();
        QJsonArray list;
        const int limit = q.hasQueryItem(u"limit"_s) ? q.queryItemValue(u"limit"_s).toInt() : 100;
        for (const QJsonObject &e : m_store.events(q.queryItemValue(u"kind"_s), limit))
            list.append(e);
        return json(200, QJsonObject{{u"events"_s, list}});
    }
    return problemResponse(404, tr("There is nothing at %1.").arg(path));
}

HttpResponse RouterServer::inboxItem(const HttpRequest &request, const QString &id,
                                     const Principal &who)
{
    using M = HttpRequest::Method;
    const M method = request.method;
    const QString tail = request.path().section(u'/', 5);
    // Someone else's item is answered as if there were none.
    const auto item = m_store.inbox().item(id);
    if (!item || !who.reaches(item->owner))
        return problemResponse(404, tr("There is no inbox item %1.").arg(id));
    if (tail == u"replies") {
        if (method != M::Get)
            return problemResponse(405, tr("Use GET."));
        return json(200, Api::repliesToJson(m_store.inbox().replies(item->id)));
    }
    if (tail == u"reply") {
        if (method != M::Post)
            return problemResponse(405, tr("Use POST."));
        return replyTo(*item, request.body);
    }
    if (tail.startsWith(u"replies/")) {
        if (method != M::Post)
            return problemResponse(405, tr("Use POST."));
        return retryReply(*item, tail.section(u'/', 1, 1));
    }
    if (tail == u"recording") {
        if (method != M::Get)
            return problemResponse(405, tr("Use GET."));
        return recording(*item);
    }
    if (method == M::Patch)
        return patchItem(id, request.body);
    if (method == M::Delete) {
        if (!who.isAdmin() && !(who.isManager() && item->owner.kind == Owner::Kind::Group))
            return problemResponse(403, tr("Only admins, and managers for their groups' inboxes, "
                                           "may delete inbox items."));
        QString error;
        if (!m_store.inbox().deleteItem(id, &error))
            return problemResponse(404, tr("There is no inbox item %1.").arg(id));
        return {204, {}, {}, {}};
    }
    if (method == M::Get)
        return json(200, item->toJson());
    return problemResponse(405, tr("Use GET, PATCH or DELETE."));
}

HttpResponse RouterServer::validateConfig(const HttpRequest &request)
{
    if (request.body.size() > MaxConfigBytes)
        return problemResponse(413, tr("The document is larger than 32 MiB."));
    const Findings findings = validateConfigDocument(request.body);
    return json(200,
                QJsonObject{{u"valid"_s, countErrors(findings) == 0},
                            {u"errors"_s, Api::findingsToJson(findings, Severity::Error)},
                            {u"warnings"_s, Api::findingsToJson(findings, Severity::Warning)}});
}

HttpResponse RouterServer::putConfig(const HttpRequest &request, const Principal &who)
{
    if (request.body.size() > MaxConfigBytes)
        return problemResponse(413, tr("The document is larger than 32 MiB."));
    const int current = m_store.revisions().currentRevision();
    const QByteArray ifMatch = request.header("If-Match").trimmed();
    if (current > 0 && ifMatch.isEmpty())
        return json(
            428, QJsonObject{{u"error"_s,
                              tr("Say which revision you changed: If-Match: \"%1\".").arg(current)},
                             {u"revision"_s, current}});
    QByteArray named = ifMatch;
    if (named.startsWith("W/"))
        named = named.mid(2);
    if (named.startsWith('"') && named.endsWith('"') && named.size() >= 2)
        named = named.mid(1, named.size() - 2);
    if (!ifMatch.isEmpty() && named != "*" && named.toInt() != current)
        return json(412,
                    QJsonObject{{u"error"_s,
                                 tr("The configuration changed since revision %1: it is at %2 now.")
                                     .arg(QString::fromLatin1(named))
                                     .arg(current)},
                                {u"revision"_s, current}});
    Organization organization;
    const Findings findings = validateConfigDocument(request.body, &organization);
    if (countErrors(findings))
        return json(400,
                    QJsonObject{{u"error"_s, tr("The document has errors; nothing was changed.")},
                                {u"errors"_s, Api::findingsToJson(findings, Severity::Error)},
                                {u"warnings"_s, Api::findingsToJson(findings, Severity::Warning)}});
    QString error;
    if (who.isManager()) {
        // A manager changes people and groups only: the rest is compared with what is there.
        static const Organization nothing;
        const auto before = current > 0 ? configuration(current, &error) : nullptr;
        if (!error.isEmpty())
            return problemResponse(503, tr("The database cannot be read."));
        const QStringList refused =
            Access::managerRefusals(before ? *before : nothing, organization);
        if (!refused.isEmpty())
            return json(
                403, QJsonObject{{u"error"_s, tr("Managers may change users and groups only, may "
                                                 "make no one admin and may not change admins; "
                                                 "nothing was changed.")},
                                 {u"paths"_s, QJsonArray::fromStringList(refused)}});
    }
    const int revision = m_store.revisions().addRevision(current, writeConfigDocument(organization),
                                                         who.pusher(), &error);
    if (revision == 0)
        return json(412, QJsonObject{{u"error"_s, tr("Someone pushed first.")},
                                     {u"revision"_s, m_store.revisions().currentRevision()}});
    if (revision < 0)
        return problemResponse(500, tr("The revision could not be kept: %1").arg(error));
    // Whoever left the configuration, or has another role now, is signed out; the passwords of
    // those who left are forgotten.
    QHash<QString, QString> roles;
    for (const User &u : organization.users)
        roles.insert(u.id, roleKey(u.role));
    if (!m_store.access().applyConfiguration(roles, &error))
        std::fprintf(stderr, "sign-in: %s\n", qPrintable(error));
    return {200,
            "application/json",
            QJsonDocument(
                QJsonObject{{u"revision"_s, revision},
                            {u"warnings"_s, Api::findingsToJson(findings, Severity::Warning)}})
                .toJson(QJsonDocument::Compact),
            {{"ETag", '"' + QByteArray::number(revision) + '"'}}};
}

HttpResponse RouterServer::inbox(const HttpRequest &request, const Principal &who)
{
    const QUrlQuery q = request.query();
    InboxStore::InboxQuery query;
    const QString owner = q.queryItemValue(u"owner"_s, QUrl::FullyDecoded);
    if (!owner.isEmpty()) {
        query.owner = Owner::fromQueryKey(owner);
        if (!query.owner)
            return problemResponse(400, tr("owner is user:ID or group:ID."));
        if (!who.reaches(*query.owner))
            return problemResponse(403, tr("You may not read the inbox of %1.").arg(owner));
    } else if (!who.isAdmin()) {
        query.within = who.owners();
    }
    query.kind = q.queryItemValue(u"kind"_s);
    if (!query.kind.isEmpty() && query.kind != u"sms" && query.kind != u"voicemail")
        return problemResponse(400, tr("kind is sms or voicemail."));
    query.unreadOnly = q.queryItemValue(u"unread"_s) == u"true";
    if (q.hasQueryItem(u"archived"_s)) {
        const QString archived = q.queryItemValue(u"archived"_s);
        if (archived != u"true" && archived != u"false")
            return problemResponse(400, tr("archived is true or false."));
        query.archived = archived == u"true";
    }
    if (q.hasQueryItem(u"limit"_s))
        query.limit = q.queryItemValue(u"limit"_s).toInt();
    query.before = q.queryItemValue(u"before"_s);
    Api::InboxPage page;
    QString error;
    page.items = m_store.inbox().page(query, &page.next, &error);
    if (!error.isEmpty())
        return problemResponse(400, error);
    return json(200, page.toJson());
}

HttpResponse RouterServer::inboxCounts(const HttpRequest &request, const Principal &who)
{
    Api::InboxCounts counts;
    for (const QString &owner :
         request.query().allQueryItemValues(u"owner"_s, QUrl::FullyDecoded)) {
        const std::optional<Owner> o = Owner::fromQueryKey(owner);
        if (!o)
            return problemResponse(400, tr("owner is user:ID or group:ID."));
        if (!who.reaches(*o))
            return problemResponse(403, tr("You may not read the inbox of %1.").arg(owner));
        QString error;
        const QHash<QString, int> c = m_store.inbox().counts(*o, &error);
        if (!error.isEmpty())
            return problemResponse(500, error);
        for (const QString &kind :
             {QString::fromLatin1(Api::TextKind), QString::fromLatin1(Api::VoicemailKind)})
            counts.byOwner[owner][kind] = {c.value(kind + u".total"_s),
                                           c.value(kind + u".unread"_s)};
    }
    return json(200, counts.toJson());
}

// Shared by every thread's RouterServer: how many requests wait on the carrier now.
class RouterServer::CarrierSlot
{
public:
    explicit CarrierSlot(int limit)
        : m_taken(limit <= 0 || s_busy.fetch_add(1) < limit)
        , m_counted(limit > 0)
    {}
    ~CarrierSlot()
    {
        if (m_counted)
            s_busy.fetch_sub(1);
    }
    CarrierSlot(const CarrierSlot &) = delete;
    CarrierSlot &operator=(const CarrierSlot &) = delete;
    bool taken() const { return m_taken; }
    static HttpResponse refusal()
    {
        HttpResponse r = problemResponse(503, tr("The backend is waiting on the carrier for other "
                                                 "requests already; try again in a moment."));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")});
        return r;
    }

private:
    static inline std::atomic<int> s_busy{0};
    bool m_taken;
    bool m_counted;
};

std::optional<HttpResponse> RouterServer::needsCarrier() const
{
    if (m_options.carrier.isConfigured())
        return std::nullopt;
    return problemResponse(409, tr("This backend has no carrier account: start it with "
                                   "--carrier-account-sid (or TWILIO_ACCOUNT_SID) to send "
                                   "texts, play recordings and wire numbers."));
}

HttpResponse RouterServer::replyTo(const InboxItem &item, const QByteArray &body)
{
    const QString text =
        Api::Reply::fromJson(QJsonDocument::fromJson(body).object()).body.trimmed();
    if (text.isEmpty() || text.size() > 1600)
        return problemResponse(400, tr("A reply has a \"body\" of 1 to 1600 characters."));
    if (item.isVoicemail())
        return problemResponse(409, tr("Only texts can be answered with a text."));
    if (auto refusal = needsCarrier())
        return *refusal;
    QString error;
    const auto reply = m_store.inbox().addReply(item, text, &error);
    if (!reply)
        return problemResponse(500, error);
    if (m_options.replyQueued)
        m_options.replyQueued();
    return json(202, Api::ReplyResult{*reply, false, {}}.toJson());
}

HttpResponse RouterServer::retryReply(const InboxItem &item, const QString &id)
{
    if (auto refusal = needsCarrier())
        return *refusal;
    QString error;
    const auto reply = m_store.outbox().requeue(item.id, id, &error);
    if (!reply) {
        if (!error.isEmpty())
            return problemResponse(500, error);
        const auto found = m_store.outbox().reply(id);
        if (!found || found->itemId != item.id)
            return problemResponse(404, tr("There is no reply %1 to this item.").arg(id));
        return problemResponse(409, tr("Only a failed or undelivered reply can be sent again; "
                                       "this one is %1.")
                                        .arg(found->status));
    }
    if (m_options.replyQueued)
        m_options.replyQueued();
    return json(202, QJsonObject{{u"reply"_s, reply->toJson()}});
}

HttpResponse RouterServer::recording(const InboxItem &item)
{
    if (!item.isVoicemail() || item.recordingUrl.isEmpty())
        return problemResponse(404, tr("Inbox item %1 has no recording.").arg(item.id));
    if (auto refusal = needsCarrier())
        return *refusal;
    // Only from the carrier's own API host: a recording URL elsewhere would get the account's
    // credentials, so it is never asked.
    if (!m_options.carrier.isApiHost(QUrl(item.recordingUrl, QUrl::StrictMode))) {
        std::fprintf(stderr, "recording of %s not fetched: %s is not on the carrier's API host\n",
                     qPrintable(item.id), qPrintable(item.recordingUrl));
        return problemResponse(502, tr("The recording's address is not on the carrier's API host "
                                       "(%1), so it is not fetched.")
                                        .arg(m_options.carrier.apiUrl.host()));
    }
    const CarrierSlot slot(m_options.carrierSlots);
    if (!slot.taken())
        return CarrierSlot::refusal();
    CarrierApi api(m_options.carrier);
    const CarrierApi::Result r = api.fetchRecording(item.recordingUrl, MaxRecordingBytes);
    if (!r.ok())
        return problemResponse(502, tr("The carrier did not give the recording: %1").arg(r.error));
    return {200, r.contentType.isEmpty() ? QByteArray("audio/mpeg") : r.contentType, r.body, {}};
}

HttpResponse RouterServer::statusCallback(const FormParams &params)
{
    const QString sid = formValue(params, u"MessageSid"_s);
    const QString status = formValue(params, u"MessageStatus"_s);
    if (sid.isEmpty() || status.isEmpty())
        return problemResponse(400, tr("A status callback has a MessageSid and a MessageStatus."));
    QString why;
    const QString code = formValue(params, u"ErrorCode"_s);
    if (!code.isEmpty() && code != u"0") {
        const QString message = formValue(params, u"ErrorMessage"_s);
        why = message.isEmpty() ? tr("The carrier reported error %1.").arg(code)
                                : tr("%1 (carrier error %2)").arg(message, code);
    }
    QString error;
    if (!m_store.outbox().applyStatus(sid, status, why, &error) && !error.isEmpty())
        return problemResponse(503, tr("The backend cannot keep this request now; try again."));
    return {204, {}, {}, {}};
}

HttpResponse RouterServer::carrierNumbers(const HttpRequest &request, const Principal &who)
{
    using M = HttpRequest::Method;
    const bool wiring = request.path() == QLatin1String(Api::CarrierWirePath);
    if (wiring ? request.method != M::Post : request.method != M::Get)
        return problemResponse(405, wiring ? tr("Use POST.") : tr("Use GET."));
    if (wiring ? !who.isAdmin() : !(who.isAdmin() || who.isManager()))
        return problemResponse(403, wiring ? tr("Only admins may wire numbers.")
                                           : tr("Only admins and managers may do this."));
    if (auto refusal = needsCarrier())
        return *refusal;
    QString error;
    // What to wire is read before the carrier is asked anything.
    const auto parsed = wiring ? Api::wireRequestFromJson(request.body, &error)
                               : std::optional<QStringList>(QStringList());
    if (!parsed)
        return problemResponse(400, error);
    const QString voiceUrl = webhookUrl("/twilio/voice");
    const QString smsUrl = webhookUrl("/twilio/sms");
    // Wired: both URLs this backend's, both by POST (routerd answers a GET webhook 405).
    const auto byPost = [](const QString &method) {
        return method.isEmpty() || method.compare(u"POST", Qt::CaseInsensitive) == 0;
    };
    const auto pointsHere = [&](const Api::CarrierNumber &n) {
        return n.voiceUrl == voiceUrl && n.smsUrl == smsUrl && byPost(n.voiceMethod) &&
               byPost(n.smsMethod);
    };
    const CarrierSlot slot(m_options.carrierSlots);
    if (!slot.taken())
        return CarrierSlot::refusal();
    CarrierApi api(m_options.carrier);
    const auto account = api.numbers(&error);
    if (!account)
        return problemResponse(502,
                               tr("The carrier did not list the account's numbers: %1").arg(error));
    if (!wiring) {
        Api::CarrierNumbers answer{*account, voiceUrl, smsUrl};
        for (Api::CarrierNumber &n : answer.numbers)
            n.wired = pointsHere(n);
        return json(200, answer.toJson());
    }

    QStringList asked = *parsed;
    const auto config = currentConfiguration(&error);
    if (!config && !error.isEmpty())
        return problemResponse(503, tr("The database cannot be read."));
    QSet<QString> routed;
    for (const PhoneNumber &n : config ? config->numbers : QList<PhoneNumber>()) {
        if (!n.flow.isEmpty())
            routed.insert(n.number);
    }
    if (asked.isEmpty()) {
        asked = routed.values();
        std::sort(asked.begin(), asked.end());
    }
    asked.removeDuplicates(); // one request to the carrier per number, however often named
    Api::WireResult result;
    for (const QString &number : std::as_const(asked)) {
        const auto it =
            std::find_if(account->cbegin(), account->cend(),
                         [&](const Api::CarrierNumber &n) { return n.number == number; });
        if (!routed.contains(number)) {
            result.skipped.append({number, tr("The current configuration does not route it.")});
        } else if (it == account->cend()) {
            result.skipped.append({number, tr("The carrier account does not have it.")});
        } else if (pointsHere(*it)) {
            result.wired.append(number); // already
        } else {
            const CarrierApi::Result r = api.wireNumber(it->sid, voiceUrl, smsUrl);
            if (!r.ok()) {
                return problemResponse(
                    502, result.wired.isEmpty()
                             ? tr("The carrier did not wire %1: %2").arg(number, r.error)
                             : tr("The carrier did not wire %1: %2 (wired before it: %3)")
                                   .arg(number, r.error, result.wired.join(u", ")));
            }
            result.wired.append(number);
        }
    }
    return json(200, result.toJson());
}

HttpResponse RouterServer::patchItem(const QString &id, const QByteArray &body)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parse);
    if (!doc.isObject())
        return problemResponse(400, tr("The body must be a JSON object."));
    QString error;
    const std::optional<Api::InboxChange> parsed = Api::InboxChange::fromJson(doc.object(), &error);
    if (!parsed)
        return problemResponse(400, error);
    const std::optional<InboxItem> changed = m_store.inbox().changeItem(id, *parsed, &error);
    if (!changed && error.isEmpty())
        return problemResponse(404, tr("There is no inbox item %1.").arg(id));
    if (!changed)
        return problemResponse(500, error);
    return json(200, changed->toJson());
}

HttpResponse RouterServer::presence(const Principal &who)
{
    QString error;
    const auto read = m_store.presence().all(&error);
    if (!read) {
        std::fprintf(stderr, "presence: %s\n", qPrintable(error));
        return problemResponse(503, tr("The database cannot be read."));
    }
    const QHash<QString, PresenceStore::Presence> &kept = *read;
    // Everyone of the current configuration, with what applies to them (no record: available
    // and active everywhere), and anyone else presence was kept for.
    QHash<QString, Api::Presence> users = kept;
    const auto config = configuration(m_store.revisions().currentRevision());
    if (config) {
        for (const User &u : config->users) {
            Api::Presence &p = users[u.id]; // new: available, no groups yet
            for (const Group &g : config->groups) {
                if (g.indexOfMember(u.id) >= 0 && !p.groups.contains(g.id))
                    p.groups.insert(g.id, Api::Activity());
            }
        }
    }
    // Agents see their own line only.
    if (!who.isAdmin() && !who.isManager())
        users = {{who.user, users.value(who.user)}};
    return json(200, Api::presenceListToJson(users));
}

HttpResponse RouterServer::putPresence(const QString &user, const QByteArray &body,
                                       const Principal &who)
{
    if (!who.isAdmin() && !who.isManager() && user != who.user)
        return problemResponse(403, tr("Agents may change their own presence only."));
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return problemResponse(400, tr("The body must be a JSON object."));
    QString error;
    const std::optional<Api::PresenceChange> change =
        Api::PresenceChange::fromJson(doc.object(), &error);
    if (!change)
        return problemResponse(400, error);
    if (!m_store.presence().set(user, change->available, change->groups, &error))
        return problemResponse(500, error);
    const Response all = presence(who);
    if (all.status != 200)
        return all;
    const auto users = Api::presenceListFromJson(QJsonDocument::fromJson(all.body).object());
    return json(200, users.value(user).toJson());
}

HttpResponse RouterServer::signIn(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonValue login = o.value(u"login"), password = o.value(u"password");
    if (!login.isString() || !password.isString() || login.toString().trimmed().isEmpty())
        return problemResponse(
            400, tr("Sign in with {\"login\": an e-mail address or a user id, \"password\"}."));
    QString error;
    const auto config = currentConfiguration(&error);
    if (!error.isEmpty())
        return unreadable(error);
    // By id, or by e-mail in any case.
    const QString given = login.toString().trimmed();
    const User *user = config ? config->user(given) : nullptr;
    if (config && !user) {
        for (const User &u : config->users) {
            if (!u.email.isEmpty() && u.email.compare(given, Qt::CaseInsensitive) == 0) {
                user = &u;
                break;
            }
        }
    }
    // Guesses count per login as typed (in any case), whoever it names: the count says nothing
    // about who exists, and only a hash of the login is kept (a password typed into the login
    // field is not written down).
    const QString key = QString::fromLatin1(Access::tokenHash("login:" + given.toLower().toUtf8()));
    QString at;
    if (auto refusal = reserveGuess(key, &at))
        return *refusal;
    const auto hash = user ? m_store.access().passwordHash(user->id, &error) : QString();
    if (!hash)
        return unreadable(error);
    // An unknown login costs as much as a wrong password: the answer and its time say nothing
    // about who exists.
    static const QString decoy = Access::hashPassword(u"not anyone's password"_s);
    const bool matches =
        Access::verifyPassword(hash->isEmpty() ? decoy : *hash, password.toString()) &&
        !hash->isEmpty();
    settleGuess(key, matches);
    if (!matches)
        return problemResponse(401, tr("That login and password do not match."));
    const QByteArray token = Access::newToken();
    if (!m_store.access().addSession(Access::tokenHash(token), user->id, roleKey(user->role),
                                     &error))
        return unreadable(error);
    const Api::Session session{
        QString::fromLatin1(token), user->id, roleKey(user->role),
        m_store.currentTime().addDays(AccessStore::SessionDays).toString(Qt::ISODateWithMs)};
    return json(201, session.toJson());
}

std::optional<HttpResponse> RouterServer::reserveGuess(const QString &key, QString *at)
{
    QString error;
    const QDateTime now = m_store.currentTime();
    *at = now.toString(Qt::ISODateWithMs);
    if (!m_store.access().addFailure(key, *at, &error))
        return unreadable(error);
    const auto guesses = m_store.access().failures(
        key, now.addSecs(-60 * FailureWindowMinutes).toString(Qt::ISODateWithMs), &error);
    if (!guesses)
        return unreadable(error);
    if (guesses->size() <= MaxFailures)
        return std::nullopt; // this guess is one of the five: check it
    // Refused unchecked, and not counted: the wait ends when the oldest of the five that
    // still count is out of the window, even for the right password.
    m_store.access().removeFailure(key, *at, &error);
    QStringList counted = *guesses;
    counted.removeOne(*at);
    const QDateTime until =
        QDateTime::fromString(counted.at(counted.size() - MaxFailures), Qt::ISODateWithMs)
            .addSecs(60 * FailureWindowMinutes);
    const qint64 wait = std::max<qint64>(1, (now.msecsTo(until) + 999) / 1000);
    HttpResponse refusal = problemResponse(
        429, tr("Too many failed sign-ins for this login: try again in %n minute(s).", nullptr,
                int((wait + 59) / 60)));
    refusal.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
    return refusal;
}

void RouterServer::settleGuess(const QString &key, bool right)
{
    QString error;
    if (right && !m_store.access().clearFailures(key, &error))
        std::fprintf(stderr, "sign-in: %s\n", qPrintable(error));
}

HttpResponse RouterServer::signOut(const Principal &who)
{
    if (who.adminToken)
        return problemResponse(409, tr("The admin token does not end: change the file given to "
                                       "--admin-token-file."));
    QString error;
    if (!m_store.access().endSession(who.tokenHash, &error))
        return unreadable(error);
    return {204, {}, {}, {}};
}

HttpResponse RouterServer::me(const Principal &who)
{
    Api::Me me{who.user, {}, roleKey(who.role), {}};
    if (!who.adminToken) {
        const auto config = configuration(m_store.revisions().currentRevision());
        if (const User *u = config ? config->user(who.user) : nullptr)
            me.name = u->displayName();
        // In the configuration's order.
        for (const Group &g : config ? config->groups : QList<Group>()) {
            if (who.groups.contains(g.id))
                me.groups.append(g.id);
        }
    }
    return json(200, me.toJson());
}

HttpResponse RouterServer::setPassword(const QString &user, const QByteArray &body,
                                       const Principal &who, bool own)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonValue password = o.value(u"password");
    if (!password.isString() || (own && !o.value(u"current").isString()))
        return problemResponse(400, own ? tr("Send {\"current\", \"password\"}.")
                                        : tr("Send {\"password\"}."));
    if (password.toString().size() < Access::MinPasswordLength)
        return problemResponse(
            400, tr("A password has at least %1 characters.").arg(Access::MinPasswordLength));
    QString error;
    if (own) {
        // Guesses of the current password are limited as sign-ins are: a stolen session
        // must not become a way to find the password.
        const QString key = QString::fromLatin1(Access::tokenHash("current:" + user.toUtf8()));
        QString at;
        if (auto refusal = reserveGuess(key, &at))
            return *refusal;
        const auto hash = m_store.access().passwordHash(user, &error);
        if (!hash)
            return unreadable(error);
        const bool right = Access::verifyPassword(*hash, o.value(u"current").toString());
        settleGuess(key, right);
        if (!right)
            return problemResponse(403, tr("The current password is not right."));
    } else {
        const auto config = currentConfiguration(&error);
        if (!error.isEmpty())
            return unreadable(error);
        if (!config || !config->user(user))
            return problemResponse(
                404, tr("There is no user %1 in the current configuration.").arg(user));
    }
    const QString hash = Access::hashPassword(password.toString());
    if (hash.isEmpty())
        return problemResponse(503, tr("The password could not be hashed now; try again."));
    // A new password ends every other session of theirs (an admin's setting: every one).
    if (!m_store.access().setPasswordHash(user, hash, own ? who.tokenHash : QByteArray(), &error))
        return unreadable(error);
    return {204, {}, {}, {}};
}

HttpResponse RouterServer::directory()
{
    Api::Directory d;
    if (const auto config = configuration(m_store.revisions().currentRevision())) {
        for (const User &u : config->users)
            d.users.append({u.id, u.displayName()});
        for (const Group &g : config->groups) {
            QStringList members;
            for (const Member &m : g.members)
                members.append(m.user);
            d.groups.append({g.id, g.displayName(), g.department, members});
        }
    }
    return json(200, d.toJson());
}

} // namespace Switchboard
