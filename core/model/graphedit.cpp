#include "graphedit.h"

#include "catalogue/appletcatalogue.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Switchboard::GraphEdit {

QString target(const Graph &graph, const SlotRef &slot)
{
    if (slot.isStart())
        return graph.start;
    return graph.applets.value(slot.applet).next.value(slot.branch);
}

QString newAppletId(const Graph &graph, const QString &type)
{
    QString id = type;
    for (int n = 2; graph.applets.contains(id); ++n)
        id = type + u'-' + QString::number(n);
    return id;
}

Applet newApplet(const Graph &graph, const QString &type)
{
    Applet applet;
    applet.id = newAppletId(graph, type);
    applet.type = type;
    applet.config = AppletCatalogue::instance().defaultConfig(type);
    return applet;
}

namespace {
QSet<QString> reach(const Graph &graph, const QStringList &from, const QString &avoid)
{
    QSet<QString> seen;
    QStringList queue;
    for (const QString &id : from) {
        if (id != avoid && graph.applets.contains(id) && !seen.contains(id)) {
            seen.insert(id);
            queue.append(id);
        }
    }
    while (!queue.isEmpty()) {
        const auto it = graph.applets.constFind(queue.takeLast());
        for (const QString &next : it->next) {
            if (next != avoid && graph.applets.contains(next) && !seen.contains(next)) {
                seen.insert(next);
                queue.append(next);
            }
        }
    }
    return seen;
}

// Slots that lead to an applet of `ids`, so that removing them leaves nothing dangling.
Graph unlinkAll(Graph graph, const QSet<QString> &ids)
{
    if (ids.contains(graph.start))
        graph.start.clear();
    for (Applet &applet : graph.applets) {
        for (auto it = applet.next.begin(); it != applet.next.end();) {
            if (ids.contains(it.value()))
                it = applet.next.erase(it);
            else
                ++it;
        }
    }
    return graph;
}

Graph without(Graph graph, const QSet<QString> &ids)
{
    for (const QString &id : ids)
        graph.applets.remove(id);
    return unlinkAll(std::move(graph), ids);
}
} // namespace

QSet<QString> reachable(const Graph &graph, const QStringList &from)
{
    return reach(graph, from, QString());
}

QStringList roots(const Graph &graph)
{
    QStringList result;
    if (graph.applets.contains(graph.start))
        result.append(graph.start);
    QSet<QString> led;
    for (const Applet &applet : graph.applets) {
        for (const QString &next : applet.next)
            led.insert(next);
    }
    QSet<QString> covered = reachable(graph, result);
    for (const Applet &applet : graph.applets) {
        if (!led.contains(applet.id) && !covered.contains(applet.id)) {
            result.append(applet.id);
            covered.unite(reachable(graph, {applet.id}));
        }
    }
    // What is left sits in cycles that nothing leads into: one root per cycle.
    for (const Applet &applet : graph.applets) {
        if (!covered.contains(applet.id)) {
            result.append(applet.id);
            covered.unite(reachable(graph, {applet.id}));
        }
    }
    return result;
}

QStringList inFlowOrder(const Graph &graph)
{
    QStringList order;
    QSet<QString> seen;
    std::function<void(const QString &)> visit = [&](const QString &id) {
        const auto it = graph.applets.constFind(id);
        if (it == graph.applets.cend() || seen.contains(id))
            return;
        seen.insert(id);
        order.append(id);
        for (const QString &branch : AppletCatalogue::instance().branchNames(*it))
            visit(it->next.value(branch));
    };
    for (const QString &root : roots(graph))
        visit(root);
    return order;
}

QStringList hangingUnder(const Graph &graph, const QString &id)
{
    if (!graph.applets.contains(id))
        return {};
    QStringList others = roots(graph);
    others.removeAll(id);
    const QSet<QString> elsewhere = reach(graph, others, id);
    QStringList under;
    for (const QString &a : reachable(graph, {id})) {
        if (!elsewhere.contains(a))
            under.append(a);
    }
    std::sort(under.begin(), under.end());
    under.removeAll(id);
    under.prepend(id);
    return under;
}

Graph put(const Graph &graph, const SlotRef &slot, const Applet &applet)
{
    Graph g = graph;
    g.applets.insert(applet.id, applet);
    return link(g, slot, applet.id);
}

Graph link(const Graph &graph, const SlotRef &slot, const QString &target)
{
    Graph g = graph;
    if (slot.isStart()) {
        g.start = target;
        return g;
    }
    auto it = g.applets.find(slot.applet);
    if (it == g.applets.end())
        return g;
    if (target.isEmpty())
        it->next.remove(slot.branch);
    else
        it->next.insert(slot.branch, target);
    return g;
}

std::optional<SlotRef> slotLeadingTo(const Graph &graph, const QString &id)
{
    if (graph.start == id)
        return SlotRef::start();
    for (const Applet &applet : graph.applets) {
        for (auto branch = applet.next.cbegin(); branch != applet.next.cend(); ++branch) {
            if (branch.value() == id)
                return SlotRef{applet.id, branch.key()};
        }
    }
    return std::nullopt;
}

Graph removeWithSubtree(const Graph &graph, const QString &id)
{
    const QStringList under = hangingUnder(graph, id);
    return without(graph, QSet<QString>(under.cbegin(), under.cend()));
}

QStringList detachedByReplace(const Graph &graph, const QString &id, const QString &newType)
{
    const auto it = graph.applets.constFind(id);
    if (it == graph.applets.cend())
        return {};
    Applet probe;
    probe.type = newType;
    probe.config = AppletCatalogue::instance().defaultConfig(newType);
    const QStringList kept = AppletCatalogue::instance().branchNames(probe);
    QStringList dropped;
    for (auto b = it->next.cbegin(); b != it->next.cend(); ++b) {
        if (!kept.contains(b.key()) && !dropped.contains(b.value()) && b.value() != id)
            dropped.append(b.value());
    }
    return dropped;
}

Graph replace(const Graph &graph, const QString &id, const Applet &replacement, Detached detached)
{
    const auto old = graph.applets.constFind(id);
    if (old == graph.applets.cend())
        return graph;
    Applet fresh = replacement;
    const QStringList shared = AppletCatalogue::instance().branchNames(fresh);
    fresh.next.clear();
    for (auto b = old->next.cbegin(); b != old->next.cend(); ++b) {
        if (shared.contains(b.key()))
            fresh.next.insert(b.key(), b.value() == id ? fresh.id : b.value());
    }
    Graph g = graph;
    g.applets.remove(id);
    g.applets.insert(fresh.id, fresh);
    // Whatever led to the old applet leads to the new one.
    if (g.start == id)
        g.start = fresh.id;
    for (Applet &applet : g.applets) {
        for (auto it = applet.next.begin(); it != applet.next.end(); ++it) {
            if (it.value() == id)
                it.value() = fresh.id;
        }
    }
    if (detached == Detached::Keep)
        return g;
    // Delete what was under the dropped branches and is no longer reached from any tree
    // that existed before (the start's, the new applet's own, the unattached ones).
    QStringList trees{fresh.id};
    for (const QString &r : roots(graph)) {
        if (r != id)
            trees.append(r);
    }
    const QSet<QString> stillReached = reachable(g, trees);
    QSet<QString> remove;
    for (const QString &r : reachable(g, detachedByReplace(graph, id, fresh.type))) {
        if (!stillReached.contains(r))
            remove.insert(r);
    }
    return without(g, remove);
}

} // namespace Switchboard::GraphEdit
