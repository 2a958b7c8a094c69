#include "carrier.h"

#include "routing/twimlreader.h"

#include <QDateTime>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Switchboard::Test {

QByteArray routingDocument(const QString &voice, const QString &sms, int maxOpen)
{
    return uR"({
  "format": "switchboard-config", "version": 1,
  "organization": {"name": "Acme", "timezone": "UTC"},
  "users": [
    {"id": "nancy", "name": "Nancy", "devices": [{"kind": "client", "address": "nancy"}, {"kind": "phone", "address": "+15125550101"}],
     "greeting": {"say": "This is Nancy, leave a message."}},
    {"id": "johan", "name": "Johan", "devices": [{"kind": "phone", "address": "+15125550102"}]},
    {"id": "vald", "name": "Vald", "devices": [{"kind": "sip", "address": "sip:vald@pbx.example"}]},
    {"id": "maria", "name": "Maria", "devices": []},
    {"id": "pat", "name": "Pat", "devices": [{"kind": "phone", "address": "+15125550105"}]}
  ],
  "groups": [
    {"id": "sales", "name": "Sales", "members": ["nancy", "johan", "vald"]},
    {"id": "support", "name": "Support", "members": ["maria", "pat", {"user": "johan", "channels": ["voice"]}],
     "sms_max_open_per_agent": %3}
  ],
  "numbers": [
    {"number": "+15125550100", "label": "Main line", "flow": "f"},
    {"number": "+15125550120", "label": "Spare", "flow": null},
    {"number": "+15125550130", "label": "Texts only", "flow": "t"}
  ],
  "flows": [
    {"id": "f", "name": "Flow", "voice": %1, "sms": %2},
    {"id": "t", "name": "Texts only", "voice": null, "sms": {"start": "r", "applets": {"r": {"type": "sms-reply", "config": {"body": "Hi"}}}}}
  ],
  "contacts": [{"number": "+15125559000", "name": "Lee", "owner": "pat"}],
  "blocked": ["+15125556666"]
})"_s.arg(voice.isEmpty() ? u"null"_s : voice, sms.isEmpty() ? u"null"_s : sms)
        .arg(maxOpen)
        .toUtf8();
}

QString graphJson(const QString &start, const QString &applets)
{
    return uR"({"start": "%1", "applets": {%2}})"_s.arg(start, applets);
}

QString twimlSummary(const QByteArray &xml)
{
    const TwimlResponse r = readTwiml(xml);
    if (!r.valid)
        return u"INVALID: "_s + r.error;
    auto event = [](const QString &url) { return QUrl(url).path().section(u'/', -1); };
    QStringList out;
    for (const TwimlVerb &v : r.verbs) {
        QString s = v.name;
        const auto attribute = [&v](const QString &name) { return v.attributes.value(name); };
        if (v.name == u"Say" || v.name == u"Message")
            s += u" \""_s + v.text + u'"';
        else if (v.name == u"Play")
            s += u' ' + v.text;
        else if (v.name == u"Redirect")
            s += u'>' + event(v.text);
        else if (v.name == u"Reject" && v.attributes.contains(u"reason"_s))
            s += u' ' + attribute(u"reason"_s);
        else if (v.name == u"Gather")
            s += u' ' + attribute(u"timeout"_s) + u"s>"_s + event(attribute(u"action"_s));
        else if (v.name == u"Record")
            s += u' ' + attribute(u"maxLength"_s) + u"s>"_s + event(attribute(u"action"_s)) +
                 (v.attributes.contains(u"transcribe"_s) ? u" transcribe"_s : QString());
        else if (v.name == u"Dial")
            s += u' ' + attribute(u"timeout"_s) + u"s>"_s + event(attribute(u"action"_s)) +
                 u" from "_s + attribute(u"callerId"_s) +
                 (v.attributes.contains(u"record"_s) ? u" record"_s : QString());
        if (!v.nouns.isEmpty()) {
            QStringList nouns;
            for (const TwimlVerb::Noun &n : v.nouns) {
                QString text = n.name + u' ' + (n.name == u"Say" ? u'"' + n.text + u'"' : n.text);
                if (n.attributes.contains(u"url"_s))
                    text += u" screened"_s;
                nouns.append(text);
            }
            s += u" ["_s + nouns.join(u", "_s) + u']';
        }
        out.append(s);
    }
    return out.join(u" | "_s);
}

