#include "fakecarrier.h"

#include "server/httpserver.h"
#include "server/signature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace Switchboard::Test {

namespace {

QString carrierId(const char *prefix)
{
    return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

HttpResponse jsonAnswer(int status, const QJsonObject &o)
{
    return {status, "application/json", QJsonDocument(o).toJson(QJsonDocument::Compact), {}};
}

HttpResponse twilioError(int status, int code, const QString &message)
{
    return jsonAnswer(status,
                      {{u"code"_s, code},
                       {u"message"_s, message},
                       {u"more_info"_s, u"https://www.twilio.com/docs/errors/%1"_s.arg(code)},
                       {u"status"_s, status}});
}

} // namespace

struct FakeCarrier::Private
{
    QByteArray expectedAuth;
    std::unique_ptr<HttpServer> server;
    std::thread thread;

    mutable std::mutex mutex;
    QList<Request> requests;
    QList<Number> numbers;
    int pageSize = 50;
    QHash<QString, std::pair<QByteArray, QByteArray>> recordings;
    QHash<QString, QString> redirects;
    QHash<QString, std::pair<QByteArray, QByteArray>> publicFiles;
    int failCount = 0;
    int failStatus = 0;
    QByteArray failBody;
    bool down = false;
    int listLag = 0;
    std::chrono::milliseconds delay{0};

    QJsonObject numberJson(const Number &n) const
    {
        return {{u"sid"_s, n.sid},
                {u"phone_number"_s, n.number},
                {u"friendly_name"_s, n.friendlyName},
                {u"voice_url"_s, n.voiceUrl},
                {u"sms_url"_s, n.smsUrl},
                {u"voice_method"_s, n.voiceMethod},
                {u"sms_method"_s, n.smsMethod},
                {u"account_sid"_s, carrierAccountSid}};
    }

    HttpResponse answer(const HttpRequest &request)
    {
        Request r;
        r.method = request.methodName;
        r.path = request.path();
        r.query = request.query();
        if (request.method == HttpRequest::Method::Post)
            r.form = WebhookSignature::parseForm(request.body);
        r.authorized = request.header("Authorization") == expectedAuth;
        r.sentCredentials = !request.header("Authorization").isEmpty();
        std::chrono::milliseconds wait;
        {
            const std::lock_guard lock(mutex);
            wait = delay;
        }
        if (wait.count() > 0)
            std::this_thread::sleep_for(wait);
        const std::lock_guard lock(mutex);
        r.at = QDateTime::currentDateTimeUtc();
        HttpResponse response = route(r);
        r.status = response.status;
        requests.append(r);
        return response;
    }

