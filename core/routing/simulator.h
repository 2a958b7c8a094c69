#pragma once

// A call or a text run through the routing engine without a carrier: the simulator plays
// the carrier, following the engine's own TwiML (keys pressed, who answers, a message
// recorded) and reports the route step by step. switchboardctl simulate and the console's
// test call use it, on any configuration, saved or not.

#include "model/organization.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

namespace Switchboard {

struct Simulation
{
    QString to;
    QString from;
    QDateTime at;       // when the call arrives (default: now)
    QStringList digits; // keys pressed, one per menu question; none left: silence
    QString answer;     // the user who answers when rung; empty: nobody answers
    QSet<QString> unavailable;
    QString text; // simulate a text with this body instead of a call
    int recordingSeconds = 12;
};

struct SimulationResult
{
    QStringList steps;
    QString ending;      // how it ended, in a sentence
    bool routed = false; // it reached a flow (not rejected as blocked or unrouted)
    // Where it went, for drawing the route: the flow and which of its graphs (empty flow:
    // none ran), the applets run in order (one may come back, a menu asked again), and for
    // each step the applet it is about (empty: none, as for a rejected call).
    QString flow;
    Channel channel = Channel::Voice;
    QStringList visited;
    QStringList stepApplets;
};

class Simulator
{
    Q_DECLARE_TR_FUNCTIONS(Simulator)

public:
    static SimulationResult run(const Organization &organization, const Simulation &simulation);
};

} // namespace Switchboard
