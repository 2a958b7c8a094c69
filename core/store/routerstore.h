#pragma once

// What switchboard-routerd keeps, in the same database layer as the console (its own schema
// component): every configuration revision pushed, the inbox (voicemails, texts) and text
// conversations, presence and activity, round-robin turns (taken atomically, so that several
// backends on one PostgreSQL never give two calls in a row the same "next"), routing events,
// and the answers to webhooks already handled (so that the carrier's retries change nothing).

#include "routing/engine.h"
#include "routing/routingstate.h"
#include "api/vocabulary.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSet>

#include <functional>
#include <map>

namespace Switchboard {

using InboxItem = Api::InboxItem;

class RouterStore : public RoutingState
{
    Q_DECLARE_TR_FUNCTIONS(RouterStore)

public:
    static inline const QString Component = QStringLiteral("routerd");
    static QList<Database::Migration> migrations();

    explicit RouterStore(Database &db);
    bool prepare(QString *error);
    Database &database() const { return m_db; }
    // routerd's clock: the time calls and texts are routed at (business hours, holidays) and
    // the time kept with what is stored. The system's clock unless one is set (tests fix it).
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime currentTime() const; // UTC
    QString now() const;           // currentTime() in ISO-8601, milliseconds
    // Ids in the order they were made (on the system's clock, whatever currentTime() says).
    static QString newId();

    // Configuration revisions.
    int currentRevision(QString *error = nullptr);
    // nullopt when there is no such revision, or (with `error` set) when it cannot be read.
    std::optional<QByteArray> document(int revision, QString *error = nullptr);
    QList<std::pair<int, QString>> revisions(); // (revision, pushed_at), newest first
    // Keeps `document` as revision `expected` + 1. Returns it; 0 when another push came
    // first (the revision is no longer `expected`); -1 on error.
    int addRevision(int expected, const QByteArray &document, QString *error);

    // The inbox.
    bool deliver(const InboxDelivery &delivery, QString *error);
    using InboxQuery = Api::InboxQuery;
    QList<InboxItem> inbox(const InboxQuery &query, QString *next, QString *error);
    std::optional<InboxItem> item(const QString &id);
    // Items not archived of one owner, by kind: "sms.total", "sms.unread", "voicemail.total"...
    QHash<QString, int> counts(const Owner &owner, QString *error);
    // Replies to texts, queued for sending.
    using SmsReply = Api::Reply;
    std::optional<SmsReply> addReply(const InboxItem &item, const QString &body, const QString &status,
                                  QString *error);
    QList<SmsReply> replies(const QString &itemId);
    struct ItemChange
    {
        std::optional<bool> read, archived, closed;
        std::optional<QString> assignedTo; // empty string: unassigned
    };
    bool changeItem(const QString &id, const ItemChange &change, QString *error);
    bool deleteItem(const QString &id, QString *error);
    bool setTranscription(const QString &dedupeKey, const QString &text, QString *error);

    // Presence and activity.
    using Presence = Api::Presence;
    // nullopt, with `error`, when it cannot be read.
    std::optional<QHash<QString, Presence>> presence(QString *error);
    // Changes only the fields given (the rest stay as they are, even if another process
    // changes them at the same moment).
    bool
    setPresence(const QString &user, std::optional<bool> available,
                const QHash<QString, std::pair<std::optional<bool>, std::optional<bool>>> &groups,
                QString *error);

    // Retention: routing events, replies no longer queued, and closed conversations with
    // their texts, older than `days`; remembered webhook answers older than two days (the
    // carrier retries within hours). Returns how many rows went, -1 on error.
    int prune(int days, QString *error);
    static constexpr int RememberedAnswerDays = 2;

    // Routing events.
    bool addEvent(const RoutingEvent &event, QString *error);
    QList<QJsonObject> events(const QString &kind, int limit);

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

    // The first failure of a RoutingState question since the last call, if any: the engine
    // cannot be told, so the caller asks afterwards (and answers 503, storing nothing).
    std::optional<QString> takeFailure() { return std::exchange(m_failure, std::nullopt); }

    // RoutingState
    bool isAvailable(const QString &user) override;
    bool isActive(const QString &user, const QString &group, Channel channel) override;
    QString takeTurn(const QString &key, const QStringList &order,
                     const QSet<QString> &eligible) override;
    std::optional<Conversation> openConversation(const QString &customer, const QString &number,
                                                 const QString &group) override;
    int openConversations(const QString &user, const QString &group) override;
    bool lock(const QString &key) override;

private:
    // Runs a statement; a kept statement that failed is prepared anew next time (a table that
    // was missing or changed must not fail it forever).
    bool run(QSqlQuery &q, QString *error)
    {
        if (m_db.exec(q, error))
            return true;
        m_stale.insert(q.lastQuery());
        return false;
    }
    // The statements every webhook runs, prepared once. Finish them after reading, so that
    // SQLite does not hold a read transaction open.
    QSqlQuery &cached(const QString &sql);
    InboxItem itemFrom(const QSqlQuery &q) const;

    Database &m_db;
    std::map<QString, QSqlQuery> m_statements;
    QSet<QString> m_stale;
    std::optional<QString> m_failure;
    void failed(const QString &error)
    {
        if (!m_failure)
            m_failure = error;
    }
    Clock m_clock;
};

} // namespace Switchboard
