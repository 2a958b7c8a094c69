// The inbox against a real switchboard-routerd on loopback, with texts and voicemails that
// arrive as the carrier sends them (signed webhooks): paging through 1,000 items as the view
// scrolls, refreshing without losing the selection, the sections and their unread counts, and
// what can be done to an item (read, unread, archive, delete, assign, close, reply); with a
// carrier account (a fake carrier on loopback), replies with their state and Retry, and
// voicemails played in the console.

#include "backend/backendconnection.h"
#include "config/configdocument.h"
#include "consolesignin.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "fakecarrier.h"
#include "i18n/language.h"
#include "inbox/inboxmodel.h"
#include "inbox/inboxpage.h"
#include "inbox/replylist.h"
#include "inbox/voicemailplayer.h"
#include "routerdprocess.h"
#include "routing/webhook.h"
#include "server/signature.h"
#include "shell/mainwindow.h"
#include "shell/shortcutsdialog.h"
#include "testsupport.h"

#include "consolesettings.h"
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMediaPlayer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSlider>
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
    void replyWithoutACarrierAccountKeepsTheText();
    void replyStatesAppearAndUpdate();
    void replyStateWords_data();
    void replyStateWords();
    void voicemailsWithTheirRecording();
    void voicemailPlaysInTheConsole();
    void recordingWithoutACarrierAccountSaysWhy();

private:
    // A text from `from` to the support line, signed as the carrier does.
    bool text(const QString &from, const QString &body);
    bool voicemail(const QString &callSid, int seconds, const QString &recordingUrl = {});
    bool post(const QString &path, const FormParams &params);
    InboxPage *page() const { return m_window->inboxPage(); }
    // The page's parts, found by their names.
    QTreeWidget *sections() const { return child<QTreeWidget>(page(), u"sections"_s); }
    QTableView *list() const { return child<QTableView>(page(), u"list"_s); }
    QPlainTextEdit *replyEdit() const { return child<QPlainTextEdit>(page(), u"replyEdit"_s); }
    QLabel *statusLabel() const { return child<QLabel>(page(), u"statusLabel"_s); }
    ReplyList *replyList() const { return child<ReplyList>(page(), u"replyList"_s); }
    QTimer *repliesTimer() const { return child<QTimer>(page(), u"repliesTimer"_s); }
    // The state of each reply shown, oldest first.
    QStringList replyStates() const;
    QTimer *refreshTimer() const { return child<QTimer>(page(), u"refreshTimer"_s); }
    bool waitLoaded(InboxModel *model);
    // Points the console at the test's backend and pushes the console's organization to it.
    bool connectAndPush();
    bool signInAs(const QString &user);
    // Starts routerd afresh with a carrier account on a fake carrier.
    bool useCarrier();
    // The inbox shown in a window on screen, as its timers only run while it is seen.
    bool showInbox();

    QTemporaryDir *m_dir = nullptr;
    RouterdProcess *m_routerd = nullptr;
    MainWindow *m_window = nullptr;
    BackendClient m_carrier;             // speaks for the carrier
    std::unique_ptr<FakeCarrier> m_fake; // its REST API, with useCarrier()
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
    m_fake.reset();
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
    // 200 with TwiML; 204 for a status callback
    if (reply.status != 200 && reply.status != 204)
        qWarning("webhook refused: %d %s", reply.status, reply.body.constData());
    return reply.status == 200 || reply.status == 204;
}

bool TestInbox::text(const QString &from, const QString &body)
{
    return post(u"/twilio/sms"_s, {{u"MessageSid"_s, u"SM%1"_s.arg(++m_sent)},
                                   {u"From"_s, from},
                                   {u"To"_s, supportLine},
                                   {u"Body"_s, body},
                                   {u"NumMedia"_s, u"0"_s}});
}

