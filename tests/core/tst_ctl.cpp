// switchboardctl as a script would run it: the real executable, real files and databases,
// its output and exit codes.

#include "api/vocabulary.h"
#include "backend/backendclient.h"
#include "backend/ctlsessions.h"
#include "config/configdocument.h"
#include "demo/demoorganization.h"
#include "fakecarrier.h"
#include "routerdprocess.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run ctl(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(SWITCHBOARDCTL_PATH), arguments);
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        qFatal("switchboardctl did not finish");
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

class TestCtl : public QObject
{
    Q_OBJECT

private slots:
    void validateAcceptsTheDemo();
    void validatePrintsOneFindingPerLine();
    void validateSaysWhereJsonIsBroken();
    void validateRefusesNamesTakenTwice();
    void validateReadsStandardInput();
    void importThenExportIsByteIdentical();
    void importWithErrorsChangesNothing();
    void exportWithoutDatabaseFails();
    void exportOfBrokenDatabaseSaysWhy();
    void usageErrors_data();
    void usageErrors();
    void germanMessagesWithLang();
    void simulate_data();
    void simulate();
    void simulateTakesTheOrganizationsZoneNotTheComputers();
    void simulateRefusesBadInput_data();
    void simulateRefusesBadInput();
    void pushSendsAndRemembersTheRevision();
    void loginKeepsASessionForPush();
    void carrierNumbersAndWire();
    void carrierWithoutACarrierAccount();

private:
    QTemporaryDir m_dir;
};

void TestCtl::validateAcceptsTheDemo()
{
    const QString file = m_dir.filePath(u"demo.json"_s);
    QVERIFY(writeFile(file, writeConfigDocument(demoOrganization())));
    const Run run = ctl({u"validate"_s, file});
    QCOMPARE(run.exitCode, 0);
    // Only the deliberately unrouted number is worth a look.
    QCOMPARE(run.out.trimmed().split('\n').size(), 1);
    QVERIFY2(run.out.startsWith("warning numbers[2].flow: +15125550120 has no flow"),
             run.out.constData());
    QVERIFY2(run.err.contains(u"0 errors, 1 warning"_s), qPrintable(run.err));
}

void TestCtl::validatePrintsOneFindingPerLine()
{
    const QString file = m_dir.filePath(u"broken.json"_s);
    QByteArray text = Test::readFile(Test::dataPath(u"validation/base.json"_s));
    text.replace("\"timeout\": 5", "\"timeout\": 45");
    text.replace("\"label\": \"Main line\", \"flow\": \"main\"",
                 "\"label\": \"Main line\", \"flow\": null");
    QVERIFY(writeFile(file, text));
    const Run run = ctl({u"validate"_s, file});
    QCOMPARE(run.exitCode, 1);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith("error flows[0].voice.applets.menu.config.timeout: "),
             lines.at(0).constData());
    QVERIFY(lines.at(0).contains("45"));
    QVERIFY2(lines.at(1).startsWith("warning numbers[0].flow: "), lines.at(1).constData());
    QVERIFY2(lines.at(2).startsWith("warning flows[0]: "), lines.at(2).constData());
    QVERIFY2(run.err.contains(u"1 error, 2 warnings"_s), qPrintable(run.err));
}

