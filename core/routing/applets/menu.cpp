// Menu: asks for a key, routes by the key pressed; asks again after silence or a key
// without a branch, up to its attempts, then takes "no-input".

#include "appletbehaviour.h"

#include "catalogue/appletsettings.h"
#include "routing/callrun.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class Menu : public AppletBehaviour
{
public:
    void enter(CallRun &run, const Applet &menu) const override { ask(run, menu, false); }

    void resume(CallRun &run, const Applet &menu, CallRequest::Event event) const override
    {
        if (event == CallRequest::Gathered)
            keyPressed(run, menu, run.request().digits);
        else if (event == CallRequest::GatherTimeout)
            silence(run, menu);
    }

private:
    static int attempts(CallRun &run, const Applet &menu)
    {
        return run.catalogue().value(menu, u"attempts").toInt();
    }

    static void ask(CallRun &run, const Applet &menu, bool again)
    {
        const std::optional<Prompt> p = AppletSettings::prompt(menu);
        const int timeout = run.catalogue().value(menu, u"timeout").toInt();
        if (!again)
            run.trace([&] {
                return RoutingEngine::tr("%1 %2 and waits %3 s for a key.")
                    .arg(run.label(menu), CallRun::promptText(p.value_or(Prompt())))
                    .arg(timeout);
            });
        else
            run.trace([&] {
                return RoutingEngine::tr("%1 asks again (try %2 of %3).")
                    .arg(run.label(menu))
                    .arg(run.st().attempt)
                    .arg(attempts(run, menu));
            });
        run.twiml().gather(run.url(CallRequest::Gathered), timeout, p);
        run.st().spoken = true;
        run.twiml().redirect(run.url(CallRequest::GatherTimeout)); // no key pressed
    }

    static void keyPressed(CallRun &run, const Applet &menu, const QString &digits)
    {
        const QString key = digits.left(1);
        if (!key.isEmpty() && AppletCatalogue::menuKeys().contains(key) &&
            menu.next.contains(key)) {
            run.trace([&] { return RoutingEngine::tr("The caller pressed %1.").arg(key); });
            run.runFrom(menu.next.value(key));
            return;
        }
        run.trace([&] {
            return RoutingEngine::tr("The caller pressed %1, which is not a choice.")
                .arg(key.isEmpty() ? u"?"_s : key);
        });
        if (run.st().attempt >= attempts(run, menu)) {
            givesUp(run, menu);
            return;
        }
        run.prompt(
            AppletSettings::prompt(menu, u"invalid_prompt")
                .value_or(Prompt::say(RoutingEngine::tr("Sorry, that is not a valid choice."))));
        ++run.st().attempt;
        ask(run, menu, true);
    }

    static void silence(CallRun &run, const Applet &menu)
    {
        run.trace([&] { return RoutingEngine::tr("No key was pressed."); });
        if (run.st().attempt >= attempts(run, menu)) {
            givesUp(run, menu);
            return;
        }
        ++run.st().attempt;
        ask(run, menu, true);
    }

    static void givesUp(CallRun &run, const Applet &menu)
    {
        run.trace([&] {
            return RoutingEngine::tr("%1: no valid key after %2 tries.")
                .arg(run.label(menu))
                .arg(run.st().attempt);
        });
        run.follow(menu, u"no-input"_s, RoutingEngine::tr("Goodbye."));
    }
};
} // namespace

const AppletBehaviour &Applets::menu()
{
    static const Menu behaviour;
    return behaviour;
}

} // namespace Switchboard
