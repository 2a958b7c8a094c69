#pragma once

// What the whole console looks like beyond the platform's style: a selection in a list or a
// table without the keyboard focus is drawn muted, so that the one the keys act on stands
// out (Fusion, and most styles here, draw both alike). Derived from the palette in use, so a
// dark palette gets a dark muted selection; again whenever the palette changes. Rows have
// room around their text; tool buttons on the pages are reached by Tab on every desktop.
//
// Words that warn (an error under a field, a number without a flow) take their colour from
// here, not from a fixed red: one that reads on the palette's background, light or dark. The
// colour scheme itself (the desktop's, light or dark) is the person's choice under View.

#include <QFontMetrics>
#include <QIcon>
#include <QObject>
#include <QPalette>

class QMenu;
class QWidget;

namespace Switchboard {

class ConsoleLook : public QObject
{
    Q_OBJECT

public:
    enum class Tone
    {
        Normal,
        Problem,
        Warning,
        Good,
        Quiet
    };
    enum class Scheme
    {
        System,
        Light,
        Dark
    };
    // The narrowest a dialog of a few fields or a question gets (Add Group, Add Number, a
    // confirmation): room for a placeholder's example and a title, alike on every page.
    static constexpr int DialogMinimumWidth = 440;

    // Once per application; later calls do nothing. Applies the scheme kept in the
    // settings.
    static void install();
    // A colour for words of `tone` that reads on `palette`'s background.
    static QColor toneColor(Tone tone, const QPalette &palette);
    static QColor toneColor(Tone tone);
    // Lines and outlines drawn on `palette`'s base (the canvas's connectors, a slot's frame):
    // between its text and its base, so seen on a light and on a dark one (Mid is not).
    static QColor lineColor(const QPalette &palette);
    // `color` (an applet's purple, indigo, ...) as words or strokes on `palette`'s base: lifted
    // to a lightness that reads there if the base is dark, its hue kept.
    static QColor readable(const QColor &color, const QPalette &palette);
    // `widget`'s text in `tone` (Normal: the palette's own), kept so when the palette changes.
    static void setTone(QWidget *widget, Tone tone);
    // One of the console's icons (":/icons/…svg"): its blue-grey strokes drawn in a grey that
    // reads on the palette in use, light or dark, and in the highlighted text's colour on a
    // selected row.
    static QIcon icon(const QString &path);
    // Gives each entry of `menu` without an underlined letter one of its own (the first of
    // its words' initials, then of its letters, not taken yet), as KDE's menus have: a menu
    // of applets is then walked by letter, not by counting Down presses.
    static void addMnemonics(QMenu *menu);
    static Scheme scheme();
    // The whole console in `scheme`, now and at the next start.
    static void setScheme(Scheme scheme);
    static QPalette darkPalette();
    // The height of a row in the console's lists and tables, for `metrics`' font.
    static int rowHeight(const QFontMetrics &metrics);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    // What the console changes in every widget of its own (at its polish, or at install()).
    static void adjustWidget(QWidget *widget);
    void apply();
    void applyScheme(Scheme scheme);
    bool m_applying = false;
    Scheme m_scheme = Scheme::System;
    QPalette m_systemPalette;
};

} // namespace Switchboard
