// The applet catalogue against core/routing/APPLETS.md: every type, its channels, branches and
// defaults.

#include "catalogue/appletcatalogue.h"
#include "config/configdocument.h"
#include "validation/validator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

class TestCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void types_data();
    void types();
    void defaults_data();
    void defaults();
    void keywordBranchesFollowItsKeywords();
    void emptyBranchRules_data();
    void emptyBranchRules();
    void unknownTypeHasNoBranches();
    void defaultConfigsValidateButForRequiredChoices();
};

void TestCatalogue::types_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("voice");
    QTest::addColumn<bool>("sms");
    QTest::addColumn<QStringList>("branches");

    QTest::newRow("greeting") << u"greeting"_s << true << false << QStringList{u"next"_s};
    QTest::newRow("menu") << u"menu"_s << true << false
                          << QStringList{u"1"_s, u"2"_s, u"3"_s,       u"4"_s, u"5"_s,
                                         u"6"_s, u"7"_s, u"8"_s,       u"9"_s, u"0"_s,
                                         u"*"_s, u"#"_s, u"no-input"_s};
    QTest::newRow("hours") << u"hours"_s << true << true << QStringList{u"open"_s, u"closed"_s};
    QTest::newRow("dial") << u"dial"_s << true << false << QStringList{u"no-answer"_s};
    QTest::newRow("voicemail") << u"voicemail"_s << true << false << QStringList();
    QTest::newRow("hangup") << u"hangup"_s << true << false << QStringList();
    QTest::newRow("keyword") << u"keyword"_s << false << true << QStringList{u"no-match"_s};
    QTest::newRow("sms-reply") << u"sms-reply"_s << false << true << QStringList{u"next"_s};
    QTest::newRow("sms-inbox") << u"sms-inbox"_s << false << true << QStringList();
}

void TestCatalogue::types()
{
    QFETCH(QString, type);
    QFETCH(bool, voice);
    QFETCH(bool, sms);
    QFETCH(QStringList, branches);
    const AppletCatalogue &catalogue = AppletCatalogue::instance();
    const AppletType *t = catalogue.type(type);
    QVERIFY(t);
    QCOMPARE(t->allowedIn(Channel::Voice), voice);
    QCOMPARE(t->allowedIn(Channel::Sms), sms);
    Applet applet;
    applet.type = type;
    QCOMPARE(catalogue.branchNames(applet), branches);
    QVERIFY(!t->displayName().isEmpty());
    QVERIFY(!t->displayDescription().isEmpty());
    QCOMPARE(t->iconPath(), u":/icons/applets/"_s + type + u".svg"_s);
    QCOMPARE(catalogue.typesFor(Channel::Voice).contains(t), voice);
    QCOMPARE(catalogue.typesFor(Channel::Sms).contains(t), sms);
}

void TestCatalogue::defaults_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("min");
    QTest::addColumn<int>("max");

    QTest::newRow("greeting prompt")
        << u"greeting"_s << u"prompt"_s
        << QJsonValue(QJsonObject{{u"say"_s, u"Thank you for calling."_s}}) << 0 << 0;
    QTest::newRow("menu timeout") << u"menu"_s << u"timeout"_s << QJsonValue(5) << 1 << 30;
    QTest::newRow("menu attempts") << u"menu"_s << u"attempts"_s << QJsonValue(3) << 1 << 10;
    QTest::newRow("menu invalid prompt")
        << u"menu"_s << u"invalid_prompt"_s << QJsonValue(QJsonValue::Null) << 0 << 0;
    QTest::newRow("hours time zone")
        << u"hours"_s << u"timezone"_s << QJsonValue(QJsonValue::Null) << 0 << 0;
    QTest::newRow("hours holidays")
        << u"hours"_s << u"holidays"_s << QJsonValue(QJsonArray()) << 0 << 366;
    QTest::newRow("dial caller id")
        << u"dial"_s << u"caller_id"_s << QJsonValue(u"caller"_s) << 0 << 0;
    QTest::newRow("dial screen") << u"dial"_s << u"screen"_s << QJsonValue(false) << 0 << 0;
    QTest::newRow("dial record") << u"dial"_s << u"record"_s << QJsonValue(false) << 0 << 0;
    QTest::newRow("dial steps") << u"dial"_s << u"steps"_s << QJsonValue(QJsonArray()) << 1 << 5;
    QTest::newRow("voicemail length")
        << u"voicemail"_s << u"max_seconds"_s << QJsonValue(120) << 5 << 3600;
    QTest::newRow("voicemail transcribe")
        << u"voicemail"_s << u"transcribe"_s << QJsonValue(false) << 0 << 0;
    QTest::newRow("hangup reject") << u"hangup"_s << u"reject"_s << QJsonValue(false) << 0 << 0;
    QTest::newRow("keyword prompt")
        << u"keyword"_s << u"prompt"_s << QJsonValue(QJsonValue::Null) << 1 << 1600;
    QTest::newRow("reply body") << u"sms-reply"_s << u"body"_s
                                << QJsonValue(u"Thanks! We will get back to you shortly."_s) << 1
                                << 1600;
    QTest::newRow("inbox assign") << u"sms-inbox"_s << u"assign"_s << QJsonValue(u"none"_s) << 0
                                  << 0;
}

