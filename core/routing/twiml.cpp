#include "twiml.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

Twiml::Twiml()
    : m_xml(u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"_s) // finish() encodes in UTF-8
    , m_writer(&m_xml)
{
    m_writer.writeStartElement(u"Response"_s);
}

void Twiml::prompt(const Prompt &p)
{
    ++m_verbs;
    if (p.plays()) {
        m_writer.writeTextElement(u"Play"_s, p.text);
        return;
    }
    m_writer.writeStartElement(u"Say"_s);
    if (!p.voice.isEmpty())
        m_writer.writeAttribute(u"voice"_s, p.voice);
    if (!p.language.isEmpty())
        m_writer.writeAttribute(u"language"_s, p.language);
    m_writer.writeCharacters(p.text);
    m_writer.writeEndElement();
}

void Twiml::say(const QString &text)
{
    ++m_verbs;
    m_writer.writeTextElement(u"Say"_s, text);
}

void Twiml::pause(int seconds)
{
    ++m_verbs;
    m_writer.writeEmptyElement(u"Pause"_s);
    m_writer.writeAttribute(u"length"_s, QString::number(seconds));
}

void Twiml::redirect(const QString &url)
{
    ++m_verbs;
    m_writer.writeStartElement(u"Redirect"_s);
    m_writer.writeAttribute(u"method"_s, u"POST"_s);
    m_writer.writeCharacters(url);
    m_writer.writeEndElement();
}

void Twiml::hangup()
{
    ++m_verbs;
    m_writer.writeEmptyElement(u"Hangup"_s);
}

void Twiml::reject(bool busy)
{
    ++m_verbs;
    m_writer.writeEmptyElement(u"Reject"_s);
    if (busy)
        m_writer.writeAttribute(u"reason"_s, u"busy"_s);
}

void Twiml::message(const QString &body)
{
    ++m_verbs;
    m_writer.writeTextElement(u"Message"_s, body);
}

void Twiml::gather(const QString &action, int timeout, const std::optional<Prompt> &p)
{
    ++m_verbs;
    m_writer.writeStartElement(u"Gather"_s);
    m_writer.writeAttribute(u"input"_s, u"dtmf"_s);
    m_writer.writeAttribute(u"numDigits"_s, u"1"_s);
    m_writer.writeAttribute(u"timeout"_s, QString::number(timeout));
    m_writer.writeAttribute(u"action"_s, action);
    m_writer.writeAttribute(u"method"_s, u"POST"_s);
    if (p)
        prompt(*p);
    m_writer.writeEndElement();
}

void Twiml::gatherRaw(const QString &action, int timeout, const QString &text)
{
    gather(action, timeout, Prompt::say(text));
}

void Twiml::dial(const QString &action, int timeout, const QString &callerId, bool record,
                 const QList<Device> &devices, const QString &screenUrl)
{
    ++m_verbs;
    m_writer.writeStartElement(u"Dial"_s);
    m_writer.writeAttribute(u"timeout"_s, QString::number(timeout));
    m_writer.writeAttribute(u"action"_s, action);
    m_writer.writeAttribute(u"method"_s, u"POST"_s);
    if (!callerId.isEmpty())
        m_writer.writeAttribute(u"callerId"_s, callerId);
    if (record)
        m_writer.writeAttribute(u"record"_s, u"record-from-answer"_s);
    for (const Device &d : devices) {
        m_writer.writeStartElement(d.noun);
        if (!screenUrl.isEmpty()) {
            m_writer.writeAttribute(u"url"_s, screenUrl);
            m_writer.writeAttribute(u"method"_s, u"POST"_s);
        }
        m_writer.writeCharacters(d.address);
        m_writer.writeEndElement();
    }
    m_writer.writeEndElement();
}

void Twiml::record(const QString &action, int maxLength, bool transcribe,
                   const QString &transcribeCallback)
{
    ++m_verbs;
    m_writer.writeEmptyElement(u"Record"_s);
    m_writer.writeAttribute(u"action"_s, action);
    m_writer.writeAttribute(u"method"_s, u"POST"_s);
    m_writer.writeAttribute(u"maxLength"_s, QString::number(maxLength));
    m_writer.writeAttribute(u"playBeep"_s, u"true"_s);
    m_writer.writeAttribute(u"finishOnKey"_s, u"#"_s);
    if (transcribe) {
        m_writer.writeAttribute(u"transcribe"_s, u"true"_s);
        m_writer.writeAttribute(u"transcribeCallback"_s, transcribeCallback);
    }
}

QByteArray Twiml::finish()
{
    m_writer.writeEndElement();
    m_writer.writeEndDocument();
    return m_xml.toUtf8();
}

} // namespace Switchboard
