// OutboxStore: replies on their way to the carrier, claimed with leases so that of several
// routerd on one database exactly one sends each.

#include "routerstore.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Switchboard {

const QString OutboxStore::columns =
    u"id, item_id, to_number, from_number, body, created_at, status, error, carrier_sid, "
    "sent_at, updated_at, attempts, tried_since, earlier_sids"_s;

OutboxStore::Reply OutboxStore::replyFrom(const QSqlQuery &q)
{
    Reply r;
    r.id = q.value(0).toString();
    r.itemId = q.value(1).toString();
    r.to = q.value(2).toString();
    r.from = q.value(3).toString();
    r.body = q.value(4).toString();
    r.createdAt = q.value(5).toString();
    r.status = q.value(6).toString();
    r.error = q.value(7).toString();
    r.carrierSid = q.value(8).toString();
    r.sentAt = q.value(9).toString();
    r.updatedAt = q.value(10).toString();
    r.attempts = q.value(11).toInt();
    r.triedSince = q.value(12).toString();
    r.earlierSids = q.value(13).toString().split(u',', Qt::SkipEmptyParts);
    return r;
}

std::optional<OutboxStore::Reply> OutboxStore::reply(const QString &id, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT "_s + columns + u" FROM outbox WHERE id = ?"_s);
    q.addBindValue(id);
    QString ignored;
    if (!run(q, error ? error : &ignored) || !q.next())
        return std::nullopt;
    return replyFrom(q);
}

bool OutboxStore::hasCarrierSid(const QString &carrierSid)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT 1 FROM outbox WHERE carrier_sid = ?"_s);
    q.addBindValue(carrierSid);
    QString error;
    return run(q, &error) && q.next();
}

QList<OutboxStore::Reply> OutboxStore::claimDue(const QString &owner, int leaseSeconds, int limit,
                                                QString *error)
{
    const QDateTime at = currentTime();
    const QString stamp = at.toString(Qt::ISODateWithMs);
    const QString until = at.addSecs(leaseSeconds).toString(Qt::ISODateWithMs);
    QSqlQuery q = m_db.query();
    // A row without a time (written by an older routerd on the same database) is due now.
    q.prepare(u"SELECT id FROM outbox WHERE status = 'queued' AND (next_attempt_at IS NULL OR "
              "next_attempt_at <= ?) AND (lease_until IS NULL OR lease_until < ?) "
              "ORDER BY next_attempt_at, id LIMIT ?"_s);
    q.addBindValue(stamp);
    q.addBindValue(stamp);
    q.addBindValue(limit);
    QList<Reply> claimed;
    if (!run(q, error))
        return claimed;
    QStringList candidates;
    while (q.next())
        candidates.append(q.value(0).toString());
    q.finish();
    // Each claimed by an update that checks again what the select saw: of several senders
    // that saw the same row, one changes it and the others change nothing.
    for (const QString &id : std::as_const(candidates)) {
        QSqlQuery claim = m_db.query();
        claim.prepare(
            u"UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 "
            "WHERE id = ? AND status = 'queued' AND (lease_until IS NULL OR "
            "lease_until < ?)"_s);
        claim.addBindValue(owner);
        claim.addBindValue(until);
        claim.addBindValue(id);
        claim.addBindValue(stamp);
        if (!run(claim, error))
            return claimed;
        if (claim.numRowsAffected() != 1)
            continue;
        if (auto r = reply(id, error))
            claimed.append(*r);
    }
    return claimed;
}

bool OutboxStore::release(QSqlQuery &q, const QString &owner, QString *error)
{
    if (!run(q, error))
        return false;
    if (q.numRowsAffected() == 1)
        return true;
    *error = tr("The reply's lease was no longer held by %1.").arg(owner);
    return false;
}

bool OutboxStore::renewLease(const QString &id, const QString &owner, int leaseSeconds,
                             QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"UPDATE outbox SET lease_until = ? WHERE id = ? AND lease_owner = ? AND "
              "status = 'queued'"_s);
    q.addBindValue(currentTime().addSecs(leaseSeconds).toString(Qt::ISODateWithMs));
    q.addBindValue(id);
    q.addBindValue(owner);
    return release(q, owner, error);
}

