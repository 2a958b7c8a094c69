#include "flowscene.h"

#include "catalogue/appletcatalogue.h"
#include "flowbuilder/appletitem.h"
#include "flowbuilder/appletstyle.h"
#include "flowbuilder/appletsummary.h"
#include "flowbuilder/flowdocument.h"
#include "flowbuilder/flowedits.h"
#include "flowbuilder/flowinteraction.h"
#include "flowbuilder/slotitem.h"
#include "shell/consolelook.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QPainterPath>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QString slotKey(const SlotRef &slot)
{
    return slot.applet + u'/' + slot.branch;
}
} // namespace

void FlowScene::applyPalette()
{
    m_connectors->setPen(QPen(ConsoleLook::lineColor(QApplication::palette()), 1.4));
    m_detachedHeader->setBrush(QApplication::palette().color(QPalette::PlaceholderText));
    update();
}

bool FlowScene::event(QEvent *event)
{
    const bool handled = QGraphicsScene::event(event);
    if (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange)
        applyPalette();
    return handled;
}

FlowScene::FlowScene(FlowEdits *editor, Channel channel, FlowInteraction *interaction,
                     QObject *parent)
    : QGraphicsScene(parent)
    , m_editor(editor)
    , m_channel(channel)
    , m_interaction(interaction)
    , m_connectors(new QGraphicsPathItem)
    , m_routeConnectors(new QGraphicsPathItem)
    , m_detachedHeader(new QGraphicsSimpleTextItem(tr("Not attached: nothing leads here")))
{
    // A static canvas of a few hundred items: no index to keep up to date on each layout.
    setItemIndexMethod(NoIndex);
    applyPalette();
    m_connectors->setZValue(-1);
    addItem(m_connectors);
    m_routeConnectors->setPen(QPen(routeColor(), 2.6));
    m_routeConnectors->setZValue(-0.5);
    addItem(m_routeConnectors);
    addItem(m_detachedHeader);
    connect(editor->document(), &FlowDocument::graphChanged, this, [this](Channel c) {
        if (c != m_channel)
            return;
        clearHighlight(); // a route of the graph before the edit
        sync();
    });
    connect(editor->document(), &FlowDocument::findingsChanged, this, [this] {
        showFindings(m_editor->document()->findings(), m_editor->document()->pathPrefix(m_channel));
    });
    connect(this, &QGraphicsScene::selectionChanged, this,
            [this] { emit appletSelected(selectedApplet()); });
    sync();
    showFindings(editor->document()->findings(), editor->document()->pathPrefix(channel));
}

FlowScene::~FlowScene()
{
    blockSignals(true); // selectionChanged, as the base class removes the items
}

SlotItem *FlowScene::slotItem(const SlotRef &slot) const
{
    return m_slots.value(slotKey(slot));
}

void FlowScene::sync()
{
    const FlowDocument *document = m_editor->document();
    const std::optional<Graph> &graph = document->graph(m_channel);
    m_layout = layoutFlow(graph, m_channel);
    const Organization org = document->organization();

    QSet<QString> seen;
    for (const FlowLayout::Card &card : std::as_const(m_layout.cards)) {
        AppletItem *&item = m_applets[card.applet];
        if (!item) {
            item = new AppletItem(card.applet);
            addItem(item);
        }
        const Applet &applet = graph->applets[card.applet];
        item->sync(applet, appletSummary(applet, org), card.attached);
        item->setPos(card.rect.topLeft());
        seen.insert(card.applet);
    }
    for (auto it = m_applets.begin(); it != m_applets.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_applets.erase(it);
        } else {
            ++it;
        }
    }

    seen.clear();
    for (const FlowLayout::Slot &slot : std::as_const(m_layout.branchSlots)) {
        const QString key = slotKey(slot.slot);
        SlotItem *&item = m_slots[key];
        if (!item) {
            item = new SlotItem(slot.slot);
            addItem(item);
        }
        QString target;
        if (slot.kind == FlowLayout::Slot::Link) {
            const Applet linked = graph->applets.value(slot.target);
            const AppletType *type = AppletCatalogue::instance().type(linked.type);
            target = !linked.name.isEmpty() ? linked.name : type ? type->displayName() : linked.id;
        }
        item->sync(slot, target);
        item->setPos(slot.rect.topLeft());
        seen.insert(key);
    }
    for (auto it = m_slots.begin(); it != m_slots.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_slots.erase(it);
        } else {
            ++it;
        }
    }

    QPainterPath path;
    for (const QLineF &line : std::as_const(m_layout.lines)) {
        path.moveTo(line.p1());
        path.lineTo(line.p2());
    }
    m_connectors->setPath(path);
    m_detachedHeader->setVisible(!m_layout.detachedHeader.isEmpty());
    m_detachedHeader->setPos(m_layout.detachedHeader.topLeft());
    setSceneRect(m_layout.bounds.adjusted(-200, -120, 200, 200));
    // An edit (an undo, say) took away what was selected while the keys are here: they get
    // something to act on again, once the edit has put back its own selection if it does.
    if (hasFocus() && selectedItems().isEmpty())
        QMetaObject::invokeMethod(this, &FlowScene::selectSomething, Qt::QueuedConnection);
}

