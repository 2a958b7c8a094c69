#include "routingstate.h"

namespace Switchboard {

QString nextInTurn(const QString &last, const QStringList &order, const QSet<QString> &eligible)
{
    const qsizetype start = order.indexOf(last) + 1; // 0 when `last` is gone or unknown
    for (qsizetype i = 0; i < order.size(); ++i) {
        const QString &candidate = order.at((start + i) % order.size());
        if (eligible.contains(candidate))
            return candidate;
    }
    return {};
}

} // namespace Switchboard
