#include "callstate.h"

#include "model/identifiers.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

QString CallState::toQueryString() const
{
    // Written straight (not through QUrlQuery): the backend writes this into every answer.
    QByteArray q;
    q.reserve(64 + flow.size() + applet.size() + 16 * ring.size());
    auto add = [&q](const char *key, const QByteArray &encodedValue) {
        if (!q.isEmpty())
            q += '&';
        q += key;
        q += '=';
        q += encodedValue;
    };
    auto text = [](const QString &value) { return QUrl::toPercentEncoding(value, ","); };
    add("r", QByteArray::number(revision));
    add("f", text(flow));
    add("a", text(applet));
    if (step)
        add("s", QByteArray::number(step));
    if (!ring.isEmpty()) {
        add("p", QByteArray::number(position));
        add("g", text(ring.join(u',')));
    }
    if (attempt != 1)
        add("t", QByteArray::number(attempt));
    add("n", QByteArray::number(runs));
    if (spoken)
        add("o", "1");
    return QString::fromLatin1(q);
}

std::optional<CallState> CallState::fromQuery(const QUrlQuery &q)
{
    bool ok = true;
    auto number = [&](const QString &key, int fallback) {
        if (!q.hasQueryItem(key))
            return fallback;
        bool good = false;
        const int v = q.queryItemValue(key).toInt(&good);
        ok = ok && good && v >= 0;
        return v;
    };
    CallState s;
    s.revision = number(u"r"_s, -1);
    s.flow = q.queryItemValue(u"f"_s, QUrl::FullyDecoded);
    s.applet = q.queryItemValue(u"a"_s, QUrl::FullyDecoded);
    s.step = number(u"s"_s, 0);
    s.position = number(u"p"_s, 0);
    const QString ring = q.queryItemValue(u"g"_s, QUrl::FullyDecoded);
    if (!ring.isEmpty())
        s.ring = ring.split(u',');
    s.attempt = number(u"t"_s, 1);
    s.runs = number(u"n"_s, 0);
    s.spoken = q.queryItemValue(u"o"_s) == u"1";
    if (!ok || s.revision < 0 || !isValidId(s.flow) || !isValidId(s.applet))
        return std::nullopt;
    // The ring holds what the engine rings: user ids, or "tel:" and a number (found by
    // fuzz_callstate: empty entries and bytes that are no text passed before, and did not
    // write back as themselves).
    for (const QString &who : std::as_const(s.ring)) {
        if (!isValidId(who) && !(who.startsWith(u"tel:") && isE164(QStringView(who).mid(4))))
            return std::nullopt;
    }
    // Within what the engine itself writes: a step of a dial (at most 5), who in its ring list
    // is ringing, a round of a menu (at most 10), the applets run (the safety net stops at
    // 100). Anything else did not come from our own TwiML.
    if (s.step > 16 || s.attempt < 1 || s.attempt > 16 || s.runs > 1000 || s.ring.size() > 1000 ||
        (s.ring.isEmpty() ? s.position != 0 : s.position >= s.ring.size()))
        return std::nullopt;
    return s;
}

} // namespace Switchboard