void TestCatalogue::defaults()
{
    QFETCH(QString, type);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(int, min);
    QFETCH(int, max);
    const AppletType *t = AppletCatalogue::instance().type(type);
    QVERIFY(t);
    const FieldSpec *field = t->field(key);
    QVERIFY(field);
    QCOMPARE(field->defaultValue, value);
    QCOMPARE(field->min, min);
    QCOMPARE(field->max, max);
    QCOMPARE(AppletCatalogue::instance().defaultConfig(type).value(key), value);
    // An applet that leaves the setting out gets the default.
    Applet applet;
    applet.type = type;
    QCOMPARE(AppletCatalogue::instance().value(applet, key), value);
}

void TestCatalogue::keywordBranchesFollowItsKeywords()
{
    Applet applet;
    applet.type = u"keyword"_s;
    applet.config.insert(u"keywords"_s, QJsonArray{u"SALES"_s, u"SUPPORT"_s});
    QCOMPARE(AppletCatalogue::instance().branchNames(applet),
             (QStringList{u"SALES"_s, u"SUPPORT"_s, u"no-match"_s}));
}

void TestCatalogue::emptyBranchRules_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<int>("rule");

    QTest::newRow("greeting next")
        << u"greeting"_s << QJsonObject() << u"next"_s << int(EmptyBranch::DeadEnd);
    QTest::newRow("menu key asks again")
        << u"menu"_s << QJsonObject() << u"4"_s << int(EmptyBranch::AsksAgain);
    QTest::newRow("menu no-input")
        << u"menu"_s << QJsonObject() << u"no-input"_s << int(EmptyBranch::DeadEnd);
    QTest::newRow("dial no-answer")
        << u"dial"_s << QJsonObject() << u"no-answer"_s << int(EmptyBranch::DeadEnd);
    QTest::newRow("reply next is fine")
        << u"sms-reply"_s << QJsonObject() << u"next"_s << int(EmptyBranch::Ends);
    QTest::newRow("no-match without prompt")
        << u"keyword"_s << QJsonObject() << u"no-match"_s << int(EmptyBranch::DeadEnd);
    QTest::newRow("no-match with prompt")
        << u"keyword"_s << QJsonObject{{u"prompt"_s, u"Reply SALES."_s}} << u"no-match"_s
        << int(EmptyBranch::Ends);
    QTest::newRow("keyword branch")
        << u"keyword"_s << QJsonObject{{u"keywords"_s, QJsonArray{u"SALES"_s}}} << u"SALES"_s
        << int(EmptyBranch::DeadEnd);
}

void TestCatalogue::emptyBranchRules()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, config);
    QFETCH(QString, branch);
    QFETCH(int, rule);
    Applet applet;
    applet.type = type;
    applet.config = config;
    const auto empty = AppletCatalogue::instance().emptyBranch(applet, branch);
    QVERIFY(empty.has_value());
    QCOMPARE(int(*empty), rule);
}

void TestCatalogue::unknownTypeHasNoBranches()
{
    Applet applet;
    applet.type = u"fax"_s;
    QVERIFY(AppletCatalogue::instance().branchNames(applet).isEmpty());
    QVERIFY(!AppletCatalogue::instance().emptyBranch(applet, u"next"_s).has_value());
    applet.type = u"greeting"_s;
    QVERIFY(!AppletCatalogue::instance().emptyBranch(applet, u"open"_s).has_value());
}

// A new applet dropped on the canvas gets the defaults: every setting valid, except the
// choices only a person can make (whom to ring, whose inbox or voicemail box).
void TestCatalogue::defaultConfigsValidateButForRequiredChoices()
{
    for (const AppletType &type : AppletCatalogue::instance().types()) {
        Organization org;
        Flow flow;
        flow.id = u"f"_s;
        Graph graph;
        Applet applet;
        applet.id = u"a"_s;
        applet.type = type.type;
        applet.config = AppletCatalogue::instance().defaultConfig(type.type);
        graph.applets.insert(applet.id, applet);
        graph.start = applet.id;
        (type.voice ? flow.voice : flow.sms) = graph;
        org.flows.append(flow);
        QStringList errors;
        for (const Finding &f : validateOrganization(org)) {
            if (f.isError())
                errors.append(f.rule + u' ' + f.path);
        }
        QStringList expected;
        const QString prefix = type.voice ? u"flows[0].voice.applets.a.config."_s
                                          : u"flows[0].sms.applets.a.config."_s;
        if (type.type == u"dial")
            expected = {u"limit "_s + prefix + u"steps"_s};
        if (type.type == u"voicemail" || type.type == u"sms-inbox")
            expected = {u"missing "_s + prefix + u"owner"_s};
        QCOMPARE(errors, expected);
    }
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
