#pragma once

// What switchboard-routerd keeps, in the same database layer as the console (its own schema
// component), one part per concern: every configuration revision pushed (RevisionStore), the
// inbox (voicemails, texts) with text conversations and replies (InboxStore), presence and
// activity (PresenceStore), and what routing remembers: round-robin turns (taken atomically,
// so that several backends on one PostgreSQL never give two calls in a row the same "next")
// and the answers to webhooks already handled, so that the carrier's retries change nothing
// (RoutingMemory). RouterStore holds them, the routing events and retention.

#include "api/vocabulary.h"
#include "routing/engine.h"
#include "routing/routingstate.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <functional>
#include <map>

namespace Switchboard {

using InboxItem = Api::InboxItem;

// What the parts of routerd's store share: the connection, the statements every webhook runs
// (prepared once), the clock, and the first failure of a routing question.
class StoreContext
{
public:
    explicit StoreContext(Database &database)
        : db(database)
    {}
    Database &db;

    // routerd's clock: the time calls and texts are routed at (business hours, holidays) and
    // the time kept with what is stored. The system's clock unless one is set (tests fix it).
    using Clock = std::function<QDateTime()>;
    Clock clock;
    QDateTime currentTime() const; // UTC
    QString now() const;           // currentTime() in ISO-8601, milliseconds
    // Ids in the order they were made (on the system's clock, whatever currentTime() says).
    static QString newId();

    // Runs a statement; a kept statement that failed is prepared anew next time (a table that
    // was missing or changed must not fail it forever).
    bool run(QSqlQuery &q, QString *error)
    {
        if (db.exec(q, error))
            return true;
        if (statements.contains(q.lastQuery()))
            stale.insert(q.lastQuery());
        return false;
    }
    // The statements every webhook runs, prepared once. Finish them after reading, so that
    // SQLite does not hold a read transaction open.
    QSqlQuery &cached(const QString &sql);

    std::optional<QString> failure;
    void failed(const QString &error)
    {
        if (!failure)
            failure = error;
    }

    // One request's writes in one transaction, begun at its first write (a request that only
    // reads, most calls, costs no write lock): beginRequest(), then writes call beginWrites(),
    // then endRequest() commits or rolls back.
    void beginRequest() { inRequest = true; }
    bool beginWrites();
    bool endRequest(bool commit, QString *error);

private:
    std::map<QString, QSqlQuery> statements;
    QSet<QString> stale;
    bool inRequest = false;
    std::optional<Database::Transaction> request;
};

// A part of the store: one concern, on the shared context.
class StorePart
{
public:
    explicit StorePart(StoreContext &context)
        : m_c(context)
        , m_db(context.db)
    {}

protected:
    bool run(QSqlQuery &q, QString *error) { return m_c.run(q, error); }
    QSqlQuery &cached(const QString &sql) { return m_c.cached(sql); }
    QString now() const { return m_c.now(); }
    QDateTime currentTime() const { return m_c.currentTime(); }
    static QString newId() { return StoreContext::newId(); }
    void failed(const QString &error) { m_c.failed(error); }
    bool beginWrites() { return m_c.beginWrites(); }

