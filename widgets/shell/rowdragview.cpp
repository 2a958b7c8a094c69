#include "rowdragview.h"

#include <QDrag>
#include <QDragMoveEvent>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>

namespace Switchboard {

QPixmap RowDragView::chip(const QStringList &names, const QWidget *style)
{
    const QString text =
        names.size() <= 1
            ? names.value(0)
            : tr("%1 and %n more", nullptr, int(names.size() - 1)).arg(names.constFirst());
    const QFontMetrics fm(style->font());
    const qreal dpr = style->devicePixelRatioF();
    const QSize size(fm.horizontalAdvance(text) + 24, fm.height() + 10);
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette palette = style->palette();
    QPainterPath shape;
    shape.addRoundedRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1), size.height() / 2.0,
                         size.height() / 2.0);
    painter.fillPath(shape, palette.color(QPalette::Highlight));
    painter.setPen(palette.color(QPalette::HighlightedText));
    painter.setFont(style->font());
    painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, text);
    return pixmap;
}

void RowDragView::dragSelection(QAbstractItemView *view, Qt::DropActions supportedActions,
                                Qt::DropAction defaultAction)
{
    QModelIndexList rows = view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    if (rows.isEmpty())
        return;
    QMimeData *mime = view->model()->mimeData(rows);
    if (!mime)
        return;
    QStringList names;
    for (const QModelIndex &row : std::as_const(rows))
        names.append(row.data(Qt::DisplayRole).toString().section(u'\n', 0, 0));
    auto *drag = new QDrag(view);
    drag->setMimeData(mime);
    drag->setPixmap(chip(names, view));
    // Below and to the right of the pointer: the row under it stays in sight.
    drag->setHotSpot(QPoint(-14, -10));
    drag->exec(supportedActions, defaultAction);
}

void RowDragView::startDrag(Qt::DropActions supportedActions)
{
    dragSelection(this, supportedActions, defaultDropAction());
}

void RowDragView::dragMoveEvent(QDragMoveEvent *event)
{
    QTreeView::dragMoveEvent(event); // scrolls near the edges
    const QPoint at = event->position().toPoint();
    const int row = DropLine::rowAt(this, at);
    const Qt::DropAction action =
        event->source() == this ? defaultDropAction() : event->proposedAction();
    if (model() && model()->canDropMimeData(event->mimeData(), action, row, 0, rootIndex())) {
        m_line.show(this, at);
        event->setDropAction(action);
        event->accept();
    } else {
        m_line.hide(this);
        event->ignore();
    }
}

void RowDragView::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_line.hide(this);
    QTreeView::dragLeaveEvent(event);
}

void RowDragView::dropEvent(QDropEvent *event)
{
    const int row = DropLine::rowAt(this, event->position().toPoint());
    m_line.hide(this);
    const Qt::DropAction action =
        event->source() == this ? defaultDropAction() : event->proposedAction();
    if (model() && model()->dropMimeData(event->mimeData(), action, row, 0, rootIndex())) {
        // The model did all of it (a move within the list included): nothing is left for
        // the view to remove where the drag began.
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->ignore();
    }
}

void RowDragView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    QPainter painter(viewport());
    m_line.paint(this, &painter);
}

} // namespace Switchboard
