// Voicemail: says its greeting (else the user's own, else a default), records, and keeps
// the message in its owner's inbox.

#include "appletbehaviour.h"

#include "catalogue/appletsettings.h"
#include "routing/callrun.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class Voicemail : public AppletBehaviour
{
public:
    void enter(CallRun &run, const Applet &applet) const override
    {
        const std::optional<Owner> owner = AppletSettings::owner(applet);
        std::optional<Prompt> p = AppletSettings::prompt(applet);
        if (!p && owner && !owner->isGroup()) {
            const User *u = run.config().user(owner->id);
            if (u && u->greeting)
                p = Prompt::fromJson(*u->greeting);
        }
        const Prompt greeting =
            p.value_or(Prompt::say(RoutingEngine::tr("Please leave a message after the tone.")));
        const int maxSeconds = run.catalogue().value(applet, u"max_seconds").toInt();
        run.trace([&] {
            return RoutingEngine::tr("%1 %2 and records up to %3 s.")
                .arg(run.label(applet), CallRun::promptText(greeting))
                .arg(maxSeconds);
        });
        run.prompt(greeting);
        run.twiml().record(run.url(CallRequest::Recorded), maxSeconds,
                           run.catalogue().value(applet, u"transcribe").toBool(),
                           run.transcriptionUrl());
    }

    void resume(CallRun &run, const Applet &applet, CallRequest::Event event) const override
    {
        if (event != CallRequest::Recorded)
            return;
        const CallRequest &request = run.request();
        if (request.recordingUrl.isEmpty() || request.recordingSeconds <= 0) {
            run.trace([&] { return RoutingEngine::tr("The caller left no message."); });
            run.twiml().hangup();
            return;
        }
        InboxDelivery item;
        item.kind = u"voicemail"_s;
        item.owner = AppletSettings::owner(applet).value_or(Owner());
        item.from = request.from;
        item.to = request.to;
        item.recordingUrl = request.recordingUrl;
        item.durationSeconds = request.recordingSeconds;
        item.dedupeKey = request.callSid + u':' +
                         (request.recordingSid.isEmpty() ? applet.id : request.recordingSid);
        run.outcome().deliveries.append(item);
        run.trace([&] {
            return RoutingEngine::tr("A voicemail of %1 s for %2.")
                .arg(request.recordingSeconds)
                .arg(run.ownerName(item.owner));
        });
        run.twiml().say(RoutingEngine::tr("Thank you. Goodbye."));
        run.twiml().hangup();
    }
};
} // namespace

const AppletBehaviour &Applets::voicemail()
{
    static const Voicemail behaviour;
    return behaviour;
}

} // namespace Switchboard
