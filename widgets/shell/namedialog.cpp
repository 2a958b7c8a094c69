#include "namedialog.h"
#include "consolelook.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

NameDialog::NameDialog(const QString &title, const QString &label, const QString &initial,
                       std::function<QString(const QString &)> problem, QWidget *parent)
    : QDialog(parent)
    , m_field(new QLineEdit(initial, this))
{
    setWindowTitle(title);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *why = new QLabel(this);
    ConsoleLook::setTone(why, ConsoleLook::Tone::Problem);
    why->setWordWrap(true);
    auto check = [=, this] {
        const QString wrong = problem(name());
        // Nothing typed yet is not an error to show in red: OK simply waits for a name.
        why->setText(name().isEmpty() && !m_field->isModified() ? QString() : wrong);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(wrong.isEmpty());
    };
    connect(m_field, &QLineEdit::textChanged, this, check);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(label, m_field);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(why);
    layout->addWidget(buttons);
    setMinimumWidth(ConsoleLook::DialogMinimumWidth);
    check();
}

QString NameDialog::name() const
{
    return m_field->text().simplified();
}

} // namespace Switchboard
