#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace Switchboard {

// "+ Add Group" and "Rename Group": a name (required, unique) and a department. On rename,
// it shows which flows use the group before the change is made.
class GroupDialog : public QDialog
{
    Q_OBJECT

public:
    GroupDialog(const QString &title, const QString &name, const QString &department,
                const QStringList &takenNames, const QStringList &usedBy,
                QWidget *parent = nullptr);

    QString name() const;
    QString department() const;

private:
    QLineEdit *m_name;
    QLineEdit *m_department;
    QDialogButtonBox *m_buttons;
};

} // namespace Switchboard
