// fake-carrier: the tests' fake carrier API (tests/common/fakecarrier.h) as a program, to try
// the console and routerd by hand without a carrier account:
//   fake-carrier --number "+15125550100=Main line" --recording FILE ...
// prints the URL it listens on (a free loopback port); then start routerd with
// --carrier-account-sid AC0123456789abcdef0123456789abcdef, --carrier-api-url URL and the
// same TWILIO_AUTH_TOKEN. Each
// recording is served at /2010-04-01/Accounts/SID/Recordings/RE<n>(.mp3), n from 1; what it
// is asked is printed.

#include "fakecarrier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QMimeDatabase>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Switchboard::Test;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The tests' fake carrier REST API, on loopback."_s);
    parser.addHelpOption();
    const QCommandLineOption token(u"auth-token"_s,
                                   u"The auth token (default: $TWILIO_AUTH_TOKEN)."_s, u"TOKEN"_s);
    const QCommandLineOption number(u"number"_s, u"A number of the account: +1...=Friendly name."_s,
                                    u"NUMBER"_s);
    const QCommandLineOption recording(u"recording"_s,
                                       u"A recording's file, served as RE1, RE2, ..."_s, u"FILE"_s);
    parser.addOptions({token, number, recording});
    parser.process(app);
    const QByteArray authToken =
        parser.isSet(token) ? parser.value(token).toUtf8() : qgetenv("TWILIO_AUTH_TOKEN");
    FakeCarrier carrier(authToken);
    QString error;
    if (!carrier.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    for (const QString &n : parser.values(number))
        carrier.addNumber(n.section(u'=', 0, 0), n.section(u'=', 1));
    int index = 0;
    for (const QString &path : parser.values(recording)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(file.errorString()));
            return 2;
        }
        const QString at = u"/2010-04-01/Accounts/"_s + carrierAccountSid + u"/Recordings/RE"_s +
                           QString::number(++index);
        carrier.addRecording(at, file.readAll(),
                             QMimeDatabase().mimeTypeForFile(path).name().toLatin1());
        std::printf("recording %s\n", qPrintable(carrier.url() + at));
    }
    std::printf("listening on %s (account %s)\n", qPrintable(carrier.url()),
                qPrintable(carrierAccountSid));
    std::fflush(stdout);
    // What it is asked, as it comes.
    qsizetype shown = 0;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        const auto requests = carrier.requests();
        for (; shown < requests.size(); ++shown) {
            const auto &r = requests.at(shown);
            std::printf("%s %s -> %d %s\n", r.method.constData(), qPrintable(r.path), r.status,
                        qPrintable(r.field(u"Body"_s)));
        }
        std::fflush(stdout);
    });
    poll.start(200);
    return app.exec();
}
