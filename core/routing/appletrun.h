#pragma once

// What a call's run and a text's run share: the configuration, the state, the clock, the
// outcome being built, and the one trace mechanism (lines made only when someone reads
// them, each tied to the applet it is about).

#include "catalogue/appletcatalogue.h"
#include "routing/engine.h"

#include <QDateTime>

namespace Switchboard {

class RoutingState;

// Their sentences are in the RoutingEngine translation context (RoutingEngine::tr).
class AppletRun
{
public:
    const Organization &config() const { return m_config; }
    RoutingState &state() const { return m_state; }
    const QDateTime &now() const { return m_now; }
    RoutingOutcome &outcome() { return m_out; }
    const AppletCatalogue &catalogue() const { return m_catalogue; }

    // A line about `applet`, built only when someone reads the trace.
    template<typename Line> void traceAt(const QString &applet, Line &&line)
    {
        if (m_tracing)
            m_out.addTrace(line(), applet);
    }
    // How the trace names an applet: Menu "Main menu", or just Menu.
    QString label(const Applet &applet) const;
    QString userName(const QString &id) const { return m_config.userName(id); }
    QString groupName(const QString &id) const { return m_config.groupName(id); }
    QString ownerName(const Owner &owner) const
    {
        return owner.isGroup() ? groupName(owner.id) : userName(owner.id);
    }
    // Whether an hours applet is open now; traced the same way for calls and texts.
    bool hoursOpen(const Applet &hours);

protected:
    AppletRun(const Organization &config, RoutingState &state, const QDateTime &now, bool tracing);

    const Organization &m_config;
    RoutingState &m_state;
    const QDateTime m_now;
    const AppletCatalogue &m_catalogue;
    const bool m_tracing;
    RoutingOutcome m_out;
};

} // namespace Switchboard
