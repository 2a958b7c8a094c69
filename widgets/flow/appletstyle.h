#pragma once

#include <QColor>
#include <QString>

namespace Switchboard {

// Each applet type's accent colour, as in its icon, so that types tell apart on the canvas.
QColor appletColor(const QString &type);

} // namespace Switchboard
