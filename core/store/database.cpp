#include "database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>

#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return u"switchboard-"_s + QString::number(counter.fetchAndAddRelaxed(1));
}

// A postgresql:// URL as shown in messages and logs: no password, nor any option that holds
// one (password=, sslpassword=); a passfile's path may show.
QString displayUrl(QUrl url)
{
    QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems()) {
        if (key.contains(u"password", Qt::CaseInsensitive))
            query.removeAllQueryItems(key);
    }
    url.setQuery(query);
    return url.toDisplayString(QUrl::RemovePassword);
}

QString describe(const QSqlError &e)
{
    QString text = e.databaseText().trimmed();
    if (text.isEmpty())
        text = e.driverText().trimmed();
    return text.isEmpty() ? e.text().trimmed() : text;
}
} // namespace

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgresql://") || location.startsWith(u"postgres://");
}

QString Database::defaultLocation()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + u"/.local/share/switchboard"_s;
    return dir + u"/switchboard.sqlite"_s;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

std::unique_ptr<Database> Database::open(const QString &location, QString *error)
{
    std::unique_ptr<Database> db(new Database);
    db->m_connectionName = nextConnectionName();

    if (isPostgresUrl(location)) {
        db->m_kind = Kind::Postgres;
        const QUrl url(location, QUrl::StrictMode);
        const QString name = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || name.isEmpty()) {
            *error = tr("\"%1\" is not a PostgreSQL URL of the form "
                        "postgresql://USER:PASSWORD@HOST:PORT/DATABASE.")
                         .arg(displayUrl(url));
            return nullptr;
        }
        db->m_displayName = displayUrl(url);
        QSqlDatabase c = QSqlDatabase::addDatabase(u"QPSQL"_s, db->m_connectionName);
        if (!c.isValid()) {
            *error = tr("The PostgreSQL driver for Qt is not installed (Debian package "
                        "libqt6sql6-psql).");
            return nullptr;
        }
        c.setHostName(url.host());
        c.setPort(url.port(5432));
        c.setDatabaseName(name);
        c.setUserName(url.userName(QUrl::FullyDecoded));
        c.setPassword(url.password(QUrl::FullyDecoded));
        QStringList options{u"connect_timeout=10"_s};
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : items)
            options.append(key + u'=' + value);
        c.setConnectOptions(options.join(u';'));
        if (!c.open()) {
            *error = tr("Cannot connect to the PostgreSQL database %1: %2")
                         .arg(db->m_displayName, describe(c.lastError()));
            return nullptr;
        }
    } else {
        db->m_kind = Kind::Sqlite;
        const QFileInfo file(location);
        db->m_displayName = file.absoluteFilePath();
        // What we create is ours alone: a new folder 0700, a new file 0600 (SQLite gives its
        // -wal and -shm files the database file's mode).
        if (!QDir(file.absolutePath()).exists()) {
            if (!QDir().mkpath(file.absolutePath())) {
                *error =
                    tr("Cannot create the folder %1 for the database.").arg(file.absolutePath());
                return nullptr;
            }
            QFile::setPermissions(file.absolutePath(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        if (!file.exists()) {
            QFile create(file.absoluteFilePath());
            if (!create.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
                *error = tr("Cannot create the database %1: %2")
                             .arg(db->m_displayName, create.errorString());
                return nullptr;
            }
            create.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        }
        QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, db->m_connectionName);
        if (!c.isValid()) {
            *error = tr("The SQLite driver for Qt is not installed (Debian package "
                        "libqt6sql6-sqlite).");
            return nullptr;
        }
        c.setDatabaseName(file.absoluteFilePath());
        c.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!c.open()) {
            *error = tr("Cannot open the database %1: %2")
                         .arg(db->m_displayName, describe(c.lastError()));
            return nullptr;
        }
    }
    if (!db->configure(error))
        return nullptr;
    return db;
}

bool Database::configure(QString *error)
{
    if (m_kind == Kind::Postgres) {
        QString ignored;
        exec(u"SET client_min_messages TO WARNING"_s, &ignored);
        return true;
    }
    // SQLite opens lazily: the first statement is where a file that is not a database shows.
    QSqlQuery q = query();
    if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next()) {
        *error = tr("%1 is not a database Switchboard can use (%2). Nothing was changed in it; "
                    "open another file with --database.")
                     .arg(m_displayName, describe(q.lastError()));
        return false;
    }
    for (const QString &pragma : {u"PRAGMA foreign_keys=ON"_s, u"PRAGMA synchronous=NORMAL"_s}) {
        if (!exec(pragma, error))
            return false;
    }
    return true;
}

bool Database::exec(const QString &sql, QString *error)
{
    QSqlQuery q = query();
    if (q.exec(sql))
        return true;
    *error = tr("Database error in %1: %2 (while running: %3)")
                 .arg(m_displayName, describe(q.lastError()), sql.simplified().left(120));
    return false;
}

bool Database::exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = tr("Database error in %1: %2 (while running: %3)")
                 .arg(m_displayName, describe(q.lastError()), q.lastQuery().simplified().left(120));
    return false;
}

bool Database::hasTable(const QString &table)
{
    return connection().tables().contains(table, Qt::CaseInsensitive);
}

