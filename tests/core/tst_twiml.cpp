// The TwiML writer against hostile text: whatever a configuration or a caller puts in a
// prompt, a message, a name or a URL, the answer is well-formed XML and reads back as written
// (what XML cannot hold becomes U+FFFD).

#include "routing/twiml.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {

// Reads the whole document strictly: the first <Say>'s text and voice, the first
// <Redirect>'s text, the <Gather>'s action; empty `error` when well-formed.
struct ReadBack
{
    QString say, voice, message, redirect, action, error;
};

ReadBack readBack(const QByteArray &xml)
{
    ReadBack r;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const QString name = reader.name().toString();
        if (name == u"Gather")
            r.action = reader.attributes().value(u"action"_s).toString();
        if (name == u"Say" && r.voice.isEmpty())
            r.voice = reader.attributes().value(u"voice"_s).toString();
        if (name == u"Say" || name == u"Message" || name == u"Redirect") {
            const QString text = reader.readElementText();
            if (name == u"Say" && r.say.isEmpty())
                r.say = text;
            else if (name == u"Message")
                r.message = text;
            else if (name == u"Redirect")
                r.redirect = text;
        }
    }
    if (reader.hasError())
        r.error = reader.errorString() + u" at "_s + QString::number(reader.characterOffset());
    return r;
}

} // namespace

class TestTwiml : public QObject
{
    Q_OBJECT

private slots:
    void hostileTextReadsBack_data();
    void hostileTextReadsBack();
    void emptyAnswerIsAResponse();
};

void TestTwiml::hostileTextReadsBack_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // as read back

    const QString fffd(QChar(QChar::ReplacementCharacter));
    QTest::newRow("markup") << u"Tom & Jerry's <b>\"shop\"</b>"_s
                            << u"Tom & Jerry's <b>\"shop\"</b>"_s;
    QTest::newRow("entities as text")
        << u"&amp; &lt; &#65; &bogus;"_s << u"&amp; &lt; &#65; &bogus;"_s;
    QTest::newRow("CDATA end") << u"a]]>b"_s << u"a]]>b"_s;
    QTest::newRow("tab, newline, CR") << u"a\tb\nc\rd\r\n"_s << u"a\tb\nc\rd\r\n"_s;
    QTest::newRow("controls") << u"a\u0001b\u0008c\u000Bd\u000Ce\u001Ff"_s
                              << u"a"_s + fffd + u"b"_s + fffd + u"c"_s + fffd + u"d"_s + fffd +
                                     u"e"_s + fffd + u"f"_s;
    QTest::newRow("NUL") << QString(QChar(0)) + u"x"_s << fffd + u"x"_s;
    QTest::newRow("lone high surrogate")
        << u"a"_s + QChar(0xD800) + u"b"_s << u"a"_s + fffd + u"b"_s;
    QTest::newRow("lone low surrogate") << QString(QChar(0xDC00)) << fffd;
    QTest::newRow("FFFE, FFFF") << QString(QChar(0xFFFE)) + QChar(0xFFFF) << fffd + fffd;
    QTest::newRow("beyond the BMP") << u"ok 😀 𝄞"_s << u"ok 😀 𝄞"_s;
    QTest::newRow("right to left, combining") << u"שלום é"_s << u"שלום é"_s;
    QTest::newRow("long") << QString(5000, u'<') << QString(5000, u'<');
}

void TestTwiml::hostileTextReadsBack()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    Twiml twiml;
    Prompt p = Prompt::say(text);
    p.voice = text;
    twiml.gather(u"https://x.example/g?a=1&b="_s + text, 5, p);
    twiml.message(text);
    twiml.redirect(text);
    const QByteArray xml = twiml.finish();
    const ReadBack r = readBack(xml);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error + u"\n"_s + QString::fromUtf8(xml)));
    // Text: XML turns a raw CR (and CRLF) into LF; ours are written as references, so they
    // come back as written.
    QCOMPARE(r.say, expected);
    QCOMPARE(r.message, expected);
    QCOMPARE(r.redirect, expected);
    // Attributes: tabs and newlines are references too, or they would read back as spaces.
    QCOMPARE(r.voice, expected);
    QCOMPARE(r.action, u"https://x.example/g?a=1&b="_s + expected);
}

void TestTwiml::emptyAnswerIsAResponse()
{
    Twiml twiml;
    QVERIFY(twiml.isEmpty());
    const QByteArray xml = twiml.finish();
    QCOMPARE(xml, QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?><Response/>)"));
    Twiml hangup;
    hangup.hangup();
    QCOMPARE(hangup.finish(),
             QByteArray(R"(<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>)"));
}

QTEST_GUILESS_MAIN(TestTwiml)
#include "tst_twiml.moc"