// The console's dialogs refuse a taken group or flow name; a document edited by hand meets
// the same rule here, so that import refuses what the console would.
void TestCtl::validateRefusesNamesTakenTwice()
{
    const QString file = m_dir.filePath(u"names.json"_s);
    Organization org = demoOrganization();
    Group copy = org.groups.first();
    copy.id = u"sales-2"_s;
    copy.name = copy.name.toUpper();
    org.groups.append(copy);
    Flow flow = org.flows.first();
    flow.id = u"main-2"_s;
    flow.name = u"  main LINE "_s;
    org.flows.append(flow);
    QVERIFY(writeFile(file, writeConfigDocument(org)));
    const Run run = ctl({u"validate"_s, file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("error groups[2].name: "), run.out.constData());
    QVERIFY2(run.out.contains("error flows[2].name: "), run.out.constData());

    const QString database = m_dir.filePath(u"names.sqlite"_s);
    const Run import = ctl({u"import"_s, u"--database"_s, database, file});
    QCOMPARE(import.exitCode, 1);
}

void TestCtl::validateSaysWhereJsonIsBroken()
{
    const QString file = m_dir.filePath(u"notjson.json"_s);
    QVERIFY(writeFile(file, "{\n  \"format\": \"switchboard-config\"\n  \"version\": 1\n}\n"));
    const Run run = ctl({u"validate"_s, file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.startsWith("error (document): This is not valid JSON: "), run.out.constData());
    QVERIFY2(run.out.contains("line 3, column 3"), run.out.constData());
}

void TestCtl::validateReadsStandardInput()
{
    const Run run = ctl({u"validate"_s, u"-"_s}, writeConfigDocument(demoOrganization()));
    QCOMPARE(run.exitCode, 0);
}

void TestCtl::importThenExportIsByteIdentical()
{
    const QString db = m_dir.filePath(u"roundtrip.sqlite"_s);
    const QString file = m_dir.filePath(u"in.json"_s);
    const QByteArray document = writeConfigDocument(
        readConfigDocument(Test::readFile(Test::dataPath(u"validation/base.json"_s))).organization);
    QVERIFY(writeFile(file, document));
    Run run = ctl({u"import"_s, u"--database"_s, db, file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"3 users"_s), qPrintable(run.err));

    run = ctl({u"export"_s, u"--database"_s, db});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, document);

    const QString out = m_dir.filePath(u"out.json"_s);
    run = ctl({u"export"_s, u"--database"_s, db, out});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(Test::readFile(out), document);
}

void TestCtl::importWithErrorsChangesNothing()
{
    const QString db = m_dir.filePath(u"keep.sqlite"_s);
    const QString good = m_dir.filePath(u"good.json"_s);
    const QString bad = m_dir.filePath(u"bad.json"_s);
    const QByteArray document = writeConfigDocument(demoOrganization());
    QVERIFY(writeFile(good, document));
    QByteArray broken = document;
    broken.replace("\"ring_seconds\": 20", "\"ring_seconds\": 2");
    QVERIFY(writeFile(bad, broken));
    QCOMPARE(ctl({u"import"_s, u"--database"_s, db, good}).exitCode, 0);

    const Run run = ctl({u"import"_s, u"--database"_s, db, bad});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("ring_seconds"), run.out.constData());
    QVERIFY2(run.err.contains(u"Nothing was imported"_s), qPrintable(run.err));
    QCOMPARE(ctl({u"export"_s, u"--database"_s, db}).out, document);
}

void TestCtl::exportWithoutDatabaseFails()
{
    const Run run = ctl({u"export"_s, u"--database"_s, m_dir.filePath(u"missing.sqlite"_s)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"There is no database at"_s), qPrintable(run.err));
    QVERIFY(!QFile::exists(m_dir.filePath(u"missing.sqlite"_s)));
}

void TestCtl::exportOfBrokenDatabaseSaysWhy()
{
    const QString db = m_dir.filePath(u"broken.sqlite"_s);
    QVERIFY(writeFile(db, QByteArray(4096, 'x')));
    const Run run = ctl({u"export"_s, u"--database"_s, db});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"is not a database Switchboard can use"_s), qPrintable(run.err));
    QCOMPARE(Test::readFile(db), QByteArray(4096, 'x'));
}

void TestCtl::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    QTest::newRow("no command") << QStringList() << u"No command given"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"Unknown command"_s;
    QTest::newRow("validate without file")
        << QStringList{u"validate"_s} << u"validate takes one file"_s;
    QTest::newRow("unreadable file") << QStringList{u"validate"_s, u"/nonexistent/x.json"_s}
                                     << u"Cannot read /nonexistent/x.json"_s;
    QTest::newRow("unknown option")
        << QStringList{u"validate"_s, u"--colour"_s, u"x"_s} << u"colour"_s;
}

