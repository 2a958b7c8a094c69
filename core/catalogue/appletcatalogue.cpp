#include "appletcatalogue.h"

#include "model/appletvalues.h"
#include "model/lookup.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Switchboard {

QString FieldSpec::displayLabel() const
{
    return QCoreApplication::translate("Applets", label);
}

const FieldSpec *FieldSpec::itemField(QStringView itemKey) const
{
    return findBy(itemFields, &FieldSpec::key, itemKey);
}

QString BranchSpec::displayLabel() const
{
    return label ? QCoreApplication::translate("Applets", label) : name;
}

QString AppletType::displayName() const
{
    return QCoreApplication::translate("Applets", label);
}

QString AppletType::displayDescription() const
{
    return QCoreApplication::translate("Applets", description);
}

QString AppletType::iconPath() const
{
    return u":/icons/applets/"_s + type + u".svg"_s;
}

const FieldSpec *AppletType::field(QStringView key) const
{
    return findBy(fields, &FieldSpec::key, key);
}

const BranchSpec *AppletType::branch(QStringView name) const
{
    return findBy(branches, &BranchSpec::name, name);
}

QStringList AppletCatalogue::weekdayKeys()
{
    return {u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s};
}

QStringList AppletCatalogue::menuKeys()
{
    return {u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s,
            u"7"_s, u"8"_s, u"9"_s, u"0"_s, u"*"_s, u"#"_s};
}

namespace {

FieldSpec field(const QString &key, FieldKind kind, const char *label,
                QJsonValue def = QJsonValue(QJsonValue::Undefined))
{
    FieldSpec f;
    f.key = key;
    f.kind = kind;
    f.label = label;
    f.defaultValue = std::move(def);
    return f;
}

FieldSpec ranged(FieldSpec f, int min, int max)
{
    f.min = min;
    f.max = max;
    return f;
}

FieldSpec choice(const QString &key, const char *label, const QStringList &choices,
                 const QString &def)
{
    FieldSpec f = field(key, FieldKind::Choice, label, def);
    f.choices = choices;
    return f;
}

QJsonObject say(const QString &text)
{
    return Prompt::say(text).toJson();
}

BranchSpec branch(const QString &name, const char *label, EmptyBranch empty)
{
    return BranchSpec{name, label, empty, {}};
}

QJsonObject officeWeek()
{
    const QJsonArray nineToFive{QJsonArray{u"09:00"_s, u"17:00"_s}};
    QJsonObject weekly;
    for (const QString &day : AppletCatalogue::weekdayKeys()) {
        const bool weekend = day == u"sat" || day == u"sun";
        weekly.insert(day, weekend ? QJsonArray() : nineToFive);
    }
    return weekly;
}

} // namespace

