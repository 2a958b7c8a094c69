// The console and a real switchboard-routerd on loopback: backend settings (the token in the
// keychain's fallback file, mode 0600, never in the database), Push with its three ways out of
// a conflict, a push while the backend is down and again once it is up, the status bar, and
// TLS with a custom certificate authority.

#include "backend/backendconnection.h"
#include "backend/credentialstore.h"
#include "backend/pushcontroller.h"
#include "backend/signindialog.h"
#include "config/configdocument.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "i18n/language.h"
#include "routerdprocess.h"
#include "shell/mainwindow.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {

// Answers the controller's questions as a test script says, and remembers what it was shown.
class ScriptedInteraction : public PushInteraction
{
public:
    QList<Resolution> resolutions; // one per conflict question
    bool acceptWarningsAnswer = true;
    QString exportTo;
    int errorsShown = 0;
    int warningsShown = 0;
    QList<PushConflict> conflicts;
    QStringList failures;
    QStringList refusals;
    QStringList progressShown;

    void showErrors(const Findings &errors) override { errorsShown += int(errors.size()); }
    bool acceptWarnings(const Findings &warnings) override
    {
        warningsShown += int(warnings.size());
        return acceptWarningsAnswer;
    }
    Resolution resolveConflict(const PushConflict &conflict) override
    {
        conflicts.append(conflict);
        return resolutions.isEmpty() ? Resolution::Cancel : resolutions.takeFirst();
    }
    QString exportPath() override { return exportTo; }
    void showRefused(const QString &message, const QStringList &) override
    {
        refusals.append(message);
    }
    void showFailure(const QString &message) override { failures.append(message); }
    void progress(const QString &text) override
    {
        if (!text.isEmpty())
            progressShown.append(text);
    }
};

// The file's permission bits, as the system has them.
int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

// The settings dialog's fields, found by their names.
QLineEdit *urlEdit(const SignInDialog *dialog)
{
    return child<QLineEdit>(dialog, u"urlEdit"_s);
}
QLineEdit *tokenEdit(const SignInDialog *dialog)
{
    return child<QLineEdit>(dialog, u"tokenEdit"_s);
}
QCheckBox *adminTokenCheck(const SignInDialog *dialog)
{
    return child<QCheckBox>(dialog, u"adminTokenCheck"_s);
}
QLabel *resultLabel(const SignInDialog *dialog)
{
    return child<QLabel>(dialog, u"resultLabel"_s);
}

QString changeLines(const PushConflict &conflict)
{
    QStringList lines;
    for (const ChangeSection &s : conflict.changes) {
        for (const QString &l : s.lines)
            lines.append(s.title + u": "_s + l);
    }
    return lines.join(u'\n');
}

} // namespace

class TestBackend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void settingsKeepTheTokenOutOfTheDatabase();
    void returnAfterATestSignsIn();
    void pushThenStatusFollowsEdits();
    void conflictOverwriteWithOurs();
    void conflictReloadTheirs();
    void conflictExportOurs();
    void conflictCancelChangesNothing();
    void errorsBlockAndWarningsAsk();
    void pushWhileTheBackendIsDownThenUp();
    void tlsWithACustomCertificateAuthority();
    void withoutAKeychainServiceTheFileIsUsed();
    void aWrongTokenIsNotCalledAnUnreachableBackend();

private:
    bool configure(const QString &base);
    PushController::Outcome push();
    // Another console pushes `organization` over whatever the backend holds.
    int pushFromElsewhere(const Organization &organization);
    QByteArray backendDocument();

    QTemporaryDir *m_dir = nullptr;
    RouterdProcess *m_routerd = nullptr;
    MainWindow *m_window = nullptr;
    ScriptedInteraction *m_script = nullptr;
    OrganizationDocument *doc() const { return m_window->document(); }
    BackendConnection *connection() const { return m_window->backendConnection(); }
};

void TestBackend::initTestCase()
{
    installTranslations(u"en"_s);
    QStandardPaths::setTestModeEnabled(true);
    // No keychain daemon runs in the tests: the fallback file is what is under test.
    qputenv("SWITCHBOARD_KEYCHAIN", "off");
}

