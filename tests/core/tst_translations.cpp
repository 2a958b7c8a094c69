// Every shipped language is complete: each message in the .ts files is translated, and
// running lupdate over today's sources finds no string the .ts files lack. And the built-in
// .qm files are what the running program uses.

#include "i18n/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
const QString sourceDir = QStringLiteral(SWITCHBOARD_SOURCE_DIR);

// "context: source" of every message of a .ts file that is not fully translated.
QStringList unfinished(const QString &tsFile, int *messages)
{
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly))
        return {u"cannot read "_s + tsFile};
    QStringList missing;
    QXmlStreamReader xml(&file);
    QString context, source;
    bool translated = false;
    *messages = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"source")
                source = xml.readElementText();
            else if (xml.name() == u"message")
                translated = true;
            else if (xml.name() == u"translation") {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                if (!type.isEmpty()) // unfinished, vanished, obsolete
                    translated = false;
                bool hasForms = false;
                bool emptyForm = false;
                QString text;
                while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == u"numerusform") {
                        hasForms = true;
                        if (xml.readElementText().trimmed().isEmpty())
                            emptyForm = true;
                    } else if (xml.isCharacters()) {
                        text += xml.text();
                    }
                }
                if ((hasForms && emptyForm) || (!hasForms && text.trimmed().isEmpty()))
                    translated = false;
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            ++*messages;
            if (!translated)
                missing.append(context + u": "_s + source);
        }
    }
    if (xml.hasError())
        missing.append(tsFile + u": "_s + xml.errorString());
    return missing;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void languages_data();
    void shippedFilesAreComplete();
    void shippedFilesAreComplete_data() { languages_data(); }
    void sourcesHaveNoStringMissingFromTheFiles();
    void sourcesHaveNoStringMissingFromTheFiles_data() { languages_data(); }
    void everyContextIsOneTheProgramUses_data() { languages_data(); }
    void everyContextIsOneTheProgramUses();
    void builtInTranslationsAreUsed_data();
    void builtInTranslationsAreUsed();
};

void TestTranslations::languages_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << u"de"_s;
    QTest::newRow("Spanish") << u"es"_s;
}

void TestTranslations::shippedFilesAreComplete()
{
    QFETCH(QString, language);
    int messages = 0;
    const QStringList missing =
        unfinished(sourceDir + u"/translations/switchboard_"_s + language + u".ts"_s, &messages);
    QVERIFY2(messages > 100, "suspiciously few messages: is the .ts file up to date?");
    QVERIFY2(missing.isEmpty(), qPrintable(u"untranslated:\n"_s + missing.join(u'\n')));
}

void TestTranslations::sourcesHaveNoStringMissingFromTheFiles()
{
    QFETCH(QString, language);
    // lupdate merges today's sources into a copy of the shipped file; anything new comes out
    // unfinished.
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"check_"_s + language + u".ts"_s);
    QVERIFY(QFile::copy(sourceDir + u"/translations/switchboard_"_s + language + u".ts"_s, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(sourceDir);
    lupdate.start(QStringLiteral(LUPDATE_PATH),
                  {u"-silent"_s, u"-no-obsolete"_s, u"-locations"_s, u"none"_s, u"core"_s,
                   u"widgets"_s, u"app"_s, u"-ts"_s, copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    int messages = 0;
    const QStringList missing = unfinished(copy, &messages);
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"strings in the sources that translations/switchboard_"_s + language +
                        u".ts lacks (run the update_translations target, then translate):\n"_s +
                        missing.join(u'\n')));
}

// A message is looked up under the context of the tr() that asks for it: a QObject class's
// full name (Switchboard::FlowScene), a Q_DECLARE_TR_FUNCTIONS context, or the context given
// to translate()/QT_TRANSLATE_NOOP. A context in the .ts file that is none of these is never
// asked for, and its strings would stay in English.
void TestTranslations::everyContextIsOneTheProgramUses()
{
    QFETCH(QString, language);
    QSet<QString> used;
    static const QRegularExpression qobject(uR"(class\s+(\w+)\b[^;{]*\{\s*Q_OBJECT)"_s);
    static const QRegularExpression declared(uR"(Q_DECLARE_TR_FUNCTIONS\(([\w:]+)\))"_s);
    static const QRegularExpression explicitContext(
        uR"re((?:translate|QT_TRANSLATE_NOOP)\(\s*"([^"]+)")re"_s);
    for (const QString &dir : {u"core"_s, u"widgets"_s, u"app"_s}) {
        QDirIterator it(sourceDir + u'/' + dir, {u"*.h"_s, u"*.cpp"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            for (auto m = qobject.globalMatch(text); m.hasNext();)
                used.insert(u"Switchboard::"_s + m.next().captured(1));
            for (auto m = declared.globalMatch(text); m.hasNext();)
                used.insert(m.next().captured(1));
            for (auto m = explicitContext.globalMatch(text); m.hasNext();)
                used.insert(m.next().captured(1));
        }
    }
    QFile ts(sourceDir + u"/translations/switchboard_"_s + language + u".ts"_s);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QStringList strays;
    while (xml.readNextStartElement() || !xml.atEnd()) {
        if (xml.isStartElement() && xml.name() == u"name") {
            const QString context = xml.readElementText();
            if (!used.contains(context))
                strays.append(context);
        } else {
            xml.readNext();
        }
    }
    QVERIFY2(
        strays.isEmpty(),
        qPrintable(u"contexts the program never asks for (their strings stay untranslated): "_s +
                   strays.join(u", "_s)));
}

void TestTranslations::builtInTranslationsAreUsed_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("menu");
    QTest::addColumn<QString>("voicemail");
    QTest::newRow("German") << u"de"_s << u"Menü"_s << u"Mailbox"_s;
    QTest::newRow("Spanish") << u"es"_s << u"Menú"_s << u"Buzón de voz"_s;
}

void TestTranslations::builtInTranslationsAreUsed()
{
    QFETCH(QString, language);
    QFETCH(QString, menu);
    QFETCH(QString, voicemail);
    QCOMPARE(shippedLanguages(), (QStringList{u"de"_s, u"es"_s}));
    QCOMPARE(installTranslations(language), language);
    QCOMPARE(QCoreApplication::translate("Applets", "Menu"), menu);
    QCOMPARE(QCoreApplication::translate("Applets", "Voicemail"), voicemail);
    // Regional variants fall back to the language.
    QCOMPARE(installTranslations(language + u"_XX"_s), language);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
