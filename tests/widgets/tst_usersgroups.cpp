// Users & Groups as a manager uses it: users dragged onto a group's row or into its member
// list, members reordered by dragging and by Alt+Up/Down, removed with their ✕, channels
// switched, users and groups added, edited and deleted. Real item models and views, real
// QMimeData through mimeData()/dropMimeData() and through the views' own drop handling; then
// the model, the database after saving, and undo/redo all the way back.

#include "document/mimetypes.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "groups/groupdialog.h"
#include "groups/groupsmodel.h"
#include "groups/membersmodel.h"
#include "groups/userdialog.h"
#include "groups/usersgroupsedits.h"
#include "groups/usersgroupspage.h"
#include "groups/usersmodel.h"
#include "i18n/language.h"
#include "model/references.h"
#include "shell/consolelook.h"
#include "shell/rowdragview.h"
#include "store/organizationstore.h"
#include "testsupport.h"
#include "viewdrop.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPixmap>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using Switchboard::Test::dropOnView;

namespace {
QStringList memberIds(const Organization &org, const QString &groupId)
{
    QStringList ids;
    for (const Member &m : org.group(groupId)->members)
        ids.append(m.user);
    return ids;
}

// Delivers a drag to a view the way a mouse drag does: enter, move, drop at `pos` of the
// viewport. Returns whether the view accepted the drop.

// The dialogs' fields.
QLineEdit *nameField(const QDialog &dialog)
{
    return Test::child<QLineEdit>(&dialog, u"nameField"_s);
}
QTableWidget *devicesTable(const UserDialog &dialog)
{
    return Test::child<QTableWidget>(&dialog, u"devicesTable"_s);
}

// The point just inside the top edge of a row: a drop there inserts before that row.
QPoint aboveRow(QAbstractItemView *view, int row)
{
    const QRect r = view->visualRect(view->model()->index(row, 0));
    return QPoint(r.center().x(), r.top() + 2);
}
} // namespace

class TestUsersGroups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(u"en"_s); }
    void init();
    void cleanup();

    void usersDroppedOnAGroupRowJoinIt();
    void usersDroppedIntoTheMemberListJoinAtThatPosition();
    void aUserIsNotAddedTwice();
    void dropsThroughTheViews();
    void membersReorderByDrag_data();
    void membersReorderByDrag();
    void reorderThroughTheMembersView();
    void crossRemovesAMember();
    void selectionFollowsWhatChanged();
    void dropsBetweenRowsShowALine();
    void takesCallsAndTextsByKeyboard();
    void tabLeavesATable();
    void theDividerStaysWhereItIs();
    void tabGoesAsThePageReads();
    void keyboardTwins();
    void channelCheckboxes();
    void usersAddEditDelete();
    void deletingAUserHandsOverWhatTheyOwned();
    void groupsAddRenameDelete();
    void deletingAUsedGroupSwitchesItsApplets();
    void emptyGroupShowsAHint();
    void aWholeSessionSavesAndUndoesToTheStart();
    void userDialogChecksDevicesAsYouType();
    void groupDialogRefusesTakenNames();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<OrganizationDocument> m_document;
    UsersGroupsPage *m_page = nullptr;
    QList<QAbstractItemModelTester *> m_testers;
    Organization m_start;

    OrganizationDocument *doc() const { return m_document.get(); }
    UsersGroupsEdits *editor() const { return m_page->editor(); }
    QAbstractItemModel *users() const { return m_page->usersView()->model(); }
    QAbstractItemModel *groups() const { return groupsView()->model(); }
    QAbstractItemModel *members() const { return m_page->membersView()->model(); }
    QUndoStack *undo() const { return m_document->undoStack(); }
    QTreeView *groupsView() const { return Test::child<QTreeView>(m_page, u"groupsView"_s); }
    QLabel *membersTitle() const { return Test::child<QLabel>(m_page, u"membersTitle"_s); }
    QMimeData *usersMime(const QList<int> &rows) const;
    void undoAllAndCheckStart();
};

