#include "consolelook.h"

#include "consolesettings.h"

#include <functional>

#include <QAbstractItemView>
#include <QApplication>
#include <QContextMenuEvent>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QPointer>
#include <QProxyStyle>
#include <QRegularExpression>
#include <QSet>
#include <QStyleOption>
#include <QSvgRenderer>
#include <QToolButton>

using namespace Qt::StringLiterals;

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

    // On a dark palette Fusion draws a check box's, a radio button's and a menu's edge in a
    // shade of the window's colour, next to invisible there: an unticked box looked like an
    // empty cell. They get an edge that reads on the background.
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool edged = element == PE_IndicatorCheckBox ||
                           element == PE_IndicatorItemViewItemCheck ||
                           element == PE_IndicatorRadioButton || element == PE_FrameMenu;
        if (!edged || option->palette.color(QPalette::Active, QPalette::Window).lightnessF() >= 0.5)
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor edge = ConsoleLook::lineColor(option->palette);
        if (!(option->state & State_Enabled))
            edge.setAlphaF(0.5);
        painter->setPen(QPen(edge, 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (element == PE_IndicatorRadioButton)
            painter->drawEllipse(r);
        else if (element == PE_FrameMenu)
            painter->drawRect(r);
        else
            painter->drawRoundedRect(r, 2, 2);
        painter->restore();
    }

    // A flat tool button (a page's Add User…, Open, Rename) with the keyboard focus gets a
    // frame in the highlight colour: Fusion marks it with a shade that a dark palette hides.
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                            QPainter *painter, const QWidget *widget) const override
    {
        QProxyStyle::drawComplexControl(control, option, painter, widget);
        if (control != CC_ToolButton || !(option->state & State_HasFocus) ||
            !(option->state & State_KeyboardFocusChange))
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(option->palette.color(QPalette::Active, QPalette::Highlight), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(option->rect).adjusted(1, 1, -1, -1), 3, 3);
        painter->restore();
    }
};

} // namespace

int ConsoleLook::rowHeight(const QFontMetrics &metrics)
{
    return RoomyStyle::rowHeight(metrics);
}

