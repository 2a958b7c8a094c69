#include "appletvalues.h"

#include "model/identifiers.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

// The messages are the validator's findings, in its translation context.
struct Problems
{
    Findings *out;
    void wrongType(const QString &path, const QJsonValue &v, const QString &expected) const
    {
        if (out)
            out->append(wrongTypeFinding(path, v, expected));
    }
    void error(const QString &path, const QString &rule, const QString &message) const
    {
        if (out)
            out->append(Finding{Severity::Error, path, rule, message});
    }
};

const QString userKey = u"user"_s;
const QString groupKey = u"group"_s;
const QString membersKey = u"members"_s;
const QString numberKey = u"number"_s;
const QString callerOwnerKey = u"caller_owner"_s;

} // namespace

// --- DialTarget ---------------------------------------------------------------------------

QStringList DialTarget::userIds() const
{
    switch (kind) {
    case Kind::User:
        return {id};
    case Kind::Members:
        return members;
    case Kind::Group:
    case Kind::Number:
    case Kind::CallerOwner:
        break;
    }
    return {};
}

QStringList DialTarget::jsonKeys()
{
    // Built once: these are read on every webhook (a copy only shares the list).
    static const QStringList keys{userKey, groupKey, membersKey, numberKey, callerOwnerKey};
    return keys;
}

QString DialTarget::jsonKey() const
{
    return jsonKeys().at(int(kind));
}

std::optional<DialTarget> DialTarget::fromJson(const QJsonValue &v, const QString &path,
                                               Findings *findings)
{
    const Problems problems{findings};
    const QJsonObject o = v.toObject();
    const qsizetype form = o.size() == 1 ? jsonKeys().indexOf(o.constBegin().key()) : -1;
    if (!v.isObject() || form < 0) {
        problems.wrongType(path, v,
                           QCoreApplication::translate(
                               "Validator",
                               "one of {\"user\": ID}, {\"group\": ID}, {\"members\": [IDs]}, "
                               "{\"number\": \"+1...\"} or {\"caller_owner\": true}"));
        return std::nullopt;
    }
    DialTarget target;
    target.kind = Kind(form);
    const QJsonValue value = o.constBegin().value();
    const QString valuePath = JsonPath::key(path, o.constBegin().key());
    switch (target.kind) {
    case Kind::User:
    case Kind::Group:
        if (!value.isString()) {
            problems.wrongType(valuePath, value, QCoreApplication::translate("Validator", "an id"));
            return std::nullopt;
        }
        target.id = value.toString();
        break;
    case Kind::Members: {
        if (!value.isArray()) {
            problems.wrongType(valuePath, value,
                               QCoreApplication::translate("Validator", "a list of user ids"));
            return std::nullopt;
        }
        const QJsonArray members = value.toArray();
        bool ok = true;
        if (members.isEmpty()) {
            problems.error(valuePath, u"limit"_s,
                           QCoreApplication::translate(
                               "Validator", "A list of members to ring must not be empty."));
            ok = false;
        }
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (!members.at(i).isString()) {
                problems.wrongType(JsonPath::index(valuePath, i), members.at(i),
                                   QCoreApplication::translate("Validator", "a user id"));
                ok = false;
            }
            target.members.append(members.at(i).toString());
        }
        if (!ok)
            return std::nullopt;
        break;
    }
    case Kind::Number:
        if (!value.isString()) {
            problems.wrongType(valuePath, value,
                               QCoreApplication::translate("Validator", "a phone number"));
            return std::nullopt;
        }
        if (!isE164(value.toString())) {
            problems.error(
                valuePath, u"malformed-number"_s,
                QCoreApplication::translate(
                    "Validator", "\"%1\" is not a phone number in E.164 form (like +15125550100).")
                    .arg(value.toString()));
            return std::nullopt;
        }
        target.number = value.toString();
        break;
    case Kind::CallerOwner:
        if (value != QJsonValue(true)) {
            problems.error(valuePath, u"invalid-value"_s,
                           QCoreApplication::translate(
                               "Validator",
                               "\"caller_owner\" can only be true: it rings the owner of the "
                               "caller's contact."));
            return std::nullopt;
        }
        break;
    }
    return target;
}

QJsonObject DialTarget::toJson() const
{
    switch (kind) {
    case Kind::User:
    case Kind::Group:
        return {{jsonKey(), id}};
    case Kind::Members:
        return {{membersKey, QJsonArray::fromStringList(members)}};
    case Kind::Number:
        return {{numberKey, number}};
    case Kind::CallerOwner:
        return {{callerOwnerKey, true}};
    }
    return {};
}

