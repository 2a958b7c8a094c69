// switchboardctl: the console's core on the command line.

#include "cli/ctl.h"
#include "i18n/language.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"switchboard"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));
    Switchboard::installTranslations(QString()); // --lang, when given, overrides this
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Switchboard::runCtl(QCoreApplication::arguments(), out, err);
}
