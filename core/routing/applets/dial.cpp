// Dial: rings its steps in order. A step rings one user (all their devices at once), an
// outside number, the caller's contact owner, or a pool (a group's members taking calls, or
// a list of users) by its strategy: all at once, one after the other, or from the next in
// turn. Nobody answering moves to the next person (one-by-one strategies), then the next
// step, then the "no-answer" branch. Call screening asks the person answering to press 1.

#include "appletbehaviour.h"

#include "catalogue/appletsettings.h"
#include "routing/callrun.h"
#include "routing/eligibility.h"
#include "routing/routingstate.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

class Dial : public AppletBehaviour
{
public:
    void enter(CallRun &run, const Applet &dial) const override
    {
        if (!startStep(run, dial, 0))
            run.follow(dial, u"no-answer"_s);
    }

    void resume(CallRun &run, const Applet &dial, CallRequest::Event event) const override
    {
        switch (event) {
        case CallRequest::DialEnded:
            ended(run, dial);
            break;
        case CallRequest::ScreenOffer:
            offer(run);
            break;
        case CallRequest::ScreenAnswer:
            if (run.request().digits != u"1")
                run.twiml().hangup(); // anything else counts as no answer
            break;
        default:
            break;
        }
    }

private:
    // Who a step can ring now, in the order they would ring ("tel:+1..." for a number).
    static QStringList eligible(CallRun &run, const DialStep &step, const QString &turnKey)
    {
        if (!step.target)
            return {};
        const DialTarget &target = *step.target;
        const Eligibility who(run.config(), run.state());
        QStringList candidates;
        QSet<QString> ok;
        switch (target.kind) {
        case DialTarget::Kind::Group:
            if (const Group *group = run.config().group(target.id)) {
                for (const Member &m : group->members) {
                    candidates.append(m.user);
                    if (who.takesPart(*group, m, Channel::Voice))
                        ok.insert(m.user);
                }
            }
            break;
        case DialTarget::Kind::User:
        case DialTarget::Kind::Members:
            for (const QString &id : target.userIds()) {
                candidates.append(id);
                if (who.canRing(id))
                    ok.insert(id);
            }
            break;
        case DialTarget::Kind::CallerOwner:
            for (const Contact &c : run.config().contacts) {
                if (c.number == run.request().from) {
                    candidates.append(c.owner);
                    if (who.canRing(c.owner))
                        ok.insert(c.owner);
                }
            }
            break;
        case DialTarget::Kind::Number:
            return {u"tel:"_s + target.number};
        }
        QStringList ring;
        for (const QString &c : std::as_const(candidates)) {
            if (ok.contains(c) && !ring.contains(c))
                ring.append(c);
        }
        if (!target.ringsPool() || ring.isEmpty() || !takesTurns(step.strategy))
            return ring;
        run.outcome().tookTurn = true;
        const QString first = run.state().takeTurn(turnKey, candidates, ok);
        if (step.strategy == DialStrategy::RoundRobin)
            return {first};
        const qsizetype at = ring.indexOf(first); // linear: from the one in turn, wrapping
        return ring.mid(at) + ring.mid(0, at);
    }

    static bool startStep(CallRun &run, const Applet &dial, int from)
    {
        const QList<DialStep> steps = AppletSettings::dialSteps(dial);
        for (int s = from; s < steps.size(); ++s) {
            const QString key =
                u"dial:"_s + run.st().flow + u':' + dial.id + u':' + QString::number(s);
            const QStringList members = eligible(run, steps.at(s), key);
            if (members.isEmpty()) {
                run.trace([&] {
                    return RoutingEngine::tr("%1, step %2: nobody can be rung now; skipped.")
                        .arg(run.label(dial))
                        .arg(s + 1);
                });
                continue;
            }
            run.st().step = s;
            run.st().position = 0;
            run.st().ring = members;
            ring(run, dial, steps.at(s));
            return true;
        }
        return false;
    }

