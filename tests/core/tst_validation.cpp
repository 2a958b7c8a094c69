// Every validation rule of core/config/FORMAT.md and core/routing/APPLETS.md: one document per
// rule, built from a valid base document (tests/data/validation/base.json) by changing just what
// breaks that rule, and the one finding it must produce: severity, JSON path and rule.

#include "config/configdocument.h"
#include "demo/demoorganization.h"
#include "generator.h"
#include "testsupport.h"
#include "validation/validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {

// A change to the base document, addressed by a JSON pointer ("/flows/0/voice/start"; "-"
// appends to a list).
struct Change
{
    bool remove = false;
    QString pointer;
    QJsonValue value;
};

Change set(const char *pointer, const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray("[") + json + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in a test row: %s", json);
    return Change{false, QString::fromUtf8(pointer), doc.array().at(0)};
}

Change erase(const char *pointer)
{
    return Change{true, QString::fromUtf8(pointer), {}};
}

QJsonValue applyAt(const QJsonValue &node, QStringList tokens, const Change &change)
{
    if (tokens.isEmpty())
        return change.value;
    const QString token = tokens.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        if (token == u"-") {
            array.append(change.value);
            return array;
        }
        const int i = token.toInt();
        if (tokens.isEmpty() && change.remove)
            array.removeAt(i);
        else
            array[i] = applyAt(array.at(i), tokens, change);
        return array;
    }
    QJsonObject object = node.toObject();
    if (tokens.isEmpty() && change.remove)
        object.remove(token);
    else
        object.insert(token, applyAt(object.value(token), tokens, change));
    return object;
}

QByteArray baseDocument()
{
    return Test::readFile(Test::dataPath(u"validation/base.json"_s));
}

QByteArray changed(const QList<Change> &changes)
{
    QJsonValue root = QJsonDocument::fromJson(baseDocument()).object();
    for (const Change &c : changes)
        root = applyAt(root, c.pointer.split(u'/').mid(1), c);
    return QJsonDocument(root.toObject()).toJson();
}

// The base document with `from` replaced by `to` in its text: what JSON values cannot say (a
// key given twice, a lone surrogate).
QByteArray edited(const QByteArray &from, const QByteArray &to)
{
    QByteArray text = baseDocument();
    if (!text.contains(from))
        qFatal("the base document has no %s", from.constData());
    return text.replace(from, to);
}

QString describe(const Findings &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines.append(formatFinding(f) + u" ["_s + f.rule + u']');
    return lines.join(u"\n"_s);
}

const QStringList allRules{
    // errors
    u"not-json"_s, u"format"_s, u"version"_s, u"unknown-key"_s, u"wrong-type"_s, u"missing"_s,
    u"out-of-range"_s, u"invalid-value"_s, u"malformed-id"_s, u"malformed-number"_s, u"duplicate"_s,
    u"unresolved"_s, u"channel"_s, u"unknown-branch"_s, u"cycle"_s, u"limit"_s, u"overlap"_s,
    u"duplicate-key"_s, u"invalid-unicode"_s,
    // warnings
    u"dead-end"_s, u"unreachable"_s, u"unrouted-number"_s, u"incomplete-flow"_s, u"unused-flow"_s,
    u"empty-group"_s, u"no-devices"_s, u"rings-nobody"_s, u"menu-without-choices"_s};

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void baseDocumentIsClean();
    void demoOrganizationHasNoErrors();
    void editorObjectsAreKeptAndNotChecked();
    void eachRule_data();
    void eachRule();
    void everyRuleHasADocument();
    void duplicateMemberMessageNamesTheUser();
    void aFiveMillionCharacterNameIsOneShortFinding();
    void validSurrogatePairsAndEscapesPass();
    void hostileDocumentFindingsAreEachSaidOnce();
    void namesAreUniqueIgnoringCase_data();
    void namesAreUniqueIgnoringCase();

private:
    QSet<QString> m_rowRules;
};

void TestValidation::baseDocumentIsClean()
{
    const Findings findings = validateConfigDocument(baseDocument());
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
}

void TestValidation::demoOrganizationHasNoErrors()
{
    const QByteArray document = writeConfigDocument(demoOrganization());
    const Findings findings = validateConfigDocument(document);
    QCOMPARE(countErrors(findings), 0);
    // The demo keeps one number without a flow on purpose, so that the red state shows.
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().rule, u"unrouted-number"_s);
    QCOMPARE(findings.first().path, u"numbers[2].flow"_s);
}

