#include "ctl.h"

#include "api/vocabulary.h"
#include "backend/backendclient.h"
#include "backend/ctlsessions.h"
#include "backend/push.h"
#include "backend/routerdclient.h"
#include "config/configdocument.h"
#include "i18n/language.h"
#include "model/changesummary.h"
#include "model/identifiers.h"
#include "routing/hours.h"
#include "routing/simulator.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "validation/finding.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

enum ExitCode
{
    Done = 0,
    DocumentErrors = 1,
    CannotRun = 2,
    Conflict = 3
};

class Ctl
{
    Q_DECLARE_TR_FUNCTIONS(Ctl)

public:
    Ctl(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
    {}

    int run(const QStringList &arguments);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    QCommandLineParser m_parser;
    QCommandLineOption m_database{
        u"database"_s,
        tr("SQLite file or postgresql:// URL (default: %1).").arg(Database::defaultLocation()),
        tr("DB")};
    QCommandLineOption m_lang{u"lang"_s, tr("Language of the messages (de, es, en)."), tr("LANG")};
    // push
    QCommandLineOption m_backend{u"backend"_s,
                                 tr("push, carrier, login, logout: the backend's URL."), tr("URL")};
    QCommandLineOption m_tokenFile{
        u"token-file"_s,
        tr("push, carrier: a file holding a token for the backend (the admin token, say); "
           "without it, the session of the last login to that URL."),
        tr("FILE")};
    QCommandLineOption m_caFile{
        u"ca-file"_s,
        tr("push, carrier, login: certificate authorities to trust besides the system's (PEM)."),
        tr("FILE")};
    QCommandLineOption m_user{u"user"_s, tr("login: your e-mail address or user id."), tr("LOGIN")};
    QCommandLineOption m_passwordFile{
        u"password-file"_s,
        tr("login: a file holding your password (- for standard input; default: asked for)."),
        tr("FILE")};
    QCommandLineOption m_overwrite{
        u"overwrite"_s,
        tr("push: replace the backend's configuration even if it changed since the last push.")};
    // simulate
    QCommandLineOption m_config{u"config"_s,
                                tr("simulate: the configuration document to run (default: the "
                                   "organization in --database)."),
                                tr("FILE")};
    QCommandLineOption m_to{u"to"_s, tr("simulate: the number called or texted."), tr("NUMBER")};
    QCommandLineOption m_from{u"from"_s, tr("simulate: the caller's number."), tr("NUMBER")};
    QCommandLineOption m_at{u"at"_s,
                            tr("simulate: when (ISO-8601; without an offset, in the organization's "
                               "time zone; default now)."),
                            tr("TIME")};
    QCommandLineOption m_digits{
        u"digits"_s, tr("simulate: keys pressed, one per menu question, comma-separated."),
        tr("KEYS")};
    QCommandLineOption m_answer{
        u"answer"_s, tr("simulate: the user who answers when rung, or none."), tr("USER")};
    QCommandLineOption m_unavailable{
        u"unavailable"_s, tr("simulate: users who are unavailable, comma-separated."), tr("USERS")};
    QCommandLineOption m_text{
        u"text"_s, tr("simulate: a text message with this body instead of a call."), tr("BODY")};

    QString usage() const
    {
        return tr(
            "Usage:\n"
            "  switchboardctl validate FILE               check a configuration document\n"
            "  switchboardctl import --database DB FILE   replace the organization in DB\n"
            "  switchboardctl export --database DB [FILE] write the configuration "
            "document\n"
            "  switchboardctl login --backend URL --user LOGIN [--password-file FILE] [--ca-file "
            "FILE]\n"
            "                      sign in, and keep the session for push\n"
            "  switchboardctl logout --backend URL  end that session\n"
            "  switchboardctl push --database DB --backend URL [--token-file FILE] [--ca-file "
            "FILE]\n"
            "                      [--overwrite]      send the configuration to the backend\n"
            "  switchboardctl carrier numbers --backend URL [--token-file FILE] [--ca-file FILE]\n"
            "                      the carrier account's numbers, and where they point\n"
            "  switchboardctl carrier wire --backend URL [NUMBER...]\n"
            "                      point numbers (default: every routed one) at the backend\n"
            "  switchboardctl simulate --config FILE --to NUMBER --from NUMBER [--at ISO-8601]\n"
            "                          [--digits 1,2] [--answer USER|none] [--unavailable "
            "USER,...]\n"
            "                          [--text BODY]        "
            "run a call or a text through the flows\n");
    }
    QString databaseLocation() const
    {
        return m_parser.isSet(m_database) ? m_parser.value(m_database)
                                          : Database::defaultLocation();
    }
    bool readFile(const QString &path, QByteArray *bytes);
    void printFindings(const Findings &findings);
    int validate(const QStringList &args);
    int importDocument(const QStringList &args);
    int exportDocument(const QStringList &args);
    int simulate(const QStringList &args);
    int push(const QStringList &args);
    int login(const QStringList &args);
    int logout(const QStringList &args);
    int carrier(const QStringList &args);
    // --backend's URL, checked; empty (having said why) when it is not one.
    QUrl backendUrl(const QString &command);
    // Where `command` sends its requests and with which token (--token-file, else the last
    // login's session); nullopt, having said why, when it cannot.
    std::optional<BackendSettings> backendSettings(const QString &command);
    std::optional<Organization> loadOrganization();
};

int Ctl::run(const QStringList &arguments)
{
    m_parser.setApplicationDescription(tr("Switchboard on the command line."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({m_database, m_lang, m_backend, m_tokenFile, m_caFile, m_user,
                         m_passwordFile, m_overwrite, m_config, m_to, m_from, m_at, m_digits,
                         m_answer, m_unavailable, m_text});
    m_parser.addPositionalArgument(u"command"_s,
                                   tr("validate, import, export, push, carrier, login, logout or "
                                      "simulate"));
    if (!m_parser.parse(arguments)) {
        m_err << m_parser.errorText() << u'\n' << usage();
        return CannotRun;
    }
    if (m_parser.isSet(m_lang))
        installTranslations(m_parser.value(m_lang));
    if (m_parser.isSet(u"help"_s)) {
        m_out << m_parser.helpText() << u'\n' << usage();
        return Done;
    }
    if (m_parser.isSet(u"version"_s)) {
        m_out << "switchboardctl " << SWITCHBOARD_VERSION << u'\n';
        return Done;
    }
    const QStringList args = m_parser.positionalArguments();
    const QString command = args.value(0);
    if (command == u"validate")
        return validate(args.mid(1));
    if (command == u"import")
        return importDocument(args.mid(1));
    if (command == u"export")
        return exportDocument(args.mid(1));
    if (command == u"simulate")
        return simulate(args.mid(1));
    if (command == u"push")
        return push(args.mid(1));
    if (command == u"carrier")
        return carrier(args.mid(1));
    if (command == u"login")
        return login(args.mid(1));
    if (command == u"logout")
        return logout(args.mid(1));
    if (command.isEmpty())
        m_err << tr("No command given.") << u'\n' << usage();
    else
        m_err << tr("Unknown command \"%1\".").arg(command) << u'\n' << usage();
    return CannotRun;
}

bool Ctl::readFile(const QString &path, QByteArray *bytes)
{
    QFile file(path);
    if (path == u"-" ? !file.open(stdin, QIODevice::ReadOnly) : !file.open(QIODevice::ReadOnly)) {
        m_err << tr("Cannot read %1: %2").arg(path, file.errorString()) << u'\n';
        return false;
    }
    *bytes = file.readAll();
    return true;
}

void Ctl::printFindings(const Findings &findings)
{
    // Errors first, since they block; each kind in document order.
    Findings sorted = findings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Finding &a, const Finding &b) {
        return a.isError() && !b.isError();
    });
    for (const Finding &f : std::as_const(sorted))
        m_out << formatFinding(f) << u'\n';
    m_out.flush();
    const int errors = countErrors(findings);
    const int warnings = countWarnings(findings);
    m_err << tr("%n error(s)", nullptr, errors) << u", "_s << tr("%n warning(s)", nullptr, warnings)
          << u'\n';
}

int Ctl::validate(const QStringList &args)
{
    if (args.size() != 1) {
        m_err << tr("validate takes one file (or - for standard input).") << u'\n' << usage();
        return CannotRun;
    }
    QByteArray bytes;
    if (!readFile(args.first(), &bytes))
        return CannotRun;
    const Findings findings = validateConfigDocument(bytes);
    printFindings(findings);
    return countErrors(findings) ? DocumentErrors : Done;
}

int Ctl::importDocument(const QStringList &args)
{
    if (args.size() != 1) {
        m_err << tr("import takes one file (or - for standard input).") << u'\n' << usage();
        return CannotRun;
    }
    QByteArray bytes;
    if (!readFile(args.first(), &bytes))
        return CannotRun;
    Organization organization;
    const Findings findings = validateConfigDocument(bytes, &organization);
    if (countErrors(findings)) {
        printFindings(findings);
        m_err << tr("Nothing was imported: the document has errors.") << u'\n';
        return DocumentErrors;
    }
    QString error;
    const auto db = Database::open(databaseLocation(), &error);
    if (!db) {
        m_err << error << u'\n';
        return CannotRun;
    }
    OrganizationStore store(*db);
    if (!store.prepare(&error) || !store.replace(organization, &error)) {
        m_err << error << u'\n' << tr("Nothing was imported.") << u'\n';
        return CannotRun;
    }
    printFindings(findings);
    m_err << tr("Imported %1 into %2: %n user(s)", nullptr, int(organization.users.size()))
                 .arg(organization.name, db->displayName())
          << u", "_s << tr("%n group(s)", nullptr, int(organization.groups.size())) << u", "_s
          << tr("%n flow(s)", nullptr, int(organization.flows.size())) << u", "_s
          << tr("%n number(s)", nullptr, int(organization.numbers.size())) << u".\n"_s;
    return Done;
}

int Ctl::exportDocument(const QStringList &args)
{
    if (args.size() > 1) {
        m_err << tr("export takes at most one file.") << u'\n' << usage();
        return CannotRun;
    }
    const std::optional<Organization> organization = loadOrganization();
    if (!organization)
        return CannotRun;
    const QByteArray document = writeConfigDocument(*organization);
    if (args.isEmpty() || args.first() == u"-") {
        m_out << QString::fromUtf8(document);
        m_out.flush();
        return Done;
    }
    // Written aside and renamed, so an interrupted export never leaves half a file.
    QSaveFile file(args.first());
    if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size() ||
        !file.commit()) {
        m_err << tr("Cannot write %1: %2").arg(args.first(), file.errorString()) << u'\n';
        return CannotRun;
    }
    return Done;
}