void TestUsersGroups::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    // Test::smallOrganization(): the users nancy, johan, vald, maria, pat (rows 0-4); Sales
    // (row 0) = nancy, johan, vald; Support (row 1) = maria, pat, johan; two flows using them.
    m_document =
        Test::openDocument(m_dir->filePath(u"groups.sqlite"_s), Test::smallOrganization(), &error);
    QVERIFY2(m_document, qPrintable(error));
    m_start = m_document->organization();
    m_page = new UsersGroupsPage(m_document.get());
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    for (QAbstractItemModel *model :
         {users(), groups(), members(),
          qobject_cast<QSortFilterProxyModel *>(users())->sourceModel()})
        m_testers.append(new QAbstractItemModelTester(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    QCOMPARE(m_page->openGroupId(), u"sales"_s); // the first group opens by itself
}

void TestUsersGroups::cleanup()
{
    qDeleteAll(m_testers);
    m_testers.clear();
    delete m_page;
    m_page = nullptr;
    m_document.reset();
    delete m_dir;
}

QMimeData *TestUsersGroups::usersMime(const QList<int> &rows) const
{
    QModelIndexList indexes;
    for (int row : rows) {
        for (int column = 0; column < users()->columnCount(); ++column)
            indexes.append(users()->index(row, column)); // a row selection, as views drag
    }
    return users()->mimeData(indexes);
}

void TestUsersGroups::undoAllAndCheckStart()
{
    while (undo()->canUndo())
        undo()->undo();
    QVERIFY(doc()->organization() == m_start);
    QVERIFY(!doc()->isModified());
}

void TestUsersGroups::usersDroppedOnAGroupRowJoinIt()
{
    // Maria and Pat (rows 3, 4) dropped on Sales' row, Sales not open.
    m_page->openGroup(u"support"_s);
    const std::unique_ptr<QMimeData> data(usersMime({3, 4}));
    QVERIFY(data->hasFormat(QString::fromLatin1(MimeType::Users)));
    QCOMPARE(MimeType::decodeUsers(data.get()), (QStringList{u"maria"_s, u"pat"_s}));
    const QModelIndex sales = groups()->index(0, 0);
    QVERIFY(groups()->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, sales));
    QVERIFY(!groups()->canDropMimeData(data.get(), Qt::CopyAction, 1, 0, {})); // between rows
    QVERIFY(groups()->dropMimeData(data.get(), Qt::CopyAction, -1, -1, sales));

    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"johan"_s, u"vald"_s, u"maria"_s, u"pat"_s}));
    QCOMPARE(undo()->count(), 1);
    QCOMPARE(undo()->text(0), u"Add 2 users to Sales"_s);
    QCOMPARE(groups()->index(0, GroupsModel::MembersColumn).data().toString(), u"5 members"_s);
    QVERIFY(doc()->isModified());

    undo()->undo();
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"johan"_s, u"vald"_s}));
    undo()->redo();
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s).size(), 5);
    undoAllAndCheckStart();
}

void TestUsersGroups::usersDroppedIntoTheMemberListJoinAtThatPosition()
{
    const std::unique_ptr<QMimeData> data(usersMime({3})); // Maria
    QVERIFY(members()->canDropMimeData(data.get(), Qt::CopyAction, 1, 0, {}));
    QVERIFY(members()->dropMimeData(data.get(), Qt::CopyAction, 1, 0, {}));
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"maria"_s, u"johan"_s, u"vald"_s}));
    QCOMPARE(MembersModel::ringPositionLabel(members()->index(1, 0)), u"2. Maria Lopez"_s);
    QCOMPARE(MembersModel::ringPositionLabel(members()->index(2, 0)),
             u"3. Johan Berg"_s); // renumbered
    QCOMPARE(undo()->text(0), u"Add Maria Lopez to Sales"_s);
    // Dropped past the end: appended.
    const std::unique_ptr<QMimeData> pat(usersMime({4}));
    QVERIFY(members()->dropMimeData(pat.get(), Qt::CopyAction, -1, -1, {}));
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s).last(), u"pat"_s);
    undoAllAndCheckStart();
}

void TestUsersGroups::aUserIsNotAddedTwice()
{
    QSignalSpy messages(editor(), &UsersGroupsEdits::message);
    const std::unique_ptr<QMimeData> both(usersMime({0, 3})); // Nancy (a member) and Maria
    QVERIFY(groups()->dropMimeData(both.get(), Qt::CopyAction, -1, -1, groups()->index(0, 0)));
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"johan"_s, u"vald"_s, u"maria"_s}));
    QCOMPARE(undo()->text(0), u"Add Maria Lopez to Sales"_s);
    QCOMPARE(messages.count(), 1);
    QVERIFY(messages.last().first().toString().contains(u"Nancy Ortiz is already in Sales"));

    const std::unique_ptr<QMimeData> nancy(usersMime({0}));
    QVERIFY(!members()->dropMimeData(nancy.get(), Qt::CopyAction, 0, 0, {}));
    QCOMPARE(undo()->count(), 1); // nothing happened, and it said so
    QCOMPARE(messages.count(), 2);
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s).count(u"nancy"_s), 1);
}

void TestUsersGroups::dropsThroughTheViews()
{
    // Onto Support's row in the groups view, Support not open.
    const std::unique_ptr<QMimeData> vald(usersMime({2}));
    QTreeView *groupsView = this->groupsView();
    QVERIFY(
        dropOnView(groupsView, vald.get(), groupsView->visualRect(groups()->index(1, 0)).center()));
    QCOMPARE(memberIds(doc()->organization(), u"support"_s),
             (QStringList{u"maria"_s, u"pat"_s, u"johan"_s, u"vald"_s}));
    QCOMPARE(m_page->openGroupId(), u"sales"_s);

    // Into the open member list, just above its second row.
    const std::unique_ptr<QMimeData> maria(usersMime({3}));
    QTreeView *membersView = m_page->membersView();
    QVERIFY(dropOnView(membersView, maria.get(), aboveRow(membersView, 1)));
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"maria"_s, u"johan"_s, u"vald"_s}));

    // Below the last row of the list: at the end.
    const std::unique_ptr<QMimeData> pat(usersMime({4}));
    const QRect last = membersView->visualRect(members()->index(3, 0));
    QVERIFY(dropOnView(membersView, pat.get(), QPoint(last.center().x(), last.bottom() + 10)));
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s).last(), u"pat"_s);

    // A user already there: the view refuses, nothing changes.
    const std::unique_ptr<QMimeData> nancy(usersMime({0}));
    QVERIFY(!dropOnView(membersView, nancy.get(), aboveRow(membersView, 2)));
    QCOMPARE(undo()->count(), 3);
    undoAllAndCheckStart();
}

