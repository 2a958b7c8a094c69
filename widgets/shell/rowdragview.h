#pragma once

// A list of people (a tree view without branches) as the console drags them: what is dragged
// is shown as a small chip beside the pointer, not a full-width row over the target; where a
// drop goes between rows is a line, anywhere on a row (DropLine), and the drop goes there.

#include "shell/dropline.h"

#include <QTreeView>

namespace Switchboard {

class RowDragView : public QTreeView
{
    Q_OBJECT

public:
    using QTreeView::QTreeView;
    // The chip for `names` (one, or the first and how many more), as a drag shows it.
    static QPixmap chip(const QStringList &names, const QWidget *style);
    // Drags `view`'s selected rows as a chip (any item view: the flow builder's palette too).
    static void dragSelection(QAbstractItemView *view, Qt::DropActions supportedActions,
                              Qt::DropAction defaultAction);
    // Where the drop line is now (-1: none), for the tests.
    int dropLineRow() const { return m_line.row(); }

protected:
    void startDrag(Qt::DropActions supportedActions) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    DropLine m_line;
};

} // namespace Switchboard
