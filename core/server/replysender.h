#pragma once

// routerd's sender: the replies typed in the inbox, taken from the outbox and posted to the
// carrier's Messages API, on a thread of its own with its own database connection. A reply is
// claimed with a lease (OutboxStore::claimDue), so several routerd on one database never send
// the same one; what cannot be sent now (429, 5xx, no answer) is tried again later, with a
// growing delay; what the carrier refuses fails at once with its sentence.

#include "carrier/carrierapi.h"

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace Switchboard {

class RouterStore;

class ReplySender
{
public:
    struct Options
    {
        QString database; // where the outbox is (a SQLite file or a PostgreSQL URL)
        CarrierAccount account;
        QString statusCallback;     // {public-url}/twilio/sms/status
        int retryDelaySeconds = 10; // the first wait; doubled each time, at most 30 times it
        int maxAttempts = 8;
        int leaseSeconds = 0; // 0: twice the timeout and 30 s, enough for a lookup and a post
        int pollMilliseconds = 2000; // how often it looks for due replies without being woken
    };

    explicit ReplySender(Options options);
    ~ReplySender(); // stops and joins
    void start();
    void stop();
    // A reply was queued: look now rather than at the next poll.
    void wake();

    // The wait before attempt `attempt` + 1, after `attempt` failed ones.
    static int delaySeconds(int attempt, int firstDelay);

private:
    void run();
    void send(RouterStore &store, CarrierApi &api, const Api::Reply &reply, int lease);

    Options m_options;
    QString m_owner; // this sender's name in the leases it takes
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_woken = false;
    std::thread m_thread;
};

} // namespace Switchboard
