#include "flowinteraction.h"

#include "shell/confirmation.h"
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace Switchboard {

namespace {
class Text
{
    Q_DECLARE_TR_FUNCTIONS(FlowInteraction)
};
} // namespace

std::optional<GraphEdit::Detached>
DialogInteraction::confirmReplace(const QString &from, const QString &to, int detached)
{
    QMessageBox box(QMessageBox::Question, Text::tr("Replace applet"),
                    Text::tr("Replace %1 with %2?").arg(from, to), QMessageBox::NoButton, m_parent);
    QPushButton *keep = nullptr;
    QPushButton *drop = nullptr;
    if (detached > 0) {
        box.setInformativeText(
            Text::tr("%n applet(s) hang under branches that %1 does not have. Keep them aside, "
                     "unattached, to use again? Or delete them?",
                     nullptr, detached)
                .arg(to));
        keep = box.addButton(Text::tr("Replace, Keep Them"), QMessageBox::AcceptRole);
        drop = box.addButton(Text::tr("Replace, Delete Them"), QMessageBox::DestructiveRole);
    } else {
        keep = box.addButton(Text::tr("Replace"), QMessageBox::AcceptRole);
    }
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    makeConfirmation(box);
    box.exec();
    if (box.clickedButton() == keep)
        return GraphEdit::Detached::Keep;
    if (drop && box.clickedButton() == drop)
        return GraphEdit::Detached::Delete;
    return std::nullopt;
}

bool DialogInteraction::confirmDelete(const QString &applet, int under)
{
    QMessageBox box(QMessageBox::Question, Text::tr("Delete applet"),
                    Text::tr("Delete %1?").arg(applet), QMessageBox::Cancel, m_parent);
    box.setInformativeText(under == 0 ? Text::tr("Nothing hangs under it.")
                                      : Text::tr("%n applet(s) hang under it and will be deleted "
                                                 "too.",
                                                 nullptr, under));
    QPushButton *remove = box.addButton(Text::tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    makeConfirmation(box);
    box.exec();
    return box.clickedButton() == remove;
}

} // namespace Switchboard
