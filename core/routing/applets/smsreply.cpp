// Reply: texts its body back to the sender, then goes on.

#include "appletbehaviour.h"

#include "routing/textrun.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class SmsReply : public AppletBehaviour
{
public:
    void text(TextRun &run, const Applet &applet) const override
    {
        const QString body = run.catalogue().value(applet, u"body").toString();
        run.twiml().message(body);
        run.trace([&] { return RoutingEngine::tr("Replies \"%1\".").arg(body); });
        run.follow(applet, u"next"_s);
    }
};
} // namespace

const AppletBehaviour &Applets::smsReply()
{
    static const SmsReply behaviour;
    return behaviour;
}

} // namespace Switchboard
