// The Phone Numbers page and the carrier account, against a real switchboard-routerd whose
// carrier is a fake one on loopback: the Carrier column's three states, importing the
// account's numbers as one undo step, and wiring numbers to the backend; who may do what.

#include "backend/backendconnection.h"
#include "backend/push.h"
#include "config/configdocument.h"
#include "consolesignin.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "fakecarrier.h"
#include "flowlist/flowsnumbersedits.h"
#include "i18n/language.h"
#include "numbers/numbersmodel.h"
#include "numbers/numberspage.h"
#include "routerdprocess.h"
#include "shell/mainwindow.h"
#include "testsupport.h"

#include "consolesettings.h"
#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {
// Test::smallOrganization()'s numbers: the main line and the support line have flows, new
// listings none.
const QString mainLine = u"+15125550100"_s;
const QString supportLine = u"+15125550110"_s;
const QString newListings = u"+15125550120"_s;
} // namespace

class TestNumbersCarrier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void withoutSignInTheColumnSaysWhy();
    void carrierColumnShowsTheThreeStates();
    void importAddsTheAccountsNumbersInOneUndoStep();
    void wireToBackend();
    void managersSeeTheColumnOnly();

private:
    bool signInAs(const QString &user);
    NumbersPage *page() const { return m_window->numbersPage(); }
    NumbersModel *model() const { return page()->model(); }
    int rowOf(const QString &number) const;
    NumbersModel::CarrierState stateOf(const QString &number) const;
    QModelIndex carrierCell(const QString &number) const;
    QToolButton *importButton() const { return child<QToolButton>(page(), u"importFromCarrier"_s); }
    QToolButton *wireButton() const { return child<QToolButton>(page(), u"wireToBackend"_s); }

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<FakeCarrier> m_fake;
    RouterdProcess *m_routerd = nullptr;
    MainWindow *m_window = nullptr;
};

void TestNumbersCarrier::initTestCase()
{
    installTranslations(u"en"_s);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("SWITCHBOARD_KEYCHAIN", "off");
}

