// RouterStore: the schema, the shared context (clock, ids, kept statements), routing events
// and retention.
// Each other concern has a file of its own: routerstore_revisions.cpp, _inbox.cpp,
// _presence.cpp and _webhooks.cpp.

#include "routerstore.h"

#include <mutex>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Switchboard {

QList<Database::Migration> RouterStore::migrations()
{
    return {
        {1,
         {
             u"CREATE TABLE revisions (revision INTEGER PRIMARY KEY, document TEXT NOT NULL, "
             "pushed_at TEXT NOT NULL)"_s,
             u"CREATE TABLE conversations (id TEXT PRIMARY KEY, customer TEXT NOT NULL, "
             "number TEXT NOT NULL, group_id TEXT NOT NULL, assignee TEXT, "
             "closed INTEGER NOT NULL, created_at TEXT NOT NULL)"_s,
             u"CREATE INDEX conversations_open ON conversations (customer, number, group_id, closed)"_s,
             u"CREATE TABLE inbox (id TEXT PRIMARY KEY, kind TEXT NOT NULL, owner_kind TEXT NOT "
             u"NULL, "
             "owner_id TEXT NOT NULL, from_number TEXT, to_number TEXT, created_at TEXT NOT NULL, "
             "body TEXT, media TEXT, recording_url TEXT, duration INTEGER, is_read INTEGER NOT "
             "NULL, "
             "archived INTEGER NOT NULL, assigned_to TEXT, conversation TEXT, closed INTEGER NOT "
             "NULL, "
             "dedupe_key TEXT UNIQUE)"_s,
             u"CREATE INDEX inbox_owner ON inbox (owner_kind, owner_id, created_at)"_s,
             u"CREATE TABLE presence (user_id TEXT PRIMARY KEY, available INTEGER NOT NULL)"_s,
             u"CREATE TABLE activity (user_id TEXT NOT NULL, group_id TEXT NOT NULL, "
             "voice INTEGER NOT NULL, sms INTEGER NOT NULL, PRIMARY KEY (user_id, group_id))"_s,
             u"CREATE TABLE rotation (rotation_key TEXT PRIMARY KEY, last_member TEXT NOT NULL)"_s,
             u"CREATE TABLE events (id TEXT PRIMARY KEY, kind TEXT NOT NULL, at TEXT NOT NULL, "
             "from_number TEXT, to_number TEXT, detail TEXT)"_s,
             u"CREATE INDEX events_at ON events (at)"_s,
             u"CREATE TABLE webhooks (request_key TEXT PRIMARY KEY, response TEXT NOT NULL, "
             "at TEXT NOT NULL)"_s,
         }},
        {2,
         {
             // Newest-first pages of one owner's items without a sort; replies queued.
             u"CREATE INDEX inbox_owner_order ON inbox (owner_kind, owner_id, created_at, id)"_s,
             u"DROP INDEX inbox_owner"_s,
             u"CREATE INDEX inbox_conversation ON inbox (conversation)"_s,
             u"CREATE TABLE outbox (id TEXT PRIMARY KEY, item_id TEXT NOT NULL, "
             "to_number TEXT NOT NULL, from_number TEXT NOT NULL, body TEXT NOT NULL, "
             "created_at TEXT NOT NULL, status TEXT NOT NULL)"_s,
             u"CREATE INDEX outbox_item ON outbox (item_id)"_s,
         }},
        {3,
         {
             // Sign-in: password hashes, sessions by their token's hash, failed attempts;
             // who pushed each revision.
             u"CREATE TABLE credentials (user_id TEXT PRIMARY KEY, hash TEXT NOT NULL, "
             "changed_at TEXT NOT NULL)"_s,
             u"CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
             "role TEXT NOT NULL, created_at TEXT NOT NULL, used_at TEXT NOT NULL)"_s,
             u"CREATE INDEX sessions_user ON sessions (user_id)"_s,
             u"CREATE TABLE sign_in_failures (login TEXT NOT NULL, at TEXT NOT NULL)"_s,
             u"CREATE INDEX sign_in_failures_login ON sign_in_failures (login, at)"_s,
             u"ALTER TABLE revisions ADD COLUMN pushed_by TEXT NOT NULL DEFAULT 'admin-token'"_s,
         }},
        {4,
         {
             // The sender: what the carrier said, when to try next, who holds the reply.
             u"ALTER TABLE outbox ADD COLUMN error TEXT"_s,
             u"ALTER TABLE outbox ADD COLUMN carrier_sid TEXT"_s,
             u"ALTER TABLE outbox ADD COLUMN sent_at TEXT"_s,
             u"ALTER TABLE outbox ADD COLUMN updated_at TEXT"_s,
             u"ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0"_s,
             u"ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT"_s,
             u"ALTER TABLE outbox ADD COLUMN lease_owner TEXT"_s,
             u"ALTER TABLE outbox ADD COLUMN lease_until TEXT"_s,
             u"ALTER TABLE outbox ADD COLUMN tried_since TEXT"_s,
             u"ALTER TABLE outbox ADD COLUMN earlier_sids TEXT"_s,
             u"CREATE INDEX outbox_due ON outbox (status, next_attempt_at)"_s,
             // Final statuses the carrier reported before its sid was kept with a reply.
             u"CREATE TABLE carrier_statuses (carrier_sid TEXT PRIMARY KEY, status TEXT NOT "
             "NULL, error TEXT, at TEXT NOT NULL)"_s,
             u"CREATE INDEX outbox_carrier_sid ON outbox (carrier_sid)"_s,
             // Replies kept before there was a sender are not sent days late on their own:
             // they wait for someone to retry them.
             u"UPDATE outbox SET status = 'failed', updated_at = created_at, error = 'Kept "
             "before this backend could send texts; not sent. Retry to send it now.' "
             "WHERE status = 'queued'"_s,
         }},
    };
}

