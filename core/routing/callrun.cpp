#include "callrun.h"

#include "routing/applets/appletbehaviour.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

CallRun::CallRun(const Organization &config, RoutingState &state, const QString &baseUrl,
                 const CallRequest &request, const QDateTime &now, CallState st, bool tracing)
    : AppletRun(config, state, now, tracing)
    , m_baseUrl(baseUrl)
    , m_request(request)
    , m_st(std::move(st))
{}

RoutingOutcome CallRun::finish()
{
    m_out.twiml = m_twiml.finish();
    return std::move(m_out);
}

RoutingOutcome CallRun::start(const Graph &graph)
{
    m_graph = &graph;
    runFrom(graph.start);
    return finish();
}

RoutingOutcome CallRun::resume(const Graph &graph)
{
    m_graph = &graph;
    const auto it = graph.applets.constFind(m_st.applet);
    if (it == graph.applets.cend()) {
        fail(RoutingEngine::tr("The call was at applet \"%1\", which is not in revision %2.")
                 .arg(m_st.applet)
                 .arg(m_st.revision));
        return finish();
    }
    if (const auto kind = m_catalogue.kindOf(*it))
        behaviourOf(*kind).resume(*this, *it, m_request.event);
    return finish();
}

void CallRun::fail(const QString &detail)
{
    // A problem in the configuration never reaches the carrier as an error: the caller is
    // told politely and the event is kept for the console.
    m_out.events.append({u"error"_s, m_request.from, m_request.to, detail});
    trace([&] { return detail; });
    m_twiml.say(RoutingEngine::tr("Sorry, we cannot take your call right now. Goodbye."));
    hangup();
}

void CallRun::hangup()
{
    m_twiml.hangup();
    trace([&] { return RoutingEngine::tr("The call ends."); });
}

void CallRun::prompt(const Prompt &p)
{
    m_twiml.prompt(p);
    m_st.spoken = true;
}

QString CallRun::promptText(const Prompt &p)
{
    return p.plays() ? RoutingEngine::tr("plays %1").arg(p.text)
                     : RoutingEngine::tr("says \"%1\"").arg(p.text);
}

QString CallRun::url(CallRequest::Event event) const
{
    return m_baseUrl + RoutingEngine::voicePath(event) + u'?' + m_st.toQueryString();
}

QString CallRun::transcriptionUrl() const
{
    return m_baseUrl + u"/twilio/voice/transcription?"_s + m_st.toQueryString();
}

void CallRun::runFrom(const QString &id)
{
    if (id.isEmpty()) {
        hangup();
        return;
    }
    if (++m_st.runs > Limits::maxAppletRuns) {
        fail(RoutingEngine::tr("The call ran %1 applets without end and was stopped.")
                 .arg(Limits::maxAppletRuns));
        return;
    }
    const auto it = m_graph->applets.constFind(id);
    if (it == m_graph->applets.cend()) {
        fail(RoutingEngine::tr("The flow leads to \"%1\", which is not in it.").arg(id));
        return;
    }
    const Applet &applet = *it;
    m_out.visited.append(applet.id);
    m_st.applet = applet.id;
    m_st.step = 0;
    m_st.position = 0;
    m_st.ring.clear();
    m_st.attempt = 1;
    if (const auto kind = m_catalogue.kindOf(applet))
        behaviourOf(*kind).enter(*this, applet);
    else
        AppletBehaviour().enter(*this, applet); // an unknown type cannot run
}

void CallRun::follow(const Applet &applet, const QString &branch, const QString &ending)
{
    const QString next = applet.next.value(branch);
    if (next.isEmpty()) {
        if (!ending.isEmpty())
            m_twiml.say(ending);
        hangup();
        return;
    }
    runFrom(next);
}

} // namespace Switchboard
