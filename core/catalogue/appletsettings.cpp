#include "appletsettings.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Switchboard::AppletSettings {

namespace {
QJsonValue value(const Applet &applet, QStringView key)
{
    return AppletCatalogue::instance().value(applet, key);
}
} // namespace

QList<DialStep> dialSteps(const Applet &dial)
{
    const FieldSpec *stepSpec = AppletCatalogue::instance().type(AppletKind::Dial).field(u"steps");
    const auto defaultStrategy =
        dialStrategyFromKey(stepSpec->itemField(u"strategy")->defaultValue.toString());
    const int defaultSeconds = stepSpec->itemField(u"ring_seconds")->defaultValue.toInt();
    QList<DialStep> steps;
    for (const QJsonValue &v : value(dial, u"steps").toArray()) {
        const QJsonObject o = v.toObject();
        DialStep step;
        step.target = DialTarget::fromJson(o.value(u"target"));
        step.strategy = dialStrategyFromKey(o.value(u"strategy").toString())
                            .value_or(defaultStrategy.value_or(DialStrategy::Sequential));
        step.ringSeconds = o.value(u"ring_seconds").toInt(defaultSeconds);
        steps.append(step);
    }
    return steps;
}

CallerId callerId(const Applet &dial)
{
    return CallerId::fromJson(value(dial, u"caller_id")).value_or(CallerId());
}

std::optional<Owner> owner(const Applet &applet)
{
    return Owner::fromJson(value(applet, u"owner"));
}

std::optional<Prompt> prompt(const Applet &applet, QStringView key)
{
    return Prompt::fromJson(value(applet, key));
}

InboxAssign inboxAssign(const Applet &smsInbox)
{
    return inboxAssignFromKey(value(smsInbox, u"assign").toString()).value_or(InboxAssign::None);
}

QStringList keywords(const Applet &keyword)
{
    QStringList words;
    for (const QJsonValue &k : value(keyword, u"keywords").toArray())
        words.append(k.toString());
    return words;
}

} // namespace Switchboard::AppletSettings
