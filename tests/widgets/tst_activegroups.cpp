// Active Groups against the real switchboard-routerd, started on loopback with its own SQLite
// file and given the tests' small organization (plus a group without a department): the
// user's groups by department with "N/A" where the member entry excludes a channel; changes
// made with the mouse, the keyboard and setData, saved with OK and read back with GET
// /api/v1/presence; reopening shows what was saved; an admin switching users; a backend
// that is down or not set up shows its sentence and loses nothing.

#include "backend/backendclient.h"
#include "config/configdocument.h"
#include "fixtures.h"
#include "i18n/language.h"
#include "inbox/activegroupsdialog.h"
#include "routerdprocess.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {

// Test::smallOrganization() (Johan: Sales both channels, Support texts only; Vald: Sales calls
// only; Nancy an admin) plus a group with no department, so that Johan has three rows in three
// places.
Organization organization()
{
    Organization org = smallOrganization();
    Group desk;
    desk.id = u"front-desk"_s;
    desk.name = u"Front Desk"_s;
    desk.members = {{u"johan"_s}, {u"maria"_s}};
    org.groups.append(desk);
    return org;
}

QJsonObject channels(bool voice, bool sms)
{
    return QJsonObject{{u"voice"_s, voice}, {u"sms"_s, sms}};
}

QModelIndex cell(const ActiveGroupsDialog &dialog, const QString &groupId, int column)
{
    const int row = dialog.model()->rowOfGroup(groupId);
    return row < 0 ? QModelIndex() : dialog.model()->index(row, column);
}

QVariant checkState(const ActiveGroupsDialog &dialog, const QString &groupId, int column)
{
    return cell(dialog, groupId, column).data(Qt::CheckStateRole);
}

// The dialog's parts, found by their names. The user combo is there for admins only.
QTableView *table(const ActiveGroupsDialog &dialog)
{
    return child<QTableView>(&dialog, u"table"_s);
}
QComboBox *userCombo(const ActiveGroupsDialog &dialog)
{
    return dialog.findChild<QComboBox *>(u"userCombo"_s);
}
QRadioButton *availableButton(const ActiveGroupsDialog &dialog)
{
    return child<QRadioButton>(&dialog, u"availableButton"_s);
}
QRadioButton *unavailableButton(const ActiveGroupsDialog &dialog)
{
    return child<QRadioButton>(&dialog, u"unavailableButton"_s);
}
QPushButton *retryButton(const ActiveGroupsDialog &dialog)
{
    return child<QPushButton>(&dialog, u"retryButton"_s);
}

QPushButton *button(const ActiveGroupsDialog &dialog, QDialogButtonBox::StandardButton which)
{
    return child<QDialogButtonBox>(&dialog, u"buttons"_s)->button(which);
}

// A loopback port nobody listens on.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 1;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestActiveGroups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(u"en"_s); }
    void init();
    void cleanup();

    void showsTheGroupsByDepartmentWithNotApplicable();
    void presenceRoundTrip();
    void keyboard();
    void adminSwitchesUser();
    void switchingWithChangesAsksFirst();
    void openForGivesTheUserComboToAdminsOnly();
    void backendDownWhileSavingLosesNothing();
    void backendDownWhileLoadingOffersRetry();
    void noBackendConfigured();
    void aUserTheBackendDoesNotKnow();
    void modelTester();

private:
    BackendSettings settings(const QString &base) const
    {
        BackendSettings s;
        s.url = QUrl(base);
        s.token = adminToken;
        return s;
    }
    QJsonObject presence(const QString &user);
    void load(ActiveGroupsDialog &dialog);

    Organization m_org;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RouterdProcess> m_routerd;
    std::unique_ptr<BackendClient> m_client;
};

void TestActiveGroups::init()
{
    m_org = organization();
    m_dir = std::make_unique<QTemporaryDir>();
    m_routerd = std::make_unique<RouterdProcess>();
    QVERIFY2(m_routerd->start(m_dir->filePath(u"routerd.sqlite"_s)), m_routerd->log().constData());
    m_client = std::make_unique<BackendClient>();
    m_client->setSettings(settings(m_routerd->base));
    const BackendResponse pushed =
        m_client->sendAndWait("PUT", u"/api/v1/config"_s, writeConfigDocument(m_org));
    QVERIFY2(pushed.ok(), qPrintable(pushed.error + QString::fromUtf8(pushed.body)));
}

