#pragma once

// What the whole console looks like beyond the platform's style: a selection in a list or a
// table without the keyboard focus is drawn muted, so that the one the keys act on stands
// out (Fusion, and most styles here, draw both alike). Derived from the palette in use, so a
// dark palette gets a dark muted selection; again whenever the palette changes. Rows have
// room around their text; tool buttons on the pages are reached by Tab on every desktop.

#include <QFontMetrics>
#include <QObject>

namespace Switchboard {

class ConsoleLook : public QObject
{
    Q_OBJECT

public:
    // Once per application; later calls do nothing.
    static void install();
    // The height of a row in the console's lists and tables, for `metrics`' font.
    static int rowHeight(const QFontMetrics &metrics);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    void apply();
    bool m_applying = false;
};

} // namespace Switchboard
