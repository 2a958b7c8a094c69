#pragma once

// The console's organization in its database: load it whole, replace it (import), and save
// the difference between two states so that one edited flow writes one row.

#include "model/organization.h"
#include "store/database.h"

#include <QCoreApplication>
#include <optional>

namespace Switchboard {

struct StoreTable;

class OrganizationStore
{
    Q_DECLARE_TR_FUNCTIONS(OrganizationStore)

public:
    static constexpr int SchemaVersion = 2;
    static inline const QString Component = QStringLiteral("organization");
    static QList<Database::Migration> migrations();

    explicit OrganizationStore(Database &db);

    // Brings the schema to `targetVersion` (the newest by default).
    bool prepare(QString *error, int targetVersion = SchemaVersion);
    // True when no organization was ever saved here.
    bool isEmpty(QString *error);
    std::optional<Organization> load(QString *error);
    // Replaces everything with `organization`, in one transaction.
    bool replace(const Organization &organization, QString *error);
    // Writes what differs between `saved` (what the database holds) and `current`, in one
    // transaction. Unchanged users, groups, flows, ... are not touched.
    bool save(const Organization &saved, const Organization &current, QString *error);
    // Rows inserted, updated or deleted by the last replace() or save().
    int lastWriteCount() const { return m_writes; }

    // Small key/value settings kept with the organization (schema 2).
    QString setting(const QString &key, QString *error = nullptr);
    bool setSetting(const QString &key, const QString &value, QString *error);

    Database &database() const { return m_db; }

private:
    bool writeOrganizationRow(const Organization &o, QString *error);
    bool upsert(const StoreTable &table, const QVariantList &row, QString *error);
    bool insertRows(const StoreTable &table, const QList<QVariantList> &rows, QString *error);
    bool writeWithChildren(const StoreTable &table, const QVariantList &row,
                           const StoreTable &childTable, const QList<QVariantList> &children,
                           QString *error);
    bool deleteRow(const QString &table, const QString &keyColumn, const QString &key,
                   QString *error);
    bool setPosition(const QString &table, const QString &keyColumn, const QString &key,
                     int position, QString *error);
    bool run(QSqlQuery &query, QString *error);
    template<typename T, typename KeyOf, typename Write>
    bool saveList(const QList<T> &before, const QList<T> &after, KeyOf keyOf, Write write,
                  const StoreTable &table, QString *error);

    Database &m_db;
    int m_writes = 0;
};

} // namespace Switchboard
