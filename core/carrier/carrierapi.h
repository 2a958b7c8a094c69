#pragma once

// The carrier's REST API (Twilio's, version 2010-04-01), as routerd uses it: send a text,
// fetch a recording, list the account's numbers and point them at routerd. Each call waits
// for its answer (routerd calls it from its sender thread and its request threads, each with
// an instance of its own) and says what became of it: done, worth trying again (429, 5xx, no
// answer), or refused for good (any other 4xx, with the carrier's own sentence). The
// credentials (account SID, auth token) are only ever sent to the API's own host.

#include "api/vocabulary.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace Switchboard {

struct CarrierAccount
{
    QString sid;          // AC + 32 hex digits
    QByteArray authToken; // the one that also signs the webhooks
    QUrl apiUrl{QStringLiteral("https://api.twilio.com")};
    int timeoutMs = 30000; // without a byte for this long, a request is given up

    bool isConfigured() const { return !sid.isEmpty(); }
    static bool isValidSid(const QString &sid);
    // Whether `url` is on the API's own scheme, host and port (where credentials may go).
    bool isApiHost(const QUrl &url) const;
};

class CarrierApi
{
    Q_DECLARE_TR_FUNCTIONS(Switchboard::CarrierApi)

public:
    explicit CarrierApi(CarrierAccount account);
    ~CarrierApi();
    CarrierApi(const CarrierApi &) = delete;
    CarrierApi &operator=(const CarrierApi &) = delete;

    struct Result
    {
        enum Outcome
        {
            Done,
            TryAgain, // 429, 5xx, no answer: nothing was refused
            Refused   // any other 4xx, or an answer that cannot be used
        };
        Outcome outcome = Refused;
        int status = 0; // 0: no answer
        QByteArray body;
        QByteArray contentType;
        QString error; // a sentence, the carrier's own words where it gave some
        QString sid;   // Messages.json: the message's sid

        bool ok() const { return outcome == Done; }
    };

    // POST Messages.json.
    Result sendMessage(const QString &from, const QString &to, const QString &body,
                       const QString &statusCallback);
    // The messages the account sent from `from` to `to` with `body` since about `since`:
    // their sids in `sids` (none found: empty), or an outcome other than Done when the carrier
    // could not be asked. A reply tried before may have been taken although its answer was
    // lost (a timeout): it is looked for before it is posted again.
    Result findMessages(const QString &from, const QString &to, const QString &body,
                        const QDateTime &since, QStringList *sids);
    // A recording: `recordingUrl` + ".mp3" (unless it names a file already), only from the
    // API's host; at most `maxBytes`.
    Result fetchRecording(const QString &recordingUrl, qint64 maxBytes);
    // Every page of IncomingPhoneNumbers.json (wired left false: the caller judges it).
    std::optional<QList<Api::CarrierNumber>> numbers(QString *error);
    // POST IncomingPhoneNumbers/SID.json: voice and SMS URLs, both by POST.
    Result wireNumber(const QString &numberSid, const QString &voiceUrl, const QString &smsUrl);

private:
    Result request(const QByteArray &method, const QUrl &url, const QByteArray &form,
                   qint64 maxBytes, bool withCredentials = true);
    // withCredentials false: a file the carrier redirected to, asked without them, followed
    // no further.
    QUrl accountUrl(const QString &tail) const;

    CarrierAccount m_account;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace Switchboard
