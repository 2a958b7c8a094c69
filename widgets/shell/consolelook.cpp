#include "consolelook.h"

#include <QApplication>
#include <QPalette>
#include <QPointer>
#include <QProxyStyle>
#include <QStyleOption>
#include <QToolButton>

namespace Switchboard {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal share)
{
    return QColor::fromRgbF(a.redF() * share + b.redF() * (1 - share),
                            a.greenF() * share + b.greenF() * (1 - share),
                            a.blueF() * share + b.blueF() * (1 - share));
}

// Rows a finger's breadth, not 14 pixels: item views' items and table rows get room above
// and below their text (scaled with the font, so at 200% too).
class RoomyStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override
    {
        QSize s = QProxyStyle::sizeFromContents(type, option, size, widget);
        if (type == CT_ItemViewItem && option)
            s.setHeight(std::max(s.height(), rowHeight(option->fontMetrics)));
        return s;
    }
    int pixelMetric(PixelMetric metric, const QStyleOption *option,
                    const QWidget *widget) const override
    {
        if (metric == PM_HeaderDefaultSectionSizeVertical)
            return rowHeight(widget ? widget->fontMetrics() : QFontMetrics(QApplication::font()));
        return QProxyStyle::pixelMetric(metric, option, widget);
    }
    static int rowHeight(const QFontMetrics &fm) { return fm.height() + fm.height() / 2 + 4; }
};

} // namespace

int ConsoleLook::rowHeight(const QFontMetrics &metrics)
{
    return RoomyStyle::rowHeight(metrics);
}

void ConsoleLook::install()
{
    static QPointer<ConsoleLook> installed;
    if (installed || !qApp)
        return;
    installed = new ConsoleLook(qApp);
    qApp->installEventFilter(installed);
    if (!qobject_cast<QProxyStyle *>(QApplication::style()))
        QApplication::setStyle(new RoomyStyle(QApplication::style()->name()));
    installed->apply();
    // Buttons polished before the look was installed (a window's pages are made first).
    for (QWidget *w : QApplication::allWidgets()) {
        if (auto *button = qobject_cast<QToolButton *>(w);
            button && button->focusPolicy() == Qt::TabFocus)
            button->setFocusPolicy(Qt::StrongFocus);
    }
}

void ConsoleLook::apply()
{
    m_applying = true;
    QPalette p = QApplication::palette();
    const QColor highlight = p.color(QPalette::Active, QPalette::Highlight);
    const QColor base = p.color(QPalette::Active, QPalette::Base);
    p.setColor(QPalette::Inactive, QPalette::Highlight, mix(highlight, base, 0.35));
    p.setColor(QPalette::Inactive, QPalette::HighlightedText,
               p.color(QPalette::Active, QPalette::Text));
    QApplication::setPalette(p);
    m_applying = false;
}

bool ConsoleLook::eventFilter(QObject *watched, QEvent *event)
{
    // A page's tool buttons (Add User…, + Add Group, Import from Carrier…) are reached by Tab
    // on every desktop: where Tab goes to text fields and lists only (most Linux themes), a
    // button taking focus by Tab alone would be skipped.
    if (event->type() == QEvent::Polish) {
        if (auto *button = qobject_cast<QToolButton *>(watched);
            button && button->focusPolicy() == Qt::TabFocus)
            button->setFocusPolicy(Qt::StrongFocus);
        return false;
    }
    if (event->type() == QEvent::ApplicationPaletteChange && watched == qApp && !m_applying)
        apply();
    return false;
}

} // namespace Switchboard
