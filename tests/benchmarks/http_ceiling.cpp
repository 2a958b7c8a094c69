// The ceiling under routerd: a QAbstractHttpServer that does only what every webhook answer
// must do, part by part, so that bench_routerd.sh can show what each costs. Each level adds
// to the one before:
//   fixed      answers the TwiML from memory (QtHttpServer alone)
//   signature  + checks X-Twilio-Signature (form parsed, HMAC-SHA1 by QMessageAuthenticationCode)
//   twiml      + writes the menu's TwiML with QXmlStreamWriter (Switchboard::Twiml)
//   read       + one prepared read from SQLite (the retry lookup, as routerd's store does it)
// No routing, no configuration: what is left between "read" and routerd is routerd's own.
//
//   bench_http_ceiling LEVEL CARRIER_TOKEN SIGNED_BASE SQLITE_FILE
// prints "listening on http://127.0.0.1:PORT" on stderr; answers POST anything. Signatures
// are checked as if the requests were made to SIGNED_BASE (routerd's address in the
// benchmark, so the same signed requests serve both); a forged one is answered "forged".

#include "routing/twiml.h"
#include "server/routerserver.h"
#include "server/signature.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>

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

class CeilingServer : public QAbstractHttpServer
{
public:
    CeilingServer(Level level, QByteArray token, QByteArray base, QSqlQuery *read)
        : m_level(level)
        , m_token(std::move(token))
        , m_base(std::move(base))
        , m_read(read)
        , m_fixed(menu())
    {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QByteArray answer = m_fixed;
        if (m_level >= Signature) {
            const WebhookSignature::Fields fields = WebhookSignature::parseFields(request.body());
            const QByteArray url = m_base + request.url().path().toUtf8();
            const QByteArray expected = WebhookSignature::compute(m_token, url, fields);
            if (!WebhookSignature::equal(headerValue(request, "X-Twilio-Signature"), expected))
                answer = "forged";
            if (m_level >= Read) {
                m_read->bindValue(0, QString::fromLatin1(expected));
                if (m_read->exec() && m_read->next())
                    answer = m_read->value(0).toString().toUtf8();
                m_read->finish();
            }
        }
        if (m_level >= TwimlLevel && answer != "forged")
            answer = menu();
        QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n"
                         "Content-Length: " +
                         QByteArray::number(answer.size()) + "\r\n\r\n" + answer;
        socket->write(out);
        socket->flush();
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    QByteArray menu() const
    {
        const QString state = u"?r=1&f=main&a=menu&n=2&o=1"_s;
        const QString voice = QString::fromUtf8(m_base) + u"/twilio/voice/"_s;
        Twiml twiml;
        twiml.gather(voice + u"gather"_s + state, 5,
                     Prompt::say(u"For sales press 1, for support press 2."_s));
        twiml.redirect(voice + u"no-key"_s + state);
        return twiml.finish();
    }

    Level m_level;
    QByteArray m_token;
    QByteArray m_base;
    QSqlQuery *m_read;
    QByteArray m_fixed; // the same TwiML, written once
};

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_NO_GLIB", "1"); // as routerd
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QStringList levels{u"fixed"_s, u"signature"_s, u"twiml"_s, u"read"_s};
    if (args.size() != 5 || !levels.contains(args.at(1))) {
        std::fprintf(stderr,
                     "usage: bench_http_ceiling fixed|signature|twiml|read TOKEN BASE FILE\n");
        return 2;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s);
    db.setDatabaseName(args.at(4));
    if (!db.open()) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(args.at(4)));
        return 2;
    }
    QSqlQuery setup(db);
    setup.exec(u"PRAGMA journal_mode=WAL"_s);
    setup.exec(u"CREATE TABLE IF NOT EXISTS webhooks (request_key TEXT PRIMARY KEY, "
               "response TEXT NOT NULL, at TEXT NOT NULL)"_s);
    QSqlQuery read(db);
    read.setForwardOnly(true);
    read.prepare(u"SELECT response FROM webhooks WHERE request_key = ?"_s);

    auto *tcp = new LowDelayTcpServer;
    if (!tcp->listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(tcp->errorString()));
        return 2;
    }
    CeilingServer server(Level(levels.indexOf(args.at(1))), args.at(2).toUtf8(),
                         args.at(3).toUtf8(), &read);
    server.bind(tcp);
    std::fprintf(stderr, "listening on http://127.0.0.1:%d\n", tcp->serverPort());
    return QCoreApplication::exec();
}
