// The console signs people in (offscreen, against a real switchboard-routerd): the sign-in
// dialog's real fields, the status bar's line and Sign out, what each role is shown (an
// agent: the inbox, their own sections; a manager: flows and numbers read-only; an admin:
// everything and "Set password…"), a session that ends asking again while unsaved edits stay,
// and the push history saying who pushed.

#include "backend/backendconnection.h"
#include "backend/credentialstore.h"
#include "backend/pushhistorydialog.h"
#include "backend/signindialog.h"
#include "config/configdocument.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "flowbuilder/appletpalette.h"
#include "flowbuilder/flowedits.h"
#include "flowbuilder/flowwindow.h"
#include "flowlist/flowspage.h"
#include "groups/userdialog.h"
#include "groups/usersgroupsedits.h"
#include "groups/usersgroupspage.h"
#include "i18n/language.h"
#include "inbox/inboxpage.h"
#include "numbers/numberspage.h"
#include "routerdprocess.h"
#include "shell/mainwindow.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void anAgentSignsInThroughTheDialog();
    void aManagerSeesFlowsAndNumbersReadOnly();
    void anAdminSeesEverythingAndSetsPasswords();
    void signOutEndsTheSession();
    void anEndedSessionAsksAgainAndKeepsUnsavedWork();
    void pushHistorySaysWhoPushed();

private:
    BackendConnection *connection() const { return m_window->backendConnection(); }
    // An admin client: the admin token.
    BackendResponse asAdmin(const QByteArray &method, const QString &path,
                            const QByteArray &body = {})
    {
        BackendClient admin;
        admin.setSettings({QUrl(m_routerd->base), adminToken, {}, {}});
        return admin.sendAndWait(method, path, body);
    }
    void setPassword(const QString &user, const QString &password)
    {
        QVERIFY(asAdmin("PUT", Api::passwordPath(user),
                        QJsonDocument(Api::passwordChange({}, password)).toJson())
                    .ok());
    }
    // Signs in through the dialog, as a person does: the URL, the login, the password, and
    // the Sign in button.
    QPointer<SignInDialog> fillSignIn(const QString &login, const QString &password)
    {
        QPointer<SignInDialog> dialog = m_window->signIn();
        child<QLineEdit>(dialog, u"urlEdit"_s)->setText(m_routerd->base);
        child<QLineEdit>(dialog, u"loginEdit"_s)->setText(login);
        child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(password);
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        return dialog;
    }
    bool signInAs(const QString &user)
    {
        const QPointer<SignInDialog> dialog = fillSignIn(user, u"password of "_s + user);
        return signedInAs(user) && QTest::qWaitFor([&] { return !dialog; }, 5000);
    }
    bool signedInAs(const QString &user)
    {
        return QTest::qWaitFor(
            [&] { return connection()->identity() && connection()->identity()->user == user; },
            10000);
    }
    QStringList inboxSections() const
    {
        auto *tree = child<QTreeWidget>(m_window->inboxPage(), u"sections"_s);
        QStringList names;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            names.append(tree->topLevelItem(i)->text(0));
        return names;
    }

    QTemporaryDir *m_dir = nullptr;
    RouterdProcess *m_routerd = nullptr;
    MainWindow *m_window = nullptr;
};

void TestSignIn::initTestCase()
{
    installTranslations(u"en"_s);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("SWITCHBOARD_KEYCHAIN", "off");
}

void TestSignIn::init()
{
    m_dir = new QTemporaryDir;
    m_routerd = new RouterdProcess;
    QVERIFY2(m_routerd->start(m_dir->filePath(u"routerd.sqlite"_s)), m_routerd->log().constData());
    QString error;
    // Test::smallOrganization(): nancy admin, johan manager, vald, maria and pat agents;
    // Sales = nancy, johan, vald; Support = maria, pat, johan.
    auto document =
        Test::openDocument(m_dir->filePath(u"console.sqlite"_s), Test::smallOrganization(), &error);
    QVERIFY2(document, qPrintable(error));
    m_window = new MainWindow(std::move(document));
    QVERIFY(asAdmin("PUT", u"/api/v1/config"_s,
                    writeConfigDocument(m_window->document()->organization()))
                .ok());
    for (const QString &user : {u"nancy"_s, u"johan"_s, u"maria"_s})
        setPassword(user, u"password of "_s + user);
}

