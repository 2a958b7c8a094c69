#include "flowwindow.h"

#include "catalogue/appletcatalogue.h"
#include "document/organizationdocument.h"
#include "flowbuilder/appletitem.h"
#include "flowbuilder/appletpalette.h"
#include "flowbuilder/flowdocument.h"
#include "flowbuilder/flowedits.h"
#include "flowbuilder/flowinteraction.h"
#include "flowbuilder/flowscene.h"
#include "flowbuilder/flowview.h"
#include "flowbuilder/inspector.h"
#include "flowbuilder/slotitem.h"
#include "groups/usersmodel.h"
#include "shell/consolelook.h"
#include "shell/rowdragview.h"
#include "shell/unsavedchanges.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>

#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
int slotOf(Channel c)
{
    return c == Channel::Voice ? 0 : 1;
}
// What the scenes ask goes to whatever interaction the window holds now.
class Forwarding : public FlowInteraction
{
public:
    explicit Forwarding(std::unique_ptr<FlowInteraction> *target)
        : m_target(target)
    {}
    std::optional<GraphEdit::Detached> confirmReplace(const QString &f, const QString &t,
                                                      int d) override
    {
        return (*m_target)->confirmReplace(f, t, d);
    }
    bool confirmDelete(const QString &a, int u) override
    {
        return (*m_target)->confirmDelete(a, u);
    }

private:
    std::unique_ptr<FlowInteraction> *m_target;
};
} // namespace

