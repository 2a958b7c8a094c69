#include "appletbehaviour.h"

#include "routing/callrun.h"
#include "routing/textrun.h"

namespace Switchboard {

void AppletBehaviour::enter(CallRun &run, const Applet &applet) const
{
    run.fail(RoutingEngine::tr("%1 cannot run in a call.").arg(run.label(applet)));
}

void AppletBehaviour::resume(CallRun &, const Applet &, CallRequest::Event) const
{}

void AppletBehaviour::text(TextRun &run, const Applet &applet) const
{
    run.error(RoutingEngine::tr("A %1 applet cannot handle a text.").arg(applet.type));
}

const AppletBehaviour &behaviourOf(AppletKind kind)
{
    switch (kind) {
    case AppletKind::Greeting:
        return Applets::greeting();
    case AppletKind::Menu:
        return Applets::menu();
    case AppletKind::Hours:
        return Applets::hours();
    case AppletKind::Dial:
        return Applets::dial();
    case AppletKind::Voicemail:
        return Applets::voicemail();
    case AppletKind::Hangup:
        return Applets::hangup();
    case AppletKind::Keyword:
        return Applets::keyword();
    case AppletKind::SmsReply:
        return Applets::smsReply();
    case AppletKind::SmsInbox:
        return Applets::smsInbox();
    }
    Q_UNREACHABLE();
}

} // namespace Switchboard
