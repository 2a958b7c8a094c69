#include "applettarget.h"

#include "document/mimetypes.h"
#include "flowbuilder/flowscene.h"

#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>

namespace Switchboard {

AppletTarget::AppletTarget(QGraphicsItem *parent)
    : QGraphicsObject(parent)
{
    setAcceptDrops(true);
}

FlowScene *AppletTarget::flowScene() const
{
    return static_cast<FlowScene *>(scene());
}

QString AppletTarget::typeOf(const QGraphicsSceneDragDropEvent *event)
{
    return QString::fromUtf8(event->mimeData()->data(QString::fromLatin1(MimeType::AppletType)));
}

void AppletTarget::setDropTarget(bool on)
{
    m_dropTarget = on;
    update();
}

void AppletTarget::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    event->ignore(); // events start out accepted: only a valid payload is taken
    if (accepts(typeOf(event))) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
        setDropTarget(true);
    }
}

void AppletTarget::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    event->setAccepted(accepts(typeOf(event)));
}

void AppletTarget::dragLeaveEvent(QGraphicsSceneDragDropEvent *)
{
    setDropTarget(false);
}

void AppletTarget::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    setDropTarget(false);
    event->setAccepted(drop(typeOf(event)));
}

} // namespace Switchboard