void FlowScene::selectSomething()
{
    if (!hasFocus() || !selectedItems().isEmpty())
        return;
    const auto &graph = m_editor->document()->graph(m_channel);
    if (graph && graph->isSetUp() && m_applets.contains(graph->start))
        selectApplet(graph->start);
    else if (slotItem(SlotRef::start()))
        selectSlot(SlotRef::start());
}

void FlowScene::showFindings(const Findings &findings, const QString &prefix)
{
    // flows[0].voice.applets.<id>[.config...] concerns the applet; .next.<branch> on an
    // absent branch is a dead end shown on its empty slot.
    const QString appletsPrefix = prefix + u".applets."_s;
    QHash<QString, QList<Finding>> byApplet;
    QHash<QString, QString> slotWarnings;
    for (const Finding &f : findings) {
        if (!f.path.startsWith(appletsPrefix))
            continue;
        const QString rest = f.path.mid(appletsPrefix.size());
        // Applet ids may contain dots: find the longest id that prefixes the rest.
        QString id;
        for (auto it = m_applets.cbegin(); it != m_applets.cend(); ++it) {
            if ((rest == it.key() || rest.startsWith(it.key() + u'.')) &&
                it.key().size() > id.size())
                id = it.key();
        }
        if (id.isEmpty())
            continue;
        const QString sub = rest.mid(id.size());
        if (f.rule == u"dead-end" && sub.startsWith(u".next.")) {
            slotWarnings.insert(slotKey(SlotRef{id, sub.mid(6)}), f.message);
            continue;
        }
        byApplet[id].append(f);
    }
    for (auto it = m_applets.cbegin(); it != m_applets.cend(); ++it)
        it.value()->setFindings(byApplet.value(it.key()));
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it)
        it.value()->setWarning(slotWarnings.value(it.key()));
}

void FlowScene::highlightPath(const QStringList &appletIds)
{
    QHash<QString, QList<int>> order;
    QSet<std::pair<QString, QString>> taken; // from (empty: the start), to
    for (int i = 0; i < appletIds.size(); ++i) {
        order[appletIds.at(i)].append(i + 1);
        taken.insert({i == 0 ? QString() : appletIds.at(i - 1), appletIds.at(i)});
    }
    for (auto it = m_applets.cbegin(); it != m_applets.cend(); ++it)
        it.value()->setHighlight(order.value(it.key()));
    for (SlotItem *slot : std::as_const(m_slots))
        slot->setHighlighted(slot->kind() != FlowLayout::Slot::Empty &&
                             taken.contains({slot->slotRef().applet, slot->target()}));
    // The connectors of the branches taken, drawn over the grey ones as the layout drew them:
    // down from the card to its bus, along it, down to the tab and on to the next card.
    QHash<QString, QRectF> cards;
    for (const FlowLayout::Card &card : std::as_const(m_layout.cards))
        cards.insert(card.applet, card.rect);
    QPainterPath route;
    auto line = [&route](QPointF from, QPointF to) {
        route.moveTo(from);
        route.lineTo(to);
    };
    for (const FlowLayout::Slot &slot : std::as_const(m_layout.branchSlots)) {
        if (slot.kind == FlowLayout::Slot::Empty ||
            !taken.contains({slot.slot.applet, slot.target}))
            continue;
        const qreal x = slot.rect.center().x();
        if (slot.kind == FlowLayout::Slot::Filled)
            line({x, slot.rect.bottom()}, {x, slot.rect.bottom() + 12});
        if (slot.slot.isStart() || !cards.contains(slot.slot.applet))
            continue;
        const QRectF card = cards.value(slot.slot.applet);
        const qreal bus = card.bottom() + FlowLayout::VerticalGap / 2;
        line({card.center().x(), card.bottom()}, {card.center().x(), bus});
        line({card.center().x(), bus}, {x, bus});
        line({x, bus}, {x, slot.rect.top()});
    }
    m_routeConnectors->setPath(route);
    m_path = appletIds;
    emit highlightChanged();
}