void TestCtl::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const Run run = ctl(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
}

void TestCtl::germanMessagesWithLang()
{
    const QString file = m_dir.filePath(u"demo-de.json"_s);
    QVERIFY(writeFile(file, writeConfigDocument(demoOrganization())));
    const Run run = ctl({u"--lang"_s, u"de"_s, u"validate"_s, file});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("hat keinen Ablauf"), run.out.constData());
    QVERIFY2(run.err.contains(u"0 Fehler, 1 Warnung"_s), qPrintable(run.err));
}

void TestCtl::simulate_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("lines"); // each must appear, in this order
    QTest::addColumn<QString>("ending");
    // The demo: hours -> menu (1 sales, 2 support) -> dial a group -> voicemail.
    const QStringList call{u"--to"_s, u"+15125550100"_s, u"--from"_s, u"+15125559999"_s};
    QTest::newRow("open, key 1, nobody answers")
        << call + QStringList{u"--at"_s, u"2026-11-23T10:00"_s, u"--digits"_s,
                              u"1"_s,    u"--answer"_s,         u"none"_s}
        << QStringList{u"1. Hours \"Office hours\": open (Mon 2026-11-23 10:00 America/Chicago)."_s,
                       u"3. The caller pressed 1."_s,
                       u"4. Dial \"Ring Sales\", step 1: rings Nancy Ortiz for 20 s."_s,
                       u"6. Dial \"Ring Sales\", step 1: rings Johan Berg for 20 s."_s,
                       u"Voicemail \"Sales voicemail\" says \"Please leave a message after the tone.\""_s,
                       u"A voicemail of 12 s for Sales."_s}
        << u"The call ended."_s;
    QTest::newRow("an offset in --at: 10:00 UTC is 04:00 in Chicago")
        << call + QStringList{u"--at"_s, u"2026-11-23T10:00:00Z"_s}
        << QStringList{u"1. Hours \"Office hours\": closed (Mon 2026-11-23 04:00 America/Chicago)."_s}
        << u"The call ended."_s;
    QTest::newRow("someone answers")
        << call + QStringList{u"--at"_s, u"2026-11-23T10:00"_s, u"--digits"_s,
                              u"1"_s,    u"--answer"_s,         u"johan"_s}
        << QStringList{u"rings Nancy Ortiz"_s, u"rings Johan Berg"_s, u"Johan Berg answers."_s,
                       u"Answered; the call ends when they hang up."_s}
        << u"The call ended."_s;
    QTest::newRow("an unavailable user is not rung")
        << call + QStringList{u"--at"_s, u"2026-11-23T10:00"_s, u"--digits"_s,
                              u"1"_s,    u"--unavailable"_s,    u"nancy,vald"_s}
        << QStringList{u"4. Dial \"Ring Sales\", step 1: rings Johan Berg for 20 s."_s,
                       u"6. Dial \"Ring Sales\": nobody answered."_s}
        << u"The call ended."_s;
    QTest::newRow("an invalid key, then silence")
        << call + QStringList{u"--at"_s, u"2026-11-23T10:00"_s, u"--digits"_s, u"7"_s}
        << QStringList{u"The caller pressed 7, which is not a choice."_s,
                       u"asks again (try 2 of 3)."_s, u"No key was pressed."_s,
                       u"no valid key after 3 tries."_s}
        << u"The call ended."_s;
    QTest::newRow("a number without a flow")
        << QStringList{u"--to"_s, u"+15125550120"_s, u"--from"_s, u"+15125559999"_s}
        << QStringList{u"1. Rejected: +15125550120 has no flow."_s} << u"The call was refused."_s;
    QTest::newRow("a text") << QStringList{u"--to"_s,         u"+15125550110"_s, u"--from"_s,
                                           u"+15125559999"_s, u"--text"_s,       u"hello"_s}
                            << QStringList{u"Replies"_s, u"Kept in the inbox of Support."_s}
                            << u"Kept in an inbox."_s;
}

