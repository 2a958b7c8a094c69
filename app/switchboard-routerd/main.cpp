// switchboard-routerd: the routing backend. Until the backend lands it only says its version.

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << "switchboard-routerd " << SWITCHBOARD_VERSION << '\n';
    return 0;
}
