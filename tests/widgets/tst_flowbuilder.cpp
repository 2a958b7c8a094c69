// The flow builder as an admin uses it, offscreen: a flow built through the scene's own drop
// handling with real QMimeData (into the start slot, into branch slots), an applet swapped
// (confirmed and declined), a subtree deleted, a "Go to…" link, undo back to empty and redo,
// then saved, reloaded from the database and compared with the expected document.

#include "config/canonicaljson.h"
#include "config/configdocument.h"
#include "document/mimetypes.h"
#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "flowbuilder/appletitem.h"
#include "flowbuilder/appletsummary.h"
#include "flowbuilder/fieldeditors.h"
#include "flowbuilder/flowdocument.h"
#include "flowbuilder/flowedits.h"
#include "flowbuilder/flowinteraction.h"
#include "flowbuilder/flowscene.h"
#include "flowbuilder/flowview.h"
#include "flowbuilder/flowwindow.h"
#include "flowbuilder/inspector.h"
#include "flowbuilder/slotitem.h"
#include "i18n/language.h"
#include "scenedrop.h"
#include "shell/confirmation.h"
#include "testsupport.h"
#include "viewdrop.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QFocusEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGroupBox>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {

// Answers the builder's questions as the test says, and remembers what was asked.
class ScriptedInteraction : public FlowInteraction
{
public:
    std::optional<GraphEdit::Detached> replaceAnswer;
    bool deleteAnswer = true;
    QStringList asked;
    int lastCount = -1;

    std::optional<GraphEdit::Detached> confirmReplace(const QString &from, const QString &to,
                                                      int detached) override
    {
        asked.append(u"Replace %1 with %2?"_s.arg(from, to));
        lastCount = detached;
        return replaceAnswer;
    }
    bool confirmDelete(const QString &applet, int under) override
    {
        asked.append(u"Delete %1?"_s.arg(applet));
        lastCount = under;
        return deleteAnswer;
    }
};

bool dropType(QGraphicsScene *scene, QPointF at, const QString &type)
{
    return Test::dropAppletType(scene, at, type);
}

QJsonObject flowJson(const Organization &org, const QString &flowId)
{
    const QJsonArray flows = organizationToJson(org).value(u"flows").toArray();
    for (const QJsonValue &f : flows) {
        if (f.toObject().value(u"id") == flowId)
            return f.toObject();
    }
    return {};
}

} // namespace

class TestFlowBuilder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(u"en"_s); }
    void init();
    void cleanup();

    void buildsTheFlowByDrops();
    void refusesWhatDoesNotFit();
    void swapAskedAndDeclined();
    void swapKeepingOrDeletingWhatHungUnder();
    void deleteAppletWithItsSubtree();
    void goToLinkIsALinkNotACopy();
    void undoToEmptyAndRedo();
    void saveAndReloadGiveTheExpectedDocument();
    void keyboardTwins();
    void keyboardSwapIsOneStep();
    void findingsOnTheCanvas();
    void inspectorRefusesInvalidInput();
    void wheelChangesNoValueWithoutFocus();
    void wordsUsersKnow_data();
    void wordsUsersKnow();
    void strategiesInTheArticlesWords();
    void settingsTabOrderFollowsTheForm();
    void focusIsVisible();
    void confirmationsHaveRoom();
    void ringListsTakeDraggedUsers();
    void ringListAddsOnlyWhenAUserIsChosen();
    void aRingListIsChosenAndFilledByKeyboard();
    void aNewStepTakesTheKeys();
    void smsTabTakesTextApplets();
    void closingWithUnsavedChangesIsKnown();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<OrganizationDocument> m_org;
    FlowWindow *m_window = nullptr;
    ScriptedInteraction *m_ask = nullptr;

    FlowScene *voice() const { return m_window->scene(Channel::Voice); }
    Inspector *inspector() const { return Test::child<Inspector>(m_window, u"inspector"_s); }
    QListWidget *findingsList() const
    {
        return Test::child<QListWidget>(m_window, u"findingsList"_s);
    }
    FlowDocument *doc() const { return m_window->document(); }
    const Graph &graph() const { return *doc()->graph(Channel::Voice); }
    QPointF slotAt(const QString &applet, const QString &branch) const
    {
        SlotItem *item = voice()->slotItem(SlotRef{applet, branch});
        return item ? item->sceneBoundingRect().center() : QPointF(-99999, -99999);
    }
    QPointF appletAt(const QString &id) const
    {
        return voice()->appletItem(id)->sceneBoundingRect().center();
    }
    void build();
    void configure();
};

void TestFlowBuilder::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    // Users nancy, johan, maria and the group sales for the applets to name; the new flow
    // takes over the third number (Test::smallOrganization()'s, which has none).
    m_org =
        Test::openDocument(m_dir->filePath(u"flows.sqlite"_s), Test::smallOrganization(), &error);
    QVERIFY2(m_org, qPrintable(error));
    // A new, empty flow to build, as "Create a New Flow" leaves it.
    Organization org = m_org->organization();
    Flow flow;
    flow.id = u"new-line"_s;
    flow.name = u"New line"_s;
    org.flows.append(flow);
    org.numbers[2].flow = flow.id;
    m_org->setOrganization(org);
    QVERIFY(m_org->save(&error));
    m_window = new FlowWindow(m_org.get(), u"new-line"_s);
    auto ask = std::make_unique<ScriptedInteraction>();
    m_ask = ask.get();
    m_window->setInteraction(std::move(ask));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestFlowBuilder::cleanup()
{
    m_window->document()->undoStack()->setClean(); // no "save changes?" question
    delete m_window;
    m_window = nullptr;
    m_org.reset();
    delete m_dir;
}

