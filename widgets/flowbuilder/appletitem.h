#pragma once

#include "model/organization.h"
#include "validation/finding.h"

#include "flowbuilder/applettarget.h"
#include <QIcon>

namespace Switchboard {

class FlowScene;

// An applet on the canvas: its icon, type, name and a one-line summary, a ⛔ that deletes it,
// its findings (red for errors), dimmed when nothing leads to it. Dropping a palette applet
// on it replaces it. It shows a model object; it keeps no state of its own.
class AppletItem : public AppletTarget
{
    Q_OBJECT

public:
    explicit AppletItem(const QString &appletId);

    QString appletId() const { return m_id; }
    void sync(const Applet &applet, const QString &summary, bool attached);
    void setFindings(const QList<Finding> &findings);
    bool hasErrors() const { return m_errors > 0; }
    bool isAttached() const { return m_attached; }
    // On the route of a test call: where in it this applet ran (1-based; twice when a menu
    // came back to it). Empty: not on the route.
    void setHighlight(const QList<int> &order);
    bool isHighlighted() const { return !m_highlight.isEmpty(); }
    QList<int> highlightOrder() const { return m_highlight; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QRectF deleteButtonRect() const;
    // What the pointer's tooltip says at `pos` (item coordinates): the ⛔ has its own.
    QString toolTipAt(const QPointF &pos) const;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void updateTip();
    bool accepts(const QString &type) const override;
    bool drop(const QString &type) override;

private:
    QRectF badgeRect() const;

    QString m_id;
    QString m_type;
    QString m_typeName;
    QString m_name;
    QString m_summary;
    QString m_tip; // the card's tooltip: its summary and findings (the ⛔ has its own)
    QStringList m_findingLines;
    QIcon m_icon;
    bool m_attached = true;
    int m_errors = 0;
    int m_warnings = 0;
    bool m_deleteHovered = false;
    QList<int> m_highlight;
};

} // namespace Switchboard