    StoreContext &m_c;
    Database &m_db;
};

// Configuration revisions, as pushed (routerstore_revisions.cpp).
class RevisionStore : public StorePart
{
    Q_DECLARE_TR_FUNCTIONS(RouterStore)

public:
    using StorePart::StorePart;
    int currentRevision(QString *error = nullptr);
    // nullopt when there is no such revision, or (with `error` set) when it cannot be read.
    std::optional<QByteArray> document(int revision, QString *error = nullptr);
    QList<Api::RevisionInfo> list(); // newest first
    // Keeps `document` as revision `expected` + 1, pushed by `pushedBy` (a user id, or
    // "admin-token"). Returns it; 0 when another push came first (the revision is no longer
    // `expected`); -1 on error.
    int addRevision(int expected, const QByteArray &document, const QString &pushedBy,
                    QString *error);
};

// The inbox (voicemails, texts), text conversations and replies (routerstore_inbox.cpp).
class InboxStore : public StorePart
{
    Q_DECLARE_TR_FUNCTIONS(RouterStore)

public:
    using StorePart::StorePart;
    bool deliver(const InboxDelivery &delivery, QString *error);
    using InboxQuery = Api::InboxQuery;
    QList<InboxItem> page(const InboxQuery &query, QString *next, QString *error);
    std::optional<InboxItem> item(const QString &id);
    // Items not archived of one owner, by kind: "sms.total", "sms.unread", "voicemail.total"...
    QHash<QString, int> counts(const Owner &owner, QString *error);
    // Replies to texts, queued for the sender (OutboxStore).
    using SmsReply = Api::Reply;
    std::optional<SmsReply> addReply(const InboxItem &item, const QString &body, QString *error);
    QList<SmsReply> replies(const QString &itemId);
    // The item as changed, read in the same transaction; nullopt with `error` left empty
    // when there is no such item.
    std::optional<InboxItem> changeItem(const QString &id, const Api::InboxChange &change,
                                        QString *error);
    bool deleteItem(const QString &id, QString *error);
    bool setTranscription(const QString &dedupeKey, const QString &text, QString *error);
    std::optional<Conversation> openConversation(const QString &customer, const QString &number,
                                                 const QString &group);
    int openConversations(const QString &user, const QString &group);

private:
    InboxItem itemFrom(const QSqlQuery &q) const;
};

// Replies on their way to the carrier (routerstore_outbox.cpp): claimed by one sender at a
// time with a lease (a row update only one routerd wins), and their fate as the carrier
// tells it. Times are ISO-8601 UTC, as now() writes them.
class OutboxStore : public StorePart
{
    Q_DECLARE_TR_FUNCTIONS(RouterStore)

public:
    using StorePart::StorePart;
    using Reply = Api::Reply;
    // The columns a reply is read from, and the reply read from them.
    static const QString columns;
    static Reply replyFrom(const QSqlQuery &q);
    std::optional<Reply> reply(const QString &id, QString *error = nullptr);
    // Whether a reply already has this carrier sid.
    bool hasCarrierSid(const QString &carrierSid);
    // Up to `limit` queued replies whose time has come and whose lease (if any) ran out,
    // leased to `owner` for `leaseSeconds`, each counted as an attempt. Empty with `error`
    // set when the database cannot be asked.
    QList<Reply> claimDue(const QString &owner, int leaseSeconds, int limit, QString *error);
    // The lease held `leaseSeconds` longer; false (with `error`) when `owner` no longer has it.
    bool renewLease(const QString &id, const QString &owner, int leaseSeconds, QString *error);
    // The sender's verdicts, kept only while `owner` still holds the lease.
    bool markSent(const QString &id, const QString &owner, const QString &carrierSid,
                  QString *error);
    bool markRetry(const QString &id, const QString &owner, const QDateTime &next,
                   const QString &why, QString *error);
    bool markFailed(const QString &id, const QString &owner, const QString &why, QString *error);
    // A status callback: delivered, undelivered or failed, for the reply the carrier knows by
    // `carrierSid`; a later status never goes back. False with `error` empty when no reply
    // changed: one that has no reply yet is kept, and applies once a reply is marked sent
    // with that sid.
    bool applyStatus(const QString &carrierSid, const QString &status, const QString &why,
                     QString *error);
    // A failed or undelivered reply of `item` queued again; nullopt (error empty) when there is
    // no such reply in such a state.
    std::optional<Reply> requeue(const QString &item, const QString &id, QString *error);

private:
    bool release(QSqlQuery &q, const QString &owner, QString *error);
};

// Presence (available or not) and activity per group and channel (routerstore_presence.cpp).
class PresenceStore : public StorePart
{
    Q_DECLARE_TR_FUNCTIONS(RouterStore)

public:
    using StorePart::StorePart;
    using Presence = Api::Presence;
    // nullopt, with `error`, when it cannot be read.
    std::optional<QHash<QString, Presence>> all(QString *error);
    // Changes only the fields given (the rest stay as they are, even if another process
    // changes them at the same moment).
    bool set(const QString &user, std::optional<bool> available,
             const QHash<QString, std::pair<std::optional<bool>, std::optional<bool>>> &groups,
             QString *error);
    bool isAvailable(const QString &user);
    bool isActive(const QString &user, const QString &group, Channel channel);
};

// Who may sign in (routerstore_access.cpp): password hashes (never the passwords), sessions
// (by the hash of their token, never the token) and recent failed sign-ins, shared by every
// routerd on the database. Times are ISO-8601 UTC, as now() writes them.
class AccessStore : public StorePart
{
    Q_DECLARE_TR_FUNCTIONS(RouterStore)

public:
    using StorePart::StorePart;
    // The user's password hash; an empty string when they have none, nullopt (with `error`)
    // when it cannot be read.
    std::optional<QString> passwordHash(const QString &user, QString *error);
    // Keeps the hash and ends the user's sessions but `keep` (a token hash, or empty: all).
    bool setPasswordHash(const QString &user, const QString &hash, const QByteArray &keep,
                         QString *error);

    struct Session
    {
        QString user;
        QString role;   // the role it was issued for
        QString usedAt; // last used
    };
    // nullopt when there is no such session, or (with `error` set) when it cannot be read.
    std::optional<Session> session(const QByteArray &tokenHash, QString *error);
    bool addSession(const QByteArray &tokenHash, const QString &user, const QString &role,
                    QString *error);
    bool touchSession(const QByteArray &tokenHash, QString *error);
    bool endSession(const QByteArray &tokenHash, QString *error);
    // After a push: the sessions of users no longer in `roles` (user id to role key), or with
    // another role than the one their session was issued for, end; the passwords of users no
    // longer there are forgotten (an id given to someone new later does not bring them back).
    bool applyConfiguration(const QHash<QString, QString> &roles, QString *error);

