#include "daemon.h"

#include "i18n/language.h"
#include "server/httpserver.h"
#include "server/replysender.h"
#include "server/routerserver.h"
#include "store/database.h"
#include "store/routerstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSet>
#include <QTextStream>
#include <QThread>

#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

constexpr int CannotRun = 2;

// A request's target as logged: bytes that could end or forge a log line (controls, and
// anything outside printable ASCII) are written as \xNN.
QByteArray loggable(const QByteArray &target)
{
    QByteArray out;
    out.reserve(target.size());
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f || c == '\\') {
            out += "\\x";
            out += QByteArray::number(u, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    return out;
}

// What each thread of the server has of its own: a database connection and the handler that
// uses it.
struct ThreadState
{
    std::unique_ptr<Database> db;
    std::unique_ptr<RouterStore> store;
    std::unique_ptr<RouterServer> server;
    std::function<bool()> open; // (again) its connection, its store and its server
};
// The pool thread's own: its screen checks credentials on its connection to the database.
thread_local ThreadState *t_state = nullptr;

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
    // The settings of the --config file as options (those the command line gives win), or
    // false having said what is wrong and where.
    bool readConfigFile(const QStringList &arguments, const QList<QCommandLineOption> &options,
                        QStringList *fromFile);
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

bool Daemon::readConfigFile(const QStringList &arguments, const QList<QCommandLineOption> &options,
                            QStringList *fromFile)
{
    // Where the file is, and which options the command line sets itself.
    QString path;
    QSet<QString> given;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (!a.startsWith(u"--"))
            continue;
        const QString name = a.mid(2).section(u'=', 0, 0);
        given.insert(name);
        if (name == u"config")
            path = a.contains(u'=') ? a.section(u'=', 1) : arguments.value(i + 1);
    }
    if (path.isEmpty())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_err << tr("Cannot read the configuration file %1: %2").arg(path, file.errorString())
              << u'\n';
        return false;
    }
    QHash<QString, const QCommandLineOption *> known;
    for (const QCommandLineOption &o : options)
        known.insert(o.names().constFirst(), &o);
    known.remove(u"config"_s);
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype equals = line.indexOf(u'=');
        const QString key = line.left(equals).trimmed();
        const QString value = equals < 0 ? QString() : line.mid(equals + 1).trimmed();
        const QCommandLineOption *option = known.value(key);
        if (equals < 0 || !option) {
            m_err << tr("%1:%2: \"%3\" is not a setting (KEY = VALUE, KEY one of the long "
                        "options without --, such as listen).")
                         .arg(path)
                         .arg(number)
                         .arg(line)
                  << u'\n';
            return false;
        }
        if (given.contains(key))
            continue;                        // the command line wins
        if (option->valueName().isEmpty()) { // a switch: quiet = true
            if (value != u"true" && value != u"false") {
                m_err << tr("%1:%2: %3 is true or false.").arg(path).arg(number).arg(key) << u'\n';
                return false;
            }
            if (value == u"true")
                fromFile->append(u"--"_s + key);
        } else {
            fromFile->append(u"--"_s + key + u'=' + value);
        }
    }
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
    const QCommandLineOption accountSidOption(
        u"carrier-account-sid"_s,
        tr("The carrier account's SID, for sending replies, fetching recordings and wiring "
           "numbers (else $TWILIO_ACCOUNT_SID; without it those answer 409)."),
        tr("SID"));
    const QCommandLineOption apiUrlOption(
        u"carrier-api-url"_s, tr("The carrier's REST API (default https://api.twilio.com)."),
        tr("URL"), u"https://api.twilio.com"_s);
    const QCommandLineOption carrierTimeoutOption(
        u"carrier-timeout"_s,
        tr("Seconds without an answer from the carrier before a request to it is given up "
           "(default 30)."),
        tr("SECONDS"), u"30"_s);
    const QCommandLineOption retryDelayOption(
        u"carrier-retry-delay"_s,
        tr("Seconds before a reply the carrier could not take is tried again; doubled each "
           "time, at most 30 times it (default 10)."),
        tr("SECONDS"), u"10"_s);
    const QCommandLineOption quietOption(u"quiet"_s, tr("Do not log each request."));
    const QCommandLineOption threadsOption(
        u"threads"_s,
        tr("Threads answering requests, each with its own database connection (default: the "
           "number of cores, %1).")
            .arg(QThread::idealThreadCount()),
        tr("N"));
    const QCommandLineOption requestTimeoutOption(
        u"request-timeout"_s,
        tr("Seconds a request may take to arrive whole, from its first byte (default 15)."),
        tr("SECONDS"), u"15"_s);
    const QCommandLineOption idleTimeoutOption(
        u"idle-timeout"_s, tr("Seconds an idle kept-alive connection stays open (default 60)."),
        tr("SECONDS"), u"60"_s);
    const QCommandLineOption retentionOption(
        u"retention-days"_s,
        tr("Days routing events, sent replies and closed conversations are kept (default 90; "
           "remembered webhook answers: 2)."),
        tr("DAYS"), u"90"_s);
    const QCommandLineOption maxConnectionsOption(
        u"max-connections"_s,
        tr("Connections served at once; above it new ones get 503 (default 4096)."), tr("N"),
        u"4096"_s);
    const QCommandLineOption langOption(u"lang"_s, tr("Language of the messages (de, es, en)."),
                                        tr("LANG"));
    const QCommandLineOption configOption(
        u"config"_s,
        tr("Read settings from FILE: lines KEY = VALUE, KEY a long option without -- (such as "
           "listen, database, admin-token-file); # starts a comment. Options on the command line "
           "win."),
        tr("FILE"));
    m_parser.setApplicationDescription(tr("Switchboard's routing backend: answers the carrier's "
                                          "webhooks by running the pushed flows."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    const QList<QCommandLineOption> all{
        configOption,         listenOption,      databaseOption,
        publicUrlOption,      adminTokenOption,  carrierTokenOption,
        accountSidOption,     apiUrlOption,      carrierTimeoutOption,
        retryDelayOption,     quietOption,       threadsOption,
        requestTimeoutOption, idleTimeoutOption, maxConnectionsOption,
        retentionOption,      langOption};
    m_parser.addOptions(all);
    QStringList fromFile;
    if (!readConfigFile(arguments, all, &fromFile))
        return CannotRun;
    if (!m_parser.parse(arguments + fromFile)) {
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
        m_err << tr("No admin token (--admin-token-file or SWITCHBOARD_ADMIN_TOKEN): only people "
                    "whose passwords were set before can use the API.")
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

    int threads = QThread::idealThreadCount();
    if (m_parser.isSet(threadsOption)) {
        bool ok = false;
        threads = m_parser.value(threadsOption).toInt(&ok);
        if (!ok || threads < 1 || threads > 256) {
            m_err << tr("--threads takes a number from 1 to 256, not \"%1\".")
                         .arg(m_parser.value(threadsOption))
                  << u'\n';
            return CannotRun;
        }
    }
    const int revision = store.revisions().currentRevision();

    const bool logRequests = !m_parser.isSet(quietOption);
    HttpServer::Limits limits;
    limits.bodyLimit = &RouterServer::bodyLimit;
    limits.screen = [](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (!t_state)
            return std::nullopt;
        // A thread whose database was away tries it again; still away, the API's requests are
        // refused from their headers too (none of a body is read that nobody can check).
        if (!t_state->server && !(t_state->open && t_state->open())) {
            if (!request.path().startsWith(u"/api/"))
                return std::nullopt; // webhooks and /healthz answer 503 themselves
            return problemResponse(503, RouterServer::tr("The database cannot be read."));
        }
        return t_state->server->screen(request);
    };
    const auto number = [&](const QCommandLineOption &option, int min, int max, int *value) {
        bool ok = false;
        *value = m_parser.value(option).toInt(&ok);
        if (ok && *value >= min && *value <= max)
            return true;
        m_err << tr("--%1 takes a number from %2 to %3, not \"%4\".")
                     .arg(option.names().constFirst())
                     .arg(min)
                     .arg(max)
                     .arg(m_parser.value(option))
              << u'\n';
        return false;
    };
    int requestSeconds = 0, idleSeconds = 0, retentionDays = 0, carrierSeconds = 0,
        retrySeconds = 0;
    if (!number(retentionOption, 1, 36500, &retentionDays) ||
        !number(carrierTimeoutOption, 1, 600, &carrierSeconds) ||
        !number(retryDelayOption, 1, 3600, &retrySeconds) ||
        !number(requestTimeoutOption, 1, 3600, &requestSeconds) ||
        !number(idleTimeoutOption, 1, 86400, &idleSeconds) ||
        !number(maxConnectionsOption, 1, 1000000, &limits.maxConnections))
        return CannotRun;
    CarrierAccount &account = options.carrier;
    account.sid = m_parser.isSet(accountSidOption)
                      ? m_parser.value(accountSidOption).trimmed()
                      : QString::fromUtf8(qgetenv("TWILIO_ACCOUNT_SID")).trimmed();
    if (!account.sid.isEmpty() && !CarrierAccount::isValidSid(account.sid)) {
        m_err << tr("The carrier account SID is AC followed by 32 hexadecimal digits, not \"%1\".")
                     .arg(account.sid)
              << u'\n';
        return CannotRun;
    }
    account.apiUrl = QUrl(m_parser.value(apiUrlOption), QUrl::StrictMode);
    if (!account.apiUrl.isValid() || account.apiUrl.host().isEmpty() ||
        (account.apiUrl.scheme() != u"https" && account.apiUrl.scheme() != u"http")) {
        m_err << tr("--carrier-api-url takes an http(s) URL, not \"%1\".")
                     .arg(m_parser.value(apiUrlOption))
              << u'\n';
        return CannotRun;
    }
    account.authToken = options.carrierToken;
    account.timeoutMs = carrierSeconds * 1000;
    limits.requestTimeout = std::chrono::seconds(requestSeconds);
    limits.idleTimeout = std::chrono::seconds(idleSeconds);
    ConfigurationCache configs;
    // The sender, once there is an account (and the public URL its callbacks go to).
    std::unique_ptr<ReplySender> sender;
    std::mutex senderMutex;
    options.replyQueued = [&sender, &senderMutex] {
        const std::lock_guard lock(senderMutex);
        if (sender)
            sender->wake();
    };
    // At most half the threads wait on the carrier at once; the others answer the webhooks.
    options.carrierSlots = std::max(1, threads / 2);
    RouterServer::Options options2 = options; // completed once the address is known
    HttpServer http(
        limits,
        [&]() -> HttpServer::Handler {
            // Runs on each thread of the pool: its own connection to the database. One that
            // cannot be opened is tried again at the thread's next request, so a database
            // that was briefly away does not leave this thread answering 503 for good.
            auto state = std::make_shared<ThreadState>();
            t_state = state.get();
            auto open = [state, &location, &configs, &options2] {
                QString why;
                state->db = Database::open(location, &why);
                if (!state->db) {
                    std::fprintf(stderr, "database: %s\n", qPrintable(why));
                    return false;
                }
                state->store = std::make_unique<RouterStore>(*state->db);
                state->server = std::make_unique<RouterServer>(*state->store, configs, options2);
                return true;
            };
            open();
            state->open = open;
            return [state, open](const HttpRequest &request) {
                if (!state->server && !open())
                    return problemResponse(503, RouterServer::tr("The database cannot be read."));
                return state->server->respond(request);
            };
        },
        [logRequests](const HttpRequest &request, int status, double ms) {
            if (!logRequests)
                return;
            std::fprintf(stderr, "%s %s %s %d %.1fms\n",
                         qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
                         loggable(request.methodName).constData(),
                         loggable(request.target).constData(), status, ms);
        });
    const QString hostText = host == QHostAddress(QHostAddress::Any) ? u"::"_s : host.toString();
    if (!http.listen(hostText, port, &error)) {
        m_err << tr("Cannot listen on %1: %2").arg(m_parser.value(listenOption), error) << u'\n';
        return CannotRun;
    }
    const QString address = http.address();
    options2.publicUrl =
        m_parser.isSet(publicUrlOption) ? m_parser.value(publicUrlOption) : u"http://"_s + address;

    m_err << tr("switchboard-routerd %1 listening on http://%2 (public URL %3, database %4, "
                "revision %5)")
                 .arg(QStringLiteral(SWITCHBOARD_VERSION), address, options2.publicUrl,
                      db->displayName())
                 .arg(revision)
          << u'\n';
    if (account.isConfigured()) {
        m_err << tr("Carrier account %1 at %2: replies are sent, recordings fetched.")
                     .arg(account.sid, account.apiUrl.toDisplayString())
              << u'\n';
        ReplySender::Options so;
        so.database = location;
        so.account = account;
        QString base = options2.publicUrl;
        while (base.endsWith(u'/'))
            base.chop(1);
        so.statusCallback = base + u"/twilio/sms/status"_s; // as RouterServer signs it
        so.retryDelaySeconds = retrySeconds;
        const std::lock_guard lock(senderMutex);
        sender = std::make_unique<ReplySender>(so);
        sender->start();
    } else {
        m_err << tr("No carrier account (--carrier-account-sid or TWILIO_ACCOUNT_SID): replies "
                    "are not sent, recordings not fetched, numbers not wired.")
              << u'\n';
    }
    m_err.flush();
    // What is past its time goes, at start and every hour, on a thread of its own with its own
    // connection (several routerd pruning the same rows at once is harmless).
    std::mutex maintenanceMutex;
    std::condition_variable maintenanceWake;
    bool stopping = false;
    std::thread maintenance([&] {
        QString pruneError;
        auto own = Database::open(location, &pruneError);
        std::unique_ptr<RouterStore> pruning = own ? std::make_unique<RouterStore>(*own) : nullptr;
        std::unique_lock lock(maintenanceMutex);
        while (!stopping) {
            lock.unlock();
            if (!pruning || pruning->prune(retentionDays, &pruneError) < 0)
                std::fprintf(stderr, "retention: %s\n", qPrintable(pruneError));
            lock.lock();
            maintenanceWake.wait_for(lock, std::chrono::hours(1), [&] { return stopping; });
        }
    });
    // Until SIGINT or SIGTERM; then the requests in flight are answered first.
    http.run(threads, true);
    {
        const std::lock_guard lock(senderMutex);
        sender.reset(); // a send in flight is finished first
    }
    {
        const std::lock_guard lock(maintenanceMutex);
        stopping = true;
    }
    maintenanceWake.notify_all();
    maintenance.join();
    m_err << tr("switchboard-routerd stopped.") << u'\n';
    return 0;
}

} // namespace

int runRouterd(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Daemon daemon(out, err);
    return daemon.run(arguments);
}

} // namespace Switchboard
