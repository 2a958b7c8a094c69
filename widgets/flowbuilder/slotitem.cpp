#include "slotitem.h"

#include "catalogue/appletcatalogue.h"
#include "document/mimetypes.h"
#include "flowbuilder/appletstyle.h"
#include "flowbuilder/flowedits.h"
#include "flowbuilder/flowscene.h"
#include "shell/consolelook.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QIcon>
#include <QMimeData>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

namespace Switchboard {

SlotItem::SlotItem(const SlotRef &slot)
    : m_slot(slot)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setCacheMode(DeviceCoordinateCache);
}

void SlotItem::sync(const FlowLayout::Slot &slot, const QString &targetLabel)
{
    const QSizeF size = slot.rect.size();
    if (slot.kind == m_kind && slot.label == m_label && slot.target == m_target &&
        targetLabel == m_targetLabel && size == m_size)
        return;
    prepareGeometryChange();
    m_kind = slot.kind;
    m_label = slot.label;
    m_target = slot.target;
    m_targetLabel = targetLabel;
    m_size = size;
    setAcceptDrops(m_kind == FlowLayout::Slot::Empty);
    setFlag(ItemIsSelectable, m_kind != FlowLayout::Slot::Filled);
    setFlag(ItemIsFocusable, m_kind != FlowLayout::Slot::Filled);
    setToolTip(m_kind == FlowLayout::Slot::Link
                   ? FlowScene::tr("Goes on to %1, drawn elsewhere in the flow").arg(targetLabel)
                   : QString());
    update();
}

void SlotItem::setWarning(const QString &message)
{
    if (message == m_warning)
        return;
    m_warning = message;
    if (m_kind == FlowLayout::Slot::Empty)
        setToolTip(message);
    update();
}

void SlotItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

QRectF SlotItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

QRectF SlotItem::plusButtonRect() const
{
    return QRectF(m_size.width() - 28, (m_size.height() - 22) / 2, 22, 22);
}

QRectF SlotItem::unlinkButtonRect() const
{
    return QRectF(m_size.width() - 24, (m_size.height() - 18) / 2, 18, 18);
}

void SlotItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const QRectF r(QPointF(0, 0), m_size);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QColor amber(0xf9, 0xa8, 0x25);

    if (m_kind == FlowLayout::Slot::Filled) {
        painter->setPen(m_highlighted ? QPen(routeColor(), 2)
                                      : QPen(ConsoleLook::lineColor(palette), 1));
        painter->setBrush(m_highlighted ? routeColor() : palette.color(QPalette::AlternateBase));
        painter->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), r.height() / 2, r.height() / 2);
        painter->setFont(small);
        painter->setPen(m_highlighted ? QColor(Qt::white) : palette.color(QPalette::Text));
        painter->drawText(r, Qt::AlignCenter,
                          QFontMetricsF(small).elidedText(m_label, Qt::ElideRight, r.width() - 12));
        return;
    }

    QColor border = m_warning.isEmpty() ? ConsoleLook::lineColor(palette) : amber;
    if (m_highlighted)
        border = routeColor();
    if (isDropTarget() || selected)
        border = palette.color(QPalette::Highlight);
    painter->setPen(QPen(border, isDropTarget() || selected || m_highlighted ? 2.2 : 1.4,
                         m_kind == FlowLayout::Slot::Link ? Qt::DashDotLine : Qt::DashLine));
    painter->setBrush(isDropTarget() ? QBrush(palette.color(QPalette::AlternateBase)) : QBrush());
    painter->drawRoundedRect(r.adjusted(1, 1, -1, -1), 7, 7);
    if (selected && scene() && scene()->hasFocus()) { // the keyboard's place: a frame inside
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1.2, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(4, 4, -4, -4), 5, 5);
    }

    const qreal right =
        m_kind == FlowLayout::Slot::Link ? unlinkButtonRect().left() : plusButtonRect().left();
    if (m_slot.isStart()) {
        QFont bold = QApplication::font();
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(r.adjusted(12, 0, -(r.width() - right) - 4, 0),
                          Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, m_label);
    } else {
        painter->setFont(small);
        painter->setPen(m_warning.isEmpty() ? palette.color(QPalette::PlaceholderText)
                                            : amber.darker(130));
        const QRectF labelRect(10, 4, right - 14, 16);
        painter->drawText(
            labelRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(small).elidedText(m_label, Qt::ElideRight, labelRect.width()));
        const QRectF body(10, 20, right - 14, r.height() - 24);
        painter->setPen(palette.color(QPalette::Text));
        if (m_kind == FlowLayout::Slot::Link) {
            ConsoleLook::icon(u":/icons/actions/goto.svg"_s).paint(painter, QRect(10, 23, 18, 18));
            painter->drawText(
                body.adjusted(22, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(small).elidedText(FlowScene::tr("Go to… %1").arg(m_targetLabel),
                                                Qt::ElideRight, body.width() - 22));
        } else {
            painter->setPen(palette.color(QPalette::PlaceholderText));
            painter->drawText(body, Qt::AlignLeft | Qt::AlignVCenter,
                              m_warning.isEmpty() ? FlowScene::tr("Drop an applet here")
                                                  : FlowScene::tr("Nothing yet: a dead end"));
        }
    }
    if (flowScene()->editor()->isReadOnly()) {
        // A flow to look at only: no + to add, no ✕ to unlink.
    } else if (m_kind == FlowLayout::Slot::Link) {
        ConsoleLook::icon(u":/icons/actions/remove.svg"_s)
            .paint(painter, unlinkButtonRect().toRect());
    } else {
        const QRectF plus = plusButtonRect();
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1.6));
        painter->setBrush(palette.color(QPalette::Base));
        painter->drawEllipse(plus);
        painter->drawLine(QPointF(plus.center().x() - 5, plus.center().y()),
                          QPointF(plus.center().x() + 5, plus.center().y()));
        painter->drawLine(QPointF(plus.center().x(), plus.center().y() - 5),
                          QPointF(plus.center().x(), plus.center().y() + 5));
    }
    if (!m_warning.isEmpty())
        ConsoleLook::icon(u":/icons/actions/warning.svg"_s)
            .paint(painter, QRect(int(r.width()) - 50, 3, 16, 16));
}

void SlotItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !flowScene()->editor()->isReadOnly()) {
        if (m_kind == FlowLayout::Slot::Empty && plusButtonRect().contains(event->pos())) {
            flowScene()->requestSlotMenu(m_slot, event->screenPos());
            event->accept();
            return;
        }
        if (m_kind == FlowLayout::Slot::Link && unlinkButtonRect().contains(event->pos())) {
            flowScene()->editor()->linkSlot(flowScene()->channel(), m_slot, QString());
            event->accept();
            return;
        }
    }
    AppletTarget::mousePressEvent(event);
}

bool SlotItem::accepts(const QString &type) const
{
    if (m_kind != FlowLayout::Slot::Empty)
        return false;
    const AppletType *t = AppletCatalogue::instance().type(type);
    return t && t->allowedIn(flowScene()->channel());
}

bool SlotItem::drop(const QString &type)
{
    return flowScene()->dropOnSlot(m_slot, type);
}

} // namespace Switchboard
