#include "engine.h"

#include "catalogue/appletcatalogue.h"
#include "routing/hours.h"
#include "routing/routingstate.h"
#include "routing/twiml.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
const QList<std::pair<CallRequest::Event, QString>> &eventPaths()
{
    static const QList<std::pair<CallRequest::Event, QString>> paths{
        {CallRequest::Gathered, u"gather"_s},    {CallRequest::GatherTimeout, u"no-key"_s},
        {CallRequest::DialEnded, u"dial"_s},     {CallRequest::Recorded, u"record"_s},
        {CallRequest::ScreenOffer, u"screen"_s}, {CallRequest::ScreenAnswer, u"screen-key"_s}};
    return paths;
}
} // namespace

QString CallRequest::pathOf(Event event)
{
    for (const auto &[e, path] : eventPaths()) {
        if (e == event)
            return path;
    }
    return {};
}

std::optional<CallRequest::Event> CallRequest::eventOf(const QString &path)
{
    for (const auto &[e, p] : eventPaths()) {
        if (p == path)
            return e;
    }
    return std::nullopt;
}

QString RoutingEngine::voicePath(CallRequest::Event event)
{
    return u"/twilio/voice/"_s + CallRequest::pathOf(event);
}

RoutingEngine::RoutingEngine(const Organization &config, int revision, RoutingState &state,
                             const QString &baseUrl)
    : m_config(config)
    , m_revision(revision)
    , m_state(state)
    , m_baseUrl(baseUrl)
{}

namespace {

using Event = CallRequest::Event;

// An inbox item for the owner a voicemail or sms-inbox applet names ({"user": ID} or
// {"group": ID}).
InboxDelivery deliveryTo(const QJsonObject &owner, const QString &kind, const QString &from,
                         const QString &to)
{
    InboxDelivery item;
    item.kind = kind;
    item.ownerKind = owner.contains(u"group") ? u"group"_s : u"user"_s;
    item.ownerId = owner.value(item.ownerKind).toString();
    item.from = from;
    item.to = to;
    return item;
}

// One response to one call webhook: applets that wait for nothing run straight on; the
// response ends where something waits (a menu, a ring, a recording) or the call ends.
class CallRun
{
    Q_DECLARE_TR_FUNCTIONS(RoutingEngine)

public:
    CallRun(const Organization &config, RoutingState &state, const QString &baseUrl,
            const CallRequest &request, const QDateTime &now, CallState st, bool tracing)
        : m_config(config)
        , m_state(state)
        , m_baseUrl(baseUrl)
        , m_request(request)
        , m_now(now)
        , m_st(std::move(st))
        , m_catalogue(AppletCatalogue::instance())
        , m_tracing(tracing)
    {}

    RoutingOutcome start(const Graph &graph);
    // The call cannot go on: the caller is told politely; the event is kept.
    RoutingOutcome failed(const QString &detail)
    {
        fail(detail);
        return finish();
    }
    RoutingOutcome resume(const Graph &graph);
    RoutingOutcome finish()
    {
        m_out.twiml = m_twiml.finish();
        return std::move(m_out);
    }
    Twiml &twiml() { return m_twiml; }
    RoutingOutcome &outcome() { return m_out; }

private:
    // Runs from `id` until something waits or the call ends.
    void runFrom(QString id);
    // Where a branch goes; empty: the call ends there (with `ending` said first).
    void follow(const Applet &applet, const QString &branch, const QString &ending = {});
    void askMenu(const Applet &menu, bool again);
    void menuKey(const Applet &menu, const QString &digits);
    void menuSilence(const Applet &menu);
    void menuGivesUp(const Applet &menu);
    bool startStep(const Applet &dial, int from);
    void ring(const Applet &dial);
    void dialEnded(const Applet &dial);
    void voicemail(const Applet &applet);
    void recorded(const Applet &applet);
    void fail(const QString &detail);