namespace {

QPointer<ConsoleLook> &installedLook()
{
    static QPointer<ConsoleLook> look;
    return look;
}

const char toneProperty[] = "switchboardTone";

// The icons are drawn in one blue-grey; another where that would not read.
constexpr QLatin1StringView iconInk("#455a64");

// `svg` with each of its colours (#rrggbb) replaced by what `change` makes of it.
QByteArray recoloured(const QByteArray &svg, const std::function<QColor(const QColor &)> &change)
{
    static const QRegularExpression colour(u"#[0-9a-fA-F]{6}\\b"_s);
    const QString text = QString::fromUtf8(svg);
    QString out;
    qsizetype last = 0;
    for (const QRegularExpressionMatch &m : colour.globalMatch(text)) {
        out += QStringView(text).sliced(last, m.capturedStart() - last);
        out += change(QColor(m.captured())).name();
        last = m.capturedEnd();
    }
    out += QStringView(text).sliced(last);
    return out.toUtf8();
}

class ToneIconEngine : public QIconEngine
{
public:
    explicit ToneIconEngine(const QString &path)
        : m_path(path)
    {}
    QIconEngine *clone() const override { return new ToneIconEngine(m_path); }
    QString key() const override { return QStringLiteral("switchboard-tone"); }
    QString iconName() override { return m_path; }
    bool isNull() override { return svg().isEmpty(); }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap pix = pixmap(rect.size() * dpr, mode, state);
        pix.setDevicePixelRatio(dpr);
        painter->drawPixmap(rect.topLeft(), pix);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        if (size.isEmpty() || svg().isEmpty())
            return {};
        const QPalette palette = QApplication::palette();
        const bool dark = palette.color(QPalette::Active, QPalette::Window).lightnessF() < 0.5;
        const QColor ink = mode == QIcon::Selected
                               ? palette.color(QPalette::Active, QPalette::HighlightedText)
                           : dark ? QColor(0xb0, 0xbe, 0xc5)
                                  : QColor(QString(iconInk));
        const QString cacheKey = u"switchboard-icon:%1:%2x%3:%4:%5"_s.arg(m_path)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(int(mode))
                                     .arg(ink.name());
        QPixmap pix;
        if (QPixmapCache::find(cacheKey, &pix))
            return pix;
        QByteArray data = svg();
        data.replace(QByteArray(iconInk.data(), iconInk.size()), ink.name().toLatin1());
        if (mode == QIcon::Selected) // an applet's purple on the highlight would not read
            data = recoloured(data, [&](const QColor &c) { return c == Qt::white ? c : ink; });
        else if (dark) // the applets' deep colours lifted, their hue kept
            data = recoloured(data, [](const QColor &c) {
                return ConsoleLook::readable(c, ConsoleLook::darkPalette());
            });
        QSvgRenderer renderer(data);
        pix = QPixmap(size);
        pix.fill(Qt::transparent);
        {
            QPainter p(&pix);
            QSizeF drawn = renderer.defaultSize();
            drawn.scale(size, Qt::KeepAspectRatio);
            renderer.render(&p, QRectF(QPointF((size.width() - drawn.width()) / 2,
                                               (size.height() - drawn.height()) / 2),
                                       drawn));
        }
        if (mode == QIcon::Disabled) {
            QStyleOption option;
            option.palette = palette;
            pix = QApplication::style()->generatedIconPixmap(QIcon::Disabled, pix, &option);
        }
        QPixmapCache::insert(cacheKey, pix);
        return pix;
    }

private:
    // Read once per file, not per icon: models make an icon for every row they paint. (The
    // GUI thread's alone, as icons are.)
    const QByteArray &svg() const
    {
        static QHash<QString, QByteArray> files;
        auto it = files.find(m_path);
        if (it == files.end()) {
            QFile file(m_path);
            it = files.insert(m_path,
                              file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
        }
        return *it;
    }
    QString m_path;
};

QString schemeKey()
{
    return QStringLiteral("look/colours");
}

void applyTone(QWidget *widget, ConsoleLook::Tone tone)
{
    if (tone == ConsoleLook::Tone::Normal) {
        widget->setPalette(QPalette()); // nothing of its own: the parent's again
        return;
    }
    QPalette p; // only the text roles set, the rest still follow the parent
    const QColor color = ConsoleLook::toneColor(tone, QApplication::palette(widget));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(role, color);
    widget->setPalette(p);
}

} // namespace

QColor ConsoleLook::toneColor(Tone tone, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Active, QPalette::Window).lightnessF() < 0.5;
    switch (tone) {
    case Tone::Problem:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xe6, 0x51, 0x00);
    case Tone::Good:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Quiet:
        return palette.color(QPalette::Active, QPalette::PlaceholderText);
    case Tone::Normal:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

QColor ConsoleLook::lineColor(const QPalette &palette)
{
    return mix(palette.color(QPalette::Active, QPalette::Text),
               palette.color(QPalette::Active, QPalette::Base), 0.4);
}

QColor ConsoleLook::readable(const QColor &color, const QPalette &palette)
{
    if (palette.color(QPalette::Active, QPalette::Base).lightnessF() >= 0.5)
        return color;
    float h, s, l, a;
    color.getHslF(&h, &s, &l, &a);
    return l < 0.6f ? QColor::fromHslF(h, s, 0.68f, a) : color;
}

QColor ConsoleLook::toneColor(Tone tone)
{
    return toneColor(tone, QApplication::palette());
}

void ConsoleLook::setTone(QWidget *widget, Tone tone)
{
    if (widget->property(toneProperty).toInt() == int(tone) && tone == Tone::Normal)
        return;
    widget->setProperty(toneProperty, int(tone));
    applyTone(widget, tone);
}

