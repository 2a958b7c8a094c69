// The flows dashboard and the phone numbers, offscreen on the real models, views and
// delegates: the preview paints the right icons in flow order; the red state follows
// assignments; assigning from either side shows on the other; deleting a flow unassigns its
// numbers (undo restores them); numbers and blocked numbers checked as they are typed.

#include "catalogue/appletcatalogue.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "flowbuilder/flowdocument.h"
#include "flowbuilder/flowedits.h"
#include "flowbuilder/flowscene.h"
#include "flowbuilder/flowview.h"
#include "flowbuilder/flowwindow.h"
#include "flowlist/flowdelegates.h"
#include "flowlist/flowsmodel.h"
#include "flowlist/flowsnumbersedits.h"
#include "flowlist/flowspage.h"
#include "i18n/language.h"
#include "numbers/e164validator.h"
#include "numbers/numbersmodel.h"
#include "numbers/numberspage.h"
#include "shell/mainwindow.h"
#include "store/organizationstore.h"
#include "testsupport.h"

#include <algorithm>

#include <QAbstractItemModelTester>
#include <QActionGroup>
#include <QBrush>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QScreen>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
const QColor red(0xc6, 0x28, 0x28);

bool isRed(const QModelIndex &index)
{
    return index.data(Qt::ForegroundRole).value<QBrush>().color() == red;
}
} // namespace

class TestFlowsNumbers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(u"en"_s); }
    void init();
    void cleanup();

    void previewPaintsTheApplets();
    void redStateFollowsAssignments();
    void assignmentShowsOnBothSides();
    void deletingAFlowUnassignsItsNumbers();
    void aDeletedFlowsBuilderCannotSaveOverANewFlow();
    void createRenameDuplicate();
    void createButtonsOpenTheBuilderOnThatTab();
    void numbersCheckedAsTyped_data();
    void numbersCheckedAsTyped();
    void addEditRemoveNumbers();
    void blockedNumbersAndMarkAsSpam();
    void badgeCountsUnroutedNumbers();
    void aFlowGetsANumberByKeyboard();
    void aNumberGetsAFlowByKeyboard();
    void savingAFlowSavesTheNumbersGivenIt();
    void theBuilderOpensOnScreenWithTheKeysOnTheCanvas();

private:
    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;
    QList<QAbstractItemModelTester *> m_testers;
    OrganizationDocument *doc() const { return m_window->document(); }
    FlowsNumbersEdits *editor() const { return m_window->routingEditor(); }
    FlowsModel *flows() const { return m_window->flowsPage()->model(); }
    NumbersModel *numbers() const { return m_window->numbersPage()->model(); }
    QUndoStack *undo() const { return doc()->undoStack(); }
};

