// The organization store on SQLite and on a real PostgreSQL server (started by the test
// command): load what was written, save only what changed, keep everything on failure.

#include "demo/demoorganization.h"
#include "generator.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using Switchboard::Test::ScratchDatabase;

Q_DECLARE_METATYPE(Switchboard::Test::ScratchDatabase::Kind)

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void replaceThenLoad_data() { backends(); }
    void replaceThenLoad();
    void saveWritesOnlyWhatChanged_data() { backends(); }
    void saveWritesOnlyWhatChanged();
    void saveFollowsEveryKindOfChange_data() { backends(); }
    void saveFollowsEveryKindOfChange();
    void failedSaveChangesNothing_data() { backends(); }
    void failedSaveChangesNothing();
    void settingsRoundTrip_data() { backends(); }
    void settingsRoundTrip();
    void sqliteIsInWalMode();
    void newSqliteFilesAreTheOwnersAlone();
    void nestedTransactionsJoinTheOuterOne();
    void postgresUrlsAreShownWithoutSecrets();
    void notADatabaseIsRefusedUntouched();
    void foreignDatabaseIsRefused();
    void newerSchemaIsRefused();
    void damagedRowsAreSaidNotEmptied_data();
    void damagedRowsAreSaidNotEmptied();
    void badPostgresUrlsSayWhy_data();
    void badPostgresUrlsSayWhy();

private:
    static void backends()
    {
        QTest::addColumn<ScratchDatabase::Kind>("kind");
        QTest::newRow("sqlite") << ScratchDatabase::Sqlite;
        QTest::newRow("postgresql") << ScratchDatabase::Postgres;
    }
};

#define OPEN_STORE(kind)                                                                           \
    SWITCHBOARD_NEED_POSTGRES(kind);                                                               \
    ScratchDatabase scratch(kind);                                                                 \
    QVERIFY2(scratch.isValid(), qPrintable(scratch.error()));                                      \
    QString error;                                                                                 \
    auto db = Database::open(scratch.location(), &error);                                          \
    QVERIFY2(db, qPrintable(error));                                                               \
    OrganizationStore store(*db);                                                                  \
    QVERIFY2(store.prepare(&error), qPrintable(error))

void TestStore::replaceThenLoad()
{
    QFETCH(ScratchDatabase::Kind, kind);
    OPEN_STORE(kind);
    QVERIFY(store.isEmpty(&error));
    const Organization demo = demoOrganization();
    QVERIFY2(store.replace(demo, &error), qPrintable(error));
    QVERIFY(!store.isEmpty(&error));
    const auto loaded = store.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == demo);

    // Replacing again (an import) leaves exactly the new organization.
    Test::OrganizationSize size;
    size.users = 40;
    size.groups = 6;
    size.membersPerGroup = 5;
    size.numbers = 9;
    size.flows = 4;
    const Organization generated = Test::generateOrganization(size);
    QVERIFY2(store.replace(generated, &error), qPrintable(error));
    const auto reloaded = store.load(&error);
    QVERIFY2(reloaded, qPrintable(error));
    QVERIFY(*reloaded == generated);
}

void TestStore::saveWritesOnlyWhatChanged()
{
    QFETCH(ScratchDatabase::Kind, kind);
    OPEN_STORE(kind);
    const Organization saved = demoOrganization();
    QVERIFY2(store.replace(saved, &error), qPrintable(error));

    // Nothing changed: nothing written.
    QVERIFY2(store.save(saved, saved, &error), qPrintable(error));
    QCOMPARE(store.lastWriteCount(), 0);

    // One flow changed: its one row.
    Organization current = saved;
    current.flows[1].voice->applets[u"ring"_s].name = u"Ring the support desk"_s;
    QVERIFY2(store.save(saved, current, &error), qPrintable(error));
    QCOMPARE(store.lastWriteCount(), 1);

    // One group reordered: its row, then its members replaced (3 deleted, 3 inserted).
    Organization next = current;
    next.groups[0].members.move(2, 0);
    QVERIFY2(store.save(current, next, &error), qPrintable(error));
    QCOMPARE(store.lastWriteCount(), 1 + 3 + 3);

    const auto loaded = store.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == next);
    QCOMPARE(loaded->groups.at(0).members.at(0).user, u"vald"_s);
}