QPalette ConsoleLook::darkPalette()
{
    const QColor window(0x35, 0x35, 0x35);
    const QColor base(0x2a, 0x2a, 0x2a);
    const QColor text(0xee, 0xee, 0xee);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette p(text, window, QColor(0x4a, 0x4a, 0x4a), QColor(0x23, 0x23, 0x23),
               QColor(0x2f, 0x2f, 0x2f), text, Qt::white, base, window);
    p.setColor(QPalette::Button, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::Midlight, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::Shadow, QColor(0x14, 0x14, 0x14));
    p.setColor(QPalette::AlternateBase, QColor(0x32, 0x32, 0x32));
    p.setColor(QPalette::ToolTipBase, QColor(0x45, 0x45, 0x45));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xb8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4a, 0x4a));
    return p;
}

void ConsoleLook::adjustWidget(QWidget *w)
{
    // A page's tool buttons (Add User…, + Add Group, Import from Carrier…) are reached by Tab
    // on every desktop: where Tab goes to text fields and lists only (most Linux themes), a
    // button taking focus by Tab alone would be skipped.
    if (auto *button = qobject_cast<QToolButton *>(w);
        button && button->focusPolicy() == Qt::TabFocus)
        button->setFocusPolicy(Qt::StrongFocus);
    // Tab leaves a table for the next control (the reply box under the inbox's list, the
    // button under a dialog's devices), as in every other list: tables otherwise keep it to
    // step from cell to cell, and the keyboard is trapped in them.
    if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->tabKeyNavigation())
        view->setTabKeyNavigation(false);
}

QIcon ConsoleLook::icon(const QString &path)
{
    return path.isEmpty() ? QIcon() : QIcon(new ToneIconEngine(path));
}

void ConsoleLook::addMnemonics(QMenu *menu)
{
    const QList<QAction *> actions = menu->actions();
    QSet<QChar> taken;
    for (const QAction *a : actions) {
        const QKeySequence marked = QKeySequence::mnemonic(a->text());
        if (!marked.isEmpty())
            taken.insert(QChar(marked[0].key()).toLower());
    }
    for (QAction *a : actions) {
        if (a->isSeparator() || a->text().isEmpty() || !QKeySequence::mnemonic(a->text()).isEmpty())
            continue;
        const QString text = a->text();
        QList<qsizetype> candidates; // initials first, then every letter
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i).isLetterOrNumber() && (i == 0 || !text.at(i - 1).isLetterOrNumber()))
                candidates.append(i);
        }
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i).isLetterOrNumber() && !candidates.contains(i))
                candidates.append(i);
        }
        for (const qsizetype i : std::as_const(candidates)) {
            const QChar c = text.at(i).toLower();
            if (taken.contains(c))
                continue;
            taken.insert(c);
            QString marked = text;
            marked.replace(u'&', u"&&"_s);
            // Where the letter is once the "&"s before it are doubled.
            const qsizetype shift = text.left(i).count(u'&');
            marked.insert(i + shift, u'&');
            a->setText(marked);
            break;
        }
    }
}

ConsoleLook::Scheme ConsoleLook::scheme()
{
    return installedLook() ? installedLook()->m_scheme : Scheme::System;
}

void ConsoleLook::setScheme(Scheme scheme)
{
    install();
    ConsoleSettings settings;
    settings.setValue(schemeKey(), scheme == Scheme::Dark    ? u"dark"_s
                                   : scheme == Scheme::Light ? u"light"_s
                                                             : u"system"_s);
    if (installedLook())
        installedLook()->applyScheme(scheme);
}

void ConsoleLook::applyScheme(Scheme scheme)
{
    m_scheme = scheme;
    m_applying = true;
    QApplication::setPalette(scheme == Scheme::Dark    ? darkPalette()
                             : scheme == Scheme::Light ? QApplication::style()->standardPalette()
                                                       : m_systemPalette);
    m_applying = false;
    apply();
}

