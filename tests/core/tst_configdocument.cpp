// The configuration document: reading, writing, the byte-identical round trip (demo,
// validation base, and the benchmark's large organization), and where malformed JSON is.

#include "config/canonicaljson.h"
#include "config/configdocument.h"
#include "demo/demoorganization.h"
#include "generator.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

class TestConfigDocument : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsByteIdentical_data();
    void roundTripIsByteIdentical();
    void writesTheDocumentLayout();
    void keyOrderDoesNotDependOnInput();
    void stringsAreEscaped();
    void readsMembersWithChannels();
    void readsNullsAndDefaults();
    void malformedJsonSaysWhere_data();
    void malformedJsonSaysWhere();
    void structuralErrors_data();
    void structuralErrors();
    void byteOrderMarkIsAccepted();
};

void TestConfigDocument::roundTripIsByteIdentical_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::newRow("demo organization") << writeConfigDocument(demoOrganization());
    QTest::newRow("validation base document") << writeConfigDocument(
        readConfigDocument(Test::readFile(Test::dataPath(u"validation/base.json"_s))).organization);
    QTest::newRow("benchmark organization") << writeConfigDocument(Test::generateOrganization());
}

void TestConfigDocument::roundTripIsByteIdentical()
{
    QFETCH(QByteArray, document);
    const ReadResult read = readConfigDocument(document);
    QVERIFY2(read.findings.isEmpty(), qPrintable(formatFinding(read.findings.value(0))));
    const QByteArray again = writeConfigDocument(read.organization);
    QCOMPARE(again.size(), document.size());
    QVERIFY(again == document);
    // And the model survives the trip unchanged.
    QVERIFY(readConfigDocument(again).organization == read.organization);
}

void TestConfigDocument::writesTheDocumentLayout()
{
    Organization org;
    org.name = u"Tiny"_s;
    User u;
    u.id = u"ann"_s;
    u.name = u"Ann"_s;
    u.devices = {{DeviceKind::Phone, u"+15125550101"_s}};
    org.users = {u};
    Group g;
    g.id = u"desk"_s;
    g.name = u"Desk"_s;
    g.members = {{u"ann"_s, false, true}};
    org.groups = {g};
    org.numbers = {{u"+15125550100"_s, u"Main"_s, QString()}};
    Flow f;
    f.id = u"f"_s;
    f.name = u"F"_s;
    Graph voice;
    voice.start = u"bye"_s;
    Applet bye;
    bye.id = u"bye"_s;
    bye.type = u"hangup"_s;
    bye.config = {{u"reject"_s, true}};
    voice.applets.insert(bye.id, bye);
    f.voice = voice;
    org.flows = {f};

    const QByteArray expected = R"({
  "format": "switchboard-config",
  "version": 1,
  "organization": {
    "name": "Tiny",
    "timezone": null
  },
  "users": [
    {
      "id": "ann",
      "name": "Ann",
      "role": "agent",
      "devices": [
        {
          "kind": "phone",
          "address": "+15125550101"
        }
      ]
    }
  ],
  "groups": [
    {
      "id": "desk",
      "name": "Desk",
      "members": [
        {
          "user": "ann",
          "channels": ["sms"]
        }
      ],
      "sms_max_open_per_agent": 0
    }
  ],
  "numbers": [
    {
      "number": "+15125550100",
      "label": "Main",
      "flow": null
    }
  ],
  "flows": [
    {
      "id": "f",
      "name": "F",
      "voice": {
        "start": "bye",
        "applets": {
          "bye": {
            "type": "hangup",
            "config": {
              "reject": true
            },
            "next": {}
          }
        }
      },
      "sms": null
    }
  ],
  "contacts": [],
  "blocked": []
}
)";
    QCOMPARE(QString::fromUtf8(writeConfigDocument(org)), QString::fromUtf8(expected));
}

void TestConfigDocument::keyOrderDoesNotDependOnInput()
{
    // The same prompt written in two orders reads and writes the same.
    const QByteArray a = canonicalJson(
        QJsonDocument::fromJson(R"({"language": "en-US", "voice": "Polly.Joanna", "say": "Hi"})")
            .object());
    const QByteArray b = canonicalJson(
        QJsonDocument::fromJson(R"({"say": "Hi", "voice": "Polly.Joanna", "language": "en-US"})")
            .object());
    QCOMPARE(a, b);
    QVERIFY(a.indexOf("\"say\"") < a.indexOf("\"voice\""));
    QVERIFY(a.indexOf("\"voice\"") < a.indexOf("\"language\""));
    // Short lists of plain values stay on one line, long ones do not.
    QCOMPARE(canonicalJson(QJsonArray{u"09:00"_s, u"17:00"_s}),
             QByteArray("[\"09:00\", \"17:00\"]\n"));
    QJsonArray longList;
    for (int i = 0; i < 20; ++i)
        longList.append(u"member-%1"_s.arg(i));
    QVERIFY(canonicalJson(longList).count('\n') == 22);
}