int Ctl::push(const QStringList &args)
{
    if (!args.isEmpty()) {
        m_err << tr("push takes options only (--database DB --backend URL --token-file FILE).")
              << u'\n' << usage();
        return CannotRun;
    }
    QString error;
    const QString location = databaseLocation();
    if (!Database::isPostgresUrl(location) && !QFileInfo::exists(location)) {
        m_err << tr("There is no database at %1.").arg(location) << u'\n';
        return CannotRun;
    }
    const auto db = Database::open(location, &error);
    if (!db) {
        m_err << error << u'\n';
        return CannotRun;
    }
    OrganizationStore store(*db);
    std::optional<Organization> organization;
    if (store.prepare(&error))
        organization = store.load(&error);
    if (!organization) {
        m_err << error << u'\n';
        return CannotRun;
    }

    // Errors block; warnings are listed, and pushing anyway is what running push means.
    const QByteArray document = writeConfigDocument(*organization);
    const Findings findings = validateConfigDocument(document);
    if (countErrors(findings)) {
        printFindings(findings);
        m_err << tr("Nothing was pushed: the configuration has errors.") << u'\n';
        return DocumentErrors;
    }
    if (!findings.isEmpty())
        printFindings(findings);

    PushRecord record = PushRecord::load(store);
    const std::optional<BackendSettings> settings = backendSettings(u"push"_s);
    if (!settings)
        return CannotRun;
    BackendClient client;
    client.setSettings(*settings);
    // A revision seen on another backend says nothing about this one.
    const int basedOn = record.url == settings->url.toString() ? record.revision : 0;
    auto put = [&](int revision) {
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (revision > 0)
            headers.append({"If-Match", '"' + QByteArray::number(revision) + '"'});
        return PushResult::from(
            client.sendAndWait("PUT", QString::fromLatin1(Api::ConfigPath), document, headers));
    };
    PushResult result = put(basedOn);
    if (result.outcome == PushResult::Conflict) {
        // What changed there since the revision this database last saw.
        const BackendResponse theirs =
            client.sendAndWait("GET", QString::fromLatin1(Api::ConfigPath));
        const BackendResponse base =
            basedOn ? client.sendAndWait("GET", Api::revisionPath(basedOn)) : BackendResponse();
        const Organization before =
            basedOn && base.ok() ? readConfigDocument(base.body).organization : Organization();
        const Organization after =
            theirs.ok() ? readConfigDocument(theirs.body).organization : Organization();
        m_err << result.message << u'\n';
        const QList<ChangeSection> changes = ChangeSummary::describe(before, after);
        if (!basedOn)
            m_out << tr("The backend holds a configuration this database never pushed: %1")
                         .arg(ChangeSummary::overview(after))
                  << u'\n';
        else if (changes.isEmpty())
            m_out << tr("Changed on the backend since revision %1: nothing, the same configuration "
                        "was pushed again.")
                         .arg(basedOn)
                  << u'\n';
        else
            m_out << tr("Changed on the backend since revision %1:").arg(basedOn) << u'\n'
                  << ChangeSummary::toText(changes);
        m_out.flush();
        if (!m_parser.isSet(m_overwrite)) {
            m_err << tr("Nothing was pushed. Push again with --overwrite to replace it with this "
                        "database's configuration.")
                  << u'\n';
            return Conflict;
        }
        result = put(result.revision);
    }
    if (result.outcome == PushResult::Invalid) {
        for (const QString &e : std::as_const(result.errors))
            m_out << u"error "_s << e << u'\n';
        m_err << result.message << u'\n';
        return DocumentErrors;
    }
    if (result.outcome != PushResult::Pushed) {
        m_err << result.message << u'\n' << tr("Nothing was pushed.") << u'\n';
        return result.outcome == PushResult::Conflict ? Conflict : CannotRun;
    }
    record = {settings->url.toString(), result.revision, documentFingerprint(document)};
    if (!record.save(store, &error))
        m_err << tr("Pushed, but the revision could not be noted in the database: %1").arg(error)
              << u'\n';
    m_err << tr("Pushed to %1: revision %2.")
                 .arg(settings->url.toDisplayString())
                 .arg(result.revision)
          << u'\n';
    return Done;
}

