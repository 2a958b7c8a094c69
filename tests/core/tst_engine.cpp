// The routing engine, applet by applet and rule by rule (core/routing/APPLETS.md): a flow, a
// sequence of events played as the carrier would (the call arrives, a key, silence, a dial result,
// a recording, a text), and the TwiML answered to each, written out verb by verb. What the engine
// keeps (inbox items, events) is checked too.
//
// The scripts' tokens and the shared organization are in tests/common/carrier.h.

#include "carrier.h"
#include "config/configdocument.h"
#include "routing/engine.h"
#include "routing/memoryroutingstate.h"
#include "routing/routingstate.h"
#include "routing/simulator.h"
#include "routing/twimlreader.h"
#include "validation/finding.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {

using namespace Switchboard::Test;

const QString base = u"https://routerd.example"_s;

QString keptSummary(const RoutingOutcome &outcome)
{
    QStringList out;
    for (const InboxDelivery &d : outcome.deliveries) {
        QString s = d.kind + u' ' + d.owner.kindKey() + u':' + d.owner.id;
        if (d.kind == u"voicemail")
            s += u' ' + QString::number(d.durationSeconds) + u's';
        else
            s += u" \""_s + d.body + u'"';
        if (!d.media.isEmpty())
            s += u" media="_s + QString::number(d.media.size());
        if (d.startsConversation)
            s += d.assignedTo.isEmpty() ? u" new queued"_s : u" new ->"_s + d.assignedTo;
        else if (!d.conversation.isEmpty())
            s += u" joins ->"_s + (d.assignedTo.isEmpty() ? u"queue"_s : d.assignedTo);
        out.append(s);
    }
    for (const RoutingEvent &e : outcome.events)
        out.append(u"event "_s + e.kind);
    return out.join(u"; "_s);
}

// The carrier's requests straight into the engine, as the backend would pass them on.
class Walk
{
public:
    Walk(const Organization &org, MemoryRoutingState &state, const QDateTime &at)
        : m_org(org)
        , m_engine(org, 7, state, base)
        , m_state(state)
        , m_at(at)
        , m_carrier(base, [this](const QString &url, const FormParams &params) {
            return send(url, params);
        })
    {}

    QString play(const QString &token) { return m_carrier.play(token); }
    QStringList kept;
    QStringList visited; // the applets run, over every request

private:
    QByteArray send(const QString &url, const FormParams &params)
    {
        QString error;
        const auto request = Webhooks::parse(QUrl(url), params, &error);
        if (!request)
            return error.toUtf8();
        if (request->kind == WebhookRequest::Call && request->call.event != CallRequest::Started &&
            request->call.state.revision != 7)
            return "the call lost its revision: " + url.toUtf8();
        // The backend runs the engine without a trace; from the same state it must answer and
        // keep exactly the same. (A difference answers this request with a sentence, which no
        // expected TwiML matches.)
        MemoryRoutingState untracedState = m_state;
        RoutingEngine untracedEngine(m_org, 7, untracedState, base);
        untracedEngine.setTracing(false);
        const RoutingOutcome untraced = request->kind == WebhookRequest::Text
                                            ? untracedEngine.text(request->sms, m_at)
                                            : untracedEngine.call(request->call, m_at);
        const RoutingOutcome outcome = request->kind == WebhookRequest::Text
                                           ? m_engine.text(request->sms, m_at)
                                           : m_engine.call(request->call, m_at);
        if (untraced.twiml != outcome.twiml || keptSummary(untraced) != keptSummary(outcome) ||
            untraced.visited != outcome.visited || !untraced.trace.isEmpty() ||
            untracedState.turns != m_state.turns)
            return "untraced, the engine answered otherwise: " + untraced.twiml;
        m_state.apply(outcome);
        visited += outcome.visited;
        const QString k = keptSummary(outcome);
        if (!k.isEmpty())
            kept.append(k);
        return outcome.twiml;
    }

    const Organization &m_org;
    RoutingEngine m_engine;
    MemoryRoutingState &m_state;
    QDateTime m_at;
    Carrier m_carrier;
};

const QString monday10 = u"2026-11-23T10:00:00Z"_s;

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT

private slots:
    void calls_data();
    void calls();
    void texts_data();
    void texts();
    void visitedApplets_data();
    void visitedApplets();
    void simulatorSaysWhereTheCallWent();
    void aTextKeptForAUserNamesThem();
    void rotationStartsFromTheTopWhenTheLastMemberLeft();
    void safetyNetEndsARunawayCall();
    void continuationIntoAnAppletThatIsGone();
    void callerTextIsEscaped();

private:
    void addColumns();
    void run(bool sms);
};

void TestEngine::addColumns()
{
    QTest::addColumn<QString>("flow");         // the voice (or SMS) graph
    QTest::addColumn<QString>("at");           // UTC
    QTest::addColumn<QStringList>("presence"); // "-user" unavailable, "-user/group/voice" inactive
    QTest::addColumn<int>("maxOpen");          // support's sms_max_open_per_agent
    QTest::addColumn<QStringList>("script");
    QTest::addColumn<QStringList>("responses");
    QTest::addColumn<QStringList>("kept");
}