// hours -> open: menu (1: dial, 2: voicemail), closed: voicemail
void TestFlowBuilder::build()
{
    FlowScene *scene = voice();
    QCOMPARE(scene->appletItems().size(), 0);
    QVERIFY(scene->slotItem(SlotRef::start()));
    QVERIFY(dropType(scene, scene->slotItem(SlotRef::start())->sceneBoundingRect().center(),
                     u"hours"_s));
    QCOMPARE(graph().start, u"hours"_s);
    QCOMPARE(scene->selectedApplet(), u"hours"_s); // its settings open in the inspector
    QCOMPARE(inspector()->appletId(), u"hours"_s);
    QVERIFY(dropType(scene, slotAt(u"hours"_s, u"open"_s), u"menu"_s));
    QVERIFY(dropType(scene, slotAt(u"hours"_s, u"closed"_s), u"voicemail"_s));
    QVERIFY(dropType(scene, slotAt(u"menu"_s, u"1"_s), u"dial"_s));
    // The next free key appears once 1 is taken.
    QVERIFY(dropType(scene, slotAt(u"menu"_s, u"2"_s), u"voicemail"_s));
    QCOMPARE(graph().applets.value(u"hours"_s).next.value(u"open"_s), u"menu"_s);
    QCOMPARE(graph().applets.value(u"menu"_s).next.value(u"1"_s), u"dial"_s);
    QCOMPARE(graph().applets.value(u"menu"_s).next.value(u"2"_s), u"voicemail-2"_s);
    QCOMPARE(graph().applets.value(u"hours"_s).next.value(u"closed"_s), u"voicemail"_s);
    QCOMPARE(scene->appletItems().size(), 5);
    QCOMPARE(doc()->undoStack()->count(), 5);
    QCOMPARE(doc()->undoStack()->text(0), u"Start with Hours"_s);
    QCOMPARE(doc()->undoStack()->text(1), u"Add Menu after Hours (open)"_s);
    QCOMPARE(doc()->undoStack()->text(3), u"Add Dial after Menu (1)"_s);
}

// "dial Sales in order, voicemail Nancy, closed: group voicemail", set as the inspector does.
void TestFlowBuilder::configure()
{
    FlowEdits *editor = m_window->editor();
    QString problem;
    QJsonObject dial = graph().applets.value(u"dial"_s).config;
    dial.insert(u"steps"_s,
                QJsonArray{QJsonObject{{u"target"_s, QJsonObject{{u"group"_s, u"sales"_s}}},
                                       {u"strategy"_s, u"sequential"_s},
                                       {u"ring_seconds"_s, 20}}});
    QVERIFY2(editor->setConfig(Channel::Voice, u"dial"_s, dial, u"steps"_s, &problem),
             qPrintable(problem));
    QJsonObject nancy = graph().applets.value(u"voicemail-2"_s).config;
    nancy.insert(u"owner"_s, QJsonObject{{u"user"_s, u"nancy"_s}});
    QVERIFY2(editor->setConfig(Channel::Voice, u"voicemail-2"_s, nancy, u"owner"_s, &problem),
             qPrintable(problem));
    QJsonObject closed = graph().applets.value(u"voicemail"_s).config;
    closed.insert(u"owner"_s, QJsonObject{{u"group"_s, u"sales"_s}});
    QVERIFY2(editor->setConfig(Channel::Voice, u"voicemail"_s, closed, u"owner"_s, &problem),
             qPrintable(problem));
    QVERIFY(editor->renameApplet(Channel::Voice, u"menu"_s, u"Main menu"_s));
}

void TestFlowBuilder::buildsTheFlowByDrops()
{
    build();
    configure();
    QCOMPARE(voice()->appletItems().size(), 5);
    QVERIFY(voice()->layout().bounds.height() > 3 * FlowLayout::CardHeight);
}

void TestFlowBuilder::refusesWhatDoesNotFit()
{
    build();
    const int steps = doc()->undoStack()->count();
    // A text applet into a call flow: the slot does not take it.
    QVERIFY(!dropType(voice(), slotAt(u"menu"_s, u"3"_s), u"keyword"_s));
    // A slot that is taken is a tab, not a drop target; the applet under it is (a swap).
    QVERIFY(!dropType(
        voice(), voice()->slotItem(SlotRef{u"hours"_s, u"open"_s})->sceneBoundingRect().center(),
        u"greeting"_s));
    // Nothing in particular under the drop.
    QVERIFY(!dropType(voice(), QPointF(-5000, -5000), u"greeting"_s));
    // An unknown payload.
    QVERIFY(!dropType(voice(), slotAt(u"menu"_s, u"3"_s), u"fax"_s));
    QCOMPARE(doc()->undoStack()->count(), steps);
    QVERIFY(m_ask->asked.isEmpty());
}

void TestFlowBuilder::swapAskedAndDeclined()
{
    build();
    const Graph before = graph();
    m_ask->replaceAnswer.reset(); // Cancel
    QVERIFY(!dropType(voice(), appletAt(u"menu"_s), u"dial"_s));
    QCOMPARE(m_ask->asked, (QStringList{u"Replace Menu with Dial?"_s}));
    QCOMPARE(m_ask->lastCount, 2); // dial and voicemail-2 hang under keys a Dial lacks
    QVERIFY(graph() == before);
    QCOMPARE(doc()->undoStack()->count(), 5);
}

void TestFlowBuilder::swapKeepingOrDeletingWhatHungUnder()
{
    build();
    // Keep: the menu becomes a greeting; what hung under its keys stays, unattached.
    m_ask->replaceAnswer = GraphEdit::Detached::Keep;
    QVERIFY(dropType(voice(), appletAt(u"menu"_s), u"greeting"_s));
    QCOMPARE(graph().applets.value(u"hours"_s).next.value(u"open"_s), u"greeting"_s);
    QVERIFY(!graph().applets.contains(u"menu"_s));
    QVERIFY(graph().applets.contains(u"dial"_s));
    QVERIFY(!voice()->appletItem(u"dial"_s)->isAttached());
    QVERIFY(voice()->appletItem(u"dial"_s)->opacity() < 1.0);
    QCOMPARE(doc()->undoStack()->text(5), u"Replace Menu with Greeting"_s);
    doc()->undoStack()->undo();
    QCOMPARE(graph().applets.value(u"hours"_s).next.value(u"open"_s), u"menu"_s);

    // Delete: they go with it.
    m_ask->replaceAnswer = GraphEdit::Detached::Delete;
    QVERIFY(dropType(voice(), appletAt(u"menu"_s), u"hangup"_s));
    QCOMPARE(QStringList(graph().applets.keys()),
             (QStringList{u"hangup"_s, u"hours"_s, u"voicemail"_s}));
    QCOMPARE(voice()->appletItems().size(), 3);

    // A shared branch stays attached: the voicemail of "closed" replaced by a greeting
    // keeps nothing (a voicemail has no branches), and nothing is asked about detaching.
    m_ask->asked.clear();
    QVERIFY(dropType(voice(), appletAt(u"voicemail"_s), u"dial"_s));
    QCOMPARE(m_ask->lastCount, 0);
    QCOMPARE(graph().applets.value(u"hours"_s).next.value(u"closed"_s), u"dial"_s);
}