std::optional<BackendSettings> Ctl::backendSettings(const QString &command)
{
    BackendSettings settings;
    // The backend is named on the command line: a URL kept in a (possibly shared) database
    // must not decide where the token is sent.
    settings.url = backendUrl(command);
    if (settings.url.isEmpty())
        return std::nullopt;
    // A token from a file (never from the command line), else the last login's session.
    QByteArray token;
    if (m_parser.isSet(m_tokenFile)) {
        if (!readFile(m_parser.value(m_tokenFile), &token))
            return std::nullopt;
    } else if (const auto kept = CtlSessions::load(settings.url)) {
        token = *kept;
    } else {
        m_err << tr("%1 needs a token: sign in first with \"switchboardctl login --backend %2 "
                    "--user LOGIN\", or give --token-file FILE (tokens are read from files, "
                    "never from the command line).")
                     .arg(command, settings.url.toString())
              << u'\n';
        return std::nullopt;
    }
    settings.token = token.trimmed();
    settings.caFile = m_parser.value(m_caFile);
    QString error;
    if (!BackendClient::checkCaFile(settings.caFile, &error)) {
        m_err << error << u'\n';
        return std::nullopt;
    }
    return settings;
}

int Ctl::carrier(const QStringList &args)
{
    const QString what = args.value(0);
    if (what != u"numbers" && what != u"wire") {
        m_err << tr("carrier takes \"numbers\" or \"wire\".") << u'\n' << usage();
        return CannotRun;
    }
    if (what == u"numbers" && args.size() > 1) {
        m_err << tr("Unexpected argument \"%1\".").arg(args.at(1)) << u'\n';
        return CannotRun;
    }
    const QStringList numbers = args.mid(1);
    for (const QString &number : numbers) {
        if (!isE164(number)) {
            m_err << tr("\"%1\" is not a number in E.164 form (like +15125550100).").arg(number)
                  << u'\n';
            return CannotRun;
        }
    }
    const std::optional<BackendSettings> settings = backendSettings(u"carrier "_s + what);
    if (!settings)
        return CannotRun;
    BackendClient client;
    client.setSettings(*settings);
    RouterdClient api(&client);
    // The backend's own sentence (no carrier account, the carrier did not answer), and exit 2:
    // nothing could be done.
    const auto failed = [this](const BackendResponse &r) {
        m_err << r.error << u'\n';
        return CannotRun;
    };

    if (what == u"numbers") {
        BackendResponse response;
        Api::CarrierNumbers listed;
        QEventLoop loop;
        api.carrierNumbers(&loop, [&](const BackendResponse &r, const Api::CarrierNumbers &n) {
            response = r;
            listed = n;
            loop.quit();
        });
        loop.exec();
        if (!response.ok())
            return failed(response);
        // Columns as wide as their widest entry, so that a script can also cut them.
        qsizetype numberWidth = 0, nameWidth = 0;
        for (const Api::CarrierNumber &n : std::as_const(listed.numbers)) {
            numberWidth = std::max(numberWidth, n.number.size());
            nameWidth = std::max(nameWidth, n.friendlyName.size());
        }
        for (const Api::CarrierNumber &n : std::as_const(listed.numbers)) {
            const QString state = n.wired
                                      ? tr("wired")
                                      : tr("points elsewhere (calls: %1, texts: %2)")
                                            .arg(n.voiceUrl.isEmpty() ? tr("nowhere") : n.voiceUrl,
                                                 n.smsUrl.isEmpty() ? tr("nowhere") : n.smsUrl);
            m_out << n.number.leftJustified(int(numberWidth)) << u"  "_s
                  << n.friendlyName.leftJustified(int(nameWidth)) << u"  "_s << state << u'\n';
        }
        m_out.flush();
        m_err << tr("%n number(s) in the carrier account", nullptr, int(listed.numbers.size()))
              << u"; "_s
              << tr("wired to this backend: calls to %1, texts to %2.")
                     .arg(listed.voiceUrl, listed.smsUrl)
              << u'\n';
        return Done;
    }

    BackendResponse response;
    Api::WireResult result;
    QEventLoop loop;
    api.wireNumbers(numbers, &loop, [&](const BackendResponse &r, const Api::WireResult &w) {
        response = r;
        result = w;
        loop.quit();
    });
    loop.exec();
    if (!response.ok())
        return failed(response);
    for (const QString &number : std::as_const(result.wired))
        m_out << tr("wired %1").arg(number) << u'\n';
    for (const auto &[number, why] : std::as_const(result.skipped))
        m_out << tr("skipped %1: %2").arg(number, why) << u'\n';
    m_out.flush();
    m_err << tr("%n number(s) wired", nullptr, int(result.wired.size())) << u", "_s
          << tr("%n skipped", nullptr, int(result.skipped.size())) << u".\n"_s;
    // A number left out is something for the script to look at, as a finding is.
    return result.skipped.isEmpty() ? Done : DocumentErrors;
}