int Database::schemaVersion(const QString &component, QString *error)
{
    if (!hasTable(u"schema_version"_s))
        return 0;
    QSqlQuery q = query();
    q.prepare(u"SELECT version FROM schema_version WHERE component = ?"_s);
    q.addBindValue(component);
    if (!exec(q, error))
        return -1;
    return q.next() ? q.value(0).toInt() : 0;
}

bool Database::migrate(const QString &component, const QList<Migration> &migrations, int target,
                       QString *error)
{
    int newest = 0;
    for (const Migration &m : migrations)
        newest = std::max(newest, m.version);
    if (target < 0)
        target = newest;
    // Several processes starting together on one fresh PostgreSQL database migrate one after
    // the other: the later ones find the work done. (SQLite's writers are serialized anyway.)
    struct MigrationLock
    {
        Database &db;
        bool held = false;
        ~MigrationLock()
        {
            QString ignored;
            if (held)
                db.exec(u"SELECT pg_advisory_unlock(7314159)"_s, &ignored);
        }
    } lock{*this};
    if (m_kind == Kind::Postgres) {
        if (!exec(u"SELECT pg_advisory_lock(7314159)"_s, error))
            return false;
        lock.held = true;
    }
    // SQLite: one write transaction around it all (the per-migration ones join it), so that
    // two processes opening a new file at once read the schema version one after the other.
    std::optional<Transaction> whole;
    if (m_kind == Kind::Sqlite) {
        whole.emplace(*this, Transaction::Write);
        if (!whole->isActive()) {
            *error = tr("Cannot start a transaction on %1.").arg(m_displayName);
            return false;
        }
    }

    if (!hasTable(u"schema_version"_s)) {
        // A database with tables of its own but no version table belongs to something else.
        const QStringList tables = connection().tables();
        if (!tables.isEmpty() && m_kind == Kind::Sqlite) {
            *error = tr("%1 is a database, but not one of Switchboard's (it has tables %2 and no "
                        "schema version). Nothing was changed in it.")
                         .arg(m_displayName, tables.mid(0, 5).join(u", "_s));
            return false;
        }
        if (!exec(u"CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, "
                  "version INTEGER NOT NULL)"_s,
                  error))
            return false;
    }
    const int current = schemaVersion(component, error);
    if (current < 0)
        return false;
    if (current > newest) {
        *error = tr("%1 was written by a newer Switchboard (schema %2 of \"%3\"; this version "
                    "knows up to %4). Update Switchboard to open it; nothing was changed.")
                     .arg(m_displayName)
                     .arg(current)
                     .arg(component)
                     .arg(newest);
        return false;
    }
    for (const Migration &m : migrations) {
        if (m.version <= current || m.version > target)
            continue;
        Transaction transaction(*this);
        if (!transaction.isActive()) {
            *error = tr("Cannot start a transaction on %1.").arg(m_displayName);
            return false;
        }
        for (const QString &statement : m.statements) {
            if (!exec(statement, error))
                return false;
        }
        QSqlQuery q = query();
        q.prepare(m.version == 1 && current == 0
                      ? u"INSERT INTO schema_version (version, component) VALUES (?, ?)"_s
                      : u"UPDATE schema_version SET version = ? WHERE component = ?"_s);
        q.addBindValue(m.version);
        q.addBindValue(component);
        if (!exec(q, error) || !transaction.commit(error))
            return false;
    }
    return !whole || whole->commit(error);
}

Database::Transaction::Transaction(Database &db, Mode mode)
    : m_db(db)
{
    if (m_db.m_transactionDepth > 0) {
        m_joined = true;
        m_active = true;
        ++m_db.m_transactionDepth;
        return;
    }
    if (mode == Write && m_db.kind() == Kind::Sqlite) {
        QString ignored;
        m_manual = true;
        m_active = m_db.exec(u"BEGIN IMMEDIATE"_s, &ignored);
    } else {
        m_active = m_db.connection().transaction();
    }
    if (m_active) {
        m_db.m_transactionDepth = 1;
        m_db.m_innerFailed = false;
    }
}

Database::Transaction::~Transaction()
{
    if (!m_active)
        return;
    --m_db.m_transactionDepth;
    if (m_joined) {
        m_db.m_innerFailed = true;
        return;
    }
    if (m_manual) {
        QString ignored;
        m_db.exec(u"ROLLBACK"_s, &ignored);
    } else {
        m_db.connection().rollback();
    }
}

bool Database::Transaction::commit(QString *error)
{
    if (!m_active) {
        *error = tr("No transaction to commit.");
        return false;
    }
    m_active = false;
    --m_db.m_transactionDepth;
    if (m_joined)
        return true; // the outer transaction commits
    if (m_db.m_innerFailed) {
        *error = tr("Part of the change to %1 failed; nothing was saved.").arg(m_db.displayName());
        if (m_manual) {
            QString ignored;
            m_db.exec(u"ROLLBACK"_s, &ignored);
        } else {
            m_db.connection().rollback();
        }
        return false;
    }
    if (m_manual) {
        if (m_db.exec(u"COMMIT"_s, error))
            return true;
        QString ignored;
        m_db.exec(u"ROLLBACK"_s, &ignored);
        return false;
    }
    if (m_db.connection().commit())
        return true;
    *error = tr("Cannot save to %1: %2")
                 .arg(m_db.displayName(), describe(m_db.connection().lastError()));
    m_db.connection().rollback();
    return false;
}

} // namespace Switchboard