void TestEngine::run(bool sms)
{
    QFETCH(QString, flow);
    QFETCH(QString, at);
    QFETCH(QStringList, presence);
    QFETCH(int, maxOpen);
    QFETCH(QStringList, script);
    QFETCH(QStringList, responses);
    QFETCH(QStringList, kept);

    Organization org;
    const Findings findings = validateConfigDocument(
        routingDocument(sms ? QString() : flow, sms ? flow : QString(), maxOpen), &org);
    for (const Finding &f : findings)
        QVERIFY2(!f.isError(), qPrintable(f.path + u": "_s + f.message));
    MemoryRoutingState state;
    for (const QString &p : presence) {
        const QStringList parts = p.mid(1).split(u'/');
        if (parts.size() == 1)
            state.unavailable.insert(parts.first());
        else
            state.activity[parts.at(0)][parts.at(1)] =
                parts.at(2) == u"voice" ? std::pair{false, true} : std::pair{true, false};
    }
    Walk walk(org, state, QDateTime::fromString(at, Qt::ISODate));
    QStringList got;
    for (const QString &token : script)
        got.append(walk.play(token));
    QCOMPARE(got, responses);
    QCOMPARE(walk.kept, kept);
}

void TestEngine::calls_data()
{
    addColumns();
    const QStringList none;
    auto row = [&](const char *name, const QString &flow, const QStringList &script,
                   const QStringList &responses, const QStringList &kept = {},
                   const QStringList &presence = {}, const QString &at = monday10) {
        QTest::newRow(name) << flow << at << presence << 0 << script << responses << kept;
    };
    const QString sorry = u"Say \"Sorry, that is not a valid choice.\""_s;
    const QString nancy = u"Client nancy, Number +15125550101"_s;
    const QString johan = u"Number +15125550102"_s;
    const QString vald = u"Sip sip:vald@pbx.example"_s;
    const QString pat = u"Number +15125550105"_s;
    const QString voicemailPrompt = u"Say \"Please leave a message after the tone.\""_s;
    const QString thanks = u"Say \"Thank you. Goodbye.\" | Hangup"_s;

    // greeting
    row("greeting then the next applet",
        graphJson(
            u"g"_s,
            uR"("g": {"type": "greeting", "config": {"prompt": {"say": "Hello & welcome"}}, "next": {"next": "h"}},
                         "h": {"type": "hangup"})"_s),
        {u"call"_s}, {u"Say \"Hello & welcome\" | Hangup"_s});
    row("greeting with a recording, nothing next: the call ends",
        graphJson(
            u"g"_s,
            uR"("g": {"type": "greeting", "config": {"prompt": {"play": "https://example.com/a.mp3"}}})"_s),
        {u"call"_s}, {u"Play https://example.com/a.mp3 | Hangup"_s});
    row("greeting's default prompt", graphJson(u"g"_s, uR"("g": {"type": "greeting"})"_s),
        {u"call"_s}, {u"Say \"Thank you for calling.\" | Hangup"_s});

    // hours
    const QString hours =
        uR"("h": {"type": "hours", "config": {"weekly": {"mon": [["09:00","17:00"]]},
                                      "holidays": [{"date": "2026-12-21", "name": "Closed"}]},
                                    "next": {"open": "o", "closed": "c"}},
                             "o": {"type": "greeting", "config": {"prompt": {"say": "open"}}},
                             "c": {"type": "greeting", "config": {"prompt": {"say": "closed"}}})"_s;
    row("hours: open", graphJson(u"h"_s, hours), {u"call"_s}, {u"Say \"open\" | Hangup"_s});
    row("hours: closed", graphJson(u"h"_s, hours), {u"call"_s}, {u"Say \"closed\" | Hangup"_s}, {},
        {}, u"2026-11-23T17:00:00Z"_s);
    row("hours: a holiday on a Monday", graphJson(u"h"_s, hours), {u"call"_s},
        {u"Say \"closed\" | Hangup"_s}, {}, {}, u"2026-12-21T10:00:00Z"_s);
    row("hours: empty branch ends the call",
        graphJson(u"h"_s,
                  uR"("h": {"type": "hours", "config": {"weekly": {}}, "next": {"open": "o"}},
                         "o": {"type": "hangup"})"_s),
        {u"call"_s}, {u"Hangup"_s});

    // menu
    const QString menu =
        uR"("m": {"type": "menu", "config": {"prompt": {"say": "Press 1"}, "timeout": 4, "attempts": 2},
                  "next": {"1": "one", "no-input": "gone"}},
            "one": {"type": "greeting", "config": {"prompt": {"say": "one"}}},
            "gone": {"type": "greeting", "config": {"prompt": {"say": "nobody pressed"}}})"_s;
    const QString ask = u"Gather 4s>gather [Say \"Press 1\"] | Redirect>no-key"_s;
    row("menu: a key with a branch", graphJson(u"m"_s, menu), {u"call"_s, u"key:1"_s},
        {ask, u"Say \"one\" | Hangup"_s});
    row("menu: an invalid key, then a valid one", graphJson(u"m"_s, menu),
        {u"call"_s, u"key:5"_s, u"key:1"_s},
        {ask, sorry + u" | "_s + ask, u"Say \"one\" | Hangup"_s});
    row("menu: silence asks again without apology", graphJson(u"m"_s, menu),
        {u"call"_s, u"silence"_s, u"key:1"_s}, {ask, ask, u"Say \"one\" | Hangup"_s});
    row("menu: after `attempts` rounds, no-input", graphJson(u"m"_s, menu),
        {u"call"_s, u"silence"_s, u"key:7"_s}, {ask, ask, u"Say \"nobody pressed\" | Hangup"_s});
    row("menu: empty no-input says goodbye",
        graphJson(
            u"m"_s,
            uR"("m": {"type": "menu", "config": {"prompt": {"say": "Press 1"}, "timeout": 4, "attempts": 1},
                                  "next": {"1": "one"}},
                         "one": {"type": "hangup"})"_s),
        {u"call"_s, u"silence"_s}, {ask, u"Say \"Goodbye.\" | Hangup"_s});
    row("menu: its own invalid prompt, defaults otherwise",
        graphJson(
            u"m"_s,
            uR"("m": {"type": "menu", "config": {"invalid_prompt": {"say": "Nope"}}, "next": {"1": "one"}},
                         "one": {"type": "hangup"})"_s),
        {u"call"_s, u"key:#"_s},
        {u"Gather 5s>gather [Say \"Please choose from the following options.\"] | Redirect>no-key"_s,
         u"Say \"Nope\" | Gather 5s>gather [Say \"Please choose from the following options.\"] | Redirect>no-key"_s});
    row("menu: a key back to the menu asks afresh",
        graphJson(
            u"m"_s,
            uR"("m": {"type": "menu", "config": {"prompt": {"say": "Press 1"}, "timeout": 4, "attempts": 2},
                                  "next": {"1": "one", "9": "m"}},
                         "one": {"type": "hangup"})"_s),
        {u"call"_s, u"silence"_s, u"key:9"_s, u"silence"_s, u"silence"_s},
        {ask, ask, ask, ask, u"Say \"Goodbye.\" | Hangup"_s});

    // dial: strategies
    auto dial = [](const QString &steps, const QString &extra = {},
                   const QString &noAnswer = u"vm"_s) {
        return graphJson(
            u"d"_s,
            uR"("d": {"type": "dial", "config": {"steps": [%1]%2}, "next": {%3}},
                                "vm": {"type": "voicemail", "config": {"owner": {"group": "sales"}}})"_s
                .arg(steps, extra,
                     noAnswer.isEmpty() ? QString() : uR"("no-answer": ")"_s + noAnswer + u'"'));
    };
    const QString sequential =
        uR"({"target": {"group": "sales"}, "strategy": "sequential", "ring_seconds": 20})"_s;
    const QString ring = u"Dial 20s>dial from +15125559999 [%1]"_s;
    row("dial sequential: members in order, then no-answer", dial(sequential),
        {u"call"_s, u"dial:no-answer"_s, u"dial:busy"_s, u"dial:failed"_s, u"record:9"_s},
        {ring.arg(nancy), ring.arg(johan), ring.arg(vald),
         voicemailPrompt + u" | Record 120s>record"_s, thanks},
        {u"voicemail group:sales 9s"_s});
    row("dial: answered ends the flow", dial(sequential),
        {u"call"_s, u"dial:no-answer"_s, u"dial:completed"_s},
        {ring.arg(nancy), ring.arg(johan), u"Hangup"_s});
    row("dial simultaneous: every device at once",
        dial(
            uR"({"target": {"group": "sales"}, "strategy": "simultaneous", "ring_seconds": 20})"_s),
        {u"call"_s, u"dial:no-answer"_s},
        {ring.arg(nancy + u", "_s + johan + u", "_s + vald),
         voicemailPrompt + u" | Record 120s>record"_s});
    row("dial round-robin: one member per call, taking turns",
        dial(uR"({"target": {"group": "sales"}, "strategy": "round-robin", "ring_seconds": 20})"_s),
        {u"call"_s, u"call"_s, u"call"_s, u"call"_s},
        {ring.arg(nancy), ring.arg(johan), ring.arg(vald), ring.arg(nancy)});
    row("dial round-robin: skips whoever is unavailable",
        dial(uR"({"target": {"group": "sales"}, "strategy": "round-robin", "ring_seconds": 20})"_s),
        {u"call"_s, u"call"_s, u"call"_s}, {ring.arg(nancy), ring.arg(vald), ring.arg(nancy)}, {},
        {u"-johan"_s});
    row("dial round-robin: one ring, then the next step",
        dial(uR"({"target": {"group": "sales"}, "strategy": "round-robin", "ring_seconds": 20},
                 {"target": {"user": "pat"}, "ring_seconds": 30})"_s),
        {u"call"_s, u"dial:no-answer"_s, u"dial:no-answer"_s},
        {ring.arg(nancy), u"Dial 30s>dial from +15125559999 ["_s + pat + u']',
         voicemailPrompt + u" | Record 120s>record"_s});
    row("dial linear-round-robin: everyone once, the first taking turns",
        dial(
            uR"({"target": {"group": "sales"}, "strategy": "linear-round-robin", "ring_seconds": 20})"_s),
        {u"call"_s, u"dial:no-answer"_s, u"dial:no-answer"_s, u"call"_s, u"dial:no-answer"_s,
         u"dial:no-answer"_s, u"dial:no-answer"_s},
        {ring.arg(nancy), ring.arg(johan), ring.arg(vald), ring.arg(johan), ring.arg(vald),
         ring.arg(nancy), voicemailPrompt + u" | Record 120s>record"_s});
    row("dial members: an ad-hoc ring group in its own order",
        dial(
            uR"({"target": {"members": ["pat", "nancy"]}, "strategy": "sequential", "ring_seconds": 20})"_s),
        {u"call"_s, u"dial:no-answer"_s}, {ring.arg(pat), ring.arg(nancy)});
    // The call-distribution guide's ring group.
    row("dial: the call-distribution guide's example",
        dial(
            uR"({"target": {"members": ["nancy", "johan", "vald"]}, "strategy": "round-robin", "ring_seconds": 40},
                 {"target": {"members": ["nancy", "johan"]}, "strategy": "simultaneous", "ring_seconds": 30})"_s),
        {u"call"_s, u"dial:no-answer"_s, u"dial:no-answer"_s, u"call"_s, u"dial:no-answer"_s,
         u"call"_s},
        {u"Dial 40s>dial from +15125559999 ["_s + nancy + u']',
         u"Dial 30s>dial from +15125559999 ["_s + nancy + u", "_s + johan + u']',
         voicemailPrompt + u" | Record 120s>record"_s,
         u"Dial 40s>dial from +15125559999 ["_s + johan + u']',
         u"Dial 30s>dial from +15125559999 ["_s + nancy + u", "_s + johan + u']',
         u"Dial 40s>dial from +15125559999 ["_s + vald + u']'});

    // dial: eligibility
    const QString supportSequential =
        uR"({"target": {"group": "support"}, "strategy": "sequential", "ring_seconds": 20})"_s;
    row("eligibility: no devices skipped (maria)", dial(supportSequential),
        {u"call"_s, u"dial:no-answer"_s}, {ring.arg(pat), ring.arg(johan)});
    row("eligibility: excluded from voice skipped",
        dial(
            uR"({"target": {"group": "sales"}, "strategy": "simultaneous", "ring_seconds": 20})"_s),
        {u"call"_s}, {ring.arg(nancy + u", "_s + johan)}, {}, {u"-vald/sales/voice"_s});
    row("eligibility: unavailable skipped", dial(sequential), {u"call"_s, u"dial:no-answer"_s},
        {ring.arg(nancy), ring.arg(vald)}, {}, {u"-johan"_s});
    row("eligibility: inactive in this group for calls skipped", dial(sequential),
        {u"call"_s, u"dial:no-answer"_s}, {ring.arg(johan), ring.arg(vald)}, {},
        {u"-nancy/sales/voice"_s});
    row("eligibility: inactive for texts still rings", dial(sequential), {u"call"_s},
        {ring.arg(nancy)}, {}, {u"-nancy/sales/sms"_s});
    row("eligibility: inactive in another group still rings", dial(sequential), {u"call"_s},
        {ring.arg(nancy)}, {}, {u"-nancy/support/voice"_s});
    row("eligibility: a user target rings only when available",
        dial(
            uR"({"target": {"user": "nancy"}, "ring_seconds": 20}, {"target": {"user": "johan"}, "ring_seconds": 20})"_s),
        {u"call"_s}, {ring.arg(johan)}, {}, {u"-nancy"_s});
    row("dial: a step with nobody eligible is skipped at once",
        dial(
            uR"({"target": {"user": "maria"}, "ring_seconds": 20}, {"target": {"user": "pat"}, "ring_seconds": 15})"_s),
        {u"call"_s}, {u"Dial 15s>dial from +15125559999 ["_s + pat + u']'});
    row("dial: nobody at all goes to no-answer",
        dial(uR"({"target": {"user": "maria"}, "ring_seconds": 20})"_s), {u"call"_s},
        {voicemailPrompt + u" | Record 120s>record"_s});
    row("dial: empty no-answer ends the call", dial(sequential, {}, {}),
        {u"call"_s, u"dial:no-answer"_s, u"dial:no-answer"_s, u"dial:no-answer"_s},
        {ring.arg(nancy), ring.arg(johan), ring.arg(vald), u"Hangup"_s});

    // dial: other targets and options
    row("dial a number outside",
        dial(uR"({"target": {"number": "+15125557777"}, "ring_seconds": 25})"_s), {u"call"_s},
        {u"Dial 25s>dial from +15125559999 [Number +15125557777]"_s});
    row("dial the caller's owner",
        dial(uR"({"target": {"caller_owner": true}, "ring_seconds": 20})"_s),
        {u"call:+15125559000"_s}, {u"Dial 20s>dial from +15125559000 ["_s + pat + u']'});
    row("dial the caller's owner: a caller nobody owns skips the step",
        dial(uR"({"target": {"caller_owner": true}, "ring_seconds": 20})"_s), {u"call"_s},
        {voicemailPrompt + u" | Record 120s>record"_s});
    row("caller_id: the number called",
        dial(uR"({"target": {"user": "pat"}, "ring_seconds": 20})"_s,
             uR"(, "caller_id": "number")"_s),
        {u"call"_s}, {u"Dial 20s>dial from +15125550100 ["_s + pat + u']'});
    row("caller_id: a fixed number",
        dial(uR"({"target": {"user": "pat"}, "ring_seconds": 20})"_s,
             uR"(, "caller_id": "+15125550199")"_s),
        {u"call"_s}, {u"Dial 20s>dial from +15125550199 ["_s + pat + u']'});
    row("record: the conversation is recorded",
        dial(uR"({"target": {"user": "pat"}, "ring_seconds": 20})"_s, uR"(, "record": true)"_s),
        {u"call"_s}, {u"Dial 20s>dial from +15125559999 record ["_s + pat + u']'});
    row("screen: the answerer presses 1 to take the call",
        dial(uR"({"target": {"user": "pat"}, "ring_seconds": 20})"_s, uR"(, "screen": true)"_s),
        {u"call"_s, u"screen"_s, u"screen-key:1"_s, u"dial:completed"_s},
        {u"Dial 20s>dial from +15125559999 ["_s + pat + u" screened]"_s,
         u"Gather 10s>screen-key [Say \"Call for Main line from +15125559999. Press 1 to accept.\"] | Hangup"_s,
         QString(), u"Hangup"_s});
    row("screen: anything else counts as no answer",
        dial(uR"({"target": {"user": "pat"}, "ring_seconds": 20})"_s, uR"(, "screen": true)"_s),
        {u"call"_s, u"screen"_s, u"screen-key:2"_s, u"dial:no-answer"_s},
        {u"Dial 20s>dial from +15125559999 ["_s + pat + u" screened]"_s,
         u"Gather 10s>screen-key [Say \"Call for Main line from +15125559999. Press 1 to accept.\"] | Hangup"_s,
         u"Hangup"_s, voicemailPrompt + u" | Record 120s>record"_s});

    // voicemail
    auto voicemail = [](const QString &config) {
        return graphJson(u"v"_s, uR"("v": {"type": "voicemail", "config": %1})"_s.arg(config));
    };
    row("voicemail to a user: their greeting",
        voicemail(uR"({"owner": {"user": "nancy"}, "max_seconds": 60})"_s),
        {u"call"_s, u"record:15"_s},
        {u"Say \"This is Nancy, leave a message.\" | Record 60s>record"_s, thanks},
        {u"voicemail user:nancy 15s"_s});
    row("voicemail to a user without a greeting: the default",
        voicemail(uR"({"owner": {"user": "pat"}})"_s), {u"call"_s},
        {voicemailPrompt + u" | Record 120s>record"_s});
    row("voicemail: its own prompt first, transcribed",
        voicemail(
            uR"({"owner": {"user": "nancy"}, "prompt": {"say": "Leave it here"}, "transcribe": true})"_s),
        {u"call"_s}, {u"Say \"Leave it here\" | Record 120s>record transcribe"_s});
    row("voicemail: a caller who says nothing leaves no item",
        voicemail(uR"({"owner": {"group": "support"}})"_s), {u"call"_s, u"record:0"_s},
        {voicemailPrompt + u" | Record 120s>record"_s, u"Hangup"_s});

    // hangup
    row("hangup", graphJson(u"x"_s, uR"("x": {"type": "hangup"})"_s), {u"call"_s}, {u"Hangup"_s});
    row("hangup with reject: busy before answering",
        graphJson(u"x"_s, uR"("x": {"type": "hangup", "config": {"reject": true}})"_s), {u"call"_s},
        {u"Reject busy"_s});
    row("hangup with reject after a greeting: too late to reject",
        graphJson(
            u"g"_s,
            uR"("g": {"type": "greeting", "next": {"next": "x"}}, "x": {"type": "hangup", "config": {"reject": true}})"_s),
        {u"call"_s}, {u"Say \"Thank you for calling.\" | Hangup"_s});

    // before any flow runs
    const QString simple = graphJson(u"x"_s, uR"("x": {"type": "hangup"})"_s);
    row("blocked caller", simple, {u"call:+15125556666"_s}, {u"Reject"_s}, {u"event blocked"_s});
    row("unrouted: not our number", simple, {u"call:+15125559999:+15125550999"_s}, {u"Reject"_s},
        {u"event unrouted"_s});
    row("unrouted: a number without a flow", simple, {u"call:+15125559999:+15125550120"_s},
        {u"Reject"_s}, {u"event unrouted"_s});
    row("unrouted: a flow without a call graph", simple, {u"call:+15125559999:+15125550130"_s},
        {u"Reject"_s}, {u"event unrouted"_s});
}

