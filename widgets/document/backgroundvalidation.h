#pragma once

// Validation off the GUI thread, for a document whose state is an implicitly shared value
// (copying it is cheap, and a copy can be read on another thread). After a change, a copy
// of the state is validated on a worker of QThreadPool::globalInstance(), once the event
// that made the change is done (so the edits of one gesture are validated together). One
// validation runs at a time; only the findings of the newest state are handed back: a
// result that a change has overtaken is dropped, and the state of then validated instead.
//
// Destroying it while a validation runs does not wait: the worker finishes on its copy and
// nobody hears of the result.

#include "validation/finding.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace Switchboard {

class BackgroundValidation
{
public:
    // What runs on the worker: a function holding copies of all it reads.
    using Work = std::function<Findings()>;

    // `snapshot` is called on this thread and returns the work that validates the current
    // state; `deliver` receives the findings of the current state, on this thread.
    BackgroundValidation(std::function<Work()> snapshot,
                         std::function<void(const Findings &)> deliver)
        : m_snapshot(std::move(snapshot))
        , m_deliver(std::move(deliver))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(0);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { start(); });
        QObject::connect(&m_watcher, &QFutureWatcherBase::finished, &m_watcher,
                         [this] { finished(); });
    }
    BackgroundValidation(const BackgroundValidation &) = delete;
    BackgroundValidation &operator=(const BackgroundValidation &) = delete;

    // The state has changed: validate it on the worker (what runs now is of an earlier one).
    void changed()
    {
        ++m_generation;
        m_timer.start();
    }

    // True while the findings last delivered are of an earlier state (or none were yet).
    bool isPending() const { return m_delivered != m_generation; }

    // Validates the current state on this thread and delivers its findings at once, for
    // what cannot go on without them. Nothing to do when they have been delivered already.
    void validateNow()
    {
        m_timer.stop();
        if (isPending())
            deliver(m_snapshot()());
    }

private:
    void start()
    {
        // When the running validation ends, it is of an earlier state, and finished()
        // starts the next on the state of then.
        if (m_running || !isPending())
            return;
        m_running = true;
        m_runningGeneration = m_generation;
        // QThreadPool::start() in Qt 6.4 takes a copyable function; QPromise is move-only.
        auto promise = std::make_shared<QPromise<Findings>>();
        m_watcher.setFuture(promise->future());
        QThreadPool::globalInstance()->start([promise, work = m_snapshot()] {
            promise->start();
            promise->addResult(work());
            promise->finish();
        });
    }

    void finished()
    {
        m_running = false;
        const QFuture<Findings> future = m_watcher.future();
        if (m_runningGeneration == m_generation && isPending() && future.resultCount() > 0)
            deliver(future.result());
        else if (isPending() && !m_timer.isActive())
            start(); // overtaken by a change: validate the state of now
    }

    void deliver(const Findings &findings)
    {
        m_delivered = m_generation;
        m_deliver(findings);
    }

    std::function<Work()> m_snapshot;
    std::function<void(const Findings &)> m_deliver;
    // Each change is one generation; the findings delivered last are of m_delivered, the
    // validation on the worker of m_runningGeneration.
    quint64 m_generation = 1;
    quint64 m_delivered = 0;
    quint64 m_runningGeneration = 0;
    bool m_running = false;
    QTimer m_timer;
    QFutureWatcher<Findings> m_watcher; // last: goes first, so no result reaches the rest
};

} // namespace Switchboard
