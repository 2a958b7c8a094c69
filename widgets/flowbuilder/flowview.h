#pragma once

#include <QGraphicsView>

namespace Switchboard {

// The canvas's window: Ctrl+wheel zooms about the mouse, dragging the background pans, and
// zoomIn/zoomOut/fit serve the keys and toolbar (Ctrl++, Ctrl+-, Ctrl+0).
class FlowView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit FlowView(QGraphicsScene *scene, QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    void setZoom(qreal zoom);
    void zoomIn() { setZoom(zoom() * 1.2); }
    void zoomOut() { setZoom(zoom() / 1.2); }
    void fit();
    // How a flow opens: whole when it fits at a readable size, else its start at the top.
    void showStart();

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    // The first time it is shown, at its real size, the flow opens as showStart() has it (a
    // tab not shown yet has no size to fit to: the SMS flow came out smaller).
    void showEvent(QShowEvent *event) override;

private:
    bool m_started = false;
};

} // namespace Switchboard