void TestFlowBuilder::deleteAppletWithItsSubtree()
{
    build();
    // The ⛔ on the menu, clicked with the mouse through the view.
    FlowView *view = m_window->view(Channel::Voice);
    AppletItem *menu = voice()->appletItem(u"menu"_s);
    view->ensureVisible(menu);
    const QPoint button = view->mapFromScene(menu->mapToScene(menu->deleteButtonRect().center()));
    m_ask->deleteAnswer = false;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button);
    QCOMPARE(m_ask->asked, (QStringList{u"Delete Menu?"_s}));
    QCOMPARE(m_ask->lastCount, 2);
    QVERIFY(graph().applets.contains(u"menu"_s));
    m_ask->deleteAnswer = true;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button);
    QCOMPARE(QStringList(graph().applets.keys()), (QStringList{u"hours"_s, u"voicemail"_s}));
    QVERIFY(!graph().applets.value(u"hours"_s).next.contains(u"open"_s));
    QCOMPARE(doc()->undoStack()->text(5), u"Delete Menu and 2 applets under it"_s);
    // Its slot is empty again, and a dead end.
    QCOMPARE(voice()->slotItem(SlotRef{u"hours"_s, u"open"_s})->kind(), FlowLayout::Slot::Empty);
    doc()->undoStack()->undo();
    QCOMPARE(graph().applets.size(), 5);
}

void TestFlowBuilder::goToLinkIsALinkNotACopy()
{
    build();
    // The menu's "no input" goes back to the menu: a repeat.
    QVERIFY(
        m_window->editor()->linkSlot(Channel::Voice, SlotRef{u"menu"_s, u"no-input"_s}, u"menu"_s));
    QCOMPARE(doc()->undoStack()->text(5), u"Go from Menu (no input) to Menu"_s);
    SlotItem *link = voice()->slotItem(SlotRef{u"menu"_s, u"no-input"_s});
    QCOMPARE(link->kind(), FlowLayout::Slot::Link);
    QCOMPARE(link->target(), u"menu"_s);
    QCOMPARE(voice()->appletItems().size(), 5); // drawn once
    // Its ✕ takes the link away (and nothing else).
    FlowView *view = m_window->view(Channel::Voice);
    view->ensureVisible(link);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(link->mapToScene(link->unlinkButtonRect().center())));
    QVERIFY(!graph().applets.value(u"menu"_s).next.contains(u"no-input"_s));
    QCOMPARE(graph().applets.size(), 5);
    QCOMPARE(voice()->slotItem(SlotRef{u"menu"_s, u"no-input"_s})->kind(), FlowLayout::Slot::Empty);
}

void TestFlowBuilder::undoToEmptyAndRedo()
{
    build();
    configure();
    const Graph built = graph();
    QUndoStack *undo = doc()->undoStack();
    while (undo->canUndo())
        undo->undo();
    QVERIFY(!doc()->graph(Channel::Voice).has_value()); // as it was: no call flow at all
    QCOMPARE(voice()->appletItems().size(), 0);
    QCOMPARE(voice()->slotItem(SlotRef::start())->kind(), FlowLayout::Slot::Empty);
    QVERIFY(!doc()->isModified());
    while (undo->canRedo())
        undo->redo();
    QVERIFY(graph() == built);
    QCOMPARE(voice()->appletItems().size(), 5);
}

void TestFlowBuilder::saveAndReloadGiveTheExpectedDocument()
{
    build();
    configure();
    QVERIFY(doc()->isModified());
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->save());
    QVERIFY(!doc()->isModified());
    doc()->validateNow();
    // One step in the organization's history, written to the database at once.
    QCOMPARE(m_org->undoStack()->text(m_org->undoStack()->count() - 1), u"Edit flow New line"_s);
    QVERIFY(!m_org->isModified());

    QString error;
    auto reopened = OrganizationDocument::open(m_dir->filePath(u"flows.sqlite"_s), &error);
    QVERIFY2(reopened, qPrintable(error));
    const QByteArray expected = R"({
  "id": "new-line",
  "name": "New line",
  "voice": {
    "start": "hours",
    "applets": {
      "dial": {
        "type": "dial",
        "config": {
          "steps": [
            {
              "target": {
                "group": "sales"
              },
              "strategy": "sequential",
              "ring_seconds": 20
            }
          ],
          "caller_id": "caller",
          "screen": false,
          "record": false
        },
        "next": {}
      },
      "hours": {
        "type": "hours",
        "config": {
          "timezone": null,
          "weekly": {
            "mon": [["09:00", "17:00"]],
            "tue": [["09:00", "17:00"]],
            "wed": [["09:00", "17:00"]],
            "thu": [["09:00", "17:00"]],
            "fri": [["09:00", "17:00"]],
            "sat": [],
            "sun": []
          },
          "holidays": []
        },
        "next": {
          "open": "menu",
          "closed": "voicemail"
        }
      },
      "menu": {
        "type": "menu",
        "name": "Main menu",
        "config": {
          "prompt": {
            "say": "Please choose from the following options."
          },
          "timeout": 5,
          "attempts": 3,
          "invalid_prompt": null
        },
        "next": {
          "1": "dial",
          "2": "voicemail-2"
        }
      },
      "voicemail": {
        "type": "voicemail",
        "config": {
          "owner": {
            "group": "sales"
          },
          "prompt": null,
          "max_seconds": 120,
          "transcribe": false
        },
        "next": {}
      },
      "voicemail-2": {
        "type": "voicemail",
        "config": {
          "owner": {
            "user": "nancy"
          },
          "prompt": null,
          "max_seconds": 120,
          "transcribe": false
        },
        "next": {}
      }
    }
  },
  "sms": null
}
)";
    QCOMPARE(QString::fromUtf8(canonicalJson(flowJson(reopened->organization(), u"new-line"_s))),
             QString::fromUtf8(expected));
    // The only findings left: the dial and the menu's "no input" want somewhere to go, and
    // the flow has no SMS flow.
    QStringList rules;
    for (const Finding &f : doc()->findings())
        rules.append(f.rule + u' ' + f.path.section(u'.', 2, -1));
    QCOMPARE(rules, (QStringList{u"dead-end applets.dial.next.no-answer"_s,
                                 u"dead-end applets.menu.next.no-input"_s}));
}