void TestFlowsNumbers::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    // Test::smallOrganization(): flows main (row 0) and support-line (row 1); numbers
    // +15125550100 (main), +15125550110 (support-line), +15125550120 (no flow), in that order.
    auto document =
        Test::openDocument(m_dir->filePath(u"numbers.sqlite"_s), Test::smallOrganization(), &error);
    QVERIFY2(document, qPrintable(error));
    m_window = new MainWindow(std::move(document));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    for (QAbstractItemModel *m :
         {static_cast<QAbstractItemModel *>(flows()), static_cast<QAbstractItemModel *>(numbers())})
        m_testers.append(new QAbstractItemModelTester(
            m, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void TestFlowsNumbers::cleanup()
{
    qDeleteAll(m_testers);
    m_testers.clear();
    doc()->undoStack()->setClean();
    delete m_window;
    delete m_dir;
}

void TestFlowsNumbers::previewPaintsTheApplets()
{
    // The main line, in flow order: hours, then under "open" the menu, its key 1
    // (dial Sales, then its voicemail), key 2 (dial Support, its voicemail), then "closed"'s
    // voicemail; after the bar, the SMS flow: keyword and its two inboxes.
    const QModelIndex cell = flows()->index(0, FlowsModel::AppletsColumn);
    const QStringList expected{u"hours"_s,   u"menu"_s,      u"dial"_s,      u"voicemail"_s,
                               u"dial"_s,    u"voicemail"_s, u"voicemail"_s, u"|"_s,
                               u"keyword"_s, u"sms-inbox"_s, u"sms-inbox"_s};
    QCOMPARE(cell.data(FlowsModel::PreviewRole).toStringList(), expected);

    // Paint the cell with the view's delegate and find each icon where it belongs.
    auto *delegate = qobject_cast<AppletPreviewDelegate *>(
        m_window->flowsPage()->view()->itemDelegateForColumn(FlowsModel::AppletsColumn));
    QVERIFY(delegate);
    QImage image(400, 30, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QStyleOptionViewItem option;
    option.rect = QRect(0, 0, 400, 30);
    option.palette = m_window->palette();
    {
        QPainter painter(&image);
        delegate->paint(&painter, option, cell);
    }
    const QList<QRect> rects = AppletPreviewDelegate::iconRects(option.rect, expected);
    QCOMPARE(rects.size(), 10);
    QStringList types = expected;
    types.removeAll(u"|"_s);
    for (int i = 0; i < rects.size(); ++i) {
        QImage reference(rects.at(i).size(), QImage::Format_ARGB32_Premultiplied);
        reference.fill(Qt::white);
        {
            QPainter p(&reference);
            p.drawPixmap(0, 0, delegate->icon(types.at(i), 1.0));
        }
        QCOMPARE(image.copy(rects.at(i)), reference);
    }
    // And the preview is of its own flow: different icons in the first place differ.
    QImage hours = image.copy(rects.at(0));
    QImage menu = image.copy(rects.at(1));
    QVERIFY(hours != menu);
}

void TestFlowsNumbers::redStateFollowsAssignments()
{
    const QModelIndex unrouted = numbers()->index(2, NumbersModel::StatusColumn);
    QVERIFY(isRed(unrouted));
    QVERIFY(unrouted.data().toString().contains(u"No flow"));
    QVERIFY(editor()->assignNumber(u"+15125550120"_s, u"main"_s));
    QVERIFY(!isRed(numbers()->index(2, NumbersModel::StatusColumn)));
    QCOMPARE(undo()->text(0), u"Route +15125550120 to flow Main line"_s);
    // A flow without an SMS flow: the number is red again, for that reason.
    Organization org = doc()->organization();
    const QString flowId = editor()->createFlow(u"Calls only"_s);
    QVERIFY(editor()->assignNumber(u"+15125550120"_s, flowId));
    QVERIFY(isRed(numbers()->index(2, NumbersModel::StatusColumn)));
    QVERIFY(numbers()->index(2, NumbersModel::StatusColumn).data().toString().contains(u"neither"));
    // The flow's own row shows both red buttons.
    const int row = doc()->organization().indexOfFlow(flowId);
    QVERIFY(!flows()->index(row, FlowsModel::VoiceColumn).data(FlowsModel::SetUpRole).toBool());
    QCOMPARE(flows()->index(row, FlowsModel::VoiceColumn).data().toString(), u"Create Call Flow"_s);
    QCOMPARE(flows()->index(row, FlowsModel::SmsColumn).data().toString(), u"Create SMS Flow"_s);
    while (undo()->canUndo())
        undo()->undo();
    QVERIFY(isRed(numbers()->index(2, NumbersModel::StatusColumn)));
}

void TestFlowsNumbers::assignmentShowsOnBothSides()
{
    // From the flow's side...
    QCOMPARE(flows()->index(1, FlowsModel::NumbersColumn).data().toString(), u"1 number"_s);
    QVERIFY(editor()->assignNumber(u"+15125550120"_s, u"support-line"_s));
    QCOMPARE(flows()->index(1, FlowsModel::NumbersColumn).data().toString(), u"2 numbers"_s);
    QCOMPARE(numbers()->index(2, NumbersModel::FlowColumn).data().toString(), u"Support line"_s);
    // ... and from the number's: moving it takes it from one flow to the other.
    QVERIFY(editor()->assignNumber(u"+15125550120"_s, u"main"_s));
    QCOMPARE(undo()->text(1), u"Move +15125550120 from flow Support line to Main line"_s);
    QCOMPARE(flows()->index(0, FlowsModel::NumbersColumn).data().toString(), u"2 numbers"_s);
    QCOMPARE(flows()->index(1, FlowsModel::NumbersColumn).data().toString(), u"1 number"_s);
    QCOMPARE(
        flows()->index(0, FlowsModel::NumbersColumn).data(FlowsModel::NumbersRole).toStringList(),
        (QStringList{u"+15125550100"_s, u"+15125550120"_s}));
    QVERIFY(!editor()->assignNumber(u"+15125550120"_s, u"main"_s)); // already
    QVERIFY(!editor()->assignNumber(u"+15125550120"_s, u"nope"_s));
}

void TestFlowsNumbers::aDeletedFlowsBuilderCannotSaveOverANewFlow()
{
    const Flow old = *doc()->organization().flow(u"support-line"_s);
    QVERIFY(old.isSetUp(Channel::Sms));
    QPointer<FlowWindow> window = m_window->openFlow(u"support-line"_s, Channel::Sms);
    QVERIFY(window);
    // An unsaved edit in the builder, then the flow is deleted from the Flows list.
    const Graph &sms = *old.sms;
    QVERIFY(window->editor()->renameApplet(Channel::Sms, sms.start, u"Renamed, unsaved"_s));
    QVERIFY(window->document()->isModified());
    QVERIFY(editor()->deleteFlow(u"support-line"_s));
    QTRY_VERIFY(window.isNull()); // the builder went with its flow, without asking

    // A new flow of the same name takes the same id: its builder shows the new flow.
    QCOMPARE(editor()->createFlow(u"Support line"_s), u"support-line"_s);
    const Flow fresh = *doc()->organization().flow(u"support-line"_s);
    QVERIFY(!(fresh == old));
    FlowWindow *again = m_window->openFlow(u"support-line"_s, Channel::Sms);
    QVERIFY(again);
    QVERIFY(again->document()->flow() == fresh);
    QString error;
    QVERIFY2(again->document()->save(&error), qPrintable(error));
    QVERIFY(*doc()->organization().flow(u"support-line"_s) == fresh);
    again->close();
}

void TestFlowsNumbers::deletingAFlowUnassignsItsNumbers()
{
    const Organization before = doc()->organization();
    QCOMPARE(editor()->numbersOf(u"support-line"_s), (QStringList{u"+15125550110"_s}));
    QVERIFY(editor()->deleteFlow(u"support-line"_s));
    QCOMPARE(undo()->count(), 1);
    QCOMPARE(undo()->text(0), u"Delete flow Support line"_s);
    QCOMPARE(flows()->rowCount(), 1);
    QVERIFY(doc()->organization().number(u"+15125550110"_s)->flow.isEmpty());
    QVERIFY(isRed(numbers()->index(1, NumbersModel::StatusColumn)));
    undo()->undo();
    QVERIFY(doc()->organization() == before);
    QCOMPARE(numbers()->index(1, NumbersModel::FlowColumn).data().toString(), u"Support line"_s);
}

void TestFlowsNumbers::createRenameDuplicate()
{
    QVERIFY(!editor()->flowNameProblem(QString()).isEmpty());
    QVERIFY(editor()->flowNameProblem(u"main LINE"_s).contains(u"already"));
    // A name imported with two spaces is still the same name (the validator's rule).
    {
        const int support = doc()->organization().indexOfFlow(u"support-line"_s);
        const Flow before = doc()->organization().flows.at(support);
        Flow spaced = before;
        spaced.name = u"Support  Line"_s;
        doc()->setFlow(support, spaced);
        QVERIFY(editor()->flowNameProblem(u"support line"_s).contains(u"already"));
        doc()->setFlow(support, before);
    }
    QVERIFY(editor()->createFlow(u"Main line"_s).isEmpty());
    const QString id = editor()->createFlow(u"Spanish line"_s);
    QCOMPARE(id, u"spanish-line"_s);
    const int row = doc()->organization().indexOfFlow(id);
    const QVariant preview =
        flows()->index(row, FlowsModel::AppletsColumn).data(FlowsModel::PreviewRole);
    QVERIFY(preview.isValid()); // a preview, of nothing yet
    QCOMPARE(preview.toStringList(), QStringList());

    // Renamed in place, through the model as the view's editor does.
    QVERIFY(flows()->flags(flows()->index(row, FlowsModel::NameColumn)) & Qt::ItemIsEditable);
    QVERIFY(flows()->setData(flows()->index(row, FlowsModel::NameColumn), u"Línea en español"_s));
    QCOMPARE(flows()->index(row, FlowsModel::NameColumn).data().toString(), u"Línea en español"_s);
    QVERIFY(!flows()->setData(flows()->index(row, FlowsModel::NameColumn), u"   "_s));

    const QString copy = editor()->duplicateFlow(u"main"_s);
    QCOMPARE(doc()->organization().flow(copy)->name, u"Main line (copy)"_s);
    QVERIFY(doc()->organization().flow(copy)->voice ==
            doc()->organization().flow(u"main"_s)->voice);
    QVERIFY(editor()->numbersOf(copy).isEmpty());
    QCOMPARE(doc()->organization().indexOfFlow(copy), 1); // right under the original
    QCOMPARE(undo()->text(2), u"Duplicate flow Main line"_s);
}

void TestFlowsNumbers::createButtonsOpenTheBuilderOnThatTab()
{
    const QString id = editor()->createFlow(u"Empty"_s);
    const int row = doc()->organization().indexOfFlow(id);
    QSignalSpy open(m_window->flowsPage(), &FlowsPage::openFlow);
    // The red "Create SMS Flow" button, clicked.
    m_window->showSection(MainWindow::FlowsSection);
    QTreeView *view = m_window->flowsPage()->view();
    const QModelIndex sms = flows()->index(row, FlowsModel::SmsColumn);
    view->scrollTo(sms);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      SetUpDelegate::buttonRect(view->visualRect(sms)).center());
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().at(0).toString(), id);
    QCOMPARE(open.first().at(1).value<Channel>(), Channel::Sms);
    // Its words fit their column (bold, as drawn), at the window's smallest width too.
    m_window->resize(m_window->minimumSizeHint());
    QCoreApplication::processEvents();
    QFont bold = view->font();
    bold.setBold(true);
    const int words = QFontMetrics(bold).horizontalAdvance(sms.data().toString());
    QVERIFY2(SetUpDelegate::buttonRect(view->visualRect(sms)).width() >= words + 8,
             qPrintable(QString::number(view->visualRect(sms).width())));
}

void TestFlowsNumbers::numbersCheckedAsTyped_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("becomes");
    QTest::addColumn<int>("state");
    QTest::newRow("whole") << u"+15125550100"_s << u"+15125550100"_s << int(QValidator::Acceptable);
    QTest::newRow("spaces and dashes dropped")
        << u"+1 512-555-0100"_s << u"+15125550100"_s << int(QValidator::Acceptable);
    QTest::newRow("plus added") << u"15125550100"_s << u"+15125550100"_s
                                << int(QValidator::Acceptable);
    QTest::newRow("on its way") << u"+1512"_s << u"+1512"_s << int(QValidator::Intermediate);
    QTest::newRow("letters refused")
        << u"+1512CALL"_s << u"+1512CALL"_s << int(QValidator::Invalid);
    QTest::newRow("country code 0") << u"+0512"_s << u"+0512"_s << int(QValidator::Invalid);
    QTest::newRow("too long") << u"+12345678901234567"_s << u"+12345678901234567"_s
                              << int(QValidator::Invalid);
}

