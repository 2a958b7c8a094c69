// switchboard: the desktop console.

#include "document/organizationdocument.h"
#include "groups/usersgroupspage.h"
#include "i18n/language.h"
#include "shell/mainwindow.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchboard;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"switchboard"_s);
    QApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/app/switchboard.svg"_s));
    // The desktop entry the packages install: docks and portals find its name and icon.
    QGuiApplication::setDesktopFileName(u"io.github.switchboard.Switchboard"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Switchboard: call and SMS routing for your phone numbers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
        u"database"_s,
        QApplication::translate("main", "SQLite file or postgresql:// URL (default: %1).")
            .arg(Database::defaultLocation()),
        QApplication::translate("main", "DB"));
    const QCommandLineOption lang(
        u"lang"_s, QApplication::translate("main", "Language (de, es, en); default: the system's."),
        QApplication::translate("main", "LANG"));
    const QCommandLineOption selfTest(
        u"self-test"_s,
        QApplication::translate("main", "Open the main window, check it shows the organization, "
                                        "and quit (exit 1 if it does not)."));
    parser.addOptions({database, lang, selfTest});
    parser.process(app);
    installTranslations(parser.value(lang));

    QString error;
    auto document = OrganizationDocument::open(
        parser.isSet(database) ? parser.value(database) : Database::defaultLocation(), &error);
    if (!document) {
        if (parser.isSet(selfTest)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        QMessageBox::critical(nullptr, QApplication::translate("main", "Cannot open the database"),
                              error);
        return 2;
    }
    MainWindow window(std::move(document));
    window.show();

    if (parser.isSet(selfTest)) {
        QTimer::singleShot(0, &app, [&window] {
            const int users = window.usersGroupsPage()->usersView()->model()->rowCount();
            const bool ok =
                window.isVisible() && window.windowTitle().contains(u"Switchboard") && users > 0;
            std::fprintf(stdout, "main window %s: \"%s\", %d users\n", ok ? "shown" : "NOT shown",
                         qPrintable(window.windowTitle()), users);
            QApplication::exit(ok ? 0 : 1);
        });
    }
    return QApplication::exec();
}