bool OutboxStore::markSent(const QString &id, const QString &owner, const QString &carrierSid,
                           QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"UPDATE outbox SET status = 'sent', carrier_sid = ?, sent_at = ?, updated_at = ?, "
              "error = NULL, lease_owner = NULL, lease_until = NULL "
              "WHERE id = ? AND lease_owner = ? AND status = 'queued'"_s);
    const QString stamp = now();
    q.addBindValue(carrierSid);
    q.addBindValue(stamp);
    q.addBindValue(stamp);
    q.addBindValue(id);
    q.addBindValue(owner);
    if (!release(q, owner, error))
        return false;
    // A final status that came before the sid was kept here applies now.
    QSqlQuery early = m_db.query();
    early.prepare(u"SELECT status, error FROM carrier_statuses WHERE carrier_sid = ?"_s);
    early.addBindValue(carrierSid);
    if (!run(early, error))
        return true; // sent is kept; the status waits for the next callback
    if (early.next()) {
        const QString status = early.value(0).toString();
        const QString why = early.value(1).toString();
        early.finish();
        applyStatus(carrierSid, status, why, error);
    }
    return true;
}

bool OutboxStore::markRetry(const QString &id, const QString &owner, const QDateTime &next,
                            const QString &why, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"UPDATE outbox SET next_attempt_at = ?, error = ?, updated_at = ?, "
              "lease_owner = NULL, lease_until = NULL "
              "WHERE id = ? AND lease_owner = ? AND status = 'queued'"_s);
    q.addBindValue(next.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(why);
    q.addBindValue(now());
    q.addBindValue(id);
    q.addBindValue(owner);
    return release(q, owner, error);
}

bool OutboxStore::markFailed(const QString &id, const QString &owner, const QString &why,
                             QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"UPDATE outbox SET status = 'failed', error = ?, updated_at = ?, "
              "lease_owner = NULL, lease_until = NULL "
              "WHERE id = ? AND lease_owner = ? AND status = 'queued'"_s);
    q.addBindValue(why);
    q.addBindValue(now());
    q.addBindValue(id);
    q.addBindValue(owner);
    return release(q, owner, error);
}

bool OutboxStore::applyStatus(const QString &carrierSid, const QString &status, const QString &why,
                              QString *error)
{
    // Final statuses only, and only over `sent`: callbacks may arrive out of order, and a
    // delivered reply does not become undelivered again.
    if (status != u"delivered" && status != u"undelivered" && status != u"failed")
        return false;
    QSqlQuery q = m_db.query();
    q.prepare(u"UPDATE outbox SET status = ?, error = ?, updated_at = ? "
              "WHERE carrier_sid = ? AND status = 'sent'"_s);
    q.addBindValue(status);
    q.addBindValue(why.isEmpty() ? QVariant() : QVariant(why));
    q.addBindValue(now());
    q.addBindValue(carrierSid);
    if (!run(q, error))
        return false;
    if (q.numRowsAffected() > 0) {
        QSqlQuery done = m_db.query();
        done.prepare(u"DELETE FROM carrier_statuses WHERE carrier_sid = ?"_s);
        done.addBindValue(carrierSid);
        run(done, error);
        return true;
    }
    // No reply has this sid yet (its answer was lost, or is being written): kept for when
    // one does, the latest final status winning.
    if (hasCarrierSid(carrierSid))
        return false; // it has one, already past `sent`: nothing goes back
    QSqlQuery keep = m_db.query();
    keep.prepare(
        u"INSERT INTO carrier_statuses (carrier_sid, status, error, at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (carrier_sid) DO UPDATE SET status = excluded.status, "
        "error = excluded.error, at = excluded.at"_s);
    keep.addBindValue(carrierSid);
    keep.addBindValue(status);
    keep.addBindValue(why.isEmpty() ? QVariant() : QVariant(why));
    keep.addBindValue(now());
    run(keep, error);
    return false;
}

std::optional<OutboxStore::Reply> OutboxStore::requeue(const QString &item, const QString &id,
                                                       QString *error)
{
    QSqlQuery q = m_db.query();
    // Tried since now: a message the carrier took for its earlier try is not taken for this.
    q.prepare(u"UPDATE outbox SET status = 'queued', error = NULL, "
              "earlier_sids = CASE WHEN carrier_sid IS NULL THEN earlier_sids "
              "WHEN earlier_sids IS NULL THEN carrier_sid "
              "ELSE earlier_sids || ',' || carrier_sid END, carrier_sid = NULL, "
              "sent_at = NULL, attempts = 0, next_attempt_at = ?, updated_at = ?, "
              "tried_since = ?, lease_owner = NULL, lease_until = NULL "
              "WHERE id = ? AND item_id = ? AND status IN ('failed', 'undelivered')"_s);
    const QString stamp = now();
    q.addBindValue(stamp);
    q.addBindValue(stamp);
    q.addBindValue(stamp);
    q.addBindValue(id);
    q.addBindValue(item);
    if (!run(q, error) || q.numRowsAffected() != 1)
        return std::nullopt;
    return reply(id, error);
}

} // namespace Switchboard