void TestFlowsNumbers::numbersCheckedAsTyped()
{
    QFETCH(QString, typed);
    QFETCH(QString, becomes);
    QFETCH(int, state);
    E164Validator validator;
    int pos = int(typed.size());
    QCOMPARE(int(validator.validate(typed, pos)), state);
    QCOMPARE(typed, becomes);
    // A QLineEdit with it refuses what cannot become a number.
    QLineEdit field;
    field.setValidator(&validator);
    QTest::keyClicks(&field, u"+1 (512) abc 555-0100"_s);
    QCOMPARE(field.text(), u"+15125550100"_s);
    QVERIFY(field.hasAcceptableInput());
}

void TestFlowsNumbers::addEditRemoveNumbers()
{
    QVERIFY(!editor()->numberProblem(u"+15125550100"_s).isEmpty()); // listed already
    QVERIFY(!editor()->addNumber(u"5125550199"_s, u"Bad"_s));
    QVERIFY(editor()->addNumber(u"+15125550130"_s, u"  Spanish   line "_s));
    QCOMPARE(numbers()->rowCount(), 4);
    QCOMPARE(numbers()->index(3, NumbersModel::LabelColumn).data().toString(), u"Spanish line"_s);
    QVERIFY(isRed(numbers()->index(3, NumbersModel::StatusColumn)));
    // Edited in place; a number already listed is refused.
    QVERIFY(numbers()->setData(numbers()->index(3, NumbersModel::LabelColumn), u"Español"_s));
    QVERIFY(
        !numbers()->setData(numbers()->index(3, NumbersModel::NumberColumn), u"+15125550100"_s));
    QVERIFY(numbers()->setData(numbers()->index(3, NumbersModel::NumberColumn), u"+15125550131"_s));
    QCOMPARE(numbers()->index(3, NumbersModel::NumberColumn).data().toString(), u"+15125550131"_s);
    QVERIFY(editor()->removeNumber(u"+15125550131"_s));
    QCOMPARE(numbers()->rowCount(), 3);
    QCOMPARE(undo()->count(), 4);
    while (undo()->canUndo())
        undo()->undo();
    QCOMPARE(numbers()->rowCount(), 3);
    QString error;
    QVERIFY(doc()->save(&error));
}

