#include "organizationstore.h"

#include "config/configdocument.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Switchboard {

QList<Database::Migration> OrganizationStore::migrations()
{
    return {
        {1,
         {
             // Free text (names, labels, ...) may be empty, which Qt binds as NULL.
             u"CREATE TABLE organization (id INTEGER PRIMARY KEY, name TEXT, "
             "timezone TEXT)"_s,
             u"CREATE TABLE users (id TEXT PRIMARY KEY, position INTEGER NOT NULL, "
             "name TEXT, email TEXT, role TEXT NOT NULL, greeting TEXT)"_s,
             u"CREATE TABLE user_devices (user_id TEXT NOT NULL REFERENCES users(id) ON DELETE "
             "CASCADE, position INTEGER NOT NULL, kind TEXT NOT NULL, address TEXT, "
             "PRIMARY KEY (user_id, position))"_s,
             u"CREATE TABLE user_groups (id TEXT PRIMARY KEY, position INTEGER NOT NULL, "
             "name TEXT, department TEXT, sms_max_open INTEGER NOT NULL)"_s,
             // No foreign key to users: a member whose user is gone is a validation error
             // the console shows, not a reason to refuse saving the rest.
             u"CREATE TABLE group_members (group_id TEXT NOT NULL REFERENCES user_groups(id) "
             "ON DELETE CASCADE, position INTEGER NOT NULL, user_id TEXT NOT NULL, "
             "voice INTEGER NOT NULL, sms INTEGER NOT NULL, PRIMARY KEY (group_id, position))"_s,
             u"CREATE TABLE flows (id TEXT PRIMARY KEY, position INTEGER NOT NULL, "
             "name TEXT, voice TEXT, sms TEXT, editor TEXT)"_s,
             u"CREATE TABLE phone_numbers (number TEXT PRIMARY KEY, position INTEGER NOT NULL, "
             "label TEXT, flow_id TEXT)"_s,
             u"CREATE TABLE contacts (number TEXT PRIMARY KEY, position INTEGER NOT NULL, "
             "name TEXT, owner TEXT)"_s,
             u"CREATE TABLE blocked_numbers (number TEXT PRIMARY KEY, position INTEGER NOT NULL)"_s,
         }},
        {2,
         {
             // Console settings that belong with the organization (backend URL, last pushed
             // revision), and "which groups is this user in" without a full scan.
             u"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)"_s,
             u"CREATE INDEX group_members_user ON group_members (user_id)"_s,
         }},
    };
}

OrganizationStore::OrganizationStore(Database &db)
    : m_db(db)
{}

bool OrganizationStore::prepare(QString *error, int targetVersion)
{
    return m_db.migrate(Component, migrations(), targetVersion, error);
}

bool OrganizationStore::run(QSqlQuery &query, QString *error)
{
    if (!m_db.exec(query, error))
        return false;
    m_writes += std::max(0, query.numRowsAffected());
    return true;
}

bool OrganizationStore::isEmpty(QString *error)
{
    QSqlQuery q = m_db.query();
    if (!q.exec(u"SELECT COUNT(*) FROM organization"_s)) {
        *error = q.lastError().text();
        return false;
    }
    return q.next() && q.value(0).toInt() == 0;
}

namespace {
QString jsonText(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return {};
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// A JSON object kept as text; nullopt, with `why`, when the text is not one (a damaged row).
std::optional<QJsonObject> objectFromText(const QString &text, QString *why)
{
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError) {
        *why = parse.errorString();
        return std::nullopt;
    }
    if (!document.isObject()) {
        *why = OrganizationStore::tr("not a JSON object");
        return std::nullopt;
    }
    return document.object();
}
} // namespace