QUrl Ctl::backendUrl(const QString &command)
{
    const QUrl url(m_parser.value(m_backend));
    if (!m_parser.isSet(m_backend) || !url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"http" && url.scheme() != u"https")) {
        m_err << tr("%1 needs --backend URL (http:// or https://).").arg(command) << u'\n';
        return {};
    }
    return url;
}

int Ctl::login(const QStringList &args)
{
    if (!args.isEmpty()) {
        m_err << tr("Unexpected argument \"%1\".").arg(args.constFirst()) << u'\n';
        return CannotRun;
    }
    BackendSettings settings;
    settings.url = backendUrl(u"login"_s);
    if (settings.url.isEmpty())
        return CannotRun;
    const QString user = m_parser.value(m_user).trimmed();
    if (user.isEmpty()) {
        m_err << tr("login needs --user LOGIN: your e-mail address or user id.") << u'\n';
        return CannotRun;
    }
    settings.caFile = m_parser.value(m_caFile);
    QString error;
    if (!BackendClient::checkCaFile(settings.caFile, &error)) {
        m_err << error << u'\n';
        return CannotRun;
    }
    // The password from a file, or asked for without echo: never on the command line.
    QByteArray password;
    if (m_parser.isSet(m_passwordFile)) {
        if (!readFile(m_parser.value(m_passwordFile), &password))
            return CannotRun;
        password = password.split('\n').constFirst();
    } else {
        m_err << tr("Password for %1 at %2: ").arg(user, settings.url.toString());
        m_err.flush();
        password = CtlSessions::readSecretLine();
    }
    if (password.endsWith('\r'))
        password.chop(1);
    BackendClient client;
    client.setSettings(settings);
    const BackendResponse r =
        client.sendAndWait("POST", QString::fromLatin1(Api::SessionPath),
                           QJsonDocument(Api::signInRequest(user, QString::fromUtf8(password)))
                               .toJson(QJsonDocument::Compact));
    if (!r.ok()) {
        const QString said = r.object().value(u"error").toString();
        m_err << tr("Not signed in: %1").arg(said.isEmpty() ? r.error : said) << u'\n';
        return CannotRun;
    }
    const Api::Session session = Api::Session::fromJson(r.object());
    if (!CtlSessions::save(settings.url, session.token.toLatin1(), &error)) {
        m_err << error << u'\n';
        return CannotRun;
    }
    m_out << tr("Signed in to %1 as %2 (%3); the session is kept in %4 until %5.")
                 .arg(settings.url.toString(), session.user, session.role,
                      QDir::toNativeSeparators(CtlSessions::path(settings.url)), session.expiresAt)
          << u'\n';
    return Done;
}

