// The console's test call on a new database holding the tests' small organization (its main
// line: hours, menu, a dial per group, voicemails), offscreen, as an admin uses it: the route of
// a call or a text step by step, as the routing engine plays it; unsaved changes (in the
// organization and in an open flow builder) are what it runs on; "Show on Canvas" opens the
// flow builder on the right tab and numbers exactly the applets the call went through, in
// order, with the branches taken; the next edit, or Clear Route, takes the route away.

#include "document/documentcommands.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "flowbuilder/appletitem.h"
#include "flowbuilder/flowdocument.h"
#include "flowbuilder/flowedits.h"
#include "flowbuilder/flowscene.h"
#include "flowbuilder/flowwindow.h"
#include "flowbuilder/slotitem.h"
#include "flowbuilder/testcalldialog.h"
#include "groups/usersgroupscommands.h"
#include "i18n/language.h"
#include "shell/mainwindow.h"
#include "testsupport.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {

const QString mainLine = u"+15125550100"_s;
const QString supportLine = u"+15125550110"_s;
const QString newListings = u"+15125550120"_s;  // no flow
const QString monday10 = u"2026-11-23T10:00"_s; // in the organization's zone, Chicago

// The dialog's fields, found by their names.
QComboBox *numberField(const TestCallDialog *dialog)
{
    return Test::child<QComboBox>(dialog, u"numberField"_s);
}
QLineEdit *callerField(const TestCallDialog *dialog)
{
    return Test::child<QLineEdit>(dialog, u"callerField"_s);
}
QDateTimeEdit *whenField(const TestCallDialog *dialog)
{
    return Test::child<QDateTimeEdit>(dialog, u"whenField"_s);
}
QLineEdit *keysField(const TestCallDialog *dialog)
{
    return Test::child<QLineEdit>(dialog, u"keysField"_s);
}
QComboBox *answerField(const TestCallDialog *dialog)
{
    return Test::child<QComboBox>(dialog, u"answerField"_s);
}
QListWidget *unavailableList(const TestCallDialog *dialog)
{
    return Test::child<QListWidget>(dialog, u"unavailableList"_s);
}
QRadioButton *callChoice(const TestCallDialog *dialog)
{
    return Test::child<QRadioButton>(dialog, u"callChoice"_s);
}
QRadioButton *textChoice(const TestCallDialog *dialog)
{
    return Test::child<QRadioButton>(dialog, u"textChoice"_s);
}
QLineEdit *textField(const TestCallDialog *dialog)
{
    return Test::child<QLineEdit>(dialog, u"textField"_s);
}
QListWidget *stepList(const TestCallDialog *dialog)
{
    return Test::child<QListWidget>(dialog, u"stepList"_s);
}
QLabel *endingLabel(const TestCallDialog *dialog)
{
    return Test::child<QLabel>(dialog, u"endingLabel"_s);
}
QPushButton *runButton(const TestCallDialog *dialog)
{
    return Test::child<QPushButton>(dialog, u"runButton"_s);
}
QPushButton *showButton(const TestCallDialog *dialog)
{
    return Test::child<QPushButton>(dialog, u"showButton"_s);
}
// The flow builder's actions.
QAction *clearRouteAction(const FlowWindow *builder)
{
    return Test::child<QAction>(builder, u"clearRouteAction"_s);
}
QAction *testCallAction(const FlowWindow *builder)
{
    return Test::child<QAction>(builder, u"flowTestCallAction"_s);
}

QStringList listed(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out.append(list->item(i)->text());
    return out;
}

// "N. line", as the step list numbers them.
QStringList numbered(const QStringList &lines)
{
    QStringList out;
    for (int i = 0; i < lines.size(); ++i)
        out.append(QString::number(i + 1) + u". "_s + lines.at(i));
    return out;
}

// Which applets of a canvas are on the route, with their step numbers: "menu 2,3".
QStringList highlighted(const FlowScene *scene)
{
    QStringList out;
    for (const AppletItem *item : scene->appletItems()) {
        if (!item->isHighlighted())
            continue;
        QStringList order;
        for (int n : item->highlightOrder())
            order.append(QString::number(n));
        out.append(item->appletId() + u' ' + order.join(u','));
    }
    out.sort();
    return out;
}

