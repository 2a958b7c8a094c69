#pragma once

// switchboard-routerd's command line (core/server/API.md): where to listen and what database to
// use, secrets read from files or the environment (never from arguments, which other users
// can read), and a clean exit on SIGINT/SIGTERM once the answers in flight are written.

#include <QStringList>

class QTextStream;

namespace Switchboard {

// Runs the backend until it is asked to stop. Exit codes: 0 stopped cleanly, 2 cannot run
// (bad arguments, no carrier token, database or port unusable).
int runRouterd(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Switchboard
