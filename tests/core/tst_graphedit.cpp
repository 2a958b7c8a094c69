// The flow builder's graph edits as pure functions: what hangs under an applet (with shared
// applets and loops), replacing an applet (shared branches kept, the rest kept aside or
// deleted), links, fresh ids.

#include "model/graphedit.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
// "a:type>branch=b,branch=c; ..." — a small graph written out.
Graph graph(const QString &start, const QString &text)
{
    Graph g;
    g.start = start;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QString spec = part.trimmed();
        Applet a;
        a.id = spec.section(u':', 0, 0);
        const QString rest = spec.section(u':', 1);
        a.type = rest.section(u'>', 0, 0);
        for (const QString &edge : rest.section(u'>', 1).split(u',', Qt::SkipEmptyParts))
            a.next.insert(edge.section(u'=', 0, 0), edge.section(u'=', 1));
        g.applets.insert(a.id, a);
    }
    return g;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}
} // namespace

class TestGraphEdit : public QObject
{
    Q_OBJECT

private slots:
    void hangingUnder_data();
    void hangingUnder();
    void rootsIncludeDetachedTrees();
    void replaceKeepsSharedBranches();
    void replaceDeletesOnlyWhatWasOnlyThere();
    void replaceRepointsLinks();
    void removeClearsLinksIntoTheSubtree();
    void putAndLink();
    void freshIds();
    void slotLeadingTo();
};

void TestGraphEdit::hangingUnder_data()
{
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("under");

    const QString tree = u"h:hours>open=m,closed=v1; m:menu>1=d,2=v2; d:dial>no-answer=v3; "
                         "v1:voicemail; v2:voicemail; v3:voicemail"_s;
    QTest::newRow("a leaf") << u"h"_s << tree << u"v2"_s << QStringList{u"v2"_s};
    QTest::newRow("a branch") << u"h"_s << tree << u"m"_s
                              << QStringList{u"m"_s, u"d"_s, u"v2"_s, u"v3"_s};
    QTest::newRow("the start") << u"h"_s << tree << u"h"_s
                               << QStringList{u"h"_s, u"d"_s, u"m"_s, u"v1"_s, u"v2"_s, u"v3"_s};
    // v1 is reached from both branches: deleting the menu keeps it (closed still leads there).
    QTest::newRow("shared applet stays") << u"h"_s
                                         << u"h:hours>open=m,closed=v1; m:menu>1=v1,2=v2; "
                                            "v1:voicemail; v2:voicemail"_s
                                         << u"m"_s << QStringList{u"m"_s, u"v2"_s};
    // A loop back to the menu does not make everything hang under the greeting in it.
    QTest::newRow("loop") << u"m"_s << u"m:menu>1=g,2=v; g:greeting>next=m; v:voicemail"_s << u"g"_s
                          << QStringList{u"g"_s};
    QTest::newRow("unattached tree") << u"h"_s << u"h:hangup; x:dial>no-answer=y; y:voicemail"_s
                                     << u"x"_s << QStringList{u"x"_s, u"y"_s};
    QTest::newRow("missing") << u"h"_s << u"h:hangup"_s << u"nope"_s << QStringList();
}

void TestGraphEdit::hangingUnder()
{
    QFETCH(QString, start);
    QFETCH(QString, text);
    QFETCH(QString, id);
    QFETCH(QStringList, under);
    const QStringList result = GraphEdit::hangingUnder(graph(start, text), id);
    if (!under.isEmpty())
        QCOMPARE(result.first(), id); // the applet itself comes first
    QCOMPARE(sorted(result), sorted(under));
}

void TestGraphEdit::rootsIncludeDetachedTrees()
{
    const Graph g =
        graph(u"h"_s, u"h:hangup; x:dial>no-answer=y; y:voicemail; c1:greeting>next=c2; "
                      "c2:greeting>next=c1"_s);
    const QStringList roots = GraphEdit::roots(g);
    QCOMPARE(roots.first(), u"h"_s);
    QVERIFY(roots.contains(u"x"_s));
    QVERIFY(!roots.contains(u"y"_s));
    // A cycle nothing leads into gets one root.
    QCOMPARE(int(roots.contains(u"c1"_s)) + int(roots.contains(u"c2"_s)), 1);
}

void TestGraphEdit::replaceKeepsSharedBranches()
{
    // A greeting and a reply both have a "next" branch: it survives the swap.
    const Graph g = graph(u"g"_s, u"g:greeting>next=v; v:voicemail"_s);
    Applet fresh;
    fresh.id = u"r"_s;
    fresh.type = u"sms-reply"_s; // also has "next"
    const Graph after = GraphEdit::replace(g, u"g"_s, fresh, GraphEdit::Detached::Delete);
    QCOMPARE(after.start, u"r"_s);
    QCOMPARE(after.applets.value(u"r"_s).next.value(u"next"_s), u"v"_s);
    QVERIFY(after.applets.contains(u"v"_s));
    QVERIFY(!after.applets.contains(u"g"_s));
}