    static void ring(CallRun &run, const Applet &dial, const DialStep &step)
    {
        CallState &st = run.st();
        // All at once: a simultaneous step, or one person (or number) with all their devices.
        const bool together = !step.target || !step.target->ringsPool() ||
                              step.strategy == DialStrategy::Simultaneous;
        const QStringList now = together ? st.ring : QStringList{st.ring.at(st.position)};

        QList<Twiml::Device> devices;
        QStringList names;
        for (const QString &who : now) {
            if (who.startsWith(u"tel:")) {
                devices.append({u"Number"_s, who.mid(4)});
                names.append(who.mid(4));
                continue;
            }
            const User *u = run.config().user(who);
            if (!u)
                continue;
            names.append(u->displayName());
            for (const Device &d : u->devices)
                devices.append({d.kind == DeviceKind::Client  ? u"Client"_s
                                : d.kind == DeviceKind::Phone ? u"Number"_s
                                                              : u"Sip"_s,
                                d.address});
        }
        const QString callerId =
            AppletSettings::callerId(dial).shownFor(run.request().from, run.request().to);
        const QJsonValue screen = run.catalogue().value(dial, u"screen");
        run.trace([&] {
            return RoutingEngine::tr("%1, step %2: rings %3 for %4 s.")
                .arg(run.label(dial))
                .arg(st.step + 1)
                .arg(names.join(u", "_s))
                .arg(step.ringSeconds);
        });
        run.twiml().dial(run.url(CallRequest::DialEnded), step.ringSeconds, callerId,
                         run.catalogue().value(dial, u"record").toBool(), devices,
                         screen.toBool() ? run.url(CallRequest::ScreenOffer) : QString());
        st.spoken = true;
    }

    static void ended(CallRun &run, const Applet &dial)
    {
        const QString status = run.request().dialStatus;
        if (status == u"completed" || status == u"answered") {
            run.trace(
                [&] { return RoutingEngine::tr("Answered; the call ends when they hang up."); });
            run.twiml().hangup();
            return;
        }
        run.trace([&] {
            return RoutingEngine::tr("Not answered (%1).")
                .arg(status.isEmpty() ? u"no-answer"_s : status);
        });
        CallState &st = run.st();
        const QList<DialStep> steps = AppletSettings::dialSteps(dial);
        const DialStep step = steps.value(st.step);
        keepOnlyWhoTheStepRings(run, step);
        const bool oneByOne =
            step.target && step.target->ringsPool() && ringsOneByOne(step.strategy);
        if (oneByOne && st.position + 1 < st.ring.size()) {
            ++st.position;
            ring(run, dial, step);
            return;
        }
        if (!startStep(run, dial, st.step + 1)) {
            run.trace(
                [&] { return RoutingEngine::tr("%1: nobody answered.").arg(run.label(dial)); });
            run.follow(dial, u"no-answer"_s);
        }
    }

    // The ring list comes back in the action URL. Only who the configuration lets this step
    // ring stays in it (its group's members, its users, the caller's contact owner, its
    // number), so that no URL makes the call ring anyone else.
    static void keepOnlyWhoTheStepRings(CallRun &run, const DialStep &step)
    {
        QSet<QString> allowed;
        if (step.target) {
            const DialTarget &target = *step.target;
            switch (target.kind) {
            case DialTarget::Kind::Group:
                if (const Group *group = run.config().group(target.id)) {
                    for (const Member &m : group->members)
                        allowed.insert(m.user);
                }
                break;
            case DialTarget::Kind::User:
            case DialTarget::Kind::Members:
                for (const QString &id : target.userIds())
                    allowed.insert(id);
                break;
            case DialTarget::Kind::CallerOwner:
                for (const Contact &c : run.config().contacts) {
                    if (c.number == run.request().from)
                        allowed.insert(c.owner);
                }
                break;
            case DialTarget::Kind::Number:
                allowed.insert(u"tel:"_s + target.number);
                break;
            }
        }
        CallState &st = run.st();
        QStringList kept;
        int position = 0;
        for (int i = 0; i < st.ring.size(); ++i) {
            if (!allowed.contains(st.ring.at(i)))
                continue;
            if (i < st.position)
                ++position;
            kept.append(st.ring.at(i));
        }
        st.ring = kept;
        st.position = std::min(position, int(kept.size()));
    }

    // To the person answering, before they are connected.
    static void offer(CallRun &run)
    {
        const PhoneNumber *number = run.config().number(run.request().to);
        const QString forWhom =
            number && !number->label.isEmpty() ? number->label : run.request().to;
        run.twiml().gatherRaw(run.url(CallRequest::ScreenAnswer), 10,
                              RoutingEngine::tr("Call for %1 from %2. Press 1 to accept.")
                                  .arg(forWhom, run.request().from));
        run.twiml().hangup();
    }
};

} // namespace

const AppletBehaviour &Applets::dial()
{
    static const Dial behaviour;
    return behaviour;
}

} // namespace Switchboard