void TestUsersGroups::membersReorderByDrag_data()
{
    QTest::addColumn<QList<int>>("rows");
    QTest::addColumn<int>("destination");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QString>("text");
    // Sales after Maria and Pat join: nancy, johan, vald, maria, pat
    QTest::newRow("first to the end")
        << QList<int>{0} << 5
        << QStringList{u"johan"_s, u"vald"_s, u"maria"_s, u"pat"_s, u"nancy"_s}
        << u"Move Nancy Ortiz in Sales"_s;
    QTest::newRow("last to the top")
        << QList<int>{4} << 0
        << QStringList{u"pat"_s, u"nancy"_s, u"johan"_s, u"vald"_s, u"maria"_s}
        << u"Move Pat Lee in Sales"_s;
    QTest::newRow("one down past another")
        << QList<int>{1} << 3
        << QStringList{u"nancy"_s, u"vald"_s, u"johan"_s, u"maria"_s, u"pat"_s}
        << u"Move Johan Berg in Sales"_s;
    QTest::newRow("two apart, together in the middle")
        << QList<int>{0, 4} << 2
        << QStringList{u"johan"_s, u"nancy"_s, u"pat"_s, u"vald"_s, u"maria"_s}
        << u"Move 2 members in Sales"_s;
    QTest::newRow("three to the top")
        << QList<int>{2, 3, 4} << 0
        << QStringList{u"vald"_s, u"maria"_s, u"pat"_s, u"nancy"_s, u"johan"_s}
        << u"Move 3 members in Sales"_s;
}

void TestUsersGroups::membersReorderByDrag()
{
    QFETCH(QList<int>, rows);
    QFETCH(int, destination);
    QFETCH(QStringList, order);
    QFETCH(QString, text);
    QCOMPARE(editor()->addUsers(u"sales"_s, {u"maria"_s, u"pat"_s}), 2);
    const Organization before = doc()->organization();

    QModelIndexList indexes;
    for (int row : rows)
        indexes.append(members()->index(row, 0));
    const std::unique_ptr<QMimeData> data(members()->mimeData(indexes));
    QVERIFY(data->hasFormat(QString::fromLatin1(MimeType::Members)));
    QVERIFY(members()->dropMimeData(data.get(), Qt::MoveAction, destination, 0, {}));
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s), order);
    QCOMPARE(undo()->text(undo()->index() - 1), text);
    QCOMPARE(MembersModel::ringPositionLabel(members()->index(0, 0)),
             u"1. "_s + editor()->userName(order.first()));

    undo()->undo();
    QVERIFY(doc()->organization() == before);
    undo()->redo();
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s), order);
    undoAllAndCheckStart();
}

void TestUsersGroups::reorderThroughTheMembersView()
{
    // Drag Vald (row 2) up above Nancy (row 0) in the view.
    QTreeView *view = m_page->membersView();
    const std::unique_ptr<QMimeData> data(members()->mimeData({members()->index(2, 0)}));
    QVERIFY(dropOnView(view, data.get(), aboveRow(view, 0), Qt::MoveAction));
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"vald"_s, u"nancy"_s, u"johan"_s}));
    // Nobody was removed by the "move" (the view asks the model to remove moved rows).
    QCOMPARE(members()->rowCount(), 3);
    // Dropping a member where it already is changes nothing.
    const std::unique_ptr<QMimeData> same(members()->mimeData({members()->index(1, 0)}));
    QVERIFY(!members()->dropMimeData(same.get(), Qt::MoveAction, 1, 0, {}));
    QCOMPARE(undo()->count(), 1);
    undoAllAndCheckStart();
}

