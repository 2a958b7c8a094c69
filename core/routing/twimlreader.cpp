#include "twimlreader.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace Switchboard {

const TwimlVerb *TwimlResponse::first(const QString &name) const
{
    for (const TwimlVerb &v : verbs) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

const TwimlVerb *TwimlResponse::waitingOn() const
{
    static const QStringList waiting{u"Gather"_s,   u"Dial"_s,   u"Record"_s,
                                     u"Redirect"_s, u"Hangup"_s, u"Reject"_s};
    for (const TwimlVerb &v : verbs) {
        if (waiting.contains(v.name))
            return &v;
    }
    return nullptr;
}

namespace {
QMap<QString, QString> attributesOf(const QXmlStreamReader &xml)
{
    QMap<QString, QString> result;
    for (const QXmlStreamAttribute &a : xml.attributes())
        result.insert(a.name().toString(), a.value().toString());
    return result;
}
} // namespace

TwimlResponse readTwiml(const QByteArray &bytes)
{
    TwimlResponse response;
    QXmlStreamReader xml(bytes);
    if (!xml.readNextStartElement() || xml.name() != u"Response") {
        response.error = u"not a TwiML <Response>"_s;
        return response;
    }
    while (xml.readNextStartElement()) {
        TwimlVerb verb;
        verb.name = xml.name().toString();
        verb.attributes = attributesOf(xml);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isCharacters())
                verb.text += xml.text();
            else if (xml.isStartElement()) {
                TwimlVerb::Noun noun{xml.name().toString(), attributesOf(xml), {}};
                noun.text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                verb.nouns.append(noun);
            } else if (xml.isEndElement())
                break;
        }
        verb.text = verb.text.trimmed();
        response.verbs.append(verb);
    }
    response.valid = !xml.hasError();
    if (xml.hasError())
        response.error = xml.errorString();
    return response;
}

} // namespace Switchboard