int Ctl::logout(const QStringList &args)
{
    if (!args.isEmpty()) {
        m_err << tr("Unexpected argument \"%1\".").arg(args.constFirst()) << u'\n';
        return CannotRun;
    }
    BackendSettings settings;
    settings.url = backendUrl(u"logout"_s);
    if (settings.url.isEmpty())
        return CannotRun;
    const auto token = CtlSessions::load(settings.url);
    if (!token) {
        m_out << tr("Not signed in to %1.").arg(settings.url.toString()) << u'\n';
        return Done;
    }
    settings.token = *token;
    settings.caFile = m_parser.value(m_caFile);
    BackendClient client;
    client.setSettings(settings);
    const BackendResponse r = client.sendAndWait("DELETE", QString::fromLatin1(Api::SessionPath));
    QFile::remove(CtlSessions::path(settings.url));
    // Forgotten here whatever the backend said: a session it did not end expires unused.
    m_out << (r.ok() || r.failure == BackendResponse::Refused
                  ? tr("Signed out of %1.").arg(settings.url.toString())
                  : tr("Forgot the session for %1; the backend did not answer (%2), so it ends "
                       "when unused for 30 days.")
                        .arg(settings.url.toString(), r.error))
          << u'\n';
    return Done;
}

std::optional<Organization> Ctl::loadOrganization()
{
    const QString location = databaseLocation();
    if (!Database::isPostgresUrl(location) && !QFileInfo::exists(location)) {
        m_err << tr("There is no database at %1.").arg(location) << u'\n';
        return std::nullopt;
    }
    QString error;
    const auto db = Database::open(location, &error);
    if (!db) {
        m_err << error << u'\n';
        return std::nullopt;
    }
    OrganizationStore store(*db);
    std::optional<Organization> organization;
    if (store.prepare(&error))
        organization = store.load(&error);
    if (!organization)
        m_err << error << u'\n';
    return organization;
}

