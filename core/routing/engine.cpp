#include "engine.h"

#include "routing/callrun.h"
#include "routing/textrun.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
const QList<std::pair<CallRequest::Event, QString>> &eventPaths()
{
    static const QList<std::pair<CallRequest::Event, QString>> paths{
        {CallRequest::Gathered, u"gather"_s},    {CallRequest::GatherTimeout, u"no-key"_s},
        {CallRequest::DialEnded, u"dial"_s},     {CallRequest::Recorded, u"record"_s},
        {CallRequest::ScreenOffer, u"screen"_s}, {CallRequest::ScreenAnswer, u"screen-key"_s}};
    return paths;
}
} // namespace

QString CallRequest::pathOf(Event event)
{
    for (const auto &[e, path] : eventPaths()) {
        if (e == event)
            return path;
    }
    return {};
}

std::optional<CallRequest::Event> CallRequest::eventOf(const QString &path)
{
    for (const auto &[e, p] : eventPaths()) {
        if (p == path)
            return e;
    }
    return std::nullopt;
}

QString RoutingEngine::voicePath(CallRequest::Event event)
{
    return u"/twilio/voice/"_s + CallRequest::pathOf(event);
}

RoutingEngine::RoutingEngine(const Organization &config, int revision, RoutingState &state,
                             const QString &baseUrl)
    : m_config(config)
    , m_revision(revision)
    , m_state(state)
    , m_baseUrl(baseUrl)
{}

namespace {

// The graph that answers a call or a text to `to`, with its flow; nullptr and `why` when
// there is none (not our number, no flow, or the flow has nothing set up for the channel).
const Graph *routedGraph(const Organization &config, const QString &to, Channel channel,
                         const Flow **flow, QString *why)
{
    const PhoneNumber *number = config.number(to);
    *flow = number ? config.flow(number->flow) : nullptr;
    if (*flow && (*flow)->isSetUp(channel)) {
        const Graph &graph = *(*flow)->graph(channel);
        if (graph.applets.contains(graph.start))
            return &graph;
    }
    *why = !number  ? RoutingEngine::tr("%1 is not one of the organization's numbers.").arg(to)
           : !*flow ? RoutingEngine::tr("%1 has no flow.").arg(to)
           : channel == Channel::Voice
               ? RoutingEngine::tr("The flow of %1 has no call flow.").arg(to)
               : RoutingEngine::tr("The flow of %1 has no SMS flow.").arg(to);
    return nullptr;
}

} // namespace

RoutingOutcome RoutingEngine::call(const CallRequest &request, const QDateTime &now)
{
    if (request.event != CallRequest::Started) {
        CallRun run(m_config, m_state, m_baseUrl, request, now, request.state, m_tracing);
        const Flow *flow = m_config.flow(request.state.flow);
        if (!flow || !flow->voice)
            return run.failed(tr("The call's flow \"%1\" is not in revision %2.")
                                  .arg(request.state.flow)
                                  .arg(request.state.revision));
        return run.resume(*flow->voice);
    }

    RoutingOutcome out;
    if (m_config.blocked.contains(request.from)) {
        Twiml t;
        t.reject(false);
        out.twiml = t.finish();
        out.events.append(
            {u"blocked"_s, request.from, request.to, tr("A blocked caller was refused.")});
        if (m_tracing)
            out.addTrace(tr("Rejected: %1 is blocked.").arg(request.from));
        return out;
    }
    QString why;
    const Flow *flow = nullptr;
    const Graph *graph = routedGraph(m_config, request.to, Channel::Voice, &flow, &why);
    if (!graph) {
        Twiml t;
        t.reject(false);
        out.twiml = t.finish();
        out.events.append({u"unrouted"_s, request.from, request.to, why});
        if (m_tracing)
            out.addTrace(tr("Rejected: %1").arg(why));
        return out;
    }
    CallState st;
    st.revision = m_revision;
    st.flow = flow->id;
    st.applet = graph->start;
    CallRun run(m_config, m_state, m_baseUrl, request, now, st, m_tracing);
    return run.start(*graph);
}

RoutingOutcome RoutingEngine::text(const SmsRequest &request, const QDateTime &now)
{
    RoutingOutcome out;
    auto finish = [&] {
        out.twiml = Twiml().finish();
        return out;
    };
    if (m_config.blocked.contains(request.from)) {
        out.events.append({u"blocked"_s, request.from, request.to,
                           tr("A text from a blocked number was dropped.")});
        if (m_tracing)
            out.addTrace(tr("Dropped: %1 is blocked.").arg(request.from));
        return finish();
    }
    QString why;
    const Flow *flow = nullptr;
    const Graph *routed = routedGraph(m_config, request.to, Channel::Sms, &flow, &why);
    if (!routed) {
        out.events.append({u"unrouted"_s, request.from, request.to, why});
        if (m_tracing)
            out.addTrace(tr("Dropped: %1").arg(why));
        return finish();
    }
    TextRun run(m_config, m_state, request, *flow, now, m_tracing);
    return run.run(*routed);
}

} // namespace Switchboard