std::optional<Organization> OrganizationStore::load(QString *error)
{
    Organization org;
    auto fail = [&](const QSqlQuery &q) {
        *error = tr("Cannot read the organization from %1: %2")
                     .arg(m_db.displayName(), q.lastError().text());
        return std::nullopt;
    };
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT name, timezone FROM organization WHERE id = 1"_s))
        return fail(q);
    if (q.next()) {
        org.name = q.value(0).toString();
        org.timezone = q.value(1).toString();
    }

    QHash<QString, int> userIndex;
    if (!q.exec(u"SELECT id, name, email, role, greeting FROM users ORDER BY position"_s))
        return fail(q);
    while (q.next()) {
        User u;
        u.id = q.value(0).toString();
        u.name = q.value(1).toString();
        u.email = q.value(2).toString();
        u.role = roleFromKey(q.value(3).toString()).value_or(Role::Agent);
        const QString greeting = q.value(4).toString();
        if (!greeting.isEmpty()) {
            QString why;
            u.greeting = objectFromText(greeting, &why);
            if (!u.greeting) {
                *error = tr("The greeting of user \"%1\" in %2 is damaged: %3")
                             .arg(u.id, m_db.displayName(), why);
                return std::nullopt;
            }
        }
        userIndex.insert(u.id, int(org.users.size()));
        org.users.append(u);
    }
    if (!q.exec(u"SELECT user_id, kind, address FROM user_devices ORDER BY user_id, position"_s))
        return fail(q);
    while (q.next()) {
        const auto it = userIndex.constFind(q.value(0).toString());
        if (it == userIndex.cend())
            continue;
        org.users[*it].devices.append(
            Device{deviceKindFromKey(q.value(1).toString()).value_or(DeviceKind::Client),
                   q.value(2).toString()});
    }

    QHash<QString, int> groupIndex;
    if (!q.exec(u"SELECT id, name, department, sms_max_open FROM user_groups ORDER BY position"_s))
        return fail(q);
    while (q.next()) {
        Group g;
        g.id = q.value(0).toString();
        g.name = q.value(1).toString();
        g.department = q.value(2).toString();
        g.smsMaxOpenPerAgent = q.value(3).toInt();
        groupIndex.insert(g.id, int(org.groups.size()));
        org.groups.append(g);
    }
    if (!q.exec(u"SELECT group_id, user_id, voice, sms FROM group_members "
                "ORDER BY group_id, position"_s))
        return fail(q);
    while (q.next()) {
        const auto it = groupIndex.constFind(q.value(0).toString());
        if (it == groupIndex.cend())
            continue;
        org.groups[*it].members.append(
            Member{q.value(1).toString(), q.value(2).toInt() != 0, q.value(3).toInt() != 0});
    }

    if (!q.exec(u"SELECT id, name, voice, sms, editor FROM flows ORDER BY position"_s))
        return fail(q);
    while (q.next()) {
        Flow f;
        f.id = q.value(0).toString();
        f.name = q.value(1).toString();
        for (int column : {2, 3}) {
            const QString text = q.value(column).toString();
            if (text.isEmpty())
                continue;
            QString why;
            const auto object = objectFromText(text, &why);
            auto graph = object ? graphFromJson(*object, &why) : std::nullopt;
            if (!why.isEmpty()) {
                *error = tr("Flow \"%1\" in %2 is damaged: %3").arg(f.id, m_db.displayName(), why);
                return std::nullopt;
            }
            (column == 2 ? f.voice : f.sms) = std::move(graph);
        }
        const QString editor = q.value(4).toString();
        if (!editor.isEmpty()) {
            QString why;
            const auto layout = objectFromText(editor, &why);
            if (!layout) {
                *error = tr("Flow \"%1\" in %2 is damaged: %3").arg(f.id, m_db.displayName(), why);
                return std::nullopt;
            }
            f.editor = *layout;
        }
        org.flows.append(f);
    }

    if (!q.exec(u"SELECT number, label, flow_id FROM phone_numbers ORDER BY position"_s))
        return fail(q);
    while (q.next())
        org.numbers.append(
            PhoneNumber{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});

    if (!q.exec(u"SELECT number, name, owner FROM contacts ORDER BY position"_s))
        return fail(q);
    while (q.next())
        org.contacts.append(
            Contact{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});

    if (!q.exec(u"SELECT number FROM blocked_numbers ORDER BY position"_s))
        return fail(q);
    while (q.next())
        org.blocked.append(q.value(0).toString());
    return org;
}

