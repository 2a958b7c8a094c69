#pragma once

// Drops `data` at `pos` on an item view's viewport as a real drag does (enter, move, drop).
// Returns whether the drop was taken; a move the view refuses ends the drag there.

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QDropEvent>
#include <QMimeData>

namespace Switchboard::Test {

inline bool dropOnView(QAbstractItemView *view, const QMimeData *data, QPoint pos,
                       Qt::DropActions actions = Qt::CopyAction | Qt::MoveAction)
{
    QWidget *viewport = view->viewport();
    QDragEnterEvent enter(pos, actions, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QDragMoveEvent move(pos, actions, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &move);
    if (!move.isAccepted()) {
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(viewport, &leave);
        return false;
    }
    QDropEvent drop(QPointF(pos), actions, data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

} // namespace Switchboard::Test