RouterStore::RouterStore(Database &db)
    : m_context(db)
{}

bool RouterStore::prepare(QString *error)
{
    return m_context.db.migrate(Component, migrations(), -1, error);
}

// Ids that sort as they were made: the time in milliseconds, a counter for the same
// millisecond, and random bits that keep two backends' ids apart. Newest-first lists order by
// them, so items that arrive in one millisecond keep their order.
QString StoreContext::newId()
{
    // Shared by routerd's threads.
    static std::mutex mutex;
    static qint64 lastMs = 0;
    static int counter = 0;
    qint64 ms = 0;
    int n = 0;
    {
        const std::lock_guard lock(mutex);
        ms = QDateTime::currentMSecsSinceEpoch();
        counter = ms == lastMs ? counter + 1 : 0;
        lastMs = ms;
        n = counter;
    }
    return QString::number(ms).rightJustified(13, u'0') +
           QString::number(n).rightJustified(5, u'0') + u'-' +
           QUuid::createUuid().toString(QUuid::Id128).left(8);
}

QDateTime StoreContext::currentTime() const
{
    return clock ? clock().toUTC() : QDateTime::currentDateTimeUtc();
}

QString StoreContext::now() const
{
    return currentTime().toString(Qt::ISODateWithMs);
}

QSqlQuery &StoreContext::cached(const QString &sql)
{
    auto it = statements.find(sql);
    if (it != statements.end() && stale.remove(sql)) {
        statements.erase(it);
        it = statements.end();
    }
    if (it == statements.end()) {
        QSqlQuery q = db.query();
        q.setForwardOnly(true);
        q.prepare(sql); // a failure shows when it runs
        it = statements.try_emplace(sql, std::move(q)).first;
    }
    return it->second;
}

