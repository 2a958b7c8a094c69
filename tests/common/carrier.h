#pragma once

// The carrier, played by the tests: a call or a text as a script of tokens, each one the
// request the carrier would send next, following the URLs of the TwiML answered before
// (Gather and Dial actions, Redirects, Record actions) with what it learnt (keys pressed, how
// a ring ended, a recording). The transport decides where requests go: straight into the
// routing engine, or over HTTP to a running switchboard-routerd.
//
// Tokens: call, call:FROM, call:FROM:TO, key:D, silence, dial:STATUS, record:SECONDS,
// screen, screen-key:D, text:BODY, text:FROM:BODY (FROM starts with +), media:BODY (a text
// with one picture).

#include "routing/webhook.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace Switchboard::Test {

inline const QString caller = QStringLiteral("+15125559999");
inline const QString mainLine = QStringLiteral("+15125550100");

// The organization the routing tests share. Users: nancy (browser and phone, a greeting),
// johan (phone), vald (SIP), maria (no devices), pat (phone). Groups: sales = nancy, johan,
// vald; support = maria, pat, and johan for calls only (sms_max_open_per_agent = maxOpen).
// Numbers: the main line runs flow "f", whose graphs are `voice` and `sms` (JSON; empty for
// null); +15125550120 has no flow; +15125550130 runs a flow with texts only. Contact
// +15125559000 belongs to pat; +15125556666 is blocked. Time zone UTC.
QByteArray routingDocument(const QString &voice, const QString &sms, int maxOpen = 0);
// {"start": start, "applets": {applets}}
QString graphJson(const QString &start, const QString &applets);

// A response, verb by verb, with what matters of each: `Say "Hello" | Gather 5s>gather [Say
// "Press 1"] | Redirect>no-key`, `Dial 20s>dial from +1555 [Client nancy, Number +1512]`.
QString twimlSummary(const QByteArray &xml);

class Carrier
{
public:
    // Sends `params` to `url` as the carrier's POST; returns the TwiML answered.
    using Transport = std::function<QByteArray(const QString &url, const FormParams &params)>;

    Carrier(const QString &baseUrl, Transport transport);

    // The summary of the response to the token, or a sentence saying why it cannot be played
    // (the previous response offered no such thing).
    QString play(const QString &token);
    QStringList play(const QStringList &tokens);
    QByteArray lastTwiml() const { return m_last; }
    QString callSid() const { return m_callSid; }
    // Where recordings are (RecordingUrl is this + the recording's sid); by default a host
    // nobody serves.
    void setRecordingBase(const QString &base) { m_recordingBase = base; }

private:
    QString m_base;
    Transport m_transport;
    QString m_callSid;
    QString m_from;
    QString m_to;
    QByteArray m_last;
    QString m_dialAction; // the <Dial> ringing now, even after a screening exchange
    int m_calls = 0;
    int m_messages = 0;
    QString m_recordingBase = QStringLiteral("https://api.example/recordings/");
};

} // namespace Switchboard::Test
