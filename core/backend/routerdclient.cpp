#include "routerdclient.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

QNetworkReply *RouterdClient::health(QObject *context, Done<int> done) const
{
    return m_client->get(QString::fromLatin1(Api::HealthPath), context,
                         [done](const BackendResponse &r) {
                             done(r, r.ok() ? Api::healthRevision(r.object()) : -1);
                         });
}

QNetworkReply *RouterdClient::me(QObject *context, Done<Api::Me> done) const
{
    return m_client->get(QString::fromLatin1(Api::MePath), context,
                         [done](const BackendResponse &r) {
                             done(r, r.ok() ? Api::Me::fromJson(r.object()) : Api::Me());
                         });
}

QNetworkReply *RouterdClient::signIn(const QString &login, const QString &password,
                                     QObject *context, Done<Api::Session> done) const
{
    return m_client->send("POST", QString::fromLatin1(Api::SessionPath),
                          compact(Api::signInRequest(login, password)), context,
                          [done](const BackendResponse &r) {
                              done(r, r.ok() ? Api::Session::fromJson(r.object()) : Api::Session());
                          });
}

QNetworkReply *RouterdClient::signOut(QObject *context, Plain done) const
{
    return m_client->send("DELETE", QString::fromLatin1(Api::SessionPath), {}, context,
                          std::move(done));
}

QNetworkReply *RouterdClient::setPassword(const QString &user, const QString &password,
                                          QObject *context, Plain done) const
{
    return m_client->send("PUT", Api::passwordPath(user),
                          compact(Api::passwordChange(QString(), password)), context,
                          std::move(done));
}

QNetworkReply *RouterdClient::revisions(QObject *context, Done<QList<Api::RevisionInfo>> done) const
{
    return m_client->get(
        QString::fromLatin1(Api::RevisionsPath), context, [done](const BackendResponse &r) {
            done(r, r.ok() ? Api::revisionsFromJson(QJsonDocument::fromJson(r.body).array())
                           : QList<Api::RevisionInfo>());
        });
}

QNetworkReply *RouterdClient::configuration(QObject *context, Plain done) const
{
    return m_client->get(QString::fromLatin1(Api::ConfigPath), context, std::move(done));
}

QNetworkReply *RouterdClient::revision(int revision, QObject *context, Plain done) const
{
    return m_client->get(Api::revisionPath(revision), context, std::move(done));
}

QNetworkReply *RouterdClient::inbox(const Api::InboxQuery &query, QObject *context,
                                    Done<Api::InboxPage> done) const
{
    return m_client->get(query.path(), context, [done](const BackendResponse &r) {
        done(r, r.ok() ? Api::InboxPage::fromJson(r.object()) : Api::InboxPage());
    });
}

QNetworkReply *RouterdClient::counts(const QList<Owner> &owners, QObject *context,
                                     Done<Api::InboxCounts> done) const
{
    return m_client->get(Api::countsPath(owners), context, [done](const BackendResponse &r) {
        done(r, r.ok() ? Api::InboxCounts::fromJson(r.object()) : Api::InboxCounts());
    });
}

QNetworkReply *RouterdClient::changeItem(const QString &id, const Api::InboxChange &change,
                                         QObject *context, Done<Api::InboxItem> done) const
{
    return m_client->send("PATCH", Api::itemPath(id), compact(change.toJson()), context,
                          [done](const BackendResponse &r) {
                              done(r, r.ok() ? Api::InboxItem::fromJson(r.object())
                                             : Api::InboxItem());
                          });
}

QNetworkReply *RouterdClient::deleteItem(const QString &id, QObject *context, Plain done) const
{
    return m_client->send("DELETE", Api::itemPath(id), {}, context, std::move(done));
}

QNetworkReply *RouterdClient::reply(const QString &id, const QString &body, QObject *context,
                                    Done<Api::ReplyResult> done) const
{
    return m_client->send("POST", Api::replyPath(id), compact(Api::replyRequest(body)), context,
                          [done](const BackendResponse &r) {
                              done(r, r.ok() ? Api::ReplyResult::fromJson(r.object())
                                             : Api::ReplyResult());
                          });
}

QNetworkReply *RouterdClient::replies(const QString &id, QObject *context,
                                      Done<QList<Api::Reply>> done) const
{
    return m_client->get(Api::repliesPath(id), context, [done](const BackendResponse &r) {
        done(r, r.ok() ? Api::repliesFromJson(r.object()) : QList<Api::Reply>());
    });
}

QNetworkReply *RouterdClient::retryReply(const QString &item, const QString &reply,
                                         QObject *context, Done<Api::Reply> done) const
{
    return m_client->send(
        "POST", Api::replyRetryPath(item, reply), {}, context, [done](const BackendResponse &r) {
            done(r, r.ok() ? Api::Reply::fromJson(r.object().value(u"reply").toObject())
                           : Api::Reply());
        });
}

QNetworkReply *RouterdClient::recording(const QString &item, QObject *context, Plain done) const
{
    return m_client->get(Api::recordingPath(item), context, std::move(done));
}

QNetworkReply *RouterdClient::carrierNumbers(QObject *context, Done<Api::CarrierNumbers> done) const
{
    return m_client->get(
        QString::fromLatin1(Api::CarrierNumbersPath), context, [done](const BackendResponse &r) {
            done(r, r.ok() ? Api::CarrierNumbers::fromJson(r.object()) : Api::CarrierNumbers());
        });
}

QNetworkReply *RouterdClient::wireNumbers(const QStringList &numbers, QObject *context,
                                          Done<Api::WireResult> done) const
{
    return m_client->send(
        "POST", QString::fromLatin1(Api::CarrierWirePath), compact(Api::wireRequest(numbers)),
        context, [done](const BackendResponse &r) {
            done(r, r.ok() ? Api::WireResult::fromJson(r.object()) : Api::WireResult());
        });
}

QNetworkReply *RouterdClient::presence(QObject *context,
                                       Done<QHash<QString, Api::Presence>> done) const
{
    return m_client->get(QString::fromLatin1(Api::PresencePath), context,
                         [done](const BackendResponse &r) {
                             done(r, r.ok() ? Api::presenceListFromJson(r.object())
                                            : QHash<QString, Api::Presence>());
                         });
}

QNetworkReply *RouterdClient::setPresence(const QString &user, const Api::PresenceChange &change,
                                          QObject *context, Done<Api::Presence> done) const
{
    return m_client->send("PUT", Api::presencePath(user), compact(change.toJson()), context,
                          [done](const BackendResponse &r) {
                              done(r,
                                   r.ok() ? Api::Presence::fromJson(r.object()) : Api::Presence());
                          });
}

} // namespace Switchboard