bool StoreContext::beginWrites()
{
    if (!inRequest || request)
        return !request || request->isActive();
    request.emplace(db, Database::Transaction::Write);
    if (!request->isActive()) {
        failed(RouterStore::tr("Cannot begin a transaction on %1.").arg(db.displayName()));
        return false;
    }
    return true;
}

bool StoreContext::endRequest(bool commit, QString *error)
{
    inRequest = false;
    if (!request)
        return true; // nothing was written
    const bool kept = commit && request->commit(error);
    request.reset(); // rolls back what was not committed
    return kept || !commit;
}

int RouterStore::prune(int days, QString *error)
{
    const QDateTime now = m_context.currentTime();
    const QString cutoff = now.addDays(-days).toString(Qt::ISODateWithMs);
    const QString answers = now.addDays(-RememberedAnswerDays).toString(Qt::ISODateWithMs);
    Database::Transaction transaction(m_context.db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        *error = tr("Cannot begin a transaction on %1.").arg(m_context.db.displayName());
        return -1;
    }
    const QList<std::pair<QString, QString>> statements{
        {u"DELETE FROM events WHERE at < ?"_s, cutoff},
        {u"DELETE FROM webhooks WHERE at < ?"_s, answers},
        {u"DELETE FROM outbox WHERE status <> 'queued' AND created_at < ?"_s, cutoff},
        {u"DELETE FROM carrier_statuses WHERE at < ?"_s, answers},
        {u"DELETE FROM inbox WHERE conversation IN (SELECT id FROM conversations WHERE "
         "closed = 1 AND created_at < ?)"_s,
         cutoff},
        {u"DELETE FROM conversations WHERE closed = 1 AND created_at < ?"_s, cutoff},
        {u"DELETE FROM sessions WHERE used_at < ?"_s,
         now.addDays(-AccessStore::SessionDays).toString(Qt::ISODateWithMs)},
        {u"DELETE FROM sign_in_failures WHERE at < ?"_s,
         now.addDays(-1).toString(Qt::ISODateWithMs)},
    };
    int removed = 0;
    for (const auto &[sql, before] : statements) {
        QSqlQuery q = m_context.db.query();
        q.prepare(sql);
        q.addBindValue(before);
        if (!m_context.run(q, error))
            return -1;
        removed += std::max(0, q.numRowsAffected());
    }
    return transaction.commit(error) ? removed : -1;
}

bool RouterStore::addEvent(const RoutingEvent &event, QString *error)
{
    if (!m_context.beginWrites()) {
        *error = m_context.failure.value_or(QString());
        return false;
    }
    QSqlQuery &q = m_context.cached(
        u"INSERT INTO events (id, kind, at, from_number, to_number, detail) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.bindValue(0, newId());
    q.bindValue(1, event.kind);
    q.bindValue(2, m_context.now());
    q.bindValue(3, event.from);
    q.bindValue(4, event.to);
    q.bindValue(5, event.detail);
    return m_context.run(q, error);
}

QList<QJsonObject> RouterStore::events(const QString &kind, int limit)
{
    QSqlQuery q = m_context.db.query();
    q.prepare(u"SELECT id, kind, at, from_number, to_number, detail FROM events"_s +
              (kind.isEmpty() ? QString() : u" WHERE kind = ?"_s) +
              u" ORDER BY at DESC, id DESC LIMIT "_s + QString::number(std::clamp(limit, 1, 1000)));
    if (!kind.isEmpty())
        q.addBindValue(kind);
    QList<QJsonObject> list;
    QString error;
    if (!m_context.run(q, &error))
        return list;
    while (q.next())
        list.append(QJsonObject{{u"id"_s, q.value(0).toString()},
                                {u"kind"_s, q.value(1).toString()},
                                {u"at"_s, q.value(2).toString()},
                                {u"from"_s, q.value(3).toString()},
                                {u"to"_s, q.value(4).toString()},
                                {u"detail"_s, q.value(5).toString()}});
    return list;
}

} // namespace Switchboard
