#pragma once

// The carrier's webhook requests (core/server/API.md) as the routing engine's requests: the path
// says which webhook (a call arriving, one of the continuations the engine's own TwiML asked
// for, a text, a transcription), the query carries a call's state, the form parameters the
// rest. The backend parses what arrives with it; the simulator and the tests, what they would
// send.

#include "routing/engine.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Switchboard {

// The most pictures a text carries (the carrier's own limit); NumMedia beyond is cut to it.
inline constexpr int MaxMedia = 10;

using FormParams = QList<std::pair<QString, QString>>;

QString formValue(const FormParams &params, const QString &name);

struct WebhookRequest
{
    enum Kind
    {
        Call,
        Text,
        Transcription
    };
    Kind kind = Call;
    CallRequest call;
    SmsRequest sms;
    QString transcriptionKey; // the voicemail's dedupe key
    QString transcriptionText;
};

class Webhooks
{
    Q_DECLARE_TR_FUNCTIONS(Webhooks)

public:
    // The request a POST to `url` with `params` makes, or nullopt with `error` set (a path
    // that is no webhook, a continuation whose state is not one the engine writes, a
    // parameter missing).
    static std::optional<WebhookRequest> parse(const QUrl &url, const FormParams &params,
                                               QString *error);
};

} // namespace Switchboard