void TestFlowsNumbers::blockedNumbersAndMarkAsSpam()
{
    NumbersPage *page = m_window->numbersPage();
    auto *blockedView = Test::child<QListView>(page, u"blockedView"_s);
    auto *blockField = Test::child<QLineEdit>(page, u"blockField"_s);
    QAbstractItemModel *blocked = blockedView->model();
    QCOMPARE(blocked->rowCount(), 1);
    QTest::keyClicks(blockField, u"+1 512 555 0777"_s);
    page->blockTyped();
    QCOMPARE(blocked->rowCount(), 2);
    QCOMPARE(blocked->index(1, 0).data().toString(), u"+15125550777"_s);
    QVERIFY(blockField->text().isEmpty());
    QVERIFY(!editor()->block(u"+15125550777"_s)); // already
    // "Mark as spam" on a contact's number.
    QVERIFY(editor()->markAsSpam(u"+15125550199"_s));
    QCOMPARE(undo()->text(1), u"Mark +15125550199 as spam"_s);
    QCOMPARE(blocked->rowCount(), 3);
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"+15125550199 is blocked"));
    blockedView->setCurrentIndex(blocked->index(0, 0));
    page->unblockSelected();
    QVERIFY(!doc()->organization().blocked.contains(u"+15125550666"_s));
    // Saved: only the blocked list was written.
    QString error;
    QVERIFY(doc()->save(&error));
    QCOMPARE(doc()->store().lastWriteCount(), 3); // two numbers blocked, one unblocked
}