FlowWindow::FlowWindow(OrganizationDocument *organization, const QString &flowId, QWidget *parent)
    : QMainWindow(parent, Qt::Window)
    , m_document(new FlowDocument(organization, flowId, this))
    , m_editor(new FlowEdits(m_document, this))
    , m_interaction(std::make_unique<DialogInteraction>(this))
    , m_forwarding(std::make_unique<Forwarding>(&m_interaction))
    , m_tabs(new QTabWidget(this))
    , m_inspector(new Inspector(m_editor, this))
    , m_findings(new QListWidget(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowIcon(ConsoleLook::icon(u":/icons/sections/flows.svg"_s));
    ConsoleLook::install();
    // Named, so that the tests can find them.
    m_inspector->setObjectName(u"inspector"_s);
    m_findings->setObjectName(u"findingsList"_s);
    m_findings->setWordWrap(true); // long messages wrap rather than end in "…"
    m_findings->setTextElideMode(Qt::ElideNone);
    // No larger than the console it opens from, nor than the screen.
    QSize size(1180, 760);
    if (parent)
        size = size.boundedTo(parent->window()->size());
    const QScreen *screen = parent ? parent->screen() : nullptr;
    if (screen)
        size = size.boundedTo(screen->availableSize() * 0.95);
    resize(size);
    // Never so small that the canvas is a sliver and the status line is cut off.
    QSize least(760, 520);
    if (screen)
        least = least.boundedTo(screen->availableSize() * 0.95);
    setMinimumSize(least);
    // Over the console, and wholly on its screen (a window manager may put it lower, with its
    // bottom edge and status line off the screen).
    if (parent && screen) {
        QRect where(QPoint(), size);
        where.moveCenter(parent->window()->frameGeometry().center());
        const QRect room = screen->availableGeometry().adjusted(8, 32, -8, -8); // its frame
        where.moveLeft(std::clamp(where.left(), room.left(),
                                  std::max(room.left(), room.right() - where.width())));
        where.moveTop(std::clamp(where.top(), room.top(),
                                 std::max(room.top(), room.bottom() - where.height())));
        move(where.topLeft());
    }
    for (Channel channel : {Channel::Voice, Channel::Sms}) {
        const int i = slotOf(channel);
        m_scenes[i] = new FlowScene(m_editor, channel, m_forwarding.get(), this);
        m_views[i] = new FlowView(m_scenes[i], this);
        m_palettes[i] = new AppletPalette(channel, this);
        auto *users = new RowDragView(this); // dragged as a chip, like the member list
        users->setModel(new UsersModel(organization, users));
        users->setRootIsDecorated(false);
        users->setDragEnabled(true);
        users->setDragDropMode(QAbstractItemView::DragOnly);
        users->setSelectionMode(QAbstractItemView::ExtendedSelection);
        for (int c = 1; c < users->model()->columnCount(); ++c)
            users->hideColumn(c);
        users->header()->hide();
        auto *side = new QTabWidget(this);
        side->addTab(m_palettes[i], tr("Applets"));
        side->addTab(users, tr("Users"));
        side->setTabToolTip(1, tr("Drag users into a ring list in the settings below."));
        auto *split = new QSplitter(this);
        split->addWidget(side);
        split->addWidget(m_views[i]);
        split->setStretchFactor(1, 1);
        split->setSizes({230, 1000});
        m_tabs->addTab(split,
                       ConsoleLook::icon(channel == Channel::Voice
                                             ? u":/icons/applets/dial.svg"_s
                                             : u":/icons/applets/sms-reply.svg"_s),
                       channel == Channel::Voice ? tr("Call flow") : tr("SMS flow"));
        connect(m_scenes[i], &FlowScene::appletSelected, this, [this, channel](const QString &id) {
            if (currentChannel() == channel)
                m_inspector->setApplet(channel, id);
        });
        connect(m_scenes[i], &FlowScene::highlightChanged, this, [this] {
            m_clearRoute->setEnabled(!m_scenes[0]->highlightedPath().isEmpty() ||
                                     !m_scenes[1]->highlightedPath().isEmpty());
        });
        connect(m_scenes[i], &FlowScene::slotMenuRequested, this,
                [this, channel](const SlotRef &slot, const QPoint &at) {
                    showSlotMenu(channel, slot, at);
                });
        connect(m_scenes[i], &FlowScene::appletMenuRequested, this,
                [this, channel](const QString &id, const QPoint &at) {
                    showAppletMenu(channel, id, at);
                });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const Channel c = currentChannel();
        m_inspector->setApplet(c, scene(c)->selectedApplet());
        updateFindings();
        // Ctrl+Tab from one canvas lands on the other canvas, not on the palette's tabs (the
        // first thing in the page); arrows on the tab bar itself keep the focus there.
        QMetaObject::invokeMethod(
            this,
            [this, c] {
                QWidget *focus = QApplication::focusWidget();
                QWidget *page = m_tabs->currentWidget();
                if (focus && page && page->isAncestorOf(focus) && focus != view(c) &&
                    currentChannel() == c)
                    view(c)->setFocus(Qt::TabFocusReason);
            },
            Qt::QueuedConnection);
    });

    auto *below = new QSplitter(this);
    below->addWidget(m_inspector);
    auto *findingsPane = new QWidget(this);
    auto *findingsLayout = new QVBoxLayout(findingsPane);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(new QLabel(tr("What to look at:"), findingsPane));
    findingsLayout->addWidget(m_findings);
    below->addWidget(findingsPane);
    below->setSizes({760, 440});
    auto *main = new QSplitter(Qt::Vertical, this);
    main->addWidget(m_tabs);
    main->addWidget(below);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 2);
    main->setSizes({430, 290});
    setCentralWidget(main);
    connect(m_findings, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { goToFinding(m_findings->row(item)); });
    connect(m_findings, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { goToFinding(m_findings->row(item)); });

    QUndoStack *undo = m_document->undoStack();
    m_save = new QAction(ConsoleLook::icon(u":/icons/actions/save.svg"_s), tr("&Save Flow"), this);
    m_save->setObjectName(u"saveFlowAction"_s);
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QAction::triggered, this, &FlowWindow::save);
    auto *close =
        new QAction(ConsoleLook::icon(u":/icons/actions/close.svg"_s), tr("&Close"), this);
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, this, &QWidget::close);
    QAction *undoAction = undo->createUndoAction(this, tr("&Undo"));
    undoAction->setIcon(ConsoleLook::icon(u":/icons/actions/undo.svg"_s));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setIconText(tr("Undo"));
    QAction *redoAction = undo->createRedoAction(this, tr("&Redo"));
    redoAction->setIcon(ConsoleLook::icon(u":/icons/actions/redo.svg"_s));
    redoAction->setShortcut(QKeySequence::Redo);
    redoAction->setIconText(tr("Redo"));
    auto *zoomIn =
        new QAction(ConsoleLook::icon(u":/icons/actions/zoom-in.svg"_s), tr("Zoom In"), this);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomIn, &QAction::triggered, this, [this] { view(currentChannel())->zoomIn(); });
    auto *zoomOut =
        new QAction(ConsoleLook::icon(u":/icons/actions/zoom-out.svg"_s), tr("Zoom Out"), this);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, this, [this] { view(currentChannel())->zoomOut(); });
    auto *fit = new QAction(ConsoleLook::icon(u":/icons/actions/zoom-fit.svg"_s), tr("Fit"), this);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fit, &QAction::triggered, this, [this] { view(currentChannel())->fit(); });

    m_testCall =
        new QAction(ConsoleLook::icon(u":/icons/actions/test-call.svg"_s), tr("&Test Call…"), this);
    m_testCall->setObjectName(u"flowTestCallAction"_s);
    m_testCall->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_testCall->setToolTip(tr("Run a call or a text through this flow, unsaved changes included"));
    connect(m_testCall, &QAction::triggered, this,
            [this] { emit testCallRequested(m_document->flow().id, currentChannel()); });
    m_clearRoute = new QAction(tr("Clear Route"), this);
    m_clearRoute->setObjectName(u"clearRouteAction"_s);
    m_clearRoute->setToolTip(tr("Take the test call's route off the canvas"));
    m_clearRoute->setEnabled(false);
    connect(m_clearRoute, &QAction::triggered, this, &FlowWindow::clearHighlight);

    QToolBar *bar = addToolBar(tr("Flow"));
    bar->setObjectName(u"flowToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_save);
    bar->addAction(close);
    bar->addSeparator();
    bar->addAction(undoAction);
    bar->addAction(redoAction);
    bar->addSeparator();
    bar->addAction(zoomIn);
    bar->addAction(zoomOut);
    bar->addAction(fit);
    bar->addSeparator();
    bar->addAction(m_testCall);
    bar->addAction(m_clearRoute);

    connect(m_editor, &FlowEdits::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    // A deleted flow's builder goes with it, unsaved edits too (undoing the deletion brings
    // the flow back as it was saved); it must not stay to save over a new flow of that id.
    connect(m_document, &FlowDocument::removed, this, [this] {
        m_document->undoStack()->clear();
        this->close();
    });
    connect(m_document, &FlowDocument::modifiedChanged, this, &FlowWindow::updateTitle);
    connect(m_document->organizationDocument(), &OrganizationDocument::changed, this,
            &FlowWindow::updateTitle);
    connect(m_document->organizationDocument(), &OrganizationDocument::saved, this,
            &FlowWindow::updateTitle);
    connect(m_document, &FlowDocument::findingsChanged, this, &FlowWindow::updateFindings);
    updateTitle();
    updateFindings();
    statusBar()->showMessage(tr("Drag an applet from the left into a dotted slot, or select a "
                                "slot and press Enter."),
                             8000);
}

FlowWindow::~FlowWindow()
{
    // The scenes, views and inspector read the document: they go before it. A scene going
    // away deselects its items, which must not reach the inspector any more.
    for (FlowScene *scene : m_scenes) {
        disconnect(scene, nullptr, this, nullptr);
        delete scene;
    }
    delete takeCentralWidget();
}

FlowScene *FlowWindow::scene(Channel channel) const
{
    return m_scenes[slotOf(channel)];
}

FlowView *FlowWindow::view(Channel channel) const
{
    return m_views[slotOf(channel)];
}

AppletPalette *FlowWindow::palette(Channel channel) const
{
    return m_palettes[slotOf(channel)];
}

Channel FlowWindow::currentChannel() const
{
    return m_tabs->currentIndex() == 1 ? Channel::Sms : Channel::Voice;
}

void FlowWindow::showChannel(Channel channel)
{
    m_tabs->setCurrentIndex(slotOf(channel));
}

void FlowWindow::highlightPath(Channel channel, const QStringList &appletIds)
{
    showChannel(channel);
    for (FlowScene *s : m_scenes)
        s->clearHighlight();
    FlowScene *canvas = scene(channel);
    canvas->highlightPath(appletIds);
    if (appletIds.isEmpty())
        return;
    // As much of the route as the view shows, and its first applet in any case.
    auto scrollToStart = [this, channel, appletIds] {
        QRectF route;
        for (const QString &id : appletIds) {
            if (AppletItem *item = scene(channel)->appletItem(id))
                route |= item->sceneBoundingRect();
        }
        view(channel)->ensureVisible(route, 30, 30);
        if (AppletItem *item = scene(channel)->appletItem(appletIds.first()))
            view(channel)->ensureVisible(item, 60, 60);
    };
    scrollToStart();
    // Again after a window opened for this has fitted its views (showEvent).
    QMetaObject::invokeMethod(this, scrollToStart, Qt::QueuedConnection);
    statusBar()->showMessage(tr("The test call's route: %n applet(s), numbered in the order "
                                "they ran. The next edit clears it.",
                                nullptr, int(appletIds.size())),
                             10000);
}

void FlowWindow::clearHighlight()
{
    for (FlowScene *s : m_scenes)
        s->clearHighlight();
}

void FlowWindow::setInteraction(std::unique_ptr<FlowInteraction> interaction)
{
    m_interaction = std::move(interaction);
}

void FlowWindow::setReadOnly(bool readOnly)
{
    m_editor->setReadOnly(readOnly);
    for (AppletPalette *palette : m_palettes)
        palette->setEnabled(!readOnly);
    m_inspector->setEnabled(!readOnly);
    for (FlowScene *scene : m_scenes)
        scene->update(); // the cards lose (or get back) their ⛔, + and ✕
    if (readOnly)
        statusBar()->showMessage(FlowEdits::tr("Only admins change flows: this one is read-only."));
    updateTitle();
}

void FlowWindow::updateTitle()
{
    setWindowTitle(m_editor->isReadOnly()
                       ? tr("Flow: %1 (read-only) — Switchboard").arg(m_document->flow().name)
                       : tr("Flow: %1[*] — Switchboard").arg(m_document->flow().name));
    // Numbers given this flow in the main window are saved with it.
    const bool modified =
        m_document->isModified() ||
        !m_document->organizationDocument()->unsavedAssignments(m_document->flow().id).isEmpty();
    setWindowModified(modified);
    m_save->setEnabled(modified && !m_editor->isReadOnly());
}

void FlowWindow::updateFindings()
{
    m_findings->clear();
    const Channel channel = currentChannel();
    if (!m_document->flow().isSetUp(channel)) {
        new QListWidgetItem(ConsoleLook::icon(u":/icons/actions/warning.svg"_s),
                            channel == Channel::Voice
                                ? tr("No call flow yet: calls to this flow's numbers are rejected. "
                                     "Drag an applet into the dotted slot to begin.")
                                : tr("No SMS flow yet: texts to this flow's numbers are dropped. "
                                     "Drag an applet into the dotted slot to begin."),
                            m_findings);
    }
    const QString prefix = m_document->pathPrefix(channel);
    const QString flowPath = prefix.section(u'.', 0, 0); // flows[i]: about the flow itself
    for (const Finding &f : m_document->findings()) {
        if (!f.path.startsWith(prefix) && f.path != flowPath)
            continue;
        auto *item =
            new QListWidgetItem(ConsoleLook::icon(f.isError() ? u":/icons/actions/error.svg"_s
                                                              : u":/icons/actions/warning.svg"_s),
                                f.message, m_findings);
        item->setData(Qt::UserRole, f.path);
        item->setToolTip(f.path);
    }
    if (m_findings->count() == 0)
        new QListWidgetItem(tr("Nothing: this flow is complete."), m_findings);
}

void FlowWindow::goToFinding(int row)
{
    const QString path =
        m_findings->item(row) ? m_findings->item(row)->data(Qt::UserRole).toString() : QString();
    const Channel channel = currentChannel();
    const QString applets = m_document->pathPrefix(channel) + u".applets."_s;
    if (!path.startsWith(applets))
        return;
    const QString rest = path.mid(applets.size());
    const auto &graph = m_document->graph(channel);
    if (!graph)
        return;
    QString id;
    for (const QString &candidate : graph->applets.keys()) {
        if ((rest == candidate || rest.startsWith(candidate + u'.')) &&
            candidate.size() > id.size())
            id = candidate;
    }
    const QString sub = rest.mid(id.size());
    if (sub.startsWith(u".next.") && !graph->applets[id].next.contains(sub.mid(6)))
        scene(channel)->selectSlot(SlotRef{id, sub.mid(6)});
    else
        scene(channel)->selectApplet(id);
    view(channel)->setFocus();
}

void FlowWindow::showSlotMenu(Channel channel, const SlotRef &slot, const QPoint &at)
{
    if (m_editor->isReadOnly())
        return; // nothing to put there
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    for (const AppletType *type : AppletCatalogue::instance().typesFor(channel)) {
        QAction *a = menu.addAction(ConsoleLook::icon(type->iconPath()), type->displayName());
        a->setToolTip(type->displayDescription());
        connect(a, &QAction::triggered, this,
                [this, channel, slot, t = type->type] { scene(channel)->dropOnSlot(slot, t); });
    }
    const auto &graph = m_document->graph(channel);
    if (graph && !graph->applets.isEmpty()) {
        menu.addSeparator();
        QMenu *go = menu.addMenu(ConsoleLook::icon(u":/icons/actions/goto.svg"_s), tr("Go to…"));
        for (const Applet &applet : graph->applets) {
            QAction *a = go->addAction(m_editor->appletLabel(channel, applet.id));
            connect(a, &QAction::triggered, this, [this, channel, slot, id = applet.id] {
                if (!m_editor->linkSlot(channel, slot, id))
                    return;
                // The keys stay where they were: on the slot, now leading there (or, for an
                // applet set aside, on it, now attached).
                FlowScene *s = scene(channel);
                if (const SlotItem *item = s->slotItem(slot);
                    item && item->kind() != FlowLayout::Slot::Filled)
                    s->selectSlot(slot);
                else
                    s->selectApplet(id);
            });
        }
        ConsoleLook::addMnemonics(go);
    }
    ConsoleLook::addMnemonics(&menu);
    menu.exec(at);
}

void FlowWindow::showAppletMenu(Channel channel, const QString &id, const QPoint &at)
{
    const auto &graph = m_document->graph(channel);
    if (!graph || !graph->applets.contains(id))
        return;
    const QString current = graph->applets.value(id).type;
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    // The twin of dropping another applet on top of this one: the same question about what
    // hangs under it, the same single undo step; its name and what still fits are kept.
    QMenu *replace =
        menu.addMenu(ConsoleLook::icon(u":/icons/actions/edit.svg"_s), tr("&Replace with"));
    replace->setToolTipsVisible(true);
    for (const AppletType *type : AppletCatalogue::instance().typesFor(channel)) {
        if (type->type == current)
            continue;
        QAction *a = replace->addAction(ConsoleLook::icon(type->iconPath()), type->displayName());
        a->setToolTip(type->displayDescription());
        connect(a, &QAction::triggered, this,
                [this, channel, id, t = type->type] { scene(channel)->dropOnApplet(id, t); });
    }
    replace->setEnabled(!m_editor->isReadOnly());
    ConsoleLook::addMnemonics(replace);
    QAction *settings = menu.addAction(tr("&Settings"));
    settings->setToolTip(tr("Go to its settings below the canvas"));
    connect(settings, &QAction::triggered, this, [this, channel, id] {
        m_inspector->setApplet(channel, id);
        // Once the menu is gone: closing it gives the focus back to where it was.
        QMetaObject::invokeMethod(m_inspector, &Inspector::focusFirstField, Qt::QueuedConnection);
    });
    menu.addSeparator();
    QAction *remove =
        menu.addAction(ConsoleLook::icon(u":/icons/actions/delete.svg"_s), tr("&Delete…"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setEnabled(!m_editor->isReadOnly());
    connect(remove, &QAction::triggered, this,
            [this, channel, id] { scene(channel)->requestDelete(id); });
    menu.exec(at);
}

bool FlowWindow::save()
{
    QString error;
    const QStringList numbers =
        m_document->organizationDocument()->unsavedAssignments(m_document->flow().id);
    if (m_document->save(&error)) {
        statusBar()->showMessage(
            numbers.isEmpty()
                ? tr("Saved.")
                : tr("Saved, with the flow of %1.").arg(QLocale().createSeparatedList(numbers)),
            6000);
        return true;
    }
    QMessageBox::critical(
        this, tr("Cannot save the flow"),
        tr("The flow could not be saved; your changes are still here.\n\n%1").arg(error));
    return false;
}

void FlowWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    // Once the window is up (the views open their flows themselves, at their real size).
    QMetaObject::invokeMethod(
        this,
        [this] {
            // The keys start on the canvas (not on the Call flow / SMS flow tabs, where an
            // arrow key would switch the flow shown).
            view(currentChannel())->setFocus(Qt::OtherFocusReason);
        },
        Qt::QueuedConnection);
}

void FlowWindow::closeEvent(QCloseEvent *event)
{
    event->setAccepted(UnsavedChanges::allowClose(
        this, m_document->isModified(),
        tr("Save the changes to the flow \"%1\" before closing?").arg(m_document->flow().name),
        [this] { return save(); }));
}

} // namespace Switchboard