// The branches on the route: "menu/1"; "/" for the start.
QStringList highlightedSlots(const FlowScene *scene, const Graph &graph)
{
    QStringList out;
    auto add = [&](const SlotRef &ref) {
        if (const SlotItem *slot = scene->slotItem(ref); slot && slot->isHighlighted())
            out.append(ref.applet + u'/' + ref.branch);
    };
    add(SlotRef::start());
    for (const Applet &a : graph.applets) {
        for (const QString &branch : a.next.keys())
            add(SlotRef{a.id, branch});
    }
    out.sort();
    return out;
}

const QString menuPrompt =
    u"Menu \"Main menu\" says \"Thanks for calling Acme Realty. For sales, press 1. For support, "
    "press 2. To hear this again, press 9.\" and waits 5 s for a key."_s;
const QString openHours = u"Hours \"Office hours\": open (Mon 2026-11-23 10:00 America/Chicago)."_s;

} // namespace

class TestTestCall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(u"en"_s); }
    void init();
    void cleanup();

    void fieldsComeFromTheOrganization();
    void routeStepByStep_data();
    void routeStepByStep();
    void unsavedChangesAreWhatRuns();
    void unsavedFlowBuilderEditsAreWhatRuns();
    void showOnCanvasDrawsTheRoute_data();
    void showOnCanvasDrawsTheRoute();
    void nextEditOrClearRouteTakesItAway();
    void flowBuilderPreselectsItsNumber();

private:
    TestCallDialog *open();
    void fill(const QString &number, const QString &at, const QString &keys, const QString &answer,
              const QStringList &unavailable = {}, const QString &text = {});

    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;
    TestCallDialog *m_dialog = nullptr;
};

void TestTestCall::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    auto document = Test::openDocument(m_dir->filePath(u"testcall.sqlite"_s),
                                       Test::smallOrganization(), &error);
    QVERIFY2(document, qPrintable(error));
    m_window = new MainWindow(std::move(document));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_dialog = nullptr;
}

void TestTestCall::cleanup()
{
    // No "save changes?" questions on the way out.
    for (FlowWindow *w : m_window->findChildren<FlowWindow *>())
        w->document()->undoStack()->setClean();
    m_window->document()->undoStack()->setClean();
    delete m_window;
    m_window = nullptr;
    delete m_dir;
}

// Through the toolbar's action, as an admin opens it.
TestCallDialog *TestTestCall::open()
{
    QAction *action = m_window->findChild<QAction *>(u"testCallAction"_s);
    if (!action)
        return nullptr;
    action->trigger();
    m_dialog = m_window->findChild<TestCallDialog *>();
    return m_dialog && m_dialog->isVisible() ? m_dialog : nullptr;
}

void TestTestCall::fill(const QString &number, const QString &at, const QString &keys,
                        const QString &answer, const QStringList &unavailable, const QString &text)
{
    TestCallDialog *d = m_dialog;
    numberField(d)->setCurrentIndex(numberField(d)->findData(number));
    callerField(d)->setText(u"+15125559999"_s);
    whenField(d)->setDateTime(QDateTime::fromString(at, Qt::ISODate));
    if (text.isNull()) {
        callChoice(d)->setChecked(true);
        keysField(d)->setText(keys);
        answerField(d)->setCurrentIndex(answer.isEmpty() ? 0 : answerField(d)->findData(answer));
    } else {
        textChoice(d)->setChecked(true);
        textField(d)->setText(text);
    }
    for (int i = 0; i < unavailableList(d)->count(); ++i) {
        QListWidgetItem *item = unavailableList(d)->item(i);
        item->setCheckState(unavailable.contains(item->data(Qt::UserRole).toString())
                                ? Qt::Checked
                                : Qt::Unchecked);
    }
}

