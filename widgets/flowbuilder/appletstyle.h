#pragma once

#include "catalogue/appletcatalogue.h"

#include <QColor>

namespace Switchboard {

// Each applet type's accent colour, as in its icon, so that types tell apart on the canvas.
QColor appletColor(std::optional<AppletKind> kind);
// The route of a test call, apart from the selection (blue) and warnings (amber).
inline QColor routeColor()
{
    return QColor(0x00, 0xa0, 0x4c);
}

} // namespace Switchboard
