#include "replysender.h"

#include "store/database.h"
#include "store/routerstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostInfo>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Switchboard {

ReplySender::ReplySender(Options options)
    : m_options(std::move(options))
    , m_owner(QHostInfo::localHostName() + u':' +
              QString::number(QCoreApplication::applicationPid()) + u':' +
              QUuid::createUuid().toString(QUuid::Id128).left(8))
{}

ReplySender::~ReplySender()
{
    stop();
}

void ReplySender::start()
{
    m_thread = std::thread([this] { run(); });
}

void ReplySender::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ReplySender::wake()
{
    {
        const std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wake.notify_all();
}

int ReplySender::delaySeconds(int attempt, int firstDelay)
{
    const int cap = 30 * firstDelay;
    int delay = firstDelay;
    for (int i = 1; i < attempt && delay < cap; ++i)
        delay *= 2;
    return qMin(delay, cap);
}

void ReplySender::send(RouterStore &store, CarrierApi &api, const Api::Reply &reply, int lease)
{
    QString error;
    const auto renewed = [&] {
        // Still ours? Another sender may not take it while we post.
        if (store.outbox().renewLease(reply.id, m_owner, lease, &error))
            return true;
        std::fprintf(stderr, "sender: reply %s no longer ours: %s\n", qPrintable(reply.id),
                     qPrintable(error));
        return false;
    };
    // Tried before: the carrier may have taken it and lost only its answer. It is looked for
    // among the account's messages first (since it was last queued), so it is not sent twice.
    CarrierApi::Result r;
    if (reply.attempts > 1) {
        QStringList sids;
        const QString since = reply.triedSince.isEmpty() ? reply.createdAt : reply.triedSince;
        r = api.findMessages(reply.from, reply.to, reply.body,
                             QDateTime::fromString(since, Qt::ISODateWithMs), &sids);
        if (r.outcome == CarrierApi::Result::Refused)
            r.outcome = CarrierApi::Result::TryAgain; // a lookup refused fails no reply
        // One not already another reply's (the same words sent twice on purpose).
        QString taken;
        for (const QString &sid : std::as_const(sids)) {
            if (r.ok() && taken.isEmpty() && !reply.earlierSids.contains(sid) &&
                !store.outbox().hasCarrierSid(sid))
                taken = sid;
        }
        if (r.ok() && taken.isEmpty()) {
            if (!renewed())
                return;
            r = api.sendMessage(reply.from, reply.to, reply.body, m_options.statusCallback);
        } else if (r.ok()) {
            r.sid = taken;
            std::fprintf(stderr, "sender: reply %s was taken before: %s\n", qPrintable(reply.id),
                         qPrintable(taken));
        }
    } else {
        if (!renewed())
            return;
        r = api.sendMessage(reply.from, reply.to, reply.body, m_options.statusCallback);
    }
    bool kept = false;
    error.clear();
    if (r.ok()) {
        kept = store.outbox().markSent(reply.id, m_owner, r.sid, &error);
    } else if (r.outcome == CarrierApi::Result::TryAgain &&
               reply.attempts < m_options.maxAttempts) {
        const QDateTime next =
            store.currentTime().addSecs(delaySeconds(reply.attempts, m_options.retryDelaySeconds));
        kept =
            store.outbox().markRetry(reply.id, m_owner, next,
                                     QCoreApplication::translate("Switchboard::ReplySender",
                                                                 "Not sent yet (try %1 of %2): %3")
                                         .arg(reply.attempts)
                                         .arg(m_options.maxAttempts)
                                         .arg(r.error),
                                     &error);
    } else if (r.outcome == CarrierApi::Result::TryAgain) {
        kept = store.outbox().markFailed(
            reply.id, m_owner,
            QCoreApplication::translate("Switchboard::ReplySender", "Not sent after %1 tries: %2")
                .arg(reply.attempts)
                .arg(r.error),
            &error);
    } else {
        kept = store.outbox().markFailed(reply.id, m_owner, r.error, &error);
    }
    std::fprintf(stderr, "sender: reply %s %s%s%s\n", qPrintable(reply.id),
                 r.ok() ? "sent as " : "not sent: ", qPrintable(r.ok() ? r.sid : r.error),
                 kept ? "" : qPrintable(u" (not kept: "_s + error + u')'));
}

void ReplySender::run()
{
    // Everything Qt here (the connection, the network) is made and destroyed on this thread.
    std::unique_ptr<Database> db;
    std::unique_ptr<RouterStore> store;
    CarrierApi api(m_options.account);
    QString error;
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_woken = false;
        lock.unlock();
        if (!store) {
            db = Database::open(m_options.database, &error);
            if (db)
                store = std::make_unique<RouterStore>(*db);
            else
                std::fprintf(stderr, "sender: %s\n", qPrintable(error));
        }
        bool more = false;
        if (store) {
            // One reply at a time, each under a lease long enough for its lookup and its post
            // (both bounded by the timeout), renewed just before the post: a lease never runs
            // out under a reply still being worked on.
            const int lease = m_options.leaseSeconds > 0
                                  ? m_options.leaseSeconds
                                  : 2 * (m_options.account.timeoutMs / 1000) + 30;
            const QList<Api::Reply> due = store->outbox().claimDue(m_owner, lease, 1, &error);
            if (due.isEmpty() && !error.isEmpty()) {
                std::fprintf(stderr, "sender: %s\n", qPrintable(error));
                store.reset(); // the connection is opened anew next time
                db.reset();
                error.clear();
            }
            more = !due.isEmpty();
            for (const Api::Reply &reply : due)
                send(*store, api, reply, lease);
        }
        lock.lock();
        if (!more && !m_stopping && !m_woken)
            m_wake.wait_for(lock, std::chrono::milliseconds(m_options.pollMilliseconds),
                            [this] { return m_stopping || m_woken; });
    }
}

} // namespace Switchboard