void TestCtl::simulate()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, lines);
    QFETCH(QString, ending);
    const QString file = m_dir.filePath(u"simulate.json"_s);
    QVERIFY(writeFile(file, writeConfigDocument(demoOrganization())));
    const Run run = ctl(QStringList{u"simulate"_s, u"--config"_s, file} + arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString out = QString::fromUtf8(run.out);
    qsizetype at = 0;
    for (const QString &line : lines) {
        const qsizetype found = out.indexOf(line, at);
        QVERIFY2(found >= 0, qPrintable(u"\"%1\" not in order in:\n%2"_s.arg(line, out)));
        at = found + line.size();
    }
    QVERIFY2(out.endsWith(u"\n"_s + ending + u"\n"_s), qPrintable(out));
}

// --at without an offset is the organization's time; an organization without a zone is on
// UTC, as its hours applets are, whatever zone the computer running switchboardctl is in.
void TestCtl::simulateTakesTheOrganizationsZoneNotTheComputers()
{
    Organization org = demoOrganization();
    org.timezone.clear();
    const QString file = m_dir.filePath(u"simulate-utc.json"_s);
    QVERIFY(writeFile(file, writeConfigDocument(org)));
    const std::optional<QByteArray> tz =
        qEnvironmentVariableIsSet("TZ") ? std::optional(qgetenv("TZ")) : std::nullopt;
    qputenv("TZ", "Europe/Berlin"); // for the child process
    const Run run = ctl({u"simulate"_s, u"--config"_s, file, u"--to"_s, u"+15125550100"_s,
                         u"--from"_s, u"+15125559999"_s, u"--at"_s, u"2026-11-23T10:00"_s});
    if (tz)
        qputenv("TZ", *tz);
    else
        qunsetenv("TZ");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("1. Hours \"Office hours\": open (Mon 2026-11-23 10:00 UTC)."),
             run.out.constData());
}

void TestCtl::simulateRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    const QStringList call{u"--to"_s, u"+15125550100"_s, u"--from"_s, u"+15125559999"_s};
    QTest::newRow("no --to") << QStringList{u"--from"_s, u"+15125559999"_s} << 2
                             << u"--to NUMBER and --from NUMBER"_s;
    QTest::newRow("bad --at") << call + QStringList{u"--at"_s, u"tomorrow"_s} << 2
                              << u"\"tomorrow\""_s;
    QTest::newRow("unknown answering user")
        << call + QStringList{u"--answer"_s, u"zed"_s} << 2 << u"no user \"zed\""_s;
    QTest::newRow("a positional argument")
        << call + QStringList{u"extra"_s} << 2 << u"simulate takes options only"_s;
}

void TestCtl::simulateRefusesBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const QString file = m_dir.filePath(u"simulate-bad.json"_s);
    QVERIFY(writeFile(file, writeConfigDocument(demoOrganization())));
    const Run run = ctl(QStringList{u"simulate"_s, u"--config"_s, file} + arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

    // A document with errors is not simulated.
    QByteArray broken = writeConfigDocument(demoOrganization());
    broken.replace("\"timeout\": 5", "\"timeout\": 99");
    QVERIFY(writeFile(file, broken));
    const Run refused = ctl({u"simulate"_s, u"--config"_s, file, u"--to"_s, u"+15125550100"_s,
                             u"--from"_s, u"+15125559999"_s});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains("timeout"), refused.out.constData());
    QVERIFY2(refused.err.contains(u"Nothing was simulated"_s), qPrintable(refused.err));
}

