#pragma once

#include <QDialog>

#include <functional>

class QLineEdit;

namespace Switchboard {

// Asks for one name, says as it is typed why it cannot be used, and only then lets it go.
class NameDialog : public QDialog
{
    Q_OBJECT

public:
    NameDialog(const QString &title, const QString &label, const QString &initial,
               std::function<QString(const QString &)> problem, QWidget *parent = nullptr);
    QString name() const;

private:
    QLineEdit *m_field;
};

} // namespace Switchboard