AppletCatalogue::AppletCatalogue()
{
    // greeting
    {
        AppletType t;
        t.kind = AppletKind::Greeting;
        t.type = u"greeting"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Greeting");
        t.description = QT_TRANSLATE_NOOP("Applets", "Say or play a message, then continue.");
        t.voice = true;
        t.branches = {
            branch(u"next"_s, QT_TRANSLATE_NOOP("Applets", "then"), EmptyBranch::DeadEnd)};
        t.fields = {field(u"prompt"_s, FieldKind::Prompt, QT_TRANSLATE_NOOP("Applets", "Message"),
                          say(u"Thank you for calling."_s))};
        m_types.append(t);
    }
    // menu
    {
        AppletType t;
        t.kind = AppletKind::Menu;
        t.type = u"menu"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Menu");
        t.description =
            QT_TRANSLATE_NOOP("Applets", "Ask the caller to press a key, and route by the key.");
        t.voice = true;
        t.warnWithoutChoiceBranch = true;
        for (const QString &key : menuKeys())
            t.branches.append(BranchSpec{key, nullptr, EmptyBranch::AsksAgain, {}});
        t.branches.append(
            branch(u"no-input"_s, QT_TRANSLATE_NOOP("Applets", "no input"), EmptyBranch::DeadEnd));
        t.fields = {
            field(u"prompt"_s, FieldKind::Prompt, QT_TRANSLATE_NOOP("Applets", "Menu prompt"),
                  say(u"Please choose from the following options."_s)),
            ranged(field(u"timeout"_s, FieldKind::Integer,
                         QT_TRANSLATE_NOOP("Applets", "Seconds to wait for a key"), 5),
                   1, 30),
            ranged(field(u"attempts"_s, FieldKind::Integer,
                         QT_TRANSLATE_NOOP("Applets", "Attempts"), 3),
                   1, 10),
            field(u"invalid_prompt"_s, FieldKind::OptionalPrompt,
                  QT_TRANSLATE_NOOP("Applets", "Message after an invalid key"), QJsonValue::Null),
        };
        m_types.append(t);
    }
    // hours
    {
        AppletType t;
        t.kind = AppletKind::Hours;
        t.type = u"hours"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Hours");
        t.description = QT_TRANSLATE_NOOP("Applets", "Route by business hours and holidays.");
        t.voice = true;
        t.sms = true;
        t.branches = {
            branch(u"open"_s, QT_TRANSLATE_NOOP("Applets", "open"), EmptyBranch::DeadEnd),
            branch(u"closed"_s, QT_TRANSLATE_NOOP("Applets", "closed"), EmptyBranch::DeadEnd)};
        FieldSpec holidays = ranged(field(u"holidays"_s, FieldKind::ObjectList,
                                          QT_TRANSLATE_NOOP("Applets", "Holidays"), QJsonArray()),
                                    0, 366);
        holidays.itemFields = {
            field(u"date"_s, FieldKind::Date, QT_TRANSLATE_NOOP("Applets", "Date")),
            ranged(
                field(u"name"_s, FieldKind::Text, QT_TRANSLATE_NOOP("Applets", "Name"), QString()),
                0, 200),
        };
        t.fields = {
            field(u"timezone"_s, FieldKind::TimeZone, QT_TRANSLATE_NOOP("Applets", "Time zone"),
                  QJsonValue::Null),
            field(u"weekly"_s, FieldKind::Weekly, QT_TRANSLATE_NOOP("Applets", "Weekly hours"),
                  officeWeek()),
            holidays,
        };
        m_types.append(t);
    }
    // dial
    {
        AppletType t;
        t.kind = AppletKind::Dial;
        t.type = u"dial"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Dial");
        t.description =
            QT_TRANSLATE_NOOP("Applets", "Ring a user, a group or a number, step after step.");
        t.voice = true;
        t.branches = {branch(u"no-answer"_s, QT_TRANSLATE_NOOP("Applets", "if nobody answers"),
                             EmptyBranch::DeadEnd)};
        FieldSpec steps = ranged(field(u"steps"_s, FieldKind::ObjectList,
                                       QT_TRANSLATE_NOOP("Applets", "Steps"), QJsonArray()),
                                 1, Limits::maxDialSteps);
        steps.itemFields = {
            field(u"target"_s, FieldKind::DialTarget, QT_TRANSLATE_NOOP("Applets", "Ring")),
            choice(u"strategy"_s, QT_TRANSLATE_NOOP("Applets", "Strategy"), dialStrategyKeys(),
                   dialStrategyKey(DialStrategy::Sequential)),
            ranged(field(u"ring_seconds"_s, FieldKind::Integer,
                         QT_TRANSLATE_NOOP("Applets", "Ring seconds"), 20),
                   Limits::minRingSeconds, Limits::maxRingSeconds),
        };
        t.fields = {
            steps,
            field(u"caller_id"_s, FieldKind::CallerId,
                  QT_TRANSLATE_NOOP("Applets", "Caller ID shown"), CallerId().toJson()),
            field(u"screen"_s, FieldKind::Boolean, QT_TRANSLATE_NOOP("Applets", "Screen the call"),
                  false),
            field(u"record"_s, FieldKind::Boolean, QT_TRANSLATE_NOOP("Applets", "Record the call"),
                  false),
        };
        m_types.append(t);
    }
    // voicemail
    {
        AppletType t;
        t.kind = AppletKind::Voicemail;
        t.type = u"voicemail"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Voicemail");
        t.description = QT_TRANSLATE_NOOP("Applets", "Take a message for a user or a group.");
        t.voice = true;
        t.fields = {
            field(u"owner"_s, FieldKind::Owner, QT_TRANSLATE_NOOP("Applets", "Voicemail box")),
            field(u"prompt"_s, FieldKind::OptionalPrompt, QT_TRANSLATE_NOOP("Applets", "Greeting"),
                  QJsonValue::Null),
            ranged(field(u"max_seconds"_s, FieldKind::Integer,
                         QT_TRANSLATE_NOOP("Applets", "Longest message (s)"), 120),
                   5, 3600),
            field(u"transcribe"_s, FieldKind::Boolean, QT_TRANSLATE_NOOP("Applets", "Transcribe"),
                  false),
        };
        m_types.append(t);
    }
    // hangup
    {
        AppletType t;
        t.kind = AppletKind::Hangup;
        t.type = u"hangup"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Hang up");
        t.description =
            QT_TRANSLATE_NOOP("Applets", "End the call, or refuse it with a busy signal.");
        t.voice = true;
        t.fields = {field(u"reject"_s, FieldKind::Boolean,
                          QT_TRANSLATE_NOOP("Applets", "Reject with busy"), false)};
        m_types.append(t);
    }
    // keyword
    {
        AppletType t;
        t.kind = AppletKind::Keyword;
        t.type = u"keyword"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Keyword");
        t.description = QT_TRANSLATE_NOOP("Applets", "Route a text by its first word.");
        t.sms = true;
        t.branchPerKeyword = true;
        t.branches = {BranchSpec{u"no-match"_s, QT_TRANSLATE_NOOP("Applets", "no match"),
                                 EmptyBranch::DeadEndUnlessSet, u"prompt"_s}};
        t.fields = {
            ranged(field(u"keywords"_s, FieldKind::Keywords,
                         QT_TRANSLATE_NOOP("Applets", "Keywords"), QJsonArray()),
                   0, 50),
            ranged(field(u"prompt"_s, FieldKind::OptionalText,
                         QT_TRANSLATE_NOOP("Applets", "Reply when nothing matches"),
                         QJsonValue::Null),
                   1, 1600),
        };
        m_types.append(t);
    }
    // sms-reply
    {
        AppletType t;
        t.kind = AppletKind::SmsReply;
        t.type = u"sms-reply"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Reply");
        t.description = QT_TRANSLATE_NOOP("Applets", "Send a text back to the sender.");
        t.sms = true;
        t.branches = {branch(u"next"_s, QT_TRANSLATE_NOOP("Applets", "then"), EmptyBranch::Ends)};
        t.fields = {ranged(field(u"body"_s, FieldKind::Text, QT_TRANSLATE_NOOP("Applets", "Reply"),
                                 u"Thanks! We will get back to you shortly."_s),
                           1, 1600)};
        m_types.append(t);
    }
    // sms-inbox
    {
        AppletType t;
        t.kind = AppletKind::SmsInbox;
        t.type = u"sms-inbox"_s;
        t.label = QT_TRANSLATE_NOOP("Applets", "Inbox");
        t.description =
            QT_TRANSLATE_NOOP("Applets", "Keep the text in a user's or a group's inbox.");
        t.sms = true;
        t.fields = {
            field(u"owner"_s, FieldKind::Owner, QT_TRANSLATE_NOOP("Applets", "Inbox")),
            choice(u"assign"_s, QT_TRANSLATE_NOOP("Applets", "Assign conversations"),
                   inboxAssignKeys(), inboxAssignKey(InboxAssign::None)),
        };
        m_types.append(t);
    }
    for (int i = 0; i < m_types.size(); ++i)
        Q_ASSERT(int(m_types.at(i).kind) == i); // type(AppletKind) indexes by kind
}

