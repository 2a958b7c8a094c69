#pragma once

// The one description of every applet type of core/routing/APPLETS.md: its kind, channels,
// branches, settings (with defaults, ranges and choices) and what an empty branch means.
// Validation, the inspector's forms and the routing engine all read it, so no applet's rules
// are written twice. The document's type names ("dial", "sms-inbox", ...) are written here
// only: code names a type by its AppletKind.

#include "model/organization.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace Switchboard {

// Every applet type. Behaviour per kind: core/routing/applets/<kind>.cpp.
enum class AppletKind
{
    Greeting,
    Menu,
    Hours,
    Dial,
    Voicemail,
    Hangup,
    Keyword,
    SmsReply,
    SmsInbox
};
inline constexpr int appletKindCount = int(AppletKind::SmsInbox) + 1;

enum class FieldKind
{
    Integer, // a whole number in [min, max]
    Boolean,
    Choice,         // one of `choices`
    Text,           // a string of min..max characters
    OptionalText,   // a Text or null
    Prompt,         // {"say": ..., "voice"?, "language"?} or {"play": URL}
    OptionalPrompt, // a Prompt or null
    Owner,          // {"user": ID} or {"group": ID}
    DialTarget,     // {"user"}, {"group"}, {"members": [...]}, {"number"}, {"caller_owner": true}
    TimeZone,       // an IANA name, or null for the organization's zone
    Weekly,         // {"mon": [["09:00","17:00"], ...], ..., "sun": [...]}
    Date,           // YYYY-MM-DD
    CallerId,       // "caller", "number" or an E.164 number
    Keywords,       // a list of unique keywords: upper-case letters and digits, 1-20 long
    ObjectList,     // a list of min..max objects, each described by `itemFields`
};

struct FieldSpec
{
    QString key;
    FieldKind kind = FieldKind::Text;
    const char *label = nullptr; // translated in the "Applets" context
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined); // Undefined: required
    int min = 0;
    int max = 0;
    QStringList choices;
    QList<FieldSpec> itemFields;

    bool isRequired() const { return defaultValue.isUndefined(); }
    QString displayLabel() const;
    const FieldSpec *itemField(QStringView itemKey) const;
};

// What happens when the branch taken has no applet.
enum class EmptyBranch
{
    Ends,             // the flow ends, and that is fine (sms-reply's `next`)
    DeadEnd,          // the caller is left without being told anything: a warning
    DeadEndUnlessSet, // a dead end unless the config field `unlessField` is set (non-null)
    AsksAgain,        // nothing ends: the applet asks again (a menu key without a branch)
};

struct BranchSpec
{
    QString name;
    const char *label = nullptr; // translated in the "Applets" context
    EmptyBranch empty = EmptyBranch::DeadEnd;
    QString unlessField;

    QString displayLabel() const;
};

struct AppletType
{
    AppletKind kind = AppletKind::Greeting;
    QString type;                      // the document's name for it
    const char *label = nullptr;       // "Menu"
    const char *description = nullptr; // one line for the palette
    bool voice = false;
    bool sms = false;
    // Keyword: one branch per configured keyword (dead end when empty), before `branches`.
    bool branchPerKeyword = false;
    bool warnWithoutChoiceBranch = false; // a menu without any key branch
    QList<BranchSpec> branches;
    QList<FieldSpec> fields;

    bool allowedIn(Channel channel) const { return channel == Channel::Voice ? voice : sms; }
    QString displayName() const;
    QString displayDescription() const;
    QString iconPath() const; // ":/icons/applets/<type>.svg"
    const FieldSpec *field(QStringView key) const;
    const BranchSpec *branch(QStringView name) const; // fixed branches only
};

namespace Limits {
inline constexpr int maxDialSteps = 5;
inline constexpr int minRingSeconds = 5;
inline constexpr int maxRingSeconds = 60;
inline constexpr int maxSimultaneousDevices = 10; // the carrier rings at most 10 at once
inline constexpr int maxRangesPerDay = 8;
inline constexpr int maxAppletRuns = 100; // the engine's safety net
inline constexpr int maxPromptLength = 4000;
inline constexpr int maxKeywordLength = 20;
// Names (organization, users, groups, flows, applets, contacts) and labels (numbers,
// departments): shown in lists, spoken in prompts, never pages long.
inline constexpr int maxNameLength = 100;
inline constexpr int maxLabelLength = 100;
inline constexpr int maxEmailLength = 254; // RFC 5321
} // namespace Limits

class AppletCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(Applets)

public:
    static const AppletCatalogue &instance();

    const QList<AppletType> &types() const { return m_types; }
    const AppletType *type(QStringView type) const;
    const AppletType &type(AppletKind kind) const { return m_types.at(int(kind)); }
    // The document's name of a kind: "dial".
    static QString typeName(AppletKind kind) { return instance().type(kind).type; }
    // The kind of an applet; nullopt for a type the catalogue does not know.
    std::optional<AppletKind> kindOf(const Applet &applet) const { return kindOf(applet.type); }
    std::optional<AppletKind> kindOf(QStringView type) const;
    bool is(const Applet &applet, AppletKind kind) const { return kindOf(applet) == kind; }
    QList<const AppletType *> typesFor(Channel channel) const;

    // The branch names an applet has, in display order (keyword: its keywords, then no-match).
    QStringList branchNames(const Applet &applet) const;
    // What an empty branch of this applet means; nullopt for a branch the type lacks.
    std::optional<EmptyBranch> emptyBranch(const Applet &applet, const QString &branch) const;
    // The setting's value, or the catalogue's default when the config leaves it out.
    QJsonValue value(const Applet &applet, QStringView key) const;
    // What a new applet of this type gets when dropped on the canvas.
    QJsonObject defaultConfig(QStringView type) const;

    static QStringList weekdayKeys(); // mon..sun
    static QStringList menuKeys();    // 1..9, 0, *, #

private:
    AppletCatalogue();
    QList<AppletType> m_types;
};

} // namespace Switchboard
