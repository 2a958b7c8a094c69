#pragma once

// Plain HTTP for the backend's tests: a request over loopback, waited for, and its answer
// (status, headers, body); and a form body as the carrier sends one.

#include "carrier.h"

#include <QByteArray>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

namespace Switchboard::Test {

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QString describe() const
    {
        return QStringLiteral("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(400)));
    }
};

using Headers = QList<std::pair<QByteArray, QByteArray>>;

class Http
{
public:
    Http() { m_nam.setProxy(QNetworkProxy::NoProxy); }

    QNetworkReply *start(const QByteArray &method, const QString &url, const QByteArray &body = {},
                         const Headers &headers = {})
    {
        QNetworkRequest request{QUrl(url)};
        for (const auto &[k, v] : headers)
            request.setRawHeader(k, v);
        if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
            request.setRawHeader("Content-Type", "application/json");
        return m_nam.sendCustomRequest(request, method, body);
    }

    static HttpReply finish(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(20000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        HttpReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return r;
    }

    HttpReply send(const QByteArray &method, const QString &url, const QByteArray &body = {},
                   const Headers &headers = {})
    {
        return finish(start(method, url, body, headers));
    }

private:
    QNetworkAccessManager m_nam;
};

inline QByteArray formEncode(const FormParams &params)
{
    QByteArrayList parts;
    for (const auto &[name, value] : params)
        parts.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    return parts.join('&');
}

} // namespace Switchboard::Test
