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
    };
}

RouterStore::RouterStore(Database &db)
    : m_db(db)
{}

bool RouterStore::prepare(QString *error)
{
    return m_db.migrate(Component, migrations(), -1, error);
}

// Ids that sort as they were made: the time in milliseconds, a counter for the same
// millisecond, and random bits that keep two backends' ids apart. Newest-first lists order by
// them, so items that arrive in one millisecond keep their order.
QString RouterStore::newId()
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

QDateTime RouterStore::currentTime() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

QString RouterStore::now() const
{
    return currentTime().toString(Qt::ISODateWithMs);
}


QSqlQuery &RouterStore::cached(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end() && m_stale.remove(sql)) {
        m_statements.erase(it);
        it = m_statements.end();
    }
    if (it == m_statements.end()) {
        QSqlQuery q = m_db.query();
        q.setForwardOnly(true);
        q.prepare(sql); // a failure shows when it runs
        it = m_statements.try_emplace(sql, std::move(q)).first;
    }
    return it->second;
}

int RouterStore::currentRevision(QString *error)
{
    QSqlQuery &q = cached(u"SELECT COALESCE(MAX(revision), 0) FROM revisions"_s);
    QString failure;
    if (!run(q, &failure)) {
        if (error)
            *error = failure;
        return -1;
    }
    const int revision = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return revision;
}

std::optional<QByteArray> RouterStore::document(int revision)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT document FROM revisions WHERE revision = ?"_s);
    q.addBindValue(revision);
    QString error;
    if (!run(q, &error) || !q.next())
        return std::nullopt;
    return q.value(0).toString().toUtf8();
}

QList<std::pair<int, QString>> RouterStore::revisions()
{
    QList<std::pair<int, QString>> list;
    QSqlQuery q = m_db.query();
    q.exec(u"SELECT revision, pushed_at FROM revisions ORDER BY revision DESC"_s);
    while (q.next())
        list.append({q.value(0).toInt(), q.value(1).toString()});
    return list;
}

int RouterStore::addRevision(int expected, const QByteArray &document, QString *error)
{
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    const int current = currentRevision(error);
    if (current < 0)
        return -1;
    if (current != expected)
        return 0;
    // Another backend may take this revision number first: then nothing is inserted (a
    // conflict), which is not an error. (After a failed statement PostgreSQL refuses the rest
    // of the transaction, so the conflict must not be a failure.)
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO revisions (revision, document, pushed_at) VALUES (?, ?, ?) "
              "ON CONFLICT (revision) DO NOTHING"_s);
    q.addBindValue(expected + 1);
    q.addBindValue(QString::fromUtf8(document));
    q.addBindValue(now());
    if (!run(q, error))
        return -1;
    if (q.numRowsAffected() == 0)
        return 0;
    return transaction.commit(error) ? expected + 1 : -1;
}

bool RouterStore::deliver(const InboxDelivery &d, QString *error)
{
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        *error = tr("Cannot begin a transaction on %1.").arg(m_db.displayName());
        return false;
    }
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT COUNT(*) FROM inbox WHERE dedupe_key = ?"_s);
    q.addBindValue(d.dedupeKey);
    if (!run(q, error))
        return false;
    if (q.next() && q.value(0).toInt() > 0)
        return true; // a retry: kept already
    QString conversation = d.conversation;
    const QString at = now();
    if (d.startsConversation) {
        conversation = newId();
        q.prepare(u"INSERT INTO conversations (id, customer, number, group_id, assignee, closed, "
                  "created_at) VALUES (?, ?, ?, ?, ?, 0, ?)"_s);
        q.addBindValue(conversation);
        q.addBindValue(d.from);
        q.addBindValue(d.to);
        q.addBindValue(d.owner.id);
        q.addBindValue(d.assignedTo.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                              : QVariant(d.assignedTo));
        q.addBindValue(at);
        if (!run(q, error))
            return false;
    }
    // Kept once per dedupe key, also when another process keeps the same at this moment.
    q.prepare(u"INSERT INTO inbox (id, kind, owner_kind, owner_id, from_number, to_number, "
              "created_at, body, media, recording_url, duration, is_read, archived, assigned_to, "
              "conversation, closed, dedupe_key) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 0, ?) "
              "ON CONFLICT (dedupe_key) DO NOTHING"_s);
    q.addBindValue(newId());
    q.addBindValue(d.kind);
    q.addBindValue(d.owner.kindKey());
    q.addBindValue(d.owner.id);
    q.addBindValue(d.from);
    q.addBindValue(d.to);
    q.addBindValue(at);
    q.addBindValue(d.body);
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(d.media)).toJson(QJsonDocument::Compact)));
    q.addBindValue(d.recordingUrl);
    q.addBindValue(d.durationSeconds);
    q.addBindValue(d.assignedTo.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                          : QVariant(d.assignedTo));
    q.addBindValue(conversation.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                          : QVariant(conversation));
    q.addBindValue(d.dedupeKey);
    return run(q, error) && transaction.commit(error);
}

