#pragma once

// Where everything of a flow graph goes on the canvas: a tree from the start slot downward,
// each applet a card with a row of branch slots under it; a slot that leads to an applet
// already drawn elsewhere is a "Go to…" link, not a second copy; applets nothing leads to
// are laid out as their own trees to the right, under "Not attached".

#include "model/graphedit.h"

#include <QLineF>
#include <QList>
#include <QRectF>

namespace Switchboard {

struct FlowLayout
{
    struct Card
    {
        QString applet;
        QRectF rect;
        bool attached = true; // reachable from the start
    };
    struct Slot
    {
        enum Kind
        {
            Empty,
            Filled,
            Link
        };
        SlotRef slot;
        Kind kind = Empty;
        QString label;  // the branch ("open", "1", "if nobody answers") or the start question
        QString target; // for Filled and Link
        QRectF rect;
    };

    QList<Card> cards;
    QList<Slot> branchSlots;
    QList<QLineF> lines;   // connectors
    QRectF detachedHeader; // where "Not attached" goes; empty when nothing is detached
    QRectF bounds;

    static constexpr qreal CardWidth = 250;
    static constexpr qreal CardHeight = 86;
    static constexpr qreal SlotWidth = 180;
    static constexpr qreal SlotHeight = 50;
    static constexpr qreal TabHeight = 22;
    static constexpr qreal StartWidth = 340;
    static constexpr qreal HorizontalGap = 26;
    static constexpr qreal VerticalGap = 30;
};

// The branches an applet shows as slots, in order. A menu shows its keys in use, the next
// free key, and "no input", rather than all twelve keys.
QStringList shownBranches(const Applet &applet);

FlowLayout layoutFlow(const std::optional<Graph> &graph, Channel channel);

} // namespace Switchboard