    // Password guesses for one key (a hash of the login), as ISO-8601 times since `since`,
    // oldest first. A guess is added before the password is checked, and taken back when it
    // was refused unchecked, or all cleared when one was right.
    std::optional<QStringList> failures(const QString &key, const QString &since, QString *error);
    bool addFailure(const QString &key, const QString &at, QString *error);
    bool removeFailure(const QString &key, const QString &at, QString *error);
    bool clearFailures(const QString &key, QString *error);

    static constexpr int SessionDays = 30;
};

// What routing remembers between requests: webhooks already answered, round-robin turns,
// and the locks that make choices atomic across processes (routerstore_webhooks.cpp).
class RoutingMemory : public StorePart
{
    Q_DECLARE_TR_FUNCTIONS(RouterStore)

public:
    using StorePart::StorePart;
    // What a webhook needs before it runs, in one read: the answer already given to this
    // request if it is a retry, and the current revision (the one a new call takes).
    struct WebhookLookup
    {
        std::optional<QByteArray> answer;
        int revision = 0;
    };
    // nullopt, with `error`, when the database cannot be read.
    std::optional<WebhookLookup> lookUpWebhook(const QString &key, QString *error);
    // Webhooks already answered. Another process may have answered the same request at the
    // same moment: AnsweredElsewhere, and the caller rolls back and gives that answer.
    enum class Remembered
    {
        Kept,
        AnsweredElsewhere,
        Failed
    };
    Remembered rememberAnswer(const QString &key, const QByteArray &response, QString *error);
    QString takeTurn(const QString &key, const QStringList &order, const QSet<QString> &eligible);
    bool lock(const QString &key);
};

// routerd's store: its schema, the parts above, routing events and retention; and the
// RoutingState the engine asks (answered by the parts).
class RouterStore : public RoutingState
{
    Q_DECLARE_TR_FUNCTIONS(RouterStore)

public:
    static inline const QString Component = QStringLiteral("routerd");
    static QList<Database::Migration> migrations();

    explicit RouterStore(Database &db);
    bool prepare(QString *error);
    Database &database() const { return m_context.db; }

    using Clock = StoreContext::Clock;
    void setClock(Clock clock) { m_context.clock = std::move(clock); }
    QDateTime currentTime() const { return m_context.currentTime(); }
    QString now() const { return m_context.now(); }
    static QString newId() { return StoreContext::newId(); }

    RevisionStore &revisions() { return m_revisions; }
    InboxStore &inbox() { return m_inbox; }
    PresenceStore &presence() { return m_presence; }
    RoutingMemory &memory() { return m_memory; }
    AccessStore &access() { return m_access; }
    OutboxStore &outbox() { return m_outbox; }

    // Retention: routing events, replies no longer queued, and closed conversations with
    // their texts, older than `days`; remembered webhook answers older than two days (the
    // carrier retries within hours); sessions unused for 30 days, failed sign-ins after a day.
    // Returns how many rows went, -1 on error.
    int prune(int days, QString *error);
    static constexpr int RememberedAnswerDays = 2;

    // One request's writes kept together (see StoreContext::beginRequest).
    void beginRequest() { m_context.beginRequest(); }
    bool endRequest(bool commit, QString *error) { return m_context.endRequest(commit, error); }

    // Routing events.
    bool addEvent(const RoutingEvent &event, QString *error);
    QList<QJsonObject> events(const QString &kind, int limit);

    // The first failure of a RoutingState question since the last call, if any: the engine
    // cannot be told, so the caller asks afterwards (and answers 503, storing nothing).
    std::optional<QString> takeFailure() { return std::exchange(m_context.failure, std::nullopt); }

    // RoutingState
    bool isAvailable(const QString &user) override { return m_presence.isAvailable(user); }
    bool isActive(const QString &user, const QString &group, Channel channel) override
    {
        return m_presence.isActive(user, group, channel);
    }
    QString takeTurn(const QString &key, const QStringList &order,
                     const QSet<QString> &eligible) override
    {
        return m_memory.takeTurn(key, order, eligible);
    }
    std::optional<Conversation> openConversation(const QString &customer, const QString &number,
                                                 const QString &group) override
    {
        return m_inbox.openConversation(customer, number, group);
    }
    int openConversations(const QString &user, const QString &group) override
    {
        return m_inbox.openConversations(user, group);
    }
    bool lock(const QString &key) override { return m_memory.lock(key); }

private:
    StoreContext m_context;
    RevisionStore m_revisions{m_context};
    InboxStore m_inbox{m_context};
    PresenceStore m_presence{m_context};
    RoutingMemory m_memory{m_context};
    AccessStore m_access{m_context};
    OutboxStore m_outbox{m_context};
};

} // namespace Switchboard
