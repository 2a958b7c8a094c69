#include "pageheader.h"

namespace Switchboard {

PageHeader::PageHeader(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    setFont(f);
    setContentsMargins(0, 4, 0, 4);
}

} // namespace Switchboard