// Every table the organization is kept in: its columns, the first being its key.
struct StoreTable
{
    QString name;
    QStringList columns;
};

namespace {
using Table = StoreTable;
const Table usersTable{u"users"_s,
                       {u"id"_s, u"position"_s, u"name"_s, u"email"_s, u"role"_s, u"greeting"_s}};
const Table devicesTable{u"user_devices"_s, {u"user_id"_s, u"position"_s, u"kind"_s, u"address"_s}};
const Table groupsTable{u"user_groups"_s,
                        {u"id"_s, u"position"_s, u"name"_s, u"department"_s, u"sms_max_open"_s}};
const Table membersTable{u"group_members"_s,
                         {u"group_id"_s, u"position"_s, u"user_id"_s, u"voice"_s, u"sms"_s}};
const Table flowsTable{u"flows"_s,
                       {u"id"_s, u"position"_s, u"name"_s, u"voice"_s, u"sms"_s, u"editor"_s}};
const Table numbersTable{u"phone_numbers"_s,
                         {u"number"_s, u"position"_s, u"label"_s, u"flow_id"_s}};
const Table contactsTable{u"contacts"_s, {u"number"_s, u"position"_s, u"name"_s, u"owner"_s}};
const Table blockedTable{u"blocked_numbers"_s, {u"number"_s, u"position"_s}};

using Row = QVariantList;

Row userRow(const User &u, int position)
{
    return {u.id,    position,        u.name,
            u.email, roleKey(u.role), nullableText(u.greeting ? jsonText(*u.greeting) : QString())};
}
QList<Row> deviceRows(const User &u)
{
    QList<Row> rows;
    for (int i = 0; i < u.devices.size(); ++i)
        rows.append({u.id, i, deviceKindKey(u.devices.at(i).kind), u.devices.at(i).address});
    return rows;
}
Row groupRow(const Group &g, int position)
{
    return {g.id, position, g.name, g.department, g.smsMaxOpenPerAgent};
}
QList<Row> memberRows(const Group &g)
{
    QList<Row> rows;
    for (int i = 0; i < g.members.size(); ++i) {
        const Member &m = g.members.at(i);
        rows.append({g.id, i, m.user, m.voice ? 1 : 0, m.sms ? 1 : 0});
    }
    return rows;
}
Row flowRow(const Flow &f, int position)
{
    return {f.id,
            position,
            f.name,
            nullableText(jsonText(graphToJson(f.voice))),
            nullableText(jsonText(graphToJson(f.sms))),
            nullableText(f.editor.isEmpty() ? QString() : jsonText(f.editor))};
}
Row numberRow(const PhoneNumber &n, int position)
{
    return {n.number, position, n.label, nullableText(n.flow)};
}
Row contactRow(const Contact &c, int position)
{
    return {c.number, position, c.name, c.owner};
}
Row blockedRow(const QString &number, int position)
{
    return {number, position};
}
} // namespace

bool OrganizationStore::writeOrganizationRow(const Organization &o, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(
        u"INSERT INTO organization (id, name, timezone) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, timezone = excluded.timezone"_s);
    q.addBindValue(o.name);
    q.addBindValue(o.timezone);
    return run(q, error);
}

// Inserts or replaces one row, keyed by the table's first column.
bool OrganizationStore::upsert(const StoreTable &table, const Row &row, QString *error)
{
    QStringList placeholders, updates;
    for (qsizetype i = 0; i < table.columns.size(); ++i) {
        placeholders.append(u"?"_s);
        if (i > 0)
            updates.append(table.columns.at(i) + u" = excluded."_s + table.columns.at(i));
    }
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO "_s + table.name + u" ("_s + table.columns.join(u", "_s) +
              u") VALUES ("_s + placeholders.join(u", "_s) + u") ON CONFLICT ("_s +
              table.columns.first() + u") DO UPDATE SET "_s + updates.join(u", "_s));
    for (const QVariant &v : row)
        q.addBindValue(v);
    return run(q, error);
}

