// RevisionStore: configuration revisions, as pushed.

#include "routerstore.h"

#include <mutex>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Switchboard {

int RevisionStore::currentRevision(QString *error)
{
    QSqlQuery &q = cached(u"SELECT COALESCE(MAX(revision), 0) FROM revisions"_s);
    QString failure;
    if (!run(q, &failure)) {
        if (error)
            *error = failure;
        return -1;
    }
    const int revision = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return revision;
}

std::optional<QByteArray> RevisionStore::document(int revision, QString *error)
{
    QSqlQuery q = m_db.query();
    q.prepare(u"SELECT document FROM revisions WHERE revision = ?"_s);
    q.addBindValue(revision);
    QString failure;
    if (!run(q, &failure)) {
        if (error)
            *error = failure;
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString().toUtf8();
}

QList<Api::RevisionInfo> RevisionStore::list()
{
    QList<Api::RevisionInfo> list;
    QSqlQuery q = m_db.query();
    q.exec(u"SELECT revision, pushed_at, pushed_by FROM revisions ORDER BY revision DESC"_s);
    while (q.next())
        list.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toString()});
    return list;
}

int RevisionStore::addRevision(int expected, const QByteArray &document, const QString &pushedBy,
                               QString *error)
{
    Database::Transaction transaction(m_db, Database::Transaction::Write);
    if (!transaction.isActive()) {
        *error = tr("Cannot begin a transaction on %1.").arg(m_db.displayName());
        return -1;
    }
    const int current = currentRevision(error);
    if (current < 0)
        return -1;
    if (current != expected)
        return 0;
    // Another backend may take this revision number first: then nothing is inserted (a
    // conflict), which is not an error. (After a failed statement PostgreSQL refuses the rest
    // of the transaction, so the conflict must not be a failure.)
    QSqlQuery q = m_db.query();
    q.prepare(u"INSERT INTO revisions (revision, document, pushed_at, pushed_by) "
              "VALUES (?, ?, ?, ?) ON CONFLICT (revision) DO NOTHING"_s);
    q.addBindValue(expected + 1);
    q.addBindValue(QString::fromUtf8(document));
    q.addBindValue(now());
    q.addBindValue(pushedBy);
    if (!run(q, error))
        return -1;
    if (q.numRowsAffected() == 0)
        return 0;
    return transaction.commit(error) ? expected + 1 : -1;
}

} // namespace Switchboard
