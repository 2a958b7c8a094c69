// Flow builder benchmark, offscreen, through the real builder window and scene:
// open a 300-applet flow (budget 150 ms); drop, swap, delete and undo (16 ms each, median).

#include "document/mimetypes.h"
#include "document/organizationdocument.h"
#include "flowbuilder/appletitem.h"
#include "flowbuilder/flowdocument.h"
#include "flowbuilder/flowinteraction.h"
#include "flowbuilder/flowscene.h"
#include "flowbuilder/flowwindow.h"
#include "flowbuilder/slotitem.h"
#include "generator.h"
#include "scenedrop.h"
#include "store/database.h"
#include "store/organizationstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUndoStack>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
class Yes : public FlowInteraction
{
public:
    std::optional<GraphEdit::Detached> confirmReplace(const QString &, const QString &,
                                                      int) override
    {
        return GraphEdit::Detached::Keep;
    }
    bool confirmDelete(const QString &, int) override { return true; }
};

bool dropType(QGraphicsScene *scene, QPointF at, const QString &type)
{
    return Test::dropAppletType(scene, at, type);
}

QList<double> times(int runs, const std::function<void()> &work,
                    const std::function<void()> &after = {})
{
    QList<double> result;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        QCoreApplication::processEvents(); // the canvas repaints
        result.append(t.nsecsElapsed() / 1e6);
        if (after) {
            after();
            QCoreApplication::processEvents();
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

void report(const char *what, const QList<double> &t, double budget)
{
    const double m = t.at(t.size() / 2);
    std::printf("  %-36s median %7.2f ms  (max %7.2f, n=%lld)  budget %4.0f ms  %s\n", what, m,
                t.last(), qint64(t.size()), budget, m <= budget ? "ok" : "OVER BUDGET");
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    Test::OrganizationSize size;
    size.users = 200;
    size.groups = 40;
    size.membersPerGroup = 5;
    size.numbers = 20;
    size.flows = 10;
    Organization org = Test::generateOrganization(size);
    org.flows[0].voice = Test::generateLargeGraph(org, 300);
    QString error;
    {
        auto db = Database::open(dir.filePath(u"bench.sqlite"_s), &error);
        OrganizationStore store(*db);
        if (!store.prepare(&error) || !store.replace(org, &error))
            qFatal("%s", qPrintable(error));
    }
    auto document = OrganizationDocument::open(dir.filePath(u"bench.sqlite"_s), &error);
    if (!document)
        qFatal("%s", qPrintable(error));
    const QString flowId = org.flows[0].id;
    std::printf("Flow \"%s\": %lld applets in its call flow\n", qPrintable(org.flows[0].name),
                qint64(org.flows[0].voice->applets.size()));

    const QList<double> open = times(7, [&] {
        auto *window = new FlowWindow(document.get(), flowId);
        window->show();
        QCoreApplication::processEvents();
        window->document()->undoStack()->setClean();
        delete window;
    });

    FlowWindow window(document.get(), flowId);
    window.setInteraction(std::make_unique<Yes>());
    window.show();
    QCoreApplication::processEvents();
    FlowScene *scene = window.scene(Channel::Voice);
    QUndoStack *undo = window.document()->undoStack();
    // The free key of the eighth menu: an empty slot deep in the flow.
    const QPointF slot = scene->slotItem(SlotRef{u"menu7"_s, u"0"_s})->sceneBoundingRect().center();
    const QList<double> drop = times(
        21,
        [&] {
            if (!dropType(scene, slot, u"greeting"_s))
                qFatal("drop refused");
        },
        [&] { undo->undo(); });
    const QList<double> swap = times(
        21,
        [&] {
            if (!scene->dropOnApplet(u"dial7-4"_s, u"hangup"_s))
                qFatal("swap refused");
        },
        [&] { undo->undo(); });
    const QList<double> remove = times(
        21,
        [&] {
            if (!scene->requestDelete(u"dial9-2"_s))
                qFatal("delete refused");
        },
        [&] { undo->undo(); });
    const QList<double> undoing = times(
        21, [&] { undo->undo(); }, [&] { undo->redo(); });

    std::printf("Median times:\n");
    report("open the 300-applet flow", open, 150);
    report("drop an applet into a slot", drop, 16);
    report("swap an applet", swap, 16);
    report("delete an applet and its subtree", remove, 16);
    report("undo", undoing, 16);
    return 0;
}