void TestStore::saveFollowsEveryKindOfChange()
{
    QFETCH(ScratchDatabase::Kind, kind);
    OPEN_STORE(kind);
    const Organization saved = demoOrganization();
    QVERIFY2(store.replace(saved, &error), qPrintable(error));

    Organization current = saved;
    current.name = u"Acme Realty & Sons"_s;
    current.users.removeAt(4); // delete pat...
    current.groups[1].members.removeIf([](const Member &m) { return m.user == u"pat"; });
    current.users[0].devices.append({DeviceKind::Sip, u"sip:nancy@pbx.example.com"_s});
    User zoe;
    zoe.id = u"zoe"_s;
    zoe.name = u"Zoë Ärger"_s;
    zoe.devices = {{DeviceKind::Client, u"zoe"_s}};
    current.users.prepend(zoe);          // insert at the top
    current.groups.move(0, 1);           // reorder groups
    current.numbers[2].flow = u"main"_s; // route the red number
    current.flows.removeAt(1);           // delete a flow...
    current.numbers[1].flow.clear();     // ...and unassign it
    current.contacts.append({u"+15125550177"_s, u"Sam"_s, u"zoe"_s});
    current.blocked.prepend(u"+15125550777"_s);

    QVERIFY2(store.save(saved, current, &error), qPrintable(error));
    const auto loaded = store.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == current);
}

void TestStore::failedSaveChangesNothing()
{
    QFETCH(ScratchDatabase::Kind, kind);
    OPEN_STORE(kind);
    const Organization saved = demoOrganization();
    QVERIFY2(store.replace(saved, &error), qPrintable(error));

    // The save fails part-way: flows and users are written before the contacts, whose
    // table is gone. The transaction must take back what was already written.
    Organization current = saved;
    current.flows[0].name = u"Renamed before the failure"_s;
    current.users[0].name = u"Renamed too"_s;
    current.contacts[0].name = u"Written last, and failing"_s;
    QVERIFY2(db->exec(u"ALTER TABLE contacts RENAME TO contacts_away"_s, &error),
             qPrintable(error));
    QVERIFY(!store.save(saved, current, &error));
    QVERIFY2(error.contains(u"contacts"), qPrintable(error));
    QVERIFY2(db->exec(u"ALTER TABLE contacts_away RENAME TO contacts"_s, &error),
             qPrintable(error));
    const auto loaded = store.load(&error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == saved);
}

void TestStore::settingsRoundTrip()
{
    QFETCH(ScratchDatabase::Kind, kind);
    OPEN_STORE(kind);
    QCOMPARE(store.setting(u"backend.url"_s), QString());
    QVERIFY2(store.setSetting(u"backend.url"_s, u"https://routerd.example.com"_s, &error),
             qPrintable(error));
    QVERIFY2(store.setSetting(u"backend.url"_s, u"https://other.example.com"_s, &error),
             qPrintable(error));
    QCOMPARE(store.setting(u"backend.url"_s), u"https://other.example.com"_s);
}

void TestStore::sqliteIsInWalMode()
{
    OPEN_STORE(ScratchDatabase::Sqlite);
    QSqlQuery q = db->query();
    QVERIFY(q.exec(u"PRAGMA journal_mode"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"wal"_s);
}

void TestStore::notADatabaseIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notes.sqlite"_s);
    const QByteArray content = "These are my notes, not a database.\n";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QString error;
    auto db = Database::open(path, &error);
    QVERIFY(!db);
    QVERIFY2(error.contains(path) && error.contains(u"not a database"), qPrintable(error));
    QCOMPARE(Test::readFile(path), content);
}

void TestStore::foreignDatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"other.sqlite"_s);
    QString error;
    {
        auto db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QVERIFY(db->exec(u"CREATE TABLE recipes (name TEXT)"_s, &error));
    }
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    OrganizationStore store(*db);
    QVERIFY(!store.prepare(&error));
    QVERIFY2(error.contains(u"not one of Switchboard's"), qPrintable(error));
    QVERIFY(!db->hasTable(u"users"_s));
}

void TestStore::damagedRowsAreSaidNotEmptied_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("said"); // in the error
    QTest::newRow("a call flow cut short")
        << u"flows"_s << u"voice"_s << u"main"_s << uR"({"start": "hours", "applets": {)"_s
        << u"Flow \"main\""_s;
    QTest::newRow("an SMS flow that is no object")
        << u"flows"_s << u"sms"_s << u"main"_s << u"[1, 2]"_s << u"Flow \"main\""_s;
    QTest::newRow("a flow's layout")
        << u"flows"_s << u"editor"_s << u"main"_s << u"{oops"_s << u"Flow \"main\""_s;
    QTest::newRow("a greeting") << u"users"_s << u"greeting"_s << u"nancy"_s << u"null"_s
                                << u"user \"nancy\""_s;
}

