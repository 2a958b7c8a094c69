#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Switchboard {

QStringList shippedLanguages()
{
    QStringList languages;
    const QStringList files = QDir(u":/i18n"_s).entryList({u"switchboard_*.qm"_s}, QDir::Files);
    for (const QString &file : files) {
        const QString language = file.mid(12).chopped(3); // switchboard_XX.qm
        if (language != u"en") // English is the source; its file holds only plural forms
            languages.append(language);
    }
    return languages;
}

QString installTranslations(const QString &language)
{
    // Translators installed later take precedence, so English plural forms go first and
    // serve whatever the chosen language leaves out.
    static QTranslator *plurals = nullptr;
    static QTranslator *own = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **t : {&qt, &own, &plurals}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    plurals = new QTranslator;
    if (plurals->load(u":/i18n/switchboard_en.qm"_s)) {
        QCoreApplication::installTranslator(plurals);
    } else {
        delete plurals;
        plurals = nullptr;
    }

    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return u"en"_s;
    own = new QTranslator;
    if (!own->load(locale, u"switchboard"_s, u"_"_s, u":/i18n"_s) ||
        own->language().startsWith(u"en")) {
        delete own;
        own = nullptr;
        return u"en"_s;
    }
    QCoreApplication::installTranslator(own);
    // Qt's own strings (standard buttons, dialogs), when the system has them.
    qt = new QTranslator;
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
        qt = nullptr;
    }
    return own->language().section(u'_', 0, 0).section(u'-', 0, 0);
}

} // namespace Switchboard