void TestEngine::calls()
{
    run(false);
}

void TestEngine::texts_data()
{
    addColumns();
    auto row = [&](const char *name, const QString &flow, const QStringList &script,
                   const QStringList &responses, const QStringList &kept, int maxOpen = 0,
                   const QStringList &presence = {}, const QString &at = monday10) {
        QTest::newRow(name) << flow << at << presence << maxOpen << script << responses << kept;
    };
    const QString keyword = graphJson(
        u"k"_s,
        uR"("k": {"type": "keyword", "config": {"keywords": ["SALES", "SUPPORT"], "prompt": "Reply SALES or SUPPORT."},
                                "next": {"SALES": "s", "SUPPORT": "in"}},
                         "s": {"type": "sms-reply", "config": {"body": "Sales <here>"}},
                         "in": {"type": "sms-inbox", "config": {"owner": {"group": "support"}}})"_s);
    row("keyword: the first word picks the branch", keyword, {u"text:sales: hi"_s},
        {u"Message \"Sales <here>\""_s}, {});
    row("keyword: after spaces, any case", keyword, {u"text:  Support please"_s}, {QString()},
        {u"sms group:support \"  Support please\""_s});
    row("keyword: a longer word is no match", keyword, {u"text:salesperson here"_s},
        {u"Message \"Reply SALES or SUPPORT.\""_s}, {});
    row("keyword: no match without a prompt says nothing",
        graphJson(
            u"k"_s,
            uR"("k": {"type": "keyword", "config": {"keywords": ["A1"], "prompt": null}, "next": {"A1": "r"}},
                         "r": {"type": "sms-reply", "config": {"body": "ok"}})"_s),
        {u"text:hello"_s, u"text:a1"_s}, {QString(), u"Message \"ok\""_s}, {});
    row("keyword: the no-match branch",
        graphJson(
            u"k"_s,
            uR"("k": {"type": "keyword", "config": {"keywords": ["A1"]}, "next": {"no-match": "r"}},
                         "r": {"type": "sms-reply", "config": {"body": "what?"}})"_s),
        {u"text:hello"_s}, {u"Message \"what?\""_s}, {});
    row("sms-reply, then the inbox of a user, with media",
        graphJson(
            u"r"_s,
            uR"("r": {"type": "sms-reply", "config": {"body": "Got it"}, "next": {"next": "in"}},
                         "in": {"type": "sms-inbox", "config": {"owner": {"user": "nancy"}}})"_s),
        {u"media:photo"_s}, {u"Message \"Got it\""_s}, {u"sms user:nancy \"photo\" media=1"_s});
    const QString afterHours = graphJson(
        u"h"_s,
        uR"("h": {"type": "hours", "config": {"weekly": {"mon": [["09:00","17:00"]]}}, "next": {"closed": "r"}},
                         "r": {"type": "sms-reply", "config": {"body": "We are closed"}})"_s);
    row("hours in a text flow: closed", afterHours, {u"text:hi"_s},
        {u"Message \"We are closed\""_s}, {}, 0, {}, u"2026-11-23T20:00:00Z"_s);
    row("hours in a text flow: open, empty branch, nothing happens", afterHours, {u"text:hi"_s},
        {QString()}, {});

    const QString roundRobin = graphJson(
        u"in"_s,
        uR"("in": {"type": "sms-inbox", "config": {"owner": {"group": "support"}, "assign": "round-robin"}})"_s);
    row("sms-inbox round robin: new conversations take turns, an open one keeps its assignee",
        roundRobin,
        {u"text:+15125551001:a"_s, u"text:+15125551002:b"_s, u"text:+15125551001:again"_s,
         u"text:+15125551003:c"_s},
        {QString(), QString(), QString(), QString()},
        {u"sms group:support \"a\" new ->maria"_s, u"sms group:support \"b\" new ->pat"_s,
         u"sms group:support \"again\" joins ->maria"_s, u"sms group:support \"c\" new ->maria"_s});
    row("sms-inbox round robin: sms_max_open_per_agent full queues the text", roundRobin,
        {u"text:+15125551001:a"_s, u"text:+15125551002:b"_s, u"text:+15125551003:c"_s,
         u"text:+15125551003:c2"_s},
        {QString(), QString(), QString(), QString()},
        {u"sms group:support \"a\" new ->maria"_s, u"sms group:support \"b\" new ->pat"_s,
         u"sms group:support \"c\" new queued"_s, u"sms group:support \"c2\" joins ->queue"_s},
        1);
    row("sms-inbox round robin: unavailable and inactive members are skipped", roundRobin,
        {u"text:+15125551001:a"_s, u"text:+15125551002:b"_s}, {QString(), QString()},
        {u"sms group:support \"a\" new ->pat"_s, u"sms group:support \"b\" new ->pat"_s}, 0,
        {u"-maria/support/sms"_s});
    row("sms-inbox without assignment",
        graphJson(u"in"_s,
                  uR"("in": {"type": "sms-inbox", "config": {"owner": {"group": "sales"}}})"_s),
        {u"text:hello"_s}, {QString()}, {u"sms group:sales \"hello\""_s});

    const QString simple =
        graphJson(u"r"_s, uR"("r": {"type": "sms-reply", "config": {"body": "hi"}})"_s);
    row("blocked sender: dropped", simple, {u"text:+15125556666:spam"_s}, {QString()},
        {u"event blocked"_s});
}

