#pragma once

// The Push's questions as dialogs: errors that block, warnings to accept, the conflict (what
// changed on the backend, and three ways out), where to export, progress.

#include "backend/pushcontroller.h"

#include <QDialog>
#include <QPointer>

class QProgressDialog;
class QTreeWidget;

namespace Switchboard {

class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictDialog(const PushConflict &conflict, QWidget *parent = nullptr);
    PushInteraction::Resolution resolution() const { return m_resolution; }
    QTreeWidget *changes() const { return m_changes; }

private:
    PushInteraction::Resolution m_resolution = PushInteraction::Resolution::Cancel;
    QTreeWidget *m_changes;
};

class DialogPushInteraction : public PushInteraction
{
    Q_DECLARE_TR_FUNCTIONS(DialogPushInteraction)

public:
    explicit DialogPushInteraction(QWidget *parent);
    ~DialogPushInteraction() override;

    void showErrors(const Findings &errors) override;
    bool acceptWarnings(const Findings &warnings) override;
    Resolution resolveConflict(const PushConflict &conflict) override;
    QString exportPath() override;
    void showRefused(const QString &message, const QStringList &errors) override;
    void showFailure(const QString &message) override;
    void progress(const QString &text) override;

    // Cancel in the progress dialog.
    std::function<void()> onCancel;

private:
    QWidget *m_parent;
    QPointer<QProgressDialog> m_progress;
};

} // namespace Switchboard
