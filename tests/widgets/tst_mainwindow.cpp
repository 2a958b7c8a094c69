// The console's shell on a new database holding the tests' small organization, offscreen: the
// sections, the lists filled from the database, the red number, the status bar's counts, and
// the models' contracts.

#include "consolesettings.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "flowlist/flowsmodel.h"
#include "flowlist/flowsnumbersedits.h"
#include "flowlist/flowspage.h"
#include "groups/groupsmodel.h"
#include "groups/membersmodel.h"
#include "groups/usersgroupsedits.h"
#include "groups/usersgroupspage.h"
#include "groups/usersmodel.h"
#include "i18n/language.h"
#include "numbers/numbersmodel.h"
#include "numbers/numberspage.h"
#include "shell/consolelook.h"
#include "shell/mainwindow.h"
#include "shell/shortcutsdialog.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QScopeGuard>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Switchboard;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);    // the colours chosen stay out of ~/.config
        ConsoleSettings().remove(u"look/colours"_s); // nor does an earlier run's choice count
        installTranslations(u"en"_s);                // as the console does
    }
    void init();
    void cleanup();
    void showsTheOrganization();
    void navigationSwitchesSections();
    void usersSearchFiltersAsYouType();
    void groupsShowMembersInRingOrder();
    void unroutedNumberIsRed();
    void statusBarCountsFindings();
    void titleAndSaveFollowTheUndoStack();
    void gestureMessagesReachTheStatusBar();
    void modelsKeepTheirContract();
    void menusHoldEveryActionWithItsKeys();
    void rowsHaveRoomAndColumnsFit();
    void darkColoursReadOnTheirBackground();
    void returnPressesAFocusedToolButton();
    void listsTheKeysEnterAreReadyForThem();
    void checkBoxesAndIconsReadOnDark();
    void flowsHeaderTabsAsItReads();

private:
    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    auto document =
        Test::openDocument(m_dir->filePath(u"console.sqlite"_s), Test::smallOrganization(), &error);
    QVERIFY2(document, qPrintable(error));
    m_window = new MainWindow(std::move(document));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
    delete m_dir;
}

void TestMainWindow::showsTheOrganization()
{
    QVERIFY(m_window->windowTitle().contains(u"Switchboard"));
    QVERIFY(m_window->windowTitle().contains(u"Acme Realty"));
    QCOMPARE(m_window->usersGroupsPage()->usersView()->model()->rowCount(), 5);
    const auto *groupsView = Test::child<QTreeView>(m_window->usersGroupsPage(), u"groupsView"_s);
    QCOMPARE(groupsView->model()->rowCount(), 2);
    QCOMPARE(m_window->flowsPage()->view()->model()->rowCount(), 2);
    QCOMPARE(m_window->numbersPage()->view()->model()->rowCount(), 3);
    const auto *blockedView = Test::child<QListView>(m_window->numbersPage(), u"blockedView"_s);
    QCOMPARE(blockedView->model()->rowCount(), 1);
    QCOMPARE(m_window->usersGroupsPage()->usersView()->model()->index(0, 0).data().toString(),
             u"Nancy Ortiz"_s);
    QVERIFY(!m_window->pushAction()->isEnabled());
}

void TestMainWindow::navigationSwitchesSections()
{
    auto *navigation = m_window->findChild<QListWidget *>();
    auto *pages = m_window->findChild<QStackedWidget *>();
    QVERIFY(navigation && pages);
    QStringList labels;
    for (int i = 0; i < navigation->count(); ++i)
        labels.append(navigation->item(i)->text());
    QCOMPARE(labels,
             (QStringList{u"Users & Groups"_s, u"Flows"_s, u"Phone Numbers"_s, u"Inbox"_s}));
    QCOMPARE(pages->currentWidget(), m_window->usersGroupsPage());
    navigation->setCurrentRow(MainWindow::NumbersSection);
    QCOMPARE(pages->currentWidget(), m_window->numbersPage());
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->currentSection(), MainWindow::FlowsSection);
    QCOMPARE(pages->currentWidget(), m_window->flowsPage());
}