    QString url(Event event) const
    {
        return m_baseUrl + RoutingEngine::voicePath(event) + u'?' + m_st.toQueryString();
    }
    QString label(const Applet &a) const
    {
        const AppletType *t = m_catalogue.type(a.type);
        const QString type = t ? t->displayName() : a.type;
        return a.name.isEmpty() ? type : tr("%1 \"%2\"").arg(type, a.name);
    }
    QString userName(const QString &id) const
    {
        const User *u = m_config.user(id);
        return u && !u->name.isEmpty() ? u->name : id;
    }
    // A line about the applet the call is at, made only when someone reads the trace.
    template<typename Line> void trace(Line &&line)
    {
        if (m_tracing)
            m_out.addTrace(line(), m_st.applet);
    }
    QJsonValue value(const Applet &a, QStringView key) const { return m_catalogue.value(a, key); }
    QString promptText(const QJsonObject &p) const
    {
        return p.contains(u"play") ? tr("plays %1").arg(p.value(u"play").toString())
                                   : tr("says \"%1\"").arg(p.value(u"say").toString());
    }
    void prompt(const QJsonObject &p)
    {
        m_twiml.prompt(p);
        m_st.spoken = true;
    }
    void hangup()
    {
        m_twiml.hangup();
        trace([&] { return tr("The call ends."); });
    }

    // Who a dial step can ring now, in the order they would ring.
    QStringList eligible(const QJsonObject &target, const QString &strategy, const QString &key,
                         QStringList *order);