void TestConfigDocument::stringsAreEscaped()
{
    const QJsonObject o{{u"say"_s, u"Quote \" backslash \\ tab \t newline \n bell \a émoji 😀"_s}};
    const QByteArray text = canonicalJson(o);
    QVERIFY(text.contains(R"(Quote \" backslash \\ tab \t newline \n bell \u0007 )"));
    QVERIFY(text.contains("émoji 😀")); // UTF-8, not \u escapes
    QCOMPARE(QJsonDocument::fromJson(text).object(), o);
}

void TestConfigDocument::readsMembersWithChannels()
{
    const ReadResult read = readConfigDocument(R"({"format": "switchboard-config", "version": 1,
        "users": [{"id": "a", "devices": []}, {"id": "b", "devices": []}, {"id": "c", "devices": []}],
        "groups": [{"id": "g", "members": ["a", {"user": "b", "channels": ["voice"]},
                                          {"user": "c", "channels": []}]}]})");
    QVERIFY(read.findings.isEmpty());
    const QList<Member> members = read.organization.groups.at(0).members;
    QCOMPARE(members.size(), 3);
    QVERIFY(members.at(0).voice && members.at(0).sms);
    QVERIFY(members.at(1).voice && !members.at(1).sms);
    QVERIFY(!members.at(2).voice && !members.at(2).sms);
}

void TestConfigDocument::readsNullsAndDefaults()
{
    const ReadResult read = readConfigDocument(R"({"format": "switchboard-config", "version": 1,
        "users": [{"id": "a"}],
        "numbers": [{"number": "+15125550100", "flow": null}],
        "flows": [{"id": "f", "voice": {"start": null, "applets": {}}, "sms": null}]})");
    QVERIFY(read.findings.isEmpty());
    const Organization &org = read.organization;
    QCOMPARE(org.users.at(0).role, Role::Agent);
    QVERIFY(org.users.at(0).devices.isEmpty());
    QVERIFY(org.numbers.at(0).flow.isEmpty());
    QVERIFY(org.flows.at(0).voice.has_value());
    QVERIFY(!org.flows.at(0).voice->isSetUp());
    QVERIFY(!org.flows.at(0).sms.has_value());
    QVERIFY(org.contacts.isEmpty());
    QVERIFY(org.blocked.isEmpty());
}

void TestConfigDocument::malformedJsonSaysWhere_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("double comma") << QByteArray("{\n  \"format\": \"switchboard-config\",\n"
                                                "  \"version\": 1,,\n}\n")
                                  << 3 << 16;
    QTest::newRow("missing comma between keys")
        << QByteArray("{\n  \"format\": \"switchboard-config\"\n  \"version\": 1\n}\n") << 3 << 3;
    QTest::newRow("unterminated object")
        << QByteArray("{\"format\": \"switchboard-config\"") << 1 << 32;
    QTest::newRow("column counts characters, not bytes")
        << QByteArray("{\"name\": \"Zoë Ärger\", x}") << 1 << 23;
    QTest::newRow("garbage after the document") << QByteArray("{}\n\n  x") << 3 << 3;
}

void TestConfigDocument::malformedJsonSaysWhere()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    const ReadResult read = readConfigDocument(text);
    QVERIFY(!read.isJson);
    QCOMPARE(read.findings.size(), 1);
    const Finding &f = read.findings.first();
    QCOMPARE(f.rule, u"not-json"_s);
    QVERIFY(f.isError());
    const QString where = u"line %1, column %2"_s.arg(line).arg(column);
    QVERIFY2(f.message.contains(where), qPrintable(f.message + u" -- expected "_s + where));
}

void TestConfigDocument::structuralErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("rule");
    QTest::newRow("array at the top") << QByteArray("[]") << QString() << u"wrong-type"_s;
    QTest::newRow("users not a list")
        << QByteArray(R"({"format": "switchboard-config", "version": 1, "users": {}})")
        << u"users"_s << u"wrong-type"_s;
    QTest::newRow("unknown key in a number")
        << QByteArray(R"({"format": "switchboard-config", "version": 1,
                         "numbers": [{"number": "+15125550100", "flow": null, "owner": "x"}]})")
        << u"numbers[0].owner"_s << u"unknown-key"_s;
    QTest::newRow("next not an id")
        << QByteArray(R"({"format": "switchboard-config", "version": 1, "flows": [{"id": "f",
              "voice": {"start": "a", "applets": {"a": {"type": "greeting", "next": {"next": 3}}}}}]})")
        << u"flows[0].voice.applets.a.next.next"_s << u"wrong-type"_s;
    QTest::newRow("version as text")
        << QByteArray(R"({"format": "switchboard-config", "version": "1"})") << u"version"_s
        << u"version"_s;
}

void TestConfigDocument::structuralErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QString, rule);
    const Findings findings = validateConfigDocument(text);
    QVERIFY(!findings.isEmpty());
    QCOMPARE(findings.first().path, path);
    QCOMPARE(findings.first().rule, rule);
    QVERIFY(findings.first().isError());
}

void TestConfigDocument::byteOrderMarkIsAccepted()
{
    const QByteArray document = "\xEF\xBB\xBF" + writeConfigDocument(demoOrganization());
    const ReadResult read = readConfigDocument(document);
    QVERIFY(read.findings.isEmpty());
    QVERIFY(read.organization == demoOrganization());
}

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_configdocument.moc"