void TestSignIn::cleanup()
{
    if (QTest::currentTestFailed() && m_routerd)
        qWarning("routerd's log:\n%s", m_routerd->log().right(2000).constData());
    if (m_window)
        m_window->document()->undoStack()->setClean();
    delete m_window;
    m_window = nullptr;
    delete m_routerd;
    m_routerd = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

void TestSignIn::anAgentSignsInThroughTheDialog()
{
    // A wrong password: routerd's sentence, and the dialog stays.
    QPointer<SignInDialog> dialog = fillSignIn(u"maria"_s, u"not her password"_s);
    auto *result = child<QLabel>(dialog, u"resultLabel"_s);
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), u"That login and password do not match."_s, 10000);
    QVERIFY(dialog->isVisible());
    QVERIFY(!connection()->identity());

    child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(u"password of maria"_s);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(signedInAs(u"maria"_s));
    QTRY_VERIFY(!dialog); // closed (and gone) once signed in

    QCOMPARE(m_window->identityLabel()->text(), u"Signed in as Maria Lopez (agent)"_s);
    QVERIFY(m_window->identityLabel()->isVisibleTo(m_window));
    QVERIFY(m_window->signOutButton()->isVisibleTo(m_window));
    // An agent: the inbox and Active Groups; no people, flows, numbers, push or test call.
    QVERIFY(!m_window->isSectionShown(MainWindow::UsersGroupsSection));
    QVERIFY(!m_window->isSectionShown(MainWindow::FlowsSection));
    QVERIFY(!m_window->isSectionShown(MainWindow::NumbersSection));
    QVERIFY(m_window->isSectionShown(MainWindow::InboxSection));
    QCOMPARE(m_window->currentSection(), MainWindow::InboxSection);
    m_window->showSection(MainWindow::FlowsSection); // Ctrl+2 and the like lead nowhere
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentSection(), MainWindow::InboxSection);
    QVERIFY(!m_window->pushAction()->isEnabled());
    QVERIFY(m_window->activeGroupsAction()->isEnabled());
    // Her inbox: her own messages and Support's, no one else's, and no picker of who she is.
    QTRY_COMPARE(inboxSections(), (QStringList{u"My messages"_s, u"Support"_s}));
    QVERIFY(!m_window->inboxPage()->findChild<QComboBox *>(u"userCombo"_s));
    QCOMPARE(m_window->inboxPage()->signedInUser(), u"maria"_s);

    // The session's token: in a file only she can read, not in the organization's database.
    const QByteArray token = connection()->settings().token;
    QVERIFY(!token.isEmpty());
    QCOMPARE(
        Test::readFile(CredentialStore::fallbackPath(u"maria at "_s + m_routerd->base)).trimmed(),
        token);
    QString checkpoint;
    m_window->document()->store().database().exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s,
                                                  &checkpoint);
    QVERIFY(!Test::readFile(m_dir->filePath(u"console.sqlite"_s)).contains(token));

    // A new console on this computer is still signed in as her.
    delete m_window;
    QString error;
    m_window =
        new MainWindow(OrganizationDocument::open(m_dir->filePath(u"console.sqlite"_s), &error));
    QVERIFY(signedInAs(u"maria"_s));
    QVERIFY(!m_window->isSectionShown(MainWindow::FlowsSection));
}

void TestSignIn::aManagerSeesFlowsAndNumbersReadOnly()
{
    QVERIFY(signInAs(u"johan"_s));
    QCOMPARE(m_window->identityLabel()->text(), u"Signed in as Johan Berg (manager)"_s);
    for (const auto s : {MainWindow::UsersGroupsSection, MainWindow::FlowsSection,
                         MainWindow::NumbersSection, MainWindow::InboxSection})
        QVERIFY(m_window->isSectionShown(s));
    QVERIFY(m_window->pushAction()->isEnabled()); // people and groups are theirs to push
    QVERIFY(m_window->flowsPage()->isReadOnly());
    QVERIFY(m_window->numbersPage()->isReadOnly());
    QVERIFY(!child<QLabel>(m_window->flowsPage(), u"readOnlyNote"_s)->isHidden());

    // Flows: nothing is created or deleted, and the builder opens to be looked at.
    const Organization before = m_window->document()->organization();
    m_window->flowsPage()->createFlow();
    m_window->flowsPage()->deleteFlow();
    m_window->numbersPage()->addNumber();
    QCOMPARE(m_window->document()->organization(), before);
    FlowWindow *flow = m_window->openFlow(before.flows.first().id);
    QVERIFY(flow->windowTitle().contains(u"(read-only)"_s));
    QVERIFY(flow->editor()->addApplet(Channel::Voice, SlotRef{}, u"hangup"_s).isEmpty());
    QVERIFY(!flow->editor()->deleteApplet(Channel::Voice, before.flows.first().voice->start));
    QVERIFY(!flow->palette(Channel::Voice)->isEnabled());
    QCOMPARE(m_window->document()->organization(), before);

    // People and groups are theirs: a reorder is an undoable edit here.
    QVERIFY(m_window->usersGroupsPage()->editor()->moveMember(u"sales"_s, 0, 1));
    QVERIFY(m_window->document()->isModified());

    // What routerd refuses them, the console says with routerd's words and paths.
    Organization renamed = before;
    renamed.flows.first().name = u"Renamed"_s;
    const BackendResponse refused = connection()->client()->sendAndWait(
        "PUT", u"/api/v1/config"_s, writeConfigDocument(renamed), {{"If-Match", "\"1\""}});
    QCOMPARE(refused.failure, BackendResponse::Forbidden);
    QVERIFY2(refused.error.endsWith(u"(flows)"_s), qPrintable(refused.error));
}

