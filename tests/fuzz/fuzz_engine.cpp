// The routing engine, driven by fuzzed event sequences against the demo organization: a call
// or a text to one of its numbers (or another), then each continuation the engine's own TwiML
// asks for, with fuzzed keys, dial results and recordings, through the same webhook parser
// routerd uses. Properties: no crash, no sanitizer report, every answer well-formed TwiML,
// no call running more than the engine's limit of applets.

#include "catalogue/appletcatalogue.h"
#include "demo/demoorganization.h"
#include "fuzzinput.h"
#include "routing/engine.h"
#include "routing/memoryroutingstate.h"
#include "routing/twimlreader.h"
#include "routing/webhook.h"

#include <QDateTime>
#include <QTimeZone>
#include <QUrl>

#include <cstdint>
#include <cstdlib>

using namespace Switchboard;
using namespace Qt::StringLiterals;

namespace {
const QString base = u"https://phones.example"_s;

void check(const RoutingOutcome &outcome, int *runs)
{
    const TwimlResponse r = readTwiml(outcome.twiml);
    if (!r.valid)
        std::abort(); // every answer is TwiML
    *runs += int(outcome.visited.size());
    if (*runs > Limits::maxAppletRuns + 1)
        std::abort(); // the safety net holds across requests
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Organization organization = demoOrganization();
    Fuzz::Input in(data, size);
    MemoryRoutingState state;
    for (const User &u : organization.users) {
        if (in.number(4) == 0)
            state.unavailable.insert(u.id);
    }
    RoutingEngine engine(organization, 1, state, base);
    engine.setTracing(in.number(2) == 0);
    QStringList numbers;
    for (const PhoneNumber &n : organization.numbers)
        numbers.append(n.number);
    numbers.append(u"+15125550199"_s); // routes nowhere
    const QString to = in.pick(numbers);
    const QString from = in.pick({u"+15125559999"_s, u"+15125556666"_s, in.text(16)});
    // Any day of a fortnight, any minute: hours and holidays both ways.
    const QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC)
                              .addSecs(qint64(in.byte()) * 5400 + in.number(90) * 60);
    int runs = 0;

    if (in.number(3) == 0) { // a text
        SmsRequest text;
        text.messageSid = u"SM1"_s;
        text.from = from;
        text.to = to;
        text.body = in.text(40);
        check(engine.text(text, now), &runs);
        return 0;
    }
    FormParams call{{u"CallSid"_s, u"CA1"_s}, {u"From"_s, from}, {u"To"_s, to}};
    QString error;
    auto request = Webhooks::parse(QUrl(base + u"/twilio/voice"_s), call, &error);
    if (!request)
        return 0;
    RoutingOutcome outcome = engine.call(request->call, now);
    check(outcome, &runs);
    // Follow what the answer waits on, with fuzzed results, for a few rounds.
    for (int round = 0; round < 12 && !in.atEnd(); ++round) {
        const TwimlResponse r = readTwiml(outcome.twiml);
        const TwimlVerb *waiting = r.waitingOn();
        if (!waiting)
            break;
        QString action = waiting->attributes.value(u"action"_s);
        if (waiting->name == u"Redirect")
            action = waiting->text;
        if (action.isEmpty())
            break;
        FormParams params = call;
        if (waiting->name == u"Gather") {
            if (in.number(4))
                params.append(
                    {u"Digits"_s, in.pick({u"1"_s, u"2"_s, u"3"_s, u"9"_s, u"#"_s, in.text(3)})});
        } else if (waiting->name == u"Dial") {
            params.append({u"DialCallStatus"_s,
                           in.pick({u"completed"_s, u"answered"_s, u"busy"_s, u"no-answer"_s,
                                    u"failed"_s, u"canceled"_s, in.text(8)})});
        } else if (waiting->name == u"Record") {
            params.append({u"RecordingUrl"_s, u"https://api.twilio.com/rec/RE1"_s});
            params.append({u"RecordingSid"_s, u"RE1"_s});
            params.append({u"RecordingDuration"_s, QString::number(in.number(200) - 5)});
        }
        request = Webhooks::parse(QUrl(action), params, &error);
        if (!request)
            std::abort(); // the engine's own action URLs always parse
        outcome = engine.call(request->call, now);
        check(outcome, &runs);
    }
    return 0;
}