// Inserts many rows. PostgreSQL gets a few thousand values per statement, one round trip
// each (a large import takes seconds, not minutes); SQLite, which has no round trips and
// binds long statements slowly, reuses one single-row statement.
bool OrganizationStore::insertRows(const StoreTable &table, const QList<Row> &rows, QString *error)
{
    const qsizetype perRow = table.columns.size();
    const qsizetype chunk =
        m_db.kind() == Database::Kind::Sqlite ? 1 : std::max<qsizetype>(1, 4000 / perRow);
    const QString rowPlaceholders = u"("_s + QStringList(perRow, u"?"_s).join(u", "_s) + u")"_s;
    QSqlQuery q = m_db.query();
    qsizetype prepared = 0;
    for (qsizetype start = 0; start < rows.size(); start += chunk) {
        const qsizetype n = std::min(chunk, rows.size() - start);
        if (n != prepared) {
            q.prepare(u"INSERT INTO "_s + table.name + u" ("_s + table.columns.join(u", "_s) +
                      u") VALUES "_s + QStringList(n, rowPlaceholders).join(u", "_s));
            prepared = n;
        }
        for (qsizetype r = start; r < start + n; ++r) {
            for (const QVariant &v : rows.at(r))
                q.addBindValue(v);
        }
        if (!run(q, error))
            return false;
    }
    return true;
}

// A row and the child rows that belong to it (devices, members): the row is upserted and
// its children replaced.
bool OrganizationStore::writeWithChildren(const StoreTable &table, const Row &row,
                                          const StoreTable &childTable, const QList<Row> &children,
                                          QString *error)
{
    if (!upsert(table, row, error))
        return false;
    QSqlQuery q = m_db.query();
    q.prepare(u"DELETE FROM "_s + childTable.name + u" WHERE "_s + childTable.columns.first() +
              u" = ?"_s);
    q.addBindValue(row.first());
    return run(q, error) && insertRows(childTable, children, error);
}

bool OrganizationStore::deleteRow(const QString &table, const QString &keyColumn,
                                  const QString &key, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"DELETE FROM "_s + table + u" WHERE "_s + keyColumn + u" = ?"_s);
    q.addBindValue(key);
    return run(q, error);
}

bool OrganizationStore::setPosition(const QString &table, const QString &keyColumn,
                                    const QString &key, int position, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"UPDATE "_s + table + u" SET position = ? WHERE "_s + keyColumn + u" = ?"_s);
    q.addBindValue(position);
    q.addBindValue(key);
    return run(q, error);
}

bool OrganizationStore::replace(const Organization &organization, QString *error)
{
    m_writes = 0;
    Database::Transaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = tr("Cannot start a transaction on %1.").arg(m_db.displayName());
        return false;
    }
    for (const Table *table : {&membersTable, &devicesTable, &groupsTable, &usersTable, &flowsTable,
                               &numbersTable, &contactsTable, &blockedTable}) {
        if (!m_db.exec(u"DELETE FROM "_s + table->name, error))
            return false;
    }
    if (!writeOrganizationRow(organization, error))
        return false;

    QList<Row> users, devices, groups, members, flows, numbers, contacts, blocked;
    for (int i = 0; i < organization.users.size(); ++i) {
        users.append(userRow(organization.users.at(i), i));
        devices.append(deviceRows(organization.users.at(i)));
    }
    for (int i = 0; i < organization.groups.size(); ++i) {
        groups.append(groupRow(organization.groups.at(i), i));
        members.append(memberRows(organization.groups.at(i)));
    }
    for (int i = 0; i < organization.flows.size(); ++i)
        flows.append(flowRow(organization.flows.at(i), i));
    for (int i = 0; i < organization.numbers.size(); ++i)
        numbers.append(numberRow(organization.numbers.at(i), i));
    for (int i = 0; i < organization.contacts.size(); ++i)
        contacts.append(contactRow(organization.contacts.at(i), i));
    for (int i = 0; i < organization.blocked.size(); ++i)
        blocked.append(blockedRow(organization.blocked.at(i), i));

    return insertRows(usersTable, users, error) && insertRows(devicesTable, devices, error) &&
           insertRows(groupsTable, groups, error) && insertRows(membersTable, members, error) &&
           insertRows(flowsTable, flows, error) && insertRows(numbersTable, numbers, error) &&
           insertRows(contactsTable, contacts, error) && insertRows(blockedTable, blocked, error) &&
           transaction.commit(error);
}

