#pragma once

// Values change only with focus: a mouse wheel over a drop-down, a spin box or a slider that
// does not have the keyboard focus scrolls what holds it (the settings panel, a page) instead
// of changing its value, and does not take the focus either. Installed once on the
// application by every top-level window of the console.

#include <QObject>

namespace Switchboard {

class WheelGuard : public QObject
{
    Q_OBJECT

public:
    // Installs the guard on the application, once; later calls do nothing.
    static void install();
    // Whether the guard keeps wheel events from `widget` (a value widget without focus).
    static bool guards(const QObject *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace Switchboard