void TestEngine::texts()
{
    run(true);
}

// The applets a call or a text went through, in order, as the console draws its route.
void TestEngine::visitedApplets_data()
{
    QTest::addColumn<bool>("sms");
    QTest::addColumn<QString>("flow");
    QTest::addColumn<QStringList>("script");
    QTest::addColumn<QStringList>("visited");
    const QString menuDialVoicemail = graphJson(
        u"m"_s,
        uR"("m": {"type": "menu", "config": {"prompt": {"say": "Press 1"}}, "next": {"1": "d", "9": "m"}},
            "d": {"type": "dial", "config": {"steps": [{"target": {"group": "sales"}, "strategy": "sequential", "ring_seconds": 20}]},
                  "next": {"no-answer": "vm"}},
            "vm": {"type": "voicemail", "config": {"owner": {"group": "sales"}}},
            "other": {"type": "hangup"})"_s);
    QTest::newRow("menu, dial, voicemail")
        << false << menuDialVoicemail
        << QStringList{u"call"_s,           u"key:1"_s,          u"dial:no-answer"_s,
                       u"dial:no-answer"_s, u"dial:no-answer"_s, u"record:9"_s}
        << QStringList{u"m"_s, u"d"_s, u"vm"_s};
    QTest::newRow("a key back to the menu runs it again")
        << false << menuDialVoicemail
        << QStringList{u"call"_s, u"key:9"_s, u"key:1"_s, u"dial:completed"_s}
        << QStringList{u"m"_s, u"m"_s, u"d"_s};
    // Asking again after silence is the same run of the menu, not a new one.
    QTest::newRow("silence asks again")
        << false << menuDialVoicemail << QStringList{u"call"_s, u"silence"_s, u"key:1"_s}
        << QStringList{u"m"_s, u"d"_s};
    QTest::newRow("blocked: nothing runs")
        << false << menuDialVoicemail << QStringList{u"call:+15125556666"_s} << QStringList();
    QTest::newRow("text: keyword, reply, inbox")
        << true
        << graphJson(
               u"k"_s,
               uR"("k": {"type": "keyword", "config": {"keywords": ["SALES"]}, "next": {"SALES": "r"}},
                   "r": {"type": "sms-reply", "config": {"body": "ok"}, "next": {"next": "in"}},
                   "in": {"type": "sms-inbox", "config": {"owner": {"group": "sales"}}})"_s)
        << QStringList{u"text:sales please"_s} << QStringList{u"k"_s, u"r"_s, u"in"_s};
}

