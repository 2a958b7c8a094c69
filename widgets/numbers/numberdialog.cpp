#include "numberdialog.h"

#include "numbers/e164validator.h"
#include "shell/consolelook.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

NumberDialog::NumberDialog(std::function<QString(const QString &)> problem, QWidget *parent)
    : QDialog(parent)
    , m_number(new QLineEdit(this))
    , m_label(new QLineEdit(this))
{
    setWindowTitle(tr("Add Number"));
    m_number->setValidator(new E164Validator(m_number));
    m_number->setPlaceholderText(u"+15125550100"_s);
    m_label->setPlaceholderText(tr("e.g. Main line, Spanish line"));
    auto *why = new QLabel(this);
    why->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto check = [=, this] {
        QString text = E164Validator::explain(number());
        if (text.isEmpty())
            text = problem(number());
        why->setText(text.isEmpty() ? tr("✓ A valid number.") : text);
        ConsoleLook::setTone(why,
                             text.isEmpty() ? ConsoleLook::Tone::Good : ConsoleLook::Tone::Problem);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
    };
    connect(m_number, &QLineEdit::textChanged, this, check);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("&Number:"), m_number);
    form->addRow(QString(), why);
    form->addRow(tr("&Label:"), m_label);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(ConsoleLook::DialogMinimumWidth);
    check();
}

QString NumberDialog::number() const
{
    return m_number->text();
}

QString NumberDialog::label() const
{
    return m_label->text().simplified();
}

} // namespace Switchboard
