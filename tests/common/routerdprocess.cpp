#include "routerdprocess.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <csignal>

using namespace Qt::StringLiterals;

namespace Switchboard::Test {

RouterdProcess::~RouterdProcess()
{
    kill();
}

void RouterdProcess::launch(const QString &database, const QStringList &extra,
                            const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.start(QStringLiteral(ROUTERD_PATH),
                    QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, database} +
                        extra);
}

bool RouterdProcess::waitUntilListening()
{
    static const QRegularExpression listening(uR"(listening on (http://127\.0\.0\.1:\d+))"_s);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        if (!m_process.waitForReadyRead(200) && m_process.state() == QProcess::NotRunning)
            break;
        m_log += m_process.readAllStandardError();
        const auto m = listening.match(QString::fromUtf8(m_log));
        if (m.hasMatch()) {
            base = m.captured(1);
            return true;
        }
    }
    m_log += m_process.readAllStandardError();
    return false;
}

QProcessEnvironment RouterdProcess::defaultEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TWILIO_AUTH_TOKEN"_s, QString::fromLatin1(carrierToken));
    env.insert(u"SWITCHBOARD_ADMIN_TOKEN"_s, QString::fromLatin1(adminToken));
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    return env;
}

int RouterdProcess::stop()
{
    // Not running: there is no process to signal (and pid 0 would be our whole group).
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(10000))
        return -1;
    m_log += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void RouterdProcess::kill()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QByteArray RouterdProcess::log()
{
    m_log += m_process.readAllStandardError();
    return m_log;
}

} // namespace Switchboard::Test