void TestEngine::visitedApplets()
{
    QFETCH(bool, sms);
    QFETCH(QString, flow);
    QFETCH(QStringList, script);
    QFETCH(QStringList, visited);
    Organization org;
    const Findings findings = validateConfigDocument(
        routingDocument(sms ? QString() : flow, sms ? flow : QString()), &org);
    QCOMPARE(countErrors(findings), 0);
    MemoryRoutingState state;
    Walk walk(org, state, QDateTime::fromString(monday10, Qt::ISODate));
    for (const QString &token : script)
        walk.play(token);
    QCOMPARE(walk.visited, visited);
}

void TestEngine::simulatorSaysWhereTheCallWent()
{
    Organization org;
    validateConfigDocument(
        routingDocument(
            graphJson(
                u"m"_s,
                uR"("m": {"type": "menu", "config": {"prompt": {"say": "Press 1"}}, "next": {"1": "d"}},
                    "d": {"type": "dial", "config": {"steps": [{"target": {"user": "pat"}, "ring_seconds": 20}]},
                          "next": {"no-answer": "vm"}},
                    "vm": {"type": "voicemail", "config": {"owner": {"group": "sales"}}})"_s),
            graphJson(u"r"_s, uR"("r": {"type": "sms-reply", "config": {"body": "ok"}})"_s)),
        &org);
    Simulation call;
    call.to = mainLine;
    call.from = caller;
    call.digits = {u"1"_s};
    const SimulationResult nobody = Simulator::run(org, call);
    QCOMPARE(nobody.flow, u"f"_s);
    QCOMPARE(nobody.channel, Channel::Voice);
    QCOMPARE(nobody.visited, (QStringList{u"m"_s, u"d"_s, u"vm"_s}));
    QCOMPARE(nobody.stepApplets.size(), nobody.steps.size());
    QCOMPARE(nobody.steps.value(1), u"The caller pressed 1."_s);
    QCOMPARE(nobody.stepApplets,
             (QStringList{u"m"_s, u"m"_s, u"d"_s, u"d"_s, u"d"_s, u"vm"_s, u"vm"_s}));

    call.answer = u"pat"_s;
    const SimulationResult answered = Simulator::run(org, call);
    QCOMPARE(answered.visited, (QStringList{u"m"_s, u"d"_s}));
    const qsizetype at = answered.steps.indexOf(u"Pat answers."_s);
    QVERIFY2(at > 0, qPrintable(answered.steps.join(u'\n')));
    QCOMPARE(answered.stepApplets.value(at), u"d"_s);

    call.text = u"hello"_s;
    const SimulationResult text = Simulator::run(org, call);
    QCOMPARE(text.channel, Channel::Sms);
    QCOMPARE(text.flow, u"f"_s);
    QCOMPARE(text.visited, QStringList{u"r"_s});

    call.from = u"+15125556666"_s; // blocked
    const SimulationResult blocked = Simulator::run(org, call);
    QVERIFY(!blocked.routed);
    QVERIFY(blocked.flow.isEmpty());
    QVERIFY(blocked.visited.isEmpty());
    QCOMPARE(blocked.stepApplets, QStringList{QString()});
}

