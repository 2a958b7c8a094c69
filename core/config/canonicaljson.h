#pragma once

// Writes JSON the way the configuration document is kept in version control: keys in one
// stable order (the document's own order for known keys, then alphabetical), two-space
// indentation, short lists of plain values on one line, UTF-8, a final newline. The same
// value always gives the same bytes, whatever order its objects were built in.

#include <QByteArray>
#include <QJsonValue>

namespace Switchboard {

QByteArray canonicalJson(const QJsonValue &value);

} // namespace Switchboard
