#include "testsupport.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Switchboard::Test {

QString dataPath(const QString &relative)
{
    return QStringLiteral(SWITCHBOARD_TEST_DATA_DIR) + u'/' + relative;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QString postgresServerUrl()
{
    return qEnvironmentVariable("SWITCHBOARD_TEST_POSTGRES_URL");
}

bool postgresRequired()
{
    return qEnvironmentVariable("SWITCHBOARD_REQUIRE_POSTGRES") == u"1";
}

namespace {
// Runs one statement on the server's maintenance connection.
bool adminExec(const QString &sql, QString *error)
{
    const QUrl url(postgresServerUrl());
    const QString connection = u"scratch-admin"_s;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::contains(connection)
                              ? QSqlDatabase::database(connection)
                              : QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.isOpen() && !db.open()) {
            *error = db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        ok = q.exec(sql);
        if (!ok)
            *error = q.lastError().text();
    }
    return ok;
}
} // namespace

ScratchDatabase::ScratchDatabase(Kind kind)
    : m_kind(kind)
{
    if (kind == Sqlite) {
        m_location = m_dir.filePath(u"switchboard.sqlite"_s);
        return;
    }
    if (postgresServerUrl().isEmpty()) {
        m_error = u"no PostgreSQL server"_s;
        return;
    }
    static QAtomicInteger<int> counter;
    m_name = u"sbtest_%1_%2"_s.arg(QCoreApplication::applicationPid())
                 .arg(counter.fetchAndAddRelaxed(1));
    if (!adminExec(u"DROP DATABASE IF EXISTS "_s + m_name, &m_error) ||
        !adminExec(u"CREATE DATABASE "_s + m_name, &m_error))
        return;
    QUrl url(postgresServerUrl());
    url.setPath(u"/"_s + m_name);
    m_location = url.toString();
}

ScratchDatabase::~ScratchDatabase()
{
    if (m_kind == Postgres && !m_name.isEmpty()) {
        QString error;
        if (!adminExec(u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s, &error))
            qWarning("could not drop %s: %s", qPrintable(m_name), qPrintable(error));
    }
}

} // namespace Switchboard::Test