void TestFlowBuilder::keyboardTwins()
{
    build();
    FlowScene *scene = voice();
    m_window->view(Channel::Voice)->setFocus();
    scene->selectApplet(u"hours"_s);
    QTest::keyClick(m_window->view(Channel::Voice)->viewport(), Qt::Key_Down);
    // Down from the hours goes to what is under it.
    QVERIFY(!scene->selectedItems().isEmpty());
    QVERIFY(scene->selectedItems().first()->sceneBoundingRect().top() >
            scene->appletItem(u"hours"_s)->sceneBoundingRect().bottom());

    // An empty slot selected, Enter opens the palette as a menu; choosing from it is the
    // same gesture as a drop.
    QSignalSpy menu(scene, &FlowScene::slotMenuRequested);
    scene->selectSlot(SlotRef{u"menu"_s, u"3"_s});
    QStringList entries;
    QTimer::singleShot(0, this, [&entries] {
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(popup);
        // Each entry has a letter of its own to be chosen by ("&Hang up", "&Go to…").
        QSet<QKeySequence> letters;
        for (QAction *a : popup->actions()) {
            if (a->isSeparator())
                continue;
            const QKeySequence letter = QKeySequence::mnemonic(a->text());
            QVERIFY2(!letter.isEmpty() && !letters.contains(letter), qPrintable(a->text()));
            letters.insert(letter);
        }
        for (QAction *a : popup->actions()) {
            entries.append(QString(a->text()).remove(u'&'));
            if (QString(a->text()).remove(u'&') == u"Hang up")
                a->trigger();
        }
        popup->close();
    });
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(scene, &enter);
    QCOMPARE(menu.count(), 1);
    QCOMPARE(menu.first().first().value<SlotRef>(), (SlotRef{u"menu"_s, u"3"_s}));
    QCOMPARE(entries.mid(0, 6), (QStringList{u"Greeting"_s, u"Menu"_s, u"Hours"_s, u"Dial"_s,
                                             u"Voicemail"_s, u"Hang up"_s}));
    QVERIFY(entries.contains(u"Go to…"_s));
    QCOMPARE(graph().applets.value(u"menu"_s).next.value(u"3"_s), u"hangup"_s);

    // Delete deletes the selected applet (after asking).
    scene->selectApplet(u"hangup"_s);
    QKeyEvent del(QEvent::KeyPress, Qt::Key_Delete, Qt::NoModifier);
    QCoreApplication::sendEvent(scene, &del);
    QCOMPARE(m_ask->asked.last(), u"Delete Hang up?"_s);
    QVERIFY(!graph().applets.contains(u"hangup"_s));
    // The keys stay where it was: on the slot it leaves empty, ready for another.
    QCOMPARE(scene->selectedSlot(), (std::optional<SlotRef>(SlotRef{u"menu"_s, u"3"_s})));
    QVERIFY(scene->selectedApplet().isEmpty());
}

// The keyboard's twin of dropping an applet on top of another: Return on the selected applet
// (or Shift+F10, or the Menu key) opens its menu; "Replace with" asks as the drop does and
// is one undo step.
void TestFlowBuilder::keyboardSwapIsOneStep()
{
    build();
    FlowScene *scene = voice();
    const int undo = doc()->undoStack()->count();
    QStringList entries;
    QStringList replacements;
    const auto pick = [&](const QString &replacement) {
        QTimer::singleShot(0, this, [&entries, &replacements, replacement] {
            auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!popup)
                return;
            entries.clear();
            for (QAction *a : popup->actions()) {
                entries.append(a->text());
                if (!a->menu())
                    continue;
                replacements.clear();
                for (QAction *r : a->menu()->actions()) {
                    const QString name = QString(r->text()).remove(u'&');
                    replacements.append(name);
                    if (name == replacement)
                        r->trigger();
                }
            }
            popup->close();
        });
    };
    // Shift+F10 on the hours: its menu, nothing chosen, nothing changed.
    scene->selectApplet(u"hours"_s);
    pick(QString());
    QKeyEvent shiftF10(QEvent::KeyPress, Qt::Key_F10, Qt::ShiftModifier);
    QCoreApplication::sendEvent(scene, &shiftF10);
    QCOMPARE(entries, (QStringList{u"&Replace with"_s, u"&Settings"_s, QString(), u"&Delete…"_s}));
    QVERIFY(!replacements.contains(u"Hours"_s)); // not itself
    QVERIFY(replacements.contains(u"Dial"_s));
    QCOMPARE(doc()->undoStack()->count(), undo);

    // Return on the dial under key 1: replaced with a voicemail, asked first, one step.
    m_ask->replaceAnswer = GraphEdit::Detached::Delete;
    scene->selectApplet(u"dial"_s);
    pick(u"Voicemail"_s);
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(scene, &enter);
    QCOMPARE(m_ask->asked.last(), u"Replace Dial with Voicemail?"_s);
    const QString now = graph().applets.value(u"menu"_s).next.value(u"1"_s);
    QCOMPARE(graph().applets.value(now).type, u"voicemail"_s);
    QCOMPARE(doc()->undoStack()->count(), undo + 1);
    QCOMPARE(scene->selectedApplet(), now);
    doc()->undoStack()->undo();
    QCOMPARE(graph().applets.value(graph().applets.value(u"menu"_s).next.value(u"1"_s)).type,
             u"dial"_s);

    // Settings: the keyboard goes to the applet's name.
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    scene->selectApplet(u"hours"_s);
    QTimer::singleShot(0, this, [] {
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!popup)
            return;
        for (QAction *a : popup->actions()) {
            if (a->text() == u"&Settings")
                a->trigger();
        }
        popup->close();
    });
    QCoreApplication::sendEvent(scene, &enter);
    // The window's focus (offscreen, closing a menu leaves no window active).
    QTRY_VERIFY(m_window->focusWidget() && inspector()->isAncestorOf(m_window->focusWidget()));
    QVERIFY(qobject_cast<QLineEdit *>(m_window->focusWidget()));
}

