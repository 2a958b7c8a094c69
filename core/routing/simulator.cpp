#include "simulator.h"

#include "routing/engine.h"
#include "routing/memoryroutingstate.h"
#include "routing/twimlreader.h"
#include "routing/webhook.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
const QString base = u"https://simulator.invalid"_s;

// The request the carrier makes to a URL of the engine's TwiML, with what it learnt.
bool requestFor(const QString &url, CallRequest *request)
{
    FormParams params{
        {u"CallSid"_s, request->callSid}, {u"From"_s, request->from}, {u"To"_s, request->to}};
    if (!request->digits.isEmpty())
        params.append({u"Digits"_s, request->digits});
    if (!request->dialStatus.isEmpty())
        params.append({u"DialCallStatus"_s, request->dialStatus});
    if (!request->recordingUrl.isEmpty()) {
        params.append({u"RecordingUrl"_s, request->recordingUrl});
        params.append({u"RecordingSid"_s, request->recordingSid});
        params.append({u"RecordingDuration"_s, QString::number(request->recordingSeconds)});
    }
    QString error;
    const auto parsed = Webhooks::parse(QUrl(url), params, &error);
    if (!parsed || parsed->kind != WebhookRequest::Call)
        return false;
    *request = parsed->call;
    return true;
}
} // namespace

SimulationResult Simulator::run(const Organization &org, const Simulation &sim)
{
    SimulationResult result;
    MemoryRoutingState state;
    state.unavailable = sim.unavailable;
    RoutingEngine engine(org, 1, state, base);
    const QDateTime at = sim.at.isValid() ? sim.at : QDateTime::currentDateTimeUtc();

    // The engine runs the flow of the number called; the ids it reports are of its graphs.
    auto finish = [&](SimulationResult r) {
        const PhoneNumber *number = org.number(sim.to);
        if (!r.visited.isEmpty() && number)
            r.flow = number->flow;
        return r;
    };

    if (!sim.text.isNull()) {
        const RoutingOutcome out =
            engine.text({u"SMsimulated"_s, sim.from, sim.to, sim.text, {}}, at);
        result.channel = Channel::Sms;
        result.steps = out.trace;
        result.stepApplets = out.traceApplets;
        result.visited = out.visited;
        result.routed = out.events.isEmpty() || out.events.first().kind == u"error";
        result.ending =
            out.deliveries.isEmpty() ? tr("Nothing was kept.") : tr("Kept in an inbox.");
        return finish(std::move(result));
    }

    CallRequest request;
    request.callSid = u"CAsimulated"_s;
    request.from = sim.from;
    request.to = sim.to;
    QStringList digits = sim.digits;
    result.routed = true;
    for (int turn = 0; turn < 300; ++turn) {
        const RoutingOutcome out = engine.call(request, at);
        result.steps += out.trace;
        result.stepApplets += out.traceApplets;
        result.visited += out.visited;
        state.apply(out);
        for (const RoutingEvent &e : out.events) {
            if (e.kind != u"error")
                result.routed = false;
        }
        const TwimlResponse twiml = readTwiml(out.twiml);
        const TwimlVerb *verb = twiml.waitingOn();
        if (!verb || verb->name == u"Hangup" || verb->name == u"Reject") {
            result.ending = verb && verb->name == u"Reject" ? tr("The call was refused.")
                                                            : tr("The call ended.");
            return finish(std::move(result));
        }
        CallRequest next; // what the carrier sends next: the call, and what it learnt
        next.callSid = request.callSid;
        next.from = request.from;
        next.to = request.to;
        if (verb->name == u"Gather") {
            if (!digits.isEmpty()) {
                next.digits = digits.takeFirst();
                if (!requestFor(verb->attributes.value(u"action"_s), &next))
                    break;
            } else {
                const TwimlVerb *redirect = twiml.first(u"Redirect"_s);
                if (!redirect || !requestFor(redirect->text, &next))
                    break;
            }
        } else if (verb->name == u"Redirect") {
            if (!requestFor(verb->text, &next))
                break;
        } else if (verb->name == u"Dial") {
            // Whoever answers picks up if one of their devices is rung.
            const User *answering = org.user(sim.answer);
            bool answered = false;
            for (const TwimlVerb::Noun &noun : verb->nouns) {
                for (const Device &d : answering ? answering->devices : QList<Device>())
                    answered = answered || d.address == noun.text;
            }
            next.dialStatus = answered ? u"completed"_s : u"no-answer"_s;
            if (answered) {
                result.steps.append(tr("%1 answers.").arg(answering->name));
                result.stepApplets.append(result.visited.value(result.visited.size() - 1));
            }
            if (!requestFor(verb->attributes.value(u"action"_s), &next))
                break;
        } else if (verb->name == u"Record") {
            next.recordingUrl = base + u"/recording.mp3"_s;
            next.recordingSid = u"REsimulated"_s;
            next.recordingSeconds = sim.recordingSeconds;
            if (!requestFor(verb->attributes.value(u"action"_s), &next))
                break;
        }
        request = next;
    }
    result.ending = tr("The simulation stopped: the call did not end.");
    return finish(std::move(result));
}

} // namespace Switchboard
