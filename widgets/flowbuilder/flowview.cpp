#include "flowview.h"

#include <QWheelEvent>

namespace Switchboard {

FlowView::FlowView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag); // items take their own clicks; the background pans
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setAcceptDrops(true);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
}

void FlowView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, 0.2, 2.5);
    if (qFuzzyCompare(zoom, this->zoom()))
        return;
    setTransform(QTransform::fromScale(zoom, zoom));
    emit zoomChanged(zoom);
}

void FlowView::fit()
{
    const QRectF content = scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    const qreal z =
        std::min(viewport()->width() / content.width(), viewport()->height() / content.height());
    setZoom(std::min(z, 1.0)); // fit, but never blow a small flow up
    centerOn(content.center());
}

void FlowView::showStart()
{
    const QRectF content = scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    const qreal fitZoom =
        std::min(viewport()->width() / content.width(), viewport()->height() / content.height());
    if (fitZoom >= 0.65) {
        fit();
        return;
    }
    setZoom(0.85);
    // The start slot sits at the top centre of the scene (x = 0).
    centerOn(QPointF(0, content.top() + viewport()->height() / (2 * zoom())));
}

void FlowView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &FlowView::showStart, Qt::QueuedConnection);
}

void FlowView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

} // namespace Switchboard