void TestTestCall::fieldsComeFromTheOrganization()
{
    TestCallDialog *d = open();
    QVERIFY(d);
    QCOMPARE(numberField(d)->count(), 3);
    QCOMPARE(numberField(d)->itemData(0).toString(), mainLine);
    QCOMPARE(numberField(d)->itemText(0), u"Main line (+15125550100) → flow \"Main line\""_s);
    QCOMPARE(numberField(d)->itemText(2), u"New listings (+15125550120): no flow"_s);
    QCOMPARE(answerField(d)->count(), 6);
    QCOMPARE(answerField(d)->itemText(0), u"Nobody"_s);
    QCOMPARE(answerField(d)->itemData(2).toString(), u"johan"_s);
    QCOMPARE(listed(unavailableList(d)),
             (QStringList{u"Nancy Ortiz"_s, u"Johan Berg"_s, u"Vald Petrov"_s, u"Maria Lopez"_s,
                          u"Pat Lee"_s}));
    QVERIFY(!showButton(d)->isEnabled()); // nothing run yet

    // The date and time are the organization's, and the label says which zone.
    QLabel *whenLabel = nullptr;
    for (QLabel *label : d->findChildren<QLabel *>()) {
        if (label->buddy() == whenField(d))
            whenLabel = label;
    }
    QVERIFY(whenLabel);
    QVERIFY2(whenLabel->text().contains(u"America/Chicago"_s), qPrintable(whenLabel->text()));
    whenField(d)->setDateTime(QDateTime::fromString(monday10, Qt::ISODate));
    QCOMPARE(d->simulation().at.toUTC(),
             QDateTime(QDate(2026, 11, 23), QTime(16, 0), QTimeZone::utc()));

    // Keys: digits, * and #, separated by commas or spaces.
    keysField(d)->clear();
    QTest::keyClicks(keysField(d), u"1a, 2 #"_s);
    QCOMPARE(keysField(d)->text(), u"1, 2 #"_s);
    QCOMPARE(d->simulation().digits, (QStringList{u"1"_s, u"2"_s, u"#"_s}));

    // A caller's number that is not whole yet cannot run, and says why.
    callerField(d)->clear();
    QTest::keyClicks(callerField(d), u"512 55"_s);
    QCOMPARE(callerField(d)->text(), u"+51255"_s);
    QVERIFY(!runButton(d)->isEnabled());
    QTest::keyClicks(callerField(d), u"5 9999"_s);
    QVERIFY(runButton(d)->isEnabled());

    // A text has no keys and nobody to answer.
    textChoice(d)->setChecked(true);
    QVERIFY(!keysField(d)->isEnabled());
    QVERIFY(!answerField(d)->isEnabled());
    QVERIFY(textField(d)->isEnabled());
    textField(d)->clear();
    QVERIFY(!d->simulation().text.isNull()); // an empty text is a text all the same

    // A number added while the dialog is open is offered at once.
    Organization org = m_window->document()->organization();
    org.numbers.append({u"+15125550130"_s, u"Spanish line"_s, u"main"_s});
    m_window->document()->setOrganization(org);
    QCOMPARE(numberField(d)->count(), 4);
}

void TestTestCall::routeStepByStep_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("keys");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QStringList>("unavailable");
    QTest::addColumn<QString>("text"); // null: a call
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("ending");
    QTest::addColumn<QStringList>("visited");

    const QString none;
    const QString ringSales = u"Dial \"Ring Sales\", step 1: rings %1 for 20 s."_s;
    const QString notAnswered = u"Not answered (no-answer)."_s;
    QTest::newRow("open, key 1, nobody answers")
        << mainLine << monday10 << u"1"_s << none << QStringList() << QString()
        << QStringList{openHours,
                       menuPrompt,
                       u"The caller pressed 1."_s,
                       ringSales.arg(u"Nancy Ortiz"_s),
                       notAnswered,
                       ringSales.arg(u"Johan Berg"_s),
                       notAnswered,
                       ringSales.arg(u"Vald Petrov"_s),
                       notAnswered,
                       u"Dial \"Ring Sales\": nobody answered."_s,
                       u"Voicemail \"Sales voicemail\" says \"Please leave a message after the "
                       "tone.\" and records up to 120 s."_s,
                       u"A voicemail of 12 s for Sales."_s}
        << u"The call ended."_s
        << QStringList{u"hours"_s, u"menu"_s, u"dial-sales"_s, u"sales-vm"_s};
    QTest::newRow("Nancy unavailable, key 1, Johan answers")
        << mainLine << monday10 << u"1"_s << u"johan"_s << QStringList{u"nancy"_s} << QString()
        << QStringList{openHours,
                       menuPrompt,
                       u"The caller pressed 1."_s,
                       ringSales.arg(u"Johan Berg"_s),
                       u"Johan Berg answers."_s,
                       u"Answered; the call ends when they hang up."_s}
        << u"The call ended."_s << QStringList{u"hours"_s, u"menu"_s, u"dial-sales"_s};
    QTest::newRow("key 2, Maria answers")
        << mainLine << monday10 << u"2"_s << u"maria"_s << QStringList() << QString()
        << QStringList{openHours,
                       menuPrompt,
                       u"The caller pressed 2."_s,
                       u"Dial \"Ring Support\", step 1: rings Maria Lopez, Pat Lee for 25 s."_s,
                       u"Maria Lopez answers."_s,
                       u"Answered; the call ends when they hang up."_s}
        << u"The call ended."_s << QStringList{u"hours"_s, u"menu"_s, u"dial-support"_s};
    QTest::newRow("after hours")
        << mainLine << u"2026-11-23T20:00"_s << u"1"_s << none << QStringList() << QString()
        << QStringList{u"Hours \"Office hours\": closed (Mon 2026-11-23 20:00 America/Chicago)."_s,
                       u"Voicemail \"After hours\" says \"Our office is closed. Please leave a "
                       "message and we will call you back.\" and records up to 120 s."_s,
                       u"A voicemail of 12 s for Sales."_s}
        << u"The call ended."_s << QStringList{u"hours"_s, u"closed-vm"_s};
    QTest::newRow("a number without a flow")
        << newListings << monday10 << none << none << QStringList() << QString()
        << QStringList{u"Rejected: +15125550120 has no flow."_s} << u"The call was refused."_s
        << QStringList();
    QTest::newRow("text: SALES") << mainLine << monday10 << none << none << QStringList()
                                 << u"sales: is the house on Elm St still for sale?"_s
                                 << QStringList{u"Keyword: SALES."_s,
                                                u"A new conversation, assigned to Nancy Ortiz."_s,
                                                u"Kept in the inbox of Sales."_s}
                                 << u"Kept in an inbox."_s
                                 << QStringList{u"keyword"_s, u"sales-inbox"_s};
    QTest::newRow("text: SALES, Nancy unavailable")
        << mainLine << monday10 << none << none << QStringList{u"nancy"_s} << u"Sales"_s
        << QStringList{u"Keyword: SALES."_s, u"A new conversation, assigned to Johan Berg."_s,
                       u"Kept in the inbox of Sales."_s}
        << u"Kept in an inbox."_s << QStringList{u"keyword"_s, u"sales-inbox"_s};
    QTest::newRow("text: no keyword")
        << mainLine << monday10 << none << none << QStringList() << u"hello"_s
        << QStringList{u"Keyword: \"HELLO\" matches nothing."_s,
                       u"Replies \"Reply SALES or SUPPORT.\"."_s}
        << u"Nothing was kept."_s << QStringList{u"keyword"_s};
}

