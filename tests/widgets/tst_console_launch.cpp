// The real console executable starts offscreen on a new database, shows its main window with
// the demo organization, and exits cleanly (the CI smoke launch).

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestConsoleLaunch : public QObject
{
    Q_OBJECT

private slots:
    void startsOnANewDemoDatabase();
    void refusesABrokenDatabaseClearly();
};

void TestConsoleLaunch::startsOnANewDemoDatabase()
{
    QTemporaryDir dir;
    QProcess console;
    console.start(QStringLiteral(SWITCHBOARD_PATH),
                  {u"--self-test"_s, u"--database"_s, dir.filePath(u"new.sqlite"_s)});
    QVERIFY(console.waitForFinished(60000));
    const QByteArray out = console.readAllStandardOutput();
    QCOMPARE(console.exitStatus(), QProcess::NormalExit);
    QVERIFY2(console.exitCode() == 0, QByteArray(out + console.readAllStandardError()).constData());
    QVERIFY2(out.contains("main window shown") && out.contains("Switchboard") &&
                 out.contains("5 users"),
             out.constData());
}

void TestConsoleLaunch::refusesABrokenDatabaseClearly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.sqlite"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, 'z'));
    file.close();
    QProcess console;
    console.start(QStringLiteral(SWITCHBOARD_PATH), {u"--self-test"_s, u"--database"_s, path});
    QVERIFY(console.waitForFinished(60000));
    QCOMPARE(console.exitCode(), 2);
    QVERIFY(console.readAllStandardError().contains("not a database Switchboard can use"));
}

QTEST_GUILESS_MAIN(TestConsoleLaunch)
#include "tst_console_launch.moc"
