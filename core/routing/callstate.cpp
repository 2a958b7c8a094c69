#include "callstate.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

QUrlQuery CallState::toQuery() const
{
    QUrlQuery q;
    q.addQueryItem(u"r"_s, QString::number(revision));
    q.addQueryItem(u"f"_s, flow);
    q.addQueryItem(u"a"_s, applet);
    if (step)
        q.addQueryItem(u"s"_s, QString::number(step));
    if (!ring.isEmpty()) {
        q.addQueryItem(u"p"_s, QString::number(position));
        q.addQueryItem(u"g"_s, ring.join(u','));
    }
    if (attempt != 1)
        q.addQueryItem(u"t"_s, QString::number(attempt));
    q.addQueryItem(u"n"_s, QString::number(runs));
    if (spoken)
        q.addQueryItem(u"o"_s, u"1"_s);
    return q;
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
    if (!ok || s.revision < 0 || s.flow.isEmpty() || s.applet.isEmpty())
        return std::nullopt;
    return s;
}

} // namespace Switchboard