void TestTestCall::routeStepByStep()
{
    QFETCH(QString, number);
    QFETCH(QString, at);
    QFETCH(QString, keys);
    QFETCH(QString, answer);
    QFETCH(QStringList, unavailable);
    QFETCH(QString, text);
    QFETCH(QStringList, steps);
    QFETCH(QString, ending);
    QFETCH(QStringList, visited);

    QVERIFY(open());
    fill(number, at, keys, answer, unavailable, text);
    QTest::mouseClick(runButton(m_dialog), Qt::LeftButton);
    QVERIFY(m_dialog->hasResult());
    QCOMPARE(listed(stepList(m_dialog)), numbered(steps));
    QCOMPARE(endingLabel(m_dialog)->text(), ending);
    QVERIFY(endingLabel(m_dialog)->font().bold());
    QCOMPARE(m_dialog->result().visited, visited);
    QCOMPARE(m_dialog->result().flow, visited.isEmpty() ? QString() : u"main"_s);
    QCOMPARE(m_dialog->result().channel, text.isNull() ? Channel::Voice : Channel::Sms);
    QCOMPARE(showButton(m_dialog)->isEnabled(), !visited.isEmpty());
    // Steps about an applet carry it (and its icon); a rejection is about none.
    const QListWidgetItem *first = stepList(m_dialog)->item(0);
    QCOMPARE(first->data(Qt::UserRole).toString(), visited.value(0));
    QCOMPARE(first->icon().isNull(), visited.isEmpty());
}

