#include "wheelguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QPointer>
#include <QScrollBar>
#include <QWheelEvent>

namespace Switchboard {

namespace {

bool isValueWidget(const QObject *o)
{
    // A scroll bar is a slider too, but turning the wheel over it is how one scrolls.
    return (qobject_cast<const QComboBox *>(o) || qobject_cast<const QAbstractSpinBox *>(o) ||
            qobject_cast<const QAbstractSlider *>(o)) &&
           !qobject_cast<const QScrollBar *>(o);
}

} // namespace

void WheelGuard::install()
{
    static QPointer<WheelGuard> installed;
    if (installed || !qApp)
        return;
    installed = new WheelGuard(qApp);
    qApp->installEventFilter(installed);
    // Widgets made before the guard: they lose the focus-by-wheel too.
    for (QWidget *w : QApplication::allWidgets()) {
        if (isValueWidget(w) && w->focusPolicy() == Qt::WheelFocus)
            w->setFocusPolicy(Qt::StrongFocus);
    }
}

bool WheelGuard::guards(const QObject *widget)
{
    const auto *w = qobject_cast<const QWidget *>(widget);
    return w && isValueWidget(w) && !w->hasFocus();
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Polish && isValueWidget(watched)) {
        // A wheel gives no focus: QApplication would give it before any filter sees the wheel.
        auto *w = static_cast<QWidget *>(watched);
        if (w->focusPolicy() == Qt::WheelFocus)
            w->setFocusPolicy(Qt::StrongFocus);
        return false;
    }
    if (event->type() != QEvent::Wheel || !guards(watched))
        return false;
    // The wheel goes to the scroll area around it, as if the widget were not there.
    auto *wheel = static_cast<QWheelEvent *>(event);
    auto *w = static_cast<QWidget *>(watched);
    for (QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        auto *area = qobject_cast<QAbstractScrollArea *>(p);
        if (!area)
            continue;
        QWidget *viewport = area->viewport();
        const QPointF at = viewport->mapFromGlobal(wheel->globalPosition());
        QWheelEvent forwarded(at, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                              wheel->buttons(), wheel->modifiers(), wheel->phase(),
                              wheel->inverted(), wheel->source());
        QCoreApplication::sendEvent(viewport, &forwarded);
        break;
    }
    return true; // the value stays as it is
}

} // namespace Switchboard
