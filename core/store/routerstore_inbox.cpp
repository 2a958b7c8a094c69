// InboxStore: the inbox (voicemails, texts), text conversations and replies.

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

bool InboxStore::deliver(const InboxDelivery &d, QString *error)
{
    if (!beginWrites()) {
        *error = m_c.failure.value_or(QString());
        return false;
    }
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        *error = tr("Cannot begin a transaction on %1.").arg(m_db.displayName());
        return false;
    }
    QSqlQuery q = m_db.query();
    const QString conversation = d.startsConversation ? newId() : d.conversation;
    const QString at = now();
    // The item first, kept once per dedupe key (a retry, or another process keeping the same
    // at this moment, changes nothing); its new conversation only when the item was kept here.
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
    if (!run(q, error))
        return false;
    if (d.startsConversation && q.numRowsAffected() > 0) {
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
    return transaction.commit(error);
}

InboxItem InboxStore::itemFrom(const QSqlQuery &q) const
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

QList<InboxItem> InboxStore::page(const InboxQuery &query, QString *next, QString *error)
{
    QStringList where;
    QVariantList values;
    if (query.owner) {
        where.append(u"owner_kind = ? AND owner_id = ?"_s);
        values << query.owner->kindKey() << query.owner->id;
    }
    if (!query.within.isEmpty()) {
        QStringList any;
        for (const Owner &o : query.within) {
            any.append(u"(owner_kind = ? AND owner_id = ?)"_s);
            values << o.kindKey() << o.id;
        }
        where.append(u'(' + any.join(u" OR "_s) + u')');
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

QHash<QString, int> InboxStore::counts(const Owner &owner, QString *error)
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

std::optional<InboxStore::SmsReply> InboxStore::addReply(const InboxItem &item, const QString &body,
                                                         QString *error)
{
    SmsReply reply;
    reply.id = newId();
    reply.itemId = item.id;
    reply.to = item.from; // the customer
    reply.from = item.to; // the organization's number the text came to
    reply.body = body;
    reply.createdAt = now();
    reply.status = u"queued"_s;
    reply.updatedAt = reply.createdAt;
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO outbox (id, item_id, to_number, from_number, body, created_at, status, "
              "updated_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"_s);
    q.addBindValue(reply.id);
    q.addBindValue(reply.itemId);
    q.addBindValue(reply.to);
    q.addBindValue(reply.from);
    q.addBindValue(reply.body);
    q.addBindValue(reply.createdAt);
    q.addBindValue(reply.status);
    q.addBindValue(reply.updatedAt);
    q.addBindValue(reply.createdAt);
    if (!run(q, error))
        return std::nullopt;
    return reply;
}

QList<InboxStore::SmsReply> InboxStore::replies(const QString &itemId)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT "_s + OutboxStore::columns +
              u" FROM outbox WHERE item_id = ? ORDER BY created_at, id"_s);
    q.addBindValue(itemId);
    QList<SmsReply> list;
    QString error;
    if (!run(q, &error))
        return list;
    while (q.next())
        list.append(OutboxStore::replyFrom(q));
    return list;
}

std::optional<InboxItem> InboxStore::item(const QString &id)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT "_s + itemColumns + u" FROM inbox WHERE id = ?"_s);
    q.addBindValue(id);
    QString error;
    if (!run(q, &error) || !q.next())
        return std::nullopt;
    return itemFrom(q);
}

std::optional<InboxItem> InboxStore::changeItem(const QString &id, const Api::InboxChange &change,
                                                QString *error)
{
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        *error = tr("Cannot begin a transaction on %1.").arg(m_db.displayName());
        return std::nullopt;
    }
    const auto before = item(id);
    if (!before)
        return std::nullopt;
    QSqlQuery q = m_db.query();
    auto set = [&](const QString &column, const QVariant &value) {
        q.prepare(u"UPDATE inbox SET "_s + column + u" = ? WHERE id = ?"_s);
        q.addBindValue(value);
        q.addBindValue(id);
        return run(q, error);
    };
    if (change.read && !set(u"is_read"_s, *change.read ? 1 : 0))
        return std::nullopt;
    if (change.archived && !set(u"archived"_s, *change.archived ? 1 : 0))
        return std::nullopt;
    if (change.assignedTo) {
        const QVariant who = change.assignedTo->isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                          : QVariant(*change.assignedTo);
        if (!set(u"assigned_to"_s, who))
            return std::nullopt;
        if (!before->conversation.isEmpty()) {
            q.prepare(u"UPDATE conversations SET assignee = ? WHERE id = ?"_s);
            q.addBindValue(who);
            q.addBindValue(before->conversation);
            if (!run(q, error))
                return std::nullopt;
        }
    }
    if (change.closed) {
        // Closing an item closes its conversation, and every text in it.
        if (before->conversation.isEmpty()) {
            if (!set(u"closed"_s, *change.closed ? 1 : 0))
                return std::nullopt;
        } else {
            for (const QString &table : {u"inbox"_s, u"conversations"_s}) {
                q.prepare(u"UPDATE "_s + table + u" SET closed = ? WHERE "_s +
                          (table == u"inbox" ? u"conversation"_s : u"id"_s) + u" = ?"_s);
                q.addBindValue(*change.closed ? 1 : 0);
                q.addBindValue(before->conversation);
                if (!run(q, error))
                    return std::nullopt;
            }
        }
    }
    auto after = item(id);
    if (!after || !transaction.commit(error))
        return std::nullopt;
    return after;
}

bool InboxStore::deleteItem(const QString &id, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"DELETE FROM inbox WHERE id = ?"_s);
    q.addBindValue(id);
    return run(q, error) && q.numRowsAffected() > 0;
}

bool InboxStore::setTranscription(const QString &dedupeKey, const QString &text, QString *error)
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

std::optional<Conversation>
InboxStore::openConversation(const QString &customer, const QString &number, const QString &group)
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

int InboxStore::openConversations(const QString &user, const QString &group)
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

} // namespace Switchboard
