#include "groupdialog.h"

#include "model/organization.h"
#include "shell/consolelook.h"

#include <algorithm>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

GroupDialog::GroupDialog(const QString &title, const QString &name, const QString &department,
                         const QStringList &takenNames, const QStringList &usedBy, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(name, this))
    , m_department(new QLineEdit(department, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    m_name->setObjectName(u"nameField"_s); // named, so that the tests can find it
    m_department->setPlaceholderText(tr("Optional, e.g. Sales or Customer Care"));
    auto *problem = new QLabel(this);
    ConsoleLook::setTone(problem, ConsoleLook::Tone::Problem);
    auto check = [=, this] {
        const QString n = this->name();
        const QString key = nameKey(n);
        const bool taken = key != nameKey(name) &&
                           std::any_of(takenNames.cbegin(), takenNames.cend(),
                                       [&](const QString &t) { return nameKey(t) == key; });
        const QString wrong = n.isEmpty() ? tr("Give the group a name.")
                              : taken     ? tr("There is already a group called \"%1\".").arg(n)
                                          : QString();
        // Nothing typed yet is not an error to show in red: OK simply waits for a name.
        problem->setText(n.isEmpty() && !m_name->isModified() ? QString() : wrong);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(wrong.isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Department:"), m_department);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (!usedBy.isEmpty()) {
        auto *note =
            new QLabel(tr("These flows use this group; they will show the new name:"), this);
        note->setWordWrap(true);
        layout->addWidget(note);
        auto *list = new QListWidget(this);
        list->addItems(usedBy);
        list->setMaximumHeight(120);
        layout->addWidget(list);
    }
    layout->addWidget(problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(ConsoleLook::DialogMinimumWidth);
    check();
}

QString GroupDialog::name() const
{
    return m_name->text().simplified();
}

QString GroupDialog::department() const
{
    return m_department->text().simplified();
}

} // namespace Switchboard