void TestValidation::editorObjectsAreKeptAndNotChecked()
{
    const QByteArray document = changed(
        {set("/flows/0/editor", R"({"zoom": 1.5, "anything": {"goes": [1, "x", null]}})"),
         set("/flows/0/voice/applets/menu/editor", R"({"x": 120, "y": -40, "collapsed": true})")});
    Organization org;
    const Findings findings = validateConfigDocument(document, &org);
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
    QCOMPARE(org.flows.at(0).editor.value(u"anything").toObject().value(u"goes").toArray().size(),
             3);
    QCOMPARE(org.flows.at(0).voice->applets.value(u"menu"_s).editor.value(u"y").toInt(), -40);
}

void TestValidation::eachRule_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("rule");

    auto row = [this](const char *name, const QList<Change> &changes, bool isError,
                      const char *path, const char *rule) {
        m_rowRules.insert(QString::fromUtf8(rule));
        QTest::newRow(name) << changed(changes) << isError << QString::fromUtf8(path)
                            << QString::fromUtf8(rule);
    };
    const bool E = true;  // error
    const bool W = false; // warning

    // The document itself
    QTest::newRow("not JSON") << QByteArray("{\n  \"format\": \"switchboard-config\",\n  "
                                            "\"version\": 1,,\n}\n")
                              << E << QString() << u"not-json"_s;
    m_rowRules.insert(u"not-json"_s);
    row("wrong format", {set("/format", R"("other-config")")}, E, "format", "format");
    // What the JSON parser lets pass: a key twice (the last would silently win), however it is
    // spelt, and text that is not Unicode.
    const auto raw = [this](const char *name, const QByteArray &from, const QByteArray &to,
                            const char *path, const char *rule) {
        m_rowRules.insert(QString::fromUtf8(rule));
        QTest::newRow(name) << edited(from, to) << true << QString::fromUtf8(path)
                            << QString::fromUtf8(rule);
    };
    raw("a key twice", R"("name": "Nancy Ortiz",)", R"("name": "Nancy Ortiz", "name": "Nan",)",
        "users[0].name", "duplicate-key");
    raw("a key twice, once escaped", R"("name": "Nancy Ortiz",)",
        R"("name": "Nancy Ortiz", "n\u0061me": "Nan",)", "users[0].name", "duplicate-key");
    raw("a top-level key twice", R"("format": "switchboard-config",)",
        R"("format": "switchboard-config", "format": "switchboard-config",)", "format",
        "duplicate-key");
    raw("a key beginning with a byte order mark", R"("name": "Nancy Ortiz",)",
        "\"\xEF\xBB\xBFname\": \"Nancy Ortiz\",", "users[0].name", "invalid-unicode");
    raw("a lone high surrogate", R"("Nancy Ortiz")", R"("Nancy \ud800Ortiz")", "users[0].name",
        "invalid-unicode");
    raw("a lone low surrogate", R"("Nancy Ortiz")", R"("Nancy \udc00")", "users[0].name",
        "invalid-unicode");
    raw("a high surrogate before a letter", R"("name": "Sales",)", R"("name": "Sales \ud83dx",)",
        "groups[0].name", "invalid-unicode");
    raw("a high surrogate ending the text", R"("label": "Main line")",
        R"("label": "Main line \ud83d")", "numbers[0].label", "invalid-unicode");
    // Names and labels have limits; numbers are checked before any conversion.
    const QByteArray longText = '"' + QByteArray(101, 'x') + '"';
    row("an e-mail twice, in another case", {set("/users/1/email", R"("NANCY@example.com")")}, E,
        "users[1].email", "duplicate");
    row("a name too long", {set("/users/0/name", longText.constData())}, E, "users[0].name",
        "out-of-range");
    row("a group name too long", {set("/groups/0/name", longText.constData())}, E, "groups[0].name",
        "out-of-range");
    row("a department too long", {set("/groups/0/department", longText.constData())}, E,
        "groups[0].department", "out-of-range");
    row("a number label too long", {set("/numbers/0/label", longText.constData())}, E,
        "numbers[0].label", "out-of-range");
    row("a flow name too long", {set("/flows/0/name", longText.constData())}, E, "flows[0].name",
        "out-of-range");
    row("an applet name too long", {set("/flows/0/voice/applets/menu/name", longText.constData())},
        E, "flows[0].voice.applets.menu.name", "out-of-range");
    row("an organization name too long", {set("/organization/name", longText.constData())}, E,
        "organization.name", "out-of-range");
    row("a timeout of 1e300", {set("/flows/0/voice/applets/menu/config/timeout", "1e300")}, E,
        "flows[0].voice.applets.menu.config.timeout", "wrong-type");
    row("a timeout of -1e300", {set("/flows/0/voice/applets/menu/config/timeout", "-1e300")}, E,
        "flows[0].voice.applets.menu.config.timeout", "wrong-type");
    row("a timeout of 2^63",
        {set("/flows/0/voice/applets/menu/config/timeout", "9223372036854775808")}, E,
        "flows[0].voice.applets.menu.config.timeout", "wrong-type");
    row("a timeout of 1.5", {set("/flows/0/voice/applets/menu/config/timeout", "1.5")}, E,
        "flows[0].voice.applets.menu.config.timeout", "wrong-type");
    row("open conversations of 1e300", {set("/groups/0/sms_max_open_per_agent", "1e300")}, E,
        "groups[0].sms_max_open_per_agent", "wrong-type");
    row("format missing", {erase("/format")}, E, "format", "format");
    row("unsupported version", {set("/version", "2")}, E, "version", "version");
    // Unknown keys, wrong types, missing values
    row("unknown top-level key", {set("/colour", R"("blue")")}, E, "colour", "unknown-key");
    row("unknown user key", {set("/users/0/nickname", R"("Nan")")}, E, "users[0].nickname",
        "unknown-key");
    row("unknown applet setting", {set("/flows/0/voice/applets/menu/config/colour", "1")}, E,
        "flows[0].voice.applets.menu.config.colour", "unknown-key");
    row("unknown dial step key", {set("/flows/0/voice/applets/dial/config/steps/0/delay", "3")}, E,
        "flows[0].voice.applets.dial.config.steps[0].delay", "unknown-key");
    row("unknown prompt key", {set("/users/0/greeting/speed", "2")}, E, "users[0].greeting.speed",
        "unknown-key");
    row("unknown weekday", {set("/flows/0/voice/applets/hours/config/weekly/funday", "[]")}, E,
        "flows[0].voice.applets.hours.config.weekly.funday", "unknown-key");
    row("user name not a string", {set("/users/0/name", "5")}, E, "users[0].name", "wrong-type");
    row("timeout not a number", {set("/flows/0/voice/applets/menu/config/timeout", R"("5")")}, E,
        "flows[0].voice.applets.menu.config.timeout", "wrong-type");
    row("screen not a boolean", {set("/flows/0/voice/applets/dial/config/screen", R"("yes")")}, E,
        "flows[0].voice.applets.dial.config.screen", "wrong-type");
    row("dial target of no known form",
        {set("/flows/0/voice/applets/dial/config/steps/0/target", R"({"team": "sales"})")}, E,
        "flows[0].voice.applets.dial.config.steps[0].target", "wrong-type");
    row("user without id",
        {set("/users/-",
             R"({"name": "Nobody", "devices": [{"kind": "client", "address": "nobody"}]})")},
        E, "users[3].id", "missing");
    row("voicemail without owner", {erase("/flows/0/voice/applets/vm/config/owner")}, E,
        "flows[0].voice.applets.vm.config.owner", "missing");
    row("prompt neither says nor plays", {set("/flows/0/voice/applets/greet/config/prompt", "{}")},
        E, "flows[0].voice.applets.greet.config.prompt", "missing");
    // Values out of range
    row("menu timeout above 30", {set("/flows/0/voice/applets/menu/config/timeout", "45")}, E,
        "flows[0].voice.applets.menu.config.timeout", "out-of-range");
    row("menu attempts below 1", {set("/flows/0/voice/applets/menu/config/attempts", "0")}, E,
        "flows[0].voice.applets.menu.config.attempts", "out-of-range");
    row("ring seconds above 60",
        {set("/flows/0/voice/applets/dial/config/steps/0/ring_seconds", "90")}, E,
        "flows[0].voice.applets.dial.config.steps[0].ring_seconds", "out-of-range");
    row("ring seconds below 5",
        {set("/flows/0/voice/applets/dial/config/steps/2/ring_seconds", "4")}, E,
        "flows[0].voice.applets.dial.config.steps[2].ring_seconds", "out-of-range");
    row("voicemail longer than an hour",
        {set("/flows/0/voice/applets/vm/config/max_seconds", "4000")}, E,
        "flows[0].voice.applets.vm.config.max_seconds", "out-of-range");
    row("empty SMS reply", {set("/flows/0/sms/applets/reply/config/body", R"("")")}, E,
        "flows[0].sms.applets.reply.config.body", "out-of-range");
    row("negative open conversations", {set("/groups/0/sms_max_open_per_agent", "-1")}, E,
        "groups[0].sms_max_open_per_agent", "out-of-range");
    row("empty spoken prompt", {set("/flows/0/voice/applets/menu/config/prompt/say", R"("")")}, E,
        "flows[0].voice.applets.menu.config.prompt.say", "out-of-range");
    // Values that are not what they must be
    row("unknown role", {set("/users/0/role", R"("boss")")}, E, "users[0].role", "invalid-value");
    row("unknown device kind", {set("/users/0/devices/0/kind", R"("fax")")}, E,
        "users[0].devices[0].kind", "invalid-value");
    row("malformed SIP address", {set("/users/1/devices/0/address", R"("johan@pbx")")}, E,
        "users[1].devices[0].address", "invalid-value");
    row("malformed client name", {set("/users/0/devices/0/address", R"("nancy ortiz")")}, E,
        "users[0].devices[0].address", "invalid-value");
    row("unknown member channel", {set("/groups/0/members/2/channels/0", R"("fax")")}, E,
        "groups[0].members[2].channels[0]", "invalid-value");
    row("unknown applet type", {set("/flows/0/voice/applets/bye/type", R"("fax")")}, E,
        "flows[0].voice.applets.bye.type", "invalid-value");
    row("unknown strategy",
        {set("/flows/0/voice/applets/dial/config/steps/0/strategy", R"("random")")}, E,
        "flows[0].voice.applets.dial.config.steps[0].strategy", "invalid-value");
    row("caller ID neither caller, number nor E.164",
        {set("/flows/0/voice/applets/dial/config/caller_id", R"("boss")")}, E,
        "flows[0].voice.applets.dial.config.caller_id", "invalid-value");
    row("caller_owner false",
        {set("/flows/0/voice/applets/dial/config/steps/4/target/caller_owner", "false")}, E,
        "flows[0].voice.applets.dial.config.steps[4].target.caller_owner", "invalid-value");
    row("prompt says and plays", {set("/flows/0/voice/applets/greet/config/prompt/say", R"("Hi")")},
        E, "flows[0].voice.applets.greet.config.prompt", "invalid-value");
    row("played prompt not http",
        {set("/flows/0/voice/applets/greet/config/prompt/play", R"("ftp://example.com/a.mp3")")}, E,
        "flows[0].voice.applets.greet.config.prompt.play", "invalid-value");
    row("voice on a played prompt",
        {set("/flows/0/voice/applets/greet/config/prompt/voice", R"("Polly.Joanna")")}, E,
        "flows[0].voice.applets.greet.config.prompt.voice", "invalid-value");
    row("organization time zone unknown", {set("/organization/timezone", R"("Mars/Olympus_Mons")")},
        E, "organization.timezone", "invalid-value");
    row("hours time zone unknown",
        {set("/flows/0/voice/applets/hours/config/timezone", R"("Europe/Atlantis")")}, E,
        "flows[0].voice.applets.hours.config.timezone", "invalid-value");
    row("time 25:00", {set("/flows/0/voice/applets/hours/config/weekly/mon/0/0", R"("25:00")")}, E,
        "flows[0].voice.applets.hours.config.weekly.mon[0][0]", "invalid-value");
    row("range starting at 24:00",
        {set("/flows/0/voice/applets/hours/config/weekly/mon/0/0", R"("24:00")")}, E,
        "flows[0].voice.applets.hours.config.weekly.mon[0][0]", "invalid-value");
    row("empty range",
        {set("/flows/0/voice/applets/hours/config/weekly/mon/0", R"(["09:00", "09:00"])")}, E,
        "flows[0].voice.applets.hours.config.weekly.mon[0]", "invalid-value");
    row("holiday on February 30",
        {set("/flows/0/voice/applets/hours/config/holidays/0/date", R"("2026-02-30")")}, E,
        "flows[0].voice.applets.hours.config.holidays[0].date", "invalid-value");
    row("lower-case keyword",
        {set("/flows/0/sms/applets/kw/config/keywords/-", R"("later")"),
         set("/flows/0/sms/applets/kw/next/later", R"("inbox")")},
        E, "flows[0].sms.applets.kw.config.keywords[2]", "invalid-value");
    row("round robin into a user's inbox",
        {set("/flows/0/sms/applets/support-inbox/config/assign", R"("round-robin")")}, E,
        "flows[0].sms.applets.support-inbox.config.assign", "invalid-value");
    // Malformed ids and numbers
    row("malformed user id",
        {set(
            "/users/-",
            R"({"id": "-nobody", "name": "Nobody", "devices": [{"kind": "client", "address": "nobody"}]})")},
        E, "users[3].id", "malformed-id");
    row("malformed group id",
        {set("/groups/-", R"({"id": "night shift", "name": "Night", "members": ["nancy"]})")}, E,
        "groups[2].id", "malformed-id");
    row("malformed flow id",
        {set("/flows/0/id", R"("main line")"), set("/numbers/0/flow", R"("main line")")}, E,
        "flows[0].id", "malformed-id");
    row("malformed applet id",
        {erase("/flows/0/voice/applets/bye"),
         set("/flows/0/voice/applets/bye!", R"({"type": "hangup"})"),
         set("/flows/0/voice/applets/menu/next/0", R"("bye!")")},
        E, "flows[0].voice.applets.bye!", "malformed-id");
    row("malformed number", {set("/numbers/0/number", R"("5125550100")")}, E, "numbers[0].number",
        "malformed-number");
    row("malformed blocked number", {set("/blocked/0", R"("666")")}, E, "blocked[0]",
        "malformed-number");
    row("malformed phone device", {set("/users/0/devices/1/address", R"("555-0101")")}, E,
        "users[0].devices[1].address", "malformed-number");
    row("malformed contact number", {set("/contacts/0/number", R"("+0125550199")")}, E,
        "contacts[0].number", "malformed-number");
    row("malformed number to dial",
        {set("/flows/0/voice/applets/dial/config/steps/3/target/number", R"("+1 512 555 0199")")},
        E, "flows[0].voice.applets.dial.config.steps[3].target.number", "malformed-number");
    // Listed twice
    row("user listed twice",
        {set(
            "/users/-",
            R"({"id": "nancy", "name": "Nancy 2", "devices": [{"kind": "client", "address": "nancy2"}]})")},
        E, "users[3].id", "duplicate");
    row("group listed twice",
        {set("/groups/-", R"({"id": "support", "name": "Support 2", "members": ["nancy"]})")}, E,
        "groups[2].id", "duplicate");
    row("flow listed twice",
        {set("/flows/-", R"({"id": "main", "name": "Main 2", "voice": null, "sms": null})")}, E,
        "flows[1].id", "duplicate");
    row("number listed twice",
        {set("/numbers/-", R"({"number": "+15125550100", "label": "Again", "flow": "main"})")}, E,
        "numbers[1].number", "duplicate");
    row("blocked number listed twice", {set("/blocked/-", R"("+15125550666")")}, E, "blocked[1]",
        "duplicate");
    row("contact listed twice",
        {set("/contacts/-", R"({"number": "+15125550199", "owner": "nancy"})")}, E,
        "contacts[1].number", "duplicate");
    row("member listed twice", {set("/groups/1/members/-", R"("johan")")}, E,
        "groups[1].members[1]", "duplicate");
    row("member to ring listed twice",
        {set("/flows/0/voice/applets/dial/config/steps/1/target/members/1", R"("nancy")")}, E,
        "flows[0].voice.applets.dial.config.steps[1].target.members[1]", "duplicate");
    row("keyword listed twice", {set("/flows/0/sms/applets/kw/config/keywords/-", R"("SALES")")}, E,
        "flows[0].sms.applets.kw.config.keywords[2]", "duplicate");
    // References that do not resolve
    row("member not a user", {set("/groups/1/members/0", R"("ghost")")}, E, "groups[1].members[0]",
        "unresolved");
    row("contact owner not a user", {set("/contacts/0/owner", R"("ghost")")}, E,
        "contacts[0].owner", "unresolved");
    row("number's flow missing",
        {set("/numbers/-", R"({"number": "+15125550111", "label": "", "flow": "nope"})")}, E,
        "numbers[1].flow", "unresolved");
    row("dial user missing",
        {set("/flows/0/voice/applets/dial/config/steps/2/target/user", R"("ghost")")}, E,
        "flows[0].voice.applets.dial.config.steps[2].target.user", "unresolved");
    row("dial group missing",
        {set("/flows/0/voice/applets/dial/config/steps/0/target/group", R"("ghost")")}, E,
        "flows[0].voice.applets.dial.config.steps[0].target.group", "unresolved");
    row("member to ring missing",
        {set("/flows/0/voice/applets/dial/config/steps/1/target/members/1", R"("ghost")")}, E,
        "flows[0].voice.applets.dial.config.steps[1].target.members[1]", "unresolved");
    row("voicemail group missing",
        {set("/flows/0/voice/applets/vm/config/owner/group", R"("ghost")")}, E,
        "flows[0].voice.applets.vm.config.owner.group", "unresolved");
    row("inbox user missing",
        {set("/flows/0/sms/applets/support-inbox/config/owner/user", R"("ghost")")}, E,
        "flows[0].sms.applets.support-inbox.config.owner.user", "unresolved");
    row("start missing", {set("/flows/0/voice/start", R"("nope")")}, E, "flows[0].voice.start",
        "unresolved");
    row("branch to a missing applet", {set("/flows/0/voice/applets/menu/next/2", R"("nope")")}, E,
        "flows[0].voice.applets.menu.next.2", "unresolved");
    // Channels and branches
    row("greeting in an SMS flow",
        {set("/flows/0/sms/applets/reply",
             R"({"type": "greeting", "next": {"next": "support-inbox"}})")},
        E, "flows[0].sms.applets.reply.type", "channel");
    row("keyword in a call flow",
        {set("/flows/0/voice/applets/bye", R"({"type": "keyword", "config": {"prompt": "Hi"}})")},
        E, "flows[0].voice.applets.bye.type", "channel");
    row("branch the type lacks", {set("/flows/0/voice/applets/hours/next/maybe", R"("vm")")}, E,
        "flows[0].voice.applets.hours.next.maybe", "unknown-branch");
    // Cycles
    row("call cycle without a menu or dial",
        {set("/flows/0/voice/applets/hours/next/closed", R"("again")"),
         set("/flows/0/voice/applets/again", R"({"type": "greeting", "next": {"next": "hours"}})")},
        E, "flows[0].voice.applets.again", "cycle");
    row("greeting that leads to itself",
        {set("/flows/0/voice/applets/hours/next/closed", R"("loop")"),
         set("/flows/0/voice/applets/loop", R"({"type": "greeting", "next": {"next": "loop"}})")},
        E, "flows[0].voice.applets.loop", "cycle");
    row("text cycle",
        {set("/flows/0/sms/applets/kw/config/keywords/-", R"("AGAIN")"),
         set("/flows/0/sms/applets/kw/next/AGAIN", R"("loop")"),
         set("/flows/0/sms/applets/loop", R"({"type": "sms-reply", "next": {"next": "kw"}})")},
        E, "flows[0].sms.applets.kw", "cycle");
    // Limits of core/routing/APPLETS.md
    row("six dial steps",
        {set("/flows/0/voice/applets/dial/config/steps/-", R"({"target": {"group": "support"}})")},
        E, "flows[0].voice.applets.dial.config.steps", "limit");
    row("no dial step", {set("/flows/0/voice/applets/dial/config/steps", "[]")}, E,
        "flows[0].voice.applets.dial.config.steps", "limit");
    row("more than 10 devices at once",
        {set("/users/-", R"({"id": "ring", "name": "Ring", "devices": [
            {"kind": "client", "address": "r1"}, {"kind": "client", "address": "r2"},
            {"kind": "client", "address": "r3"}, {"kind": "client", "address": "r4"},
            {"kind": "client", "address": "r5"}, {"kind": "client", "address": "r6"},
            {"kind": "client", "address": "r7"}, {"kind": "client", "address": "r8"},
            {"kind": "client", "address": "r9"}, {"kind": "client", "address": "r10"}]})"),
         set("/flows/0/voice/applets/dial/config/steps/1/target/members/1", R"("ring")")},
        E, "flows[0].voice.applets.dial.config.steps[1].target", "limit");
    row("empty list of members to ring",
        {set("/flows/0/voice/applets/dial/config/steps/1/target/members", "[]")}, E,
        "flows[0].voice.applets.dial.config.steps[1].target.members", "limit");
    row("nine ranges in a day",
        {set("/flows/0/voice/applets/hours/config/weekly/tue",
             R"([["01:00","01:30"],["02:00","02:30"],["03:00","03:30"],["04:00","04:30"],
                                        ["05:00","05:30"],["06:00","06:30"],["07:00","07:30"],["08:00","08:30"],
                                        ["09:00","09:30"]])")},
        E, "flows[0].voice.applets.hours.config.weekly.tue", "limit");
    row("overlapping ranges",
        {set("/flows/0/voice/applets/hours/config/weekly/mon",
             R"([["09:00","12:00"],["11:00","17:00"]])")},
        E, "flows[0].voice.applets.hours.config.weekly.mon[1]", "overlap");
    row("overlap with a range past midnight",
        {set("/flows/0/voice/applets/hours/config/weekly/fri/-", R"(["23:00","23:30"])")}, E,
        "flows[0].voice.applets.hours.config.weekly.fri[1]", "overlap");

    // Warnings
    row("dial without voicemail after it", {erase("/flows/0/voice/applets/dial/next/no-answer")}, W,
        "flows[0].voice.applets.dial.next.no-answer", "dead-end");
    row("menu without no-input branch", {erase("/flows/0/voice/applets/menu/next/no-input")}, W,
        "flows[0].voice.applets.menu.next.no-input", "dead-end");
    row("hours without closed branch", {erase("/flows/0/voice/applets/hours/next/closed")}, W,
        "flows[0].voice.applets.hours.next.closed", "dead-end");
    row("greeting that ends the call",
        {set("/flows/0/voice/applets/menu/next/2", R"("info")"),
         set("/flows/0/voice/applets/info", R"({"type": "greeting"})")},
        W, "flows[0].voice.applets.info.next.next", "dead-end");
    row("keyword without no-match and prompt",
        {set("/flows/0/sms/applets/kw/config/prompt", "null")}, W,
        "flows[0].sms.applets.kw.next.no-match", "dead-end");
    row("keyword branch left empty",
        {set("/flows/0/sms/applets/kw/config/keywords/-", R"("LATER")")}, W,
        "flows[0].sms.applets.kw.next.LATER", "dead-end");
    row("applet not reachable", {set("/flows/0/voice/applets/orphan", R"({"type": "hangup"})")}, W,
        "flows[0].voice.applets.orphan", "unreachable");
    row("number without a flow",
        {set("/numbers/0/flow", "null"),
         set("/numbers/-", R"({"number": "+15125550111", "label": "Other", "flow": "main"})")},
        W, "numbers[0].flow", "unrouted-number");
    row("flow without SMS graph", {set("/flows/0/sms", "null")}, W, "numbers[0].flow",
        "incomplete-flow");
    row("flow whose call graph has no start",
        {set("/flows/0/voice", R"({"start": null, "applets": {}})")}, W, "numbers[0].flow",
        "incomplete-flow");
    row("flow not used",
        {set("/flows/-", R"({"id": "spare", "name": "Spare", "voice": null, "sms": null})")}, W,
        "flows[1]", "unused-flow");
    row("group without members", {set("/groups/1/members", "[]")}, W, "groups[1].members",
        "empty-group");
    row("user without devices", {set("/users/-", R"({"id": "pat", "name": "Pat", "devices": []})")},
        W, "users[3].devices", "no-devices");
    row("dial step whose group takes no calls",
        {set("/groups/1/members/0", R"({"user": "johan", "channels": ["sms"]})"),
         set("/flows/0/voice/applets/dial/config/steps/0/target/group", R"("support")")},
        W, "flows[0].voice.applets.dial.config.steps[0].target", "rings-nobody");
    row("menu that offers no key",
        {set("/flows/0/voice/applets/menu/next/2", R"("menu2")"),
         set("/flows/0/voice/applets/menu2", R"({"type": "menu", "next": {"no-input": "vm"}})")},
        W, "flows[0].voice.applets.menu2.next", "menu-without-choices");
}