    const Organization &m_config;
    RoutingState &m_state;
    QString m_baseUrl;
    const CallRequest &m_request;
    QDateTime m_now;
    CallState m_st;
    const AppletCatalogue &m_catalogue;
    const bool m_tracing;
    const Graph *m_graph = nullptr;
    Twiml m_twiml;
    RoutingOutcome m_out;
};

void CallRun::fail(const QString &detail)
{
    // A problem in the configuration never reaches the carrier as an error: the caller is
    // told politely and the event is kept for the console.
    m_out.events.append({u"error"_s, m_request.from, m_request.to, detail});
    trace([&] { return detail; });
    m_twiml.say(tr("Sorry, we cannot take your call right now. Goodbye."));
    hangup();
}

RoutingOutcome CallRun::start(const Graph &graph)
{
    m_graph = &graph;
    runFrom(graph.start);
    return finish();
}

RoutingOutcome CallRun::resume(const Graph &graph)
{
    m_graph = &graph;
    const auto it = graph.applets.constFind(m_st.applet);
    if (it == graph.applets.cend()) {
        fail(tr("The call was at applet \"%1\", which is not in revision %2.")
                 .arg(m_st.applet)
                 .arg(m_st.revision));
        return finish();
    }
    const Applet &applet = *it;
    switch (m_request.event) {
    case Event::Gathered:
        if (applet.type == u"menu")
            menuKey(applet, m_request.digits);
        break;
    case Event::GatherTimeout:
        if (applet.type == u"menu")
            menuSilence(applet);
        break;
    case Event::DialEnded:
        if (applet.type == u"dial")
            dialEnded(applet);
        break;
    case Event::Recorded:
        if (applet.type == u"voicemail")
            recorded(applet);
        break;
    case Event::ScreenOffer: {
        // To the person answering, before they are connected.
        QString forWhom = m_request.to;
        for (const PhoneNumber &n : m_config.numbers) {
            if (n.number == m_request.to && !n.label.isEmpty())
                forWhom = n.label;
        }
        m_twiml.gatherRaw(
            url(Event::ScreenAnswer), 10,
            tr("Call for %1 from %2. Press 1 to accept.").arg(forWhom, m_request.from));
        m_twiml.hangup();
        break;
    }
    case Event::ScreenAnswer:
        if (m_request.digits != u"1")
            m_twiml.hangup(); // anything else counts as no answer
        break;
    case Event::Started:
        break;
    }
    return finish();
}

void CallRun::runFrom(QString id)
{
    if (id.isEmpty()) {
        hangup();
        return;
    }
    if (++m_st.runs > Limits::maxAppletRuns) {
        fail(tr("The call ran %1 applets without end and was stopped.").arg(Limits::maxAppletRuns));
        return;
    }
    const auto it = m_graph->applets.constFind(id);
    if (it == m_graph->applets.cend()) {
        fail(tr("The flow leads to \"%1\", which is not in it.").arg(id));
        return;
    }
    const Applet &applet = *it;
    m_out.visited.append(applet.id);
    m_st.applet = applet.id;
    m_st.step = 0;
    m_st.position = 0;
    m_st.ring.clear();
    m_st.attempt = 1;
    if (applet.type == u"greeting") {
        const QJsonObject p = value(applet, u"prompt").toObject();
        trace([&] { return tr("%1 %2.").arg(label(applet), promptText(p)); });
        prompt(p);
        follow(applet, u"next"_s);
    } else if (applet.type == u"hours") {
        const HoursVerdict v = checkHours(applet, m_config.timezone, m_now);
        trace([&] {
            const QString when = v.local.toString(u"ddd yyyy-MM-dd HH:mm"_s) + u' ' + v.zone;
            return v.open ? tr("%1: open (%2).").arg(label(applet), when)
                   : v.holiday.isEmpty()
                       ? tr("%1: closed (%2).").arg(label(applet), when)
                       : tr("%1: closed for %2 (%3).").arg(label(applet), v.holiday, when);
        });
        follow(applet, v.open ? u"open"_s : u"closed"_s);
    } else if (applet.type == u"menu") {
        askMenu(applet, false);
    } else if (applet.type == u"dial") {
        if (!startStep(applet, 0))
            follow(applet, u"no-answer"_s);
    } else if (applet.type == u"voicemail") {
        voicemail(applet);
    } else if (applet.type == u"hangup") {
        if (value(applet, u"reject").toBool() && !m_st.spoken) {
            m_twiml.reject(true);
            trace([&] {
                return tr("%1: the call is refused with a busy signal.").arg(label(applet));
            });
        } else {
            trace([&] { return tr("%1.").arg(label(applet)); });
            m_twiml.hangup();
        }
    } else {
        fail(tr("%1 cannot run in a call.").arg(label(applet)));
    }
}

void CallRun::follow(const Applet &applet, const QString &branch, const QString &ending)
{
    const QString next = applet.next.value(branch);
    if (next.isEmpty()) {
        if (!ending.isEmpty())
            m_twiml.say(ending);
        hangup();
        return;
    }
    runFrom(next);
}

void CallRun::askMenu(const Applet &menu, bool again)
{
    const QJsonObject p = value(menu, u"prompt").toObject();
    const int timeout = value(menu, u"timeout").toInt();
    if (!again)
        trace([&] {
            return tr("%1 %2 and waits %3 s for a key.")
                .arg(label(menu), promptText(p))
                .arg(timeout);
        });
    else
        trace([&] {
            return tr("%1 asks again (try %2 of %3).")
                .arg(label(menu))
                .arg(m_st.attempt)
                .arg(value(menu, u"attempts").toInt());
        });
    m_twiml.gather(url(Event::Gathered), timeout, p);
    m_st.spoken = true;
    m_twiml.redirect(url(Event::GatherTimeout)); // no key pressed
}

void CallRun::menuKey(const Applet &menu, const QString &digits)
{
    const QString key = digits.left(1);
    if (!key.isEmpty() && AppletCatalogue::menuKeys().contains(key) && menu.next.contains(key)) {
        trace([&] { return tr("The caller pressed %1.").arg(key); });
        runFrom(menu.next.value(key));
        return;
    }
    trace([&] {
        return tr("The caller pressed %1, which is not a choice.")
            .arg(key.isEmpty() ? u"?"_s : key);
    });
    if (m_st.attempt >= value(menu, u"attempts").toInt()) {
        menuGivesUp(menu);
        return;
    }
    const QJsonValue invalid = value(menu, u"invalid_prompt");
    const QJsonObject sorry =
        invalid.isObject() ? invalid.toObject()
                           : QJsonObject{{u"say"_s, tr("Sorry, that is not a valid choice.")}};
    prompt(sorry);
    ++m_st.attempt;
    askMenu(menu, true);
}

void CallRun::menuSilence(const Applet &menu)
{
    trace([&] { return tr("No key was pressed."); });
    if (m_st.attempt >= value(menu, u"attempts").toInt()) {
        menuGivesUp(menu);
        return;
    }
    ++m_st.attempt;
    askMenu(menu, true);
}

void CallRun::menuGivesUp(const Applet &menu)
{
    trace(
        [&] { return tr("%1: no valid key after %2 tries.").arg(label(menu)).arg(m_st.attempt); });
    follow(menu, u"no-input"_s, tr("Goodbye."));
}

QStringList CallRun::eligible(const QJsonObject &target, const QString &strategy,
                              const QString &key, QStringList *order)
{
    auto reachable = [&](const QString &userId) {
        const User *u = m_config.user(userId);
        return u && !u->devices.isEmpty() && m_state.isAvailable(userId);
    };
    QStringList candidates;
    QSet<QString> ok;
    if (target.contains(u"group")) {
        const QString groupId = target.value(u"group").toString();
        if (const Group *group = m_config.group(groupId)) {
            for (const Member &m : group->members) {
                candidates.append(m.user);
                if (m.voice && reachable(m.user) &&
                    m_state.isActive(m.user, groupId, Channel::Voice))
                    ok.insert(m.user);
            }
        }
    } else if (target.contains(u"members")) {
        for (const QJsonValue &m : target.value(u"members").toArray()) {
            candidates.append(m.toString());
            if (reachable(m.toString()))
                ok.insert(m.toString());
        }
    } else if (target.contains(u"user")) {
        candidates.append(target.value(u"user").toString());
        if (reachable(candidates.first()))
            ok.insert(candidates.first());
    } else if (target.contains(u"caller_owner")) {
        for (const Contact &c : m_config.contacts) {
            if (c.number == m_request.from) {
                candidates.append(c.owner);
                if (reachable(c.owner))
                    ok.insert(c.owner);
            }
        }
    } else if (target.contains(u"number")) {
        return {u"tel:"_s + target.value(u"number").toString()};
    }
    *order = candidates;
    QStringList ring;
    for (const QString &c : std::as_const(candidates)) {
        if (ok.contains(c) && !ring.contains(c))
            ring.append(c);
    }
    const bool pooled = target.contains(u"group") || target.contains(u"members");
    if (!pooled || ring.isEmpty())
        return ring;
    if (strategy == u"round-robin") {
        m_out.tookTurn = true;
        return {m_state.takeTurn(key, candidates, ok)};
    }
    if (strategy == u"linear-round-robin") {
        m_out.tookTurn = true;
        const QString first = m_state.takeTurn(key, candidates, ok);
        const qsizetype at = ring.indexOf(first);
        return ring.mid(at) + ring.mid(0, at);
    }
    return ring;
}

bool CallRun::startStep(const Applet &dial, int from)
{
    const QJsonArray steps = value(dial, u"steps").toArray();
    const FieldSpec *stepSpec = m_catalogue.type(u"dial")->field(u"steps");
    for (int s = from; s < steps.size(); ++s) {
        const QJsonObject step = steps.at(s).toObject();
        const QString strategy =
            step.value(u"strategy")
                .toString(stepSpec->itemField(u"strategy")->defaultValue.toString());
        QStringList order;
        const QString key = u"dial:"_s + m_st.flow + u':' + dial.id + u':' + QString::number(s);
        const QStringList members =
            eligible(step.value(u"target").toObject(), strategy, key, &order);
        if (members.isEmpty()) {
            trace([&] {
                return tr("%1, step %2: nobody can be rung now; skipped.")
                    .arg(label(dial))
                    .arg(s + 1);
            });
            continue;
        }
        m_st.step = s;
        m_st.position = 0;
        m_st.ring = members;
        ring(dial);
        return true;
    }
    return false;
}

void CallRun::ring(const Applet &dial)
{
    const QJsonObject step = value(dial, u"steps").toArray().at(m_st.step).toObject();
    const FieldSpec *stepSpec = m_catalogue.type(u"dial")->field(u"steps");
    const int seconds = step.value(u"ring_seconds")
                            .toInt(stepSpec->itemField(u"ring_seconds")->defaultValue.toInt());
    const QString strategy =
        step.value(u"strategy").toString(stepSpec->itemField(u"strategy")->defaultValue.toString());
    const QJsonObject target = step.value(u"target").toObject();
    const bool pooled = target.contains(u"group") || target.contains(u"members");
    // All at once: a simultaneous step, or one person (or number) with all their devices.
    const bool together = !pooled || strategy == u"simultaneous";
    const QStringList now = together ? m_st.ring : QStringList{m_st.ring.at(m_st.position)};

    QList<Twiml::Device> devices;
    QStringList names;
    for (const QString &who : now) {
        if (who.startsWith(u"tel:")) {
            devices.append({u"Number"_s, who.mid(4)});
            names.append(who.mid(4));
            continue;
        }
        const User *u = m_config.user(who);
        if (!u)
            continue;
        names.append(userName(who));
        for (const Device &d : u->devices)
            devices.append({d.kind == DeviceKind::Client  ? u"Client"_s
                            : d.kind == DeviceKind::Phone ? u"Number"_s
                                                          : u"Sip"_s,
                            d.address});
    }
    const QString callerIdSetting = value(dial, u"caller_id").toString();
    const QString callerId = callerIdSetting == u"caller"   ? m_request.from
                             : callerIdSetting == u"number" ? m_request.to
                                                            : callerIdSetting;
    const QString screen = value(dial, u"screen").toBool() ? url(Event::ScreenOffer) : QString();
    trace([&] {
        return tr("%1, step %2: rings %3 for %4 s.")
            .arg(label(dial))
            .arg(m_st.step + 1)
            .arg(names.join(u", "_s))
            .arg(seconds);
    });
    m_twiml.dial(url(Event::DialEnded), seconds, callerId, value(dial, u"record").toBool(), devices,
                 screen);
    m_st.spoken = true;
}

void CallRun::dialEnded(const Applet &dial)
{
    const QString status = m_request.dialStatus;
    if (status == u"completed" || status == u"answered") {
        trace([&] { return tr("Answered; the call ends when they hang up."); });
        m_twiml.hangup();
        return;
    }
    trace([&] { return tr("Not answered (%1).").arg(status.isEmpty() ? u"no-answer"_s : status); });
    const QJsonObject step = value(dial, u"steps").toArray().at(m_st.step).toObject();
    const QJsonObject target = step.value(u"target").toObject();
    const bool pooled = target.contains(u"group") || target.contains(u"members");
    const QString strategy = step.value(u"strategy")
                                 .toString(m_catalogue.type(u"dial")
                                               ->field(u"steps")
                                               ->itemField(u"strategy")
                                               ->defaultValue.toString());
    const bool oneByOne =
        pooled && (strategy == u"sequential" || strategy == u"linear-round-robin");
    if (oneByOne && m_st.position + 1 < m_st.ring.size()) {
        ++m_st.position;
        ring(dial);
        return;
    }
    if (!startStep(dial, m_st.step + 1)) {
        trace([&] { return tr("%1: nobody answered.").arg(label(dial)); });
        follow(dial, u"no-answer"_s);
    }
}

void CallRun::voicemail(const Applet &applet)
{
    const QJsonObject owner = value(applet, u"owner").toObject();
    QJsonObject p = value(applet, u"prompt").toObject();
    if (p.isEmpty() && owner.contains(u"user")) {
        const User *u = m_config.user(owner.value(u"user").toString());
        if (u && u->greeting)
            p = *u->greeting;
    }
    if (p.isEmpty())
        p = QJsonObject{{u"say"_s, tr("Please leave a message after the tone.")}};
    const int maxSeconds = value(applet, u"max_seconds").toInt();
    trace([&] {
        return tr("%1 %2 and records up to %3 s.")
            .arg(label(applet), promptText(p))
            .arg(maxSeconds);
    });
    prompt(p);
    const QString transcription =
        m_baseUrl + u"/twilio/voice/transcription?"_s + m_st.toQueryString();
    m_twiml.record(url(Event::Recorded), maxSeconds, value(applet, u"transcribe").toBool(),
                   transcription);
}

void CallRun::recorded(const Applet &applet)
{
    if (m_request.recordingUrl.isEmpty() || m_request.recordingSeconds <= 0) {
        trace([&] { return tr("The caller left no message."); });
        m_twiml.hangup();
        return;
    }
    InboxDelivery item = deliveryTo(value(applet, u"owner").toObject(), u"voicemail"_s,
                                    m_request.from, m_request.to);
    item.recordingUrl = m_request.recordingUrl;
    item.durationSeconds = m_request.recordingSeconds;
    item.dedupeKey = m_request.callSid + u':' +
                     (m_request.recordingSid.isEmpty() ? applet.id : m_request.recordingSid);
    m_out.deliveries.append(item);
    trace([&] {
        return tr("A voicemail of %1 s for %2.")
            .arg(m_request.recordingSeconds)
            .arg(item.ownerKind == u"group"
                     ? (m_config.group(item.ownerId) ? m_config.group(item.ownerId)->name
                                                     : item.ownerId)
                     : userName(item.ownerId));
    });
    m_twiml.say(tr("Thank you. Goodbye."));
    m_twiml.hangup();
}

// The graph that answers a call or a text to `to`, with its flow; nullptr and `why` when
// there is none (not our number, no flow, or the flow has nothing set up for the channel).
const Graph *routedGraph(const Organization &config, const QString &to, Channel channel,
                         const Flow **flow, QString *why)
{
    const PhoneNumber *number = config.number(to);
    *flow = number ? config.flow(number->flow) : nullptr;
    if (*flow && (*flow)->isSetUp(channel)) {
        const Graph &graph = *(*flow)->graph(channel);
        if (graph.applets.contains(graph.start))
            return &graph;
    }
    *why = !number  ? RoutingEngine::tr("%1 is not one of the organization's numbers.").arg(to)
           : !*flow ? RoutingEngine::tr("%1 has no flow.").arg(to)
           : channel == Channel::Voice
               ? RoutingEngine::tr("The flow of %1 has no call flow.").arg(to)
               : RoutingEngine::tr("The flow of %1 has no SMS flow.").arg(to);
    return nullptr;
}

} // namespace