// The trace names whose inbox kept a text the way it names a voicemail's owner: by name.
void TestEngine::aTextKeptForAUserNamesThem()
{
    Organization org;
    validateConfigDocument(
        routingDocument(
            {},
            graphJson(u"i"_s,
                      uR"("i": {"type": "sms-inbox", "config": {"owner": {"user": "pat"}}})"_s)),
        &org);
    Simulation text;
    text.to = mainLine;
    text.from = caller;
    text.text = u"hello"_s;
    const SimulationResult result = Simulator::run(org, text);
    QVERIFY2(result.steps.contains(u"Kept in the inbox of Pat."_s),
             qPrintable(result.steps.join(u'\n')));
}

void TestEngine::rotationStartsFromTheTopWhenTheLastMemberLeft()
{
    const QStringList order{u"a"_s, u"b"_s, u"c"_s};
    const QSet<QString> all{u"a"_s, u"b"_s, u"c"_s};
    QCOMPARE(nextInTurn(u"b"_s, order, all), u"c"_s);
    QCOMPARE(nextInTurn(u"c"_s, order, all), u"a"_s); // wraps around
    QCOMPARE(nextInTurn(u"gone"_s, order, all), u"a"_s);
    QCOMPARE(nextInTurn(QString(), order, all), u"a"_s);
    QCOMPARE(nextInTurn(u"a"_s, order, QSet<QString>{u"a"_s}), u"a"_s); // only one can take it
    QCOMPARE(nextInTurn(u"a"_s, order, QSet<QString>{}), QString());
    QCOMPARE(nextInTurn(u"a"_s, order, QSet<QString>{u"a"_s, u"c"_s}), u"c"_s);
}

