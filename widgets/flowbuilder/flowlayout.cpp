#include "flowlayout.h"

#include "catalogue/appletcatalogue.h"
#include "flowbuilder/flowedits.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Switchboard {

QStringList shownBranches(const Applet &applet)
{
    const AppletCatalogue &catalogue = AppletCatalogue::instance();
    const QStringList all = catalogue.branchNames(applet);
    if (!catalogue.is(applet, AppletKind::Menu))
        return all;
    QStringList shown;
    bool freeKeyShown = false;
    for (const QString &key : AppletCatalogue::menuKeys()) {
        if (applet.next.contains(key)) {
            shown.append(key);
        } else if (!freeKeyShown) {
            shown.append(key);
            freeKeyShown = true;
        }
    }
    for (const QString &b : all) {
        if (!AppletCatalogue::menuKeys().contains(b))
            shown.append(b);
    }
    // Keep keys in keypad order even when a later key is set before an earlier one.
    std::stable_sort(shown.begin(), shown.end(), [](const QString &a, const QString &b) {
        const QStringList keys = AppletCatalogue::menuKeys();
        const qsizetype ia = keys.indexOf(a), ib = keys.indexOf(b);
        return ia >= 0 && ib >= 0 ? ia < ib : ia >= 0 && ib < 0;
    });
    return shown;
}

namespace {

using L = FlowLayout;

class Layouter
{
public:
    Layouter(const Graph &graph, Channel channel)
        : m_graph(graph)
        , m_channel(channel)
    {}

    struct Child
    {
        QString branch;
        FlowLayout::Slot::Kind kind = FlowLayout::Slot::Empty;
        QString target;
    };

    // Claims the tree under `id` (first visit wins; later visits are links).
    void claim(const QString &id)
    {
        m_claimed.insert(id);
        const Applet &applet = m_graph.applets[id];
        QList<Child> children;
        for (const QString &branch : shownBranches(applet)) {
            const QString target = applet.next.value(branch);
            Child child{branch, L::Slot::Empty, target};
            if (!target.isEmpty() && m_graph.applets.contains(target)) {
                if (m_claimed.contains(target)) {
                    child.kind = L::Slot::Link;
                } else {
                    child.kind = L::Slot::Filled;
                    claim(target);
                }
            }
            children.append(child);
        }
        m_children.insert(id, children);
    }

    qreal width(const QString &id)
    {
        const auto cached = m_width.constFind(id);
        if (cached != m_width.cend())
            return *cached;
        const QList<Child> &children = m_children[id];
        qreal row = 0;
        for (const Child &c : children)
            row += columnWidth(c);
        row += L::HorizontalGap * std::max<qsizetype>(0, children.size() - 1);
        const qreal w = std::max(L::CardWidth, row);
        m_width.insert(id, w);
        return w;
    }

    qreal columnWidth(const Child &c)
    {
        return c.kind == L::Slot::Filled ? std::max(L::SlotWidth, width(c.target)) : L::SlotWidth;
    }

    void place(const QString &id, qreal left, qreal top, bool attached, FlowLayout &out)
    {
        const qreal w = width(id);
        const QRectF card(left + (w - L::CardWidth) / 2, top, L::CardWidth, L::CardHeight);
        out.cards.append({id, card, attached});
        const QList<Child> &children = m_children[id];
        if (children.isEmpty())
            return;
        qreal row = 0;
        for (const Child &c : children)
            row += columnWidth(c);
        row += L::HorizontalGap * (children.size() - 1);
        qreal x = left + (w - row) / 2;
        const qreal slotTop = card.bottom() + L::VerticalGap;
        const qreal busY = card.bottom() + L::VerticalGap / 2;
        const AppletType *type = AppletCatalogue::instance().type(m_graph.applets[id].type);
        qreal busLeft = card.center().x(), busRight = card.center().x();
        out.lines.append(QLineF(card.center().x(), card.bottom(), card.center().x(), busY));
        for (const Child &c : children) {
            const qreal cw = columnWidth(c);
            const qreal cx = x + cw / 2;
            const BranchSpec *spec = type ? type->branch(c.branch) : nullptr;
            FlowLayout::Slot slot;
            slot.slot = SlotRef{id, c.branch};
            slot.kind = c.kind;
            slot.label = spec ? spec->displayLabel() : c.branch;
            slot.target = c.target;
            if (c.kind == L::Slot::Filled) {
                slot.rect = QRectF(cx - 60, slotTop, 120, L::TabHeight);
                out.branchSlots.append(slot);
                out.lines.append(QLineF(cx, slot.rect.bottom(), cx, slot.rect.bottom() + 12));
                place(c.target, x, slot.rect.bottom() + 12, attached, out);
            } else {
                slot.rect = QRectF(cx - L::SlotWidth / 2, slotTop, L::SlotWidth, L::SlotHeight);
                out.branchSlots.append(slot);
            }
            out.lines.append(QLineF(cx, busY, cx, slotTop));
            busLeft = std::min(busLeft, cx);
            busRight = std::max(busRight, cx);
            x += cw + L::HorizontalGap;
        }
        out.lines.append(QLineF(busLeft, busY, busRight, busY));
    }

    const Graph &m_graph;
    Channel m_channel;
    QSet<QString> m_claimed;
    QHash<QString, QList<Child>> m_children;
    QHash<QString, qreal> m_width;
};

} // namespace

FlowLayout layoutFlow(const std::optional<Graph> &graph, Channel channel)
{
    FlowLayout out;
    const QString question = FlowEdits::startQuestion(channel);
    const bool started = graph && graph->applets.contains(graph->start);
    FlowLayout::Slot start;
    start.slot = SlotRef::start();
    start.label = question;
    if (!started) {
        start.kind = FlowLayout::Slot::Empty;
        start.rect = QRectF(-L::StartWidth / 2, 0, L::StartWidth, 64);
        out.branchSlots.append(start);
    }
    if (!graph) {
        out.bounds = start.rect;
        return out;
    }
    Layouter layouter(*graph, channel);
    qreal right = started ? 0 : start.rect.right();
    qreal mainRight = right;
    if (started) {
        layouter.claim(graph->start);
        const qreal w = layouter.width(graph->start);
        start.kind = FlowLayout::Slot::Filled;
        start.target = graph->start;
        start.rect = QRectF(-L::StartWidth / 2, 0, L::StartWidth, L::TabHeight + 6);
        out.branchSlots.append(start);
        out.lines.append(QLineF(0, start.rect.bottom(), 0, start.rect.bottom() + 12));
        layouter.place(graph->start, -w / 2, start.rect.bottom() + 12, true, out);
        mainRight = w / 2;
    }
    // Trees nothing leads to, side by side to the right of the main one.
    qreal x = std::max(mainRight, right) + 90;
    bool header = false;
    for (const QString &root : GraphEdit::roots(*graph)) {
        if (started && root == graph->start)
            continue;
        if (layouter.m_claimed.contains(root))
            continue;
        layouter.claim(root);
        if (!header) {
            out.detachedHeader = QRectF(x, 0, 260, 24);
            header = true;
        }
        layouter.place(root, x, 40, false, out);
        x += layouter.width(root) + 60;
    }
    QRectF bounds;
    for (const auto &c : std::as_const(out.cards))
        bounds |= c.rect;
    for (const auto &s : std::as_const(out.branchSlots))
        bounds |= s.rect;
    bounds |= out.detachedHeader;
    out.bounds = bounds;
    return out;
}

} // namespace Switchboard
