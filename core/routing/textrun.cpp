#include "textrun.h"

#include "routing/applets/appletbehaviour.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

TextRun::TextRun(const Organization &config, RoutingState &state, const SmsRequest &request,
                 const Flow &flow, const QDateTime &now, bool tracing)
    : AppletRun(config, state, now, tracing)
    , m_request(request)
    , m_flow(flow)
{}

void TextRun::error(const QString &detail)
{
    m_out.events.append({u"error"_s, m_request.from, m_request.to, detail});
}

RoutingOutcome TextRun::run(const Graph &graph)
{
    m_next = graph.start;
    for (int runs = 1; !m_next.isEmpty(); ++runs) {
        const QString id = std::exchange(m_next, QString());
        if (runs > Limits::maxAppletRuns) {
            error(RoutingEngine::tr("The text ran %1 applets without end and was stopped.")
                      .arg(Limits::maxAppletRuns));
            break;
        }
        const auto it = graph.applets.constFind(id);
        if (it == graph.applets.cend()) {
            error(RoutingEngine::tr("The flow leads to \"%1\", which is not in it.").arg(id));
            break;
        }
        m_at = it->id;
        m_out.visited.append(it->id);
        if (const auto kind = m_catalogue.kindOf(*it))
            behaviourOf(*kind).text(*this, *it);
        else
            AppletBehaviour().text(*this, *it); // an unknown type cannot run
    }
    m_out.twiml = m_twiml.finish();
    return std::move(m_out);
}

} // namespace Switchboard
