// switchboard-routerd against hostile and careless clients, over real sockets: bodies too
// large are refused from their headers, oversized headers and malformed requests are
// refused, slow and idle connections are closed by their timeouts, a connection cap refuses
// cleanly, and none of it holds up /healthz for anyone else. Also: a log line cannot be
// forged through the request's target.

#include "routerdprocess.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchboard;
using namespace Switchboard::Test;

namespace {

// The resident memory of a process, in KiB.
qint64 residentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression rss(uR"(VmRSS:\s+(\d+) kB)"_s);
    const auto m = rss.match(QString::fromLatin1(status.readAll()));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace

class TestRouterdLimits : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aHugeDeclaredBodyIsRefusedFromItsHeaders_data();
    void aHugeDeclaredBodyIsRefusedFromItsHeaders();
    void tenMegabytesOfFieldsDoNotHoldUpHealthz();
    void tooManyFormFieldsAreRefused();
    void anEndlessChunkTrailerIsRefused();
    void aTwoMegabyteHeaderIsRefused();
    void aMalformedRequestIsRefused();
    void aHeadAnswerSendsNoBody();
    void aHalfSentRequestIsClosedByTheTimeout();
    void idleConnectionsDoNotBlockHealthzAndCloseAfterTheirTimeout();
    void aboveTheConnectionCapNewConnectionsGet503();
    void aRequestTargetCannotForgeALogLine();

private:
    bool startRouterd(const QStringList &extra = {u"--quiet"_s});
    // A connected socket to routerd.
    std::unique_ptr<QTcpSocket> connectToRouterd();
    // Sends `bytes` and reads one whole answer (until the headers and Content-Length bytes
    // are in, or the connection ends); its status, or 0.
    static int exchange(QTcpSocket &socket, const QByteArray &bytes, QByteArray *answer = nullptr,
                        int timeoutMs = 5000);
    // How long GET /healthz takes on a fresh connection, in ms (-1: no 200).
    qint64 healthzMs();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RouterdProcess> m_routerd;
    quint16 m_port = 0;
};

void TestRouterdLimits::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestRouterdLimits::cleanup()
{
    m_routerd.reset();
    m_dir.reset();
}

bool TestRouterdLimits::startRouterd(const QStringList &extra)
{
    m_routerd = std::make_unique<RouterdProcess>();
    if (!m_routerd->start(m_dir->filePath(u"routerd.sqlite"_s), extra)) {
        qWarning("%s", m_routerd->log().constData());
        return false;
    }
    m_port = quint16(m_routerd->base.section(u':', -1).toUInt());
    return true;
}

std::unique_ptr<QTcpSocket> TestRouterdLimits::connectToRouterd()
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(u"127.0.0.1"_s, m_port);
    if (!socket->waitForConnected(3000))
        return nullptr;
    return socket;
}

