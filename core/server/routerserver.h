#pragma once

// switchboard-routerd's HTTP side (core/server/API.md): the carrier's webhooks (signed, answered with
// TwiML by the routing engine, idempotent on retries) and the admin and inbox API (bearer
// token, JSON). Requests are handled one at a time in the event loop; the state lives in the
// database, so several of these can share one PostgreSQL.

#include "model/organization.h"
#include "server/signature.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerRequest>
#include <QTcpServer>

#include <memory>

namespace Switchboard {

class RouterStore;
struct InboxItem;

class RouterServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    struct Options
    {
        QString publicUrl; // how the carrier reaches us; action URLs and signatures use it
        QByteArray adminToken;
        QByteArray carrierToken;
        bool logRequests = true;
    };

    RouterServer(RouterStore &store, Options options, QObject *parent = nullptr);
    ~RouterServer() override;

    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    // What the server answers to `request` (the HTTP plumbing aside); public for tests.
    Response respond(const QHttpServerRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Response webhook(const QHttpServerRequest &request);
    Response api(const QHttpServerRequest &request, const QString &path);
    Response putConfig(const QHttpServerRequest &request);
    Response validateConfig(const QHttpServerRequest &request);
    Response inbox(const QHttpServerRequest &request);
    Response patchItem(const QString &id, const QByteArray &body);
    Response inboxCounts(const QHttpServerRequest &request);
    Response replyTo(const InboxItem &item, const QByteArray &body);
    Response presence();
    Response putPresence(const QString &user, const QByteArray &body);
    std::shared_ptr<const Organization> configuration(int revision);

    RouterStore &m_store;
    Options m_options;
    QByteArray m_publicUrl; // m_options.publicUrl in UTF-8, for signatures
    QHash<int, std::shared_ptr<const Organization>> m_configs; // parsed revisions
};

// Connections whose answers leave at once (TCP_NODELAY): with Nagle's algorithm, a reply
// on a kept-alive connection can wait for the client's delayed acknowledgement (40 ms).
class LowDelayTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override;
};

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);

} // namespace Switchboard
