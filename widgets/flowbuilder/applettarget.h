#pragma once

// What an applet and a slot on the canvas share: they take an applet dragged from the
// palette (its type in the drag's MIME data), light up while one hovers over them if they
// would take it, and hand the drop to the scene.

#include <QGraphicsObject>

class QGraphicsSceneDragDropEvent;

namespace Switchboard {

class FlowScene;

class AppletTarget : public QGraphicsObject
{
    Q_OBJECT

public:
    explicit AppletTarget(QGraphicsItem *parent = nullptr);

protected:
    FlowScene *flowScene() const;
    bool isDropTarget() const { return m_dropTarget; }
    // Whether an applet of `type` may be dropped here, and dropping it.
    virtual bool accepts(const QString &type) const = 0;
    virtual bool drop(const QString &type) = 0;

    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    static QString typeOf(const QGraphicsSceneDragDropEvent *event);
    void setDropTarget(bool on);

    bool m_dropTarget = false;
};

} // namespace Switchboard