void TestFlowBuilder::findingsOnTheCanvas()
{
    FlowScene *scene = voice();
    QVERIFY(dropType(scene, scene->slotItem(SlotRef::start())->sceneBoundingRect().center(),
                     u"hours"_s));
    doc()->validateNow();
    // Both branches of a lone hours applet are dead ends, drawn on their empty slots.
    QVERIFY(scene->slotItem(SlotRef{u"hours"_s, u"open"_s})->hasWarning());
    QVERIFY(scene->slotItem(SlotRef{u"hours"_s, u"closed"_s})->hasWarning());
    QVERIFY(dropType(scene, slotAt(u"hours"_s, u"open"_s), u"dial"_s));
    doc()->validateNow();
    QVERIFY(!scene->slotItem(SlotRef{u"hours"_s, u"open"_s})->hasWarning());
    // A dial that rings nobody yet is an error, in red on its card, and listed.
    QVERIFY(scene->appletItem(u"dial"_s)->hasErrors());
    QListWidget *list = findingsList();
    bool listed = false;
    for (int i = 0; i < list->count(); ++i)
        listed |= list->item(i)->data(Qt::UserRole).toString().endsWith(u"dial.config.steps"_s);
    QVERIFY(listed);
    // Clicking the finding selects the applet.
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString().endsWith(u"dial.config.steps"_s))
            emit list->itemClicked(list->item(i));
    }
    QCOMPARE(scene->selectedApplet(), u"dial"_s);
}

void TestFlowBuilder::inspectorRefusesInvalidInput()
{
    build();
    voice()->selectApplet(u"dial"_s);
    Inspector *inspector = this->inspector();
    QCOMPARE(inspector->appletId(), u"dial"_s);
    FieldEditor *steps = inspector->fieldEditor(u"steps"_s);
    QVERIFY(steps);
    const int count = doc()->undoStack()->count();
    // 90 s is past the carrier's 60: refused, and the form says why.
    emit steps->edited(QJsonArray{QJsonObject{{u"target"_s, QJsonObject{{u"group"_s, u"sales"_s}}},
                                              {u"ring_seconds"_s, 90}}});
    QCOMPARE(doc()->undoStack()->count(), count);
    const QList<QLabel *> labels = steps->findChildren<QLabel *>();
    bool said = false;
    for (QLabel *label : labels)
        said |= label->isVisibleTo(steps) && label->text().contains(u"from 5 to 60"_s);
    QVERIFY(said);
    // 30 s is fine.
    emit steps->edited(QJsonArray{QJsonObject{{u"target"_s, QJsonObject{{u"group"_s, u"sales"_s}}},
                                              {u"ring_seconds"_s, 30}}});
    QCOMPARE(doc()->undoStack()->count(), count + 1);
    QCOMPARE(graph()
                 .applets.value(u"dial"_s)
                 .config.value(u"steps")
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"ring_seconds")
                 .toInt(),
             30);
    QCOMPARE(doc()->undoStack()->text(count), u"Change Steps of Dial"_s);
    // A new step has no target yet: it is let in (it is incomplete, not wrong), and stays an
    // error until a target is chosen.
    const int before = doc()->undoStack()->count();
    emit steps->edited(
        QJsonArray{graph().applets.value(u"dial"_s).config.value(u"steps").toArray().at(0),
                   QJsonObject{{u"strategy"_s, u"sequential"_s}, {u"ring_seconds"_s, 20}}});
    QCOMPARE(doc()->undoStack()->count(), before + 1);
    doc()->validateNow();
    QVERIFY(voice()->appletItem(u"dial"_s)->hasErrors());
    // The menu's timeout field: 45 is out of range.
    QString problem;
    QJsonObject menu = graph().applets.value(u"menu"_s).config;
    menu.insert(u"timeout"_s, 45);
    QVERIFY(
        !m_window->editor()->setConfig(Channel::Voice, u"menu"_s, menu, u"timeout"_s, &problem));
    QVERIFY2(problem.contains(u"from 1 to 30"), qPrintable(problem));
}

// Scrolling the settings with the wheel: a drop-down passing under the pointer keeps its
// value (and takes no focus), the panel scrolls instead; one with the focus does change.
void TestFlowBuilder::wheelChangesNoValueWithoutFocus()
{
    build();
    configure(); // the dial has steps: each with its strategy
    voice()->selectApplet(u"dial"_s);
    m_window->resize(1220, 420); // settings taller than the panel: it scrolls
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTest::qWait(100);
    QComboBox *strategy = nullptr;
    for (QComboBox *c : inspector()->findChildren<QComboBox *>()) {
        if (c->isVisible() && c->currentData().toString() == u"sequential" && !strategy)
            strategy = c; // the first step's strategy
    }
    QVERIFY(strategy);
    auto *scroll = inspector()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
    const int index = strategy->currentIndex();
    const int undo = doc()->undoStack()->count();
    const int scrolled = scroll->verticalScrollBar()->value();
    const auto wheel = [&](QWidget *target, int delta) {
        const QPointF at = QRectF(target->rect()).center();
        QWheelEvent e(at, target->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &e);
    };
    strategy->clearFocus();
    QVERIFY(!strategy->hasFocus());
    wheel(strategy, -120);
    wheel(strategy, -120);
    QCOMPARE(strategy->currentIndex(), index);
    QCOMPARE(doc()->undoStack()->count(), undo);
    QVERIFY(!strategy->hasFocus());
    QVERIFY2(scroll->verticalScrollBar()->value() > scrolled,
             "the wheel scrolls the settings instead");
    // Every spin box and slider there is guarded the same way.
    for (QWidget *w : inspector()->findChildren<QWidget *>()) {
        if (qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w))
            QVERIFY2(w->focusPolicy() != Qt::WheelFocus, w->metaObject()->className());
    }
    // With the focus, the wheel is the user's choice: it changes the value.
    strategy->setFocus();
    QTRY_VERIFY(strategy->hasFocus());
    wheel(strategy, index + 1 < strategy->count() ? -120 : 120);
    QVERIFY(strategy->currentIndex() != index);
    QCOMPARE(doc()->undoStack()->count(), undo + 1);
}

