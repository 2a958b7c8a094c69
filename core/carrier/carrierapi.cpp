#include "carrierapi.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

QByteArray formField(const QString &name, const QString &value)
{
    return QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
}

// The most pages of numbers read: a next_page_uri that never ends is not followed forever.
constexpr int MaxPages = 200;

} // namespace

bool CarrierAccount::isValidSid(const QString &sid)
{
    static const QRegularExpression pattern(u"^AC[0-9a-fA-F]{32}$"_s);
    return pattern.match(sid).hasMatch();
}

bool CarrierAccount::isApiHost(const QUrl &url) const
{
    return url.isValid() && url.scheme().compare(apiUrl.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(apiUrl.host(), Qt::CaseInsensitive) == 0 &&
           url.port(url.scheme() == u"https" ? 443 : 80) ==
               apiUrl.port(apiUrl.scheme() == u"https" ? 443 : 80) &&
           url.userInfo().isEmpty();
}

CarrierApi::CarrierApi(CarrierAccount account)
    : m_account(std::move(account))
{}

CarrierApi::~CarrierApi() = default;

QUrl CarrierApi::accountUrl(const QString &tail) const
{
    QUrl url = m_account.apiUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u"/2010-04-01/Accounts/"_s + m_account.sid + tail);
    return url;
}

CarrierApi::Result CarrierApi::request(const QByteArray &method, const QUrl &url,
                                       const QByteArray &form, qint64 maxBytes,
                                       bool withCredentials)
{
    Result result;
    if (withCredentials && !m_account.isApiHost(url)) {
        result.error = tr("%1 is not on the carrier's API host (%2): it is not asked, and no "
                          "credentials are sent there.")
                           .arg(url.toDisplayString(), m_account.apiUrl.host());
        return result;
    }
    // Made on first use, on the thread that uses it (the sender's, or a request's).
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest request(url);
    if (withCredentials) {
        const QByteArray credentials = m_account.sid.toLatin1() + ':' + m_account.authToken;
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_account.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy); // credentials stay on the host
    if (!form.isEmpty())
        request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, form);
    QEventLoop loop;
    bool tooLarge = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        if (received > maxBytes && !tooLarge) {
            tooLarge = true;
            reply->abort();
        }
    });
    if (!reply->isFinished())
        loop.exec();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.contentType = reply->rawHeader("Content-Type");
    const QByteArray location = reply->rawHeader("Location");
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString networkSentence = reply->errorString();
    delete reply;

    if (tooLarge) {
        result.outcome = Result::Refused;
        result.error = tr("The carrier's answer is larger than %1 MiB.").arg(maxBytes >> 20);
        return result;
    }
    if (result.status == 0) {
        result.outcome = Result::TryAgain;
        result.error =
            networkError == QNetworkReply::OperationCanceledError ||
                    networkError == QNetworkReply::TimeoutError
                ? tr("The carrier did not answer within %1 s.").arg(m_account.timeoutMs / 1000)
                : tr("The carrier cannot be reached: %1").arg(networkSentence);
        return result;
    }
    if (result.status >= 200 && result.status < 300) {
        if (networkError != QNetworkReply::NoError) {
            // Cut off after its headers: what came is not the whole of it.
            result.outcome = Result::TryAgain;
            result.error = tr("The carrier's answer was cut off: %1").arg(networkSentence);
            return result;
        }
        result.outcome = Result::Done;
        return result;
    }
    if (result.status >= 300 && result.status < 400 && method == "GET" && withCredentials &&
        !location.isEmpty()) {
        // A file the carrier keeps elsewhere (a storage host): asked there without the
        // account's credentials, once.
        const QUrl there = url.resolved(QUrl(QString::fromLatin1(location)));
        if (there.scheme() != u"https" && there.scheme() != url.scheme()) {
            result.error =
                tr("The carrier pointed to %1, which is not fetched.").arg(there.toDisplayString());
            return result;
        }
        return CarrierApi::request("GET", there, {}, maxBytes, false);
    }
    // Twilio's errors: {"code": 21211, "message": "...", "more_info": ..., "status": 400}.
    const QJsonObject problem = QJsonDocument::fromJson(result.body).object();
    const QString message = problem.value(u"message").toString();
    const int code = problem.value(u"code").toInt();
    result.error = message.isEmpty()
                       ? tr("The carrier answered HTTP %1.").arg(result.status)
                       : (code ? tr("%1 (carrier error %2)").arg(message).arg(code) : message);
    result.outcome =
        result.status == 429 || result.status >= 500 ? Result::TryAgain : Result::Refused;
    return result;
}

CarrierApi::Result CarrierApi::sendMessage(const QString &from, const QString &to,
                                           const QString &body, const QString &statusCallback)
{
    const QByteArray form = formField(u"From"_s, from) + '&' + formField(u"To"_s, to) + '&' +
                            formField(u"Body"_s, body) + '&' +
                            formField(u"StatusCallback"_s, statusCallback);
    Result r = request("POST", accountUrl(u"/Messages.json"_s), form, 1 << 20);
    if (r.ok()) {
        r.sid = QJsonDocument::fromJson(r.body).object().value(u"sid").toString();
        if (r.sid.isEmpty()) {
            // Taken, but without the sid that ties status callbacks to it: still sent.
            r.error = tr("The carrier took the message but gave no sid.");
        }
    }
    return r;
}

