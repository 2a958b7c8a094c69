#pragma once

// The typed values that applets' settings hold: who a dial step rings (DialTarget), whose
// inbox a voicemail or text goes to (Owner), how a step rings (DialStrategy), which caller
// ID the callee sees (CallerId), what a caller hears (Prompt). The JSON spelling of each is
// written once, in appletvalues.cpp (core/config/FORMAT.md and core/routing/APPLETS.md
// describe it); everything else works with these types.

#include "validation/finding.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchboard {

// Who a dial step rings.
struct DialTarget
{
    enum class Kind
    {
        User,       // {"user": ID}: one person, all their devices at once
        Group,      // {"group": ID}: the group's members taking calls, in ring order
        Members,    // {"members": [IDs]}: a list of people, in this order
        Number,     // {"number": "+1..."}: an outside number
        CallerOwner // {"caller_owner": true}: whoever owns the caller's contact
    };

    Kind kind = Kind::User;
    QString id;          // User, Group
    QStringList members; // Members
    QString number;      // Number

    static DialTarget user(const QString &id) { return {Kind::User, id, {}, {}}; }
    static DialTarget group(const QString &id) { return {Kind::Group, id, {}, {}}; }
    static DialTarget listOf(const QStringList &ids) { return {Kind::Members, {}, ids, {}}; }
    static DialTarget outsideNumber(const QString &n) { return {Kind::Number, {}, {}, n}; }
    static DialTarget callerOwner() { return {Kind::CallerOwner, {}, {}, {}}; }

    // A group or a list: the step's strategy decides who rings when. The others ring one
    // person (or number) with all their devices at once.
    bool ringsPool() const { return kind == Kind::Group || kind == Kind::Members; }
    // The users it names directly: the user, or the listed members.
    QStringList userIds() const;

    // The shape of the value only (references are the validator's): nullopt with the
    // findings, each at its path under `path`, when it is not a dial target.
    static std::optional<DialTarget> fromJson(const QJsonValue &value, const QString &path = {},
                                              Findings *problems = nullptr);
    QJsonObject toJson() const;
    // The key that names the kind, as in the document ("user", "group", ...).
    QString jsonKey() const;
    static QStringList jsonKeys();

    friend bool operator==(const DialTarget &, const DialTarget &) = default;
};

// Whose inbox a voicemail or a text goes to.
struct Owner
{
    enum class Kind
    {
        User,
        Group
    };
    Kind kind = Kind::User;
    QString id;

    static Owner user(const QString &id) { return {Kind::User, id}; }
    static Owner group(const QString &id) { return {Kind::Group, id}; }
    bool isGroup() const { return kind == Kind::Group; }

    static std::optional<Owner> fromJson(const QJsonValue &value, const QString &path = {},
                                         Findings *problems = nullptr);
    QJsonObject toJson() const;
    // "user" / "group": also how the backend's inbox names owner kinds.
    QString kindKey() const;
    static std::optional<Kind> kindFromKey(QStringView key);
    // "user:ID" / "group:ID": how the backend's inbox queries name an owner.
    QString queryKey() const { return kindKey() + u':' + id; }
    static std::optional<Owner> fromQueryKey(const QString &key);

    friend bool operator==(const Owner &, const Owner &) = default;
};

// How a step rings a group or a list (one person or number always rings at once).
enum class DialStrategy
{
    Simultaneous,    // everyone at once
    Sequential,      // in order, one after the other
    RoundRobin,      // the next in turn only
    LinearRoundRobin // in order, starting with the next in turn
};

QString dialStrategyKey(DialStrategy strategy);
std::optional<DialStrategy> dialStrategyFromKey(QStringView key);
QStringList dialStrategyKeys(); // in the enum's order
// Whether members ring one after the other when nobody answers.
inline bool ringsOneByOne(DialStrategy s)
{
    return s == DialStrategy::Sequential || s == DialStrategy::LinearRoundRobin;
}
// Whether each call takes a rotation turn.
inline bool takesTurns(DialStrategy s)
{
    return s == DialStrategy::RoundRobin || s == DialStrategy::LinearRoundRobin;
}

// The caller ID the person rung sees.
struct CallerId
{
    enum class Kind
    {
        Caller, // "caller": the customer's number
        Number, // "number": the organization's number they called
        Fixed   // an E.164 number
    };
    Kind kind = Kind::Caller;
    QString number; // Fixed

    static std::optional<CallerId> fromJson(const QJsonValue &value);
    QJsonValue toJson() const;
    // The number to show for a call from `from` to `to`.
    QString shownFor(const QString &from, const QString &to) const
    {
        return kind == Kind::Caller ? from : kind == Kind::Number ? to : number;
    }

    friend bool operator==(const CallerId &, const CallerId &) = default;
};

// What a caller hears: words spoken by the carrier, or a sound it plays.
struct Prompt
{
    enum class Kind
    {
        Say,
        Play
    };
    Kind kind = Kind::Say;
    QString text;     // Say: the words; Play: the sound's URL
    QString voice;    // Say only, optional
    QString language; // Say only, optional

    static Prompt say(const QString &words) { return {Kind::Say, words, {}, {}}; }
    static Prompt play(const QString &url) { return {Kind::Play, url, {}, {}}; }
    bool plays() const { return kind == Kind::Play; }

    // Lenient: "say" or else "play"; nullopt when neither is there. The validator checks
    // the shape with its own messages.
    static std::optional<Prompt> fromJson(const QJsonValue &value);
    QJsonObject toJson() const;
    static QStringList jsonKeys(); // say, play, voice, language

    friend bool operator==(const Prompt &, const Prompt &) = default;
};

// How an sms-inbox applet hands out new conversations of a group.
enum class InboxAssign
{
    None,
    RoundRobin
};
QString inboxAssignKey(InboxAssign assign);
std::optional<InboxAssign> inboxAssignFromKey(QStringView key);
QStringList inboxAssignKeys();

} // namespace Switchboard
