// AccessStore: password hashes, sessions and failed sign-ins. Only hashes are kept: a copy
// of the database gives no one a password or a token that works.

#include "routerstore.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Switchboard {

std::optional<QString> AccessStore::passwordHash(const QString &user, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT hash FROM credentials WHERE user_id = ?"_s);
    q.addBindValue(user);
    if (!run(q, error))
        return std::nullopt;
    return q.next() ? q.value(0).toString() : QString();
}

bool AccessStore::setPasswordHash(const QString &user, const QString &hash, const QByteArray &keep,
                                  QString *error)
{
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        *error = tr("Cannot begin a transaction on %1.").arg(m_db.displayName());
        return false;
    }
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO credentials (user_id, hash, changed_at) VALUES (?, ?, ?) "
              "ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash, "
              "changed_at = excluded.changed_at"_s);
    q.addBindValue(user);
    q.addBindValue(hash);
    q.addBindValue(now());
    if (!run(q, error))
        return false;
    q.prepare(u"DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"_s);
    q.addBindValue(user);
    q.addBindValue(QString::fromLatin1(keep.isEmpty() ? QByteArrayLiteral("-") : keep));
    return run(q, error) && transaction.commit(error);
}

std::optional<AccessStore::Session> AccessStore::session(const QByteArray &tokenHash,
                                                         QString *error)
{
    QSqlQuery &q = cached(u"SELECT user_id, role, used_at FROM sessions WHERE token_hash = ?"_s);
    q.bindValue(0, QString::fromLatin1(tokenHash));
    if (!run(q, error))
        return std::nullopt;
    std::optional<Session> found;
    if (q.next())
        found = Session{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
    q.finish();
    return found;
}

bool AccessStore::addSession(const QByteArray &tokenHash, const QString &user, const QString &role,
                             QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO sessions (token_hash, user_id, role, created_at, used_at) "
              "VALUES (?, ?, ?, ?, ?)"_s);
    const QString at = now();
    q.addBindValue(QString::fromLatin1(tokenHash));
    q.addBindValue(user);
    q.addBindValue(role);
    q.addBindValue(at);
    q.addBindValue(at);
    return run(q, error);
}

bool AccessStore::touchSession(const QByteArray &tokenHash, QString *error)
{
    QSqlQuery &q = cached(u"UPDATE sessions SET used_at = ? WHERE token_hash = ?"_s);
    q.bindValue(0, now());
    q.bindValue(1, QString::fromLatin1(tokenHash));
    return run(q, error);
}

bool AccessStore::endSession(const QByteArray &tokenHash, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"DELETE FROM sessions WHERE token_hash = ?"_s);
    q.addBindValue(QString::fromLatin1(tokenHash));
    return run(q, error);
}

bool AccessStore::applyConfiguration(const QHash<QString, QString> &roles, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT token_hash, user_id, role FROM sessions"_s);
    if (!run(q, error))
        return false;
    QStringList ended;
    while (q.next()) {
        const auto it = roles.constFind(q.value(1).toString());
        if (it == roles.cend() || *it != q.value(2).toString())
            ended.append(q.value(0).toString());
    }
    q.finish();
    for (const QString &hash : std::as_const(ended)) {
        if (!endSession(hash.toLatin1(), error))
            return false;
    }
    q.prepare(u"SELECT user_id FROM credentials"_s);
    if (!run(q, error))
        return false;
    QStringList gone;
    while (q.next()) {
        if (!roles.contains(q.value(0).toString()))
            gone.append(q.value(0).toString());
    }
    q.finish();
    for (const QString &user : std::as_const(gone)) {
        q.prepare(u"DELETE FROM credentials WHERE user_id = ?"_s);
        q.addBindValue(user);
        if (!run(q, error))
            return false;
    }
    return true;
}

std::optional<QStringList> AccessStore::failures(const QString &key, const QString &since,
                                                 QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT at FROM sign_in_failures WHERE login = ? AND at > ? ORDER BY at"_s);
    q.addBindValue(key);
    q.addBindValue(since);
    if (!run(q, error))
        return std::nullopt;
    QStringList times;
    while (q.next())
        times.append(q.value(0).toString());
    return times;
}

bool AccessStore::addFailure(const QString &key, const QString &at, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO sign_in_failures (login, at) VALUES (?, ?)"_s);
    q.addBindValue(key);
    q.addBindValue(at);
    return run(q, error);
}

bool AccessStore::removeFailure(const QString &key, const QString &at, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"DELETE FROM sign_in_failures WHERE login = ? AND at = ?"_s);
    q.addBindValue(key);
    q.addBindValue(at);
    return run(q, error);
}

bool AccessStore::clearFailures(const QString &key, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"DELETE FROM sign_in_failures WHERE login = ?"_s);
    q.addBindValue(key);
    return run(q, error);
}

} // namespace Switchboard