Carrier::Carrier(const QString &baseUrl, Transport transport)
    : m_base(baseUrl)
    , m_transport(std::move(transport))
{}

QStringList Carrier::play(const QStringList &tokens)
{
    QStringList out;
    for (const QString &token : tokens)
        out.append(play(token));
    return out;
}

QString Carrier::play(const QString &token)
{
    const QString verb = token.section(u':', 0, 0);
    const QString arg = token.section(u':', 1);
    FormParams params;
    QString url;
    if (verb == u"text" || verb == u"media") {
        const bool withSender = arg.startsWith(u'+');
        params = {{u"MessageSid"_s,
                   u"SM%1x%2"_s.arg(QDateTime::currentMSecsSinceEpoch()).arg(++m_messages)},
                  {u"AccountSid"_s, u"ACtest"_s},
                  {u"From"_s, withSender ? arg.section(u':', 0, 0) : caller},
                  {u"To"_s, mainLine},
                  {u"Body"_s, withSender ? arg.section(u':', 1) : arg},
                  {u"NumMedia"_s, verb == u"media" ? u"1"_s : u"0"_s}};
        if (verb == u"media")
            params.append({u"MediaUrl0"_s, u"https://media.example/1.jpg"_s});
        url = m_base + u"/twilio/sms"_s;
    } else if (verb == u"call") {
        m_callSid = u"CA%1x%2"_s.arg(QDateTime::currentMSecsSinceEpoch()).arg(++m_calls);
        m_from = arg.isEmpty() ? caller : arg.section(u':', 0, 0);
        m_to = arg.count(u':') ? arg.section(u':', 1) : mainLine;
        m_dialAction.clear();
        url = m_base + u"/twilio/voice"_s;
    } else {
        const TwimlResponse last = readTwiml(m_last);
        if (verb == u"key" || verb == u"screen-key") {
            const TwimlVerb *gather = last.first(u"Gather"_s);
            url = gather ? gather->attributes.value(u"action"_s) : QString();
            params.append({u"Digits"_s, arg});
        } else if (verb == u"silence") {
            const TwimlVerb *redirect = last.first(u"Redirect"_s);
            url = redirect ? redirect->text : QString();
        } else if (verb == u"dial") {
            url = m_dialAction;
            params.append({u"DialCallStatus"_s, arg});
        } else if (verb == u"screen") {
            const TwimlVerb *dial = last.first(u"Dial"_s);
            for (const TwimlVerb::Noun &n : dial ? dial->nouns : QList<TwimlVerb::Noun>()) {
                if (n.attributes.contains(u"url"_s))
                    url = n.attributes.value(u"url"_s);
            }
        } else if (verb == u"record") {
            const TwimlVerb *rec = last.first(u"Record"_s);
            url = rec ? rec->attributes.value(u"action"_s) : QString();
            const QString sid = u"RE"_s + m_callSid;
            params.append({u"RecordingSid"_s, sid});
            params.append({u"RecordingDuration"_s, arg});
            if (arg.toInt() > 0)
                params.append({u"RecordingUrl"_s, m_recordingBase + sid});
        } else {
            return u"unknown token "_s + token;
        }
        if (url.isEmpty())
            return u"the last response offers no "_s + verb;
        if (!url.startsWith(m_base))
            return u"not on the backend's URL: "_s + url;
    }
    if (verb != u"text" && verb != u"media") {
        params.prepend({u"To"_s, m_to});
        params.prepend({u"From"_s, m_from});
        params.prepend({u"AccountSid"_s, u"ACtest"_s});
        params.prepend({u"CallSid"_s, m_callSid});
    }
    m_last = m_transport(url, params);
    const TwimlResponse response = readTwiml(m_last);
    if (const TwimlVerb *dial = response.first(u"Dial"_s))
        m_dialAction = dial->attributes.value(u"action"_s);
    return twimlSummary(m_last);
}

} // namespace Switchboard::Test
