#pragma once

// One text through an SMS flow: applets run one after the other until one leads nowhere.
// What each applet does is in routing/applets/<kind>.cpp; this class is what they work with.

#include "routing/appletrun.h"
#include "routing/twiml.h"

namespace Switchboard {

class TextRun : public AppletRun
{
public:
    TextRun(const Organization &config, RoutingState &state, const SmsRequest &request,
            const Flow &flow, const QDateTime &now, bool tracing);

    RoutingOutcome run(const Graph &graph);

    // --- for the applets ---
    const SmsRequest &request() const { return m_request; }
    const Flow &flow() const { return m_flow; }
    Twiml &twiml() { return m_twiml; }
    // The applet that runs next (empty: the text's run ends).
    void follow(const Applet &applet, const QString &branch) { m_next = applet.next.value(branch); }
    void error(const QString &detail);

    template<typename Line> void trace(Line &&line) { traceAt(m_at, line); }

private:
    const SmsRequest &m_request;
    const Flow &m_flow;
    QString m_at;
    QString m_next;
    Twiml m_twiml;
};

} // namespace Switchboard
