#pragma once

#include "model/organization.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Switchboard::Test {

QString dataPath(const QString &relative);
QByteArray readFile(const QString &path);

// The object of type T named `name` under `parent` (its objectName): how the tests reach the
// fields, views and labels inside a page or a dialog, which the product does not hand out.
// Stops the test program, saying what is missing, when there is none.
template<typename T> T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qFatal("%s has no %s named \"%s\"", parent->metaObject()->className(),
               T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// The PostgreSQL server the test command starts: SWITCHBOARD_TEST_POSTGRES_URL, a URL to a
// database this user may create databases from. Empty when not set.
QString postgresServerUrl();
// SWITCHBOARD_REQUIRE_POSTGRES=1 (set by the test command): a missing server is a failure,
// not a skip.
bool postgresRequired();

// A database of its own for one test, SQLite (in a temporary folder) or PostgreSQL (a fresh
// database on the test server, dropped afterwards).
class ScratchDatabase
{
public:
    enum Kind
    {
        Sqlite,
        Postgres
    };
    explicit ScratchDatabase(Kind kind);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool isValid() const { return !m_location.isEmpty(); }
    QString error() const { return m_error; }
    // A path or a postgresql:// URL, for Database::open.
    QString location() const { return m_location; }

private:
    Kind m_kind;
    QTemporaryDir m_dir;
    QString m_location;
    QString m_name;
    QString m_error;
};

} // namespace Switchboard::Test

// Skips the test when no PostgreSQL server is given, fails when one is required.
#define SWITCHBOARD_NEED_POSTGRES(kind)                                                            \
    do {                                                                                           \
        if ((kind) == Switchboard::Test::ScratchDatabase::Postgres &&                              \
            Switchboard::Test::postgresServerUrl().isEmpty()) {                                    \
            if (Switchboard::Test::postgresRequired())                                             \
                QFAIL("SWITCHBOARD_REQUIRE_POSTGRES is set but SWITCHBOARD_TEST_POSTGRES_URL "     \
                      "is not");                                                                   \
            QSKIP("no PostgreSQL server (set SWITCHBOARD_TEST_POSTGRES_URL)");                     \
        }                                                                                          \
    } while (false)
