#pragma once

// One response to one call webhook: applets that wait for nothing run straight on; the
// response ends where something waits (a menu, a ring, a recording) or the call ends. What
// each applet does is in routing/applets/<kind>.cpp; this class is what they work with.

#include "routing/appletrun.h"
#include "routing/twiml.h"

namespace Switchboard {

class CallRun : public AppletRun
{
public:
    CallRun(const Organization &config, RoutingState &state, const QString &baseUrl,
            const CallRequest &request, const QDateTime &now, CallState st, bool tracing);

    // The call arrives: runs from the graph's start.
    RoutingOutcome start(const Graph &graph);
    // A continuation webhook for the applet the call is at.
    RoutingOutcome resume(const Graph &graph);
    // The call cannot go on: the caller is told politely; the event is kept.
    RoutingOutcome failed(const QString &detail)
    {
        fail(detail);
        return finish();
    }

    // --- for the applets ---
    const CallRequest &request() const { return m_request; }
    CallState &st() { return m_st; }
    Twiml &twiml() { return m_twiml; }

    // Runs from `id` until something waits or the call ends (empty: it ends).
    void runFrom(const QString &id);
    // Where a branch goes; empty: the call ends there (with `ending` said first).
    void follow(const Applet &applet, const QString &branch, const QString &ending = {});
    void fail(const QString &detail);
    void hangup();
    // Says or plays to the caller (after which the call can no longer be rejected).
    void prompt(const Prompt &p);
    // "says "…"" / "plays URL", for the trace.
    static QString promptText(const Prompt &p);
    // The action URL of a continuation of this call, with its state.
    QString url(CallRequest::Event event) const;
    QString transcriptionUrl() const;

    template<typename Line> void trace(Line &&line) { traceAt(m_st.applet, line); }

private:
    RoutingOutcome finish();

    QString m_baseUrl;
    const CallRequest &m_request;
    CallState m_st;
    const Graph *m_graph = nullptr;
    Twiml m_twiml;
};

} // namespace Switchboard
