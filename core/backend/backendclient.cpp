#include "backendclient.h"

#include "api/vocabulary.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

using namespace Qt::StringLiterals;

namespace Switchboard {

int BackendResponse::etagRevision() const
{
    QByteArray tag = etag.trimmed();
    if (tag.startsWith("W/"))
        tag = tag.mid(2);
    if (tag.size() >= 2 && tag.startsWith('"') && tag.endsWith('"'))
        tag = tag.mid(1, tag.size() - 2);
    bool ok = false;
    const int revision = tag.toInt(&ok);
    return ok ? revision : -1;
}

BackendClient::BackendClient(QObject *parent)
    : QObject(parent)
{
    // A redirect is followed only within the backend's own origin (scheme, host and port):
    // the admin token must never travel to another server or port.
    m_network.setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
}

void BackendClient::setSettings(const BackendSettings &settings)
{
    m_settings = settings;
    // Connections made with other settings (another CA) must not be reused.
    m_network.clearConnectionCache();
}

bool BackendClient::checkCaFile(const QString &path, QString *error)
{
    if (path.isEmpty())
        return true;
    if (QSslCertificate::fromPath(path, QSsl::Pem).isEmpty() &&
        QSslCertificate::fromPath(path, QSsl::Der).isEmpty()) {
        *error = BackendMessages::tr("%1 holds no certificate (PEM or DER).").arg(path);
        return false;
    }
    return true;
}

QNetworkReply *BackendClient::send(const QByteArray &method, const QString &path,
                                   const QByteArray &body, QObject *context, Callback done,
                                   const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_settings.url;
    const qsizetype query = path.indexOf(u'?');
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeout);
    if (!m_settings.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_settings.token);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/json");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (url.scheme() == u"https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_settings.caFile.isEmpty()) {
            QList<QSslCertificate> cas = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
            if (cas.isEmpty())
                cas = QSslCertificate::fromPath(m_settings.caFile, QSsl::Der);
            tls.addCaCertificates(cas);
        }
        request.setSslConfiguration(tls);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::redirected, reply, [reply, url](const QUrl &to) {
        const QUrl next = url.resolved(to);
        if (next.scheme() == url.scheme() && next.host() == url.host() &&
            next.port(url.scheme() == u"https" ? 443 : 80) ==
                url.port(url.scheme() == u"https" ? 443 : 80))
            emit reply->redirectAllowed();
        else
            reply->abort();
    });
    // Certificate problems are collected and reported, never ignored.
    auto tlsErrors = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, reply, [tlsErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            tlsErrors->append(e.errorString());
    });
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, reply, [this, reply, tlsErrors, guard, done] {
        reply->deleteLater();
        const BackendResponse result = finish(reply, *tlsErrors);
        if (guard)
            done(result);
    });
    return reply;
}

QNetworkReply *BackendClient::putConfig(const QByteArray &document, int basedOn, QObject *context,
                                        Callback done)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (basedOn > 0)
        headers.append({"If-Match", '"' + QByteArray::number(basedOn) + '"'});
    return send("PUT", QString::fromLatin1(Api::ConfigPath), document, context, std::move(done),
                headers);
}

BackendResponse BackendClient::sendAndWait(const QByteArray &method, const QString &path,
                                           const QByteArray &body,
                                           const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    BackendResponse result;
    QEventLoop loop;
    send(
        method, path, body, &loop,
        [&](const BackendResponse &r) {
            result = r;
            loop.quit();
        },
        headers);
    loop.exec();
    return result;
}

BackendResponse BackendClient::finish(QNetworkReply *reply, const QStringList &tlsErrors) const
{
    BackendResponse r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        r.body = reply->readAll();
    r.etag = reply->rawHeader("ETag");
    r.contentType = reply->rawHeader("Content-Type");
    const QUrl url = m_settings.url;
    if (!tlsErrors.isEmpty()) {
        r.failure = BackendResponse::Tls;
        r.error = BackendMessages::untrusted(url, tlsErrors);
        return r;
    }
    if (r.status == 0) {
        r.failure = reply->error() == QNetworkReply::SslHandshakeFailedError
                        ? BackendResponse::Tls
                        : BackendResponse::Unreachable;
        r.error = r.failure == BackendResponse::Tls
                      ? BackendMessages::untrusted(url, {reply->errorString()})
                      : BackendMessages::unreachable(url, reply->errorString());
        return r;
    }
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const bool json = type.startsWith("application/json");
    if (r.status == 401) {
        r.failure = BackendResponse::Refused;
        r.error =
            BackendMessages::refused(url, json ? r.object().value(u"error").toString() : QString());
    } else if (r.status == 403 && json) {
        // The role's limit, in routerd's words, and what a refused push may not change.
        r.failure = BackendResponse::Forbidden;
        r.error = r.object().value(u"error").toString();
        QStringList paths;
        for (const QJsonValue &p : r.object().value(u"paths").toArray())
            paths.append(p.toString());
        if (!paths.isEmpty())
            r.error += u" ("_s + paths.join(u", "_s) + u')';
        if (r.error.isEmpty())
            r.error = BackendMessages::status(r.status, {});
    } else if (r.status >= 400) {
        const QString sentence = json ? r.object().value(u"error").toString() : QString();
        r.failure = json ? BackendResponse::Http : BackendResponse::NotABackend;
        r.error = json ? BackendMessages::status(r.status, sentence)
                       : BackendMessages::notABackend(url, r.status);
    } else if (r.status != 204 && !json) {
        r.failure = BackendResponse::NotABackend;
        r.error = BackendMessages::notABackend(url, r.status);
    }
    return r;
}

QString BackendMessages::unreachable(const QUrl &url, const QString &why)
{
    return tr("The backend at %1 is unreachable: %2").arg(url.toDisplayString(), why);
}

QString BackendMessages::untrusted(const QUrl &url, const QStringList &why)
{
    return tr("The backend at %1 has a certificate this computer does not trust: %2. If it "
              "uses your own certificate authority, give its certificate file in the backend "
              "settings.")
        .arg(url.toDisplayString(), why.join(u"; "_s));
}

QString BackendMessages::refused(const QUrl &url, const QString &sentence)
{
    return tr("The backend at %1 did not accept these credentials: %2")
        .arg(url.toDisplayString(), sentence.isEmpty() ? tr("sign in again.") : sentence);
}

QString BackendMessages::notABackend(const QUrl &url, int status)
{
    return tr("%1 answered (HTTP %2), but not as a Switchboard backend does. Is the URL right?")
        .arg(url.toDisplayString())
        .arg(status);
}

QString BackendMessages::status(int status, const QString &sentence)
{
    return sentence.isEmpty() ? tr("The backend answered HTTP %1.").arg(status)
                              : tr("The backend answered HTTP %1: %2").arg(status).arg(sentence);
}

} // namespace Switchboard