void TestCtl::loginKeepsASessionForPush()
{
    Test::RouterdProcess routerd;
    QVERIFY2(routerd.start(m_dir.filePath(u"login-routerd.sqlite"_s)), routerd.log().constData());
    QString error;
    const QString database = m_dir.filePath(u"login.sqlite"_s);
    {
        auto db = Database::open(database, &error);
        QVERIFY2(db, qPrintable(error));
        OrganizationStore store(*db);
        QVERIFY(store.prepare(&error) && store.replace(demoOrganization(), &error));
    }
    // The admin pushes the demo and sets Johan's (a manager's) password.
    BackendClient admin;
    admin.setSettings({QUrl(routerd.base), Test::adminToken, {}, {}});
    QVERIFY(admin.sendAndWait("PUT", u"/api/v1/config"_s, writeConfigDocument(demoOrganization()))
                .ok());
    QVERIFY(admin
                .sendAndWait("PUT", Api::passwordPath(u"johan"_s),
                             QJsonDocument(Api::passwordChange({}, u"johans password"_s)).toJson())
                .ok());
    const QStringList login{u"login"_s,
                            u"--backend"_s,
                            routerd.base,
                            u"--user"_s,
                            u"JOHAN@acme-realty.example"_s,
                            u"--password-file"_s,
                            u"-"_s};
    Run run = ctl(login, "not it\n");
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"Not signed in: That login and password do not match."_s),
             qPrintable(run.err));
    run = ctl(login, "johans password\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("as johan (manager)"), run.out.constData());
    const QString kept = CtlSessions::path(QUrl(routerd.base));
    QVERIFY(QFile::exists(kept));
    // Readable by this user only: no group or other bits.
    QVERIFY(QFile::permissions(kept) & QFile::ReadOwner);
    QCOMPARE(int(QFile::permissions(kept) & 0x0077), 0);

    // push without --token-file takes the session: a manager's push, recorded as his.
    const QStringList push{u"push"_s,      u"--database"_s, database,
                           u"--backend"_s, routerd.base,    u"--overwrite"_s};
    run = ctl(push);
    QVERIFY2(run.exitCode == 0 && run.err.contains(u"revision 2."_s), qPrintable(run.err));
    const QJsonArray revisions =
        QJsonDocument::fromJson(admin.sendAndWait("GET", u"/api/v1/config/revisions"_s).body)
            .array();
    QCOMPARE(revisions.first().toObject().value(u"pushed_by").toString(), u"johan"_s);

    // logout ends it, here and there; push then says how to sign in.
    const QByteArray token = Test::readFile(kept).trimmed();
    run = ctl({u"logout"_s, u"--backend"_s, routerd.base});
    QVERIFY2(run.exitCode == 0 && run.out.contains("Signed out"), run.out.constData());
    QVERIFY(!QFile::exists(kept));
    BackendClient old;
    old.setSettings({QUrl(routerd.base), token, {}, {}});
    QCOMPARE(old.sendAndWait("GET", u"/api/v1/me"_s).status, 401);
    run = ctl(push);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"switchboardctl login"_s), qPrintable(run.err));
}