// Writes the items of `after` that are new or differ from `before`, deletes those gone, and
// moves those whose position changed. Lists left untouched share their data with `before`
// (implicit sharing), so comparing them costs nothing.
template<typename T, typename KeyOf, typename Write>
bool OrganizationStore::saveList(const QList<T> &before, const QList<T> &after, KeyOf keyOf,
                                 Write write, const StoreTable &table, QString *error)
{
    if (before == after)
        return true;
    QHash<QString, int> old;
    old.reserve(before.size());
    for (int i = 0; i < before.size(); ++i)
        old.insert(keyOf(before.at(i)), i);
    QSet<QString> kept;
    for (int i = 0; i < after.size(); ++i) {
        const T &item = after.at(i);
        const QString key = keyOf(item);
        kept.insert(key);
        const auto it = old.constFind(key);
        if (it == old.cend() || !(before.at(*it) == item)) {
            if (!write(item, i, error))
                return false;
        } else if (*it != i) {
            if (!setPosition(table.name, table.columns.first(), key, i, error))
                return false;
        }
    }
    for (const T &item : before) {
        if (!kept.contains(keyOf(item)) &&
            !deleteRow(table.name, table.columns.first(), keyOf(item), error))
            return false;
    }
    return true;
}

bool OrganizationStore::save(const Organization &saved, const Organization &current, QString *error)
{
    m_writes = 0;
    Database::Transaction transaction(m_db);
    if (!transaction.isActive()) {
        *error = tr("Cannot start a transaction on %1.").arg(m_db.displayName());
        return false;
    }
    if ((saved.name != current.name || saved.timezone != current.timezone) &&
        !writeOrganizationRow(current, error))
        return false;
    const bool ok =
        saveList(
            saved.users, current.users, [](const User &u) { return u.id; },
            [this](const User &u, int i, QString *e) {
                return writeWithChildren(usersTable, userRow(u, i), devicesTable, deviceRows(u), e);
            },
            usersTable, error) &&
        saveList(
            saved.groups, current.groups, [](const Group &g) { return g.id; },
            [this](const Group &g, int i, QString *e) {
                return writeWithChildren(groupsTable, groupRow(g, i), membersTable, memberRows(g),
                                         e);
            },
            groupsTable, error) &&
        saveList(
            saved.flows, current.flows, [](const Flow &f) { return f.id; },
            [this](const Flow &f, int i, QString *e) {
                return upsert(flowsTable, flowRow(f, i), e);
            },
            flowsTable, error) &&
        saveList(
            saved.numbers, current.numbers, [](const PhoneNumber &n) { return n.number; },
            [this](const PhoneNumber &n, int i, QString *e) {
                return upsert(numbersTable, numberRow(n, i), e);
            },
            numbersTable, error) &&
        saveList(
            saved.contacts, current.contacts, [](const Contact &c) { return c.number; },
            [this](const Contact &c, int i, QString *e) {
                return upsert(contactsTable, contactRow(c, i), e);
            },
            contactsTable, error) &&
        saveList(
            saved.blocked, current.blocked, [](const QString &n) { return n; },
            [this](const QString &n, int i, QString *e) {
                return upsert(blockedTable, blockedRow(n, i), e);
            },
            blockedTable, error);
    return ok && transaction.commit(error);
}

QString OrganizationStore::setting(const QString &key, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    q.addBindValue(key);
    QString ignored;
    if (!m_db.exec(q, error ? error : &ignored))
        return {};
    return q.next() ? q.value(0).toString() : QString();
}

bool OrganizationStore::setSetting(const QString &key, const QString &value, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO settings (key, value) VALUES (?, ?) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    return m_db.exec(q, error);
}

} // namespace Switchboard