void TestEngine::safetyNetEndsARunawayCall()
{
    // Every "no answer" runs the greeting and the dial again: 2 applets a round.
    Organization org;
    const Findings findings = validateConfigDocument(
        routingDocument(graphJson(u"g"_s, uR"("g": {"type": "greeting", "next": {"next": "d"}},
                                    "d": {"type": "dial", "config": {"steps": [{"target": {"user": "pat"}, "ring_seconds": 5}]},
                                          "next": {"no-answer": "g"}})"_s),
                        {}, 0),
        &org);
    QCOMPARE(countErrors(findings), 0);
    MemoryRoutingState state;
    Walk walk(org, state, QDateTime::fromString(monday10, Qt::ISODate));
    QString last = walk.play(u"call"_s);
    int rounds = 0;
    while (last.contains(u"Dial"_s) && rounds < 200) {
        last = walk.play(u"dial:no-answer"_s);
        ++rounds;
    }
    QCOMPARE(last, u"Say \"Sorry, we cannot take your call right now. Goodbye.\" | Hangup"_s);
    QCOMPARE(rounds, 50); // the 101st applet run is refused
    QCOMPARE(walk.kept, QStringList{u"event error"_s});
}

void TestEngine::continuationIntoAnAppletThatIsGone()
{
    Organization org;
    validateConfigDocument(
        routingDocument(graphJson(u"x"_s, uR"("x": {"type": "hangup"})"_s), {}, 0), &org);
    MemoryRoutingState state;
    RoutingEngine engine(org, 3, state, base);
    CallRequest request;
    request.event = CallRequest::DialEnded;
    request.callSid = u"CA1"_s;
    request.from = caller;
    request.to = mainLine;
    request.state.revision = 3;
    request.state.flow = u"f"_s;
    request.state.applet = u"gone"_s;
    request.dialStatus = u"no-answer"_s;
    const RoutingOutcome out = engine.call(request, QDateTime::currentDateTimeUtc());
    QCOMPARE(twimlSummary(out.twiml),
             u"Say \"Sorry, we cannot take your call right now. Goodbye.\" | Hangup"_s);
    QCOMPARE(keptSummary(out), u"event error"_s);

    request.state.flow = u"nosuchflow"_s;
    const RoutingOutcome noFlow = engine.call(request, QDateTime::currentDateTimeUtc());
    QCOMPARE(twimlSummary(noFlow.twiml),
             u"Say \"Sorry, we cannot take your call right now. Goodbye.\" | Hangup"_s);
    QCOMPARE(keptSummary(noFlow), u"event error"_s);
}