void FlowScene::clearHighlight()
{
    if (m_path.isEmpty())
        return;
    highlightPath({});
}

QString FlowScene::selectedApplet() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *applet = dynamic_cast<AppletItem *>(item))
            return applet->appletId();
    }
    return {};
}

std::optional<SlotRef> FlowScene::selectedSlot() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (auto *slot = dynamic_cast<SlotItem *>(item))
            return slot->slotRef();
    }
    return std::nullopt;
}

void FlowScene::selectApplet(const QString &id)
{
    clearSelection();
    if (AppletItem *item = m_applets.value(id)) {
        item->setSelected(true);
        setFocusItem(item);
        for (QGraphicsView *view : views())
            view->ensureVisible(item, 40, 40);
    }
}

void FlowScene::selectSlot(const SlotRef &slot)
{
    clearSelection();
    if (SlotItem *item = slotItem(slot)) {
        item->setSelected(true);
        setFocusItem(item);
        for (QGraphicsView *view : views())
            view->ensureVisible(item, 40, 40);
    }
}

bool FlowScene::dropOnSlot(const SlotRef &slot, const QString &type)
{
    const QString id = m_editor->addApplet(m_channel, slot, type);
    if (id.isEmpty())
        return false;
    selectApplet(id); // its settings open in the inspector
    return true;
}

bool FlowScene::dropOnApplet(const QString &id, const QString &type)
{
    const auto &graph = m_editor->document()->graph(m_channel);
    const AppletType *to = AppletCatalogue::instance().type(type);
    if (!graph || !graph->applets.contains(id) || !to || !to->allowedIn(m_channel))
        return false;
    const AppletType *from = AppletCatalogue::instance().type(graph->applets[id].type);
    if (from == to)
        return false;
    int detached = 0;
    for (const QString &root : GraphEdit::detachedByReplace(*graph, id, type))
        detached += int(GraphEdit::reachable(*graph, {root}).size());
    const auto answer =
        m_interaction->confirmReplace(from ? from->displayName() : id, to->displayName(), detached);
    if (!answer)
        return false;
    const QSet<QString> before(graph->applets.keyBegin(), graph->applets.keyEnd());
    if (!m_editor->replaceApplet(m_channel, id, type, *answer))
        return false;
    for (const QString &added : m_editor->document()->graph(m_channel)->applets.keys()) {
        if (!before.contains(added)) {
            selectApplet(added);
            break;
        }
    }
    return true;
}

bool FlowScene::requestDelete(const QString &id)
{
    const auto &graph = m_editor->document()->graph(m_channel);
    if (!graph || !graph->applets.contains(id))
        return false;
    const int under = int(GraphEdit::hangingUnder(*graph, id).size()) - 1;
    if (!m_interaction->confirmDelete(m_editor->appletLabel(m_channel, id), under))
        return false;
    // Where it hung: the slot that is empty once it is gone takes the selection (and the keys).
    const std::optional<SlotRef> from = GraphEdit::slotLeadingTo(*graph, id);
    if (!m_editor->deleteApplet(m_channel, id))
        return false;
    if (from && slotItem(*from))
        selectSlot(*from);
    return true;
}

void FlowScene::requestSlotMenu(const SlotRef &slot, const QPoint &screenPos)
{
    emit slotMenuRequested(slot, screenPos);
}

