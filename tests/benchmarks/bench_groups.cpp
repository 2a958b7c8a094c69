// Users & Groups benchmark, through the real page and views (offscreen):
// - a 500-member group: reorder one member by a drop (mimeData -> dropMimeData -> undo
//   command -> model move -> view), median of many drops;
// - 10,000 users: filter by a search string typed into the search box, median of many
//   strings. Budget for both: 16 ms (one frame).

#include "document/organizationdocument.h"
#include "generator.h"
#include "groups/usersgroupspage.h"
#include "store/database.h"
#include "store/organizationstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
double median(QList<double> times)
{
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

void report(const char *what, const QList<double> &times, double budget)
{
    const double m = median(times);
    std::printf("  %-44s median %7.2f ms  (max %7.2f, n=%lld)  budget %4.0f ms  %s\n", what, m,
                *std::max_element(times.cbegin(), times.cend()), qint64(times.size()), budget,
                m <= budget ? "ok" : "OVER BUDGET");
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;

    Organization org = Test::generateOrganization(); // 10,000 users
    Group &big = org.groups[0];
    big.members.clear();
    for (int i = 0; i < 500; ++i)
        big.members.append(Member{org.users.at(i * 7 % org.users.size()).id, true, true});
    {
        QString error;
        auto db = Database::open(dir.filePath(u"bench.sqlite"_s), &error);
        OrganizationStore store(*db);
        if (!store.prepare(&error) || !store.replace(org, &error))
            qFatal("%s", qPrintable(error));
    }
    QString error;
    auto document = OrganizationDocument::open(dir.filePath(u"bench.sqlite"_s), &error);
    if (!document)
        qFatal("%s", qPrintable(error));
    UsersGroupsPage page(document.get());
    page.resize(1200, 800);
    page.show();
    page.openGroup(big.id);
    QCoreApplication::processEvents();
    QAbstractItemModel *members = page.membersView()->model();
    std::printf("Group \"%s\": %d members; %d users\n", qPrintable(big.name), members->rowCount(),
                page.usersView()->model()->rowCount());

    QList<double> drops;
    for (int i = 0; i < 101; ++i) {
        // Alternately move a member far down and back up, as a drag in the list would.
        const int from = i % 2 == 0 ? 10 : 400;
        const int to = i % 2 == 0 ? 401 : 10;
        QElapsedTimer t;
        t.start();
        std::unique_ptr<QMimeData> data(members->mimeData({members->index(from, 0)}));
        if (!members->dropMimeData(data.get(), Qt::MoveAction, to, 0, {}))
            qFatal("the drop did not move anyone");
        QCoreApplication::processEvents();
        drops.append(t.nsecsElapsed() / 1e6);
    }

    QList<double> filters;
    const QStringList searches{u"User 04"_s, u"user0999"_s, u"+15120000"_s, u"example.com"_s,
                               u"User 12"_s, u"zzz"_s,      u"user00"_s,    u"5 1"_s};
    for (int i = 0; i < 64; ++i) {
        QElapsedTimer t;
        t.start();
        page.searchField()->setText(searches.at(i % searches.size()) + QString::number(i % 3));
        QCoreApplication::processEvents();
        filters.append(t.nsecsElapsed() / 1e6);
        page.searchField()->clear();
        QCoreApplication::processEvents();
    }

    std::printf("Median times:\n");
    report("reorder one member of 500 by a drop", drops, 16);
    report("filter 10,000 users by a search string", filters, 16);
    return 0;
}
