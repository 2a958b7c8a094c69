#pragma once

// switchboard-routerd's requests (core/server/API.md): the carrier's webhooks (signed,
// answered with TwiML by the routing engine, idempotent on retries) and the admin and inbox
// API (bearer token, JSON). HttpServer reads and writes them; each of its threads has a
// RouterServer with its own database connection, and they share one ConfigurationCache. The
// state lives in the database, so several routerd can share one PostgreSQL.

#include "carrier/carrierapi.h"
#include "model/organization.h"
#include "server/access.h"
#include "server/http.h"
#include "server/signature.h"

#include <QCoreApplication>
#include <QHash>

#include <functional>

#include <memory>
#include <mutex>

namespace Switchboard {

class RouterStore;
namespace Api {
struct InboxItem;
}
using InboxItem = Api::InboxItem;

// Parsed configuration revisions, shared read-only by every thread: the current one and those
// calls in progress still use stay; the least recently used go first.
class ConfigurationCache
{
public:
    explicit ConfigurationCache(int capacity = 8)
        : m_capacity(capacity)
    {}
    // The revision, parsed once; nullptr when the store has no such revision, or (with
    // `error` set) when it cannot be read.
    std::shared_ptr<const Organization> get(RouterStore &store, int revision,
                                            QString *error = nullptr);

private:
    struct Entry
    {
        std::shared_ptr<const Organization> organization;
        quint64 used = 0;
    };
    std::mutex m_mutex;
    QHash<int, Entry> m_entries;
    quint64 m_clock = 0;
    int m_capacity;
};

class RouterServer
{
    Q_DECLARE_TR_FUNCTIONS(Switchboard::RouterServer)

public:
    struct Options
    {
        QString publicUrl; // how the carrier reaches us; action URLs and signatures use it
        QByteArray adminToken;
        QByteArray carrierToken;
        CarrierAccount carrier; // its REST API: replies, recordings, numbers (SID empty: none)
        std::function<void()> replyQueued; // tells the sender a reply waits
        // Requests that wait on the carrier's API (recordings, numbers) at once; more get 503,
        // so that a slow carrier never holds every thread the webhooks need. 0: no limit.
        int carrierSlots = 0;
    };

    RouterServer(RouterStore &store, ConfigurationCache &configs, Options options);

    // What the server answers to `request`.
    HttpResponse respond(const HttpRequest &request);

    // The largest body a request may carry: the carrier's webhooks and a sign-in 64 KiB, a
    // configuration 32 MiB, the rest of the API 1 MiB.
    static std::uint64_t bodyLimit(HttpRequest::Method method, const QByteArray &path);
    static constexpr int MaxFormFields = 1000;
    // The API's credentials, checked from the headers alone: a request without valid ones
    // (but a sign-in) is refused before any of its body is read.
    std::optional<HttpResponse> screen(const HttpRequest &request);

    // Sign-in failures allowed per login within FailureWindowMinutes; then 429.
    static constexpr int MaxFailures = 5;
    static constexpr int FailureWindowMinutes = 15;

private:
    using Response = HttpResponse;
    // Who the request's token belongs to, or the refusal (401, or 503 when the database
    // cannot tell). `touch` keeps the session alive.
    std::optional<Response> authenticate(const HttpRequest &request, Principal *who, bool touch);
    Response webhook(const HttpRequest &request);
    Response api(const HttpRequest &request, const QString &path, const Principal &who);
    Response putConfig(const HttpRequest &request, const Principal &who);
    Response validateConfig(const HttpRequest &request);
    Response inbox(const HttpRequest &request, const Principal &who);
    Response inboxItem(const HttpRequest &request, const QString &id, const Principal &who);
    Response patchItem(const QString &id, const QByteArray &body);
    Response inboxCounts(const HttpRequest &request, const Principal &who);
    Response replyTo(const InboxItem &item, const QByteArray &body);
    Response retryReply(const InboxItem &item, const QString &reply);
    Response recording(const InboxItem &item);
    Response statusCallback(const FormParams &params);
    Response carrierNumbers(const HttpRequest &request, const Principal &who);
    // 409 with what to configure, when there is no carrier account.
    std::optional<Response> needsCarrier() const;
    class CarrierSlot; // one of Options::carrierSlots, held while the carrier is asked
    QString webhookUrl(const char *path) const { return m_options.publicUrl + QLatin1String(path); }
    Response presence(const Principal &who);
    Response putPresence(const QString &user, const QByteArray &body, const Principal &who);
    Response signIn(const QByteArray &body);
    // A password guess under `key`, counted before the password is checked (so that guesses
    // sent in parallel count too): nullopt to go on, the guess kept at `*at` until
    // settleGuess(); or the 429 (or 503) that refuses it unchecked.
    std::optional<Response> reserveGuess(const QString &key, QString *at);
    // Right: every guess of the key is forgotten. Wrong: this one stays, counted.
    void settleGuess(const QString &key, bool right);
    Response signOut(const Principal &who);
    Response me(const Principal &who);
    // `own`: the signed-in person changing theirs (with the current one; their other
    // sessions end); else an admin setting someone's (all their sessions end).
    Response setPassword(const QString &user, const QByteArray &body, const Principal &who,
                         bool own);
    Response directory();
    std::shared_ptr<const Organization> configuration(int revision, QString *error = nullptr)
    {
        return m_configs.get(m_store, revision, error);
    }
    // The current revision's organization; nullptr before any push, or (with `error` set)
    // when the database cannot tell.
    std::shared_ptr<const Organization> currentConfiguration(QString *error);

    RouterStore &m_store;
    ConfigurationCache &m_configs;
    Options m_options;
    QByteArray m_publicUrl; // m_options.publicUrl in UTF-8, for signatures
};

} // namespace Switchboard
