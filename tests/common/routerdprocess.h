#pragma once

// One switchboard-routerd process for a test: the real binary, listening on a free loopback
// port, with the test tokens, on the database given.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Switchboard::Test {

inline const QByteArray carrierToken = "carrier-token-0123456789abcdef";
inline const QByteArray adminToken = "admin-token-fedcba9876543210";

class RouterdProcess
{
public:
    ~RouterdProcess();

    // Starts it and waits until it listens; false when it did not (see log()).
    bool start(const QString &database, const QStringList &extra = {},
               const QProcessEnvironment &environment = defaultEnvironment())
    {
        launch(database, extra, environment);
        return waitUntilListening();
    }
    // The same in two halves, to start several at the same moment.
    void launch(const QString &database, const QStringList &extra = {},
                const QProcessEnvironment &environment = defaultEnvironment());
    bool waitUntilListening();
    static QProcessEnvironment defaultEnvironment();
    // SIGTERM; the exit code, or -1 when it did not stop.
    int stop();
    // SIGKILL: gone at once, as in a crash or a lost machine.
    void kill();
    QByteArray log();
    QProcess &process() { return m_process; }

    QString base; // http://127.0.0.1:PORT

private:
    QProcess m_process;
    QByteArray m_log;
};

} // namespace Switchboard::Test
