#include "appletitem.h"

#include "catalogue/appletcatalogue.h"
#include "document/mimetypes.h"
#include "flowbuilder/appletstyle.h"
#include "flowbuilder/flowedits.h"
#include "flowbuilder/flowlayout.h"
#include "flowbuilder/flowscene.h"
#include "shell/consolelook.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

using namespace Qt::StringLiterals;

namespace Switchboard {

QColor appletColor(std::optional<AppletKind> kind)
{
    if (!kind)
        return QColor(0x45, 0x5a, 0x64);
    switch (*kind) {
    case AppletKind::Greeting:
        return QColor(0x2e, 0x7d, 0x32);
    case AppletKind::Menu:
        return QColor(0x6a, 0x1b, 0x9a);
    case AppletKind::Hours:
        return QColor(0xef, 0x6c, 0x00);
    case AppletKind::Dial:
        return QColor(0x15, 0x65, 0xc0);
    case AppletKind::Voicemail:
        return QColor(0x00, 0x83, 0x8f);
    case AppletKind::Hangup:
        return QColor(0xc6, 0x28, 0x28);
    case AppletKind::Keyword:
        return QColor(0xad, 0x14, 0x57);
    case AppletKind::SmsReply:
        return QColor(0x28, 0x35, 0x93);
    case AppletKind::SmsInbox:
        return QColor(0x4e, 0x34, 0x2e);
    }
    return {};
}

AppletItem::AppletItem(const QString &appletId)
    : m_id(appletId)
{
    setFlags(ItemIsSelectable | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
}

void AppletItem::sync(const Applet &applet, const QString &summary, bool attached)
{
    const AppletType *type = AppletCatalogue::instance().type(applet.type);
    const QString typeName = type ? type->displayName() : applet.type;
    if (applet.type == m_type && applet.name == m_name && summary == m_summary &&
        attached == m_attached)
        return;
    m_type = applet.type;
    m_typeName = typeName;
    m_name = applet.name;
    m_summary = summary;
    m_attached = attached;
    updateTip();
    m_icon = ConsoleLook::icon(type ? type->iconPath() : QString());
    setOpacity(attached ? 1.0 : 0.55);
    update();
}

void AppletItem::setFindings(const QList<Finding> &findings)
{
    int errors = 0, warnings = 0;
    QStringList lines;
    for (const Finding &f : findings) {
        (f.isError() ? errors : warnings)++;
        lines.append((f.isError() ? u"✖ "_s : u"⚠ "_s) + f.message);
    }
    m_findingLines = lines;
    updateTip();
    if (errors == m_errors && warnings == m_warnings)
        return;
    m_errors = errors;
    m_warnings = warnings;
    update();
}

void AppletItem::setHighlight(const QList<int> &order)
{
    if (order == m_highlight)
        return;
    prepareGeometryChange(); // the badge sticks out of the card
    m_highlight = order;
    update();
}

// A badge on the top left corner with the step(s) of the route: "1", or "2 · 5".
QRectF AppletItem::badgeRect() const
{
    QFont bold = QApplication::font();
    bold.setBold(true);
    QStringList numbers;
    for (int n : m_highlight)
        numbers.append(QString::number(n));
    const qreal width = QFontMetricsF(bold).horizontalAdvance(numbers.join(u" · "_s)) + 14;
    return QRectF(-10, -12, std::max(24.0, width), 24);
}

QRectF AppletItem::boundingRect() const
{
    const QRectF card =
        QRectF(0, 0, FlowLayout::CardWidth, FlowLayout::CardHeight).adjusted(-3, -3, 3, 3);
    if (m_highlight.isEmpty())
        return card;
    return card.adjusted(-3, -3, 3, 3).united(badgeRect().adjusted(-1, -1, 1, 1));
}

QPainterPath AppletItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(QRectF(0, 0, FlowLayout::CardWidth, FlowLayout::CardHeight), 8, 8);
    return path;
}

QRectF AppletItem::deleteButtonRect() const
{
    return QRectF(FlowLayout::CardWidth - 26, 6, 20, 20);
}

void AppletItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QApplication::palette();
    const QRectF card(0, 0, FlowLayout::CardWidth, FlowLayout::CardHeight);
    const QColor accent = appletColor(AppletCatalogue::instance().kindOf(m_type));
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);

    const bool highlighted = !m_highlight.isEmpty();
    if (highlighted) {
        // A soft glow around the card; the card's fill covers its inner half.
        QColor glow = routeColor();
        glow.setAlpha(70);
        painter->setPen(QPen(glow, 9));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card, 8, 8);
    }
    QColor border = m_errors ? ConsoleLook::toneColor(ConsoleLook::Tone::Problem, palette)
                             : ConsoleLook::lineColor(palette);
    if (highlighted)
        border = routeColor();
    if (isDropTarget())
        border = palette.color(QPalette::Highlight);
    painter->setPen(QPen(selected ? palette.color(QPalette::Highlight) : border,
                         selected || m_errors || isDropTarget() || highlighted ? 2.5 : 1.2));
    painter->setBrush(isDropTarget() ? palette.color(QPalette::AlternateBase)
                                     : palette.color(QPalette::Base));
    painter->drawRoundedRect(card, 8, 8);
    // Where the keyboard is: a dotted frame around the selected card while the canvas has the
    // focus (arrows, Return, Delete act on it).
    if (selected && scene() && scene()->hasFocus()) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1.5, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(-2.5, -2.5, 2.5, 2.5), 10, 10);
    }
    // The accent strip on the left says the type at a glance.
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRoundedRect(QRectF(0, 0, 7, card.height()), 3, 3);

    m_icon.paint(painter, QRect(16, 12, 28, 28));
    QFont small = QApplication::font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    QFont bold = QApplication::font();
    bold.setBold(true);
    const qreal textLeft = 54;
    const qreal textWidth = card.width() - textLeft - (m_errors || m_warnings ? 54 : 32);

    painter->setPen(ConsoleLook::readable(accent, palette));
    painter->setFont(small);
    painter->drawText(
        QRectF(textLeft, 9, textWidth, 16), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(small).elidedText(m_typeName.toUpper(), Qt::ElideRight, textWidth));
    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(bold);
    const QString title = m_name.isEmpty() ? m_typeName : m_name;
    painter->drawText(
        QRectF(textLeft, 25, card.width() - textLeft - 10, 20), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(bold).elidedText(title, Qt::ElideRight, card.width() - textLeft - 10));
    painter->setFont(small);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRectF summaryRect(12, 48, card.width() - 22, card.height() - 54);
    QFontMetricsF fm(small);
    QString summary = m_summary;
    if (fm.boundingRect(summaryRect, Qt::TextWordWrap, summary).height() > summaryRect.height())
        summary = fm.elidedText(summary, Qt::ElideRight, summaryRect.width() * 2 - 20);
    painter->drawText(summaryRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, summary);

    if (m_errors || m_warnings) {
        const QIcon badge(m_errors ? u":/icons/actions/error.svg"_s
                                   : u":/icons/actions/warning.svg"_s);
        badge.paint(painter, QRect(int(card.width()) - 50, 7, 18, 18));
    }
    // The ⛔ that deletes the applet (none on a flow to look at only).
    if (!flowScene()->editor()->isReadOnly()) {
        painter->setOpacity(m_deleteHovered ? 1.0 : 0.55);
        ConsoleLook::icon(u":/icons/actions/delete.svg"_s)
            .paint(painter, deleteButtonRect().toRect());
        painter->setOpacity(1.0);
    }

    if (highlighted) {
        QStringList numbers;
        for (int n : m_highlight)
            numbers.append(QString::number(n));
        const QRectF badge = badgeRect();
        painter->setPen(QPen(palette.color(QPalette::Base), 2));
        painter->setBrush(routeColor());
        painter->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        painter->setPen(Qt::white);
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, numbers.join(u" · "_s));
    }
}

void AppletItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && deleteButtonRect().contains(event->pos()) &&
        !flowScene()->editor()->isReadOnly()) {
        flowScene()->requestDelete(m_id);
        event->accept();
        return;
    }
    AppletTarget::mousePressEvent(event);
}

void AppletItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const bool over = deleteButtonRect().contains(event->pos());
    if (over != m_deleteHovered) {
        m_deleteHovered = over;
        setCursor(over ? Qt::PointingHandCursor : Qt::ArrowCursor);
        setToolTip(toolTipAt(event->pos()));
        update();
    }
}

void AppletItem::updateTip()
{
    QString tip = m_summary;
    if (!m_attached)
        tip += u"\n"_s + FlowScene::tr("Not attached: nothing in the flow leads here.");
    if (!m_findingLines.isEmpty())
        tip += u"\n\n"_s + m_findingLines.join(u'\n');
    m_tip = tip;
    setToolTip(m_deleteHovered ? toolTipAt(deleteButtonRect().center()) : m_tip);
}

QString AppletItem::toolTipAt(const QPointF &pos) const
{
    if (deleteButtonRect().contains(pos) && !flowScene()->editor()->isReadOnly())
        return FlowScene::tr("Delete %1 (Del)").arg(m_name.isEmpty() ? m_typeName : m_name);
    return m_tip;
}

void AppletItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    if (m_deleteHovered) {
        m_deleteHovered = false;
        setToolTip(m_tip);
        update();
    }
}

bool AppletItem::accepts(const QString &type) const
{
    const AppletType *t = AppletCatalogue::instance().type(type);
    return t && t->allowedIn(flowScene()->channel()) && type != m_type;
}

bool AppletItem::drop(const QString &type)
{
    return flowScene()->dropOnApplet(m_id, type);
}

} // namespace Switchboard