void TestBackend::init()
{
    m_dir = new QTemporaryDir;
    m_routerd = new RouterdProcess;
    QVERIFY2(m_routerd->start(m_dir->filePath(u"routerd.sqlite"_s)), m_routerd->log().constData());
    QString error;
    // Test::smallOrganization(): Sales is the first group (nancy, johan, vald), Support the
    // second; nancy the first user; one number without a flow (a warning).
    auto document =
        Test::openDocument(m_dir->filePath(u"console.sqlite"_s), Test::smallOrganization(), &error);
    QVERIFY2(document, qPrintable(error));
    m_window = new MainWindow(std::move(document));
    auto script = std::make_unique<ScriptedInteraction>();
    m_script = script.get();
    m_window->pushController()->setInteraction(std::move(script));
}

void TestBackend::cleanup()
{
    if (QTest::currentTestFailed() && m_routerd)
        qWarning("routerd's log:\n%s", m_routerd->log().constData());
    if (m_window) {
        CredentialStore::remove(connection()->settings().url.toString());
        doc()->undoStack()->setClean(); // no "save changes?" on the way out
    }
    delete m_window;
    m_window = nullptr;
    delete m_routerd;
    m_routerd = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

bool TestBackend::configure(const QString &base)
{
    QString error;
    if (!connection()->configure({QUrl(base), adminToken, {}, {}}, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return QTest::qWaitFor(
        [this] { return connection()->state() != BackendConnection::State::Checking; }, 10000);
}

PushController::Outcome TestBackend::push()
{
    QSignalSpy finished(m_window->pushController(), &PushController::finished);
    m_window->pushAction()->trigger();
    if (finished.isEmpty() && !finished.wait(15000))
        qFatal("the push did not finish");
    return finished.first().first().value<PushController::Outcome>();
}

int TestBackend::pushFromElsewhere(const Organization &organization)
{
    BackendClient other;
    other.setSettings({QUrl(m_routerd->base), adminToken, {}, {}});
    const int current = other.sendAndWait("GET", u"/healthz"_s).object().value(u"revision").toInt();
    const BackendResponse r =
        other.sendAndWait("PUT", u"/api/v1/config"_s, writeConfigDocument(organization),
                          {{"If-Match", '"' + QByteArray::number(current) + '"'}});
    return r.ok() ? r.object().value(u"revision").toInt() : -1;
}

QByteArray TestBackend::backendDocument()
{
    BackendClient client;
    client.setSettings({QUrl(m_routerd->base), adminToken, {}, {}});
    return client.sendAndWait("GET", u"/api/v1/config"_s).body;
}

void TestBackend::settingsKeepTheTokenOutOfTheDatabase()
{
    // First setup: no one has a password yet, so the admin signs in with the admin token.
    auto *dialog = new SignInDialog(connection(), m_window);
    urlEdit(dialog)->setText(m_routerd->base);
    QVERIFY(!tokenEdit(dialog)->isVisibleTo(dialog));
    adminTokenCheck(dialog)->setChecked(true);
    QVERIFY(tokenEdit(dialog)->isVisibleTo(dialog));
    tokenEdit(dialog)->setText(QString::fromLatin1(adminToken));
    dialog->testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(resultLabel(dialog)->text().startsWith(u"Connected"_s), 10000);
    tokenEdit(dialog)->setText(u"wrong-token"_s);
    dialog->testConnection();
    QTRY_VERIFY_WITH_TIMEOUT(
        resultLabel(dialog)->text().contains(u"did not accept these credentials"_s), 10000);
    tokenEdit(dialog)->setText(QString::fromLatin1(adminToken));
    dialog->accept();
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QTRY_COMPARE_WITH_TIMEOUT(connection()->state(), BackendConnection::State::Connected, 10000);
    QCOMPARE(m_window->backendLabel()->text(),
             u"Backend: connected at revision 0 — unpushed changes"_s);
    QCOMPARE(m_window->identityLabel()->text(), u"Signed in with the admin token"_s);
    QVERIFY(m_window->pushAction()->isEnabled());

    // The token: in a file only this user can read, in a folder only this user can enter.
    const QString file = CredentialStore::fallbackPath(m_routerd->base);
    QVERIFY(QFile::exists(file));
    QCOMPARE(modeOf(file), 0600);
    QCOMPARE(modeOf(QFileInfo(file).path()), 0700);
    QCOMPARE(Test::readFile(file), adminToken);
    // Nowhere in the database (its main file and its write-ahead log).
    QString checkpoint;
    doc()->store().database().exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s, &checkpoint);
    for (const QString &name : {u"console.sqlite"_s, u"console.sqlite-wal"_s}) {
        const QByteArray bytes = Test::readFile(m_dir->filePath(name));
        QVERIFY2(!bytes.contains(adminToken), qPrintable(name));
    }
    QVERIFY(
        Test::readFile(m_dir->filePath(u"console.sqlite"_s)).contains(m_routerd->base.toUtf8()));

    // A new console on the same database finds it all again.
    delete m_window;
    m_window = nullptr;
    QString error;
    auto again = OrganizationDocument::open(m_dir->filePath(u"console.sqlite"_s), &error);
    QVERIFY2(again, qPrintable(error));
    m_window = new MainWindow(std::move(again));
    QCOMPARE(connection()->settings().token, adminToken);
    QTRY_COMPARE_WITH_TIMEOUT(connection()->state(), BackendConnection::State::Connected, 10000);
}

// By keyboard alone: Test connection keeps the focus, Return then signs in (it used to land on
// Browse… and open a file chooser); without a URL the test says what is missing.
void TestBackend::returnAfterATestSignsIn()
{
    auto *dialog = new SignInDialog(connection(), m_window);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *test = dialog->findChild<QPushButton *>(u"testButton"_s);
    QVERIFY(test);
    urlEdit(dialog)->clear();
    test->setFocus();
    QTest::keyClick(test, Qt::Key_Space);
    QCOMPARE(resultLabel(dialog)->text(),
             u"Give the backend's URL first, such as https://phones.example.com."_s);
    QVERIFY(urlEdit(dialog)->hasFocus());

    urlEdit(dialog)->setText(m_routerd->base);
    const int withPassword = dialog->height();
    const QPoint box = adminTokenCheck(dialog)->pos();
    // Tab goes down the form: from the URL to the check box under it.
    QWidget *afterUrl = urlEdit(dialog)->nextInFocusChain();
    while (afterUrl && !(afterUrl->focusPolicy() & Qt::TabFocus))
        afterUrl = afterUrl->nextInFocusChain();
    QCOMPARE(afterUrl, adminTokenCheck(dialog));
    adminTokenCheck(dialog)->setChecked(true);
    QCOMPARE(adminTokenCheck(dialog)->pos(), box); // still under the pointer that ticked it
    // One row (the token) where there were two: the dialog is as tall as what it shows.
    QVERIFY2(dialog->height() < withPassword, qPrintable(QString::number(dialog->height())));
    QCOMPARE(dialog->height(), dialog->sizeHint().height());
    tokenEdit(dialog)->setText(QString::fromLatin1(adminToken));
    test->setFocus();
    QTest::keyClick(test, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(resultLabel(dialog)->text().startsWith(u"Connected"_s), 10000);
    QVERIFY2(test->hasFocus(), QApplication::focusWidget()
                                   ? QApplication::focusWidget()->metaObject()->className()
                                   : "nothing");
    // A file chooser that opened would be closed, and counted.
    bool chooserOpened = false;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&] {
        if (auto *modal = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            chooserOpened = true;
            modal->reject();
        }
    });
    watch.start(100);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(!chooserOpened);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QTRY_COMPARE_WITH_TIMEOUT(connection()->state(), BackendConnection::State::Connected, 10000);
}

void TestBackend::pushThenStatusFollowsEdits()
{
    QVERIFY(configure(m_routerd->base));
    QCOMPARE(push(), PushController::Outcome::Pushed);
    QVERIFY(m_script->warningsShown > 0); // the unrouted number, accepted
    QCOMPARE(backendDocument(), writeConfigDocument(doc()->organization()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->backendLabel()->text(),
                              u"Backend: connected at revision 1"_s, 10000);
    QVERIFY(!connection()->hasUnpushedChanges());

    // An edit: unpushed again. Undoing it: in step with the backend again.
    Group sales = doc()->organization().groups.first();
    sales.name = u"Sales team"_s;
    const Group before = doc()->organization().groups.first();
    doc()->setGroup(0, sales);
    QTRY_VERIFY(connection()->hasUnpushedChanges());
    QVERIFY(m_window->backendLabel()->text().endsWith(u"unpushed changes"_s));
    doc()->setGroup(0, before);
    QTRY_VERIFY(!connection()->hasUnpushedChanges());

    doc()->setGroup(0, sales);
    QCOMPARE(push(), PushController::Outcome::Pushed);
    QCOMPARE(connection()->record().revision, 2);
    QVERIFY(backendDocument().contains("\"name\": \"Sales team\""));

    // A console started later on this database knows it is in step (the pushed document's
    // fingerprint, compared on a worker thread) and notices the next edit at once.
    QString error;
    QVERIFY2(doc()->save(&error), qPrintable(error));
    delete m_window;
    auto again = OrganizationDocument::open(m_dir->filePath(u"console.sqlite"_s), &error);
    QVERIFY2(again, qPrintable(error));
    m_window = new MainWindow(std::move(again));
    m_window->pushController()->setInteraction(std::make_unique<ScriptedInteraction>());
    QVERIFY(connection()->hasUnpushedChanges()); // not known yet
    QTRY_VERIFY_WITH_TIMEOUT(!connection()->hasUnpushedChanges(), 10000);
    Group renamed = doc()->organization().groups.first();
    renamed.name = u"Sales again"_s;
    doc()->setGroup(0, renamed);
    QVERIFY(connection()->hasUnpushedChanges());
}

void TestBackend::conflictOverwriteWithOurs()
{
    QVERIFY(configure(m_routerd->base));
    QCOMPARE(push(), PushController::Outcome::Pushed);
    // Someone else removes Johan from Sales and pushes.
    Organization theirs = doc()->organization();
    theirs.groups[0].members.removeAt(1);
    QCOMPARE(pushFromElsewhere(theirs), 2);
    // We change something else, and push.
    Group support = doc()->organization().groups.at(1);
    support.department = u"Help desk"_s;
    doc()->setGroup(1, support);
    m_script->resolutions = {PushInteraction::Resolution::Overwrite};
    QCOMPARE(push(), PushController::Outcome::Pushed);
    QCOMPARE(m_script->conflicts.size(), 1);
    const PushConflict &c = m_script->conflicts.first();
    QCOMPARE(c.basedOn, 1);
    QCOMPARE(c.theirs, 2);
    QVERIFY2(changeLines(c).contains(
                 u"Groups: Changed Sales: members now Nancy Ortiz, Vald Petrov (were Nancy "
                 "Ortiz, Johan Berg, Vald Petrov)"_s),
             qPrintable(changeLines(c)));
    QCOMPARE(backendDocument(), writeConfigDocument(doc()->organization())); // ours won
    QCOMPARE(connection()->record().revision, 3);
}

void TestBackend::conflictReloadTheirs()
{
    QVERIFY(configure(m_routerd->base));
    QCOMPARE(push(), PushController::Outcome::Pushed);
    const Organization ours = doc()->organization();
    Organization theirs = ours;
    theirs.users[0].name = u"Nancy O."_s;
    QCOMPARE(pushFromElsewhere(theirs), 2);
    Group sales = ours.groups.first();
    sales.name = u"Our sales"_s;
    doc()->setGroup(0, sales);
    const Organization oursEdited = doc()->organization();

    m_script->resolutions = {PushInteraction::Resolution::Reload};
    QCOMPARE(push(), PushController::Outcome::Reloaded);
    QVERIFY(changeLines(m_script->conflicts.first())
                .contains(u"Users: Changed Nancy O. (nancy): name was Nancy Ortiz"_s));
    QCOMPARE(doc()->organization(), theirs);
    QCOMPARE(connection()->record().revision, 2);
    QTRY_VERIFY(!connection()->hasUnpushedChanges());
    QVERIFY(doc()->isModified()); // reloaded, not yet saved here
    // One undo step brings ours back, nothing lost.
    QCOMPARE(doc()->undoStack()->undoText(), u"Reload revision 2 from the backend"_s);
    doc()->undoStack()->undo();
    QCOMPARE(doc()->organization(), oursEdited);
    QTRY_VERIFY(connection()->hasUnpushedChanges());
}

void TestBackend::conflictExportOurs()
{
    QVERIFY(configure(m_routerd->base));
    QCOMPARE(push(), PushController::Outcome::Pushed);
    Organization theirs = doc()->organization();
    theirs.blocked.append(u"+15125550777"_s);
    QCOMPARE(pushFromElsewhere(theirs), 2);
    Group sales = doc()->organization().groups.first();
    sales.name = u"Exported sales"_s;
    doc()->setGroup(0, sales);

    const QString path = m_dir->filePath(u"ours.json"_s);
    m_script->exportTo = path;
    m_script->resolutions = {PushInteraction::Resolution::Export};
    QCOMPARE(push(), PushController::Outcome::Exported);
    QVERIFY(changeLines(m_script->conflicts.first()).contains(u"Other: Blocked +15125550777"_s));
    QCOMPARE(Test::readFile(path), writeConfigDocument(doc()->organization()));
    QCOMPARE(backendDocument(), writeConfigDocument(theirs)); // theirs stays
    QCOMPARE(doc()->organization().groups.first().name, u"Exported sales"_s);
    QCOMPARE(connection()->record().revision, 1);
}

void TestBackend::conflictCancelChangesNothing()
{
    QVERIFY(configure(m_routerd->base));
    // Never pushed from here, but the backend holds something: a conflict too.
    Organization theirs = doc()->organization();
    theirs.name = u"Someone else's"_s;
    QCOMPARE(pushFromElsewhere(theirs), 1);
    m_script->resolutions = {PushInteraction::Resolution::Cancel};
    QCOMPARE(push(), PushController::Outcome::Cancelled);
    QCOMPARE(m_script->conflicts.first().basedOn, 0);
    QVERIFY2(
        m_script->conflicts.first().overview.startsWith(u"Someone else's: 5 users, 2 groups"_s),
        qPrintable(m_script->conflicts.first().overview));
    QCOMPARE(backendDocument(), writeConfigDocument(theirs));
    QVERIFY(connection()->hasUnpushedChanges());
}

void TestBackend::errorsBlockAndWarningsAsk()
{
    QVERIFY(configure(m_routerd->base));
    m_script->acceptWarningsAnswer = false;
    QCOMPARE(push(), PushController::Outcome::Blocked);
    QVERIFY(m_script->warningsShown > 0);
    // A member who does not exist: an error; nothing is sent.
    doc()->insertMembers(doc()->organization().groups.first().id, 0,
                         {Member{u"ghost"_s, true, true}});
    m_script->acceptWarningsAnswer = true;
    QCOMPARE(push(), PushController::Outcome::Blocked);
    QVERIFY(m_script->errorsShown > 0);
    BackendClient client;
    client.setSettings({QUrl(m_routerd->base), adminToken, {}, {}});
    QCOMPARE(client.sendAndWait("GET", u"/healthz"_s).object().value(u"revision").toInt(), 0);
}

void TestBackend::pushWhileTheBackendIsDownThenUp()
{
    QVERIFY(configure(m_routerd->base));
    QCOMPARE(push(), PushController::Outcome::Pushed);
    const QString base = m_routerd->base;
    QCOMPARE(m_routerd->stop(), 0);

    Group sales = doc()->organization().groups.first();
    sales.name = u"Offline edit"_s;
    doc()->setGroup(0, sales);
    QCOMPARE(push(), PushController::Outcome::Failed);
    QCOMPARE(m_script->failures.size(), 1);
    QVERIFY2(m_script->failures.first().contains(u"unreachable"_s),
             qPrintable(m_script->failures.first()));
    QTRY_COMPARE_WITH_TIMEOUT(connection()->state(), BackendConnection::State::Unreachable, 10000);
    QTRY_COMPARE(m_window->backendLabel()->text(), u"Backend: unreachable — unpushed changes"_s);
    QCOMPARE(doc()->organization().groups.first().name, u"Offline edit"_s); // nothing lost
    QString error;
    QVERIFY2(m_window->save(), "saving works without the backend");

    // Up again on the same address: the next push goes through, based on revision 1.
    QVERIFY2(m_routerd->start(m_dir->filePath(u"routerd.sqlite"_s), {u"--listen"_s, base.mid(7)}),
             m_routerd->log().constData());
    QCOMPARE(m_routerd->base, base);
    connection()->check();
    QTRY_COMPARE_WITH_TIMEOUT(connection()->state(), BackendConnection::State::Connected, 10000);
    QCOMPARE(push(), PushController::Outcome::Pushed);
    QCOMPARE(connection()->record().revision, 2);
    QVERIFY(backendDocument().contains("\"name\": \"Offline edit\""));
    QTRY_COMPARE(m_window->backendLabel()->text(), u"Backend: connected at revision 2"_s);
}

void TestBackend::tlsWithACustomCertificateAuthority()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend in this Qt");
    // An HTTPS server whose certificate a test CA signed.
    QSslServer server;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate::fromPath(dataPath(u"tls/server.pem"_s)).value(0));
    QFile keyFile(dataPath(u"tls/server.key"_s));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                const QByteArray body = R"({"status":"ok","revision":7})";
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
    const QUrl url(u"https://127.0.0.1:%1"_s.arg(server.serverPort()));

    BackendClient client;
    client.setSettings({url, adminToken, {}, {}});
    BackendResponse reply = client.sendAndWait("GET", u"/healthz"_s);
    QCOMPARE(reply.failure, BackendResponse::Tls);
    QVERIFY2(reply.error.contains(u"certificate this computer does not trust"_s),
             qPrintable(reply.error));

    QString error;
    QVERIFY(!BackendClient::checkCaFile(dataPath(u"tls/README.md"_s), &error));
    QVERIFY(error.contains(u"holds no certificate"_s));
    QVERIFY(BackendClient::checkCaFile(dataPath(u"tls/ca.pem"_s), &error));
    client.setSettings({url, adminToken, dataPath(u"tls/ca.pem"_s), {}});
    reply = client.sendAndWait("GET", u"/healthz"_s);
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QCOMPARE(reply.object().value(u"revision").toInt(), 7);
}

