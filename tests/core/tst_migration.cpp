// A database created by the first schema version opens and migrates under the latest, on
// SQLite and on PostgreSQL, keeping what it held.

#include "demo/demoorganization.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using Switchboard::Test::ScratchDatabase;

Q_DECLARE_METATYPE(Switchboard::Test::ScratchDatabase::Kind)

class TestMigration : public QObject
{
    Q_OBJECT

private slots:
    void firstVersionMigratesToLatest_data();
    void firstVersionMigratesToLatest();
    void migrationsAreNumberedInOrder();
};

void TestMigration::firstVersionMigratesToLatest_data()
{
    QTest::addColumn<ScratchDatabase::Kind>("kind");
    QTest::newRow("sqlite") << ScratchDatabase::Sqlite;
    QTest::newRow("postgresql") << ScratchDatabase::Postgres;
}

void TestMigration::firstVersionMigratesToLatest()
{
    QFETCH(ScratchDatabase::Kind, kind);
    SWITCHBOARD_NEED_POSTGRES(kind);
    ScratchDatabase scratch(kind);
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));
    QString error;
    const Organization demo = demoOrganization();
    {
        // What the first release created: schema 1, and an organization in it.
        auto db = Database::open(scratch.location(), &error);
        QVERIFY2(db, qPrintable(error));
        OrganizationStore store(*db);
        QVERIFY2(store.prepare(&error, 1), qPrintable(error));
        QCOMPARE(db->schemaVersion(OrganizationStore::Component, &error), 1);
        QVERIFY(!db->hasTable(u"settings"_s));
        QVERIFY2(store.replace(demo, &error), qPrintable(error));
    }
    // Opened by this version.
    auto db = Database::open(scratch.location(), &error);
    QVERIFY2(db, qPrintable(error));
    OrganizationStore store(*db);
    QVERIFY2(store.prepare(&error), qPrintable(error));
    QCOMPARE(db->schemaVersion(OrganizationStore::Component, &error),
             OrganizationStore::SchemaVersion);
    const auto loaded = store.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == demo);
    // What schema 2 added works.
    QVERIFY2(store.setSetting(u"backend.revision"_s, u"7"_s, &error), qPrintable(error));
    QCOMPARE(store.setting(u"backend.revision"_s), u"7"_s);
    QSqlQuery q = db->query();
    QVERIFY(q.exec(u"SELECT COUNT(*) FROM group_members WHERE user_id = 'johan'"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    // Opening again is a no-op.
    QVERIFY2(store.prepare(&error), qPrintable(error));
    QCOMPARE(db->schemaVersion(OrganizationStore::Component, &error),
             OrganizationStore::SchemaVersion);
}

void TestMigration::migrationsAreNumberedInOrder()
{
    const auto migrations = OrganizationStore::migrations();
    QCOMPARE(migrations.size(), OrganizationStore::SchemaVersion);
    for (int i = 0; i < migrations.size(); ++i) {
        QCOMPARE(migrations.at(i).version, i + 1);
        QVERIFY(!migrations.at(i).statements.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