const AppletCatalogue &AppletCatalogue::instance()
{
    static const AppletCatalogue catalogue;
    return catalogue;
}

const AppletType *AppletCatalogue::type(QStringView type) const
{
    return findBy(m_types, &AppletType::type, type);
}

std::optional<AppletKind> AppletCatalogue::kindOf(QStringView typeName) const
{
    const AppletType *t = type(typeName);
    return t ? std::optional(t->kind) : std::nullopt;
}

QList<const AppletType *> AppletCatalogue::typesFor(Channel channel) const
{
    QList<const AppletType *> result;
    for (const AppletType &t : m_types) {
        if (t.allowedIn(channel))
            result.append(&t);
    }
    return result;
}

QStringList AppletCatalogue::branchNames(const Applet &applet) const
{
    const AppletType *t = type(applet.type);
    if (!t)
        return {};
    QStringList names;
    if (t->branchPerKeyword) {
        const QJsonArray keywords = value(applet, u"keywords").toArray();
        for (const QJsonValue &k : keywords) {
            if (k.isString() && !names.contains(k.toString()))
                names.append(k.toString());
        }
    }
    for (const BranchSpec &b : t->branches)
        names.append(b.name);
    return names;
}

std::optional<EmptyBranch> AppletCatalogue::emptyBranch(const Applet &applet,
                                                        const QString &branchName) const
{
    const AppletType *t = type(applet.type);
    if (!t)
        return std::nullopt;
    if (const BranchSpec *b = t->branch(branchName)) {
        if (b->empty == EmptyBranch::DeadEndUnlessSet) {
            const QJsonValue v = value(applet, b->unlessField);
            return v.isNull() || v.isUndefined() ? EmptyBranch::DeadEnd : EmptyBranch::Ends;
        }
        return b->empty;
    }
    if (t->branchPerKeyword && branchNames(applet).contains(branchName))
        return EmptyBranch::DeadEnd;
    return std::nullopt;
}

QJsonValue AppletCatalogue::value(const Applet &applet, QStringView key) const
{
    const auto it = applet.config.constFind(key);
    if (it != applet.config.constEnd())
        return *it;
    const AppletType *t = type(applet.type);
    const FieldSpec *f = t ? t->field(key) : nullptr;
    return f ? f->defaultValue : QJsonValue(QJsonValue::Undefined);
}

QJsonObject AppletCatalogue::defaultConfig(QStringView typeName) const
{
    QJsonObject config;
    if (const AppletType *t = type(typeName)) {
        for (const FieldSpec &f : t->fields) {
            if (!f.isRequired())
                config.insert(f.key, f.defaultValue);
        }
    }
    return config;
}

} // namespace Switchboard
