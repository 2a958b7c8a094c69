#include "twiml.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

// TwiML is a handful of elements with plain attributes and text, written thousands of times a
// second: it is written here directly rather than through QXmlStreamWriter (which cost more
// than the rest of an answer). What comes from outside is escaped, and what XML cannot hold
// (control characters, lone surrogates, U+FFFE/U+FFFF) becomes U+FFFD, so the document is
// always well-formed: tst_twiml parses hostile strings back.

namespace {

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void escape(QString &out, QStringView text, bool attribute)
{
    out.reserve(out.size() + text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;"_s;
            continue;
        case u'<':
            out += u"&lt;"_s;
            continue;
        case u'>':
            out += u"&gt;"_s;
            continue;
        case u'"':
            out += u"&quot;"_s;
            continue;
        case u'\r':
            out += u"&#13;"_s; // kept as written (parsers turn a raw CR into LF)
            continue;
        case u'\t':
        case u'\n':
            if (attribute) { // kept as written (parsers turn them into spaces in attributes)
                out += c == u'\t' ? u"&#9;"_s : u"&#10;"_s;
                continue;
            }
            break;
        default:
            break;
        }
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        out += c.isSurrogate() || !isXmlChar(c.unicode()) ? QChar(QChar::ReplacementCharacter) : c;
    }
}

} // namespace

Twiml::Twiml()
    : m_xml(u"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response"_s)
{
    m_startOpen = true;
}

void Twiml::open(QStringView element)
{
    closeStart();
    m_xml += u'<';
    m_xml += element;
    m_startOpen = true;
}

void Twiml::attribute(QStringView name, QStringView value)
{
    m_xml += u' ';
    m_xml += name;
    m_xml += u"=\""_s;
    escape(m_xml, value, true);
    m_xml += u'"';
}

void Twiml::text(QStringView value)
{
    closeStart();
    escape(m_xml, value, false);
}

void Twiml::close(QStringView element)
{
    if (m_startOpen) {
        m_xml += u"/>"_s;
        m_startOpen = false;
        return;
    }
    m_xml += u"</"_s;
    m_xml += element;
    m_xml += u'>';
}

void Twiml::closeStart()
{
    if (m_startOpen) {
        m_xml += u'>';
        m_startOpen = false;
    }
}

void Twiml::textElement(QStringView element, QStringView value)
{
    open(element);
    text(value);
    close(element);
}

void Twiml::prompt(const Prompt &p)
{
    ++m_verbs;
    if (p.plays()) {
        textElement(u"Play", p.text);
        return;
    }
    open(u"Say");
    if (!p.voice.isEmpty())
        attribute(u"voice", p.voice);
    if (!p.language.isEmpty())
        attribute(u"language", p.language);
    text(p.text);
    close(u"Say");
}

void Twiml::say(const QString &words)
{
    ++m_verbs;
    textElement(u"Say", words);
}

void Twiml::pause(int seconds)
{
    ++m_verbs;
    open(u"Pause");
    attribute(u"length", QString::number(seconds));
    close(u"Pause");
}

void Twiml::redirect(const QString &url)
{
    ++m_verbs;
    open(u"Redirect");
    attribute(u"method", u"POST");
    text(url);
    close(u"Redirect");
}

void Twiml::hangup()
{
    ++m_verbs;
    open(u"Hangup");
    close(u"Hangup");
}

void Twiml::reject(bool busy)
{
    ++m_verbs;
    open(u"Reject");
    if (busy)
        attribute(u"reason", u"busy");
    close(u"Reject");
}

void Twiml::message(const QString &body)
{
    ++m_verbs;
    textElement(u"Message", body);
}

void Twiml::gather(const QString &action, int timeout, const std::optional<Prompt> &p)
{
    ++m_verbs;
    open(u"Gather");
    attribute(u"input", u"dtmf");
    attribute(u"numDigits", u"1");
    attribute(u"timeout", QString::number(timeout));
    attribute(u"action", action);
    attribute(u"method", u"POST");
    if (p)
        prompt(*p);
    close(u"Gather");
}

void Twiml::gatherRaw(const QString &action, int timeout, const QString &words)
{
    gather(action, timeout, Prompt::say(words));
}

void Twiml::dial(const QString &action, int timeout, const QString &callerId, bool record,
                 const QList<Device> &devices, const QString &screenUrl)
{
    ++m_verbs;
    open(u"Dial");
    attribute(u"timeout", QString::number(timeout));
    attribute(u"action", action);
    attribute(u"method", u"POST");
    if (!callerId.isEmpty())
        attribute(u"callerId", callerId);
    if (record)
        attribute(u"record", u"record-from-answer");
    for (const Device &d : devices) {
        open(d.noun);
        if (!screenUrl.isEmpty()) {
            attribute(u"url", screenUrl);
            attribute(u"method", u"POST");
        }
        text(d.address);
        close(d.noun);
    }
    close(u"Dial");
}

void Twiml::record(const QString &action, int maxLength, bool transcribe,
                   const QString &transcribeCallback)
{
    ++m_verbs;
    open(u"Record");
    attribute(u"action", action);
    attribute(u"method", u"POST");
    attribute(u"maxLength", QString::number(maxLength));
    attribute(u"playBeep", u"true");
    attribute(u"finishOnKey", u"#");
    if (transcribe) {
        attribute(u"transcribe", u"true");
        attribute(u"transcribeCallback", transcribeCallback);
    }
    close(u"Record");
}

QByteArray Twiml::finish()
{
    close(u"Response");
    return m_xml.toUtf8();
}

} // namespace Switchboard
