#pragma once

#include <QStringList>

class QTextStream;

namespace Switchboard {

// switchboardctl: the console's core on the command line (widgets/CONSOLE.md). Exit codes: 0 done,
// 1 the document has errors, 2 the command could not run (usage, files, database).
int runCtl(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Switchboard