void TestActiveGroups::cleanup()
{
    if (m_routerd && QTest::currentTestFailed())
        qWarning("routerd's log:\n%s", m_routerd->log().constData());
    m_client.reset();
    m_routerd.reset();
    m_dir.reset();
}

QJsonObject TestActiveGroups::presence(const QString &user)
{
    BackendClient reader;
    reader.setSettings(settings(m_routerd->base));
    const BackendResponse r = reader.sendAndWait("GET", u"/api/v1/presence"_s);
    if (!r.ok())
        qWarning("GET /api/v1/presence: %s", qPrintable(r.error));
    return r.object().value(u"users").toObject().value(user).toObject();
}

void TestActiveGroups::load(ActiveGroupsDialog &dialog)
{
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY2(dialog.isLoaded(), qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().isEmpty());
}

void TestActiveGroups::showsTheGroupsByDepartmentWithNotApplicable()
{
    ActiveGroupsDialog dialog(m_org, m_client.get(), u"johan"_s, false);
    QVERIFY(!userCombo(dialog));
    QVERIFY(!dialog.isLoaded());                    // "Loading…" until the backend answers
    QVERIFY(!availableButton(dialog)->isChecked()); // not known yet
    QVERIFY(!unavailableButton(dialog)->isChecked());
    QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());
    load(dialog);
    QVERIFY(table(dialog)->isVisible());

    // Customer Care before Sales; no department last, as "—".
    const QAbstractItemModel *m = dialog.model();
    QCOMPARE(m->rowCount(), 3);
    QCOMPARE(m->columnCount(), 4);
    QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), u"Department"_s);
    QCOMPARE(m->headerData(1, Qt::Horizontal).toString(), u"Group"_s);
    QCOMPARE(m->headerData(2, Qt::Horizontal).toString(), u"Calls"_s);
    QCOMPARE(m->headerData(3, Qt::Horizontal).toString(), u"Texts"_s);
    const QStringList expected[] = {
        {u"Customer Care"_s, u"Support"_s}, {u"Sales"_s, u"Sales"_s}, {u"—"_s, u"Front Desk"_s}};
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(m->index(row, 0).data().toString(), expected[row][0]);
        QCOMPARE(m->index(row, 1).data().toString(), expected[row][1]);
    }

    // Support excludes Johan from calls: "N/A", no checkbox, not enabled (greyed).
    const QModelIndex na = cell(dialog, u"support"_s, ActiveGroupsModel::CallsColumn);
    QCOMPARE(na.data().toString(), u"N/A"_s);
    QVERIFY(!na.data(Qt::CheckStateRole).isValid());
    QVERIFY(!(na.flags() & Qt::ItemIsUserCheckable));
    QVERIFY(!(na.flags() & Qt::ItemIsEnabled));
    QVERIFY(!dialog.model()->setData(na, Qt::Unchecked, Qt::CheckStateRole));
    // Every other channel is a ticked checkbox: no presence kept means active everywhere.
    for (const QString &group : {u"support"_s, u"sales"_s, u"front-desk"_s}) {
        for (int column : {ActiveGroupsModel::CallsColumn, ActiveGroupsModel::TextsColumn}) {
            if (group == u"support" && column == ActiveGroupsModel::CallsColumn)
                continue;
            const QModelIndex c = cell(dialog, group, column);
            QVERIFY(c.flags() & Qt::ItemIsUserCheckable);
            QCOMPARE(c.data(Qt::CheckStateRole), QVariant(Qt::Checked));
            QVERIFY(c.data().toString().isEmpty());
        }
    }
    QVERIFY(availableButton(dialog)->isChecked());
    QVERIFY(!dialog.hasChanges());
    QVERIFY(!button(dialog, QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(button(dialog, QDialogButtonBox::Ok)->isEnabled());

    // Vald: Sales takes him for calls only.
    ActiveGroupsDialog vald(m_org, m_client.get(), u"vald"_s, false);
    load(vald);
    QCOMPARE(vald.model()->rowCount(), 1);
    QCOMPARE(cell(vald, u"sales"_s, ActiveGroupsModel::TextsColumn).data().toString(), u"N/A"_s);
    QCOMPARE(checkState(vald, u"sales"_s, ActiveGroupsModel::CallsColumn), QVariant(Qt::Checked));
}

void TestActiveGroups::presenceRoundTrip()
{
    {
        ActiveGroupsDialog dialog(m_org, m_client.get(), u"johan"_s, false);
        load(dialog);
        QSignalSpy saved(&dialog, &ActiveGroupsDialog::saved);
        QVERIFY(dialog.model()->setData(cell(dialog, u"sales"_s, ActiveGroupsModel::TextsColumn),
                                        Qt::Unchecked, Qt::CheckStateRole));
        QTest::mouseClick(unavailableButton(dialog), Qt::LeftButton);
        QVERIFY(unavailableButton(dialog)->isChecked());
        QVERIFY(dialog.hasChanges());
        QVERIFY(button(dialog, QDialogButtonBox::Apply)->isEnabled());
        // Only what changed goes out.
        QCOMPARE(dialog.model()->changes().toJson(),
                 (QJsonObject{
                     {u"groups"_s, QJsonObject{{u"sales"_s, QJsonObject{{u"sms"_s, false}}}}}}));

        button(dialog, QDialogButtonBox::Ok)->click();
        QTRY_COMPARE(saved.size(), 1);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    const QJsonObject johan = presence(u"johan"_s);
    QCOMPARE(johan.value(u"available"), QJsonValue(false));
    const QJsonObject groups = johan.value(u"groups").toObject();
    QCOMPARE(groups.value(u"sales").toObject(), channels(true, false));
    QCOMPARE(groups.value(u"support").toObject(), channels(true, true));
    QCOMPARE(groups.value(u"front-desk").toObject(), channels(true, true));
    QCOMPARE(groups.size(), 3);
    // Nobody else changed.
    QCOMPARE(presence(u"nancy"_s).value(u"available"), QJsonValue(true));
    QCOMPARE(presence(u"nancy"_s).value(u"groups").toObject().value(u"sales").toObject(),
             channels(true, true));

    // Reopened: what was saved.
    ActiveGroupsDialog again(m_org, m_client.get(), u"johan"_s, false);
    load(again);
    QVERIFY(unavailableButton(again)->isChecked());
    QVERIFY(!availableButton(again)->isChecked());
    QCOMPARE(checkState(again, u"sales"_s, ActiveGroupsModel::TextsColumn),
             QVariant(Qt::Unchecked));
    QCOMPARE(checkState(again, u"sales"_s, ActiveGroupsModel::CallsColumn), QVariant(Qt::Checked));
    QCOMPARE(checkState(again, u"support"_s, ActiveGroupsModel::TextsColumn),
             QVariant(Qt::Checked));
    QVERIFY(!again.hasChanges());

    // Back to Available with Apply: the dialog stays open, and nothing is left to send.
    QSignalSpy saved(&again, &ActiveGroupsDialog::saved);
    QTest::mouseClick(availableButton(again), Qt::LeftButton);
    QVERIFY(again.hasChanges());
    button(again, QDialogButtonBox::Apply)->click();
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(again.isVisible());
    QVERIFY(!again.hasChanges());
    QVERIFY(!button(again, QDialogButtonBox::Apply)->isEnabled());
    QCOMPARE(presence(u"johan"_s).value(u"available"), QJsonValue(true));
    QCOMPARE(presence(u"johan"_s).value(u"groups").toObject().value(u"sales").toObject(),
             channels(true, false));

    // OK without changes just closes.
    button(again, QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!again.isVisible());
    QCOMPARE(saved.size(), 1);
}

void TestActiveGroups::keyboard()
{
    ActiveGroupsDialog dialog(m_org, m_client.get(), u"johan"_s, false);
    load(dialog);
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    // Loaded, the focus is on the table (Enter must not meet Cancel).
    QCOMPARE(QApplication::focusWidget(), table(dialog));

    // Tab reaches every control, the table as one stop.
    availableButton(dialog)->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), availableButton(dialog));
    QList<QWidget *> reached;
    for (int i = 0; i < 10 && !reached.contains(QApplication::focusWidget()); ++i) {
        reached.append(QApplication::focusWidget());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QVERIFY(reached.contains(table(dialog)));
    QVERIFY(reached.contains(button(dialog, QDialogButtonBox::Ok)));
    QVERIFY(reached.contains(button(dialog, QDialogButtonBox::Cancel)));
    QVERIFY(reached.indexOf(table(dialog)) < reached.indexOf(button(dialog, QDialogButtonBox::Ok)));

    // The table starts on its first checkbox (Support's Texts: its Calls are N/A); Space
    // toggles it, the arrows skip the N/A cell.
    table(dialog)->setFocus();
    QCOMPARE(table(dialog)->currentIndex(),
             cell(dialog, u"support"_s, ActiveGroupsModel::TextsColumn));
    QTest::keyClick(table(dialog), Qt::Key_Space);
    QCOMPARE(checkState(dialog, u"support"_s, ActiveGroupsModel::TextsColumn),
             QVariant(Qt::Unchecked));
    QVERIFY(button(dialog, QDialogButtonBox::Apply)->isEnabled());
    QTest::keyClick(table(dialog), Qt::Key_Down);
    QTest::keyClick(table(dialog), Qt::Key_Left);
    QCOMPARE(table(dialog)->currentIndex(),
             cell(dialog, u"sales"_s, ActiveGroupsModel::CallsColumn));
    QTest::keyClick(table(dialog), Qt::Key_Space);
    QCOMPARE(checkState(dialog, u"sales"_s, ActiveGroupsModel::CallsColumn),
             QVariant(Qt::Unchecked));
    QTest::keyClick(table(dialog), Qt::Key_Space);
    QCOMPARE(checkState(dialog, u"sales"_s, ActiveGroupsModel::CallsColumn), QVariant(Qt::Checked));
    QCOMPARE(
        dialog.model()->changes().toJson(),
        (QJsonObject{{u"groups"_s, QJsonObject{{u"support"_s, QJsonObject{{u"sms"_s, false}}}}}}));

    // A click on a checkbox (drawn in the middle of its cell) toggles it; beside it, not.
    const QRect desk =
        table(dialog)->visualRect(cell(dialog, u"front-desk"_s, ActiveGroupsModel::CallsColumn));
    QTest::mouseClick(table(dialog)->viewport(), Qt::LeftButton, {}, desk.center());
    QCOMPARE(checkState(dialog, u"front-desk"_s, ActiveGroupsModel::CallsColumn),
             QVariant(Qt::Unchecked));
    QTest::mouseClick(table(dialog)->viewport(), Qt::LeftButton, {},
                      QPoint(desk.left() + 2, desk.center().y()));
    QCOMPARE(checkState(dialog, u"front-desk"_s, ActiveGroupsModel::CallsColumn),
             QVariant(Qt::Unchecked));

    // Escape is Cancel: nothing sent.
    QTest::keyClick(table(dialog), Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(presence(u"johan"_s).value(u"groups").toObject().value(u"support").toObject(),
             channels(true, true));
}

void TestActiveGroups::adminSwitchesUser()
{
    ActiveGroupsDialog dialog(m_org, m_client.get(), u"nancy"_s, true);
    QComboBox *users = userCombo(dialog);
    QVERIFY(users);
    QCOMPARE(users->count(), m_org.users.size());
    QCOMPARE(users->currentData().toString(), u"nancy"_s);
    load(dialog);
    QCOMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(cell(dialog, u"sales"_s, ActiveGroupsModel::GroupColumn).data().toString(),
             u"Sales"_s);

    // Vald: his groups, from the backend, N/A where Sales excludes him.
    QSignalSpy loaded(&dialog, &ActiveGroupsDialog::loaded);
    users->setCurrentIndex(users->findData(u"vald"_s));
    QCOMPARE(dialog.userId(), u"vald"_s);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(dialog.model()->rowCount(), 1);
    QCOMPARE(cell(dialog, u"sales"_s, ActiveGroupsModel::TextsColumn).data().toString(), u"N/A"_s);

    // Changes go to Vald, not to the admin.
    QVERIFY(dialog.model()->setData(cell(dialog, u"sales"_s, ActiveGroupsModel::CallsColumn),
                                    Qt::Unchecked, Qt::CheckStateRole));
    QSignalSpy saved(&dialog, &ActiveGroupsDialog::saved);
    button(dialog, QDialogButtonBox::Apply)->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(presence(u"vald"_s).value(u"groups").toObject().value(u"sales").toObject(),
             channels(false, true));
    QCOMPARE(presence(u"nancy"_s).value(u"groups").toObject().value(u"sales").toObject(),
             channels(true, true));

    // Maria: two groups; then back to Vald, whose saved state shows.
    users->setCurrentIndex(users->findData(u"maria"_s));
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(dialog.model()->rowCount(), 2);
    QVERIFY(dialog.model()->rowOfGroup(u"support"_s) >= 0);
    QVERIFY(dialog.model()->rowOfGroup(u"front-desk"_s) >= 0);
    users->setCurrentIndex(users->findData(u"vald"_s));
    QTRY_COMPARE(loaded.size(), 3);
    QCOMPARE(checkState(dialog, u"sales"_s, ActiveGroupsModel::CallsColumn),
             QVariant(Qt::Unchecked));
}

void TestActiveGroups::switchingWithChangesAsksFirst()
{
    ActiveGroupsDialog dialog(m_org, m_client.get(), u"nancy"_s, true);
    load(dialog);
    QComboBox *users = userCombo(dialog);
    QSignalSpy loaded(&dialog, &ActiveGroupsDialog::loaded);
    QString asked;
    QString comboWhileAsking;
    auto answer = [&](QMessageBox::StandardButton which) {
        QTimer::singleShot(0, [&, which] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = box->text();
            comboWhileAsking = users->currentData().toString();
            box->button(which)->click();
        });
    };

    // Cancel: still Nancy, change kept.
    QTest::mouseClick(unavailableButton(dialog), Qt::LeftButton);
    answer(QMessageBox::Cancel);
    users->setCurrentIndex(users->findData(u"johan"_s));
    QVERIFY2(asked.contains(u"Nancy Ortiz"_s), qPrintable(asked));
    QCOMPARE(comboWhileAsking, u"nancy"_s); // the combo names whose groups are on screen
    QCOMPARE(dialog.userId(), u"nancy"_s);
    QCOMPARE(users->currentData().toString(), u"nancy"_s);
    QVERIFY(unavailableButton(dialog)->isChecked());
    QVERIFY(dialog.hasChanges());

    // Save: Nancy's change reaches the backend, then Johan shows.
    asked.clear();
    answer(QMessageBox::Save);
    users->setCurrentIndex(users->findData(u"johan"_s));
    QVERIFY(!asked.isEmpty());
    QTRY_COMPARE(dialog.userId(), u"johan"_s);
    QCOMPARE(users->currentData().toString(), u"johan"_s);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(dialog.model()->rowCount(), 3);
    QCOMPARE(presence(u"nancy"_s).value(u"available"), QJsonValue(false));
    QVERIFY(availableButton(dialog)->isChecked()); // Johan is available

    // Discard: Johan's change is dropped.
    QVERIFY(dialog.model()->setData(cell(dialog, u"sales"_s, ActiveGroupsModel::TextsColumn),
                                    Qt::Unchecked, Qt::CheckStateRole));
    asked.clear();
    answer(QMessageBox::Discard);
    users->setCurrentIndex(users->findData(u"maria"_s));
    QVERIFY(!asked.isEmpty());
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(dialog.userId(), u"maria"_s);
    QCOMPARE(presence(u"johan"_s).value(u"groups").toObject().value(u"sales").toObject(),
             channels(true, true));
}

void TestActiveGroups::openForGivesTheUserComboToAdminsOnly()
{
    QPointer<ActiveGroupsDialog> admin =
        ActiveGroupsDialog::openFor(m_org, m_client.get(), u"nancy"_s, nullptr);
    QVERIFY(admin);
    QVERIFY(admin->isVisible());
    QVERIFY(userCombo(*admin));
    QTRY_VERIFY(admin->isLoaded());
    QPointer<ActiveGroupsDialog> agent =
        ActiveGroupsDialog::openFor(m_org, m_client.get(), u"vald"_s, nullptr);
    QVERIFY(!userCombo(*agent));
    QTRY_VERIFY(agent->isLoaded());
    // Nobody signed in: any user, starting with the first by name (Johan Berg).
    QPointer<ActiveGroupsDialog> anyone =
        ActiveGroupsDialog::openFor(m_org, m_client.get(), QString(), nullptr);
    QVERIFY(userCombo(*anyone));
    QCOMPARE(anyone->userId(), u"johan"_s);
    QTRY_VERIFY(anyone->isLoaded());
    QCOMPARE(anyone->model()->rowCount(), 3);
    // Self-deleting once closed.
    admin->close();
    agent->close();
    anyone->close();
    QTRY_VERIFY(!admin && !agent && !anyone);
}

void TestActiveGroups::backendDownWhileSavingLosesNothing()
{
    ActiveGroupsDialog dialog(m_org, m_client.get(), u"johan"_s, false);
    load(dialog);
    QVERIFY(dialog.model()->setData(cell(dialog, u"sales"_s, ActiveGroupsModel::TextsColumn),
                                    Qt::Unchecked, Qt::CheckStateRole));
    QTest::mouseClick(unavailableButton(dialog), Qt::LeftButton);

    // The backend stops; OK fails with the client's sentence and the dialog stays.
    const QString database = m_dir->filePath(u"routerd.sqlite"_s);
    QCOMPARE(m_routerd->stop(), 0);
    QSignalSpy failed(&dialog, &ActiveGroupsDialog::failed);
    button(dialog, QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(dialog.errorText().contains(u"unreachable"_s), qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().contains(QUrl(m_routerd->base).toDisplayString()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted
    QVERIFY(dialog.isLoaded());
    QVERIFY(dialog.hasChanges());
    QVERIFY(unavailableButton(dialog)->isChecked());
    QCOMPARE(checkState(dialog, u"sales"_s, ActiveGroupsModel::TextsColumn),
             QVariant(Qt::Unchecked));
    QVERIFY(button(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(button(dialog, QDialogButtonBox::Apply)->isEnabled());

    // Back (on a new port): OK again saves all of it.
    m_routerd = std::make_unique<RouterdProcess>();
    QVERIFY2(m_routerd->start(database), m_routerd->log().constData());
    m_client->setSettings(settings(m_routerd->base));
    QSignalSpy saved(&dialog, &ActiveGroupsDialog::saved);
    button(dialog, QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(saved.size(), 1);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QJsonObject johan = presence(u"johan"_s);
    QCOMPARE(johan.value(u"available"), QJsonValue(false));
    QCOMPARE(johan.value(u"groups").toObject().value(u"sales").toObject(), channels(true, false));
}

void TestActiveGroups::backendDownWhileLoadingOffersRetry()
{
    BackendClient down;
    down.setSettings(settings(u"http://127.0.0.1:%1"_s.arg(closedPort())));
    ActiveGroupsDialog dialog(m_org, &down, u"johan"_s, false);
    QSignalSpy failed(&dialog, &ActiveGroupsDialog::failed);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(dialog.errorText().contains(u"unreachable"_s), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.isLoaded());
    QVERIFY(dialog.isVisible());
    QVERIFY(retryButton(dialog)->isVisible());
    QVERIFY(!table(dialog)->isVisible());
    QVERIFY(!button(dialog, QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(button(dialog, QDialogButtonBox::Cancel)->isEnabled());
    QVERIFY(!availableButton(dialog)->isEnabled());
    QVERIFY(!availableButton(dialog)->isChecked());

    // Retry after the backend is reachable.
    down.setSettings(settings(m_routerd->base));
    QTest::mouseClick(retryButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(dialog.isLoaded());
    QVERIFY(table(dialog)->isVisible());
    QVERIFY(!retryButton(dialog)->isVisible());
    QVERIFY(dialog.errorText().isEmpty());
    QCOMPARE(dialog.model()->rowCount(), 3);
    QVERIFY(availableButton(dialog)->isChecked());

    // A refused token says so.
    BackendClient wrong;
    BackendSettings s = settings(m_routerd->base);
    s.token = "not-the-token";
    wrong.setSettings(s);
    ActiveGroupsDialog refused(m_org, &wrong, u"johan"_s, false);
    QTRY_VERIFY(!refused.errorText().isEmpty());
    QVERIFY2(refused.errorText().contains(u"token"_s), qPrintable(refused.errorText()));
}

// Without a backend: the groups are listed by department all the same, what only the backend
// knows is marked as such, and signing in is offered (Retry would not help).
void TestActiveGroups::noBackendConfigured()
{
    BackendClient none;
    ActiveGroupsDialog dialog(m_org, &none, u"johan"_s, false);
    QVERIFY(dialog.errorText().contains(u"No routing backend is signed in"_s));
    QVERIFY(!dialog.isLoaded());
    auto *preview = dialog.findChild<QTableView *>(u"previewTable"_s);
    auto *signIn = dialog.findChild<QPushButton *>(u"signInButton"_s);
    auto *retry = dialog.findChild<QPushButton *>(u"retryButton"_s);
    QVERIFY(preview && signIn && retry);
    QVERIFY(preview->isVisibleTo(&dialog));
    QVERIFY(signIn->isVisibleTo(&dialog));
    QVERIFY(!retry->isVisibleTo(&dialog));
    QAbstractItemModel *model = preview->model();
    QVERIFY(model->rowCount() > 0);
    QStringList groups;
    for (int row = 0; row < model->rowCount(); ++row) {
        groups.append(model->index(row, ActiveGroupsModel::GroupColumn).data().toString());
        const QModelIndex calls = model->index(row, ActiveGroupsModel::CallsColumn);
        QVERIFY(!calls.data(Qt::CheckStateRole).isValid()); // no switch to flip: not known
        QVERIFY(!(model->flags(calls) & Qt::ItemIsUserCheckable));
    }
    QCOMPARE(groups, (QStringList{u"Support"_s, u"Sales"_s, u"Front Desk"_s})); // by department
    QSignalSpy asked(&dialog, &ActiveGroupsDialog::signInRequested);
    signIn->click();
    QCOMPARE(asked.count(), 1);
    ActiveGroupsDialog null(m_org, nullptr, u"johan"_s, false);
    QCOMPARE(null.errorText(), dialog.errorText());
}

void TestActiveGroups::aUserTheBackendDoesNotKnow()
{
    // Added in the console, not pushed yet, in no group: said so, and still switchable.
    Organization org = m_org;
    User newbie;
    newbie.id = u"newbie"_s;
    newbie.name = u"New Person"_s;
    org.users.append(newbie);
    ActiveGroupsDialog dialog(org, m_client.get(), u"newbie"_s, false);
    load(dialog);
    QCOMPARE(dialog.model()->rowCount(), 0);
    QVERIFY(!table(dialog)->isVisible());
    QStringList shown;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible())
            shown.append(label->text());
    }
    const QString all = shown.join(u'\n');
    QVERIFY2(all.contains(u"You are not a member of any group."_s), qPrintable(all));
    QVERIFY2(all.contains(u"does not know you yet"_s), qPrintable(all));
    QVERIFY(availableButton(dialog)->isChecked());

    QTest::mouseClick(unavailableButton(dialog), Qt::LeftButton);
    QSignalSpy saved(&dialog, &ActiveGroupsDialog::saved);
    button(dialog, QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(presence(u"newbie"_s).value(u"available"), QJsonValue(false));
}

void TestActiveGroups::modelTester()
{
    ActiveGroupsDialog dialog(m_org, m_client.get(), u"nancy"_s, true);
    QAbstractItemModelTester tester(dialog.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    load(dialog);
    QSignalSpy loaded(&dialog, &ActiveGroupsDialog::loaded);
    for (const QString &user : {u"johan"_s, u"vald"_s, u"maria"_s}) {
        userCombo(dialog)->setCurrentIndex(userCombo(dialog)->findData(user));
        QTRY_COMPARE(dialog.userId(), user);
        QTRY_VERIFY(dialog.isLoaded());
        QAbstractItemModel *m = dialog.model();
        for (int row = 0; row < m->rowCount(); ++row) {
            for (int column = 0; column < m->columnCount(); ++column) {
                const QModelIndex c = m->index(row, column);
                if (c.flags() & Qt::ItemIsUserCheckable) {
                    QVERIFY(m->setData(c, Qt::Unchecked, Qt::CheckStateRole));
                    QVERIFY(m->setData(c, Qt::Checked, Qt::CheckStateRole));
                } else {
                    QVERIFY(!m->setData(c, Qt::Checked, Qt::CheckStateRole));
                }
            }
        }
        QVERIFY(!dialog.hasChanges());
    }
    QCOMPARE(loaded.size(), 3);
}

QTEST_MAIN(TestActiveGroups)
#include "tst_activegroups.moc"