void TestEngine::callerTextIsEscaped()
{
    // Configuration text and what a caller sends end up escaped in the XML, never as markup.
    Organization org;
    validateConfigDocument(
        routingDocument(
            graphJson(
                u"g"_s,
                uR"("g": {"type": "greeting", "config": {"prompt": {"say": "Tom & Jerry's <b>\"shop\"</b>"}}})"_s),
            graphJson(
                u"r"_s,
                uR"("r": {"type": "sms-reply", "config": {"body": "</Message><Redirect>x</Redirect>"}})"_s),
            0),
        &org);
    MemoryRoutingState state;
    RoutingEngine engine(org, 1, state, base);
    CallRequest call;
    call.callSid = u"CA1"_s;
    call.from = caller;
    call.to = mainLine;
    const QByteArray voice = engine.call(call, QDateTime::currentDateTimeUtc()).twiml;
    QVERIFY2(voice.contains("<Say>Tom &amp; Jerry's &lt;b&gt;&quot;shop&quot;&lt;/b&gt;</Say>"),
             voice.constData());
    const QByteArray text =
        engine.text({u"SM1"_s, caller, mainLine, u"hi"_s, {}}, QDateTime::currentDateTimeUtc())
            .twiml;
    QVERIFY2(text.contains("<Message>&lt;/Message&gt;&lt;Redirect&gt;x&lt;/Redirect&gt;</Message>"),
             text.constData());
    QCOMPARE(readTwiml(text).verbs.size(), 1);
    QVERIFY(voice.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