InboxItem RouterStore::itemFrom(const QSqlQuery &q) const
{
    InboxItem i;
    i.id = q.value(0).toString();
    i.kind = q.value(1).toString();
    i.owner = {Owner::kindFromKey(q.value(2).toString()).value_or(Owner::Kind::User),
               q.value(3).toString()};
    i.from = q.value(4).toString();
    i.to = q.value(5).toString();
    i.createdAt = q.value(6).toString();
    i.body = q.value(7).toString();
    for (const QJsonValue &m : QJsonDocument::fromJson(q.value(8).toString().toUtf8()).array())
        i.media.append(m.toString());
    i.recordingUrl = q.value(9).toString();
    i.durationSeconds = q.value(10).toInt();
    i.read = q.value(11).toInt() != 0;
    i.archived = q.value(12).toInt() != 0;
    i.assignedTo = q.value(13).toString();
    i.conversation = q.value(14).toString();
    i.closed = q.value(15).toInt() != 0;
    return i;
}

namespace {
const QString itemColumns = u"id, kind, owner_kind, owner_id, from_number, to_number, created_at, "
                            "body, media, recording_url, duration, is_read, archived, assigned_to, "
                            "conversation, closed"_s;
}

QList<InboxItem> RouterStore::inbox(const InboxQuery &query, QString *next, QString *error)
{
    QStringList where;
    QVariantList values;
    if (query.owner) {
        where.append(u"owner_kind = ? AND owner_id = ?"_s);
        values << query.owner->kindKey() << query.owner->id;
    }
    if (!query.kind.isEmpty()) {
        where.append(u"kind = ?"_s);
        values << query.kind;
    }
    if (query.unreadOnly)
        where.append(u"is_read = 0"_s);
    if (query.archived)
        where.append(*query.archived ? u"archived = 1"_s : u"archived = 0"_s);
    if (!query.before.isEmpty()) {
        // The cursor is the last item of the previous page: (created_at, id).
        const auto decoded = QByteArray::fromBase64Encoding(
            query.before.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        const QString cursor = QString::fromUtf8(*decoded);
        if (!decoded || cursor.count(u'|') != 1 ||
            !QDateTime::fromString(cursor.section(u'|', 0, 0), Qt::ISODateWithMs).isValid()) {
            *error = tr("\"%1\" is not a cursor this backend gave out.").arg(query.before);
            return {};
        }
        // A row value: the index (owner, created_at, id) is searched from there, however deep.
        where.append(u"(created_at, id) < (?, ?)"_s);
        values << cursor.section(u'|', 0, 0) << cursor.section(u'|', 1);
    }
    const int limit = std::clamp(query.limit, 1, 500);
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + itemColumns + u" FROM inbox"_s +
              (where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s)) +
              u" ORDER BY created_at DESC, id DESC LIMIT "_s + QString::number(limit + 1));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    QList<InboxItem> items;
    if (!run(q, error))
        return items;
    while (q.next())
        items.append(itemFrom(q));
    next->clear();
    if (items.size() > limit) {
        items.removeLast();
        const QString cursor = items.last().createdAt + u'|' + items.last().id;
        *next = QString::fromLatin1(cursor.toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                                             QByteArray::OmitTrailingEquals));
    }
    return items;
}

QHash<QString, int> RouterStore::counts(const Owner &owner, QString *error)
{
    QSqlQuery &q = cached(u"SELECT kind, COUNT(*), SUM(CASE WHEN is_read = 0 THEN 1 ELSE 0 END) "
                          "FROM inbox WHERE owner_kind = ? AND owner_id = ? AND archived = 0 "
                          "GROUP BY kind"_s);
    q.bindValue(0, owner.kindKey());
    q.bindValue(1, owner.id);
    QHash<QString, int> counts;
    if (!run(q, error))
        return counts;
    while (q.next()) {
        counts.insert(q.value(0).toString() + u".total"_s, q.value(1).toInt());
        counts.insert(q.value(0).toString() + u".unread"_s, q.value(2).toInt());
    }
    q.finish();
    return counts;
}

