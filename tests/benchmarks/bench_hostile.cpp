// Hostile configuration documents, validated as routerd validates a push (read, check, filter
// what the reader already rejected): the cost must grow with the input, not faster. Prints
// the median of five runs for each size; the budget is under 1 s for 5,000 users.
//   ./build/release/tests/benchmarks/bench_hostile

#include "config/configdocument.h"
#include "generator.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Switchboard;

namespace {
double medianMs(const QByteArray &document, qsizetype *findings)
{
    std::vector<double> runs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        *findings = validateConfigDocument(document).size();
        runs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}
} // namespace

int main()
{
    std::printf("hostile documents: each user with an unknown key and a malformed id\n");
    for (const int users : {500, 5000, 50000}) {
        const QByteArray document = Test::hostileDocument(users);
        qsizetype findings = 0;
        const double ms = medianMs(document, &findings);
        std::printf("  %6d users, %8.1f KB: %8.1f ms median (%lld findings)\n", users,
                    double(document.size()) / 1024.0, ms, qlonglong(findings));
    }
    // One name of five million characters, and one key given 100,000 times.
    QByteArray longName =
        R"({"format": "switchboard-config", "version": 1, "organization": {"name": ")";
    longName += QByteArray(5'000'000, 'n') +
                R"("}, "users": [], "groups": [], "numbers": [], "flows": []})";
    qsizetype findings = 0;
    double ms = medianMs(longName, &findings); // before printf reads `findings`
    std::printf("  a 5,000,000-character name:     %8.1f ms median (%lld findings)\n", ms,
                qlonglong(findings));
    QByteArray repeated = R"({"format": "switchboard-config", "version": 1, "organization": {)";
    for (int i = 0; i < 100000; ++i)
        repeated += R"("name": "x", )";
    repeated += R"("timezone": "UTC"}, "users": [], "groups": [], "numbers": [], "flows": []})";
    ms = medianMs(repeated, &findings);
    std::printf("  one key given 100,000 times:    %8.1f ms median (%lld findings)\n", ms,
                qlonglong(findings));
    return 0;
}