// "Add a user…" by keyboard: an arrow key adds nobody; the menu (Space) lists who is not in
// the list yet, and Return adds the one chosen, as one undo step.
void TestFlowBuilder::ringListAddsOnlyWhenAUserIsChosen()
{
    build();
    voice()->selectApplet(u"dial"_s);
    FieldEditor *steps = inspector()->fieldEditor(u"steps"_s);
    emit steps->edited(
        QJsonArray{QJsonObject{{u"target"_s, QJsonObject{{u"members"_s, QJsonArray{u"nancy"_s}}}},
                               {u"strategy"_s, u"simultaneous"_s}}});
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    const auto members = [&] {
        return graph()
            .applets.value(u"dial"_s)
            .config.value(u"steps")
            .toArray()
            .at(0)[u"target"][u"members"]
            .toArray();
    };
    auto *add = steps->findChild<QPushButton *>(u"addToRingButton"_s);
    QVERIFY(add);
    auto *remove = steps->findChild<QToolButton *>(u"removeFromRingButton"_s);
    QVERIFY(remove);
    QCOMPARE(remove->accessibleName(), u"Remove from the ring list"_s);
    const int undo = doc()->undoStack()->count();
    add->setFocus();
    QTest::keyClick(add, Qt::Key_Down);
    QTest::keyClick(add, Qt::Key_Down);
    QCOMPARE(members(), (QJsonArray{u"nancy"_s}));
    QCOMPARE(doc()->undoStack()->count(), undo);
    // The menu, by keyboard: the second entry (Nancy is in the list, so not offered).
    QStringList offered;
    QTimer::singleShot(0, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions())
            offered.append(a->text());
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    QTest::keyClick(add, Qt::Key_Space);
    QVERIFY(!offered.isEmpty());
    QVERIFY(!offered.contains(u"Nancy Ortiz"_s));
    QCOMPARE(offered.size(), m_org->organization().users.size() - 1);
    QCOMPARE(members().size(), 2);
    QCOMPARE(doc()->undoStack()->count(), undo + 1);
}

// A step's target changed to a ring list by keyboard alone: the form chosen stays while it is
// empty (nothing refused, nothing changed, whatever refreshes the panel), Tab goes on to its
// list and "Add a user…", and the first user added makes it the step's target in one step.
void TestFlowBuilder::aRingListIsChosenAndFilledByKeyboard()
{
    build();
    configure(); // the step dials Sales
    voice()->selectApplet(u"dial"_s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QApplication::setActiveWindow(m_window);
    FieldEditor *steps = inspector()->fieldEditor(u"steps"_s);
    QTRY_VERIFY(steps->isVisible()); // the panel's new fields show once the loop runs
    QComboBox *form = nullptr;
    for (QComboBox *box : steps->findChildren<QComboBox *>()) {
        if (box->findText(u"These users (a ring list)"_s) >= 0)
            form = box;
    }
    QVERIFY(form);
    QCOMPARE(form->currentText(), u"A group"_s);
    const int undo = doc()->undoStack()->count();
    form->setFocus();
    QTRY_VERIFY(form->hasFocus());
    QTest::keyClick(form, Qt::Key_Down); // A user: none chosen yet
    QTest::keyClick(form, Qt::Key_Down); // These users: nobody in the list yet
    QCOMPARE(form->currentText(), u"These users (a ring list)"_s);
    QCOMPARE(doc()->undoStack()->count(), undo);
    // Not refused ("Not changed: …"); said to be waiting, and what the step still does.
    QStringList shown;
    for (QLabel *label : steps->findChildren<QLabel *>()) {
        if (label->isVisible())
            shown.append(label->text());
    }
    QVERIFY2(!shown.join(u'|').contains(u"Not changed:"_s), qPrintable(shown.join(u'|')));
    QVERIFY2(shown.contains(u"Not changed yet: until this is filled in, the step rings Sales."_s),
             qPrintable(shown.join(u'|')));
    // Something else changes and the panel shows the applet again: the form chosen stays.
    QVERIFY(m_window->editor()->renameApplet(Channel::Voice, u"dial"_s, u"Ring the team"_s));
    QCOMPARE(form->currentText(), u"These users (a ring list)"_s);
    // Tab reaches "Add a user…" from the form.
    auto *add = steps->findChild<QPushButton *>(u"addToRingButton"_s);
    QVERIFY(add && add->isVisible());
    for (int i = 0; i < 4 && !add->hasFocus(); ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY2(add->hasFocus(), QApplication::focusWidget()->metaObject()->className());
    QTimer::singleShot(0, this, [] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            QTest::keyClick(menu, Qt::Key_Down); // the first user
            QTest::keyClick(menu, Qt::Key_Return);
        }
    });
    QTest::keyClick(add, Qt::Key_Space);
    const QJsonObject target = graph()
                                   .applets.value(u"dial"_s)
                                   .config.value(u"steps")
                                   .toArray()
                                   .at(0)[u"target"]
                                   .toObject();
    QCOMPARE(target.value(u"members"_s).toArray(),
             QJsonArray{m_org->organization().users.first().id});
    QCOMPARE(doc()->undoStack()->count(), undo + 2); // the rename, then the target
    QCOMPARE(form->currentText(), u"These users (a ring list)"_s);
    for (QLabel *label : steps->findChildren<QLabel *>())
        QVERIFY2(!label->isVisible() || !label->text().startsWith(u"Not changed yet"_s),
                 qPrintable(label->text()));
}

// "Add a step" by keyboard: the keys go on in the new step (not on the button, scrolled away
// under it), and a step's arrows are offered only where it can move.
void TestFlowBuilder::aNewStepTakesTheKeys()
{
    build();
    configure(); // one step
    voice()->selectApplet(u"dial"_s);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QApplication::setActiveWindow(m_window);
    FieldEditor *steps = inspector()->fieldEditor(u"steps"_s);
    QTRY_VERIFY(steps->isVisible());
    const auto arrows = [steps](const QString &step) {
        QPair<bool, bool> enabled;
        for (QToolButton *b : steps->findChildren<QToolButton *>()) {
            if (b->accessibleName() == u"Move %1 earlier"_s.arg(step))
                enabled.first = b->isEnabled();
            if (b->accessibleName() == u"Move %1 later"_s.arg(step))
                enabled.second = b->isEnabled();
        }
        return enabled;
    };
    QCOMPARE(arrows(u"Step 1"_s), qMakePair(false, false)); // alone: nowhere to go
    QToolButton *add = nullptr;
    for (QToolButton *b : steps->findChildren<QToolButton *>()) {
        if (b->text() == u"Add a step")
            add = b;
    }
    QVERIFY(add);
    add->setFocus();
    QTRY_VERIFY(add->hasFocus());
    QTest::keyClick(add, Qt::Key_Space);
    QCOMPARE(graph().applets.value(u"dial"_s).config.value(u"steps").toArray().size(), 2);
    QGroupBox *second = nullptr;
    for (QGroupBox *box : steps->findChildren<QGroupBox *>()) {
        if (box->title() == u"Step 2")
            second = box;
    }
    QVERIFY(second);
    QTRY_VERIFY2(QApplication::focusWidget() && second->isAncestorOf(QApplication::focusWidget()),
                 QApplication::focusWidget()
                     ? QApplication::focusWidget()->metaObject()->className()
                     : "nothing");
    QCOMPARE(arrows(u"Step 1"_s), qMakePair(false, true));
    QCOMPARE(arrows(u"Step 2"_s), qMakePair(true, false));
}

