#include "confirmdeletedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchboard {

ConfirmDeleteDialog::ConfirmDeleteDialog(const QString &title, const QString &text,
                                         const QStringList &places, const QString &replaceLabel,
                                         const QList<std::pair<QString, QString>> &candidates,
                                         QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(text, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    if (!places.isEmpty()) {
        auto *list = new QListWidget(this);
        list->addItems(places);
        list->setMinimumWidth(460);
        layout->addWidget(list);
    }
    if (!replaceLabel.isEmpty() && !candidates.isEmpty()) {
        m_replacement = new QComboBox(this);
        m_replacement->addItem(tr("Nobody (fix them later)"), QString());
        for (const auto &[id, name] : candidates)
            m_replacement->addItem(name, id);
        auto *form = new QFormLayout;
        form->addRow(replaceLabel, m_replacement);
        layout->addLayout(form);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *remove = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    connect(remove, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(buttons);
}

QString ConfirmDeleteDialog::replacement() const
{
    return m_replacement ? m_replacement->currentData().toString() : QString();
}

} // namespace Switchboard
