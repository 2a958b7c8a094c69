#include "pushdialogs.h"

#include "shell/confirmation.h"
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QString findingLines(const Findings &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines.append(f.path + u": "_s + f.message);
    return lines.join(u'\n');
}
} // namespace

ConflictDialog::ConflictDialog(const PushConflict &conflict, QWidget *parent)
    : QDialog(parent)
    , m_changes(new QTreeWidget(this))
{
    setWindowTitle(tr("The backend's configuration changed"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    if (conflict.basedOn > 0)
        intro->setText(tr("Someone pushed to the backend since you last did: it is at revision %1, "
                          "and you started from revision %2. This is what changed there:")
                           .arg(conflict.theirs)
                           .arg(conflict.basedOn));
    else
        intro->setText(tr("The backend holds a configuration this console never pushed or reloaded "
                          "(revision %1): %2")
                           .arg(conflict.theirs)
                           .arg(conflict.overview));
    layout->addWidget(intro);

    m_changes->setHeaderHidden(true);
    m_changes->setRootIsDecorated(true);
    for (const ChangeSection &section : conflict.changes) {
        auto *top = new QTreeWidgetItem(
            m_changes, {tr("%1 (%2)").arg(section.title).arg(section.lines.size())});
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (const QString &line : section.lines)
            new QTreeWidgetItem(top, {line});
    }
    m_changes->expandAll();
    m_changes->setVisible(!conflict.changes.isEmpty());
    if (conflict.basedOn > 0 && conflict.changes.isEmpty())
        intro->setText(intro->text() + u' ' +
                       tr("Nothing differs from what you started from: the same configuration was "
                          "pushed again."));
    layout->addWidget(m_changes, 1);

    auto *what = new QLabel(tr("Pushing now would replace their changes with yours."), this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto *buttons = new QDialogButtonBox(this);
    auto add = [&](const QString &text, const QString &tip, PushInteraction::Resolution r,
                   QDialogButtonBox::ButtonRole role) {
        QPushButton *b = buttons->addButton(text, role);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, [this, r] {
            m_resolution = r;
            accept();
        });
        return b;
    };
    add(tr("&Reload theirs"),
        tr("Replace your configuration here with the backend's (one undo step; save to keep it)"),
        PushInteraction::Resolution::Reload, QDialogButtonBox::AcceptRole);
    add(tr("&Overwrite with ours"), tr("Push your configuration over theirs"),
        PushInteraction::Resolution::Overwrite, QDialogButtonBox::DestructiveRole);
    add(tr("&Export ours…"), tr("Write your configuration to a file, and push nothing"),
        PushInteraction::Resolution::Export, QDialogButtonBox::ActionRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    cancel->setDefault(true); // nothing is lost by default
    layout->addWidget(buttons);
    resize(620, 440);
}

DialogPushInteraction::DialogPushInteraction(QWidget *parent)
    : m_parent(parent)
{}

DialogPushInteraction::~DialogPushInteraction()
{
    delete m_progress;
}

void DialogPushInteraction::showErrors(const Findings &errors)
{
    QMessageBox box(QMessageBox::Warning, tr("Cannot push"),
                    tr("The configuration has %n error(s); the backend would refuse it. Fix them "
                       "first (they are listed in the status bar's findings and on the canvas).",
                       nullptr, int(errors.size())),
                    QMessageBox::Ok, m_parent);
    box.setDetailedText(findingLines(errors));
    makeConfirmation(box);
    box.exec();
}

bool DialogPushInteraction::acceptWarnings(const Findings &warnings)
{
    QMessageBox box(QMessageBox::Question, tr("Push with warnings?"),
                    tr("The configuration routes, but %n thing(s) deserve a look:", nullptr,
                       int(warnings.size())),
                    QMessageBox::NoButton, m_parent);
    QStringList first;
    for (qsizetype i = 0; i < warnings.size() && i < 8; ++i)
        first.append(u"• "_s + warnings.at(i).message);
    if (warnings.size() > 8)
        first.append(tr("… and %n more.", nullptr, int(warnings.size() - 8)));
    box.setInformativeText(first.join(u'\n'));
    box.setDetailedText(findingLines(warnings));
    QPushButton *push = box.addButton(tr("Push anyway"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    makeConfirmation(box);
    box.setDefaultButton(push);
    box.exec();
    return box.clickedButton() == push;
}

PushInteraction::Resolution DialogPushInteraction::resolveConflict(const PushConflict &conflict)
{
    ConflictDialog dialog(conflict, m_parent);
    return dialog.exec() == QDialog::Accepted ? dialog.resolution() : Resolution::Cancel;
}

QString DialogPushInteraction::exportPath()
{
    return QFileDialog::getSaveFileName(
        m_parent, tr("Export your configuration"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
            u"/switchboard.json"_s,
        tr("Configuration documents (*.json)"));
}

void DialogPushInteraction::showRefused(const QString &message, const QStringList &errors)
{
    QMessageBox box(QMessageBox::Warning, tr("The backend refused the configuration"), message,
                    QMessageBox::Ok, m_parent);
    box.setDetailedText(errors.join(u'\n'));
    box.exec();
}

void DialogPushInteraction::showFailure(const QString &message)
{
    QMessageBox::warning(m_parent, tr("Cannot push"),
                         message + u"\n\n"_s +
                             tr("Nothing is lost: your changes stay here, and you can push "
                                "again when the backend answers."));
}

void DialogPushInteraction::progress(const QString &text)
{
    if (text.isEmpty()) {
        delete m_progress;
        return;
    }
    if (!m_progress) {
        m_progress = new QProgressDialog(m_parent);
        m_progress->setWindowTitle(tr("Push"));
        m_progress->setRange(0, 0); // busy: a request has no steps to count
        m_progress->setMinimumDuration(300);
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        QObject::connect(m_progress, &QProgressDialog::canceled, m_progress, [this] {
            if (onCancel)
                onCancel();
        });
    }
    m_progress->setLabelText(text);
}

} // namespace Switchboard
