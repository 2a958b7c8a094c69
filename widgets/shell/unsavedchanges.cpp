#include "unsavedchanges.h"

#include "shell/confirmation.h"
#include <QMessageBox>

namespace Switchboard {

bool UnsavedChanges::allowClose(QWidget *parent, bool modified, const QString &question,
                                const std::function<bool()> &save)
{
    if (!modified)
        return true;
    const auto answer =
        confirm(parent, tr("Unsaved changes"), question,
                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    return answer == QMessageBox::Discard || (answer == QMessageBox::Save && save());
}

} // namespace Switchboard