// A row that is not what this program writes stops the load with a sentence saying where;
// it is not read as "nothing", which the next save would write over it.
void TestStore::damagedRowsAreSaidNotEmptied()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    QFETCH(QString, id);
    QFETCH(QString, damage);
    QFETCH(QString, said);
    OPEN_STORE(ScratchDatabase::Sqlite);
    QVERIFY2(store.replace(demoOrganization(), &error), qPrintable(error));
    QSqlQuery q = db->query();
    q.prepare(u"UPDATE %1 SET %2 = ? WHERE id = ?"_s.arg(table, column));
    q.addBindValue(damage);
    q.addBindValue(id);
    QVERIFY2(q.exec() && q.numRowsAffected() == 1, qPrintable(q.lastError().text()));
    error.clear();
    QVERIFY(!store.load(&error));
    QVERIFY2(error.contains(said) && error.contains(u"damaged"), qPrintable(error));
    QVERIFY(q.exec(u"SELECT %1 FROM %2 WHERE id = '%3'"_s.arg(column, table, id)) && q.next());
    QCOMPARE(q.value(0).toString(), damage); // still there, as it was
}

void TestStore::newerSchemaIsRefused()
{
    OPEN_STORE(ScratchDatabase::Sqlite);
    QVERIFY(store.replace(demoOrganization(), &error));
    QVERIFY(db->exec(u"UPDATE schema_version SET version = 99 WHERE component = 'organization'"_s,
                     &error));
    QVERIFY(!store.prepare(&error));
    QVERIFY2(error.contains(u"newer Switchboard") && error.contains(u"99"), qPrintable(error));
    // Still readable as it was: nothing was changed.
    QCOMPARE(db->schemaVersion(u"organization"_s, &error), 99);
}

void TestStore::badPostgresUrlsSayWhy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("says");
    QTest::newRow("no database name")
        << u"postgresql://user@localhost:5432/"_s << u"not a PostgreSQL URL"_s;
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    QTest::newRow("nobody listening")
        << u"postgresql://user:secret@127.0.0.1:9/switchboard"_s << u"Cannot connect"_s;
}

void TestStore::badPostgresUrlsSayWhy()
{
    QFETCH(QString, url);
    QFETCH(QString, says);
    QString error;
    auto db = Database::open(url, &error);
    QVERIFY(!db);
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(!error.contains(u"secret"), "the password must not appear in messages");
}

// The organization's data, and routerd's inbox, are for the owner's eyes only: a new folder
// is 0700 and the database with its -wal and -shm files 0600.
void TestStore::newSqliteFilesAreTheOwnersAlone()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"new/folder"_s);
    const QString path = folder + u"/routerd.sqlite"_s;
    QString error;
    auto db = Database::open(path, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->exec(u"CREATE TABLE t (x INTEGER)"_s, &error));
    QVERIFY(db->exec(u"INSERT INTO t VALUES (1)"_s, &error));
    const auto owner = QFile::ReadOwner | QFile::WriteOwner;
    // Owner, group and others (0x7077 masks out Qt's "current user" bits).
    QCOMPARE(QFile::permissions(folder) & 0x7077,
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    for (const QString &file : QStringList{path, path + u"-wal"_s, path + u"-shm"_s}) {
        QVERIFY2(QFile::exists(file), qPrintable(file));
        QCOMPARE(QFile::permissions(file) & 0x7077, owner);
    }
}

void TestStore::nestedTransactionsJoinTheOuterOne()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"t.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->exec(u"CREATE TABLE t (x INTEGER)"_s, &error));
    auto count = [&] {
        QSqlQuery q = db->query();
        q.exec(u"SELECT COUNT(*) FROM t"_s);
        return q.next() ? q.value(0).toInt() : -1;
    };
    {
        Database::Transaction outer(*db, Database::Transaction::Write);
        QVERIFY(outer.isActive());
        {
            Database::Transaction inner(*db, Database::Transaction::Write);
            QVERIFY(inner.isActive());
            QVERIFY(db->exec(u"INSERT INTO t VALUES (1)"_s, &error));
            QVERIFY(inner.commit(&error)); // joins: the outer one decides
        }
        QVERIFY(outer.commit(&error));
    }
    QCOMPARE(count(), 1);
    {
        Database::Transaction outer(*db, Database::Transaction::Write);
        QVERIFY(db->exec(u"INSERT INTO t VALUES (2)"_s, &error));
        {
            Database::Transaction inner(*db, Database::Transaction::Write);
            QVERIFY(db->exec(u"INSERT INTO t VALUES (3)"_s, &error));
            // ends without commit: a failure inside
        }
        QVERIFY(!outer.commit(&error));
        QVERIFY(!error.isEmpty());
    }
    QCOMPARE(count(), 1); // nothing of the failed one was kept
}

void TestStore::postgresUrlsAreShownWithoutSecrets()
{
    QString error;
    // Nothing listens on port 1: the connection fails, and the message must not leak.
    auto db = Database::open(
        u"postgresql://me:hunter2@127.0.0.1:1/db?sslpassword=s3cret&passfile=/etc/pgpass&connect_timeout=1"_s,
        &error);
    QVERIFY(!db);
    QVERIFY2(!error.contains(u"hunter2"_s) && !error.contains(u"s3cret"_s), qPrintable(error));
    QVERIFY2(error.contains(u"127.0.0.1"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
