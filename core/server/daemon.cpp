#include "daemon.h"

#include "i18n/language.h"
#include "server/routerserver.h"
#include "store/database.h"
#include "store/routerstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

constexpr int CannotRun = 2;

// A signal handler may only do async-signal-safe things: it writes one byte to a socket
// pair, and the event loop reads it and quits.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

class Daemon
{
    Q_DECLARE_TR_FUNCTIONS(Daemon)

public:
    Daemon(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
    {}
    int run(const QStringList &arguments);

private:
    bool readSecret(const QCommandLineOption &option, const char *variable, QByteArray *secret);
    static bool parseListen(const QString &text, QHostAddress *host, quint16 *port);

    QTextStream &m_out;
    QTextStream &m_err;
    QCommandLineParser m_parser;
};

bool Daemon::parseListen(const QString &text, QHostAddress *host, quint16 *port)
{
    // host:port, [v6]:port or :port (all interfaces).
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0)
        return false;
    QString hostText = text.left(colon);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    if (hostText.isEmpty())
        *host = QHostAddress(QHostAddress::Any);
    else if (hostText == u"localhost")
        *host = QHostAddress(QHostAddress::LocalHost);
    else if (!host->setAddress(hostText))
        return false;
    *port = quint16(number);
    return true;
}

bool Daemon::readSecret(const QCommandLineOption &option, const char *variable, QByteArray *secret)
{
    if (m_parser.isSet(option)) {
        const QString path = m_parser.value(option);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_err << tr("Cannot read the secret in %1: %2").arg(path, file.errorString()) << u'\n';
            return false;
        }
        *secret = file.readAll().trimmed();
        if (secret->isEmpty()) {
            m_err << tr("%1 is empty.").arg(path) << u'\n';
            return false;
        }
        return true;
    }
    *secret = qgetenv(variable).trimmed();
    return true;
}