void TestBackend::withoutAKeychainServiceTheFileIsUsed()
{
    // The machines the tests run on have no session bus, hence no keychain service: QtKeychain
    // says so, and the token goes to the file. (With a keychain, this would write into it.)
    if (qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("a session bus runs here: the keychain may be real");
    qunsetenv("SWITCHBOARD_KEYCHAIN");
    const QString account = u"https://no-keychain.example"_s;
    const CredentialStore::Result saved = CredentialStore::save(account, "s3cret");
    qputenv("SWITCHBOARD_KEYCHAIN", "off");
    QVERIFY2(saved.ok, qPrintable(saved.error));
    QCOMPARE(saved.place, CredentialStore::Place::File);
    QCOMPARE(modeOf(CredentialStore::fallbackPath(account)), 0600);
    QCOMPARE(CredentialStore::load(account).value_or(QByteArray()), QByteArray("s3cret"));
    CredentialStore::remove(account);
    QVERIFY(!QFile::exists(CredentialStore::fallbackPath(account)));
}

// The backend answers but does not take the token: the status bar says the sign-in was not
// accepted (the connection itself worked), in red, with the backend's words in the tooltip.
void TestBackend::aWrongTokenIsNotCalledAnUnreachableBackend()
{
    QString error;
    QVERIFY2(connection()->configure({QUrl(m_routerd->base), "not-the-token", {}, {}}, &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(connection()->state() != BackendConnection::State::Checking, 10000);
    QCOMPARE(connection()->state(), BackendConnection::State::Refused);
    QCOMPARE(connection()->statusText().section(u" — "_s, 0, 0),
             u"Backend: sign-in not accepted"_s);
    QVERIFY(!connection()->lastError().isEmpty());

    // A server that is not a routerd (its health check fails) is said so instead.
    QTcpServer notRouterd;
    QVERIFY(notRouterd.listen(QHostAddress::LocalHost));
    connect(&notRouterd, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = notRouterd.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            socket->readAll();
            socket->write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
    });
    QVERIFY(connection()->configure(
        {QUrl(u"http://127.0.0.1:%1"_s.arg(notRouterd.serverPort())), adminToken, {}, {}}, &error));
    QTRY_VERIFY_WITH_TIMEOUT(connection()->state() != BackendConnection::State::Checking, 10000);
    QCOMPARE(connection()->state(), BackendConnection::State::Refused);
    QCOMPARE(connection()->statusText().section(u" — "_s, 0, 0),
             u"Backend: answered with an error"_s);
}

QTEST_MAIN(TestBackend)
#include "tst_backend.moc"