int TestRouterdLimits::exchange(QTcpSocket &socket, const QByteArray &bytes, QByteArray *answer,
                                int timeoutMs)
{
    if (!bytes.isEmpty()) {
        socket.write(bytes);
        socket.flush();
    }
    QByteArray in;
    QElapsedTimer timer;
    timer.start();
    static const QRegularExpression length(uR"(\r\nContent-Length: (\d+)\r\n)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    while (timer.elapsed() < timeoutMs) {
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end >= 0) {
            const auto m = length.match(QString::fromLatin1(in.left(end + 2)));
            const qsizetype want = end + 4 + (m.hasMatch() ? m.captured(1).toLongLong() : 0);
            if (in.size() >= want)
                break;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        socket.waitForReadyRead(50);
        in += socket.readAll();
    }
    if (answer)
        *answer = in;
    static const QRegularExpression statusLine(uR"(^HTTP/1\.1 (\d{3}) )"_s);
    const auto m = statusLine.match(QString::fromLatin1(in.left(40)));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

qint64 TestRouterdLimits::healthzMs()
{
    QElapsedTimer timer;
    timer.start();
    const auto socket = connectToRouterd();
    if (!socket)
        return -1;
    const int status = exchange(*socket, "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    return status == 200 ? timer.elapsed() : -1;
}

void TestRouterdLimits::aHugeDeclaredBodyIsRefusedFromItsHeaders_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("sentence");
    const QByteArray admin = "Authorization: Bearer " + adminToken + "\r\n";
    QTest::newRow("100 MB webhook")
        << QByteArray("POST /twilio/voice HTTP/1.1\r\nHost: t\r\nContent-Type: "
                      "application/x-www-form-urlencoded\r\nContent-Length: 104857600\r\n\r\n")
        << 413 << QByteArray("64 KiB");
    QTest::newRow("100 GB webhook")
        << QByteArray(
               "POST /twilio/sms HTTP/1.1\r\nHost: t\r\nContent-Length: 100000000000\r\n\r\n")
        << 413 << QByteArray("64 KiB");
    QTest::newRow("webhook path percent-encoded")
        << QByteArray("POST /%74wilio/sms HTTP/1.1\r\nHost: t\r\nContent-Length: 70000\r\n\r\n")
        << 413 << QByteArray("64 KiB");
    QTest::newRow("33 MiB configuration")
        << QByteArray("PUT /api/v1/config HTTP/1.1\r\nHost: t\r\n" + admin +
                      "Content-Length: 34603008\r\n\r\n")
        << 413 << QByteArray("32 MiB");
    // Without credentials not even a configuration's worth is read.
    QTest::newRow("configuration without a token")
        << QByteArray("PUT /api/v1/config HTTP/1.1\r\nHost: t\r\nContent-Length: 20000000\r\n\r\n")
        << 401 << QByteArray("Bearer");
    QTest::newRow("2 MiB presence")
        << QByteArray("PUT /api/v1/presence/nancy HTTP/1.1\r\nHost: t\r\n" + admin +
                      "Content-Length: 2097152\r\n\r\n")
        << 413 << QByteArray("1 MiB");
}

void TestRouterdLimits::aHugeDeclaredBodyIsRefusedFromItsHeaders()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, sentence);
    QVERIFY(startRouterd());
    const qint64 before = residentKiB(m_routerd->process().processId());
    const auto socket = connectToRouterd();
    QVERIFY(socket);
    QElapsedTimer timer;
    timer.start();
    QByteArray answer;
    // Only the headers are sent: the answer must come without waiting for any body.
    QCOMPARE(exchange(*socket, request, &answer), status);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(answer.contains(sentence), answer.constData());
    QVERIFY(answer.contains("Connection: close"));
    const qint64 after = residentKiB(m_routerd->process().processId());
    QVERIFY2(after - before < 10 * 1024, qPrintable(u"%1 -> %2 KiB"_s.arg(before).arg(after)));
    QVERIFY(healthzMs() >= 0);
}

