#include "appletsummary.h"

#include "catalogue/appletsettings.h"

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
    static QString prompt(const std::optional<Prompt> &p)
    {
        if (p && p->plays())
            return tr("plays a recording");
        const QString say = p ? p->text : QString();
        return tr("says \"%1\"").arg(say.size() > 48 ? say.left(46) + u'…' : say);
    }
    static QString strategy(DialStrategy s, int seconds)
    {
        switch (s) {
        case DialStrategy::Simultaneous:
            return tr("simultaneous, %1 s").arg(seconds);
        case DialStrategy::RoundRobin:
            return tr("round robin, %1 s").arg(seconds);
        case DialStrategy::LinearRoundRobin:
            return tr("linear round robin, %1 s each").arg(seconds);
        case DialStrategy::Sequential:
            break;
        }
        return tr("in order, %1 s each").arg(seconds);
    }
    static QString dial(const Applet &a, const Organization &org)
    {
        const QList<DialStep> steps = AppletSettings::dialSteps(a);
        if (steps.isEmpty())
            return tr("Choose whom to ring");
        const DialStep &first = steps.first();
        QString text;
        if (first.target && first.target->ringsPool())
            text = tr("Ring %1 %2")
                       .arg(targetName(first.target, org),
                            SummaryText::strategy(first.strategy, first.ringSeconds));
        else
            text = tr("Ring %1, %2 s").arg(targetName(first.target, org)).arg(first.ringSeconds);
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
    static QString owner(const Applet &a, const Organization &org)
    {
        const std::optional<Owner> o = AppletSettings::owner(a);
        if (!o)
            return tr("nobody yet");
        return o->isGroup() ? org.groupName(o->id) : org.userName(o->id);
    }
};
} // namespace

QString targetName(const std::optional<DialTarget> &target, const Organization &org)
{
    if (!target)
        return SummaryText::tr("nobody yet");
    switch (target->kind) {
    case DialTarget::Kind::Group:
        return org.groupName(target->id);
    case DialTarget::Kind::User:
        return org.userName(target->id);
    case DialTarget::Kind::Members: {
        QStringList names;
        for (const QString &m : target->members)
            names.append(org.userName(m));
        return names.join(u", "_s);
    }
    case DialTarget::Kind::Number:
        return target->number;
    case DialTarget::Kind::CallerOwner:
        return SummaryText::tr("the caller's contact owner");
    }
    return {};
}

QString appletSummary(const Applet &a, const Organization &org)
{
    const AppletCatalogue &c = AppletCatalogue::instance();
    const std::optional<AppletKind> kind = c.kindOf(a);
    if (!kind)
        return {};
    switch (*kind) {
    case AppletKind::Greeting:
        return SummaryText::tr("Then it %1").arg(SummaryText::prompt(AppletSettings::prompt(a)));
    case AppletKind::Menu: {
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
    case AppletKind::Hours:
        return SummaryText::hours(a);
    case AppletKind::Dial:
        return SummaryText::dial(a, org);
    case AppletKind::Voicemail:
        if (!AppletSettings::owner(a))
            return SummaryText::tr("Voicemail: choose whose box");
        return SummaryText::tr("Voicemail for %1").arg(SummaryText::owner(a, org));
    case AppletKind::Hangup:
        return c.value(a, u"reject").toBool() ? SummaryText::tr("Refuses the call (busy)")
                                              : SummaryText::tr("Ends the call");
    case AppletKind::Keyword: {
        const QStringList words = AppletSettings::keywords(a);
        return words.isEmpty() ? SummaryText::tr("No keywords yet") : words.join(u", "_s);
    }
    case AppletKind::SmsReply: {
        const QString body = c.value(a, u"body").toString();
        return SummaryText::tr("Replies \"%1\"")
            .arg(body.size() > 40 ? body.left(38) + u'…' : body);
    }
    case AppletKind::SmsInbox: {
        if (!AppletSettings::owner(a)) // not "Into nobody yet's inbox"
            return SummaryText::tr("Into an inbox: choose whose");
        const QString who = SummaryText::owner(a, org);
        return AppletSettings::inboxAssign(a) == InboxAssign::RoundRobin
                   ? SummaryText::tr("Into the inbox of %1, shared in turns").arg(who)
                   : SummaryText::tr("Into the inbox of %1").arg(who);
    }
    }
    return {};
}

} // namespace Switchboard