// After a removal, an undo or a redo, what changed is selected: Remove and Move act at once.
// "Add to group" shows the groups someone is in already, disabled.
void TestUsersGroups::selectionFollowsWhatChanged()
{
    QTreeView *view = m_page->membersView();
    QAction *remove = nullptr;
    for (QAction *a : m_page->findChildren<QAction *>()) {
        if (a->text() == u"Remove from Group")
            remove = a;
    }
    QVERIFY(remove);
    const auto selectedRows = [view] {
        QList<int> rows;
        for (const QModelIndex &i : view->selectionModel()->selectedRows())
            rows.append(i.row());
        return rows;
    };
    view->selectionModel()->select(members()->index(1, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(remove->isEnabled());
    remove->trigger(); // Johan
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s), (QStringList{u"nancy"_s, u"vald"_s}));
    QCOMPARE(selectedRows(), QList<int>{1}); // Vald, now second
    QVERIFY(remove->isEnabled());
    undo()->undo();
    QCOMPARE(selectedRows(), QList<int>{1}); // Johan, back
    QCOMPARE(members()->index(1, 0).data(MembersModel::UserIdRole).toString(), u"johan"_s);
    undo()->redo();
    QCOMPARE(selectedRows(), QList<int>{1});
    QCOMPARE(members()->index(1, 0).data(MembersModel::UserIdRole).toString(), u"vald"_s);
    remove->trigger(); // Vald, the last: Nancy is selected
    QCOMPARE(selectedRows(), QList<int>{0});
    QVERIFY(remove->isEnabled());

    // Nancy is in Sales: offered, but not to choose.
    QTreeView *usersView = m_page->usersView();
    const int nancy = doc()->organization().indexOfUser(u"nancy"_s);
    usersView->selectionModel()->select(
        users()->index(nancy, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QHash<QString, bool> offered;
    QTimer::singleShot(0, this, [&offered] {
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!popup)
            return;
        for (QAction *a : popup->actions()) {
            if (a->menu()) {
                for (QAction *g : a->menu()->actions())
                    offered.insert(g->text(), g->isEnabled());
            }
        }
        popup->close();
    });
    emit usersView->customContextMenuRequested(
        usersView->visualRect(users()->index(nancy, 0)).center());
    QCOMPARE(offered.value(u"Sales (already a member)"_s, true), false);
    QCOMPARE(offered.value(u"Support"_s, false), true);
}

// Anywhere on a row, a drop goes before or after it by the nearer half, and a line says where
// (Qt's views only take the few pixels at a row's edges). The drag shows a small chip, not the
// row; the member list does not move when the hint under it comes and goes.
void TestUsersGroups::dropsBetweenRowsShowALine()
{
    auto *membersView = qobject_cast<RowDragView *>(m_page->membersView());
    QVERIFY(membersView);
    m_page->resize(1000, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    const std::unique_ptr<QMimeData> maria(usersMime({3}));
    const QRect second = membersView->visualRect(members()->index(1, 0));
    const QPoint lowerHalf(second.center().x(), second.center().y() + second.height() / 4);
    QWidget *viewport = membersView->viewport();
    QDragEnterEvent enter(lowerHalf, Qt::CopyAction, maria.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(lowerHalf, Qt::CopyAction, maria.get(), Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    QVERIFY(move.isAccepted()); // the middle of a row takes the drop
    QCOMPARE(membersView->dropLineRow(), 2);
    // The line is drawn where the third row begins.
    const QImage shown = viewport->grab().toImage();
    const int y = membersView->visualRect(members()->index(2, 0)).top();
    const QColor highlight = membersView->palette().color(QPalette::Highlight);
    int onLine = 0;
    for (int x = 10; x < viewport->width() - 10; x += 7) {
        const QColor c = shown.pixelColor(x * shown.width() / viewport->width(),
                                          y * shown.height() / viewport->height());
        onLine += qAbs(c.red() - highlight.red()) + qAbs(c.green() - highlight.green()) +
                              qAbs(c.blue() - highlight.blue()) <
                          60
                      ? 1
                      : 0;
    }
    QVERIFY2(onLine > 10, qPrintable(QString::number(onLine)));
    QDropEvent drop(QPointF(lowerHalf), Qt::CopyAction, maria.get(), Qt::LeftButton,
                    Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"johan"_s, u"maria"_s, u"vald"_s}));
    QCOMPARE(membersView->dropLineRow(), -1);

    // The chip: one line of text, not a row as wide as the list.
    const QPixmap chip = RowDragView::chip({u"Maria Lopez"_s, u"Pat Kim"_s}, membersView);
    // (The list is as wide as the page gives the groups' side: 400 pixels here.)
    QVERIFY2(chip.deviceIndependentSize().width() <
                 membersView->fontMetrics().horizontalAdvance(u"Maria Lopez, Pat Kim"_s) + 60,
             qPrintable(QString::number(chip.deviceIndependentSize().width())));
    QVERIFY(chip.deviceIndependentSize().width() < membersView->width() * 0.75);
    QVERIFY(chip.deviceIndependentSize().height() < 2.5 * membersView->fontMetrics().height());

    // A group with one member shows the hint; the list stays where it was.
    const QRect before = membersView->geometry();
    QVERIFY(editor()->removeMembers(u"sales"_s, {1, 2, 3}));
    QCoreApplication::processEvents();
    QCOMPARE(membersView->geometry(), before);
}

void TestUsersGroups::tabGoesAsThePageReads()
{
    QStringList chain;
    QWidget *start = m_page->findChild<QLineEdit *>(u"searchField"_s);
    QVERIFY(start);
    QWidget *w = start;
    do {
        if (w->focusPolicy() & Qt::TabFocus && m_page->isAncestorOf(w)) {
            const auto *b = qobject_cast<QToolButton *>(w);
            chain.append(b && b->defaultAction() ? b->defaultAction()->text() : w->objectName());
        }
        w = w->nextInFocusChain();
    } while (w && w != start && chain.size() < 40);
    // From the search field on: the users' list, the groups' side, back to the users' buttons.
    const qsizetype at = chain.indexOf(u"usersView"_s);
    QVERIFY2(at == 1, qPrintable(chain.join(u", ")));
    QCOMPARE(chain.mid(1, 6), (QStringList{u"usersView"_s, u"Rename Group…"_s, u"Delete Group…"_s,
                                           u"+ Add Group"_s, u"groupsView"_s, u"membersView"_s}));
    QVERIFY(chain.indexOf(u"Add User…"_s) > chain.indexOf(u"membersView"_s));
}

void TestUsersGroups::crossRemovesAMember()
{
    QTreeView *view = m_page->membersView();
    const QModelIndex cross = members()->index(1, MembersModel::RemoveColumn); // Johan's ✕
    QVERIFY(!cross.data(Qt::DecorationRole).isNull());
    QCOMPARE(cross.data(Qt::ToolTipRole).toString(), u"Remove Johan Berg from Sales"_s);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cross).center());
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s), (QStringList{u"nancy"_s, u"vald"_s}));
    QCOMPARE(undo()->text(0), u"Remove Johan Berg from Sales"_s);
    // Clicking the name does not remove anyone.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(members()->index(0, MembersModel::MemberColumn)).center());
    QCOMPARE(members()->rowCount(), 2);
    undo()->undo();
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"johan"_s, u"vald"_s}));
    QCOMPARE(MembersModel::ringPositionLabel(members()->index(1, 0)), u"2. Johan Berg"_s);
}