void TestFlowBuilder::wordsUsersKnow_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<QString>("summary");
    QTest::newRow("an inbox without an owner")
        << u"sms-inbox"_s << QJsonObject() << u"Into an inbox: choose whose"_s;
    QTest::newRow("an inbox of a group")
        << u"sms-inbox"_s << QJsonObject{{u"owner"_s, QJsonObject{{u"group"_s, u"sales"_s}}}}
        << u"Into the inbox of Sales"_s;
    QTest::newRow("a voicemail without an owner")
        << u"voicemail"_s << QJsonObject() << u"Voicemail: choose whose box"_s;
    const auto dial = [](const QString &strategy) {
        return QJsonObject{{u"steps"_s, QJsonArray{QJsonObject{
                                            {u"target"_s, QJsonObject{{u"group"_s, u"sales"_s}}},
                                            {u"strategy"_s, strategy},
                                            {u"ring_seconds"_s, 20}}}}};
    };
    QTest::newRow("simultaneous") << u"dial"_s << dial(u"simultaneous"_s)
                                  << u"Ring Sales simultaneous, 20 s"_s;
    QTest::newRow("round robin") << u"dial"_s << dial(u"round-robin"_s)
                                 << u"Ring Sales round robin, 20 s"_s;
    QTest::newRow("linear round robin") << u"dial"_s << dial(u"linear-round-robin"_s)
                                        << u"Ring Sales linear round robin, 20 s each"_s;
    QTest::newRow("in order") << u"dial"_s << dial(u"sequential"_s)
                              << u"Ring Sales in order, 20 s each"_s;
}

void TestFlowBuilder::wordsUsersKnow()
{
    QFETCH(QString, type);
    QFETCH(QJsonObject, config);
    QFETCH(QString, summary);
    Applet applet;
    applet.id = u"a"_s;
    applet.type = type;
    applet.config = config;
    const QString text = appletSummary(applet, m_org->organization());
    QCOMPARE(text, summary);
    QVERIFY(!text.contains(u"nobody yet's"));
}

// The ring strategies read as the help articles say them; what each means is under it.
void TestFlowBuilder::strategiesInTheArticlesWords()
{
    build();
    configure();
    voice()->selectApplet(u"dial"_s);
    QComboBox *strategy = nullptr;
    for (QComboBox *c : inspector()->findChildren<QComboBox *>()) {
        if (c->findData(u"linear-round-robin"_s) >= 0)
            strategy = c;
    }
    QVERIFY(strategy);
    QStringList labels;
    for (int i = 0; i < strategy->count(); ++i) {
        labels.append(strategy->itemText(i));
        QVERIFY(!strategy->itemData(i, Qt::ToolTipRole).toString().isEmpty());
    }
    QCOMPARE(labels, (QStringList{u"Simultaneous"_s, u"In order"_s, u"Round robin"_s,
                                  u"Linear round robin"_s}));
    QVERIFY2(strategy->toolTip().startsWith(u"Members ring one after another"),
             qPrintable(strategy->toolTip()));
    // A group's step is as tall as its one line, not as the ring list it does not show.
    for (QStackedWidget *stack : inspector()->findChildren<QStackedWidget *>()) {
        if (stack->count() == 5) // the target's forms
            QVERIFY2(stack->sizeHint().height() < 3 * stack->fontMetrics().height(),
                     qPrintable(QString::number(stack->sizeHint().height())));
    }
    // The ⛔ on a card says what it does; the rest of the card, what the applet does.
    AppletItem *voicemail = voice()->appletItem(u"voicemail"_s);
    QCOMPARE(voicemail->toolTipAt(voicemail->deleteButtonRect().center()),
             u"Delete Voicemail (Del)"_s);
    const QString card = voicemail->toolTipAt(voicemail->boundingRect().center());
    QVERIFY2(card.startsWith(u"Voicemail"_s) && !card.startsWith(u"Delete"), qPrintable(card));
}

// Tab walks the settings as they are shown: a step added later comes after the step before it
// and before "Add a step"; each step's buttons say which step they move or remove.
void TestFlowBuilder::settingsTabOrderFollowsTheForm()
{
    build();
    voice()->selectApplet(u"dial"_s);
    FieldEditor *steps = inspector()->fieldEditor(u"steps"_s);
    const QJsonObject step{{u"target"_s, QJsonObject{{u"group"_s, u"sales"_s}}},
                           {u"strategy"_s, u"sequential"_s},
                           {u"ring_seconds"_s, 20}};
    emit steps->edited(QJsonArray{step});
    emit steps->edited(QJsonArray{step, step}); // the second step's widgets are made last
    QCoreApplication::processEvents();          // the layouts show what they were given
    QStringList names;
    for (QToolButton *b : steps->findChildren<QToolButton *>())
        names.append(b->accessibleName());
    QVERIFY2(names.contains(u"Move Step 2 earlier"_s), qPrintable(names.join(u", ")));
    QVERIFY(names.contains(u"Remove Step 2"_s));
    QVERIFY(names.contains(u"Move Step 1 later"_s));

    // The chain from the applet's name on.
    QLineEdit *name = inspector()->findChild<QLineEdit *>();
    QVERIFY(name);
    QList<QWidget *> chain;
    for (QWidget *w = name; w && chain.size() < 200; w = w->nextInFocusChain()) {
        if (chain.contains(w))
            break;
        if (inspector()->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) &&
            w->isVisibleTo(inspector()))
            chain.append(w);
    }
    const auto at = [&](const QString &accessible) {
        for (qsizetype i = 0; i < chain.size(); ++i) {
            if (chain.at(i)->accessibleName() == accessible ||
                (qobject_cast<QAbstractButton *>(chain.at(i)) &&
                 static_cast<QAbstractButton *>(chain.at(i))->text() == accessible))
                return int(i);
        }
        return -1;
    };
    QStringList seen;
    for (QWidget *w : chain)
        seen.append(QString::fromLatin1(w->metaObject()->className()) + u':' + w->accessibleName());
    QVERIFY2(at(u"Remove Step 1"_s) >= 0, qPrintable(seen.join(u", ")));
    QVERIFY(at(u"Move Step 2 earlier"_s) > at(u"Remove Step 1"_s));
    QVERIFY(at(u"Add a step"_s) > at(u"Remove Step 2"_s));
    QCOMPARE(chain.first(), name);
}

