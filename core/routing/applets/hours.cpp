// Hours: open or closed by the weekly hours and holidays (routing/hours.cpp decides), for
// calls and texts alike.

#include "appletbehaviour.h"

#include "routing/callrun.h"
#include "routing/textrun.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class Hours : public AppletBehaviour
{
public:
    void enter(CallRun &run, const Applet &applet) const override
    {
        run.follow(applet, branch(run.hoursOpen(applet)));
    }
    void text(TextRun &run, const Applet &applet) const override
    {
        run.follow(applet, branch(run.hoursOpen(applet)));
    }

private:
    static QString branch(bool open) { return open ? u"open"_s : u"closed"_s; }
};
} // namespace

const AppletBehaviour &Applets::hours()
{
    static const Hours behaviour;
    return behaviour;
}

} // namespace Switchboard
