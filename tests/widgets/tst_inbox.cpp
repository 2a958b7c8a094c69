// The inbox against a real switchboard-routerd on loopback, with texts and voicemails that
// arrive as the carrier sends them (signed webhooks): paging through 1,000 items as the view
// scrolls, refreshing without losing the selection, the sections and their unread counts, and
// what can be done to an item (read, unread, archive, delete, assign, close, reply).

#include "backend/backendconnection.h"
#include "config/configdocument.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "i18n/language.h"
#include "inbox/inboxmodel.h"
#include "inbox/inboxpage.h"
#include "routerdprocess.h"
#include "routing/webhook.h"
#include "server/signature.h"
#include "shell/mainwindow.h"
#include "testsupport.h"

#include "consolesettings.h"
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {
// Test::smallOrganization()'s support line: its texts go to Support (maria, pat, johan), in
// turn; its main line's closed branch ends in the Sales voicemail closed-vm.
const QString supportLine = u"+15125550110"_s;
} // namespace

class TestInbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void withoutABackendItSaysHowToSetOneUp();
    void pagingThroughAThousandItems();
    void theViewLoadsAsItScrolls();
    void refreshKeepsTheSelection();
    void sectionsAndUnreadCounts();
    void readArchiveDeleteAssignClose();
    void replyIsQueuedAndSaysItWasNotSent();
    void voicemailsWithTheirRecording();

private:
    // A text from `from` to the support line, signed as the carrier does.
    bool text(const QString &from, const QString &body);
    bool voicemail(const QString &callSid, int seconds);
    bool post(const QString &path, const FormParams &params);
    InboxPage *page() const { return m_window->inboxPage(); }
    // The page's parts, found by their names.
    QTreeWidget *sections() const { return child<QTreeWidget>(page(), u"sections"_s); }
    QTableView *list() const { return child<QTableView>(page(), u"list"_s); }
    QPlainTextEdit *replyEdit() const { return child<QPlainTextEdit>(page(), u"replyEdit"_s); }
    QLabel *statusLabel() const { return child<QLabel>(page(), u"statusLabel"_s); }
    QLabel *repliesLabel() const { return child<QLabel>(page(), u"repliesLabel"_s); }
    QTimer *refreshTimer() const { return child<QTimer>(page(), u"refreshTimer"_s); }
    bool waitLoaded(InboxModel *model);
    // Points the console at the test's backend and pushes the console's organization to it.
    bool connectAndPush();
    bool signInAs(const QString &user);

    QTemporaryDir *m_dir = nullptr;
    RouterdProcess *m_routerd = nullptr;
    MainWindow *m_window = nullptr;
    BackendClient m_carrier; // speaks for the carrier
    int m_sent = 0;
};

void TestInbox::initTestCase()
{
    installTranslations(u"en"_s);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("SWITCHBOARD_KEYCHAIN", "off");
}

void TestInbox::init()
{
    ConsoleSettings().clear(); // who was signed in last time, in the test's own settings
    m_dir = new QTemporaryDir;
    m_routerd = new RouterdProcess;
    QVERIFY2(m_routerd->start(m_dir->filePath(u"routerd.sqlite"_s)), m_routerd->log().constData());
    QString error;
    auto document =
        Test::openDocument(m_dir->filePath(u"console.sqlite"_s), Test::smallOrganization(), &error);
    QVERIFY2(document, qPrintable(error));
    m_window = new MainWindow(std::move(document));
    m_carrier.setSettings({QUrl(m_routerd->base), {}, {}, {}});
}