void TestGraphEdit::replaceDeletesOnlyWhatWasOnlyThere()
{
    const Graph g =
        graph(u"h"_s, u"h:hours>open=m,closed=v1; m:menu>1=d,2=v1; d:dial>no-answer=v3; "
                      "v1:voicemail; v3:voicemail"_s);
    QCOMPARE(sorted(GraphEdit::detachedByReplace(g, u"m"_s, u"greeting"_s)),
             (QStringList{u"d"_s, u"v1"_s}));
    Applet fresh;
    fresh.id = u"g"_s;
    fresh.type = u"greeting"_s;
    const Graph kept = GraphEdit::replace(g, u"m"_s, fresh, GraphEdit::Detached::Keep);
    QCOMPARE(sorted(kept.applets.keys()), (QStringList{u"d"_s, u"g"_s, u"h"_s, u"v1"_s, u"v3"_s}));
    QVERIFY(kept.applets.value(u"g"_s).next.isEmpty());
    const Graph deleted = GraphEdit::replace(g, u"m"_s, fresh, GraphEdit::Detached::Delete);
    // v1 is still reached through "closed": it stays; d and v3 were only under the menu.
    QCOMPARE(sorted(deleted.applets.keys()), (QStringList{u"g"_s, u"h"_s, u"v1"_s}));
    QCOMPARE(deleted.applets.value(u"h"_s).next.value(u"open"_s), u"g"_s);
}

void TestGraphEdit::replaceRepointsLinks()
{
    // The menu loops back to itself on 9 and the greeting links to it: both follow.
    const Graph g = graph(u"s"_s, u"s:greeting>next=m; m:menu>9=m,1=v; v:voicemail"_s);
    Applet fresh;
    fresh.id = u"m2"_s;
    fresh.type = u"menu"_s;
    const Graph after = GraphEdit::replace(g, u"m"_s, fresh, GraphEdit::Detached::Keep);
    QCOMPARE(after.applets.value(u"s"_s).next.value(u"next"_s), u"m2"_s);
    QCOMPARE(after.applets.value(u"m2"_s).next.value(u"9"_s), u"m2"_s);
    QCOMPARE(after.applets.value(u"m2"_s).next.value(u"1"_s), u"v"_s);
}

void TestGraphEdit::removeClearsLinksIntoTheSubtree()
{
    const Graph g = graph(u"h"_s, u"h:hours>open=m,closed=v2; m:menu>1=v1; v1:voicemail; "
                                  "v2:dial>no-answer=v1"_s);
    // v1 is shared (menu and v2): deleting the menu keeps v1.
    const Graph a = GraphEdit::removeWithSubtree(g, u"m"_s);
    QCOMPARE(sorted(a.applets.keys()), (QStringList{u"h"_s, u"v1"_s, u"v2"_s}));
    QVERIFY(!a.applets.value(u"h"_s).next.contains(u"open"_s));
    // Deleting the start empties the graph's start.
    const Graph b = GraphEdit::removeWithSubtree(g, u"h"_s);
    QVERIFY(b.applets.isEmpty());
    QVERIFY(b.start.isEmpty());
}

void TestGraphEdit::putAndLink()
{
    Graph g;
    const Applet hours = GraphEdit::newApplet(g, u"hours"_s);
    QVERIFY(hours.config.contains(u"weekly"));
    g = GraphEdit::put(g, SlotRef::start(), hours);
    QCOMPARE(g.start, u"hours"_s);
    const Applet menu = GraphEdit::newApplet(g, u"menu"_s);
    g = GraphEdit::put(g, SlotRef{u"hours"_s, u"open"_s}, menu);
    QCOMPARE(GraphEdit::target(g, SlotRef{u"hours"_s, u"open"_s}), u"menu"_s);
    g = GraphEdit::link(g, SlotRef{u"menu"_s, u"9"_s}, u"menu"_s);
    QCOMPARE(g.applets.value(u"menu"_s).next.value(u"9"_s), u"menu"_s);
    g = GraphEdit::link(g, SlotRef{u"menu"_s, u"9"_s}, QString());
    QVERIFY(!g.applets.value(u"menu"_s).next.contains(u"9"_s));
}

void TestGraphEdit::freshIds()
{
    const Graph g = graph(u"menu"_s, u"menu:menu; menu-2:menu"_s);
    QCOMPARE(GraphEdit::newAppletId(g, u"menu"_s), u"menu-3"_s);
    QCOMPARE(GraphEdit::newAppletId(g, u"dial"_s), u"dial"_s);
}

// Where an applet hangs: the start, or the branch that leads to it; nothing for a tree nothing
// leads to, or an applet that is not there.
void TestGraphEdit::slotLeadingTo()
{
    const Graph g = graph(u"h"_s, u"h:hours>open=m,closed=v; m:menu>1=v; v:voicemail; x:hangup"_s);
    QCOMPARE(GraphEdit::slotLeadingTo(g, u"h"_s), std::optional<SlotRef>(SlotRef::start()));
    QCOMPARE(GraphEdit::slotLeadingTo(g, u"m"_s),
             (std::optional<SlotRef>(SlotRef{u"h"_s, u"open"_s})));
    QVERIFY(GraphEdit::slotLeadingTo(g, u"v"_s).has_value()); // two lead there: one of them
    QCOMPARE(GraphEdit::slotLeadingTo(g, u"x"_s), std::nullopt);
    QCOMPARE(GraphEdit::slotLeadingTo(g, u"nope"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(TestGraphEdit)
#include "tst_graphedit.moc"