bool TestInbox::voicemail(const QString &callSid, int seconds, const QString &recordingUrl)
{
    // A voicemail to Sales through the main line's closed branch needs the time of day, so
    // the recording webhook is posted directly, as the carrier does once a caller is done (its
    // state in the query, signed).
    const QString path = u"/twilio/voice/record?r=1&f=main&a=closed-vm&n=2&o=1"_s;
    return post(
        path, {{u"CallSid"_s, callSid},
               {u"From"_s, u"+15125557001"_s},
               {u"To"_s, u"+15125550100"_s},
               {u"RecordingSid"_s, u"RE"_s + callSid},
               {u"RecordingUrl"_s,
                recordingUrl.isEmpty() ? u"https://api.example/rec/RE"_s + callSid : recordingUrl},
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
    return Test::signInAs(m_window->backendConnection(), m_routerd->base, user);
}

bool TestInbox::useCarrier()
{
    m_fake = std::make_unique<FakeCarrier>(carrierToken);
    QString error;
    if (!m_fake->start(&error)) {
        qWarning("the fake carrier did not start: %s", qPrintable(error));
        return false;
    }
    delete m_routerd;
    m_routerd = new RouterdProcess;
    if (!m_routerd->start(m_dir->filePath(u"routerd-carrier.sqlite"_s),
                          {u"--carrier-account-sid"_s, carrierAccountSid, u"--carrier-api-url"_s,
                           m_fake->url()})) {
        qWarning("routerd did not start with a carrier account:\n%s", m_routerd->log().constData());
        return false;
    }
    m_carrier.setSettings({QUrl(m_routerd->base), {}, {}, {}});
    return true;
}

bool TestInbox::showInbox()
{
    m_window->showSection(MainWindow::InboxSection);
    m_window->resize(1100, 760);
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window);
}

QStringList TestInbox::replyStates() const
{
    QStringList states;
    for (const QLabel *label : replyList()->findChildren<QLabel *>(u"replyState"_s))
        states.append(label->text());
    return states;
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
    // Ctrl+U, also once the button's text has changed (shown, as keys reach shown widgets only).
    QVERIFY(showInbox());
    view->setFocus();
    // Tab from the list goes to the reply box first (then the message and its buttons).
    QWidget *afterList = view->nextInFocusChain();
    while (afterList && !(afterList->focusPolicy() & Qt::TabFocus))
        afterList = afterList->nextInFocusChain();
    QCOMPARE(afterList, static_cast<QWidget *>(replyEdit()));
    QTest::keyClick(view, Qt::Key_U, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!backendItem(first).value(u"read").toBool(), 10000);
    QTRY_VERIFY(model->data(model->index(0, 0), InboxModel::UnreadRole).toBool());
    QVERIFY(model->data(model->index(0, 0), Qt::FontRole).value<QFont>().bold());
    // Made unread: it stays unread while it stays open.
    QTest::qWait(InboxPage::ReadAfterMs + 300);
    QVERIFY(model->data(model->index(0, 0), InboxModel::UnreadRole).toBool());
    // Walking down the list with the keys reads nothing on the way, and the row the keys are
    // on is the one highlighted; the message stayed on is read.
    QStringList ids;
    for (int row = 0; row < 4; ++row)
        ids.append(model->data(model->index(row, 0), InboxModel::IdRole).toString());
    for (int step = 0; step < 3; ++step) {
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->selectionModel()->selectedRows().value(0).row(), step + 1);
    }
    QTRY_VERIFY_WITH_TIMEOUT(backendItem(ids.at(3)).value(u"read").toBool(), 10000);
    for (int row = 0; row < 3; ++row)
        QVERIFY2(!backendItem(ids.at(row)).value(u"read").toBool(), qPrintable(ids.at(row)));
    view->setCurrentIndex(model->index(0, 0));

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

void TestInbox::replyWithoutACarrierAccountKeepsTheText()
{
    // This routerd has no carrier account: it cannot send, and says so (409); what was typed
    // stays in the editor, to send once it can.
    QVERIFY(connectAndPush());
    QVERIFY(text(u"+15125557777"_s, u"Is the house on Elm Street still for sale?"_s));
    QVERIFY(text(u"+15125558888"_s, u"Is the house on Oak Avenue still for sale?"_s));
    QVERIFY(signInAs(u"maria"_s));
    page()->showList(u"group:support"_s, u"sms"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 2, 10000);
    list()->setCurrentIndex(page()->model()->index(0, 0));
    replyEdit()->setPlainText(u"Yes, it is. Want a visit?"_s);
    page()->sendReply();
    // Said for whoever replies (an agent cannot configure routerd), the backend's own
    // sentence in the tooltip.
    QTRY_VERIFY_WITH_TIMEOUT(
        statusLabel()->text().startsWith(u"Your reply was not sent: the backend has no carrier"_s),
        10000);
    QVERIFY2(statusLabel()->toolTip().contains(u"--carrier-account-sid"_s),
             qPrintable(statusLabel()->toolTip()));
    QCOMPARE(replyEdit()->toPlainText(), u"Yes, it is. Want a visit?"_s);
    // It stays through the page's refreshes (every 5 s), not flashing by.
    page()->refresh();
    QSignalSpy loaded(page()->model(), &InboxModel::loaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(statusLabel()->text().startsWith(u"Your reply was not sent"_s));
    // Another message opened: the reply kept stays with its own, never under the next
    // customer's; back on the first, it is there again.
    const QString first = page()->currentItemId();
    list()->setCurrentIndex(page()->model()->index(1, 0));
    QVERIFY(page()->currentItemId() != first);
    QVERIFY(replyEdit()->toPlainText().isEmpty());
    QVERIFY(statusLabel()->text().isEmpty()); // it was about the other message
    list()->setCurrentIndex(page()->model()->index(0, 0));
    QCOMPARE(page()->currentItemId(), first);
    QCOMPARE(replyEdit()->toPlainText(), u"Yes, it is. Want a visit?"_s);
    QVERIFY(replyList()->replies().isEmpty());
    const QString id = page()->currentItemId();
    BackendClient *client = m_window->backendConnection()->client();
    QCOMPARE(client->sendAndWait("GET", Api::repliesPath(id))
                 .object()
                 .value(u"replies")
                 .toArray()
                 .size(),
             0);
}

void TestInbox::replyStatesAppearAndUpdate()
{
    QVERIFY(useCarrier());
    QVERIFY(connectAndPush());
    const QString customer = u"+15125557777"_s;
    QVERIFY(text(customer, u"Is the house on Elm Street still for sale?"_s));
    QVERIFY(showInbox());
    QVERIFY(signInAs(u"maria"_s));
    page()->showList(u"group:support"_s, u"sms"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 1, 10000);
    list()->setCurrentIndex(page()->model()->index(0, 0));

    // The carrier refuses the first message (a 400): failed at once, with its reason, and a
    // Retry button; nothing pending, so the page stops asking.
    m_fake->failMessages(400);
    replyEdit()->setPlainText(u"Yes, it is. Want a visit?"_s);
    page()->sendReply();
    // (the carrier's sentence, as the backend keeps it: it may add the carrier's code)
    QTRY_COMPARE_WITH_TIMEOUT(replyStates().size(), 1, 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(
        replyStates().constFirst().startsWith(u"✗ failed: "_s + FakeCarrier::invalidNumberMessage),
        qPrintable(replyStates().join(u" | "_s)), 15000);
    QVERIFY(replyEdit()->toPlainText().isEmpty()); // taken by the backend
    QCOMPARE(replyList()->findChild<QLabel *>(u"replyBody"_s)->text(),
             u"You replied: Yes, it is. Want a visit?"_s);
    auto *retry = replyList()->findChild<QPushButton *>(u"retryButton"_s);
    QVERIFY(retry);
    QVERIFY(retry->isVisible());
    QVERIFY(!retry->accessibleName().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!repliesTimer()->isActive(), 10000);
    QTest::qWait(3500); // and it stays so
    QVERIFY(!repliesTimer()->isActive());
    QCOMPARE(m_fake->messageCount(), 0);

    // Retry: queued again, then taken by the carrier; the state follows without a click.
    retry->click();
    QTRY_COMPARE_WITH_TIMEOUT(replyStates(), QStringList{u"✓ sent"_s}, 15000);
    QVERIFY(!replyList()->findChild<QPushButton *>(u"retryButton"_s));
    QCOMPARE(m_fake->messageCount(), 1);
    QCOMPARE(m_fake->messages().first().field(u"To"_s), customer);
    QCOMPARE(m_fake->messages().first().field(u"Body"_s), u"Yes, it is. Want a visit?"_s);

    // A second reply goes out as it is written; a sent one may still be delivered, so the
    // page keeps asking while it is shown.
    replyEdit()->setPlainText(u"Tomorrow at ten?"_s);
    page()->sendReply();
    QTRY_COMPARE_WITH_TIMEOUT(replyStates(), (QStringList{u"✓ sent"_s, u"✓ sent"_s}), 15000);
    QCOMPARE(m_fake->messageCount(), 2);
    QCOMPARE(m_fake->messages().last().field(u"Body"_s), u"Tomorrow at ten?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(repliesTimer()->isActive(), 5000);
    QVERIFY(statusLabel()->text().isEmpty());
    // Nobody looks at the inbox (an agent sees nothing else, so the window goes): no asking;
    // back on it, the asking resumes.
    m_window->hide();
    QVERIFY(!repliesTimer()->isActive());
    QTest::qWait(3500);
    QVERIFY(!repliesTimer()->isActive());
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(repliesTimer()->isActive(), 5000);

    // The carrier reports what became of them (signed status callbacks): the second was
    // delivered, the first never reached the handset. The page shows it without a click, and
    // stops asking once nothing can change any more.
    BackendClient *client = m_window->backendConnection()->client();
    const QJsonArray stored = client->sendAndWait("GET", Api::repliesPath(page()->currentItemId()))
                                  .object()
                                  .value(u"replies")
                                  .toArray();
    QCOMPARE(stored.size(), 2);
    const QString firstSid = stored.at(0).toObject().value(u"carrier_sid").toString();
    const QString secondSid = stored.at(1).toObject().value(u"carrier_sid").toString();
    QVERIFY(!firstSid.isEmpty() && !secondSid.isEmpty());
    QVERIFY(post(u"/twilio/sms/status"_s,
                 {{u"MessageSid"_s, secondSid}, {u"MessageStatus"_s, u"delivered"_s}}));
    QVERIFY(
        post(u"/twilio/sms/status"_s, {{u"MessageSid"_s, firstSid},
                                       {u"MessageStatus"_s, u"undelivered"_s},
                                       {u"ErrorCode"_s, u"30003"_s},
                                       {u"ErrorMessage"_s, u"Unreachable destination handset"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(
        replyStates(),
        (QStringList{u"✗ not delivered: Unreachable destination handset (carrier error 30003)"_s,
                     u"✓✓ delivered"_s}),
        15000);
    QCOMPARE(replyList()->findChildren<QPushButton *>(u"retryButton"_s).size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!repliesTimer()->isActive(), 10000);
    QTest::qWait(3500);
    QVERIFY(!repliesTimer()->isActive());
}

void TestInbox::replyStateWords_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("minutesSinceChange");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("pending");
    QTest::addColumn<bool>("retry");
    QTest::newRow("queued") << u"queued"_s << QString() << 0 << u"◷ queued"_s << true << false;
    QTest::newRow("queued, waiting")
        << u"queued"_s << u"Not sent yet (try 2 of 8): the carrier answered HTTP 503."_s << 30
        << u"◷ queued: Not sent yet (try 2 of 8): the carrier answered HTTP 503."_s << true
        << false;
    QTest::newRow("sent just now") << u"sent"_s << QString() << 1 << u"✓ sent"_s << true << false;
    // A delivery report rarely comes this late: no more asking.
    QTest::newRow("sent long ago") << u"sent"_s << QString() << 11 << u"✓ sent"_s << false << false;
    QTest::newRow("delivered") << u"delivered"_s << QString() << 0 << u"✓✓ delivered"_s << false
                               << false;
    QTest::newRow("failed") << u"failed"_s << u"Invalid 'To' number"_s << 0
                            << u"✗ failed: Invalid 'To' number"_s << false << true;
    QTest::newRow("undelivered") << u"undelivered"_s << QString() << 0 << u"✗ not delivered"_s
                                 << false << true;
}

void TestInbox::replyStateWords()
{
    QFETCH(QString, status);
    QFETCH(QString, error);
    QFETCH(int, minutesSinceChange);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Api::Reply reply;
    reply.id = u"r1"_s;
    reply.body = u"On my way"_s;
    reply.status = status;
    reply.error = error;
    reply.updatedAt = now.addSecs(-60 * minutesSinceChange).toString(Qt::ISODateWithMs);
    QTEST(ReplyList::stateText(reply), "text");
    QTEST(ReplyList::isPending(reply, now), "pending");
    QTEST(reply.canRetry(), "retry");
    // The list shows it, with a Retry button that asks for this reply.
    ReplyList list;
    list.setReplies({reply});
    QCOMPARE(list.findChild<QLabel *>(u"replyState"_s)->text(), ReplyList::stateText(reply));
    auto *retry = list.findChild<QPushButton *>(u"retryButton"_s);
    QCOMPARE(retry != nullptr, reply.canRetry());
    if (retry) {
        QSignalSpy asked(&list, &ReplyList::retryRequested);
        QTest::keyClick(retry, Qt::Key_Space);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toString(), u"r1"_s);
    }
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
    // The player, not a link to the carrier (whose URL wants the account's credentials).
    VoicemailPlayer *player = page()->player();
    QVERIFY(!player->isHidden()); // shown for a voicemail (the window itself is not)
    auto *play = child<QPushButton>(player, u"playButton"_s);
    QVERIFY(play->isEnabled());
    QCOMPARE(play->accessibleName(), u"Play the voicemail"_s);
    QCOMPARE(child<QLabel>(player, u"timeLabel"_s)->text(), u"0:00 / 0:31"_s);
    QVERIFY(!player->isLoaded());                     // nothing fetched before anyone asks
    QVERIFY(replyEdit()->parentWidget()->isHidden()); // no reply to a voicemail
    // A text has no player.
    QVERIFY(text(u"+15125555003"_s, u"hello"_s));
    page()->showList(u"group:support"_s, u"sms"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    list()->setCurrentIndex(model->index(0, 0));
    QVERIFY(player->isHidden());
}

void TestInbox::voicemailPlaysInTheConsole()
{
    QVERIFY(useCarrier());
    const QByteArray wav = Test::readFile(Test::dataPath(u"voicemail.wav"_s));
    QVERIFY(wav.size() > 20000);
    // The carrier keeps the recording; routerd fetches RecordingUrl + ".mp3" from it.
    const QString path = u"/2010-04-01/Accounts/"_s + carrierAccountSid + u"/Recordings/RECAvm3"_s;
    m_fake->addRecording(path, wav, "audio/wav");
    QVERIFY(connectAndPush());
    QVERIFY(voicemail(u"CAvm3"_s, 2, m_fake->url() + path));
    QVERIFY(showInbox());
    QVERIFY(signInAs(u"nancy"_s));
    page()->showList(u"group:sales"_s, u"voicemail"_s);
    InboxModel *model = page()->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    list()->setCurrentIndex(model->index(0, 0));
    const QString id = page()->currentItemId();
    BackendClient *client = m_window->backendConnection()->client();
    auto isRead = [&] {
        return client->sendAndWait("GET", Api::itemPath(id)).object().value(u"read").toBool();
    };
    QTRY_VERIFY_WITH_TIMEOUT(isRead(), 10000); // opened: read; made unread again, to hear it
    page()->toggleRead();
    QTRY_VERIFY_WITH_TIMEOUT(!isRead(), 10000);

    VoicemailPlayer *player = page()->player();
    QVERIFY(player->isVisible());
    auto *play = child<QPushButton>(player, u"playButton"_s);
    auto *slider = child<QSlider>(player, u"positionSlider"_s);
    QVERIFY(!slider->isEnabled()); // nothing to seek in yet
    QTest::mouseClick(play, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(player->isLoaded(), 15000);
    QCOMPARE(player->contentType(), QByteArray("audio/wav"));
    QTRY_VERIFY_WITH_TIMEOUT(player->mediaPlayer()->duration() > 0, 10000);
    QVERIFY2(qAbs(player->mediaPlayer()->duration() - 1500) <= 100,
             QByteArray::number(player->mediaPlayer()->duration()).constData());
    // Playing is hearing it: the item is read again.
    QTRY_VERIFY_WITH_TIMEOUT(isRead(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(player, u"timeLabel"_s)->text().endsWith(u"/ 0:01"_s),
                             5000);
    QVERIFY(child<QLabel>(player, u"playerState"_s)->text().isEmpty());

    // Paused, then moved with the keyboard.
    QTRY_VERIFY_WITH_TIMEOUT(player->mediaPlayer()->isSeekable(), 5000);
    if (player->mediaPlayer()->playbackState() == QMediaPlayer::PlayingState)
        play->click();
    QTRY_COMPARE_WITH_TIMEOUT(play->accessibleName(), u"Play the voicemail"_s, 5000);
    // Ctrl+P plays and pauses, wherever the focus is on the page; Help → Keyboard Shortcuts
    // says so, and Ctrl+U beside it.
    QStringList keys;
    for (const ShortcutsDialog::Entry &e : ShortcutsDialog::entriesFor(m_window))
        keys.append(e.where + u": "_s + e.what + u" "_s + e.keys);
    QVERIFY2(keys.contains(u"Inbox: Play or pause the voicemail Ctrl+P"_s) &&
                 keys.contains(u"Inbox: Mark read or unread Ctrl+U"_s),
             qPrintable(keys.join(u" | "_s)));
    list()->setFocus();
    QTest::keyClick(list(), Qt::Key_P, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(player->mediaPlayer()->playbackState(), QMediaPlayer::PlayingState,
                              5000);
    QCOMPARE(play->accessibleName(), u"Pause the voicemail"_s);
    QTest::keyClick(list(), Qt::Key_P, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(player->mediaPlayer()->playbackState(), QMediaPlayer::PausedState,
                              5000);
    QVERIFY(slider->isEnabled());
    QCOMPARE(slider->maximum(), int(player->mediaPlayer()->duration()));
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    QTRY_VERIFY_WITH_TIMEOUT(player->mediaPlayer()->position() < 100, 5000);
    QTest::keyClick(slider, Qt::Key_Right); // a second on
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(player->mediaPlayer()->position() - 1000) <= 100, 5000);

    // Saved as the carrier gave it, under a name from the caller and the date.
    QVERIFY2(player->suggestedFileName().startsWith(u"Voicemail from +15125557001, "_s),
             qPrintable(player->suggestedFileName()));
    QVERIFY(player->suggestedFileName().endsWith(u".wav"_s));
    QVERIFY(!player->suggestedFileName().contains(u':'));
    const QString saved = m_dir->filePath(u"saved.wav"_s);
    QVERIFY(player->saveTo(saved));
    QCOMPARE(Test::readFile(saved), wav);
    // Save as… asks where, suggesting that name.
    const QString chosen = m_dir->filePath(u"chosen.wav"_s);
    QString suggested;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        suggested = dialog->selectedFiles().value(0);
        dialog->selectFile(chosen);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog hides it
    });
    QTest::mouseClick(child<QPushButton>(player, u"saveRecordingButton"_s), Qt::LeftButton);
    QCOMPARE(QFileInfo(suggested).fileName(), player->suggestedFileName());
    QCOMPARE(Test::readFile(chosen), wav);
    QCOMPARE(child<QLabel>(player, u"playerState"_s)->text(), u"Saved to %1."_s.arg(chosen));
    // Fetched once, however often it is played.
    int fetched = 0;
    for (const FakeCarrier::Request &r : m_fake->requests())
        fetched += r.path == path + u".mp3"_s ? 1 : 0;
    QCOMPARE(fetched, 1);
}

void TestInbox::recordingWithoutACarrierAccountSaysWhy()
{
    // No carrier account here: the backend says what to configure, and the player says it.
    QVERIFY(connectAndPush());
    QVERIFY(voicemail(u"CAvm4"_s, 7));
    QVERIFY(signInAs(u"nancy"_s));
    page()->showList(u"group:sales"_s, u"voicemail"_s);
    QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 1, 10000);
    list()->setCurrentIndex(page()->model()->index(0, 0));
    VoicemailPlayer *player = page()->player();
    auto *play = child<QPushButton>(player, u"playButton"_s);
    play->click();
    auto *state = child<QLabel>(player, u"playerState"_s);
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(u"The recording could not be loaded: "_s),
                             10000);
    QVERIFY2(state->text().contains(u"carrier"_s), qPrintable(state->text()));
    QVERIFY(!player->isLoaded());
    QVERIFY(play->isEnabled()); // to try again
}

QTEST_MAIN(TestInbox)
#include "tst_inbox.moc"