void TestInbox::cleanup()
{
    if (QTest::currentTestFailed() && m_routerd)
        qWarning("routerd's log:\n%s", m_routerd->log().right(1500).constData());
    delete m_window;
    m_window = nullptr;
    delete m_routerd;
    m_routerd = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

bool TestInbox::post(const QString &path, const FormParams &params)
{
    QByteArrayList form;
    for (const auto &[name, value] : params)
        form.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    const QString url = m_routerd->base + path;
    const BackendResponse reply = m_carrier.sendAndWait(
        "POST", path, form.join('&'),
        {{"Content-Type", "application/x-www-form-urlencoded"},
         {"X-Twilio-Signature", WebhookSignature::compute(carrierToken, url, params)}});
    if (reply.status != 200)
        qWarning("webhook refused: %d %s", reply.status, reply.body.constData());
    return reply.status == 200;
}

bool TestInbox::text(const QString &from, const QString &body)
{
    return post(u"/twilio/sms"_s, {{u"MessageSid"_s, u"SM%1"_s.arg(++m_sent)},
                                   {u"From"_s, from},
                                   {u"To"_s, supportLine},
                                   {u"Body"_s, body},
                                   {u"NumMedia"_s, u"0"_s}});
}

bool TestInbox::voicemail(const QString &callSid, int seconds)
{
    // A voicemail to Sales through the main line's closed branch needs the time of day, so
    // the recording webhook is posted directly, as the carrier does once a caller is done (its
    // state in the query, signed).
    const QString path = u"/twilio/voice/record?r=1&f=main&a=closed-vm&n=2&o=1"_s;
    return post(path, {{u"CallSid"_s, callSid},
                       {u"From"_s, u"+15125557001"_s},
                       {u"To"_s, u"+15125550100"_s},
                       {u"RecordingSid"_s, u"RE"_s + callSid},
                       {u"RecordingUrl"_s, u"https://api.example/rec/RE"_s + callSid},
                       {u"RecordingDuration"_s, QString::number(seconds)}});
}

bool TestInbox::connectAndPush()
{
    QString error;
    BackendConnection *connection = m_window->backendConnection();
    if (!connection->configure({QUrl(m_routerd->base), adminToken, {}, {}}, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return connection->client()
        ->sendAndWait("PUT", u"/api/v1/config"_s,
                      writeConfigDocument(m_window->document()->organization()))
        .ok();
}

bool TestInbox::signInAs(const QString &user)
{
    // An admin sets their password (with the admin token); then they sign in, as the sign-in
    // dialog does.
    const QString password = u"a password for "_s + user;
    BackendClient admin;
    admin.setSettings({QUrl(m_routerd->base), adminToken, {}, {}});
    const BackendResponse set = admin.sendAndWait(
        "PUT", Api::passwordPath(user), QJsonDocument(Api::passwordChange({}, password)).toJson());
    if (!set.ok()) {
        qWarning("password not set: %s", qPrintable(set.error));
        return false;
    }
    BackendConnection *connection = m_window->backendConnection();
    bool done = false, ok = false;
    connection->signIn(QUrl(m_routerd->base), {}, user, password,
                       [&](bool worked, const QString &why) {
                           done = true;
                           ok = worked;
                           if (!worked)
                               qWarning("not signed in: %s", qPrintable(why));
                       });
    return QTest::qWaitFor([&] { return done; }, 10000) && ok &&
           QTest::qWaitFor(
               [&] { return connection->identity() && connection->identity()->user == user; },
               10000);
}

bool TestInbox::waitLoaded(InboxModel *model)
{
    return QTest::qWaitFor([model] { return !model->isLoading(); }, 10000);
}

void TestInbox::withoutABackendItSaysHowToSetOneUp()
{
    auto *stack = page()->findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentIndex(), 0);
    QString error;
    QVERIFY(m_window->backendConnection()->configure({QUrl(m_routerd->base), adminToken, {}, {}},
                                                     &error));
    // Once the backend says who the token is.
    QTRY_COMPARE_WITH_TIMEOUT(stack->currentIndex(), 1, 10000);
}

void TestInbox::pagingThroughAThousandItems()
{
    QVERIFY(connectAndPush());
    for (int i = 0; i < 1000; ++i)
        QVERIFY(text(u"+1512555%1"_s.arg(2000 + i % 50), u"message %1"_s.arg(i)));

    InboxModel model(m_window->backendConnection()->client(),
                     &m_window->document()->organization());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setList(u"group:support"_s, u"sms"_s);
    QVERIFY(model.canFetchMore({}) || model.isLoading());
    int pages = 0;
    if (model.isLoading()) { // the tester asked for the first page already
        QVERIFY(waitLoaded(&model));
        QCOMPARE(model.rowCount(), 100);
        ++pages;
    }
    while (model.canFetchMore({}) && pages < 20) {
        const int before = model.rowCount();
        model.fetchMore({});
        QVERIFY(waitLoaded(&model));
        ++pages;
        QCOMPARE(model.rowCount(), std::min(1000, before + 100));
    }
    QCOMPARE(pages, 10);
    QCOMPARE(model.rowCount(), 1000);
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.insert(model.item(row).id);
        QCOMPARE(model.item(row).body,
                 u"message %1"_s.arg(999 - row)); // newest first
    }
    QCOMPARE(ids.size(), 1000);
}

void TestInbox::theViewLoadsAsItScrolls()
{
    QVERIFY(connectAndPush());
    for (int i = 0; i < 250; ++i)
        QVERIFY(text(u"+15125553000"_s, u"scroll %1"_s.arg(i)));
    m_window->showSection(MainWindow::InboxSection);
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(signInAs(u"maria"_s));
    page()->showList(u"group:support"_s, u"sms"_s);
    InboxModel *model = page()->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 100, 10000);
    QVERIFY(model->rowCount() < 250); // not everything at once
    // Scrolling to the end asks for the next page, as a user's wheel would.
    QTableView *view = list();
    for (int i = 0; i < 10 && model->rowCount() < 250; ++i) {
        view->scrollToBottom();
        QTest::qWait(50);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 10000);
    }
    QCOMPARE(model->rowCount(), 250);
    QVERIFY(!model->canFetchMore({}));
}

