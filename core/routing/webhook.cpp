#include "webhook.h"

#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard {

QString formValue(const FormParams &params, const QString &name)
{
    for (const auto &[n, v] : params) {
        if (n == name)
            return v;
    }
    return {};
}

std::optional<WebhookRequest> Webhooks::parse(const QUrl &url, const FormParams &params,
                                              QString *error)
{
    const QString path = url.path();
    WebhookRequest r;
    if (path == u"/twilio/sms") {
        r.kind = WebhookRequest::Text;
        r.sms.messageSid = formValue(params, u"MessageSid"_s);
        r.sms.from = formValue(params, u"From"_s);
        r.sms.to = formValue(params, u"To"_s);
        r.sms.body = formValue(params, u"Body"_s);
        // The carrier sends at most 10 pictures with a text; more is not the carrier.
        const int media = std::clamp(formValue(params, u"NumMedia"_s).toInt(), 0, MaxMedia);
        for (int i = 0; i < media; ++i)
            r.sms.media.append(formValue(params, u"MediaUrl"_s + QString::number(i)));
        if (r.sms.messageSid.isEmpty() || r.sms.from.isEmpty() || r.sms.to.isEmpty()) {
            *error = tr("A text needs MessageSid, From and To.");
            return std::nullopt;
        }
        return r;
    }
    if (path == u"/twilio/voice/transcription") {
        r.kind = WebhookRequest::Transcription;
        r.transcriptionKey =
            formValue(params, u"CallSid"_s) + u':' + formValue(params, u"RecordingSid"_s);
        r.transcriptionText = formValue(params, u"TranscriptionText"_s);
        return r;
    }
    if (path != u"/twilio/voice" && !path.startsWith(u"/twilio/voice/")) {
        *error = tr("There is no webhook at %1.").arg(path);
        return std::nullopt;
    }
    CallRequest &call = r.call;
    call.callSid = formValue(params, u"CallSid"_s);
    call.from = formValue(params, u"From"_s);
    call.to = formValue(params, u"To"_s);
    if (call.callSid.isEmpty() || call.from.isEmpty() || call.to.isEmpty()) {
        *error = tr("A call needs CallSid, From and To.");
        return std::nullopt;
    }
    if (path == u"/twilio/voice")
        return r; // a call arrives
    const auto event = CallRequest::eventOf(path.section(u'/', -1));
    const auto state = CallState::fromQuery(QUrlQuery(url));
    if (!event || !state) {
        *error = tr("%1 is not a continuation this backend writes.").arg(path);
        return std::nullopt;
    }
    call.event = *event;
    call.state = *state;
    call.digits = formValue(params, u"Digits"_s);
    call.dialStatus = formValue(params, u"DialCallStatus"_s);
    call.recordingUrl = formValue(params, u"RecordingUrl"_s);
    call.recordingSid = formValue(params, u"RecordingSid"_s);
    call.recordingSeconds = formValue(params, u"RecordingDuration"_s).toInt();
    return r;
}

} // namespace Switchboard
