// Foundation benchmark: an organization of 10,000 users, 1,000 groups of 20, 2,000 numbers
// and 1,000 flows of 15 applets. Prints import, full load, validate, export and save-one-flow
// times (median of several runs) against the budgets of the foundation issue.
//
//   bench_foundation [--postgres URL]   (default: a SQLite file in a temporary folder)

#include "config/configdocument.h"
#include "generator.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "testsupport.h"
#include "validation/validator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

void report(const char *what, double ms, double budget)
{
    if (budget > 0)
        std::printf("  %-34s %9.1f ms   budget %5.0f ms  %s\n", what, ms, budget,
                    ms <= budget ? "ok" : "OVER BUDGET");
    else
        std::printf("  %-34s %9.1f ms\n", what, ms);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString location;
    QTemporaryDir dir;
    const QStringList args = app.arguments();
    const qsizetype pg = args.indexOf(u"--postgres"_s);
    if (pg > 0 && pg + 1 < args.size())
        location = args.at(pg + 1);
    else
        location = dir.filePath(u"bench.sqlite"_s);

    const Organization org = Test::generateOrganization();
    int applets = 0;
    for (const Flow &f : org.flows)
        applets += int(f.voice->applets.size() + f.sms->applets.size());
    const QByteArray document = writeConfigDocument(org);
    std::printf("Organization: %lld users, %lld groups, %lld numbers, %lld flows, %d applets; "
                "document %.1f MB\nDatabase: %s\n",
                qint64(org.users.size()), qint64(org.groups.size()), qint64(org.numbers.size()),
                qint64(org.flows.size()), applets, document.size() / 1e6,
                qPrintable(Database::isPostgresUrl(location) ? u"PostgreSQL"_s : u"SQLite"_s));

    QString error;
    auto db = Database::open(location, &error);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    OrganizationStore store(*db);
    if (!store.prepare(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    // import = read the document, validate it, replace the organization in the database
    Organization imported;
    double parseMs = 0;
    const double importMs = medianMs(3, [&] {
        QElapsedTimer t;
        t.start();
        const Findings findings = validateConfigDocument(document, &imported);
        parseMs = t.nsecsElapsed() / 1e6;
        if (countErrors(findings) || !store.replace(imported, &error))
            qFatal("import failed: %s", qPrintable(error));
    });
    std::optional<Organization> loaded;
    const double loadMs = medianMs(5, [&] {
        loaded = store.load(&error);
        if (!loaded)
            qFatal("load failed: %s", qPrintable(error));
    });
    if (!(*loaded == org))
        qFatal("the loaded organization differs from the generated one");
    Findings findings;
    const double validateMs = medianMs(5, [&] { findings = validateOrganization(*loaded); });
    if (!findings.isEmpty())
        qFatal("the benchmark organization has %lld findings", qint64(findings.size()));
    QByteArray exported;
    const double exportMs = medianMs(5, [&] { exported = writeConfigDocument(*loaded); });
    if (exported != document)
        qFatal("export after import is not byte-identical");

    Organization saved = *loaded;
    int round = 0;
    const double saveMs = medianMs(21, [&] {
        Organization current = saved;
        current.flows[500].voice->applets[u"menu"_s].name = u"Menu, edit %1"_s.arg(++round);
        if (!store.save(saved, current, &error) || store.lastWriteCount() != 1)
            qFatal("save failed: %s", qPrintable(error));
        saved = current;
    });

    std::printf("Median times:\n");
    report("import (read+validate+write)", importMs, 0);
    report("  of which read and validate", parseMs, 0);
    report("full load from the database", loadMs, 500);
    report("validate", validateMs, 300);
    report("export", exportMs, 0);
    report("save one changed flow", saveMs, 10);
    return 0;
}
