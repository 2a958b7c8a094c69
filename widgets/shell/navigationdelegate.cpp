#include "navigationdelegate.h"

#include <QPainter>

namespace Switchboard {

NavigationDelegate::NavigationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void NavigationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const int badge = index.data(BadgeRole).toInt();
    if (badge <= 0)
        return;
    const QString text = QString::number(badge);
    const QFontMetrics fm(option.font);
    const int w = std::max(20, fm.horizontalAdvance(text) + 12);
    const QRect pill(option.rect.right() - w - 8, option.rect.center().y() - 10, w, 20);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xc6, 0x28, 0x28));
    painter->drawRoundedRect(pill, 10, 10);
    painter->setPen(Qt::white);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace Switchboard