void TestTestCall::unsavedChangesAreWhatRuns()
{
    QVERIFY(open());
    OrganizationDocument *doc = m_window->document();
    fill(mainLine, monday10, u"1"_s, QString());

    // Johan moved to the top of Sales, not saved: he rings first.
    doc->undoStack()->push(new MoveMembersCommand(doc, u"sales"_s, {1}, 0, u"Move Johan"_s));
    QVERIFY(doc->isModified());
    m_dialog->run();
    QCOMPARE(stepList(m_dialog)->item(3)->text(),
             u"4. Dial \"Ring Sales\", step 1: rings Johan Berg for 20 s."_s);

    // The menu's key 1 to Support, not saved: key 1 rings Support now.
    const int index = doc->organization().indexOfFlow(u"main"_s);
    const Flow before = doc->organization().flows.at(index);
    Flow after = before;
    after.voice->applets[u"menu"_s].next[u"1"_s] = u"dial-support"_s;
    doc->undoStack()->push(
        new ChangeItemCommand<Flow>(doc, index, before, after, u"Edit flow Main line"_s));
    m_dialog->run();
    QCOMPARE(stepList(m_dialog)->item(3)->text(),
             u"4. Dial \"Ring Support\", step 1: rings Maria Lopez, Pat Lee for 25 s."_s);
    QCOMPARE(m_dialog->result().visited,
             (QStringList{u"hours"_s, u"menu"_s, u"dial-support"_s, u"support-vm"_s}));

    // Both undone: as saved.
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QVERIFY(!doc->isModified());
    m_dialog->run();
    QCOMPARE(stepList(m_dialog)->item(3)->text(),
             u"4. Dial \"Ring Sales\", step 1: rings Nancy Ortiz for 20 s."_s);
}

void TestTestCall::unsavedFlowBuilderEditsAreWhatRuns()
{
    FlowWindow *builder = m_window->openFlow(u"main"_s);
    QVERIFY(builder);
    FlowEdits *editor = builder->editor();
    QVERIFY(editor->renameApplet(Channel::Voice, u"dial-sales"_s, u"Ring Pat"_s));
    QJsonObject config =
        builder->document()->graph(Channel::Voice)->applets[u"dial-sales"_s].config;
    config[u"steps"_s] = QJsonArray{
        QJsonObject{{u"target"_s, QJsonObject{{u"user"_s, u"pat"_s}}}, {u"ring_seconds"_s, 15}}};
    QString problem;
    QVERIFY2(editor->setConfig(Channel::Voice, u"dial-sales"_s, config, u"steps"_s, &problem),
             qPrintable(problem));
    QVERIFY(builder->document()->isModified());
    QVERIFY(!m_window->document()->isModified()); // only in the flow builder

    QVERIFY(open());
    fill(mainLine, monday10, u"1"_s, QString());
    m_dialog->run();
    QCOMPARE(stepList(m_dialog)->item(3)->text(),
             u"4. Dial \"Ring Pat\", step 1: rings Pat Lee for 15 s."_s);

    // Drawn on that same builder, edits and all.
    m_dialog->showOnCanvas();
    QCOMPARE(m_window->findChildren<FlowWindow *>().size(), 1);
    QCOMPARE(highlighted(builder->scene(Channel::Voice)),
             (QStringList{u"dial-sales 3"_s, u"hours 1"_s, u"menu 2"_s, u"sales-vm 4"_s}));

    // Its edits thrown away: the saved flow runs again.
    builder->document()->undoStack()->setIndex(0);
    m_dialog->run();
    QCOMPARE(stepList(m_dialog)->item(3)->text(),
             u"4. Dial \"Ring Sales\", step 1: rings Nancy Ortiz for 20 s."_s);
}

void TestTestCall::showOnCanvasDrawsTheRoute_data()
{
    QTest::addColumn<QString>("keys");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("applets"); // highlighted, with their step numbers
    QTest::addColumn<QStringList>("branches");

    QTest::newRow("key 1, nobody answers")
        << u"1"_s << QString()
        << QStringList{u"dial-sales 3"_s, u"hours 1"_s, u"menu 2"_s, u"sales-vm 4"_s}
        << QStringList{u"/"_s, u"dial-sales/no-answer"_s, u"hours/open"_s, u"menu/1"_s};
    // The menu asked again through its "9" link: numbered twice.
    QTest::newRow("key 9, then 1")
        << u"9, 1"_s << QString()
        << QStringList{u"dial-sales 4"_s, u"hours 1"_s, u"menu 2,3"_s, u"sales-vm 5"_s}
        << QStringList{u"/"_s, u"dial-sales/no-answer"_s, u"hours/open"_s, u"menu/1"_s,
                       u"menu/9"_s};
    QTest::newRow("no key at all")
        << QString() << QString() << QStringList{u"hours 1"_s, u"menu 2"_s, u"sales-vm 3"_s}
        << QStringList{u"/"_s, u"hours/open"_s, u"menu/no-input"_s};
    QTest::newRow("a text") << QString() << u"support please"_s
                            << QStringList{u"keyword 1"_s, u"support-inbox 2"_s}
                            << QStringList{u"/"_s, u"keyword/SUPPORT"_s};
}