// --- Owner --------------------------------------------------------------------------------

QString Owner::kindKey() const
{
    return kind == Kind::Group ? groupKey : userKey;
}

std::optional<Owner::Kind> Owner::kindFromKey(QStringView key)
{
    if (key == userKey)
        return Kind::User;
    if (key == groupKey)
        return Kind::Group;
    return std::nullopt;
}

std::optional<Owner> Owner::fromJson(const QJsonValue &v, const QString &path, Findings *findings)
{
    const Problems problems{findings};
    const QJsonObject o = v.toObject();
    const auto kind = o.size() == 1 ? kindFromKey(o.constBegin().key()) : std::nullopt;
    if (!v.isObject() || !kind) {
        problems.wrongType(
            path, v, QCoreApplication::translate("Validator", "{\"user\": ID} or {\"group\": ID}"));
        return std::nullopt;
    }
    const QJsonValue id = o.constBegin().value();
    if (!id.isString()) {
        problems.wrongType(JsonPath::key(path, o.constBegin().key()), id,
                           QCoreApplication::translate("Validator", "an id"));
        return std::nullopt;
    }
    return Owner{*kind, id.toString()};
}

std::optional<Owner> Owner::fromQueryKey(const QString &key)
{
    const auto kind = kindFromKey(key.section(u':', 0, 0));
    const QString id = key.section(u':', 1);
    if (!kind || id.isEmpty())
        return std::nullopt;
    return Owner{*kind, id};
}

QJsonObject Owner::toJson() const
{
    return {{kindKey(), id}};
}

// --- DialStrategy, InboxAssign ------------------------------------------------------------

QStringList dialStrategyKeys()
{
    // Built once: these are read on every webhook (a copy only shares the list).
    static const QStringList keys{u"simultaneous"_s, u"sequential"_s, u"round-robin"_s,
                                  u"linear-round-robin"_s};
    return keys;
}

QString dialStrategyKey(DialStrategy strategy)
{
    return dialStrategyKeys().at(int(strategy));
}

std::optional<DialStrategy> dialStrategyFromKey(QStringView key)
{
    const qsizetype i = dialStrategyKeys().indexOf(key);
    return i < 0 ? std::nullopt : std::optional(DialStrategy(i));
}

QStringList inboxAssignKeys()
{
    // Built once: these are read on every webhook (a copy only shares the list).
    static const QStringList keys{u"none"_s, u"round-robin"_s};
    return keys;
}

QString inboxAssignKey(InboxAssign assign)
{
    return inboxAssignKeys().at(int(assign));
}

std::optional<InboxAssign> inboxAssignFromKey(QStringView key)
{
    const qsizetype i = inboxAssignKeys().indexOf(key);
    return i < 0 ? std::nullopt : std::optional(InboxAssign(i));
}

// --- CallerId -----------------------------------------------------------------------------

std::optional<CallerId> CallerId::fromJson(const QJsonValue &v)
{
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString();
    if (s == u"caller")
        return CallerId{Kind::Caller, {}};
    if (s == numberKey)
        return CallerId{Kind::Number, {}};
    if (isE164(s))
        return CallerId{Kind::Fixed, s};
    return std::nullopt;
}

QJsonValue CallerId::toJson() const
{
    return kind == Kind::Caller ? u"caller"_s : kind == Kind::Number ? numberKey : number;
}

// --- Prompt -------------------------------------------------------------------------------

QStringList Prompt::jsonKeys()
{
    // Built once: these are read on every webhook (a copy only shares the list).
    static const QStringList keys{u"say"_s, u"play"_s, u"voice"_s, u"language"_s};
    return keys;
}

std::optional<Prompt> Prompt::fromJson(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    if (o.contains(u"say")) {
        return Prompt{Kind::Say, o.value(u"say").toString(), o.value(u"voice").toString(),
                      o.value(u"language").toString()};
    }
    if (o.contains(u"play"))
        return Prompt::play(o.value(u"play").toString());
    return std::nullopt;
}

QJsonObject Prompt::toJson() const
{
    if (kind == Kind::Play)
        return {{u"play"_s, text}};
    QJsonObject o{{u"say"_s, text}};
    if (!voice.isEmpty())
        o.insert(u"voice"_s, voice);
    if (!language.isEmpty())
        o.insert(u"language"_s, language);
    return o;
}

} // namespace Switchboard
