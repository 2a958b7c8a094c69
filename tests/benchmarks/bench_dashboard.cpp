// Flows dashboard benchmark, offscreen: 1,000 flows and 2,000 numbers. Opening the
// dashboard (page, models, delegates, first paint) has a budget of 200 ms; then it is
// scrolled from top to bottom page by page with the database connection closed, which
// shows that scrolling never reads the database.

#include "document/organizationdocument.h"
#include "flowlist/flowsnumbersedits.h"
#include "flowlist/flowspage.h"
#include "generator.h"
#include "numbers/numberspage.h"
#include "store/database.h"
#include "store/organizationstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
double median(QList<double> t)
{
    std::sort(t.begin(), t.end());
    return t.at(t.size() / 2);
}

template<typename Page>
QList<double> openTimes(OrganizationDocument *document, FlowsNumbersEdits *editor)
{
    QList<double> times;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        t.start();
        auto *page = new Page(document, editor);
        page->resize(1200, 700);
        page->show();
        QCoreApplication::processEvents(); // laid out and painted
        times.append(t.nsecsElapsed() / 1e6);
        delete page;
    }
    return times;
}

QList<double> scrollTimes(QTreeView *view)
{
    QList<double> times;
    QScrollBar *bar = view->verticalScrollBar();
    for (int value = 0; value <= bar->maximum(); value += bar->pageStep()) {
        QElapsedTimer t;
        t.start();
        bar->setValue(value);
        view->viewport()->repaint();
        times.append(t.nsecsElapsed() / 1e6);
    }
    return times;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const Organization org = Test::generateOrganization();
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
    FlowsNumbersEdits editor(document.get());
    std::printf("%lld flows, %lld numbers\n", qint64(org.flows.size()), qint64(org.numbers.size()));

    const QList<double> openFlows = openTimes<FlowsPage>(document.get(), &editor);
    const QList<double> openNumbers = openTimes<NumbersPage>(document.get(), &editor);

    FlowsPage flows(document.get(), &editor);
    flows.resize(1200, 700);
    flows.show();
    NumbersPage numbers(document.get(), &editor);
    numbers.resize(1200, 700);
    numbers.show();
    QCoreApplication::processEvents();
    // From here on, a read of the database would fail: the models must not need it.
    document->store().database().connection().close();
    const QList<double> scrollFlows = scrollTimes(flows.view());
    const QList<double> scrollNumbers = scrollTimes(numbers.view());
    const bool closed = !document->store().database().connection().isOpen();

    std::printf("Median times:\n");
    std::printf("  open the flows dashboard              %7.1f ms   budget 200 ms  %s\n",
                median(openFlows), median(openFlows) <= 200 ? "ok" : "OVER BUDGET");
    std::printf("  open the phone numbers                %7.1f ms\n", median(openNumbers));
    std::printf("  scroll the dashboard, one page        %7.2f ms  (max %.2f, %lld pages)\n",
                median(scrollFlows), *std::max_element(scrollFlows.cbegin(), scrollFlows.cend()),
                qint64(scrollFlows.size()));
    std::printf("  scroll the numbers, one page          %7.2f ms  (max %.2f, %lld pages)\n",
                median(scrollNumbers),
                *std::max_element(scrollNumbers.cbegin(), scrollNumbers.cend()),
                qint64(scrollNumbers.size()));
    std::printf("  database connection while scrolling:  %s\n",
                closed ? "closed throughout (nothing was read)" : "REOPENED");
    return closed ? 0 : 1;
}
