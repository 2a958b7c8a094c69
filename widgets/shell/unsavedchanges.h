#pragma once

// The question before a window with unsaved changes closes: Save, Discard or Cancel.

#include <QCoreApplication>

#include <functional>

class QWidget;

namespace Switchboard {

class UnsavedChanges
{
    Q_DECLARE_TR_FUNCTIONS(UnsavedChanges)

public:
    // Asks `question` (nothing when not `modified`). True when closing may go on: nothing to
    // save, the changes were saved, or the user chose to discard them.
    static bool allowClose(QWidget *parent, bool modified, const QString &question,
                           const std::function<bool()> &save);
};

} // namespace Switchboard
