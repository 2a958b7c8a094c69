#pragma once

// What a call needs between two webhook requests, carried in the action URLs the backend
// writes into its own TwiML (which the carrier's signature protects): the configuration
// revision it started on, where in the flow it is, and how far a menu or a dial has got.

#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace Switchboard {

struct CallState
{
    int revision = 0;
    QString flow;
    QString applet;
    int step = 0;        // dial: the step ringing now
    int position = 0;    // dial: who in `ring` is ringing now
    QStringList ring;    // dial: the members of this step, in the order they ring
    int attempt = 1;     // menu: the round of asking
    int runs = 0;        // applets run so far in this call (the safety net counts them)
    bool spoken = false; // something was said or played already (no more <Reject>)

    // The URL query that carries it ("r=1&f=main&a=menu&n=2"), percent-encoded.
    QString toQueryString() const;
    static std::optional<CallState> fromQuery(const QUrlQuery &query);
    friend bool operator==(const CallState &, const CallState &) = default;
};

} // namespace Switchboard
