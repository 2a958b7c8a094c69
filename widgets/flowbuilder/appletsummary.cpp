#include "appletsummary.h"

#include "catalogue/appletcatalogue.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class SummaryText
{
    Q_DECLARE_TR_FUNCTIONS(AppletSummary)

public:
    static QString prompt(const QJsonValue &v)
    {
        const QJsonObject o = v.toObject();
        if (o.contains(u"play"))
            return tr("plays a recording");
        const QString say = o.value(u"say").toString();
        return tr("says \"%1\"").arg(say.size() > 48 ? say.left(46) + u'…' : say);
    }
    static QString strategy(const QString &s, int seconds)
    {
        if (s == u"simultaneous")
            return tr("all at once, %1 s").arg(seconds);
        if (s == u"round-robin")
            return tr("one in turn, %1 s").arg(seconds);
        if (s == u"linear-round-robin")
            return tr("in turns, %1 s each").arg(seconds);
        return tr("in order, %1 s each").arg(seconds);
    }
    static QString dial(const Applet &a, const Organization &org)
    {
        const AppletCatalogue &c = AppletCatalogue::instance();
        const QJsonArray steps = c.value(a, u"steps").toArray();
        if (steps.isEmpty())
            return tr("Choose whom to ring");
        const QJsonObject first = steps.first().toObject();
        const QJsonObject target = first.value(u"target").toObject();
        const FieldSpec *stepSpec = c.type(u"dial")->field(u"steps");
        const int seconds = first.value(u"ring_seconds")
                                .toInt(stepSpec->itemField(u"ring_seconds")->defaultValue.toInt());
        const QString strategy =
            first.value(u"strategy")
                .toString(stepSpec->itemField(u"strategy")->defaultValue.toString());
        QString text;
        if (target.contains(u"group") || target.contains(u"members"))
            text = tr("Ring %1 %2")
                       .arg(targetName(target, org), SummaryText::strategy(strategy, seconds));
        else
            text = tr("Ring %1, %2 s").arg(targetName(target, org)).arg(seconds);
        if (steps.size() > 1)
            text += tr(", then %n more step(s)", nullptr, int(steps.size() - 1));
        return text;
    }
    static QString hours(const Applet &a)
    {
        const AppletCatalogue &c = AppletCatalogue::instance();
        const QJsonObject weekly = c.value(a, u"weekly").toObject();
        const QStringList days = AppletCatalogue::weekdayKeys();
        const QStringList names{tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"),
                                tr("Fri"), tr("Sat"), tr("Sun")};
        auto rangesOf = [&](int d) {
            QStringList parts;
            for (const QJsonValue &r : weekly.value(days.at(d)).toArray())
                parts.append(r.toArray().at(0).toString() + u'–' + r.toArray().at(1).toString());
            return parts.join(u", "_s);
        };
        QStringList groups;
        for (int d = 0; d < 7;) {
            const QString ranges = rangesOf(d);
            int e = d;
            while (e + 1 < 7 && rangesOf(e + 1) == ranges)
                ++e;
            if (!ranges.isEmpty())
                groups.append((e > d ? names.at(d) + u'–' + names.at(e) : names.at(d)) + u' ' +
                              ranges);
            d = e + 1;
        }
        QString text = groups.isEmpty() ? tr("Always closed") : groups.join(u"; "_s);
        const int holidays = int(c.value(a, u"holidays").toArray().size());
        if (holidays > 0)
            text += tr(", %n holiday(s)", nullptr, holidays);
        return text;
    }
    static QString owner(const QJsonValue &v, const Organization &org)
    {
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            return tr("nobody yet");
        return targetName(o, org);
    }
};
} // namespace

QString targetName(const QJsonObject &target, const Organization &org)
{
    auto user = [&](const QString &id) {
        const User *u = org.user(id);
        return u && !u->name.isEmpty() ? u->name : id;
    };
    if (target.contains(u"group")) {
        const Group *g = org.group(target.value(u"group").toString());
        return g && !g->name.isEmpty() ? g->name : target.value(u"group").toString();
    }
    if (target.contains(u"user"))
        return user(target.value(u"user").toString());
    if (target.contains(u"members")) {
        QStringList names;
        for (const QJsonValue &m : target.value(u"members").toArray())
            names.append(user(m.toString()));
        return names.join(u", "_s);
    }
    if (target.contains(u"number"))
        return target.value(u"number").toString();
    if (target.contains(u"caller_owner"))
        return SummaryText::tr("the caller's contact owner");
    return SummaryText::tr("nobody yet");
}

QString appletSummary(const Applet &a, const Organization &org)
{
    const AppletCatalogue &c = AppletCatalogue::instance();
    if (a.type == u"greeting")
        return SummaryText::tr("Then it %1").arg(SummaryText::prompt(c.value(a, u"prompt")));
    if (a.type == u"menu") {
        QStringList keys;
        for (const QString &k : AppletCatalogue::menuKeys()) {
            if (a.next.contains(k))
                keys.append(k);
        }
        return keys.isEmpty()
                   ? SummaryText::tr("No keys yet; waits %1 s").arg(c.value(a, u"timeout").toInt())
                   : SummaryText::tr("Keys %1; waits %2 s, %3 tries")
                         .arg(keys.join(u", "_s))
                         .arg(c.value(a, u"timeout").toInt())
                         .arg(c.value(a, u"attempts").toInt());
    }
    if (a.type == u"hours")
        return SummaryText::hours(a);
    if (a.type == u"dial")
        return SummaryText::dial(a, org);
    if (a.type == u"voicemail")
        return SummaryText::tr("Voicemail for %1")
            .arg(SummaryText::owner(c.value(a, u"owner"), org));
    if (a.type == u"hangup")
        return c.value(a, u"reject").toBool() ? SummaryText::tr("Refuses the call (busy)")
                                              : SummaryText::tr("Ends the call");
    if (a.type == u"keyword") {
        QStringList words;
        for (const QJsonValue &w : c.value(a, u"keywords").toArray())
            words.append(w.toString());
        return words.isEmpty() ? SummaryText::tr("No keywords yet") : words.join(u", "_s);
    }
    if (a.type == u"sms-reply") {
        const QString body = c.value(a, u"body").toString();
        return SummaryText::tr("Replies \"%1\"")
            .arg(body.size() > 40 ? body.left(38) + u'…' : body);
    }
    if (a.type == u"sms-inbox") {
        const QString who = SummaryText::owner(c.value(a, u"owner"), org);
        return c.value(a, u"assign").toString() == u"round-robin"
                   ? SummaryText::tr("Into %1's inbox, shared in turns").arg(who)
                   : SummaryText::tr("Into %1's inbox").arg(who);
    }
    return {};
}

} // namespace Switchboard
