#pragma once

// Drags an applet type from the palette over a flow builder's scene and drops it at `at`,
// through the scene's own dispatch to items (enter, move, drop), as a real drag does. Returns
// whether the drop was taken. For the widget tests and the benchmarks alike.

#include "document/mimetypes.h"

#include <QCoreApplication>
#include <QGraphicsScene>
#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>

namespace Switchboard::Test {

inline bool dropAppletType(QGraphicsScene *scene, QPointF at, const QString &type)
{
    QMimeData data;
    data.setData(QString::fromLatin1(MimeType::AppletType), type.toUtf8());
    auto send = [&](QEvent::Type eventType) {
        QGraphicsSceneDragDropEvent event(eventType);
        event.setScenePos(at);
        event.setMimeData(&data);
        event.setPossibleActions(Qt::CopyAction);
        event.setProposedAction(Qt::CopyAction);
        event.setDropAction(Qt::CopyAction);
        event.setButtons(Qt::LeftButton);
        QCoreApplication::sendEvent(scene, &event);
        return event.isAccepted();
    };
    send(QEvent::GraphicsSceneDragEnter);
    if (!send(QEvent::GraphicsSceneDragMove)) {
        send(QEvent::GraphicsSceneDragLeave);
        return false;
    }
    return send(QEvent::GraphicsSceneDrop);
}

} // namespace Switchboard::Test
