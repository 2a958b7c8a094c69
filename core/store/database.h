#pragma once

// One database connection, SQLite or PostgreSQL through the same code: opening from a path or
// a postgresql:// URL, forward migrations per schema component, and transactions.

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <memory>

namespace Switchboard {

class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Kind
    {
        Sqlite,
        Postgres
    };

    // A schema change: the statements that take `component` from version - 1 to `version`.
    // Written in the SQL both SQLite and PostgreSQL accept.
    struct Migration
    {
        int version = 0;
        QStringList statements;
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `location` is a SQLite file path (created when missing) or a postgresql:// URL.
    static std::unique_ptr<Database> open(const QString &location, QString *error);
    // The console's embedded default: a SQLite file in the user's data directory.
    static QString defaultLocation();
    static bool isPostgresUrl(const QString &location);

    Kind kind() const { return m_kind; }
    // Where this is, for messages: the path, or the URL without its password.
    QString displayName() const { return m_displayName; }
    QSqlDatabase connection() const;
    QSqlQuery query() const { return QSqlQuery(connection()); }

    // Runs one statement; on failure says which and why.
    bool exec(const QString &sql, QString *error);
    // Fails with a clear message (and `error` set) when the statement fails.
    bool exec(QSqlQuery &query, QString *error);

    // 0 when the component has no schema here yet.
    int schemaVersion(const QString &component, QString *error);
    // Applies the migrations above the current version up to `target` (all when -1), each in
    // its own transaction. Refuses a database newer than the newest migration.
    bool migrate(const QString &component, const QList<Migration> &migrations, int target,
                 QString *error);
    bool hasTable(const QString &table);

    // Rolls back unless committed. Nested use is not supported. A Write transaction takes
    // SQLite's write lock at once (BEGIN IMMEDIATE), so that a read followed by a write
    // cannot be overtaken by another process in between.
    // A transaction; one begun while another is open on the same connection joins it (its
    // commit is the outer one's to make, and a joined one that ends uncommitted makes the outer
    // one roll back). Check isActive(): when BEGIN fails, nothing may be written.
    class Transaction
    {
    public:
        enum Mode
        {
            Deferred,
            Write
        };
        explicit Transaction(Database &db, Mode mode = Deferred);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        bool isActive() const { return m_active; }
        bool commit(QString *error);

    private:
        Database &m_db;
        bool m_active = false;
        bool m_joined = false; // part of an outer transaction
        bool m_manual = false; // begun with SQL rather than QSqlDatabase::transaction()
    };

private:
    Database() = default;
    bool configure(QString *error);

    Kind m_kind = Kind::Sqlite;
    QString m_connectionName;
    QString m_displayName;
    int m_transactionDepth = 0;
    bool m_innerFailed = false; // a joined transaction ended without committing
};

} // namespace Switchboard