void TestValidation::eachRule()
{
    QFETCH(QByteArray, document);
    QFETCH(bool, isError);
    QFETCH(QString, path);
    QFETCH(QString, rule);

    const Findings findings = validateConfigDocument(document);
    QVERIFY2(findings.size() == 1,
             qPrintable(u"expected exactly one finding, got:\n"_s + describe(findings)));
    const Finding &f = findings.first();
    QCOMPARE(f.isError(), isError);
    QCOMPARE(f.path, path);
    QCOMPARE(f.rule, rule);
    QVERIFY2(f.message.size() > 20 && f.message.endsWith(u'.'), qPrintable(f.message));
}

// Runs after eachRule (Qt Test runs slots in declaration order), whose data function recorded
// the rule of every row.
void TestValidation::everyRuleHasADocument()
{
    QVERIFY(!m_rowRules.isEmpty());
    for (const QString &rule : allRules)
        QVERIFY2(m_rowRules.contains(rule), qPrintable(u"no document breaks rule "_s + rule));
    for (const QString &rule : std::as_const(m_rowRules))
        QVERIFY2(allRules.contains(rule), qPrintable(u"rule missing from allRules: "_s + rule));
}

void TestValidation::duplicateMemberMessageNamesTheUser()
{
    const Findings findings =
        validateConfigDocument(changed({set("/groups/1/members/-", R"("johan")")}));
    QCOMPARE(findings.size(), 1);
    QVERIFY2(findings.first().message.contains(u"Johan Berg"),
             qPrintable(findings.first().message));
}

