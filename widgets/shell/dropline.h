#pragma once

// Dropping between the rows of a list: where the pointer is, the row it would go before (the
// nearer edge of the row under it, not only a few pixels at each edge as Qt's views decide),
// and a line drawn there in the highlight colour. Item views that take drops keep one and
// call it from their drag and paint events.

#include <QAbstractItemView>
#include <QPainter>

namespace Switchboard {

class DropLine
{
public:
    // The row a drop at `pos` (viewport coordinates) goes before: 0..rowCount.
    static int rowAt(const QAbstractItemView *view, const QPoint &pos)
    {
        const QAbstractItemModel *model = view->model();
        const int rows = model ? model->rowCount(view->rootIndex()) : 0;
        const QModelIndex under = view->indexAt(pos);
        if (!under.isValid())
            return rows; // below the last row: at the end
        const QRect r = view->visualRect(under);
        return pos.y() < r.center().y() ? under.row() : under.row() + 1;
    }

    void show(QAbstractItemView *view, const QPoint &pos)
    {
        const int row = rowAt(view, pos);
        if (row != m_row) {
            m_row = row;
            view->viewport()->update();
        }
    }
    void hide(QAbstractItemView *view)
    {
        if (m_row >= 0) {
            m_row = -1;
            view->viewport()->update();
        }
    }
    int row() const { return m_row; }

    // After the view has painted itself.
    void paint(const QAbstractItemView *view, QPainter *painter) const
    {
        if (m_row < 0 || !view->model())
            return;
        const int rows = view->model()->rowCount(view->rootIndex());
        int y = 1;
        if (rows > 0) {
            const bool after = m_row >= rows;
            const QRect r = view->visualRect(
                view->model()->index(after ? rows - 1 : m_row, 0, view->rootIndex()));
            y = after ? r.bottom() + 1 : r.top();
        }
        const QColor color = view->palette().color(QPalette::Highlight);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(color, 2));
        const int right = view->viewport()->width() - 4;
        painter->drawLine(QPoint(6, y), QPoint(right, y));
        painter->setBrush(color);
        painter->drawEllipse(QPoint(4, y), 3, 3); // where the line starts, as editors draw it
    }

private:
    int m_row = -1;
};

} // namespace Switchboard
