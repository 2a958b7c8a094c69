// switchboard-routerd: the routing backend (core/server/API.md).

#include "i18n/language.h"
#include "server/daemon.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // A server needs no GLib main loop; Qt's own event dispatcher costs less per request.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"switchboard"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));
    Switchboard::installTranslations(QString()); // --lang, when given, overrides this
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Switchboard::runRouterd(QCoreApplication::arguments(), out, err);
}