void TestFlowsNumbers::badgeCountsUnroutedNumbers()
{
    // The badge counts exactly the numbers whose Status column names a problem.
    auto problems = [this] {
        const Organization &org = doc()->organization();
        return int(
            std::count_if(org.numbers.cbegin(), org.numbers.cend(), [&org](const PhoneNumber &n) {
                return !NumbersModel::problem(org, n).isEmpty();
            }));
    };
    QCOMPARE(m_window->badge(MainWindow::NumbersSection), 1);
    QCOMPARE(problems(), 1);
    QVERIFY(editor()->assignNumber(u"+15125550120"_s, u"main"_s));
    QCOMPARE(m_window->badge(MainWindow::NumbersSection), 0);
    QCOMPARE(problems(), 0);
    // Without its SMS flow, "main" no longer routes its two numbers fully.
    const int mainRow = doc()->organization().indexOfFlow(u"main"_s);
    Flow callsOnly = doc()->organization().flows.at(mainRow);
    QVERIFY(callsOnly.isSetUp(Channel::Sms));
    callsOnly.sms.reset();
    const Flow whole = doc()->organization().flows.at(mainRow);
    doc()->setFlow(mainRow, callsOnly);
    QCOMPARE(m_window->badge(MainWindow::NumbersSection), 2);
    QCOMPARE(problems(), 2);
    doc()->setFlow(mainRow, whole);
    QCOMPARE(m_window->badge(MainWindow::NumbersSection), 0);
    QVERIFY(editor()->deleteFlow(u"main"_s));
    QCOMPARE(m_window->badge(MainWindow::NumbersSection), 2);
    QCOMPARE(problems(), 2);
    // The status bar counts the same warnings, from anywhere.
    doc()->validateNow();
    QVERIFY(m_window->findingsLabel()->text().contains(u"2 warnings"));
}

