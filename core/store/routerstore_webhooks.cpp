// RoutingMemory: what routing remembers between requests: webhooks already answered,
// round-robin turns, and the locks that make choices atomic across processes.

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

std::optional<RoutingMemory::WebhookLookup> RoutingMemory::lookUpWebhook(const QString &key,
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

RoutingMemory::Remembered RoutingMemory::rememberAnswer(const QString &key,
                                                        const QByteArray &response, QString *error)
{
    if (!beginWrites()) {
        *error = m_c.failure.value_or(QString());
        return Remembered::Failed;
    }
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

QString RoutingMemory::takeTurn(const QString &key, const QStringList &order,
                                const QSet<QString> &eligible)
{
    if (eligible.isEmpty() || !beginWrites())
        return {};
    // Read and advance the turn under one lock, so that two backends cannot both read the
    // same "last" and give two calls in a row to the same member.
    QString error;
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        failed(tr("Cannot begin a transaction on %1.").arg(m_db.displayName()));
        return {};
    }
    QSqlQuery &start = cached(u"INSERT INTO rotation (rotation_key, last_member) VALUES (?, '') "
                              "ON CONFLICT (rotation_key) DO NOTHING"_s);
    start.bindValue(0, key);
    if (!run(start, &error)) {
        failed(error);
        return {};
    }
    QSqlQuery &read =
        cached(m_db.kind() == Database::Kind::Postgres
                   ? u"SELECT last_member FROM rotation WHERE rotation_key = ? FOR UPDATE"_s
                   : u"SELECT last_member FROM rotation WHERE rotation_key = ?"_s);
    read.bindValue(0, key);
    if (!run(read, &error)) {
        failed(error);
        return {};
    }
    const QString last = read.next() ? read.value(0).toString() : QString();
    read.finish();
    const QString next = nextInTurn(last, order, eligible);
    QSqlQuery &advance = cached(u"UPDATE rotation SET last_member = ? WHERE rotation_key = ?"_s);
    advance.bindValue(0, next);
    advance.bindValue(1, key);
    if (!run(advance, &error) || !transaction.commit(&error)) {
        failed(error);
        return {};
    }
    return next;
}

bool RoutingMemory::lock(const QString &key)
{
    if (!beginWrites())
        return false;
    // SQLite: the request's write transaction (BEGIN IMMEDIATE) already excludes every other
    // writer. PostgreSQL: a lock held until the request's transaction ends.
    if (m_db.kind() != Database::Kind::Postgres)
        return true;
    QSqlQuery &q = cached(u"SELECT pg_advisory_xact_lock(hashtext(?))"_s);
    q.bindValue(0, key);
    QString error;
    if (!run(q, &error)) {
        failed(error);
        return false;
    }
    q.finish();
    return true;
}

} // namespace Switchboard
