#include "consolelook.h"

#include <QApplication>
#include <QPalette>
#include <QPointer>

namespace Switchboard {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal share)
{
    return QColor::fromRgbF(a.redF() * share + b.redF() * (1 - share),
                            a.greenF() * share + b.greenF() * (1 - share),
                            a.blueF() * share + b.blueF() * (1 - share));
}

} // namespace

void ConsoleLook::install()
{
    static QPointer<ConsoleLook> installed;
    if (installed || !qApp)
        return;
    installed = new ConsoleLook(qApp);
    qApp->installEventFilter(installed);
    installed->apply();
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
    if (event->type() == QEvent::ApplicationPaletteChange && watched == qApp && !m_applying)
        apply();
    return false;
}

} // namespace Switchboard