std::optional<RouterStore::SmsReply> RouterStore::addReply(const InboxItem &item, const QString &body,
                                                        const QString &status, QString *error)
{
    SmsReply reply{newId(), item.id, item.from, item.to, body, now(), status};
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO outbox (id, item_id, to_number, from_number, body, created_at, status) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(reply.id);
    q.addBindValue(reply.itemId);
    q.addBindValue(reply.to);
    q.addBindValue(reply.from);
    q.addBindValue(reply.body);
    q.addBindValue(reply.createdAt);
    q.addBindValue(reply.status);
    if (!run(q, error))
        return std::nullopt;
    return reply;
}

QList<RouterStore::SmsReply> RouterStore::replies(const QString &itemId)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT id, item_id, to_number, from_number, body, created_at, status FROM outbox "
              "WHERE item_id = ? ORDER BY created_at, id"_s);
    q.addBindValue(itemId);
    QList<SmsReply> list;
    QString error;
    if (!run(q, &error))
        return list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                     q.value(6).toString()});
    return list;
}


std::optional<InboxItem> RouterStore::item(const QString &id)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT "_s + itemColumns + u" FROM inbox WHERE id = ?"_s);
    q.addBindValue(id);
    QString error;
    if (!run(q, &error) || !q.next())
        return std::nullopt;
    return itemFrom(q);
}

bool RouterStore::changeItem(const QString &id, const ItemChange &change, QString *error)
{
    const auto before = item(id);
    if (!before)
        return false;
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    QSqlQuery q = m_db.query();
    auto set = [&](const QString &column, const QVariant &value) {
        q.prepare(u"UPDATE inbox SET "_s + column + u" = ? WHERE id = ?"_s);
        q.addBindValue(value);
        q.addBindValue(id);
        return run(q, error);
    };
    if (change.read && !set(u"is_read"_s, *change.read ? 1 : 0))
        return false;
    if (change.archived && !set(u"archived"_s, *change.archived ? 1 : 0))
        return false;
    if (change.assignedTo) {
        const QVariant who = change.assignedTo->isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                          : QVariant(*change.assignedTo);
        if (!set(u"assigned_to"_s, who))
            return false;
        if (!before->conversation.isEmpty()) {
            q.prepare(u"UPDATE conversations SET assignee = ? WHERE id = ?"_s);
            q.addBindValue(who);
            q.addBindValue(before->conversation);
            if (!run(q, error))
                return false;
        }
    }
    if (change.closed) {
        // Closing an item closes its conversation, and every text in it.
        if (before->conversation.isEmpty()) {
            if (!set(u"closed"_s, *change.closed ? 1 : 0))
                return false;
        } else {
            for (const QString &table : {u"inbox"_s, u"conversations"_s}) {
                q.prepare(u"UPDATE "_s + table + u" SET closed = ? WHERE "_s +
                          (table == u"inbox" ? u"conversation"_s : u"id"_s) + u" = ?"_s);
                q.addBindValue(*change.closed ? 1 : 0);
                q.addBindValue(before->conversation);
                if (!run(q, error))
                    return false;
            }
        }
    }
    return transaction.commit(error);
}

bool RouterStore::deleteItem(const QString &id, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"DELETE FROM inbox WHERE id = ?"_s);
    q.addBindValue(id);
    return run(q, error) && q.numRowsAffected() > 0;
}

bool RouterStore::setTranscription(const QString &dedupeKey, const QString &text, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"UPDATE inbox SET body = ? WHERE dedupe_key = ?"_s);
    q.addBindValue(text);
    q.addBindValue(dedupeKey);
    if (!run(q, error))
        return false;
    if (q.numRowsAffected() == 0) {
        // The voicemail is not kept (yet): the carrier tries again later.
        *error = tr("There is no voicemail for this recording.");
        return false;
    }
    return true;
}

std::optional<QHash<QString, RouterStore::Presence>> RouterStore::presence(QString *error)
{
    QHash<QString, Presence> result;
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT user_id, available FROM presence"_s);
    if (!run(q, error))
        return std::nullopt;
    while (q.next())
        result[q.value(0).toString()].available = q.value(1).toInt() != 0;
    q.prepare(u"SELECT user_id, group_id, voice, sms FROM activity"_s);
    if (!run(q, error))
        return std::nullopt;
    while (q.next())
        result[q.value(0).toString()].groups.insert(
            q.value(1).toString(), Api::Activity{q.value(2).toInt() != 0, q.value(3).toInt() != 0});
    return result;
}

