// Hang up: ends the call, or refuses it with a busy signal while nothing was said yet.

#include "appletbehaviour.h"

#include "routing/callrun.h"

namespace Switchboard {

namespace {
class Hangup : public AppletBehaviour
{
public:
    void enter(CallRun &run, const Applet &applet) const override
    {
        if (run.catalogue().value(applet, u"reject").toBool() && !run.st().spoken) {
            run.twiml().reject(true);
            run.trace([&] {
                return RoutingEngine::tr("%1: the call is refused with a busy signal.")
                    .arg(run.label(applet));
            });
        } else {
            run.trace([&] { return RoutingEngine::tr("%1.").arg(run.label(applet)); });
            run.twiml().hangup();
        }
    }
};
} // namespace

const AppletBehaviour &Applets::hangup()
{
    static const Hangup behaviour;
    return behaviour;
}

} // namespace Switchboard
