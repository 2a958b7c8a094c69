// The backend client's care with the admin token: a redirect is followed within the
// backend's own origin only, so the token never reaches another server or port.

#include "backend/backendclient.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {

// A one-answer-per-request HTTP server on loopback that keeps what it was sent.
class TinyServer : public QObject
{
public:
    explicit TinyServer(std::function<QByteArray(const QByteArray &request)> answer)
        : m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    if (!m_buffers[socket].contains("\r\n\r\n"))
                        return;
                    requests.append(m_buffers.take(socket));
                    socket->write(m_answer(requests.last()));
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QString base() const { return u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()); }
    QList<QByteArray> requests;

private:
    QTcpServer m_server;
    std::function<QByteArray(const QByteArray &)> m_answer;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray redirectTo(const QString &location)
{
    return "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + location.toUtf8() +
           "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

const QByteArray okAnswer =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
    "Connection: close\r\n\r\n{}";

} // namespace

class TestBackendClient : public QObject
{
    Q_OBJECT

private slots:
    void aRedirectToAnotherPortIsNotFollowed();
    void aRedirectWithinTheBackendIsFollowedWithTheToken();
};

void TestBackendClient::aRedirectToAnotherPortIsNotFollowed()
{
    TinyServer elsewhere([](const QByteArray &) { return okAnswer; });
    TinyServer backend(
        [&](const QByteArray &) { return redirectTo(elsewhere.base() + u"/steal"_s); });
    BackendClient client;
    client.setTimeout(5000);
    client.setSettings({QUrl(backend.base()), "secret-token", {}, {}});
    const BackendResponse r = client.sendAndWait("GET", u"/api/v1/events"_s);
    QVERIFY(!r.ok());
    QCOMPARE(backend.requests.size(), 1);
    QVERIFY(backend.requests.first().contains("Authorization: Bearer secret-token"));
    // Nothing at all reached the other port, let alone the token.
    QVERIFY(elsewhere.requests.isEmpty());
}

void TestBackendClient::aRedirectWithinTheBackendIsFollowedWithTheToken()
{
    TinyServer backend([](const QByteArray &request) {
        return request.startsWith("GET /api/v1/old ") ? redirectTo(u"/api/v1/new"_s) : okAnswer;
    });
    BackendClient client;
    client.setTimeout(5000);
    client.setSettings({QUrl(backend.base()), "secret-token", {}, {}});
    const BackendResponse r = client.sendAndWait("GET", u"/api/v1/old"_s);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(backend.requests.size(), 2);
    QVERIFY(backend.requests.at(1).startsWith("GET /api/v1/new "));
    QVERIFY(backend.requests.at(1).contains("Authorization: Bearer secret-token"));
}

QTEST_GUILESS_MAIN(TestBackendClient)
#include "tst_backendclient.moc"