void TestTestCall::showOnCanvasDrawsTheRoute()
{
    QFETCH(QString, keys);
    QFETCH(QString, text);
    QFETCH(QStringList, applets);
    QFETCH(QStringList, branches);
    const Channel channel = text.isNull() ? Channel::Voice : Channel::Sms;

    QVERIFY(open());
    fill(mainLine, monday10, keys, QString(), {}, text);
    m_dialog->run();
    QVERIFY(m_window->findChildren<FlowWindow *>().isEmpty());
    QVERIFY(showButton(m_dialog)->isEnabled());
    QTest::mouseClick(showButton(m_dialog), Qt::LeftButton);

    const QList<FlowWindow *> windows = m_window->findChildren<FlowWindow *>();
    QCOMPARE(windows.size(), 1);
    FlowWindow *builder = windows.first();
    QVERIFY(builder->isVisible());
    QCOMPARE(builder->document()->flow().id, u"main"_s);
    QCOMPARE(builder->currentChannel(), channel);
    FlowScene *scene = builder->scene(channel);
    QCOMPARE(scene->highlightedPath(), m_dialog->result().visited);
    QCOMPARE(highlighted(scene), applets);
    QCOMPARE(highlightedSlots(scene, *builder->document()->graph(channel)), branches);
    // The other tab has nothing drawn.
    const Channel other = channel == Channel::Voice ? Channel::Sms : Channel::Voice;
    QVERIFY(highlighted(builder->scene(other)).isEmpty());
    QVERIFY(clearRouteAction(builder)->isEnabled());
    // The badge sticks out of the card: the item says so to the scene.
    AppletItem *first = scene->appletItem(m_dialog->result().visited.first());
    QVERIFY(first->boundingRect().top() < -6);
    QVERIFY(!first->shape().contains(QPointF(-8, -8))); // but clicks there miss the card
}

void TestTestCall::nextEditOrClearRouteTakesItAway()
{
    QVERIFY(open());
    fill(mainLine, monday10, u"1"_s, QString());
    m_dialog->run();
    m_dialog->showOnCanvas();
    FlowWindow *builder = m_window->openFlow(u"main"_s);
    FlowScene *scene = builder->scene(Channel::Voice);
    QCOMPARE(highlighted(scene).size(), 4);

    clearRouteAction(builder)->trigger();
    QVERIFY(highlighted(scene).isEmpty());
    QVERIFY(highlightedSlots(scene, *builder->document()->graph(Channel::Voice)).isEmpty());
    QVERIFY(!clearRouteAction(builder)->isEnabled());
    QVERIFY(scene->appletItem(u"hours"_s)->boundingRect().top() > -6);

    m_dialog->showOnCanvas();
    QCOMPARE(highlighted(scene).size(), 4);
    // An edit on the other tab leaves the call's route; one on this tab takes it away.
    QVERIFY(builder->editor()->renameApplet(Channel::Sms, u"keyword"_s, u"Which team?"_s));
    QCOMPARE(highlighted(scene).size(), 4);
    QVERIFY(builder->editor()->renameApplet(Channel::Voice, u"menu"_s, u"Front desk"_s));
    QVERIFY(highlighted(scene).isEmpty());
    QVERIFY(!clearRouteAction(builder)->isEnabled());
}

void TestTestCall::flowBuilderPreselectsItsNumber()
{
    FlowWindow *builder = m_window->openFlow(u"support-line"_s, Channel::Sms);
    QVERIFY(builder);
    QVERIFY(testCallAction(builder));
    testCallAction(builder)->trigger();
    m_dialog = m_window->findChild<TestCallDialog *>();
    QVERIFY(m_dialog);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(numberField(m_dialog)->currentData().toString(), supportLine);
    QVERIFY(textChoice(m_dialog)->isChecked());

    m_dialog->run();
    QCOMPARE(listed(stepList(m_dialog)),
             numbered({u"Replies \"Thanks! Support will text you back shortly.\"."_s,
                       u"A new conversation, assigned to Maria Lopez."_s,
                       u"Kept in the inbox of Support."_s}));
    m_dialog->showOnCanvas();
    QCOMPARE(highlighted(builder->scene(Channel::Sms)), (QStringList{u"inbox 2"_s, u"reply 1"_s}));

    // One dialog: the main window's action brings the same one back.
    TestCallDialog *same = m_dialog;
    QCOMPARE(open(), same);
}

QTEST_MAIN(TestTestCall)
#include "tst_testcall.moc"
