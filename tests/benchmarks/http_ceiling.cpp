// The ceiling under routerd: routerd's own HTTP layer (Boost.Beast, server/httpserver.h) on
// one thread, doing only what every webhook answer must do, part by part, so that
// bench_routerd.sh can show what each costs. Each level adds to the one before:
//   fixed      answers the TwiML from memory (the HTTP layer alone)
//   signature  + checks X-Twilio-Signature (form parsed, HMAC-SHA1 by QMessageAuthenticationCode)
//   twiml      + writes the menu's TwiML (Switchboard::Twiml)
//   read       + one prepared read from SQLite (the retry lookup, as routerd's store does it)
// No routing, no configuration: what is left between "read" and routerd is routerd's own.
//
//   bench_http_ceiling LEVEL CARRIER_TOKEN SIGNED_BASE SQLITE_FILE
// prints "listening on http://127.0.0.1:PORT" on stderr; answers POST anything. Signatures
// are checked as if the requests were made to SIGNED_BASE (routerd's address in the
// benchmark, so the same signed requests serve both); a forged one is answered "forged".

#include "routing/twiml.h"
#include "server/httpserver.h"
#include "server/signature.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {

enum Level
{
    Fixed,
    Signature,
    TwimlLevel,
    Read
};

QByteArray menu(const QByteArray &base)
{
    const QString state = u"?r=1&f=main&a=menu&n=2&o=1"_s;
    const QString voice = QString::fromUtf8(base) + u"/twilio/voice/"_s;
    Twiml twiml;
    twiml.gather(voice + u"gather"_s + state, 5,
                 Prompt::say(u"For sales press 1, for support press 2."_s));
    twiml.redirect(voice + u"no-key"_s + state);
    return twiml.finish();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QStringList levels{u"fixed"_s, u"signature"_s, u"twiml"_s, u"read"_s};
    if (args.size() != 5 || !levels.contains(args.at(1))) {
        std::fprintf(stderr,
                     "usage: bench_http_ceiling fixed|signature|twiml|read TOKEN BASE FILE\n");
        return 2;
    }
    const Level level = Level(levels.indexOf(args.at(1)));
    const QByteArray token = args.at(2).toUtf8();
    const QByteArray base = args.at(3).toUtf8();
    const QString file = args.at(4);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"setup"_s);
        db.setDatabaseName(file);
        if (!db.open()) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(file));
            return 2;
        }
        QSqlQuery setup(db);
        setup.exec(u"PRAGMA journal_mode=WAL"_s);
        setup.exec(u"CREATE TABLE IF NOT EXISTS webhooks (request_key TEXT PRIMARY KEY, "
                   "response TEXT NOT NULL, at TEXT NOT NULL)"_s);
    }
    QSqlDatabase::removeDatabase(u"setup"_s);

    HttpServer::Limits limits;
    limits.bodyLimit = [](HttpRequest::Method, const QByteArray &) { return 64 * 1024; };
    HttpServer server(limits, [&]() -> HttpServer::Handler {
        // The thread's own connection and prepared read, as routerd's threads have.
        auto db =
            std::make_shared<QSqlDatabase>(QSqlDatabase::addDatabase(u"QSQLITE"_s, u"read"_s));
        db->setDatabaseName(file);
        db->open();
        auto read = std::make_shared<QSqlQuery>(*db);
        read->setForwardOnly(true);
        read->prepare(u"SELECT response FROM webhooks WHERE request_key = ?"_s);
        const QByteArray fixed = menu(base);
        return [=](const HttpRequest &request) {
            QByteArray answer = fixed;
            if (level >= Signature) {
                const WebhookSignature::Fields fields = WebhookSignature::parseFields(request.body);
                const QByteArray expected =
                    WebhookSignature::compute(token, QByteArray(base + request.target), fields);
                if (!WebhookSignature::equal(request.header("X-Twilio-Signature"), expected))
                    answer = "forged";
                if (level >= Read) {
                    read->bindValue(0, QString::fromLatin1(expected));
                    if (read->exec() && read->next())
                        answer = read->value(0).toString().toUtf8();
                    read->finish();
                }
            }
            if (level >= TwimlLevel && answer != "forged")
                answer = menu(base);
            return HttpResponse{200, "text/xml; charset=utf-8", answer, {}};
        };
    });
    QString error;
    if (!server.listen(u"127.0.0.1"_s, 0, &error)) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(error));
        return 2;
    }
    std::fprintf(stderr, "listening on http://%s\n", qPrintable(server.address()));
    server.run(1, true);
    return 0;
}