    HttpResponse route(Request &r) // gives a message taken its sid
    {
        if (r.method == "GET") {
            const auto file = publicFiles.constFind(r.path);
            if (file != publicFiles.cend())
                return {200, file->second, file->first, {}};
        }
        if (!r.authorized)
            return twilioError(401, 20003, u"Authenticate"_s);
        if (down)
            return twilioError(503, 20503, u"Service unavailable"_s);
        const QString account = u"/2010-04-01/Accounts/"_s + carrierAccountSid;
        if (r.path == account + u"/Messages.json" && r.method == "POST") {
            if (failCount > 0) {
                --failCount;
                if (!failBody.isEmpty())
                    return {failStatus, "application/json", failBody, {}};
                if (failStatus >= 400 && failStatus < 500 && failStatus != 429)
                    return twilioError(failStatus, 21211, invalidNumberMessage);
                return twilioError(failStatus, 20500, u"Internal Server Error"_s);
            }
            r.sid = carrierId("SM");
            return jsonAnswer(201, {{u"sid"_s, r.sid},
                                    {u"status"_s, u"queued"_s},
                                    {u"to"_s, r.field(u"To"_s)},
                                    {u"from"_s, r.field(u"From"_s)},
                                    {u"body"_s, r.field(u"Body"_s)},
                                    {u"account_sid"_s, carrierAccountSid}});
        }
        if (r.path == account + u"/Messages.json" && r.method == "GET") {
            // The messages taken, filtered by From and To as Twilio does.
            const QString from = r.query.queryItemValue(u"From"_s, QUrl::FullyDecoded);
            const QString to = r.query.queryItemValue(u"To"_s, QUrl::FullyDecoded);
            QJsonArray list; // newest first, as Twilio lists them
            int hidden = listLag;
            for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
                const Request &m = *it;
                if (m.method != "POST" || !m.path.endsWith(u"/Messages.json") || m.status != 201)
                    continue;
                if (hidden > 0) {
                    --hidden;
                    continue;
                }
                if ((!from.isEmpty() && m.field(u"From"_s) != from) ||
                    (!to.isEmpty() && m.field(u"To"_s) != to))
                    continue;
                list.append(QJsonObject{{u"sid"_s, m.sid},
                                        {u"from"_s, m.field(u"From"_s)},
                                        {u"to"_s, m.field(u"To"_s)},
                                        {u"body"_s, m.field(u"Body"_s)},
                                        {u"date_created"_s, m.at.toString(Qt::RFC2822Date)}});
            }
            return jsonAnswer(200, {{u"messages"_s, list}, {u"next_page_uri"_s, QJsonValue()}});
        }
        if (r.path == account + u"/IncomingPhoneNumbers.json" && r.method == "GET") {
            const int page = r.query.queryItemValue(u"Page"_s).toInt();
            const int size = r.query.hasQueryItem(u"PageSize"_s)
                                 ? qMin(r.query.queryItemValue(u"PageSize"_s).toInt(), pageSize)
                                 : pageSize;
            QJsonArray list;
            for (qsizetype i = qsizetype(page) * size; i < numbers.size() && list.size() < size;
                 ++i)
                list.append(numberJson(numbers.at(i)));
            const bool more = qsizetype(page + 1) * size < numbers.size();
            return jsonAnswer(
                200, {{u"incoming_phone_numbers"_s, list},
                      {u"page"_s, page},
                      {u"page_size"_s, size},
                      {u"next_page_uri"_s,
                       more ? QJsonValue(
                                  account +
                                  u"/IncomingPhoneNumbers.json?PageSize=%1&Page=%2&PageToken=PT%3"_s
                                      .arg(size)
                                      .arg(page + 1)
                                      .arg(page + 1))
                            : QJsonValue()}});
        }
        static const QRegularExpression numberPath(
            uR"(^/2010-04-01/Accounts/(\w+)/IncomingPhoneNumbers/(\w+)\.json$)"_s);
        if (const auto m = numberPath.match(r.path); m.hasMatch() && r.method == "POST") {
            for (Number &n : numbers) {
                if (n.sid != m.captured(2))
                    continue;
                const auto set = [&](const QString &field, QString *value) {
                    for (const auto &[k, v] : r.form) {
                        if (k == field)
                            *value = v;
                    }
                };
                set(u"VoiceUrl"_s, &n.voiceUrl);
                set(u"SmsUrl"_s, &n.smsUrl);
                set(u"VoiceMethod"_s, &n.voiceMethod);
                set(u"SmsMethod"_s, &n.smsMethod);
                return jsonAnswer(200, numberJson(n));
            }
            return twilioError(404, 20404, u"The requested resource was not found"_s);
        }
        if (r.method == "GET" && r.path.endsWith(u".mp3") && redirects.contains(r.path.chopped(4)))
            return {
                302, "text/plain", {}, {{"Location", redirects.value(r.path.chopped(4)).toUtf8()}}};
        if (r.method == "GET" && r.path.endsWith(u".mp3")) {
            const auto it = recordings.constFind(r.path.chopped(4));
            if (it != recordings.cend())
                return {200, it->second, it->first, {}};
        }
        return twilioError(404, 20404, u"The requested resource was not found"_s);
    }
};