void TestUsersGroups::keyboardTwins()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page));
    QTreeView *view = m_page->membersView();
    view->setFocus();
    view->setCurrentIndex(members()->index(2, 0)); // Vald
    view->selectionModel()->select(members()->index(2, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"vald"_s, u"johan"_s}));
    QCOMPARE(undo()->text(0), u"Move Vald Petrov up in Sales"_s);
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier); // the selection followed Vald
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s).first(), u"vald"_s);
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier); // already first: nothing
    QCOMPARE(undo()->count(), 2);
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s),
             (QStringList{u"nancy"_s, u"vald"_s, u"johan"_s}));
    QCOMPARE(undo()->text(2), u"Move Vald Petrov down in Sales"_s);

    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(memberIds(doc()->organization(), u"sales"_s), (QStringList{u"nancy"_s, u"johan"_s}));
    QCOMPARE(undo()->text(3), u"Remove Vald Petrov from Sales"_s);

    // "Add to group ▸" is the users list's twin of a drag; it adds through the same editor.
    QCOMPARE(editor()->addUsers(u"support"_s, {u"nancy"_s}), 1);
    QCOMPARE(undo()->text(4), u"Add Nancy Ortiz to Support"_s);
    undoAllAndCheckStart();
}

void TestUsersGroups::channelCheckboxes()
{
    const QModelIndex valdTexts = members()->index(2, MembersModel::TextsColumn);
    QVERIFY(members()->flags(valdTexts) & Qt::ItemIsUserCheckable);
    QCOMPARE(valdTexts.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(members()->setData(valdTexts, Qt::Checked, Qt::CheckStateRole));
    QVERIFY(doc()->organization().group(u"sales"_s)->members.at(2).sms);
    QCOMPARE(undo()->text(0), u"Let Vald Petrov take texts in Sales"_s);
    const QModelIndex nancyCalls = members()->index(0, MembersModel::CallsColumn);
    QVERIFY(members()->setData(nancyCalls, Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!doc()->organization().group(u"sales"_s)->members.at(0).voice);
    QCOMPARE(undo()->text(1), u"Stop Nancy Ortiz taking calls in Sales"_s);
    // Setting what is already so is not a change.
    QVERIFY(!members()->setData(nancyCalls, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(undo()->count(), 2);
    undoAllAndCheckStart();
}

void TestUsersGroups::usersAddEditDelete()
{
    User zoe;
    zoe.name = u"Zoë Ärger"_s;
    zoe.devices = {{DeviceKind::Phone, u"+15125550177"_s}};
    const QString id = editor()->addUser(zoe);
    QCOMPARE(id, u"zoe-arger"_s);
    QCOMPARE(users()->rowCount(), 6);
    QCOMPARE(undo()->text(0), u"Add user Zoë Ärger"_s);

    User changed = *doc()->organization().user(id);
    changed.email = u"zoe@example.com"_s;
    changed.role = Role::Manager;
    QVERIFY(editor()->editUser(id, changed));
    QCOMPARE(doc()->organization().user(id)->role, Role::Manager);
    QCOMPARE(undo()->text(1), u"Edit Zoë Ärger"_s);
    QVERIFY(!editor()->editUser(id, changed)); // no change, no step

    QVERIFY(editor()->deleteUser(id));
    QCOMPARE(users()->rowCount(), 5);
    QCOMPARE(undo()->text(2), u"Delete Zoë Ärger"_s);
    undoAllAndCheckStart();
}

void TestUsersGroups::deletingAUserHandsOverWhatTheyOwned()
{
    // Johan: member of Sales and Support, owner of a contact; Maria: in Support and in the
    // support line's ad-hoc ring list.
    const Organization &org = doc()->organization();
    const QList<Reference> johan = findReferences(org, ReferenceTarget::User, u"johan"_s);
    QStringList kinds;
    for (const Reference &r : johan)
        kinds.append(r.path);
    QCOMPARE(kinds, (QStringList{u"groups[0].members[1]"_s, u"groups[1].members[2]"_s,
                                 u"contacts[0].owner"_s}));
    const QList<Reference> maria = findReferences(org, ReferenceTarget::User, u"maria"_s);
    QCOMPARE(maria.size(), 2);
    QCOMPARE(maria.at(1).kind, Reference::RingList);
    QVERIFY(maria.at(1).description.contains(
        u"Flow \"Support line\", call flow: Dial \"Ring Support\", step 2"));

    QVERIFY(editor()->deleteUser(u"maria"_s, u"pat"_s));
    QCOMPARE(undo()->count(), 1); // one gesture, one step
    QCOMPARE(undo()->text(0), u"Delete Maria Lopez"_s);
    QVERIFY(!doc()->organization().user(u"maria"_s));
    QCOMPARE(memberIds(doc()->organization(), u"support"_s), (QStringList{u"pat"_s, u"johan"_s}));
    const QJsonArray ring = doc()
                                ->organization()
                                .flow(u"support-line"_s)
                                ->voice->applets[u"ring"_s]
                                .config.value(u"steps")
                                .toArray()
                                .at(1)
                                .toObject()
                                .value(u"target")
                                .toObject()
                                .value(u"members")
                                .toArray();
    QCOMPARE(ring, (QJsonArray{u"pat"_s, u"nancy"_s})); // Pat took Maria's place in the ring

    QVERIFY(editor()->deleteUser(u"johan"_s, u"nancy"_s));
    QCOMPARE(doc()->organization().contacts.at(0).owner, u"nancy"_s);
    QVERIFY(findReferences(doc()->organization(), ReferenceTarget::User, u"johan"_s).isEmpty());
    undoAllAndCheckStart();
}

void TestUsersGroups::groupsAddRenameDelete()
{
    const QString id = editor()->addGroup(u"Billing"_s, u"Finance"_s);
    QCOMPARE(id, u"billing"_s);
    QCOMPARE(groups()->rowCount(), 3);
    QCOMPARE(undo()->text(0), u"Add group Billing"_s);
    m_page->openGroup(id);
    QCOMPARE(m_page->openGroupId(), id);
    QVERIFY(editor()->editGroup(id, u"Billing & Invoices"_s, u"Finance"_s));
    QCOMPARE(groups()->index(2, 0).data().toString(), u"Billing & Invoices"_s);
    QCOMPARE(undo()->text(1), u"Rename group Billing to Billing & Invoices"_s);
    QVERIFY(membersTitle()->text().contains(u"Billing & Invoices"));
    QVERIFY(editor()->deleteGroup(id));
    QCOMPARE(groups()->rowCount(), 2);
    QCOMPARE(m_page->openGroupId(), u"support"_s); // the neighbouring group opened instead
    QCOMPARE(undo()->text(2), u"Delete group Billing & Invoices"_s);
    undoAllAndCheckStart();
}

void TestUsersGroups::deletingAUsedGroupSwitchesItsApplets()
{
    const QList<Reference> refs =
        findReferences(doc()->organization(), ReferenceTarget::Group, u"sales"_s);
    QStringList where;
    for (const Reference &r : refs)
        where.append(r.description);
    QCOMPARE(where, (QStringList{u"Flow \"Main line\", call flow: Voicemail \"After hours\""_s,
                                 u"Flow \"Main line\", call flow: Dial \"Ring Sales\", step 1"_s,
                                 u"Flow \"Main line\", call flow: Voicemail \"Sales voicemail\""_s,
                                 u"Flow \"Main line\", SMS flow: Inbox \"Sales inbox\""_s}));

    QVERIFY(editor()->deleteGroup(u"sales"_s, u"support"_s));
    QCOMPARE(undo()->count(), 1);
    QVERIFY(!doc()->organization().group(u"sales"_s));
    QVERIFY(findReferences(doc()->organization(), ReferenceTarget::Group, u"sales"_s).isEmpty());
    // Support's own 6 applets, and Sales' 4 now pointing at it.
    QCOMPARE(findReferences(doc()->organization(), ReferenceTarget::Group, u"support"_s).size(),
             6 + 4);
    doc()->validateNow();
    QCOMPARE(doc()->errorCount(), 0);

    undo()->undo();
    QVERIFY(doc()->organization() == m_start);
    // Without a replacement, the applets keep naming the group, and validation says so.
    QVERIFY(editor()->deleteGroup(u"sales"_s));
    doc()->validateNow();
    QCOMPARE(doc()->errorCount(), 4);
    undoAllAndCheckStart();
}

void TestUsersGroups::emptyGroupShowsAHint()
{
    const QString id = editor()->addGroup(u"Night Shift"_s, QString());
    m_page->openGroup(id);
    QCOMPARE(members()->rowCount(), 0);
    QCOMPARE(membersTitle()->text(), u"Night Shift has no members yet."_s);
    const QModelIndex row = groups()->index(2, GroupsModel::MembersColumn);
    QCOMPARE(row.data().toString(), u"No members"_s);
    QVERIFY(!row.data(Qt::DecorationRole).isNull());
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(u"rings nobody"));
    // The empty list is a drop target.
    const std::unique_ptr<QMimeData> pat(usersMime({4}));
    QTreeView *view = m_page->membersView();
    QVERIFY(dropOnView(view, pat.get(), view->viewport()->rect().center()));
    QCOMPARE(memberIds(doc()->organization(), id), (QStringList{u"pat"_s}));
    QCOMPARE(membersTitle()->text(), u"Members of Night Shift, in ring order"_s);
}

void TestUsersGroups::aWholeSessionSavesAndUndoesToTheStart()
{
    // A manager's week: a new group, people into it, a reorder, a removal, a channel change.
    const QString billing = editor()->addGroup(u"Billing"_s, u"Finance"_s);
    QCOMPARE(editor()->addUsers(billing, {u"maria"_s, u"pat"_s, u"vald"_s}), 3);
    QVERIFY(editor()->moveMembers(billing, {2}, 0));
    QVERIFY(editor()->removeMembers(u"sales"_s, {1}));
    QVERIFY(editor()->setTakesPart(billing, 0, Channel::Sms, false));
    QCOMPARE(undo()->count(), 5);
    QCOMPARE(undo()->text(1), u"Add 3 users to Billing"_s);
    const Organization after = doc()->organization();

    QString error;
    QVERIFY2(doc()->save(&error), qPrintable(error));
    QVERIFY(!doc()->isModified());
    // Only the two groups that changed were written: their rows and their members.
    QCOMPARE(doc()->store().lastWriteCount(), (1 + 3) + (1 + 3 + 2));
    {
        auto reopened = OrganizationDocument::open(m_dir->filePath(u"groups.sqlite"_s), &error);
        QVERIFY2(reopened, qPrintable(error));
        QVERIFY(reopened->organization() == after);
        QCOMPARE(memberIds(reopened->organization(), billing),
                 (QStringList{u"vald"_s, u"maria"_s, u"pat"_s}));
        QVERIFY(!reopened->organization().group(billing)->members.at(0).sms);
    }
    while (undo()->canUndo())
        undo()->undo();
    QVERIFY(doc()->organization() == m_start);
    QVERIFY(doc()->isModified()); // the database holds the session's end
    while (undo()->canRedo())
        undo()->redo();
    QVERIFY(doc()->organization() == after);
    QVERIFY(!doc()->isModified());
}

void TestUsersGroups::userDialogChecksDevicesAsYouType()
{
    UserDialog dialog{User()};
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.problem().contains(u"name"));
    QTest::keyClicks(nameField(dialog), u"Sam Reyes"_s);
    QVERIFY(ok->isEnabled());
    dialog.addDevice(DeviceKind::Phone, u"512-555-0100"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(u"E.164"), qPrintable(dialog.problem()));
    devicesTable(dialog)->item(0, 1)->setText(u"+15125550100"_s);
    QVERIFY(ok->isEnabled());
    dialog.addDevice(DeviceKind::Sip, u"sam@pbx"_s);
    QVERIFY(dialog.problem().contains(u"SIP"));
    devicesTable(dialog)->item(1, 1)->setText(u"sip:sam@pbx.example.com"_s);
    QVERIFY(ok->isEnabled());
    const User user = dialog.user();
    QCOMPARE(user.name, u"Sam Reyes"_s);
    QCOMPARE(user.devices.size(), 2);
    QCOMPARE(user.devices.at(1).kind, DeviceKind::Sip);
}

void TestUsersGroups::groupDialogRefusesTakenNames()
{
    // "Customer  care", imported with two spaces, is the name "customer care" (the
    // validator's rule: case and extra spaces do not tell names apart).
    GroupDialog dialog(u"Add Group"_s, QString(), QString(),
                       {u"Sales"_s, u"Support"_s, u"Customer  care"_s}, {});
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    // As wide as the console's other small dialogs, the department's example not cut off.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.width() >= ConsoleLook::DialogMinimumWidth);
    for (QLineEdit *field : dialog.findChildren<QLineEdit *>()) {
        if (!field->placeholderText().isEmpty())
            QVERIFY2(field->width() >
                         field->fontMetrics().horizontalAdvance(field->placeholderText()),
                     qPrintable(field->placeholderText()));
    }
    // Before anything is typed: OK waits, but no red sentence says it is wrong.
    const auto said = [&dialog] {
        QStringList texts;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            texts.append(l->text());
        return texts.join(u'|');
    };
    QVERIFY2(!said().contains(u"Give the group a name."), qPrintable(said()));
    QTest::keyClicks(nameField(dialog), u"x"_s);
    QTest::keyClick(nameField(dialog), Qt::Key_Backspace);
    QVERIFY(said().contains(u"Give the group a name.")); // emptied by hand: now it says so
    QTest::keyClicks(nameField(dialog), u"customer care"_s);
    QVERIFY(!ok->isEnabled());
    nameField(dialog)->clear();
    QTest::keyClicks(nameField(dialog), u"sales"_s);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(nameField(dialog), u" east"_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.name(), u"sales east"_s);
}

// A member's Calls and Texts by the keys alone: Shift+F10 on the member list opens its menu,
// whose "Takes Calls" and "Takes Texts" are the check boxes' twins, one undo step each.
void TestUsersGroups::takesCallsAndTextsByKeyboard()
{
    ConsoleLook::install(); // as the console's window does: Shift+F10 is the menu key's twin
    QTreeView *view = m_page->membersView();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    view->setFocus();
    view->setCurrentIndex(members()->index(2, 0)); // Vald: calls, not texts
    const auto takes = [this](int column) {
        return members()->index(2, column).data(Qt::CheckStateRole).toInt() == Qt::Checked;
    };
    QVERIFY(takes(MembersModel::CallsColumn));
    QVERIFY(!takes(MembersModel::TextsColumn));
    QStringList entries;
    QTimer::singleShot(0, this, [&entries] {
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!popup)
            return;
        for (QAction *a : popup->actions()) {
            if (!a->isSeparator())
                entries.append(a->text() + (a->isChecked() ? u" [x]"_s : QString()));
        }
        QTest::keyClick(popup, Qt::Key_T); // Takes &Texts
    });
    QTest::keyClick(view, Qt::Key_F10, Qt::ShiftModifier);
    QTRY_VERIFY(takes(MembersModel::TextsColumn));
    QVERIFY2(entries.contains(u"Takes &Calls [x]"_s), qPrintable(entries.join(u", ")));
    QVERIFY(entries.contains(u"Takes &Texts"_s));
    QCOMPARE(undo()->count(), 1);
    undo()->undo();
    QVERIFY(!takes(MembersModel::TextsColumn));
}

// Tab leaves a table for the next control, as it leaves a list: the user dialog's devices
// table does not keep the keys stepping from cell to cell.
void TestUsersGroups::tabLeavesATable()
{
    ConsoleLook::install();
    User user = *doc()->organization().user(u"nancy"_s);
    UserDialog dialog{user};
    dialog.offerPasswordSetting(nullptr); // an admin's: the password row under the role
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTableWidget *devices = devicesTable(dialog);
    QVERIFY(devices->rowCount() >= 2);
    devices->setCurrentCell(0, 1); // the address (the kind is a drop-down of its own)
    devices->setFocus();
    QTRY_VERIFY(devices->hasFocus());
    QTest::keyClick(devices, Qt::Key_Tab);
    QWidget *next = QApplication::focusWidget();
    QVERIFY(next);
    QVERIFY2(next != devices && !devices->isAncestorOf(next), next->metaObject()->className());
    QCOMPARE(devices->currentRow(), 0);
    QCOMPARE(devices->currentColumn(), 1);
    // Tab goes down the form: from the role to "Set password…", not past it to the devices.
    auto *role = Test::child<QComboBox>(&dialog, u"roleField"_s);
    auto *password = Test::child<QPushButton>(&dialog, u"setPasswordButton"_s);
    QWidget *after = role->nextInFocusChain();
    while (after && !(after->focusPolicy() & Qt::TabFocus))
        after = after->nextInFocusChain();
    QCOMPARE(after, password);
    // The kinds' drop-downs are not cut off ("Switchboarc").
    for (int row = 0; row < devices->rowCount(); ++row) {
        QWidget *kind = devices->cellWidget(row, 0);
        QVERIFY(devices->columnWidth(0) >= kind->sizeHint().width());
    }
}

// The divider between users and groups stays where it is when a group with a long name is
// made and opened, and members come and go (the line above the members wraps instead).
void TestUsersGroups::theDividerStaysWhereItIs()
{
    m_page->resize(1000, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    auto *splitter = m_page->findChild<QSplitter *>();
    QVERIFY(splitter);
    const QList<int> sizes = splitter->sizes();
    const QString id = editor()->addGroup(
        u"Inbound Leads from the Spring Open House Weekend Campaign"_s, u"Sales"_s);
    QTreeView *groups = m_page->findChild<QTreeView *>(u"groupsView"_s);
    groups->setCurrentIndex(groups->model()->index(doc()->organization().indexOfGroup(id), 0));
    QVERIFY(editor()->addUsers(id, {u"maria"_s, u"pat"_s}) == 2);
    QTest::qWait(50); // the layout settles
    QCOMPARE(splitter->sizes(), sizes);
}

QTEST_MAIN(TestUsersGroups)
#include "tst_usersgroups.moc"
