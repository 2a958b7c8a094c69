#pragma once

// The console's and switchboardctl's side of switchboard-routerd's admin API (core/server/API.md):
// one asynchronous request per call, bearer token, TLS with the system's certificate
// authorities plus an optional one of the user's. What goes wrong becomes one sentence a
// person understands (unreachable, certificate not trusted, token refused, ...).

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkReply;

namespace Switchboard {

struct BackendSettings
{
    QUrl url;         // http(s)://host:port, without /api
    QByteArray token; // a session's token, or the admin token
    QString caFile;   // a PEM file of certificate authorities to trust besides the system's
    QString login;    // the user id the session is of; empty for the admin token

    bool isConfigured() const { return url.isValid() && !url.host().isEmpty(); }
};

struct BackendResponse
{
    enum Failure
    {
        None,
        Unreachable, // no answer: refused, timed out, name unknown, ...
        Tls,         // the certificate is not trusted or does not match
        Refused,     // 401: the token is not (or no longer) taken: sign in again
        Forbidden,   // 403: taken, but this person's role does not allow the request
        Http,        // any other error status
        NotABackend  // answered, but not as switchboard-routerd does
    };
    int status = 0;
    Failure failure = None;
    QString error; // a sentence, when failure != None
    QByteArray body;
    QByteArray etag;
    QByteArray contentType;

    bool ok() const { return failure == None; }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    // The revision in an ETag ("3" or W/"3"), or -1.
    int etagRevision() const;
};

class BackendClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const BackendResponse &)>;

    explicit BackendClient(QObject *parent = nullptr);

    void setSettings(const BackendSettings &settings);
    const BackendSettings &settings() const { return m_settings; }
    bool isConfigured() const { return m_settings.isConfigured(); }
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

    // Sends a request to `path` (with its query) and calls `done` with the reply, unless
    // `context` is gone by then. Returns the request, to abort it.
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body,
                        QObject *context, Callback done,
                        const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    QNetworkReply *get(const QString &path, QObject *context, Callback done)
    {
        return send("GET", path, {}, context, std::move(done));
    }
    // PUT /api/v1/config with If-Match: the revision this document was based on (0: none).
    QNetworkReply *putConfig(const QByteArray &document, int basedOn, QObject *context,
                             Callback done);

    // The same, waiting for the answer (switchboardctl, tests).
    BackendResponse sendAndWait(const QByteArray &method, const QString &path,
                                const QByteArray &body = {},
                                const QList<std::pair<QByteArray, QByteArray>> &headers = {});

    // Reads the CA file; false (and `error`) when it holds no certificate.
    static bool checkCaFile(const QString &path, QString *error);

private:
    BackendResponse finish(QNetworkReply *reply, const QStringList &tlsErrors) const;

    QNetworkAccessManager m_network;
    BackendSettings m_settings;
    int m_timeout = 15000;
};

// Sentences for the replies' failures.
class BackendMessages
{
    Q_DECLARE_TR_FUNCTIONS(BackendMessages)

public:
    static QString unreachable(const QUrl &url, const QString &why);
    static QString untrusted(const QUrl &url, const QStringList &why);
    static QString refused(const QUrl &url, const QString &sentence);
    static QString notABackend(const QUrl &url, int status);
    static QString status(int status, const QString &sentence);
};

} // namespace Switchboard