void TestSignIn::anAdminSeesEverythingAndSetsPasswords()
{
    QVERIFY(signInAs(u"nancy"_s));
    QCOMPARE(m_window->identityLabel()->text(), u"Signed in as Nancy Ortiz (admin)"_s);
    QVERIFY(!m_window->flowsPage()->isReadOnly());
    QVERIFY(!m_window->numbersPage()->isReadOnly());
    QVERIFY(m_window->isSectionShown(MainWindow::FlowsSection));

    // The user dialog, as the page opens it for an admin: "Set password…".
    const User pat = *m_window->document()->organization().user(u"pat"_s);
    UserDialog dialog(pat, m_window);
    dialog.offerPasswordSetting(connection()->client());
    dialog.show();
    auto *status = child<QLabel>(&dialog, u"passwordStatus"_s);
    QCOMPARE(status->text(), u"Kept by the routing backend only."_s);
    child<QPushButton>(&dialog, u"setPasswordButton"_s)->click();
    auto *ask = child<QDialog>(&dialog, u"passwordDialog"_s);
    auto *ok = ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    child<QLineEdit>(ask, u"newPasswordEdit"_s)->setText(u"pats new password"_s);
    QVERIFY(!ok->isEnabled()); // not repeated yet
    child<QLineEdit>(ask, u"repeatPasswordEdit"_s)->setText(u"pats new password"_s);
    QVERIFY(ok->isEnabled());
    ok->click();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"Password set."_s), 10000);
    BackendClient pats;
    pats.setSettings({QUrl(m_routerd->base), {}, {}, {}});
    QCOMPARE(pats.sendAndWait(
                     "POST", QString::fromLatin1(Api::SessionPath),
                     QJsonDocument(Api::signInRequest(u"pat"_s, u"pats new password"_s)).toJson())
                 .status,
             201);
    // Nothing of it in the organization.
    QCOMPARE(dialog.user(), pat);
}

void TestSignIn::signOutEndsTheSession()
{
    QVERIFY(signInAs(u"maria"_s));
    const BackendSettings was = connection()->settings();
    m_window->signOutButton()->click();
    QVERIFY(!connection()->identity());
    QVERIFY(!m_window->identityLabel()->isVisibleTo(m_window));
    QCOMPARE(connection()->state(), BackendConnection::State::SignedOut);
    QVERIFY(!QFile::exists(CredentialStore::fallbackPath(u"maria at "_s + m_routerd->base)));
    // The inbox offers to sign in; the backend ended the token.
    auto *stack = m_window->inboxPage()->findChild<QStackedWidget *>();
    QCOMPARE(stack->currentIndex(), 0);
    BackendClient old;
    old.setSettings(was);
    QTRY_COMPARE_WITH_TIMEOUT(old.sendAndWait("GET", QString::fromLatin1(Api::MePath)).status, 401,
                              10000);
}

void TestSignIn::anEndedSessionAsksAgainAndKeepsUnsavedWork()
{
    QVERIFY(signInAs(u"johan"_s));
    QVERIFY(m_window->usersGroupsPage()->editor()->moveMember(u"support"_s, 0, 1));
    const Organization edited = m_window->document()->organization();
    QVERIFY(m_window->document()->isModified());

    // An admin sets his password elsewhere: his session ends. The console notices at its next
    // check and asks him to sign in again; his edit stays, unsaved.
    setPassword(u"johan"_s, u"johans second password"_s);
    connection()->check();
    SignInDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = m_window->findChild<SignInDialog *>()) && dialog->isVisible(), 10000);
    QVERIFY(child<QLabel>(dialog, u"resultLabel"_s)->text().contains(u"session has ended"_s));
    QCOMPARE(child<QLineEdit>(dialog, u"loginEdit"_s)->text(), u"johan"_s);
    QVERIFY(m_window->document()->isModified());
    QCOMPARE(m_window->document()->organization(), edited);

    child<QLineEdit>(dialog, u"passwordEdit"_s)->setText(u"johans second password"_s);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(connection()->state(), BackendConnection::State::Connected, 10000);
    QVERIFY(signedInAs(u"johan"_s));
    QCOMPARE(m_window->document()->organization(), edited);
    QVERIFY(m_window->document()->isModified());
    QCOMPARE(m_window->document()->undoStack()->count(), 1);
}

void TestSignIn::pushHistorySaysWhoPushed()
{
    // Revision 1 came from the admin token (init); Johan pushes a reordered group.
    QVERIFY(signInAs(u"johan"_s));
    QVERIFY(m_window->usersGroupsPage()->editor()->moveMember(u"sales"_s, 0, 1));
    const BackendResponse pushed = connection()->client()->sendAndWait(
        "PUT", QString::fromLatin1(Api::ConfigPath),
        writeConfigDocument(m_window->document()->organization()), {{"If-Match", "\"1\""}});
    QVERIFY2(pushed.ok(), qPrintable(pushed.error));
    PushHistoryDialog *history = m_window->showPushHistory();
    auto *list = child<QTreeWidget>(history, u"revisions"_s);
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 2, 10000);
    QCOMPARE(list->topLevelItem(0)->text(0), u"2"_s);
    QCOMPARE(list->topLevelItem(0)->text(2), u"Johan Berg"_s);
    QCOMPARE(list->topLevelItem(1)->text(2), u"the admin token"_s);
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