int Daemon::run(const QStringList &arguments)
{
    const QCommandLineOption listenOption(
        u"listen"_s,
        tr("Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one)."),
        tr("HOST:PORT"), u"127.0.0.1:8080"_s);
    const QCommandLineOption databaseOption(
        u"database"_s,
        tr("SQLite file or postgresql:// URL (default: %1).")
            .arg(QDir::toNativeSeparators(
                QFileInfo(Database::defaultLocation()).dir().filePath(u"routerd.sqlite"_s))),
        tr("DB"));
    const QCommandLineOption publicUrlOption(
        u"public-url"_s,
        tr("The URL the carrier reaches this server at (default: http:// and the listen address)."),
        tr("URL"));
    const QCommandLineOption adminTokenOption(
        u"admin-token-file"_s,
        tr("File holding the admin API token (else $SWITCHBOARD_ADMIN_TOKEN)."), tr("FILE"));
    const QCommandLineOption carrierTokenOption(
        u"twilio-auth-token-file"_s,
        tr("File holding the carrier's auth token (else $TWILIO_AUTH_TOKEN)."), tr("FILE"));
    const QCommandLineOption quietOption(u"quiet"_s, tr("Do not log each request."));
    const QCommandLineOption langOption(u"lang"_s, tr("Language of the messages (de, es, en)."),
                                        tr("LANG"));
    m_parser.setApplicationDescription(tr("Switchboard's routing backend: answers the carrier's "
                                          "webhooks by running the pushed flows."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({listenOption, databaseOption, publicUrlOption, adminTokenOption,
                         carrierTokenOption, quietOption, langOption});
    if (!m_parser.parse(arguments)) {
        m_err << m_parser.errorText() << u'\n';
        return CannotRun;
    }
    if (m_parser.isSet(langOption))
        installTranslations(m_parser.value(langOption));
    if (m_parser.isSet(u"help"_s)) {
        m_out << m_parser.helpText();
        return 0;
    }
    if (m_parser.isSet(u"version"_s)) {
        m_out << "switchboard-routerd " << SWITCHBOARD_VERSION << u'\n';
        return 0;
    }
    if (!m_parser.positionalArguments().isEmpty()) {
        m_err << tr("Unexpected argument \"%1\".").arg(m_parser.positionalArguments().constFirst())
              << u'\n';
        return CannotRun;
    }

    QHostAddress host;
    quint16 port = 0;
    if (!parseListen(m_parser.value(listenOption), &host, &port)) {
        m_err << tr("--listen takes HOST:PORT, such as 127.0.0.1:8080, not \"%1\".")
                     .arg(m_parser.value(listenOption))
              << u'\n';
        return CannotRun;
    }
    RouterServer::Options options;
    if (!readSecret(carrierTokenOption, "TWILIO_AUTH_TOKEN", &options.carrierToken) ||
        !readSecret(adminTokenOption, "SWITCHBOARD_ADMIN_TOKEN", &options.adminToken))
        return CannotRun;
    if (options.carrierToken.isEmpty()) {
        m_err << tr("No carrier auth token: give --twilio-auth-token-file FILE or set "
                    "TWILIO_AUTH_TOKEN. "
                    "Without it no webhook can be checked, so the backend does not start.")
              << u'\n';
        return CannotRun;
    }
    if (options.adminToken.isEmpty())
        m_err << tr("No admin token (--admin-token-file or SWITCHBOARD_ADMIN_TOKEN): every /api/ "
                    "request will be refused.")
              << u'\n';

    QString location = m_parser.value(databaseOption);
    if (location.isEmpty()) {
        location = QFileInfo(Database::defaultLocation()).dir().filePath(u"routerd.sqlite"_s);
        QDir().mkpath(QFileInfo(location).path());
    }
    QString error;
    const auto db = Database::open(location, &error);
    if (!db) {
        m_err << error << u'\n';
        return CannotRun;
    }
    RouterStore store(*db);
    if (!store.prepare(&error)) {
        m_err << error << u'\n';
        return CannotRun;
    }

    auto *tcp = new LowDelayTcpServer;
    if (!tcp->listen(host, port)) {
        m_err << tr("Cannot listen on %1: %2").arg(m_parser.value(listenOption), tcp->errorString())
              << u'\n';
        delete tcp;
        return CannotRun;
    }
    const QString hostText = tcp->serverAddress().protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + tcp->serverAddress().toString() + u']'
                                 : tcp->serverAddress().toString();
    const QString address = hostText + u':' + QString::number(tcp->serverPort());
    options.publicUrl =
        m_parser.isSet(publicUrlOption) ? m_parser.value(publicUrlOption) : u"http://"_s + address;
    options.logRequests = !m_parser.isSet(quietOption);
    RouterServer server(store, options);
    server.bind(tcp); // the server takes the QTcpServer over

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        m_err << tr("Cannot set up signal handling.") << u'\n';
        return CannotRun;
    }
    QSocketNotifier notifier(g_signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
        char byte;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[1], &byte, 1);
        notifier.setEnabled(false);
        // Take no new connections; write out what is already answered, then stop. Requests
        // are answered one by one in this loop, so none is half done here.
        tcp->close();
        for (QTcpSocket *socket : tcp->findChildren<QTcpSocket *>()) {
            while (socket->state() == QAbstractSocket::ConnectedState &&
                   socket->bytesToWrite() > 0 && socket->waitForBytesWritten(2000)) {
            }
        }
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    m_err << tr("switchboard-routerd %1 listening on http://%2 (public URL %3, database %4, "
                "revision %5)")
                 .arg(QStringLiteral(SWITCHBOARD_VERSION), address, options.publicUrl,
                      db->displayName())
                 .arg(store.currentRevision())
          << u'\n';
    m_err.flush();
    const int code = QCoreApplication::exec();
    m_err << tr("switchboard-routerd stopped.") << u'\n';
    ::close(g_signalPipe[0]);
    ::close(g_signalPipe[1]);
    return code;
}

} // namespace

int runRouterd(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Daemon daemon(out, err);
    return daemon.run(arguments);
}

} // namespace Switchboard