void TestInbox::refreshKeepsTheSelection()
{
    QVERIFY(connectAndPush());
    for (int i = 0; i < 10; ++i)
        QVERIFY(text(u"+15125554000"_s, u"early %1"_s.arg(i)));
    QVERIFY(signInAs(u"maria"_s));
    page()->showList(u"group:support"_s, u"sms"_s);
    InboxModel *model = page()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 10, 10000);
    QTableView *view = list();
    view->setCurrentIndex(model->index(4, 0));
    const QString chosen = page()->currentItemId();
    QCOMPARE(model->item(4).body, u"early 5"_s);

    for (int i = 0; i < 3; ++i)
        QVERIFY(text(u"+15125554001"_s, u"late %1"_s.arg(i)));
    // The page refreshes on its own every few seconds.
    QCOMPARE(refreshTimer()->interval(), 5000);
    page()->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 13, 10000);
    QCOMPARE(model->item(0).body, u"late 2"_s);
    QCOMPARE(page()->currentItemId(), chosen); // the same item, now three rows down
    QCOMPARE(view->currentIndex().row(), 7);
    QVERIFY(view->selectionModel()->isRowSelected(7, {}));
}

void TestInbox::sectionsAndUnreadCounts()
{
    QVERIFY(connectAndPush());
    QVERIFY(text(u"+15125555001"_s, u"one"_s));
    QVERIFY(text(u"+15125555002"_s, u"two"_s));
    QVERIFY(voicemail(u"CAvm1"_s, 12));
    // Maria is in Support only; Johan in Sales and Support.
    QVERIFY(signInAs(u"maria"_s));
    QTreeWidget *sections = this->sections();
    QCOMPARE(sections->topLevelItemCount(), 2);
    QCOMPARE(sections->topLevelItem(0)->text(0), u"My messages"_s);
    QCOMPARE(sections->topLevelItem(1)->text(0), u"Support"_s);
    QTRY_COMPARE_WITH_TIMEOUT(sections->topLevelItem(1)->child(0)->text(0), u"Texts (2)"_s, 10000);
    QCOMPARE(sections->topLevelItem(1)->child(1)->text(0), u"Voicemails"_s);
    QVERIFY(sections->topLevelItem(1)->font(0).bold());

    QVERIFY(signInAs(u"johan"_s));
    QCOMPARE(sections->topLevelItemCount(), 3);
    QCOMPARE(sections->topLevelItem(1)->text(0), u"Sales"_s);
    QTRY_COMPARE_WITH_TIMEOUT(sections->topLevelItem(1)->child(1)->text(0), u"Voicemails (1)"_s,
                              10000);

    // Opening an item reads it: the count goes down.
    sections->setCurrentItem(sections->topLevelItem(2)->child(0));
    QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 2, 10000);
    list()->setCurrentIndex(page()->model()->index(0, 0));
    QTRY_COMPARE_WITH_TIMEOUT(sections->topLevelItem(2)->child(0)->text(0), u"Texts (1)"_s, 10000);
}

