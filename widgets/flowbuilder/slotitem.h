#pragma once

#include "flowbuilder/flowlayout.h"

#include "flowbuilder/applettarget.h"

namespace Switchboard {

class FlowScene;

// A branch of an applet (or the start) on the canvas. Empty: a dotted drop target with its
// label and a "+" that opens the palette as a menu. Filled: a small tab with the label above
// the applet it leads to. A link: "Go to… Main menu", with an ✕ that takes the link away.
class SlotItem : public AppletTarget
{
    Q_OBJECT

public:
    explicit SlotItem(const SlotRef &slot);

    SlotRef slotRef() const { return m_slot; }
    FlowLayout::Slot::Kind kind() const { return m_kind; }
    QString target() const { return m_target; }
    void sync(const FlowLayout::Slot &slot, const QString &targetLabel);
    void setWarning(const QString &message);
    bool hasWarning() const { return !m_warning.isEmpty(); }
    // A branch the route of a test call took.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QRectF plusButtonRect() const;   // empty slots
    QRectF unlinkButtonRect() const; // links

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    bool accepts(const QString &type) const override;
    bool drop(const QString &type) override;

private:
    SlotRef m_slot;
    FlowLayout::Slot::Kind m_kind = FlowLayout::Slot::Empty;
    QString m_label;
    QString m_target;
    QString m_targetLabel;
    QSizeF m_size;
    QString m_warning;
    bool m_highlighted = false;
};

} // namespace Switchboard
