// Inbox benchmark, offscreen: a group inbox of 200,000 texts kept by a real
// switchboard-routerd on loopback. It prints how long the first page takes to show, what
// scrolling costs page by page (each page of the view painted; a page of the backend fetched
// when the end comes into view), and how long a page far down the list takes to fetch, which
// shows the cursor paging does not slow down with depth.

#include "backend/backendclient.h"
#include "config/configdocument.h"
#include "demo/demoorganization.h"
#include "inbox/inboxmodel.h"
#include "routerdprocess.h"
#include "store/database.h"
#include "store/routerstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonArray>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {
constexpr int Items = 200000;

double median(QList<double> t)
{
    std::sort(t.begin(), t.end());
    return t.isEmpty() ? 0 : t.at(t.size() / 2);
}
double worst(const QList<double> &t)
{
    return t.isEmpty() ? 0 : *std::max_element(t.cbegin(), t.cend());
}

// The longest the event loop was busy in one go: what a user would feel as a stutter.
double g_longestBusy = 0;

void processEvents()
{
    QElapsedTimer t;
    t.start();
    QCoreApplication::processEvents();
    g_longestBusy = std::max(g_longestBusy, t.nsecsElapsed() / 1e6);
}

bool waitFor(const std::function<bool()> &done, int ms = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        processEvents();
    return done();
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"routerd.sqlite"_s);

    // The items, written straight into the backend's tables as routerd keeps them.
    QElapsedTimer timer;
    timer.start();
    {
        QString error;
        auto db = Database::open(path, &error);
        RouterStore store(*db);
        if (!db || !store.prepare(&error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        for (int i = 0; i < Items; ++i) {
            InboxDelivery d;
            d.kind = u"sms"_s;
            d.owner = Owner::group(u"support"_s);
            d.from = u"+1512555%1"_s.arg(i % 10000, 4, 10, QChar(u'0'));
            d.to = u"+15125550110"_s;
            d.body = u"Message %1 about an apartment viewing, please call back."_s.arg(i);
            d.dedupeKey = u"SMbench%1"_s.arg(i);
            if (!store.inbox().deliver(d, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
        }
    }
    std::printf("Inbox benchmark: %d texts in one group inbox (written in %.1f s)\n", Items,
                timer.elapsed() / 1000.0);

    RouterdProcess routerd;
    if (!routerd.start(path, {u"--quiet"_s})) {
        std::fprintf(stderr, "routerd did not start:\n%s\n", routerd.log().constData());
        return 1;
    }
    BackendClient client;
    client.setSettings({QUrl(routerd.base), adminToken, {}, {}});
    client.sendAndWait("PUT", u"/api/v1/config"_s, writeConfigDocument(demoOrganization()));
    const Organization org = demoOrganization();

    // First page on screen.
    InboxModel model(&client, &org);
    QTableView view;
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(22);
    view.resize(1000, 600);
    view.setModel(&model);
    view.show();
    timer.restart();
    model.setList(u"group:support"_s, u"sms"_s);
    if (model.canFetchMore({}))
        model.fetchMore({});
    waitFor([&] { return model.rowCount() > 0 && !model.isLoading(); });
    view.viewport()->repaint();
    const double first = timer.nsecsElapsed() / 1e6;

    // Scrolling page by page: a paint each step; a fetch when the end comes into view.
    QList<double> paints;
    QList<double> fetches;
    QList<double> busy; // per fetched page: the longest stretch the event loop was busy
    QScrollBar *bar = view.verticalScrollBar();
    for (int step = 0; step < 400 && model.rowCount() < 5000; ++step) {
        QElapsedTimer t;
        t.start();
        g_longestBusy = 0;
        const int rowsBefore = model.rowCount();
        bar->setValue(std::min(bar->maximum(), bar->value() + bar->pageStep()));
        processEvents();
        if (model.isLoading()) {
            waitFor([&] { return !model.isLoading(); });
            processEvents();
        }
        QElapsedTimer paint;
        paint.start();
        view.viewport()->repaint();
        g_longestBusy = std::max(g_longestBusy, paint.nsecsElapsed() / 1e6);
        const bool fetched = model.rowCount() > rowsBefore;
        (fetched ? fetches : paints).append(t.nsecsElapsed() / 1e6);
        if (fetched)
            busy.append(g_longestBusy);
    }

    // A page at the far end of the list: the oldest items.
    QList<double> deep;
    QString cursor;
    {
        // Walk the cursor down with large pages (not timed), then time pages there.
        int seen = 0;
        while (seen < Items - 600) {
            const BackendResponse r = client.sendAndWait(
                "GET", u"/api/v1/inbox?owner=group:support&limit=500"_s +
                           (cursor.isEmpty() ? QString() : u"&before="_s + cursor));
            cursor = r.object().value(u"next").toString();
            seen += int(r.object().value(u"items").toArray().size());
            if (cursor.isEmpty())
                break;
        }
        for (int i = 0; i < 5 && !cursor.isEmpty(); ++i) {
            QElapsedTimer t;
            t.start();
            const BackendResponse r = client.sendAndWait(
                "GET", u"/api/v1/inbox?owner=group:support&limit=100&before="_s + cursor);
            deep.append(t.nsecsElapsed() / 1e6);
            cursor = r.object().value(u"next").toString();
        }
    }

    std::printf("  first page shown:                %7.1f ms\n", first);
    std::printf("  scroll one screen (no fetch):    %7.2f ms median, %.2f ms worst, %lld steps\n",
                median(paints), worst(paints), static_cast<long long>(paints.size()));
    std::printf("  scroll into a new page (fetch):  %7.2f ms median, %.2f ms worst until shown, "
                "%lld pages, %d rows\n",
                median(fetches), worst(fetches), static_cast<long long>(fetches.size()),
                model.rowCount());
    std::printf("    of which the UI was busy:      %7.2f ms median, %.2f ms worst (the rest is "
                "waiting for the "
                "network, the UI free)\n",
                median(busy), worst(busy));
    std::printf("  a page 199,000 items down:       %7.2f ms median (over HTTP)\n", median(deep));
    std::printf("  budget for smooth scrolling: one frame, 16 ms\n");
    routerd.stop();
    return 0;
}