bool RouterStore::setPresence(
    const QString &user, std::optional<bool> available,
    const QHash<QString, std::pair<std::optional<bool>, std::optional<bool>>> &groups,
    QString *error)
{
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        *error = tr("Cannot begin a transaction on %1.").arg(m_db.displayName());
        return false;
    }
    QSqlQuery q = m_db.query();
    if (available) {
        q.prepare(u"INSERT INTO presence (user_id, available) VALUES (?, ?) "
                  "ON CONFLICT (user_id) DO UPDATE SET available = excluded.available"_s);
        q.addBindValue(user);
        q.addBindValue(*available ? 1 : 0);
        if (!run(q, error))
            return false;
    }
    // One upsert per field given: a field not given keeps its value, whatever another
    // process writes to it meanwhile (a new row starts active, as no row means).
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        for (const auto &[column, value] :
             {std::pair{u"voice"_s, it->first}, std::pair{u"sms"_s, it->second}}) {
            if (!value)
                continue;
            q.prepare(u"INSERT INTO activity (user_id, group_id, voice, sms) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (user_id, group_id) DO UPDATE SET "_s +
                      column + u" = excluded."_s + column);
            q.addBindValue(user);
            q.addBindValue(it.key());
            q.addBindValue(column == u"voice" ? (*value ? 1 : 0) : 1);
            q.addBindValue(column == u"sms" ? (*value ? 1 : 0) : 1);
            if (!run(q, error))
                return false;
        }
    }
    return transaction.commit(error);
}

int RouterStore::prune(int days, QString *error)
{
    const QDateTime now = currentTime();
    const QString cutoff = now.addDays(-days).toString(Qt::ISODateWithMs);
    const QString answers = now.addDays(-RememberedAnswerDays).toString(Qt::ISODateWithMs);
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        *error = tr("Cannot begin a transaction on %1.").arg(m_db.displayName());
        return -1;
    }
    const QList<std::pair<QString, QString>> statements{
        {u"DELETE FROM events WHERE at < ?"_s, cutoff},
        {u"DELETE FROM webhooks WHERE at < ?"_s, answers},
        {u"DELETE FROM outbox WHERE status <> 'queued' AND created_at < ?"_s, cutoff},
        {u"DELETE FROM inbox WHERE conversation IN (SELECT id FROM conversations WHERE "
         "closed = 1 AND created_at < ?)"_s,
         cutoff},
        {u"DELETE FROM conversations WHERE closed = 1 AND created_at < ?"_s, cutoff},
    };
    int removed = 0;
    for (const auto &[sql, before] : statements) {
        QSqlQuery q = m_db.query();
        q.prepare(sql);
        q.addBindValue(before);
        if (!run(q, error))
            return -1;
        removed += std::max(0, q.numRowsAffected());
    }
    return transaction.commit(error) ? removed : -1;
}

bool RouterStore::addEvent(const RoutingEvent &event, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(
        u"INSERT INTO events (id, kind, at, from_number, to_number, detail) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(newId());
    q.addBindValue(event.kind);
    q.addBindValue(now());
    q.addBindValue(event.from);
    q.addBindValue(event.to);
    q.addBindValue(event.detail);
    return run(q, error);
}

QList<QJsonObject> RouterStore::events(const QString &kind, int limit)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT id, kind, at, from_number, to_number, detail FROM events"_s +
              (kind.isEmpty() ? QString() : u" WHERE kind = ?"_s) +
              u" ORDER BY at DESC, id DESC LIMIT "_s + QString::number(std::clamp(limit, 1, 1000)));
    if (!kind.isEmpty())
        q.addBindValue(kind);
    QList<QJsonObject> list;
    QString error;
    if (!run(q, &error))
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

std::optional<RouterStore::WebhookLookup> RouterStore::lookUpWebhook(const QString &key,
                                                                     QString *error)
{
    QSqlQuery &q = cached(u"SELECT (SELECT response FROM webhooks WHERE request_key = ?), "
                          "(SELECT COALESCE(MAX(revision), 0) FROM revisions)"_s);
    q.bindValue(0, key);
    if (!run(q, error))
        return std::nullopt;
    if (!q.next()) {
        *error = q.lastError().text();
        q.finish();
        return std::nullopt;
    }
    WebhookLookup found;
    if (!q.value(0).isNull())
        found.answer = q.value(0).toString().toUtf8();
    found.revision = q.value(1).toInt();
    q.finish();
    return found;
}

