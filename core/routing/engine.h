#pragma once

// The routing engine: given a configuration revision, an incoming event of a call or a
// text, the time, and what RoutingState says about presence, turns and conversations, it
// decides the TwiML to answer and what to keep (inbox items, events). No HTTP here: the
// backend and the simulator both drive it.

#include "model/appletvalues.h"
#include "model/organization.h"
#include "routing/callstate.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Switchboard {

class RoutingState;

struct CallRequest
{
    // Which webhook: the call arrives, or one of the continuations the engine's own TwiML
    // asked for (their URL path names the event, their query carries the CallState).
    enum Event
    {
        Started,
        Gathered,
        GatherTimeout,
        DialEnded,
        Recorded,
        ScreenOffer,
        ScreenAnswer
    };
    Event event = Started;
    QString callSid;
    QString from;
    QString to;
    CallState state;
    QString digits;     // Gathered, ScreenAnswer
    QString dialStatus; // DialEnded: completed, answered, busy, no-answer, failed, canceled
    QString recordingUrl;
    QString recordingSid;
    int recordingSeconds = 0;

    static QString pathOf(Event event); // "gather", "dial", ...
    static std::optional<Event> eventOf(const QString &path);
};

struct SmsRequest
{
    QString messageSid;
    QString from;
    QString to;
    QString body;
    QStringList media;
};

// An inbox item to keep. The backend keeps one per dedupeKey, so retries add nothing.
struct InboxDelivery
{
    QString kind; // voicemail, sms
    Owner owner;
    QString from;
    QString to;
    QString body;
    QStringList media;
    QString recordingUrl;
    int durationSeconds = 0;
    QString assignedTo;
    QString conversation;            // an open conversation it joins
    bool startsConversation = false; // a new one, assigned to assignedTo (or queued)
    QString dedupeKey;
};

struct RoutingEvent
{
    QString kind; // unrouted, blocked, error
    QString from;
    QString to;
    QString detail;
};

struct RoutingOutcome
{
    QByteArray twiml;
    QList<InboxDelivery> deliveries;
    QList<RoutingEvent> events;
    QStringList trace; // what happened, step by step, for people
    // A rotation turn was taken: a retry of this request must get this answer again, not a
    // new turn. (Deliveries and events say so by themselves.)
    bool tookTurn = false;
    // The applets run, in order (ids in the graph of the number's flow), so that the console
    // can draw the route; and for each trace line the applet it is about (empty: none).
    QStringList visited;
    QStringList traceApplets;

    void addTrace(const QString &line, const QString &applet = {})
    {
        trace.append(line);
        traceApplets.append(applet);
    }
    // Whether a retry of the request must be answered from memory rather than run again.
    bool changesState() const { return tookTurn || !deliveries.isEmpty() || !events.isEmpty(); }
};

class RoutingEngine
{
    Q_DECLARE_TR_FUNCTIONS(RoutingEngine)

public:
    // `baseUrl`: where the carrier reaches the backend (its public URL); action URLs are
    // built on it.
    RoutingEngine(const Organization &config, int revision, RoutingState &state,
                  const QString &baseUrl);

    // Without tracing, outcomes have no `trace` (the backend answers calls; the simulator
    // and the console's test call read the trace).
    void setTracing(bool on) { m_tracing = on; }

    RoutingOutcome call(const CallRequest &request, const QDateTime &now);
    RoutingOutcome text(const SmsRequest &request, const QDateTime &now);

    static QString voicePath(CallRequest::Event event); // "/twilio/voice/gather", ...

private:
    const Organization &m_config;
    int m_revision;
    RoutingState &m_state;
    QString m_baseUrl;
    bool m_tracing = true;
};

} // namespace Switchboard