CarrierApi::Result CarrierApi::findMessages(const QString &from, const QString &to,
                                            const QString &body, const QDateTime &since,
                                            QStringList *sids)
{
    QUrl url = accountUrl(u"/Messages.json"_s);
    // Encoded by hand: a "+" in a query is a space to the carrier's form decoding. No date
    // filter: Twilio's DateSent leaves out what it took but has not sent yet, the very state
    // of a message whose answer timed out. Newest first, so the pages end where `since` is.
    const auto encoded = [](const QString &v) {
        return QString::fromLatin1(QUrl::toPercentEncoding(v));
    };
    url.setQuery(u"From=%1&To=%2&PageSize=100"_s.arg(encoded(from), encoded(to)),
                 QUrl::TolerantMode);
    // Clocks differ: a few minutes before `since` still counts.
    const QDateTime from2 = since.toUTC().addSecs(-300);
    Result r;
    for (int page = 0; page < 10; ++page) {
        r = request("GET", url, {}, 16 << 20);
        if (!r.ok())
            return r;
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        if (!o.value(u"messages").isArray()) {
            r.outcome = Result::TryAgain;
            r.error = tr("The carrier's list of messages cannot be read.");
            return r;
        }
        bool older = false;
        for (const QJsonValue &m : o.value(u"messages").toArray()) {
            const QDateTime created =
                QDateTime::fromString(m[u"date_created"].toString(), Qt::RFC2822Date);
            if (created.isValid() && created < from2) {
                older = true; // the rest are older still
                break;
            }
            if (m[u"body"].toString() == body && m[u"to"].toString() == to &&
                m[u"from"].toString() == from && !m[u"sid"].toString().isEmpty())
                sids->append(m[u"sid"].toString());
        }
        const QString next = o.value(u"next_page_uri").toString();
        if (older || next.isEmpty())
            return r;
        url = m_account.apiUrl.resolved(QUrl(next));
    }
    return r;
}

CarrierApi::Result CarrierApi::fetchRecording(const QString &recordingUrl, qint64 maxBytes)
{
    QUrl url(recordingUrl, QUrl::StrictMode);
    const QString path = url.path();
    if (!path.endsWith(u".mp3") && !path.endsWith(u".wav"))
        url.setPath(path + u".mp3"_s);
    return request("GET", url, {}, maxBytes);
}

std::optional<QList<Api::CarrierNumber>> CarrierApi::numbers(QString *error)
{
    QList<Api::CarrierNumber> list;
    QUrl url = accountUrl(u"/IncomingPhoneNumbers.json"_s);
    url.setQuery(u"PageSize=1000"_s);
    for (int page = 0; page < MaxPages; ++page) {
        const Result r = request("GET", url, {}, 16 << 20);
        if (!r.ok()) {
            *error = r.error;
            return std::nullopt;
        }
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        if (!o.value(u"incoming_phone_numbers").isArray()) {
            *error = tr("The carrier's list of numbers cannot be read.");
            return std::nullopt;
        }
        for (const QJsonValue &v : o.value(u"incoming_phone_numbers").toArray()) {
            Api::CarrierNumber n;
            n.number = v[u"phone_number"].toString();
            n.friendlyName = v[u"friendly_name"].toString();
            n.sid = v[u"sid"].toString();
            n.voiceUrl = v[u"voice_url"].toString();
            n.smsUrl = v[u"sms_url"].toString();
            n.voiceMethod = v[u"voice_method"].toString();
            n.smsMethod = v[u"sms_method"].toString();
            list.append(n);
        }
        // The next page's URI is a path on the same host (anything else is not followed).
        const QString next = o.value(u"next_page_uri").toString();
        if (next.isEmpty())
            return list;
        url = m_account.apiUrl.resolved(QUrl(next));
    }
    *error = tr("The carrier's list of numbers has more than %1 pages.").arg(MaxPages);
    return std::nullopt;
}

CarrierApi::Result CarrierApi::wireNumber(const QString &numberSid, const QString &voiceUrl,
                                          const QString &smsUrl)
{
    const QByteArray form =
        formField(u"VoiceUrl"_s, voiceUrl) + '&' + formField(u"VoiceMethod"_s, u"POST"_s) + '&' +
        formField(u"SmsUrl"_s, smsUrl) + '&' + formField(u"SmsMethod"_s, u"POST"_s);
    return request("POST",
                   accountUrl(u"/IncomingPhoneNumbers/"_s +
                              QString::fromLatin1(QUrl::toPercentEncoding(numberSid)) + u".json"_s),
                   form, 1 << 20);
}

} // namespace Switchboard