// The finding says how long, not what: a message never repeats five million characters.
void TestValidation::aFiveMillionCharacterNameIsOneShortFinding()
{
    const QByteArray name = '"' + QByteArray(5'000'000, 'n') + '"';
    const Findings findings =
        validateConfigDocument(changed({set("/users/0/name", name.constData())}));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().path, u"users[0].name"_s);
    QCOMPARE(findings.first().message, u"The name is 5000000 characters long; at most 100 fit."_s);
}

void TestValidation::validSurrogatePairsAndEscapesPass()
{
    // An emoji as a pair, escaped quotes and backslashes, an escaped letter: all fine.
    const Findings findings = validateConfigDocument(
        edited(R"("Nancy Ortiz")", R"("Nancy \ud83d\ude00 \"N\" O\\rtiz \u00e9")"));
    QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
}

// Each user of a hostile document has an unknown key and a malformed id: two errors each, and
// the semantic findings under what the reader rejected are not said again (the filter that was
// quadratic; bench_validation measures it at 5,000 and 50,000 users).
void TestValidation::hostileDocumentFindingsAreEachSaidOnce()
{
    const Findings findings = validateConfigDocument(Test::hostileDocument(300));
    QCOMPARE(countErrors(findings), 600);
    int unknown = 0, malformed = 0;
    for (const Finding &f : findings) {
        unknown += f.rule == u"unknown-key";
        malformed += f.rule == u"malformed-id";
    }
    QCOMPARE(unknown, 300);
    QCOMPARE(malformed, 300);
}

// Group and flow names tell them apart for people (menus, lists, the inbox), so a second one
// with the same name, ignoring case and extra spaces, is an error at its name, for every
// entry point: the console, switchboardctl and routerd all validate the same way.
void TestValidation::namesAreUniqueIgnoringCase_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("names"); // the first one's path, in the message

    QTest::newRow("group, other case")
        << changed({set("/groups/-", R"({"id": "sales2", "name": "SALES", "members": ["nancy"]})")})
        << u"groups[2].name"_s << u"groups[0]"_s;
    QTest::newRow("group, extra spaces")
        << changed(
               {set("/groups/-", R"({"id": "sales2", "name": " support ", "members": ["nancy"]})")})
        << u"groups[2].name"_s << u"groups[1]"_s;
    QTest::newRow("flow, other case")
        << changed({set("/flows/-",
                        R"({"id": "main2", "name": "MAIN LINE", "voice": null, "sms": null})")})
        << u"flows[1].name"_s << u"flows[0]"_s;
}

void TestValidation::namesAreUniqueIgnoringCase()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, path);
    QFETCH(QString, names);

    const Findings findings = validateConfigDocument(document);
    const auto it = std::find_if(findings.cbegin(), findings.cend(),
                                 [&](const Finding &f) { return f.path == path; });
    QVERIFY2(it != findings.cend(), qPrintable(describe(findings)));
    QVERIFY(it->isError());
    QCOMPARE(it->rule, u"duplicate"_s);
    QVERIFY2(it->message.contains(names), qPrintable(it->message));
    // The first of the two is fine.
    for (const Finding &f : findings)
        QVERIFY2(!f.path.endsWith(u".name"_s) || f.path == path, qPrintable(f.path));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
