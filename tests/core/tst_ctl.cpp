// switchboardctl as a script would run it: the real executable, real files and databases,
// its output and exit codes.

#include "config/configdocument.h"
#include "demo/demoorganization.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "testsupport.h"

#include <QFile>
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
    void validateReadsStandardInput();
    void importThenExportIsByteIdentical();
    void importWithErrorsChangesNothing();
    void exportWithoutDatabaseFails();
    void exportOfBrokenDatabaseSaysWhy();
    void usageErrors_data();
    void usageErrors();
    void germanMessagesWithLang();

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

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