void TestMainWindow::usersSearchFiltersAsYouType()
{
    UsersGroupsPage *page = m_window->usersGroupsPage();
    QAbstractItemModel *users = page->usersView()->model();
    QTest::keyClicks(page->searchField(), u"ortiz"_s);
    QCOMPARE(users->rowCount(), 1);
    QCOMPARE(users->index(0, 0).data().toString(), u"Nancy Ortiz"_s);
    page->searchField()->setText(u"+1512555010"_s); // device numbers are searched too
    QCOMPARE(users->rowCount(), 4);
    page->searchField()->setText(u"pbx.acme"_s);
    QCOMPARE(users->rowCount(), 1);
    QCOMPARE(users->index(0, 0).data().toString(), u"Vald Petrov"_s);
    // Return goes on to what was found, selected: the keys act on it (Return edits it).
    QApplication::setActiveWindow(m_window);
    page->searchField()->setFocus();
    QTRY_VERIFY(page->searchField()->hasFocus());
    QTest::keyClick(page->searchField(), Qt::Key_Return);
    QVERIFY(page->usersView()->hasFocus());
    QCOMPARE(page->usersView()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(page->usersView()->selectionModel()->selectedRows().first().data().toString(),
             u"Vald Petrov"_s);
    page->searchField()->clear();
    QCOMPARE(users->rowCount(), 5);
}

void TestMainWindow::groupsShowMembersInRingOrder()
{
    UsersGroupsPage *page = m_window->usersGroupsPage();
    QAbstractItemModel *members = page->membersView()->model();
    QCOMPARE(members->rowCount(), 3); // Sales is open first
    QCOMPARE(MembersModel::ringPositionLabel(members->index(0, 0)), u"1. Nancy Ortiz"_s);
    QCOMPARE(MembersModel::ringPositionLabel(members->index(2, 0)), u"3. Vald Petrov"_s);
    // Vald takes calls, not texts, in Sales.
    QCOMPARE(members->index(2, MembersModel::CallsColumn).data(Qt::CheckStateRole).toInt(),
             int(Qt::Checked));
    QCOMPARE(members->index(2, MembersModel::TextsColumn).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
    auto *groupsView = Test::child<QTreeView>(page, u"groupsView"_s);
    groupsView->setCurrentIndex(groupsView->model()->index(1, 0));
    QCOMPARE(members->rowCount(), 3);
    QCOMPARE(MembersModel::ringPositionLabel(members->index(2, 0)), u"3. Johan Berg"_s);
}

void TestMainWindow::unroutedNumberIsRed()
{
    QAbstractItemModel *numbers = m_window->numbersPage()->view()->model();
    const QColor red = numbers->index(2, 0).data(Qt::ForegroundRole).value<QBrush>().color();
    QCOMPARE(red, QColor(0xc6, 0x28, 0x28));
    QCOMPARE(numbers->index(2, NumbersModel::FlowColumn).data().toString(), u"No flow"_s);
    QVERIFY(numbers->index(2, 0).data(Qt::ToolTipRole).toString().contains(u"No flow"));
    QVERIFY(!numbers->index(0, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(numbers->index(0, NumbersModel::FlowColumn).data().toString(), u"Main line"_s);
}

void TestMainWindow::statusBarCountsFindings()
{
    QCOMPARE(m_window->findingsLabel()->text(), u"0 errors, 1 warning"_s);
    OrganizationDocument *document = m_window->document();
    Organization broken = document->organization();
    broken.numbers[0].number = u"555"_s;
    document->setOrganization(broken);
    document->validateNow();
    QCOMPARE(m_window->findingsLabel()->text(), u"1 error, 1 warning"_s);
}

void TestMainWindow::titleAndSaveFollowTheUndoStack()
{
    OrganizationDocument *document = m_window->document();
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!m_window->saveAction()->isEnabled());

    // A stand-in edit until the editing issues bring their commands.
    class Rename : public QUndoCommand
    {
    public:
        Rename(OrganizationDocument *document, QString name)
            : m_document(document)
            , m_name(std::move(name))
        {
            setText(u"Rename organization"_s);
        }
        void redo() override { swap(); }
        void undo() override { swap(); }

    private:
        void swap()
        {
            Organization o = m_document->organization();
            std::swap(o.name, m_name);
            m_document->setOrganization(o);
        }
        OrganizationDocument *m_document;
        QString m_name;
    };
    document->undoStack()->push(new Rename(document, u"Acme Homes"_s));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(u"Acme Homes"));
    QVERIFY(m_window->saveAction()->isEnabled());

    QVERIFY(m_window->save());
    QVERIFY(!m_window->isWindowModified());
    QString error;
    auto reopened = OrganizationDocument::open(m_dir->filePath(u"console.sqlite"_s), &error);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(reopened->organization().name, u"Acme Homes"_s);

    document->undoStack()->undo();
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(u"Acme Realty"));
}

void TestMainWindow::gestureMessagesReachTheStatusBar()
{
    QCOMPARE(m_window->usersGroupsPage()->editor()->addUsers(u"sales"_s, {u"nancy"_s}), 0);
    QCOMPARE(m_window->statusBar()->currentMessage(),
             u"Nancy Ortiz is already in Sales; a user is in a group once."_s);
    // And the undo button keeps a short text, the whole step in its tooltip.
    QCOMPARE(m_window->usersGroupsPage()->editor()->addUsers(u"sales"_s, {u"maria"_s}), 1);
    const QList<QAction *> actions = m_window->findChild<QToolBar *>()->actions();
    const auto undo = std::find_if(actions.cbegin(), actions.cend(),
                                   [](QAction *a) { return a->iconText() == u"Undo"; });
    QVERIFY(undo != actions.cend());
    QCOMPARE((*undo)->toolTip(), u"Undo Add Maria Lopez to Sales (Ctrl+Z)"_s);
}

// At the default size: rows with room around their text (not 14 px), and every column of
// the users list in sight.
void TestMainWindow::rowsHaveRoomAndColumnsFit()
{
    QTreeView *users = m_window->usersGroupsPage()->usersView();
    const int row = users->visualRect(users->model()->index(0, 0)).height();
    QVERIFY2(row >= users->fontMetrics().height() * 1.4, qPrintable(QString::number(row)));
    QHeaderView *header = users->header();
    const int last = header->count() - 1;
    QVERIFY(header->sectionViewportPosition(last) + header->sectionSize(last) <=
            users->viewport()->width());
    QVERIFY(header->sectionSize(last) >= users->fontMetrics().horizontalAdvance(u"Devices"_s));
    // The pages' tool buttons are reached by Tab even where Tab skips buttons that only take
    // Tab focus (Linux themes go to text controls and lists only).
    int buttons = 0;
    for (QToolButton *b : m_window->centralWidget()->findChildren<QToolButton *>()) {
        if (b->defaultAction() && b->isVisibleTo(m_window)) {
            ++buttons;
            QVERIFY2(b->focusPolicy() != Qt::TabFocus, // NoFocus only where chosen so
                     qPrintable(b->defaultAction()->text()));
        }
    }
    QVERIFY(buttons > 5);
}

// Every action in a menu with its keys; the keys named in tooltips and listed in Help →
// Keyboard Shortcuts; Ctrl+Q quits.
void TestMainWindow::menusHoldEveryActionWithItsKeys()
{
    QStringList menus;
    QHash<QString, QString> keysOf; // menu entry -> its shortcut
    for (QAction *top : m_window->menuBar()->actions()) {
        menus.append(top->text());
        for (QAction *a : top->menu()->actions()) {
            if (!a->text().isEmpty())
                keysOf.insert(QString(a->text()).remove(u'&'),
                              a->shortcut().toString(QKeySequence::NativeText));
        }
    }
    QCOMPARE(menus, (QStringList{u"&File"_s, u"&Edit"_s, u"&View"_s, u"&Go"_s, u"&Help"_s}));
    QCOMPARE(keysOf.value(u"Save"_s), u"Ctrl+S"_s);
    QCOMPARE(keysOf.value(u"Push"_s), u"Ctrl+Shift+P"_s);
    QCOMPARE(keysOf.value(u"Quit"_s), u"Ctrl+Q"_s);
    QCOMPARE(keysOf.value(u"Test Call…"_s), u"Ctrl+T"_s);
    QCOMPARE(keysOf.value(u"Phone Numbers"_s), u"Ctrl+3"_s);
    QCOMPARE(keysOf.value(u"Keyboard Shortcuts"_s), u"F1"_s);
    QVERIFY(keysOf.contains(u"Active Groups…"_s));

    // Tooltips say the keys.
    QAction *save = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        if (a->text() == u"&Save")
            save = a;
    }
    QVERIFY(save);
    QVERIFY2(save->toolTip().endsWith(u" (Ctrl+S)"), qPrintable(save->toolTip()));

    // The list: the window's keys and each page's, by page.
    QHash<QString, QStringList> listed;
    for (const ShortcutsDialog::Entry &e : ShortcutsDialog::entriesFor(m_window))
        listed[e.where].append(e.what + u" = "_s + e.keys);
    QVERIFY2(listed.value(u"Everywhere"_s).contains(u"Save = Ctrl+S"_s),
             qPrintable(listed.value(u"Everywhere"_s).join(u"; ")));
    QVERIFY(listed.value(u"Everywhere"_s).contains(u"Inbox = Ctrl+4"_s));
    // Names as the menus show them: "Users && Groups" is "Users & Groups".
    QVERIFY2(listed.value(u"Everywhere"_s).contains(u"Users & Groups = Ctrl+1"_s),
             qPrintable(listed.value(u"Everywhere"_s).join(u"; ")));
    QVERIFY(listed.value(u"Everywhere"_s).contains(u"Active Groups… = Ctrl+G"_s));
    QVERIFY(listed.value(u"Everywhere"_s)
                .contains(
                    u"A list's menu (Add to group, a flow, a member's calls) = Shift+F10, Menu"_s));
    QVERIFY(listed.value(u"Inbox"_s).contains(u"Send the reply = Ctrl+Return"_s));
    QVERIFY2(listed.value(u"Users & Groups"_s).contains(u"Rename Group… = F2"_s),
             qPrintable(listed.keys().join(u"; ")));
    QVERIFY(listed.value(u"Flows"_s).contains(u"Create a New Flow = Ctrl+N"_s));
    QVERIFY(listed.contains(u"Flow builder canvas"_s));

    // Ctrl+Q: the window closes (nothing unsaved to ask about).
    QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!m_window->isVisible());
}

