#pragma once

// The carrier's REST API (Twilio's, 2010-04-01), played by the tests on loopback: what
// routerd sends replies, fetches recordings and wires numbers through. It answers from a
// thread of its own (routerd's HttpServer), so a test may wait however it likes. It checks
// basic auth (account SID, auth token) on every request, records every request, and fails on
// demand: a status for the next requests, down for a while, slow answers.

#include "routing/webhook.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <memory>

namespace Switchboard::Test {

inline const QString carrierAccountSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");

class FakeCarrier
{
public:
    explicit FakeCarrier(const QByteArray &authToken);
    ~FakeCarrier();

    // Listens on a free loopback port and serves; false with the reason.
    bool start(QString *error = nullptr);
    QString url() const; // http://127.0.0.1:PORT, for --carrier-api-url

    struct Request
    {
        QByteArray method;
        QString path; // decoded
        QUrlQuery query;
        FormParams form; // a POST's fields, in the order sent
        bool authorized = false;
        bool sentCredentials = false; // any Authorization header at all
        int status = 0;               // what it answered
        QString sid;                  // a message it took: the sid it gave
        QDateTime at;                 // when it was answered

        QString field(const QString &name) const;
    };
    QList<Request> requests() const;
    // The messages it took (POST Messages.json answered 201), in order.
    QList<Request> messages() const;
    int messageCount() const { return int(messages().size()); }

    // --- the account ---
    struct Number
    {
        QString sid, number, friendlyName, voiceUrl, smsUrl, voiceMethod, smsMethod;
    };
    QString addNumber(const QString &number, const QString &friendlyName,
                      const QString &voiceUrl = {}, const QString &smsUrl = {});
    QList<Number> numbers() const;
    void setPageSize(int size); // IncomingPhoneNumbers.json's pages (default 50)

    // A recording at `path` (as in a RecordingUrl, without .mp3): its bytes when asked for
    // path + ".mp3".
    void addRecording(const QString &path, const QByteArray &bytes,
                      const QByteArray &contentType = "audio/mpeg");
    // path + ".mp3" answers 302 to `location` (a storage host, as carriers keep files).
    void redirectRecording(const QString &path, const QString &location);
    // A file anyone may fetch, without credentials (the storage host's side).
    void addPublicFile(const QString &path, const QByteArray &bytes,
                       const QByteArray &contentType = "audio/mpeg");

    // --- failing on demand ---
    // The next `count` message posts answer `status` with `body` (a 4xx default: Twilio's
    // error JSON with code 21211 and its message).
    void failMessages(int status, int count = 1, const QByteArray &body = {});
    // Every request answers 503 while down.
    void setDown(bool down);
    // Every answer waits this long first.
    void setDelay(std::chrono::milliseconds delay);
    // Messages.json lists all but the newest `count` messages taken (a list lagging behind).
    void setListLag(int count);

    static inline const QString invalidNumberMessage =
        QStringLiteral("The 'To' number +15005550001 is not a valid phone number.");

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Switchboard::Test