QString FakeCarrier::Request::field(const QString &name) const
{
    for (const auto &[k, v] : form) {
        if (k == name)
            return v;
    }
    return {};
}

FakeCarrier::FakeCarrier(const QByteArray &authToken)
    : d(std::make_unique<Private>())
{
    const QByteArray credentials = carrierAccountSid.toLatin1() + ':' + authToken;
    d->expectedAuth = "Basic " + credentials.toBase64();
}

FakeCarrier::~FakeCarrier()
{
    if (d->server) {
        d->server->stop();
        if (d->thread.joinable())
            d->thread.join();
    }
}

bool FakeCarrier::start(QString *error)
{
    HttpServer::Limits limits;
    limits.bodyLimit = [](HttpRequest::Method, const QByteArray &) -> std::uint64_t {
        return 1024 * 1024;
    };
    limits.requestTimeout = std::chrono::seconds(30);
    Private *p = d.get();
    d->server = std::make_unique<HttpServer>(limits, [p]() -> HttpServer::Handler {
        return [p](const HttpRequest &request) { return p->answer(request); };
    });
    QString why;
    if (!d->server->listen(u"127.0.0.1"_s, 0, &why)) {
        if (error)
            *error = why;
        return false;
    }
    // Several threads, so that a slow answer does not hold up the others.
    d->thread = std::thread([p] { p->server->run(4, false); });
    return true;
}

QString FakeCarrier::url() const
{
    return u"http://"_s + d->server->address();
}

QList<FakeCarrier::Request> FakeCarrier::requests() const
{
    const std::lock_guard lock(d->mutex);
    return d->requests;
}

QList<FakeCarrier::Request> FakeCarrier::messages() const
{
    QList<Request> list;
    for (const Request &r : requests()) {
        if (r.method == "POST" && r.path.endsWith(u"/Messages.json") && r.status == 201)
            list.append(r);
    }
    return list;
}

QString FakeCarrier::addNumber(const QString &number, const QString &friendlyName,
                               const QString &voiceUrl, const QString &smsUrl)
{
    const std::lock_guard lock(d->mutex);
    Number n{carrierId("PN"), number, friendlyName, voiceUrl, smsUrl, u"POST"_s, u"POST"_s};
    d->numbers.append(n);
    return n.sid;
}

QList<FakeCarrier::Number> FakeCarrier::numbers() const
{
    const std::lock_guard lock(d->mutex);
    return d->numbers;
}

void FakeCarrier::setPageSize(int size)
{
    const std::lock_guard lock(d->mutex);
    d->pageSize = size;
}

void FakeCarrier::addRecording(const QString &path, const QByteArray &bytes,
                               const QByteArray &contentType)
{
    const std::lock_guard lock(d->mutex);
    d->recordings.insert(path, {bytes, contentType});
}

void FakeCarrier::redirectRecording(const QString &path, const QString &location)
{
    const std::lock_guard lock(d->mutex);
    d->redirects.insert(path, location);
}

void FakeCarrier::addPublicFile(const QString &path, const QByteArray &bytes,
                                const QByteArray &contentType)
{
    const std::lock_guard lock(d->mutex);
    d->publicFiles.insert(path, {bytes, contentType});
}

void FakeCarrier::failMessages(int status, int count, const QByteArray &body)
{
    const std::lock_guard lock(d->mutex);
    d->failStatus = status;
    d->failCount = count;
    d->failBody = body;
}

void FakeCarrier::setDown(bool down)
{
    const std::lock_guard lock(d->mutex);
    d->down = down;
}

void FakeCarrier::setListLag(int count)
{
    const std::lock_guard lock(d->mutex);
    d->listLag = count;
}

void FakeCarrier::setDelay(std::chrono::milliseconds delay)
{
    const std::lock_guard lock(d->mutex);
    d->delay = delay;
}

} // namespace Switchboard::Test