RouterStore::Remembered RouterStore::rememberAnswer(const QString &key, const QByteArray &response,
                                                   QString *error)
{
    // Waits, on PostgreSQL, for another process keeping the same key; then keeps nothing.
    QSqlQuery &q = cached(u"INSERT INTO webhooks (request_key, response, at) VALUES (?, ?, ?) "
                          "ON CONFLICT (request_key) DO NOTHING"_s);
    q.bindValue(0, key);
    q.bindValue(1, QString::fromUtf8(response));
    q.bindValue(2, now());
    if (!run(q, error))
        return Remembered::Failed;
    if (q.numRowsAffected() == 0)
        return Remembered::AnsweredElsewhere;
    return Remembered::Kept;
}

bool RouterStore::isAvailable(const QString &user)
{
    QSqlQuery &q = cached(u"SELECT available FROM presence WHERE user_id = ?"_s);
    q.bindValue(0, user);
    QString error;
    if (!run(q, &error)) {
        failed(error);
        return false;
    }
    const bool available = !q.next() || q.value(0).toInt() != 0;
    q.finish();
    return available;
}

bool RouterStore::isActive(const QString &user, const QString &group, Channel channel)
{
    QSqlQuery &q = cached(u"SELECT voice, sms FROM activity WHERE user_id = ? AND group_id = ?"_s);
    q.bindValue(0, user);
    q.bindValue(1, group);
    QString error;
    if (!run(q, &error)) {
        failed(error);
        return false;
    }
    const bool active = !q.next() || q.value(channel == Channel::Voice ? 0 : 1).toInt() != 0;
    q.finish();
    return active;
}

QString RouterStore::takeTurn(const QString &key, const QStringList &order,
                              const QSet<QString> &eligible)
{
    if (eligible.isEmpty())
        return {};
    // Read and advance the turn under one lock, so that two backends cannot both read the
    // same "last" and give two calls in a row to the same member.
    QString error;
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        failed(tr("Cannot begin a transaction on %1.").arg(m_db.displayName()));
        return {};
    }
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO rotation (rotation_key, last_member) VALUES (?, '') "
              "ON CONFLICT (rotation_key) DO NOTHING"_s);
    q.addBindValue(key);
    if (!run(q, &error)) {
        failed(error);
        return {};
    }
    q.prepare(m_db.kind() == Database::Kind::Postgres
                  ? u"SELECT last_member FROM rotation WHERE rotation_key = ? FOR UPDATE"_s
                  : u"SELECT last_member FROM rotation WHERE rotation_key = ?"_s);
    q.addBindValue(key);
    if (!run(q, &error)) {
        failed(error);
        return {};
    }
    const QString last = q.next() ? q.value(0).toString() : QString();
    const QString next = nextInTurn(last, order, eligible);
    q.prepare(u"UPDATE rotation SET last_member = ? WHERE rotation_key = ?"_s);
    q.addBindValue(next);
    q.addBindValue(key);
    if (!run(q, &error) || !transaction.commit(&error)) {
        failed(error);
        return {};
    }
    return next;
}

std::optional<Conversation>
RouterStore::openConversation(const QString &customer, const QString &number, const QString &group)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT id, assignee FROM conversations WHERE customer = ? AND number = ? AND "
              "group_id = ? AND closed = 0 ORDER BY created_at DESC LIMIT 1"_s);
    q.addBindValue(customer);
    q.addBindValue(number);
    q.addBindValue(group);
    QString error;
    if (!run(q, &error)) {
        failed(error);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Conversation{q.value(0).toString(), q.value(1).toString()};
}

int RouterStore::openConversations(const QString &user, const QString &group)
{
    QSqlQuery q = m_db.query();
    q.prepare(
        u"SELECT COUNT(*) FROM conversations WHERE assignee = ? AND group_id = ? AND closed = 0"_s);
    q.addBindValue(user);
    q.addBindValue(group);
    QString error;
    if (!run(q, &error)) {
        failed(error);
        return 0;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

bool RouterStore::lock(const QString &key)
{
    // SQLite: the request's write transaction (BEGIN IMMEDIATE) already excludes every other
    // writer. PostgreSQL: a lock held until the request's transaction ends.
    if (m_db.kind() != Database::Kind::Postgres)
        return true;
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT pg_advisory_xact_lock(hashtext(?))"_s);
    q.addBindValue(key);
    QString error;
    if (!run(q, &error)) {
        failed(error);
        return false;
    }
    return true;
}

} // namespace Switchboard