void TestMainWindow::modelsKeepTheirContract()
{
    OrganizationDocument *document = m_window->document();
    UsersGroupsEdits editor(document);
    UsersModel users(document);
    GroupsModel groups(&editor);
    MembersModel members(&editor);
    members.setGroup(u"sales"_s);
    FlowsNumbersEdits routing(document);
    FlowsModel flows(&routing);
    NumbersModel numbers(&routing);
    QAbstractItemModelTester t1(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&members, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t4(&flows, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t5(&numbers, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // A reset under the testers' eyes: everything removed, then back.
    Organization empty;
    const Organization start = document->organization();
    document->setOrganization(empty);
    QCOMPARE(users.rowCount(), 0);
    QCOMPARE(members.rowCount(), 0);
    document->setOrganization(start);
    QCOMPARE(users.rowCount(), 5);
    QCOMPARE(members.rowCount(), 3);
    QCOMPARE(flows.index(0, FlowsModel::NumbersColumn).data().toString(), u"1 number"_s);
}

namespace {

// WCAG's contrast ratio of two colours (1 to 21); 4.5 is enough for text.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double x = luminance(a) + 0.05;
    const double y = luminance(b) + 0.05;
    return std::max(x, y) / std::min(x, y);
}

} // namespace

// View ▸ Colours ▸ Dark: the whole console dark, and what warns in red still reads on it (the
// red of a light palette does not); back to the desktop's, the light red again. The choice is
// kept for the next start.
void TestMainWindow::darkColoursReadOnTheirBackground()
{
    auto *colours = m_window->menuBar()->findChild<QMenu *>(u"coloursMenu"_s);
    QVERIFY(colours);
    QAction *dark = nullptr;
    QAction *desktop = nullptr;
    for (QAction *a : colours->actions()) {
        if (a->data().toInt() == int(ConsoleLook::Scheme::Dark))
            dark = a;
        if (a->data().toInt() == int(ConsoleLook::Scheme::System))
            desktop = a;
    }
    QVERIFY(dark && desktop);
    QVERIFY(desktop->isChecked());
    const QColor lightRed = ConsoleLook::toneColor(ConsoleLook::Tone::Problem);

    dark->trigger();
    QVERIFY(dark->isChecked() && !desktop->isChecked());
    const QPalette palette = QApplication::palette();
    QVERIFY(palette.color(QPalette::Window).lightnessF() < 0.3);
    QVERIFY(palette.color(QPalette::Base).lightnessF() < 0.3);
    // The unrouted number's red, and a red label's, read on the dark base.
    QAbstractItemModel *numbers = m_window->numbersPage()->view()->model();
    const QColor red = numbers->index(2, 0).data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY2(contrast(red, palette.color(QPalette::Base)) >= 4.5, qPrintable(red.name()));
    QVERIFY(contrast(lightRed, palette.color(QPalette::Base)) < 4.5); // the reason for it
    // Words already in red take the new red: the findings label with an error in it.
    m_window->document()->setOrganization([&] {
        Organization org = m_window->document()->organization();
        org.numbers[0].flow = u"no-such-flow"_s;
        return org;
    }());
    QLabel *findings = m_window->findingsLabel();
    QTRY_VERIFY(findings->text().startsWith(u"1 error"));
    QCOMPARE(findings->palette().color(QPalette::WindowText), red);
    QVERIFY(contrast(ConsoleLook::lineColor(palette), palette.color(QPalette::Base)) >= 3);
    QCOMPARE(ConsoleSettings().value(u"look/colours"_s).toString(), u"dark"_s);

    desktop->trigger();
    QVERIFY(QApplication::palette().color(QPalette::Base).lightnessF() > 0.7);
    QCOMPARE(findings->palette().color(QPalette::WindowText), lightRed);
    QCOMPARE(numbers->index(2, 0).data(Qt::ForegroundRole).value<QBrush>().color(), lightRed);
    QCOMPARE(ConsoleSettings().value(u"look/colours"_s).toString(), u"system"_s);
}

// Return on a page's tool button the keys have reached does what a click does (Qt's buttons
// take Space only); Return elsewhere is left to the widget.
void TestMainWindow::returnPressesAFocusedToolButton()
{
    m_window->showSection(MainWindow::FlowsSection);
    FlowsPage *page = m_window->flowsPage();
    QToolButton *duplicate = nullptr;
    for (QToolButton *b : page->findChildren<QToolButton *>()) {
        if (b->defaultAction() && b->defaultAction()->text() == u"Duplicate")
            duplicate = b;
    }
    QVERIFY(duplicate);
    QAbstractItemModel *flows = page->view()->model();
    const int before = flows->rowCount();
    page->view()->setCurrentIndex(flows->index(0, 0));
    QVERIFY(duplicate->isEnabled());
    duplicate->setFocus(Qt::TabFocusReason);
    QTest::keyClick(duplicate, Qt::Key_Return);
    QTRY_COMPARE(flows->rowCount(), before + 1);
    // Shift+Return is not a press.
    QTest::keyClick(duplicate, Qt::Key_Return, Qt::ShiftModifier);
    QTest::qWait(300);
    QCOMPARE(flows->rowCount(), before + 1);
}

// Every table of the window (the inbox's list among them, made before the console's look was
// installed) lets Tab through; a list the keys enter has its current row selected, so the
// menu key and Return act on the row that looks current.
void TestMainWindow::listsTheKeysEnterAreReadyForThem()
{
    const QList<QTableView *> tables = m_window->findChildren<QTableView *>();
    QVERIFY(!tables.isEmpty());
    for (QTableView *table : tables)
        QVERIFY2(!table->tabKeyNavigation(), qPrintable(table->objectName()));

    QApplication::setActiveWindow(m_window);
    QTreeView *users = m_window->usersGroupsPage()->usersView();
    users->selectionModel()->clear();
    QVERIFY(!users->selectionModel()->hasSelection());
    users->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(users->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(users->selectionModel()->selectedRows().first().row(), users->currentIndex().row());
}

// On the dark palette an unticked check box is seen (its edge reads on the background), and on
// a selected row an applet's icon is drawn in the highlighted text's colour, not its purple.
void TestMainWindow::checkBoxesAndIconsReadOnDark()
{
    ConsoleLook::setScheme(ConsoleLook::Scheme::Dark);
    const auto back = qScopeGuard([] { ConsoleLook::setScheme(ConsoleLook::Scheme::System); });
    const QPalette palette = QApplication::palette();
    const QColor base = palette.color(QPalette::Base);
    QStyleOptionViewItem box;
    box.initFrom(m_window);
    box.palette = palette;
    box.rect = QRect(2, 2, 16, 16);
    box.state = QStyle::State_Enabled | QStyle::State_Off;
    QImage image(20, 20, QImage::Format_ARGB32);
    image.fill(base);
    {
        QPainter painter(&image);
        QApplication::style()->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &box, &painter,
                                             nullptr);
    }
    double best = 1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            best = std::max(best, contrast(image.pixelColor(x, y), base));
    }
    QVERIFY2(best >= 2.5, qPrintable(QString::number(best)));

    const QColor ink = palette.color(QPalette::Active, QPalette::HighlightedText);
    const QImage menu = ConsoleLook::icon(u":/icons/applets/menu.svg"_s)
                            .pixmap(QSize(24, 24), 1.0, QIcon::Selected)
                            .toImage();
    int inked = 0;
    for (int y = 0; y < menu.height(); ++y) {
        for (int x = 0; x < menu.width(); ++x) {
            const QColor c = menu.pixelColor(x, y);
            if (c.alpha() < 250)
                continue; // the edges, blended
            QCOMPARE(c.rgb(), ink.rgb());
            ++inked;
        }
    }
    QVERIFY(inked > 20);
}

// The Flows page's buttons are reached by Tab left to right as they read, then the list
// (the bold "Create a New Flow", made first, came first).
void TestMainWindow::flowsHeaderTabsAsItReads()
{
    FlowsPage *page = m_window->flowsPage();
    QToolButton *open = nullptr;
    for (QToolButton *b : page->findChildren<QToolButton *>()) {
        if (b->defaultAction() && b->defaultAction()->text() == u"Open")
            open = b;
    }
    QVERIFY(open);
    QStringList chain;
    QWidget *w = open;
    while (w && chain.size() < 6) {
        if (w->focusPolicy() & Qt::TabFocus && page->isAncestorOf(w)) {
            const auto *b = qobject_cast<QToolButton *>(w);
            chain.append(b && b->defaultAction()
                             ? b->defaultAction()->text().remove(u'&')
                             : QString::fromLatin1(w->metaObject()->className()));
        }
        w = w->nextInFocusChain();
    }
    QCOMPARE(chain.mid(0, 6), (QStringList{u"Open"_s, u"Rename"_s, u"Duplicate"_s, u"Delete…"_s,
                                           u"Create a New Flow"_s, u"QTreeView"_s}));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
