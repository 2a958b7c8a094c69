#pragma once

// Edits of one flow graph as the flow builder makes them, as pure functions from a graph to
// a new graph: put an applet into a slot, link a slot to an applet elsewhere ("Go to…"),
// replace an applet by another type, delete an applet with what hangs under it.

#include "model/organization.h"

#include <optional>

namespace Switchboard {

// Where an applet goes: the start of the graph, or a branch of an applet.
struct SlotRef
{
    QString applet; // empty: the start slot
    QString branch;

    bool isStart() const { return applet.isEmpty(); }
    static SlotRef start() { return {}; }
    friend bool operator==(const SlotRef &, const SlotRef &) = default;
};

namespace GraphEdit {

// What the slot holds now (an applet id), or empty.
QString target(const Graph &graph, const SlotRef &slot);
// A fresh id for an applet of `type`: "menu", then "menu-2", ...
QString newAppletId(const Graph &graph, const QString &type);
// A new applet of `type` with the catalogue's defaults.
Applet newApplet(const Graph &graph, const QString &type);

// Applets reachable from `from` (itself included), following branches that resolve.
QSet<QString> reachable(const Graph &graph, const QStringList &from);
// The applets that start the graph's trees: `start`, then those nothing leads to.
QStringList roots(const Graph &graph);
// Every applet in flow order: from the start, depth first, branches in the type's order;
// then the trees nothing leads to. Each applet once.
QStringList inFlowOrder(const Graph &graph);
// `id` and every applet that can only be reached through it: what deleting it takes away.
QStringList hangingUnder(const Graph &graph, const QString &id);
// A slot that leads to `id` (the start first, then branches in id order), if any.
std::optional<SlotRef> slotLeadingTo(const Graph &graph, const QString &id);

// `graph` with `applet` added and `slot` leading to it.
Graph put(const Graph &graph, const SlotRef &slot, const Applet &applet);
// `graph` with `slot` leading to `target` (empty: nowhere).
Graph link(const Graph &graph, const SlotRef &slot, const QString &target);
// `graph` without `id` and what hangs under it; what led to them leads nowhere.
Graph removeWithSubtree(const Graph &graph, const QString &id);

enum class Detached
{
    Keep,
    Delete
};
// `graph` with the applet `id` replaced by `replacement` (a new id, another type). Branches
// both types have stay attached; what hung under the others is kept unattached, or deleted.
// Everything that led to the old applet leads to the new one.
Graph replace(const Graph &graph, const QString &id, const Applet &replacement, Detached detached);
// The applets that a replacement would leave unattached (under branches the new type lacks).
QStringList detachedByReplace(const Graph &graph, const QString &id, const QString &newType);

} // namespace GraphEdit
} // namespace Switchboard
