#include "flowdelegates.h"

#include "catalogue/appletcatalogue.h"
#include "flowlist/flowsmodel.h"
#include "shell/consolelook.h"

#include <QApplication>
#include <QIcon>
#include <QMouseEvent>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace Switchboard {

AppletPreviewDelegate::AppletPreviewDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QList<QRect> AppletPreviewDelegate::iconRects(const QRect &cell, const QStringList &preview)
{
    QList<QRect> rects;
    int x = cell.left() + 4;
    const int y = cell.top() + (cell.height() - IconSize) / 2;
    const int right = cell.right() - 28; // room for "+N"
    for (const QString &type : preview) {
        if (type == u"|") {
            x += 2 * Gap + 2;
            continue;
        }
        if (x + IconSize > right)
            break;
        rects.append(QRect(x, y, IconSize, IconSize));
        x += IconSize + Gap;
    }
    return rects;
}

QPixmap AppletPreviewDelegate::icon(const QString &type, qreal dpr) const
{
    // Scrolling a thousand rows draws the same few icons again and again: render each once.
    const QString key = type + u'@' + QString::number(dpr);
    auto it = m_pixmaps.find(key);
    if (it == m_pixmaps.end()) {
        const AppletType *t = AppletCatalogue::instance().type(type);
        QPixmap pixmap =
            ConsoleLook::icon(t ? t->iconPath() : QString()).pixmap(QSize(IconSize, IconSize), dpr);
        it = m_pixmaps.insert(key, pixmap);
    }
    return *it;
}

void AppletPreviewDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const QStringList preview = index.data(FlowsModel::PreviewRole).toStringList();
    const QList<QRect> rects = iconRects(option.rect, preview);
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    int drawn = 0;
    int separatorX = -1;
    int x = option.rect.left() + 4;
    for (const QString &type : preview) {
        if (type == u"|") {
            separatorX = x + Gap;
            x += 2 * Gap + 2;
            continue;
        }
        if (drawn >= rects.size())
            break;
        painter->drawPixmap(rects.at(drawn), icon(type, dpr));
        x = rects.at(drawn).right() + 1 + Gap;
        ++drawn;
    }
    if (separatorX >= 0 && separatorX < option.rect.right() - 28) {
        painter->setPen(ConsoleLook::lineColor(option.palette));
        painter->drawLine(separatorX, option.rect.top() + 5, separatorX, option.rect.bottom() - 5);
    }
    const int total = int(preview.size() - preview.count(u"|"_s));
    if (drawn < total) {
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter,
                          u"+"_s + QString::number(total - drawn));
    }
    if (total == 0) {
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          tr("nothing yet"));
    }
}

QSize AppletPreviewDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return QSize(240, std::max(base.height(), IconSize + 8));
}

SetUpDelegate::SetUpDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QRect SetUpDelegate::buttonRect(const QRect &cell)
{
    return cell.adjusted(4, 3, -4, -3);
}

void SetUpDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    if (index.data(FlowsModel::SetUpRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // A red button: what is missing should be seen, and fixed with one click.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    const QRect button = buttonRect(option.rect);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0xc6, 0x28, 0x28));
    painter->drawRoundedRect(button, 4, 4);
    painter->setPen(Qt::white);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    // Too narrow a column shows the start of the words and "…", never a middle cut off.
    painter->drawText(
        button, Qt::AlignCenter,
        QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, button.width() - 8));
    painter->restore();
}

QSize SetUpDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), 26));
    QFont bold = option.font;
    bold.setBold(true); // the button's words are bold: measured so
    size.setWidth(
        std::max(size.width(), QFontMetrics(bold).horizontalAdvance(index.data().toString())) + 24);
    return size;
}

bool SetUpDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease &&
        !index.data(FlowsModel::SetUpRole).toBool()) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton &&
            buttonRect(option.rect).contains(mouse->position().toPoint())) {
            emit createRequested(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Switchboard
