// Validation after an edit, in the 10,000-user organization of bench_foundation, through the
// real console (main window and flow builder, offscreen): how long the GUI thread is blocked
// after one edit, and how long until the findings of the new state arrive.
//
// For each edit: the edit is made through the same call the console's gesture ends in
// (UsersGroupsEdits for a group, a drop on the flow builder's canvas for an applet, the
// builder's Save), then the event loop runs, with a 1 ms timer ticking, until the findings
// of the new state are announced and 100 ms more (for what they cause: labels, repaints).
// "Longest block" is the longest stretch between two ticks, counted from the start of the
// edit call, so it includes the edit itself. A tick is due every millisecond, so a stretch
// may include up to about 1 ms of waiting. Budget: 16 ms (one frame).
//
// For comparison, the same edits validated synchronously on the GUI thread (what the 150 ms
// timer did before validation moved to a worker thread).
//
//   bench_validation [runs]   (default 11 per edit)

#include "document/mimetypes.h"
#include "document/organizationdocument.h"
#include "flowbuilder/flowdocument.h"
#include "flowbuilder/flowscene.h"
#include "flowbuilder/flowwindow.h"
#include "flowbuilder/slotitem.h"
#include "generator.h"
#include "groups/usersgroupsedits.h"
#include "groups/usersgroupspage.h"
#include "scenedrop.h"
#include "shell/mainwindow.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "validation/validator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
struct Run
{
    double editMs = 0;     // the edit call alone
    double longestMs = 0;  // longest stretch the GUI thread did not get back to its loop
    double findingsMs = 0; // from the start of the edit until the new findings arrived
};