void TestNumbersCarrier::init()
{
    ConsoleSettings().clear();
    m_dir = new QTemporaryDir;
    m_fake = std::make_unique<FakeCarrier>(carrierToken);
    QString error;
    QVERIFY2(m_fake->start(&error), qPrintable(error));
    m_routerd = new RouterdProcess;
    QVERIFY2(m_routerd->start(m_dir->filePath(u"routerd.sqlite"_s),
                              {u"--carrier-account-sid"_s, carrierAccountSid,
                               u"--carrier-api-url"_s, m_fake->url()}),
             m_routerd->log().constData());
    // The account: the main line wired to this backend, the support line to another server,
    // two numbers the organization does not list yet; new listings is not in it.
    m_fake->addNumber(mainLine, u"Acme main"_s, m_routerd->base + u"/twilio/voice"_s,
                      m_routerd->base + u"/twilio/sms"_s);
    m_fake->addNumber(supportLine, u"Acme support"_s, u"https://old.example/voice"_s,
                      u"https://old.example/sms"_s);
    m_fake->addNumber(u"+15125550130"_s, u"Spanish line"_s);
    m_fake->addNumber(u"+15125550140"_s, u"  Fax   line "_s);
    m_fake->setPageSize(2); // the backend reads every page

    auto document =
        Test::openDocument(m_dir->filePath(u"console.sqlite"_s), Test::smallOrganization(), &error);
    QVERIFY2(document, qPrintable(error));
    m_window = new MainWindow(std::move(document));
    // The organization on the backend, as pushed.
    BackendClient admin;
    admin.setSettings({QUrl(m_routerd->base), adminToken, {}, {}});
    QVERIFY(admin
                .sendAndWait("PUT", u"/api/v1/config"_s,
                             writeConfigDocument(m_window->document()->organization()))
                .ok());
    m_window->showSection(MainWindow::NumbersSection);
    m_window->resize(1200, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestNumbersCarrier::cleanup()
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

bool TestNumbersCarrier::signInAs(const QString &user)
{
    return Test::signInAs(m_window->backendConnection(), m_routerd->base, user);
}

int TestNumbersCarrier::rowOf(const QString &number) const
{
    return m_window->document()->organization().indexOfNumber(number);
}

QModelIndex TestNumbersCarrier::carrierCell(const QString &number) const
{
    return model()->index(rowOf(number), NumbersModel::CarrierColumn);
}

NumbersModel::CarrierState TestNumbersCarrier::stateOf(const QString &number) const
{
    return NumbersModel::CarrierState(carrierCell(number).data(NumbersModel::CarrierRole).toInt());
}

void TestNumbersCarrier::withoutSignInTheColumnSaysWhy()
{
    QAbstractItemModelTester tester(model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model()
                 ->headerData(NumbersModel::CarrierColumn, Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             u"Carrier"_s);
    QCOMPARE(carrierCell(mainLine).data().toString(), u"—"_s);
    QVERIFY(carrierCell(mainLine).data(Qt::ToolTipRole).toString().startsWith(u"Sign in"_s));
    QCOMPARE(stateOf(mainLine), NumbersModel::CarrierUnknown);
    QVERIFY(!importButton()->isEnabled());
    QVERIFY(!wireButton()->isEnabled());
    QVERIFY(importButton()->toolTip().contains(u"admin"_s));
}

void TestNumbersCarrier::carrierColumnShowsTheThreeStates()
{
    QAbstractItemModelTester tester(model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(signInAs(u"nancy"_s)); // an admin
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(mainLine), NumbersModel::Wired, 10000);
    QCOMPARE(stateOf(supportLine), NumbersModel::PointsElsewhere);
    QCOMPARE(stateOf(newListings), NumbersModel::NotInAccount);
    QCOMPARE(carrierCell(mainLine).data().toString(), u"✓ wired"_s);
    QCOMPARE(carrierCell(supportLine).data().toString(), u"⚠ points elsewhere"_s);
    QCOMPARE(carrierCell(newListings).data().toString(), u"✗ not in the account"_s);
    // Where it points, and where it should.
    const QString tip = carrierCell(supportLine).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"https://old.example/voice"_s) &&
                 tip.contains(u"https://old.example/sms"_s) &&
                 tip.contains(m_routerd->base + u"/twilio/voice"_s) &&
                 tip.contains(u"\"Acme support\""_s),
             qPrintable(tip));
    QVERIFY(!carrierCell(newListings).data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(importButton()->isEnabled());
    QVERIFY(wireButton()->isEnabled());

    // Changed at the carrier meanwhile: shown when the page is shown again.
    m_fake->addNumber(newListings, u"Listings"_s, m_routerd->base + u"/twilio/voice"_s,
                      m_routerd->base + u"/twilio/sms"_s);
    m_window->showSection(MainWindow::UsersGroupsSection);
    m_window->showSection(MainWindow::NumbersSection);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(newListings), NumbersModel::Wired, 10000);

    // Asked again several times at once (a number added here, then at the carrier): the
    // requests wait for each other, and the column ends with the latest answer.
    const QString added = u"+15125550150"_s;
    QVERIFY(m_window->routingEditor()->addNumber(added, u"Open house line"_s));
    QCOMPARE(stateOf(added), NumbersModel::NotInAccount);
    m_fake->addNumber(added, u"Open house"_s, m_routerd->base + u"/twilio/voice"_s,
                      m_routerd->base + u"/twilio/sms"_s);
    for (int i = 0; i < 3; ++i)
        page()->refreshCarrier();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(added), NumbersModel::Wired, 10000);

    // Signed out: nothing known.
    m_window->backendConnection()->signOut();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(mainLine), NumbersModel::CarrierUnknown, 10000);
    QCOMPARE(carrierCell(mainLine).data().toString(), u"—"_s);
}