// The Numbers column's menu without a mouse: Enter on that cell opens it; choosing with the
// keys assigns the number, one undo step.
void TestFlowsNumbers::aFlowGetsANumberByKeyboard()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTreeView *view = m_window->flowsPage()->view();
    const QModelIndex cell = flows()->index(0, FlowsModel::NumbersColumn);
    const QString flowId = cell.siblingAtColumn(0).data(FlowsModel::FlowIdRole).toString();
    const int before = int(editor()->numbersOf(flowId).size());
    const int steps = undo()->count();
    view->setFocus();
    view->setCurrentIndex(cell);
    QStringList entries;
    QTimer::singleShot(0, this, [&entries] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        QAction *assign = nullptr;
        for (QAction *a : menu->actions()) {
            entries.append(a->text());
            if (a->text() == u"Assign a number")
                assign = a;
        }
        if (assign && assign->menu() && !assign->menu()->actions().isEmpty())
            assign->menu()->actions().constFirst()->trigger();
        menu->close();
    });
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY2(entries.contains(u"Assign a number"_s), qPrintable(entries.join(u", ")));
    QCOMPARE(int(editor()->numbersOf(flowId).size()), before + 1);
    QCOMPARE(undo()->count(), steps + 1);
}

// Phone Numbers without a mouse: Enter on a number opens its flow menu, a one-of-many choice
// (the current flow marked, exclusively); choosing is one undo step, and the status bar says
// what it did and what still lacks.
void TestFlowsNumbers::aNumberGetsAFlowByKeyboard()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->showSection(MainWindow::NumbersSection);
    QTreeView *view = m_window->numbersPage()->view();
    int row = -1; // the number without a flow
    for (int r = 0; r < numbers()->rowCount(); ++r) {
        if (numbers()->index(r, NumbersModel::FlowColumn).data().toString() == u"No flow")
            row = r;
    }
    QVERIFY(row >= 0);
    const QString number = numbers()->index(row, 0).data(NumbersModel::NumberRole).toString();
    const int steps = undo()->count();
    view->setFocus();
    view->setCurrentIndex(numbers()->index(row, NumbersModel::NumberColumn));
    bool exclusive = false;
    QStringList checked;
    QTimer::singleShot(0, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        QAction *first = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->isChecked())
                checked.append(a->text());
            if (a->actionGroup())
                exclusive = a->actionGroup()->isExclusive();
            if (!first && a->isCheckable())
                first = a;
        }
        if (first)
            first->trigger();
        menu->close();
    });
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(exclusive);
    QCOMPARE(checked, QStringList{u"No flow"_s});
    QVERIFY(!doc()->organization().number(number)->flow.isEmpty());
    QCOMPARE(undo()->count(), steps + 1);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"Save (Ctrl+S) to keep it"),
             qPrintable(m_window->statusBar()->currentMessage()));
}

