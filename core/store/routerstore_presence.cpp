// PresenceStore: presence (available or not) and activity (per group and channel).

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

std::optional<QHash<QString, PresenceStore::Presence>> PresenceStore::all(QString *error)
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

bool PresenceStore::set(
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

bool PresenceStore::isAvailable(const QString &user)
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

bool PresenceStore::isActive(const QString &user, const QString &group, Channel channel)
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

} // namespace Switchboard
