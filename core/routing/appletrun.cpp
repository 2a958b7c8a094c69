#include "appletrun.h"

#include "routing/hours.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

AppletRun::AppletRun(const Organization &config, RoutingState &state, const QDateTime &now,
                     bool tracing)
    : m_config(config)
    , m_state(state)
    , m_now(now)
    , m_catalogue(AppletCatalogue::instance())
    , m_tracing(tracing)
{}

QString AppletRun::label(const Applet &a) const
{
    const AppletType *t = m_catalogue.type(a.type);
    const QString type = t ? t->displayName() : a.type;
    return a.name.isEmpty() ? type : RoutingEngine::tr("%1 \"%2\"").arg(type, a.name);
}

bool AppletRun::hoursOpen(const Applet &hours)
{
    const HoursVerdict v = checkHours(hours, m_config.timezone, m_now);
    traceAt(hours.id, [&] {
        const QString when = v.local.toString(u"ddd yyyy-MM-dd HH:mm"_s) + u' ' + v.zone;
        return v.open                ? RoutingEngine::tr("%1: open (%2).").arg(label(hours), when)
               : v.holiday.isEmpty() ? RoutingEngine::tr("%1: closed (%2).").arg(label(hours), when)
                                     : RoutingEngine::tr("%1: closed for %2 (%3).")
                                           .arg(label(hours), v.holiday, when);
    });
    return v.open;
}

} // namespace Switchboard