void TestCtl::pushSendsAndRemembersTheRevision()
{
    Test::RouterdProcess routerd;
    QVERIFY2(routerd.start(m_dir.filePath(u"push-routerd.sqlite"_s)), routerd.log().constData());
    const QString token = m_dir.filePath(u"token"_s);
    QVERIFY(writeFile(token, Test::adminToken + "\n"));
    // Two databases holding the demo, as two admins' consoles would.
    QString error;
    for (const QString &name : {u"push-a.sqlite"_s, u"push-b.sqlite"_s}) {
        auto db = Database::open(m_dir.filePath(name), &error);
        QVERIFY2(db, qPrintable(error));
        OrganizationStore store(*db);
        QVERIFY(store.prepare(&error) && store.replace(demoOrganization(), &error));
    }
    const QStringList a{u"push"_s,         u"--database"_s, m_dir.filePath(u"push-a.sqlite"_s),
                        u"--token-file"_s, token,           u"--backend"_s,
                        routerd.base};
    const QStringList b{u"push"_s,         u"--database"_s, m_dir.filePath(u"push-b.sqlite"_s),
                        u"--token-file"_s, token,           u"--backend"_s,
                        routerd.base};

    Run run = ctl(a);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"revision 1."_s), qPrintable(run.err));
    QVERIFY(run.out.contains("warning numbers[2].flow")); // warnings listed, and pushed anyway
    // The URL kept in the database (which others may share) never decides where the token
    // goes: without --backend nothing is sent.
    run = ctl(a.mid(0, a.size() - 2));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"--backend"_s), qPrintable(run.err));
    // With it, the revision kept for that backend is what the push is based on.
    run = ctl(a);
    QVERIFY2(run.exitCode == 0 && run.err.contains(u"revision 2."_s), qPrintable(run.err));

    // Another database never pushed here: a conflict, shown, and nothing pushed.
    run = ctl(b);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(
        run.out.contains("holds a configuration this database never pushed: Acme Realty: 5 users"),
        run.out.constData());
    QVERIFY(run.err.contains(u"--overwrite"_s));
    run = ctl(b + QStringList{u"--overwrite"_s});
    QVERIFY2(run.exitCode == 0 && run.err.contains(u"revision 3."_s), qPrintable(run.err));
    // Now a's revision 2 is stale: what changed since is listed (nothing but the push itself).
    run = ctl(a);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains(
                 "Changed on the backend since revision 2: nothing, the same configuration"),
             run.out.constData());
    // b changes a group and pushes; a hears exactly that.
    {
        auto db = Database::open(m_dir.filePath(u"push-b.sqlite"_s), &error);
        OrganizationStore store(*db);
        Organization changed = demoOrganization();
        changed.groups[0].name = u"Sales floor"_s;
        QVERIFY(store.prepare(&error) && store.replace(changed, &error));
    }
    run = ctl(b);
    QVERIFY2(run.exitCode == 0 && run.err.contains(u"revision 4."_s), qPrintable(run.err));
    run = ctl(a);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains("Changed on the backend since revision 2:\nGroups\n  Changed Sales "
                              "floor: renamed from Sales\n"),
             run.out.constData());

    // No token file, an unreachable backend: clear errors, exit 2.
    run = ctl({u"push"_s, u"--database"_s, m_dir.filePath(u"push-a.sqlite"_s), u"--backend"_s,
               routerd.base});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(u"--token-file"_s));
    QCOMPARE(routerd.stop(), 0);
    run = ctl(a);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"unreachable"_s), qPrintable(run.err));
}