void TestNumbersCarrier::importAddsTheAccountsNumbersInOneUndoStep()
{
    QVERIFY(signInAs(u"nancy"_s));
    QTRY_VERIFY_WITH_TIMEOUT(importButton()->isEnabled(), 10000);
    QUndoStack *undo = m_window->document()->undoStack();
    const int steps = undo->count();
    const auto &numbers = m_window->document()->organization().numbers;
    QCOMPARE(numbers.size(), 3);

    importButton()->click();
    QTRY_VERIFY2_WITH_TIMEOUT(numbers.size() == 5, qPrintable(page()->carrierMessage()), 10000);
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(undo->undoText(), u"Import 2 numbers from the carrier"_s);
    QCOMPARE(numbers.at(3).number, u"+15125550130"_s);
    QCOMPARE(numbers.at(3).label, u"Spanish line"_s);
    QCOMPARE(numbers.at(4).number, u"+15125550140"_s);
    QCOMPARE(numbers.at(4).label, u"Fax line"_s);
    QVERIFY(numbers.at(3).flow.isEmpty());
    QCOMPARE(page()->carrierMessage(),
             u"Added 2 numbers from the carrier account; give them a flow, save and push."_s);
    // Labels already there are not touched.
    QCOMPARE(numbers.at(0).label, u"Main line"_s);
    QCOMPARE(stateOf(u"+15125550130"_s), NumbersModel::PointsElsewhere);

    undo->undo();
    QCOMPARE(numbers.size(), 3);
    QCOMPARE(rowOf(u"+15125550130"_s), -1);
    QCOMPARE(rowOf(u"+15125550140"_s), -1);
    undo->redo();
    QCOMPARE(numbers.size(), 5);

    // Nothing new: nothing added, no step.
    importButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(page()->carrierMessage(),
                              u"Every number of the carrier account is listed here already."_s,
                              10000);
    QCOMPARE(undo->count(), steps + 1);
}

void TestNumbersCarrier::wireToBackend()
{
    QVERIFY(signInAs(u"nancy"_s));
    // The console knows the backend holds this organization, as after its own push.
    BackendConnection *connection = m_window->backendConnection();
    const Organization &org = m_window->document()->organization();
    QString error;
    QVERIFY2(
        connection->setRecord(
            {connection->settings().url.toString(), 1, organizationFingerprint(org)}, org, &error),
        qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!connection->hasUnpushedChanges(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supportLine), NumbersModel::PointsElsewhere, 10000);
    // A number the backend does not route (no flow), chosen: skipped, with the reason.
    QTreeView *view = child<QTreeView>(page(), u"numbersView"_s);
    view->selectionModel()->select(model()->index(rowOf(newListings), 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    wireButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(page()->carrierMessage().contains(u"Skipped +15125550120: "_s), 10000);
    QVERIFY(page()->carrierMessage().startsWith(u"No number was wired."_s));
    QCOMPARE(stateOf(supportLine), NumbersModel::PointsElsewhere);

    // None chosen: every number the backend routes.
    view->selectionModel()->clearSelection();
    wireButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supportLine), NumbersModel::Wired, 10000);
    QVERIFY2(page()->carrierMessage().startsWith(u"Wired to this backend: "_s),
             qPrintable(page()->carrierMessage()));
    QVERIFY(page()->carrierMessage().contains(supportLine));
    QVERIFY(!page()->carrierMessage().contains(u"not pushed yet"_s));
    bool found = false;
    for (const FakeCarrier::Number &n : m_fake->numbers()) {
        if (n.number == supportLine) {
            found = true;
            QCOMPARE(n.voiceUrl, m_routerd->base + u"/twilio/voice"_s);
            QCOMPARE(n.smsUrl, m_routerd->base + u"/twilio/sms"_s);
        }
    }
    QVERIFY(found);
    QCOMPARE(stateOf(mainLine), NumbersModel::Wired);

    // Changes not pushed: it says that the backend wired what it was last pushed.
    m_window->numbersPage()->model()->setData(model()->index(rowOf(mainLine), 1),
                                              u"Main line (new)"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->backendConnection()->hasUnpushedChanges(), 10000);
    wireButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(page()->carrierMessage().contains(u"not pushed yet"_s), 10000);
}

void TestNumbersCarrier::managersSeeTheColumnOnly()
{
    QVERIFY(signInAs(u"johan"_s)); // a manager
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(supportLine), NumbersModel::PointsElsewhere, 10000);
    QVERIFY(page()->isReadOnly());
    QVERIFY(!importButton()->isEnabled());
    QVERIFY(!wireButton()->isEnabled());
    QVERIFY(importButton()->toolTip().contains(u"Only admins"_s));
    const int count = int(m_window->document()->organization().numbers.size());
    page()->importFromCarrier(); // the keyboard's way in is refused too
    page()->wireToBackend();
    QTest::qWait(300);
    QCOMPARE(int(m_window->document()->organization().numbers.size()), count);
    QVERIFY(page()->carrierMessage().isEmpty());
}

QTEST_MAIN(TestNumbersCarrier)
#include "tst_numberscarrier.moc"