void FlowScene::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        moveSelection(-1, 0);
        return;
    case Qt::Key_Right:
        moveSelection(1, 0);
        return;
    case Qt::Key_Up:
        moveSelection(0, -1);
        return;
    case Qt::Key_Down:
        moveSelection(0, 1);
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (const QString id = selectedApplet(); !id.isEmpty()) {
            requestDelete(id);
            return;
        }
        break;
    case Qt::Key_Menu:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
    case Qt::Key_Plus:
        if (!selectedApplet().isEmpty() || selectedSlot()) {
            requestContextMenu();
            return;
        }
        break;
    case Qt::Key_F10:
        if (event->modifiers() & Qt::ShiftModifier) {
            requestContextMenu();
            return;
        }
        break;
    default:
        break;
    }
    QGraphicsScene::keyPressEvent(event);
}

void FlowScene::requestContextMenu(const QPoint &screenPos)
{
    // Where the menu opens: where asked, else under what is selected.
    const auto under = [this, screenPos](QGraphicsItem *item, const QPointF &local) {
        if (!screenPos.isNull() || views().isEmpty())
            return screenPos;
        QGraphicsView *view = views().first();
        return view->viewport()->mapToGlobal(view->mapFromScene(item->mapToScene(local)));
    };
    if (const QString id = selectedApplet(); !id.isEmpty()) {
        if (AppletItem *item = appletItem(id))
            emit appletMenuRequested(id, under(item, item->boundingRect().bottomLeft()));
        return;
    }
    if (const auto slot = selectedSlot()) {
        SlotItem *item = slotItem(*slot);
        if (item && item->kind() == FlowLayout::Slot::Empty)
            emit slotMenuRequested(*slot, under(item, item->plusButtonRect().center()));
    }
}

void FlowScene::focusInEvent(QFocusEvent *event)
{
    QGraphicsScene::focusInEvent(event);
    // The keys come to the canvas: with nothing selected, the start (the applet, or the slot
    // of a new flow) is, so that Return and the arrows have something to act on at once.
    selectSomething();
    for (QGraphicsItem *item : selectedItems())
        item->update();
}

void FlowScene::focusOutEvent(QFocusEvent *event)
{
    QGraphicsScene::focusOutEvent(event);
    for (QGraphicsItem *item : selectedItems())
        item->update();
}

void FlowScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    // The pointer's right button: select what is under it, then its menu.
    for (QGraphicsItem *item = itemAt(event->scenePos(), QTransform()); item;
         item = item->parentItem()) {
        if (auto *applet = dynamic_cast<AppletItem *>(item)) {
            selectApplet(applet->appletId());
            requestContextMenu(event->screenPos());
            event->accept();
            return;
        }
        if (auto *slot = dynamic_cast<SlotItem *>(item)) {
            selectSlot(slot->slotRef());
            requestContextMenu(event->screenPos());
            event->accept();
            return;
        }
    }
    QGraphicsScene::contextMenuEvent(event);
}

// Arrow keys walk the canvas: to the nearest applet or open slot in that direction.
void FlowScene::moveSelection(int dx, int dy)
{
    QList<QGraphicsItem *> candidates;
    for (AppletItem *a : std::as_const(m_applets))
        candidates.append(a);
    for (SlotItem *s : std::as_const(m_slots)) {
        if (s->kind() != FlowLayout::Slot::Filled)
            candidates.append(s);
    }
    QGraphicsItem *current = selectedItems().value(0);
    if (!current) {
        // Nothing selected yet: the first thing of the flow.
        QGraphicsItem *first = nullptr;
        for (QGraphicsItem *c : std::as_const(candidates)) {
            if (!first || c->sceneBoundingRect().top() < first->sceneBoundingRect().top())
                first = c;
        }
        current = first;
        if (current) {
            current->setSelected(true);
            setFocusItem(current);
        }
        return;
    }
    const QPointF from = current->sceneBoundingRect().center();
    QGraphicsItem *best = nullptr;
    qreal bestScore = 0;
    for (QGraphicsItem *c : std::as_const(candidates)) {
        if (c == current)
            continue;
        const QPointF d = c->sceneBoundingRect().center() - from;
        const qreal along = d.x() * dx + d.y() * dy;
        if (along <= 1)
            continue;
        const qreal across = std::abs(dx ? d.y() : d.x());
        const qreal score = along + 2.5 * across; // prefer what is straight ahead
        if (!best || score < bestScore) {
            best = c;
            bestScore = score;
        }
    }
    if (!best)
        return;
    clearSelection();
    best->setSelected(true);
    setFocusItem(best);
    for (QGraphicsView *view : views())
        view->ensureVisible(best, 40, 40);
}

} // namespace Switchboard