// Makes `edit`, then runs the event loop until `arrived` has been emitted (and 100 ms more),
// timing the stretches between the ticks of a 1 ms timer.
template<typename Sender, typename Signal>
Run measure(const std::function<void()> &edit, const Sender *sender, Signal arrived)
{
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    qint64 arrivedAt = -1;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    const QMetaObject::Connection connection =
        QObject::connect(sender, arrived, [&] { arrivedAt = clock.nsecsElapsed(); });

    clock.start();
    tick.start();
    edit();
    const qint64 editNs = clock.nsecsElapsed();
    while ((arrivedAt < 0 || clock.nsecsElapsed() < arrivedAt + 100'000'000) &&
           clock.nsecsElapsed() < 20'000'000'000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    tick.stop();
    QObject::disconnect(connection);
    if (arrivedAt < 0)
        qFatal("no findings within 20 s after an edit");
    return Run{editNs / 1e6, longest / 1e6, arrivedAt / 1e6};
}

// Lets everything the last edit started finish: findings current, workers idle.
void settle(OrganizationDocument *document)
{
    QElapsedTimer t;
    t.start();
    while (document->isValidationPending() && t.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QThreadPool::globalInstance()->waitForDone();
    while (t.elapsed() < 50)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!(document->findings() == validateOrganization(document->organization())))
        qFatal("the findings are not those of the current state");
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double maximum(const QList<double> &values)
{
    return *std::max_element(values.cbegin(), values.cend());
}

void report(const char *what, const QList<Run> &runs, const char *findings)
{
    QList<double> edit, longest, arrive;
    for (const Run &r : runs) {
        edit.append(r.editMs);
        longest.append(r.longestMs);
        arrive.append(r.findingsMs);
    }
    const double m = median(longest);
    std::printf("  %s (n=%lld)\n", what, qint64(runs.size()));
    std::printf("    longest GUI block     median %7.2f ms  max %7.2f ms   budget 16 ms  %s\n", m,
                maximum(longest), m <= 16 ? "ok" : "OVER BUDGET");
    std::printf("    the edit call alone   median %7.2f ms  max %7.2f ms\n", median(edit),
                maximum(edit));
    std::printf("    %-21s median %7.2f ms  max %7.2f ms\n", findings, median(arrive),
                maximum(arrive));
}

bool dropType(QGraphicsScene *scene, QPointF at, const QString &type)
{
    return Test::dropAppletType(scene, at, type);
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // the console's settings stay out of ~/.config
    QApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 11;
    QTemporaryDir dir;

    const Organization org = Test::generateOrganization(); // as bench_foundation
    {
        QString error;
        auto db = Database::open(dir.filePath(u"bench.sqlite"_s), &error);
        OrganizationStore store(*db);
        if (!db || !store.prepare(&error) || !store.replace(org, &error))
            qFatal("%s", qPrintable(error));
    }
    QString error;
    auto opened = OrganizationDocument::open(dir.filePath(u"bench.sqlite"_s), &error);
    if (!opened)
        qFatal("%s", qPrintable(error));
    OrganizationDocument *document = opened.get();
    MainWindow window(std::move(opened));
    window.resize(1400, 900);
    window.show();
    settle(document);
    std::printf("Organization: %lld users, %lld groups, %lld numbers, %lld flows; %lld findings\n",
                qint64(org.users.size()), qint64(org.groups.size()), qint64(org.numbers.size()),
                qint64(org.flows.size()), qint64(document->findings().size()));

    // Rename a group, as the group dialog's OK does.
    UsersGroupsEdits *groups = window.usersGroupsPage()->editor();
    const Group group = *org.group(u"group00500"_s);
    QList<Run> rename;
    for (int i = 0; i < runs; ++i) {
        const QString name = i % 2 == 0 ? group.name + u" (renamed)"_s : group.name;
        rename.append(measure(
            [&] {
                if (!groups->editGroup(group.id, name, group.department))
                    qFatal("rename refused");
            },
            document, &OrganizationDocument::findingsChanged));
        settle(document);
    }

    // Add a user to a group and take them out again, as a drop on the group's row does.
    const QString newcomer = org.users.at(1).id;
    QList<Run> member;
    for (int i = 0; i < runs; ++i) {
        member.append(measure(
            [&] {
                if (groups->addUsers(group.id, {newcomer}) != 1)
                    qFatal("add refused");
            },
            document, &OrganizationDocument::findingsChanged));
        settle(document);
        const int last = int(document->organization().group(group.id)->members.size()) - 1;
        groups->removeMembers(group.id, {last});
        settle(document);
    }

    // The flow builder: drop an applet on an empty slot of the canvas (the builder validates
    // its flow), then Save (the organization's findings follow). Undo and save again to
    // start each run from the same state.
    FlowWindow *builder = window.openFlow(org.flows.at(500).id);
    if (!builder)
        qFatal("no flow builder");
    settle(document);
    FlowScene *scene = builder->scene(Channel::Voice);
    FlowDocument *flow = builder->document();
    const SlotRef free{u"menu"_s, u"5"_s}; // the first free key, shown as an empty slot
    QList<Run> drop, save;
    for (int i = 0; i < runs; ++i) {
        SlotItem *slot = scene->slotItem(free);
        if (!slot)
            qFatal("no empty slot to drop on");
        const QPointF at = slot->sceneBoundingRect().center();
        drop.append(measure(
            [&] {
                if (!dropType(scene, at, u"greeting"_s))
                    qFatal("drop refused");
            },
            flow, &FlowDocument::findingsChanged));
        settle(document);
        save.append(measure(
            [&] {
                if (!builder->save())
                    qFatal("save refused");
            },
            document, &OrganizationDocument::findingsChanged));
        settle(document);
        flow->undoStack()->undo();
        if (!builder->save())
            qFatal("save refused");
        settle(document);
    }

    // What the flow builder does on the GUI thread after an edit: validate its flow.
    QList<double> flowValidation, validateFlowAlone;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        flow->validateNow();
        flowValidation.append(t.nsecsElapsed() / 1e6);
        const Organization withFlow = flow->organization();
        const int index = withFlow.indexOfFlow(flow->flow().id);
        t.restart();
        const Findings findings = validateFlow(withFlow, index);
        validateFlowAlone.append(t.nsecsElapsed() / 1e6);
    }

    // Before: the same edit, validated at once on the GUI thread.
    QList<double> before;
    for (int i = 0; i < runs; ++i) {
        groups->editGroup(group.id, group.name + u" (again)"_s, group.department);
        QElapsedTimer t;
        t.start();
        document->validateNow();
        before.append(t.nsecsElapsed() / 1e6);
        document->undoStack()->undo();
        settle(document);
    }

    std::printf("After one edit, in the 10,000-user organization:\n");
    report("rename a group", rename, "organization findings");
    report("add a member to a group", member, "organization findings");
    report("drop an applet in the flow builder", drop, "flow findings");
    report("save the flow (builder)", save, "organization findings");
    std::printf("  for comparison: validating the organization on the GUI thread   median %7.2f "
                "ms  max %7.2f ms\n",
                median(before), maximum(before));
    std::printf("  the flow builder validating its flow on the GUI thread          median %7.2f "
                "ms  max %7.2f ms\n",
                median(flowValidation), maximum(flowValidation));
    std::printf("    of which validateFlow()                                       median %7.2f "
                "ms  max %7.2f ms\n",
                median(validateFlowAlone), maximum(validateFlowAlone));
    return 0;
}