// Where the keyboard is shows: the selected card gets a focus frame while the canvas has the
// focus, and a selection without focus is drawn muted (both from the palette).
void TestFlowBuilder::focusIsVisible()
{
    build();
    FlowScene *scene = voice();
    scene->selectApplet(u"menu"_s);
    AppletItem *menu = scene->appletItem(u"menu"_s);
    const QRectF area = menu->sceneBoundingRect().adjusted(-6, -6, 6, 6);
    const auto shot = [&] {
        QImage image(area.size().toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        scene->render(&painter, QRectF(), area);
        return image;
    };
    QFocusEvent out(QEvent::FocusOut, Qt::TabFocusReason);
    QCoreApplication::sendEvent(scene, &out); // the keyboard is elsewhere
    QVERIFY(!scene->hasFocus());
    const QImage unfocused = shot();
    QFocusEvent in(QEvent::FocusIn, Qt::TabFocusReason);
    QCoreApplication::sendEvent(scene, &in);
    QVERIFY(scene->hasFocus());
    const QImage focused = shot();
    QVERIFY(focused != unfocused);
    // The frame sits just outside the card: the pixels that differ are there.
    const QRect card = menu->sceneBoundingRect().translated(-area.topLeft()).toRect();
    int outside = 0;
    for (int y = 0; y < focused.height(); ++y) {
        for (int x = 0; x < focused.width(); ++x) {
            if (focused.pixel(x, y) != unfocused.pixel(x, y) &&
                !card.adjusted(4, 4, -4, -4).contains(x, y))
                ++outside;
        }
    }
    QVERIFY(outside > 50);

    // Lists: a selection without focus is not drawn as one with it.
    const QPalette p = QApplication::palette();
    QVERIFY(p.color(QPalette::Inactive, QPalette::Highlight) !=
            p.color(QPalette::Active, QPalette::Highlight));
}

// The real confirmation (the tests script the answers elsewhere): a warning, not the old
// question mark, wide enough for its title, Cancel the default.
void TestFlowBuilder::confirmationsHaveRoom()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    DialogInteraction real(m_window);
    int width = 0;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    QString title, defaultText;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        width = box->width();
        icon = box->icon();
        title = box->windowTitle();
        defaultText = box->defaultButton() ? box->defaultButton()->text() : QString();
        box->reject();
    });
    QVERIFY(!real.confirmDelete(u"Hang up"_s, 0)); // cancelled
    QCOMPARE(title, u"Delete applet"_s);
    QCOMPARE(icon, QMessageBox::Warning);
    QVERIFY2(width >= ConfirmationMinimumWidth, qPrintable(QString::number(width)));
    QCOMPARE(defaultText, u"Cancel"_s);
}

void TestFlowBuilder::ringListsTakeDraggedUsers()
{
    build();
    voice()->selectApplet(u"dial"_s);
    FieldEditor *steps = inspector()->fieldEditor(u"steps"_s);
    emit steps->edited(
        QJsonArray{QJsonObject{{u"target"_s, QJsonObject{{u"members"_s, QJsonArray{u"nancy"_s}}}},
                               {u"strategy"_s, u"simultaneous"_s}}});
    QCOMPARE(graph()
                 .applets.value(u"dial"_s)
                 .config.value(u"steps")
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"target")
                 .toObject()
                 .value(u"members")
                 .toArray(),
             (QJsonArray{u"nancy"_s}));
    // The ring list in the step's form takes users dragged from the builder's users list.
    QListWidget *ring = nullptr;
    for (QListWidget *list : steps->findChildren<QListWidget *>())
        ring = list;
    QVERIFY(ring);
    QCOMPARE(ring->count(), 1);
    const std::unique_ptr<QMimeData> users(
        MimeType::encodeUsers({u"maria"_s, u"nancy"_s, u"johan"_s}));
    QVERIFY(Test::dropOnView(ring, users.get(), ring->viewport()->rect().center(), Qt::CopyAction));
    // Nancy was there already; Maria and Johan join, in the order dropped.
    QCOMPARE(graph()
                 .applets.value(u"dial"_s)
                 .config.value(u"steps")
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"target")
                 .toObject()
                 .value(u"members")
                 .toArray(),
             (QJsonArray{u"nancy"_s, u"maria"_s, u"johan"_s}));
    QCOMPARE(doc()->undoStack()->text(doc()->undoStack()->count() - 1), u"Change Steps of Dial"_s);

    // Anywhere in the upper half of the first row: before it. The list keeps its height.
    const int height = ring->height();
    const std::unique_ptr<QMimeData> vald(MimeType::encodeUsers({u"vald"_s}));
    const QRect first = ring->visualRect(ring->model()->index(0, 0));
    const QPoint upper(first.center().x(), first.center().y() - first.height() / 4);
    QVERIFY(Test::dropOnView(ring, vald.get(), upper, Qt::CopyAction));
    QCOMPARE(graph()
                 .applets.value(u"dial"_s)
                 .config.value(u"steps")
                 .toArray()
                 .at(0)[u"target"][u"members"]
                 .toArray(),
             (QJsonArray{u"vald"_s, u"nancy"_s, u"maria"_s, u"johan"_s}));
    QCOMPARE(ring->height(), height);
}

void TestFlowBuilder::smsTabTakesTextApplets()
{
    m_window->showChannel(Channel::Sms);
    // Nothing set up yet: the list says so, rather than calling the flow complete.
    QVERIFY(findingsList()->item(0)->text().startsWith(u"No SMS flow yet"_s));
    FlowScene *sms = m_window->scene(Channel::Sms);
    QCOMPARE(sms->slotItem(SlotRef::start())->kind(), FlowLayout::Slot::Empty);
    const QPointF start = sms->slotItem(SlotRef::start())->sceneBoundingRect().center();
    QVERIFY(!dropType(sms, start, u"menu"_s)); // a call applet
    QVERIFY(dropType(sms, start, u"keyword"_s));
    QCOMPARE(doc()->graph(Channel::Sms)->start, u"keyword"_s);
    QVERIFY(!doc()->graph(Channel::Voice).has_value());
    QCOMPARE(doc()->undoStack()->text(0), u"Start with Keyword"_s);
}

void TestFlowBuilder::closingWithUnsavedChangesIsKnown()
{
    build();
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(u"New line"));
    doc()->undoStack()->setClean();
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->close()); // nothing to ask
}

QTEST_MAIN(TestFlowBuilder)
#include "tst_flowbuilder.moc"