void TestInbox::readArchiveDeleteAssignClose()
{
    QVERIFY(connectAndPush());
    BackendClient *client = m_window->backendConnection()->client();
    for (int i = 0; i < 4; ++i)
        QVERIFY(text(u"+1512555600%1"_s.arg(i), u"case %1"_s.arg(i)));
    // A manager of Support: an agent may not delete (the Delete button says so, greyed).
    QVERIFY(signInAs(u"johan"_s));
    page()->showList(u"group:support"_s, u"sms"_s);
    InboxModel *model = page()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 10000);
    auto backendItem = [&](const QString &id) {
        return client->sendAndWait("GET", u"/api/v1/inbox/"_s + id).object();
    };

    QTableView *view = list();
    view->setCurrentIndex(model->index(0, 0));
    const QString first = page()->currentItemId();
    QTRY_VERIFY_WITH_TIMEOUT(backendItem(first).value(u"read").toBool(), 10000); // opened: read
    page()->toggleRead();
    QTRY_VERIFY_WITH_TIMEOUT(!backendItem(first).value(u"read").toBool(), 10000);
    QTRY_VERIFY(model->data(model->index(0, 0), InboxModel::UnreadRole).toBool());
    QVERIFY(model->data(model->index(0, 0), Qt::FontRole).value<QFont>().bold());

    page()->assignTo(u"pat"_s);
    QTRY_COMPARE_WITH_TIMEOUT(backendItem(first).value(u"assigned_to").toString(), u"pat"_s, 10000);
    QTRY_COMPARE(model->index(0, InboxModel::AssignedColumn).data().toString(), u"Pat Lee"_s);

    page()->closeConversation();
    QTRY_VERIFY_WITH_TIMEOUT(backendItem(first).value(u"closed").toBool(), 10000);
    QTRY_COMPARE(model->index(0, InboxModel::AssignedColumn).data().toString(),
                 u"Pat Lee, closed"_s);

    page()->archive();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
    QVERIFY(backendItem(first).value(u"archived").toBool());
    QCOMPARE(model->rowOf(first), -1);

    const QString second = model->item(0).id;
    model->remove(second);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
    QCOMPARE(client->sendAndWait("GET", u"/api/v1/inbox/"_s + second).status, 404);

    // The backend gone: a clear sentence, and the list as it was.
    QCOMPARE(m_routerd->stop(), 0);
    view->setCurrentIndex(model->index(0, 0));
    page()->toggleRead();
    QTRY_VERIFY_WITH_TIMEOUT(statusLabel()->text().contains(u"unreachable"_s), 10000);
    QCOMPARE(model->rowCount(), 2);
}

void TestInbox::replyIsQueuedAndSaysItWasNotSent()
{
    QVERIFY(connectAndPush());
    BackendClient *client = m_window->backendConnection()->client();
    QVERIFY(text(u"+15125557777"_s, u"Is the house on Elm Street still for sale?"_s));
    QVERIFY(signInAs(u"maria"_s));
    page()->showList(u"group:support"_s, u"sms"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 1, 10000);
    list()->setCurrentIndex(page()->model()->index(0, 0));
    replyEdit()->setPlainText(u"Yes, it is. Want a visit?"_s);
    page()->sendReply();
    QTRY_VERIFY_WITH_TIMEOUT(
        statusLabel()->text().startsWith(u"Reply queued on the backend, not sent:"_s), 10000);
    QVERIFY(replyEdit()->toPlainText().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(repliesLabel()->text(),
                              u"You replied (queued, not sent): Yes, it is. Want a visit?"_s,
                              10000);
    const QString id = page()->currentItemId();
    const QJsonArray replies = client->sendAndWait("GET", u"/api/v1/inbox/"_s + id + u"/replies"_s)
                                   .object()
                                   .value(u"replies")
                                   .toArray();
    QCOMPARE(replies.size(), 1);
    QCOMPARE(replies.first().toObject().value(u"body").toString(), u"Yes, it is. Want a visit?"_s);
    QCOMPARE(replies.first().toObject().value(u"to").toString(), u"+15125557777"_s);
}

void TestInbox::voicemailsWithTheirRecording()
{
    QVERIFY(connectAndPush());
    QVERIFY(voicemail(u"CAvm2"_s, 31));
    QVERIFY(signInAs(u"nancy"_s));
    page()->showList(u"group:sales"_s, u"voicemail"_s);
    InboxModel *model = page()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    QCOMPARE(model->index(0, InboxModel::MessageColumn).data().toString(), u"Voicemail, 31 s"_s);
    QCOMPARE(model->item(0).recordingUrl, u"https://api.example/rec/RECAvm2"_s);
    list()->setCurrentIndex(model->index(0, 0));
    QPushButton *recording = nullptr;
    for (QPushButton *b : page()->findChildren<QPushButton *>()) {
        if (b->text() == u"Open &recording")
            recording = b;
    }
    QVERIFY(recording);
    QVERIFY(!recording->isHidden()); // shown for a voicemail (the window itself is not)
    QVERIFY(recording->isEnabled());
    QVERIFY(replyEdit()->parentWidget()->isHidden()); // no reply to a voicemail
}

QTEST_MAIN(TestInbox)
#include "tst_inbox.moc"