RoutingOutcome RoutingEngine::call(const CallRequest &request, const QDateTime &now)
{
    if (request.event != CallRequest::Started) {
        CallRun run(m_config, m_state, m_baseUrl, request, now, request.state, m_tracing);
        const Flow *flow = m_config.flow(request.state.flow);
        if (!flow || !flow->voice)
            return run.failed(tr("The call's flow \"%1\" is not in revision %2.")
                                  .arg(request.state.flow)
                                  .arg(request.state.revision));
        return run.resume(*flow->voice);
    }

    RoutingOutcome out;
    if (m_config.blocked.contains(request.from)) {
        Twiml t;
        t.reject(false);
        out.twiml = t.finish();
        out.events.append(
            {u"blocked"_s, request.from, request.to, tr("A blocked caller was refused.")});
        if (m_tracing)
            out.addTrace(tr("Rejected: %1 is blocked.").arg(request.from));
        return out;
    }
    QString why;
    const Flow *flow = nullptr;
    const Graph *graph = routedGraph(m_config, request.to, Channel::Voice, &flow, &why);
    if (!graph) {
        Twiml t;
        t.reject(false);
        out.twiml = t.finish();
        out.events.append({u"unrouted"_s, request.from, request.to, why});
        if (m_tracing)
            out.addTrace(tr("Rejected: %1").arg(why));
        return out;
    }
    CallState st;
    st.revision = m_revision;
    st.flow = flow->id;
    st.applet = graph->start;
    CallRun run(m_config, m_state, m_baseUrl, request, now, st, m_tracing);
    return run.start(*graph);
}