void ConsoleLook::install()
{
    QPointer<ConsoleLook> &installed = installedLook();
    if (installed || !qApp)
        return;
    installed = new ConsoleLook(qApp);
    installed->m_systemPalette = QApplication::palette();
    qApp->installEventFilter(installed);
    if (!qobject_cast<QProxyStyle *>(QApplication::style()))
        QApplication::setStyle(new RoomyStyle(QApplication::style()->name()));
    const QString kept = ConsoleSettings().value(schemeKey()).toString();
    installed->applyScheme(kept == u"dark"_s    ? Scheme::Dark
                           : kept == u"light"_s ? Scheme::Light
                                                : Scheme::System);
    // Widgets polished before the look was installed (a window's pages are made first).
    for (QWidget *w : QApplication::allWidgets())
        adjustWidget(w);
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
    // Words in a tone of their own: the tone's colour for the new background.
    for (QWidget *w : QApplication::allWidgets()) {
        if (const int tone = w->property(toneProperty).toInt())
            applyTone(w, Tone(tone));
    }
}

bool ConsoleLook::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish) {
        if (auto *w = qobject_cast<QWidget *>(watched))
            adjustWidget(w);
        return false;
    }
    // A list the keys enter has its current row selected: what the row looks like is what the
    // menu key, Return and the page's buttons act on (Qt makes a row current on the way in
    // without selecting it, and they found nothing selected).
    if (event->type() == QEvent::FocusIn) {
        const auto reason = static_cast<QFocusEvent *>(event)->reason();
        auto *view = qobject_cast<QAbstractItemView *>(watched);
        if (view && reason != Qt::MouseFocusReason && reason != Qt::PopupFocusReason &&
            reason != Qt::ActiveWindowFocusReason &&
            view->selectionMode() != QAbstractItemView::NoSelection) {
            QMetaObject::invokeMethod(
                view,
                [view] {
                    QItemSelectionModel *selection = view->selectionModel();
                    const QModelIndex current = view->currentIndex();
                    if (!selection || selection->hasSelection() || !current.isValid())
                        return;
                    selection->select(current,
                                      view->selectionBehavior() == QAbstractItemView::SelectRows
                                          ? QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows
                                          : QItemSelectionModel::ClearAndSelect);
                },
                Qt::QueuedConnection);
        }
        return false;
    }
    // Return on a focused tool button does what Space does (Qt's buttons take Space only), as
    // people expect of a button the keys have reached.
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Shift+F10 is the menu key's twin (X11 makes a context menu of the menu key only):
        // the focused widget's context menu, at its current item or cursor, as Qt places it.
        if (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier &&
            !QApplication::activePopupWidget()) {
            // The widget the key went to: the focused one.
            auto *focus = qobject_cast<QWidget *>(watched);
            // (The flow canvas has its own: the menu of what is selected on it.)
            if (focus && focus->isEnabled() && !focus->inherits("QGraphicsView")) {
                const QPoint at = focus->inputMethodQuery(Qt::ImCursorRectangle).toRect().center();
                QContextMenuEvent menu(QContextMenuEvent::Keyboard, at, focus->mapToGlobal(at),
                                       key->modifiers());
                QApplication::sendEvent(focus, &menu);
                return true;
            }
        }
        auto *button = qobject_cast<QToolButton *>(watched);
        if (button && button->hasFocus() && button->isEnabled() &&
            (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            !(key->modifiers() & ~Qt::KeypadModifier)) {
            if (button->menu() && button->popupMode() == QToolButton::InstantPopup)
                button->showMenu();
            else
                button->animateClick();
            return true;
        }
        return false;
    }
    if (event->type() == QEvent::ApplicationPaletteChange && watched == qApp && !m_applying)
        apply();
    return false;
}

} // namespace Switchboard