void TestCtl::carrierNumbersAndWire()
{
    Test::FakeCarrier carrier(Test::carrierToken);
    QString error;
    QVERIFY2(carrier.start(&error), qPrintable(error));
    Test::RouterdProcess routerd;
    QVERIFY2(routerd.start(m_dir.filePath(u"carrier-routerd.sqlite"_s),
                           {u"--carrier-account-sid"_s, Test::carrierAccountSid,
                            u"--carrier-api-url"_s, carrier.url()}),
             routerd.log().constData());
    BackendClient admin;
    admin.setSettings({QUrl(routerd.base), Test::adminToken, {}, {}});
    QVERIFY(admin.sendAndWait("PUT", u"/api/v1/config"_s, writeConfigDocument(demoOrganization()))
                .ok());
    // The demo routes the main and the support line; the account also has a spare number.
    const QString voice = routerd.base + u"/twilio/voice"_s;
    const QString sms = routerd.base + u"/twilio/sms"_s;
    carrier.addNumber(u"+15125550100"_s, u"Acme main"_s, voice, sms);
    carrier.addNumber(u"+15125550110"_s, u"Support"_s, u"https://old.example/voice"_s, {});
    carrier.addNumber(u"+15125550199"_s, u"Spare"_s);
    const QString tokenFile = m_dir.filePath(u"carrier-admin-token"_s);
    QVERIFY(writeFile(tokenFile, Test::adminToken + '\n'));
    const QStringList as{u"--backend"_s, routerd.base, u"--token-file"_s, tokenFile};

    Run run = ctl(QStringList{u"carrier"_s, u"numbers"_s} + as);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    // Columns as wide as their widest entry.
    QCOMPARE(lines.at(0), QByteArray("+15125550100  Acme main  wired"));
    QCOMPARE(lines.at(1), QByteArray("+15125550110  Support    points elsewhere (calls: "
                                     "https://old.example/voice, texts: nowhere)"));
    QVERIFY(lines.at(2).startsWith("+15125550199  Spare      points elsewhere"));
    QVERIFY2(run.err.contains(u"3 numbers in the carrier account"_s) && run.err.contains(voice),
             qPrintable(run.err));

    // Named numbers: one routed, one the configuration does not route (skipped: exit 1).
    run = ctl(QStringList{u"carrier"_s, u"wire"_s} + as +
              QStringList{u"+15125550110"_s, u"+15125550199"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("wired +15125550110\n"), run.out.constData());
    QVERIFY2(run.out.contains("skipped +15125550199: The current configuration does not route it."),
             run.out.constData());
    QVERIFY2(run.err.contains(u"1 number wired, 1 skipped."_s), qPrintable(run.err));
    for (const Test::FakeCarrier::Number &n : carrier.numbers()) {
        if (n.number == u"+15125550110")
            QCOMPARE(n.voiceUrl, voice);
        if (n.number == u"+15125550199")
            QVERIFY(n.voiceUrl.isEmpty());
    }

    // None named: every number the configuration routes; all there, nothing skipped.
    run = ctl(QStringList{u"carrier"_s, u"wire"_s} + as);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + QString::fromUtf8(run.out)));
    QCOMPARE(run.out, QByteArray("wired +15125550100\nwired +15125550110\n"));
    run = ctl(QStringList{u"carrier"_s, u"numbers"_s} + as);
    QVERIFY(run.out.split('\n').at(1).endsWith("  wired"));

    // Asked wrongly: exit 2, nothing sent.
    const int asked = int(carrier.requests().size());
    for (const QStringList &wrong :
         {QStringList{u"carrier"_s} + as, QStringList{u"carrier"_s, u"dial"_s} + as,
          QStringList{u"carrier"_s, u"wire"_s, u"5550100"_s} + as,
          QStringList{u"carrier"_s, u"numbers"_s, u"+15125550100"_s} + as,
          QStringList{u"carrier"_s, u"numbers"_s}}) {
        run = ctl(wrong);
        QVERIFY2(run.exitCode == 2, qPrintable(wrong.join(u' ')));
        QVERIFY(!run.err.isEmpty());
    }
    QCOMPARE(int(carrier.requests().size()), asked);

    // A manager lists the numbers (with the session of a login) but may not wire them.
    QVERIFY(admin
                .sendAndWait("PUT", Api::passwordPath(u"johan"_s),
                             QJsonDocument(Api::passwordChange({}, u"johans password"_s)).toJson())
                .ok());
    run = ctl({u"login"_s, u"--backend"_s, routerd.base, u"--user"_s, u"johan"_s,
               u"--password-file"_s, u"-"_s},
              "johans password\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = ctl({u"carrier"_s, u"numbers"_s, u"--backend"_s, routerd.base});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed().split('\n').size(), 3);
    run = ctl({u"carrier"_s, u"wire"_s, u"--backend"_s, routerd.base});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"Only admins may wire numbers."_s), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(ctl({u"logout"_s, u"--backend"_s, routerd.base}).exitCode, 0);
}

void TestCtl::carrierWithoutACarrierAccount()
{
    Test::RouterdProcess routerd;
    QVERIFY2(routerd.start(m_dir.filePath(u"no-carrier-routerd.sqlite"_s)),
             routerd.log().constData());
    const QString tokenFile = m_dir.filePath(u"no-carrier-admin-token"_s);
    QVERIFY(writeFile(tokenFile, Test::adminToken));
    for (const QString &what : {u"numbers"_s, u"wire"_s}) {
        const Run run =
            ctl({u"carrier"_s, what, u"--backend"_s, routerd.base, u"--token-file"_s, tokenFile});
        QCOMPARE(run.exitCode, 2);
        // The backend's sentence: what to configure.
        QVERIFY2(run.err.contains(u"409"_s) && run.err.contains(u"--carrier-account-sid"_s),
                 qPrintable(run.err));
    }
}

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
