#pragma once

// The console's confirmations and warnings look alike everywhere: the warning icon (the
// question mark is no longer recommended in the desktop guidelines), never so narrow that
// the title is cut ("Delet…applet") or the text breaks after every few words, and the safe
// button the default.

#include "consolelook.h"

#include <QGridLayout>
#include <QMessageBox>
#include <QSpacerItem>

namespace Switchboard {

inline constexpr int ConfirmationMinimumWidth = ConsoleLook::DialogMinimumWidth;

// Gives `box` the console's look; call before exec() or open().
inline void makeConfirmation(QMessageBox &box)
{
    if (box.icon() == QMessageBox::Question)
        box.setIcon(QMessageBox::Warning);
    // QMessageBox has no minimum width of its own: a spacer across its grid gives one.
    if (auto *grid = qobject_cast<QGridLayout *>(box.layout())) {
        grid->addItem(new QSpacerItem(ConfirmationMinimumWidth, 0, QSizePolicy::Minimum,
                                      QSizePolicy::Expanding),
                      grid->rowCount(), 0, 1, grid->columnCount());
    }
}

// QMessageBox::question's twin with that look.
inline QMessageBox::StandardButton confirm(QWidget *parent, const QString &title,
                                           const QString &text,
                                           QMessageBox::StandardButtons buttons,
                                           QMessageBox::StandardButton defaultButton)
{
    QMessageBox box(QMessageBox::Warning, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    makeConfirmation(box);
    return QMessageBox::StandardButton(box.exec());
}

} // namespace Switchboard