// A client streams 10 MB of form fields (chunked, so no length says so up front); it is
// refused once past the webhook limit, and /healthz answers promptly all along.
void TestRouterdLimits::tenMegabytesOfFieldsDoNotHoldUpHealthz()
{
    QVERIFY(startRouterd());
    const qint64 pid = m_routerd->process().processId();
    const qint64 before = residentKiB(pid);
    const auto hostile = connectToRouterd();
    QVERIFY(hostile);
    hostile->write("POST /twilio/sms HTTP/1.1\r\nHost: t\r\nContent-Type: "
                   "application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
    QByteArray chunk;
    while (chunk.size() < 64 * 1024)
        chunk += "Body=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&";
    const QByteArray framed = QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    qint64 slowestHealthz = 0;
    qint64 sent = 0;
    QByteArray refusal;
    for (int i = 0; sent < 10 * 1024 * 1024 && hostile->state() == QAbstractSocket::ConnectedState;
         ++i) {
        hostile->write(framed);
        hostile->waitForBytesWritten(1000);
        sent += chunk.size();
        refusal += hostile->readAll();
        if (i % 16 == 0) {
            const qint64 ms = healthzMs();
            QVERIFY2(ms >= 0, "healthz did not answer");
            slowestHealthz = std::max(slowestHealthz, ms);
        }
    }
    hostile->waitForReadyRead(1000);
    refusal += hostile->readAll();
    QVERIFY2(refusal.startsWith("HTTP/1.1 413 "), refusal.left(200).constData());
    QVERIFY2(slowestHealthz < 500, qPrintable(QString::number(slowestHealthz)));
    const qint64 after = residentKiB(pid);
    QVERIFY2(after - before < 50 * 1024, qPrintable(u"%1 -> %2 KiB"_s.arg(before).arg(after)));
    QVERIFY(healthzMs() >= 0);
}

// A chunked body whose last chunk is followed by a trailer line that never ends: the parser
// keeps such lines whole, so they are held to the header limit.
void TestRouterdLimits::anEndlessChunkTrailerIsRefused()
{
    QVERIFY(startRouterd());
    const qint64 pid = m_routerd->process().processId();
    const qint64 before = residentKiB(pid);
    const auto socket = connectToRouterd();
    QVERIFY(socket);
    socket->write("POST /twilio/sms HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "0\r\nX-Trailer: ");
    QByteArray answer;
    for (int i = 0; i < 64 && !answer.startsWith("HTTP/1.1"); ++i) {
        socket->write(QByteArray(16 * 1024, 'a'));
        socket->waitForBytesWritten(1000);
        socket->waitForReadyRead(20);
        answer += socket->readAll();
    }
    if (!answer.contains("\r\n\r\n"))
        exchange(*socket, {}, &answer);
    QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.left(200).constData());
    QVERIFY(residentKiB(pid) - before < 10 * 1024);
    QVERIFY(healthzMs() >= 0);
}

void TestRouterdLimits::tooManyFormFieldsAreRefused()
{
    QVERIFY(startRouterd());
    QByteArray form;
    for (int i = 0; i <= 1000; ++i)
        form += "f" + QByteArray::number(i) + "=1&";
    form.chop(1);
    const auto socket = connectToRouterd();
    QVERIFY(socket);
    QByteArray answer;
    QCOMPARE(exchange(*socket,
                      "POST /twilio/sms HTTP/1.1\r\nHost: t\r\nContent-Type: "
                      "application/x-www-form-urlencoded\r\nX-Twilio-Signature: x\r\n"
                      "Content-Length: " +
                          QByteArray::number(form.size()) + "\r\n\r\n" + form,
                      &answer),
             400);
    QVERIFY2(answer.contains("1000"), answer.constData());
}

void TestRouterdLimits::aTwoMegabyteHeaderIsRefused()
{
    QVERIFY(startRouterd());
    const auto socket = connectToRouterd();
    QVERIFY(socket);
    QByteArray answer;
    QCOMPARE(exchange(*socket,
                      "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Padding: " +
                          QByteArray(2 * 1024 * 1024, 'a') + "\r\n\r\n",
                      &answer),
             431);
    QVERIFY2(answer.contains("16 KiB"), answer.constData());
    // A header block just under the limit is fine.
    const auto ok = connectToRouterd();
    QCOMPARE(exchange(*ok, "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Padding: " +
                               QByteArray(15 * 1024, 'a') + "\r\n\r\n"),
             200);
}

void TestRouterdLimits::aMalformedRequestIsRefused()
{
    QVERIFY(startRouterd());
    const auto socket = connectToRouterd();
    QVERIFY(socket);
    QCOMPARE(exchange(*socket, "HELLO THERE\r\n\r\n"), 400);
}

// A HEAD answer has no body, so the next answer on the connection starts right after it.
void TestRouterdLimits::aHeadAnswerSendsNoBody()
{
    QVERIFY(startRouterd());
    const auto socket = connectToRouterd();
    QVERIFY(socket);
    socket->write("HEAD /healthz HTTP/1.1\r\nHost: t\r\n\r\n"
                  "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
    QByteArray in;
    QElapsedTimer timer;
    timer.start();
    while (in.count("HTTP/1.1 ") < 2 && timer.elapsed() < 3000) {
        socket->waitForReadyRead(50);
        in += socket->readAll();
    }
    const qsizetype end = in.indexOf("\r\n\r\n");
    QVERIFY2(end > 0, in.constData());
    QVERIFY2(in.mid(end + 4).startsWith("HTTP/1.1 200 "), in.constData());
}

void TestRouterdLimits::aHalfSentRequestIsClosedByTheTimeout()
{
    QVERIFY(startRouterd({u"--quiet"_s, u"--request-timeout"_s, u"1"_s}));
    const auto socket = connectToRouterd();
    QVERIFY(socket);
    QElapsedTimer timer;
    timer.start();
    socket->write("POST /twilio/sms HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nBody=hal");
    socket->flush();
    QVERIFY(socket->waitForDisconnected(5000));
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    // Headers that never end are closed the same way.
    const auto slow = connectToRouterd();
    slow->write("GET /healthz HTTP/1.1\r\nHo");
    slow->flush();
    QVERIFY(slow->waitForDisconnected(5000));
    QVERIFY(healthzMs() >= 0);
}

void TestRouterdLimits::idleConnectionsDoNotBlockHealthzAndCloseAfterTheirTimeout()
{
    QVERIFY(startRouterd({u"--quiet"_s, u"--idle-timeout"_s, u"2"_s, u"--threads"_s, u"1"_s}));
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 300; ++i) {
        auto s = connectToRouterd();
        QVERIFY(s);
        idle.push_back(std::move(s));
    }
    // One thread, 300 idle connections: /healthz still answers at once.
    const qint64 ms = healthzMs();
    QVERIFY(ms >= 0);
    QVERIFY2(ms < 500, qPrintable(QString::number(ms)));
    // A kept-alive connection that was used stays open while used, then closes when idle.
    const auto used = connectToRouterd();
    QCOMPARE(exchange(*used, "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n"), 200);
    QCOMPARE(used->state(), QAbstractSocket::ConnectedState);
    QVERIFY(idle.front()->waitForDisconnected(5000));
    QVERIFY(used->waitForDisconnected(5000));
}

void TestRouterdLimits::aboveTheConnectionCapNewConnectionsGet503()
{
    QVERIFY(startRouterd({u"--quiet"_s, u"--max-connections"_s, u"5"_s}));
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 5; ++i)
        held.push_back(connectToRouterd());
    QTest::qWait(100); // the server has taken them
    const auto extra = connectToRouterd();
    QVERIFY(extra);
    QByteArray answer;
    QCOMPARE(exchange(*extra, {}, &answer), 503);
    QVERIFY(answer.contains("Retry-After"));
    // Once one goes, a new connection is served again.
    held.pop_back();
    QTest::qWait(200);
    QVERIFY(healthzMs() >= 0);
}

void TestRouterdLimits::aRequestTargetCannotForgeALogLine()
{
    QVERIFY(startRouterd({}));
    const auto socket = connectToRouterd();
    QVERIFY(socket);
    QCOMPARE(exchange(*socket, "GET /x%0A2026-01-01T00:00:00Z%20GET%20/healthz%20200 HTTP/1.1\r\n"
                               "Host: t\r\n\r\n"),
             404);
    m_routerd->process().waitForReadyRead(1000);
    const QByteArray log = m_routerd->log();
    const QList<QByteArray> lines = log.split('\n');
    int requestLines = 0;
    for (const QByteArray &line : lines) {
        if (line.contains(" GET /"))
            ++requestLines;
    }
    QCOMPARE(requestLines, 1);
    QVERIFY2(log.contains("GET /x%0A2026"), log.constData());
}

QTEST_GUILESS_MAIN(TestRouterdLimits)
#include "tst_routerd_limits.moc"