RoutingOutcome RoutingEngine::text(const SmsRequest &request, const QDateTime &now)
{
    RoutingOutcome out;
    Twiml t;
    const AppletCatalogue &catalogue = AppletCatalogue::instance();
    auto finish = [&] {
        out.twiml = t.finish();
        return out;
    };
    if (m_config.blocked.contains(request.from)) {
        out.events.append({u"blocked"_s, request.from, request.to,
                           tr("A text from a blocked number was dropped.")});
        if (m_tracing)
            out.addTrace(tr("Dropped: %1 is blocked.").arg(request.from));
        return finish();
    }
    QString why;
    const Flow *flow = nullptr;
    const Graph *routed = routedGraph(m_config, request.to, Channel::Sms, &flow, &why);
    if (!routed) {
        out.events.append({u"unrouted"_s, request.from, request.to, why});
        if (m_tracing)
            out.addTrace(tr("Dropped: %1").arg(why));
        return finish();
    }
    const Graph &graph = *routed;
    QString id = graph.start;
    for (int runs = 1; !id.isEmpty(); ++runs) {
        if (runs > Limits::maxAppletRuns) {
            out.events.append({u"error"_s, request.from, request.to,
                               tr("The text ran %1 applets without end and was stopped.")
                                   .arg(Limits::maxAppletRuns)});
            break;
        }
        const auto it = graph.applets.constFind(id);
        if (it == graph.applets.cend()) {
            out.events.append({u"error"_s, request.from, request.to,
                               tr("The flow leads to \"%1\", which is not in it.").arg(id)});
            break;
        }
        const Applet &a = *it;
        out.visited.append(a.id);
        id.clear();
        if (a.type == u"keyword") {
            // The first word: the leading run of letters and digits, after any spaces.
            QString word;
            for (const QChar c : request.body.trimmed()) {
                if (!c.isLetterOrNumber())
                    break;
                word.append(c.toUpper());
            }
            QStringList keywords;
            for (const QJsonValue &k : catalogue.value(a, u"keywords").toArray())
                keywords.append(k.toString());
            const QString branch = keywords.contains(word) ? word : u"no-match"_s;
            if (m_tracing)
                out.addTrace(branch == u"no-match"
                                 ? tr("Keyword: \"%1\" matches nothing.").arg(word)
                                 : tr("Keyword: %1.").arg(word),
                             a.id);
            id = a.next.value(branch);
            const QJsonValue prompt = catalogue.value(a, u"prompt");
            if (id.isEmpty() && branch == u"no-match" && prompt.isString()) {
                t.message(prompt.toString());
                if (m_tracing)
                    out.addTrace(tr("Replies \"%1\".").arg(prompt.toString()), a.id);
            }
        } else if (a.type == u"sms-reply") {
            const QString body = catalogue.value(a, u"body").toString();
            t.message(body);
            if (m_tracing)
                out.addTrace(tr("Replies \"%1\".").arg(body), a.id);
            id = a.next.value(u"next"_s);
        } else if (a.type == u"hours") {
            const HoursVerdict v = checkHours(a, m_config.timezone, now);
            if (m_tracing)
                out.addTrace(v.open ? tr("Hours: open.") : tr("Hours: closed."), a.id);
            id = a.next.value(v.open ? u"open"_s : u"closed"_s);
        } else if (a.type == u"sms-inbox") {
            InboxDelivery item = deliveryTo(catalogue.value(a, u"owner").toObject(), u"sms"_s,
                                            request.from, request.to);
            item.body = request.body;
            item.media = request.media;
            item.dedupeKey = request.messageSid;
            const Group *group =
                item.ownerKind == u"group" ? m_config.group(item.ownerId) : nullptr;
            if (group && catalogue.value(a, u"assign").toString() == u"round-robin") {
                if (const auto open =
                        m_state.openConversation(request.from, request.to, group->id)) {
                    item.conversation = open->id;
                    item.assignedTo = open->assignee;
                    const User *assignee = m_config.user(open->assignee);
                    if (m_tracing)
                        out.addTrace(assignee
                                         ? tr("Joins its open conversation, assigned to %1.")
                                               .arg(assignee->name)
                                         : tr("Joins its open conversation, waiting in the queue."),
                                     a.id);
                } else {
                    // The next member in turn who can take one more conversation.
                    QStringList order;
                    QSet<QString> ok;
                    for (const Member &m : group->members) {
                        order.append(m.user);
                        if (m.sms && m_config.user(m.user) && m_state.isAvailable(m.user) &&
                            m_state.isActive(m.user, group->id, Channel::Sms) &&
                            (group->smsMaxOpenPerAgent == 0 ||
                             m_state.openConversations(m.user, group->id) <
                                 group->smsMaxOpenPerAgent))
                            ok.insert(m.user);
                    }
                    item.startsConversation = true;
                    item.assignedTo =
                        m_state.takeTurn(u"sms:"_s + flow->id + u':' + a.id, order, ok);
                    out.tookTurn = true;
                    const User *assignee = m_config.user(item.assignedTo);
                    if (m_tracing)
                        out.addTrace(
                            !assignee
                                ? tr("Nobody can take it now: it waits in %1's queue.")
                                      .arg(group->name)
                                : tr("A new conversation, assigned to %1.").arg(assignee->name),
                            a.id);
                }
            }
            out.deliveries.append(item);
            if (m_tracing)
                out.addTrace(tr("Kept in the inbox of %1.").arg(group ? group->name : item.ownerId),
                             a.id);
        } else {
            out.events.append({u"error"_s, request.from, request.to,
                               tr("A %1 applet cannot handle a text.").arg(a.type)});
        }
    }
    return finish();
}

} // namespace Switchboard
