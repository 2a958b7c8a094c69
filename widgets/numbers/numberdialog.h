#pragma once

#include <QDialog>

#include <functional>

class QLineEdit;

namespace Switchboard {

// "+ Add Number": the number, checked as it is typed (E.164, not listed yet), and a label.
class NumberDialog : public QDialog
{
    Q_OBJECT

public:
    NumberDialog(std::function<QString(const QString &)> problem, QWidget *parent = nullptr);
    QString number() const;
    QString label() const;

private:
    QLineEdit *m_number;
    QLineEdit *m_label;
};

} // namespace Switchboard
