#pragma once

// A routerd over HTTP as its two kinds of peers use it: the carrier (signed webhooks, and a
// Carrier that walks calls and texts request by request) and the console (the admin API with
// the admin token, pushes with If-Match).

#include "carrier.h"
#include "httpclient.h"
#include "routerdprocess.h"
#include "server/signature.h"

#include <QJsonArray>

namespace Switchboard::Test {

using namespace Qt::StringLiterals;

// The carrier and the console, talking to one backend.
class RouterdPeer
{
public:
    explicit RouterdPeer(const QString &base)
        : m_base(base)
    {}

    Headers admin(const Headers &more = {}) const
    {
        return Headers{{"Authorization", "Bearer " + adminToken}} + more;
    }
    HttpReply get(const QString &path) { return m_http.send("GET", m_base + path, {}, admin()); }
    HttpReply api(const QByteArray &method, const QString &path, const QByteArray &body = {},
                  const Headers &more = {})
    {
        return m_http.send(method, m_base + path, body, admin(more));
    }
    int healthz() { return m_http.send("GET", m_base + u"/healthz"_s).status; }
    int revision()
    {
        return m_http.send("GET", m_base + u"/healthz"_s).object().value(u"revision").toInt(-1);
    }
    // Pushes as the console does: If-Match the revision it last saw. Returns the new one.
    int push(const QByteArray &document)
    {
        const int current = revision();
        const HttpReply r = api(
            "PUT", u"/api/v1/config"_s, document,
            current ? Headers{{"If-Match", '"' + QByteArray::number(current) + '"'}} : Headers{});
        if (r.status != 200) {
            qWarning("push refused: %s", qPrintable(r.describe()));
            return -1;
        }
        return r.object().value(u"revision").toInt();
    }

    // A signed webhook, as the carrier sends it.
    HttpReply webhook(const QString &url, const FormParams &params,
                      const QByteArray &token = carrierToken)
    {
        return m_http.send("POST", url, formEncode(params),
                           {{"Content-Type", "application/x-www-form-urlencoded"},
                            {"X-Twilio-Signature", WebhookSignature::compute(token, url, params)}});
    }
    QNetworkReply *startWebhook(const QString &url, const FormParams &params)
    {
        return m_http.start(
            "POST", url, formEncode(params),
            {{"Content-Type", "application/x-www-form-urlencoded"},
             {"X-Twilio-Signature", WebhookSignature::compute(carrierToken, url, params)}});
    }

    // A carrier whose every request is signed and must be answered with TwiML.
    Carrier carrier()
    {
        return Carrier(m_base, [this](const QString &url, const FormParams &params) {
            const HttpReply r = webhook(url, params);
            if (r.status != 200 || r.header("Content-Type") != "text/xml; charset=utf-8")
                return r.describe().toUtf8();
            return r.body;
        });
    }

    QJsonArray inbox(const QString &query)
    {
        return get(u"/api/v1/inbox?"_s + query).object().value(u"items").toArray();
    }
    QJsonArray events(const QString &kind)
    {
        return get(u"/api/v1/events?kind="_s + kind).object().value(u"events").toArray();
    }

    QString base() const { return m_base; }
    Http &http() { return m_http; }

private:
    QString m_base;
    Http m_http;
};

} // namespace Switchboard::Test
