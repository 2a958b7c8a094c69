#pragma once

// One HTTP request and its response as routerd's handlers see them, apart from the wire
// (httpserver.h reads and writes them, bounded and timed).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace Switchboard {

struct HttpRequest
{
    enum class Method
    {
        Get,
        Head,
        Post,
        Put,
        Patch,
        Delete,
        Other
    };
    Method method = Method::Get;
    QByteArray methodName;                            // as sent, for the log
    QByteArray target;                                // path and query, as sent
    QList<std::pair<QByteArray, QByteArray>> headers; // in the order sent
    QByteArray body;

    // The first header of that name (names are case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
    // The target as a URL (path decoded by url().path(), the query as sent).
    QUrl url() const { return QUrl::fromEncoded(target, QUrl::StrictMode); }
    QString path() const { return url().path(); }
    QUrlQuery query() const { return QUrlQuery(url()); }
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

// {"error": sentence}, the shape of every refusal.
HttpResponse problemResponse(int status, const QString &sentence);

} // namespace Switchboard
