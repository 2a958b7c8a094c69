// Greeting: says or plays its message, then goes on.

#include "appletbehaviour.h"

#include "catalogue/appletsettings.h"
#include "routing/callrun.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class Greeting : public AppletBehaviour
{
public:
    void enter(CallRun &run, const Applet &applet) const override
    {
        const Prompt p = AppletSettings::prompt(applet).value_or(Prompt());
        run.trace([&] {
            return RoutingEngine::tr("%1 %2.").arg(run.label(applet), CallRun::promptText(p));
        });
        run.prompt(p);
        run.follow(applet, u"next"_s);
    }
};
} // namespace

const AppletBehaviour &Applets::greeting()
{
    static const Greeting behaviour;
    return behaviour;
}

} // namespace Switchboard