int Ctl::simulate(const QStringList &args)
{
    if (!args.isEmpty()) {
        m_err << tr("simulate takes options only (--config FILE --to NUMBER --from NUMBER ...).")
              << u'\n' << usage();
        return CannotRun;
    }
    if (!m_parser.isSet(m_to) || !m_parser.isSet(m_from)) {
        m_err << tr("simulate needs --to NUMBER and --from NUMBER.") << u'\n' << usage();
        return CannotRun;
    }
    std::optional<Organization> organization;
    if (m_parser.isSet(m_config)) {
        QByteArray bytes;
        if (!readFile(m_parser.value(m_config), &bytes))
            return CannotRun;
        Organization read;
        const Findings findings = validateConfigDocument(bytes, &read);
        if (countErrors(findings)) {
            printFindings(findings);
            m_err << tr("Nothing was simulated: the document has errors.") << u'\n';
            return DocumentErrors;
        }
        organization = read;
    } else {
        organization = loadOrganization();
        if (!organization)
            return CannotRun;
    }

    Simulation simulation;
    simulation.to = m_parser.value(m_to);
    simulation.from = m_parser.value(m_from);
    if (m_parser.isSet(m_at)) {
        QDateTime at = QDateTime::fromString(m_parser.value(m_at), Qt::ISODateWithMs);
        if (!at.isValid()) {
            m_err << tr("--at takes a date and time such as 2026-12-24T09:30 or "
                        "2026-12-24T09:30:00-06:00, not \"%1\".")
                         .arg(m_parser.value(m_at))
                  << u'\n';
            return CannotRun;
        }
        // Without an offset, the time is the organization's (UTC when it names no zone), not
        // this computer's.
        if (at.timeSpec() == Qt::LocalTime)
            at = QDateTime(at.date(), at.time(), timeZoneOf(organization->timezone));
        simulation.at = at;
    }
    if (m_parser.isSet(m_digits))
        simulation.digits = m_parser.value(m_digits).split(u',');
    const QString answer = m_parser.value(m_answer);
    if (!answer.isEmpty() && answer != u"none") {
        if (!organization->user(answer)) {
            m_err << tr("There is no user \"%1\" to answer.").arg(answer) << u'\n';
            return CannotRun;
        }
        simulation.answer = answer;
    }
    if (m_parser.isSet(m_unavailable)) {
        for (const QString &user : m_parser.value(m_unavailable).split(u',', Qt::SkipEmptyParts))
            simulation.unavailable.insert(user.trimmed());
    }
    if (m_parser.isSet(m_text))
        simulation.text = m_parser.value(m_text);

    const SimulationResult result = Simulator::run(*organization, simulation);
    int step = 0;
    for (const QString &line : result.steps)
        m_out << ++step << u". "_s << line << u'\n';
    m_out << result.ending << u'\n';
    m_out.flush();
    return Done;
}

} // namespace

int runCtl(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Ctl ctl(out, err);
    return ctl.run(arguments);
}

} // namespace Switchboard