// A number given a flow in the main window, then Save Flow in its builder: the number's flow
// is saved with it (the builder shows it unsaved until then), and with nothing else unsaved
// the main window is clean too. Other changes wait for the main window's Save.
void TestFlowsNumbers::savingAFlowSavesTheNumbersGivenIt()
{
    QPointer<FlowWindow> window = m_window->openFlow(u"support-line"_s, Channel::Voice);
    QVERIFY(window);
    auto *save = window->findChild<QAction *>(u"saveFlowAction"_s);
    QVERIFY(save);
    QVERIFY(!save->isEnabled());
    QVERIFY(editor()->assignNumber(u"+15125550120"_s, u"support-line"_s));
    QVERIFY(window->isWindowModified());
    QVERIFY(save->isEnabled());
    QCOMPARE(doc()->unsavedAssignments(u"support-line"_s), QStringList{u"+15125550120"_s});
    QVERIFY(doc()->unsavedAssignments(u"main"_s).isEmpty());

    save->trigger();
    QVERIFY(!window->isWindowModified());
    QVERIFY(!doc()->isModified());
    QVERIFY(doc()->unsavedAssignments(u"support-line"_s).isEmpty());
    QString error;
    std::optional<Organization> stored = doc()->store().load(&error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->number(u"+15125550120"_s)->flow, u"support-line"_s);

    // Moved on to the main line: either flow's Save saves the move, and only the move.
    QVERIFY(editor()->assignNumber(u"+15125550120"_s, u"main"_s));
    QCOMPARE(doc()->unsavedAssignments(u"main"_s), QStringList{u"+15125550120"_s});
    QCOMPARE(doc()->unsavedAssignments(u"support-line"_s), QStringList{u"+15125550120"_s});
    QVERIFY(editor()->renameFlow(u"main"_s, u"Main line, renamed"_s));
    save->trigger(); // saves the move away from this flow, not the rename
    stored = doc()->store().load(&error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->number(u"+15125550120"_s)->flow, u"main"_s);
    QCOMPARE(stored->flow(u"main"_s)->name, u"Main line"_s);
    QVERIFY(doc()->isModified()); // the rename is still unsaved
    window->close();
}

// The builder opens over the console and wholly on its screen, no smaller than its least
// size, with the keys on the canvas (not on the tabs, where an arrow would switch flows).
void TestFlowsNumbers::theBuilderOpensOnScreenWithTheKeysOnTheCanvas()
{
    QApplication::setActiveWindow(m_window);
    QPointer<FlowWindow> window = m_window->openFlow(u"main"_s, Channel::Voice);
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QApplication::setActiveWindow(window);
    const QRect room = window->screen()->availableGeometry();
    QVERIFY2(room.contains(window->geometry()), qPrintable(u"%1,%2 %3x%4"_s.arg(window->x())
                                                               .arg(window->y())
                                                               .arg(window->width())
                                                               .arg(window->height())));
    QVERIFY(window->minimumWidth() >= std::min(760, int(room.width() * 0.95)));
    QTRY_VERIFY2(qobject_cast<FlowView *>(QApplication::focusWidget()),
                 QApplication::focusWidget()
                     ? QApplication::focusWidget()->metaObject()->className()
                     : "nothing");
    QCOMPARE(QApplication::focusWidget(), window->view(Channel::Voice));
    // With the keys, something to act on: the flow's start is selected.
    const QString start = doc()->organization().flow(u"main"_s)->voice->start;
    QTRY_COMPARE(window->scene(Channel::Voice)->selectedApplet(), start);
    // Ctrl+Tab: the SMS flow, with the keys on its canvas (not on the palette's tabs).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), window->view(Channel::Sms));
    // It opened at its own size, as it would now (not fitted while hidden, and smaller).
    FlowView *sms = window->view(Channel::Sms);
    QTest::qWait(50);
    const qreal opened = sms->zoom();
    sms->showStart();
    QCOMPARE(sms->zoom(), opened);
    window->close();

    // A new flow: its one slot is selected, so that Return adds the first applet.
    const QString fresh = editor()->createFlow(u"Fresh"_s);
    QPointer<FlowWindow> empty = m_window->openFlow(fresh, Channel::Voice);
    QVERIFY(empty && QTest::qWaitForWindowExposed(empty));
    QApplication::setActiveWindow(empty);
    QTRY_COMPARE(empty->scene(Channel::Voice)->selectedSlot(),
                 std::optional<SlotRef>(SlotRef::start()));
    empty->close();
}

QTEST_MAIN(TestFlowsNumbers)
#include "tst_flowsnumbers.moc"
