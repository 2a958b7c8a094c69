#include "numberspage.h"

#include "document/organizationdocument.h"
#include "flowlist/flowsnumbersedits.h"
#include "numbers/e164validator.h"
#include "numbers/numberdialog.h"
#include "numbers/numbersmodel.h"
#include "shell/namedialog.h"
#include "shell/pageheader.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QToolButton *toolButton(const QString &icon, const QString &text, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(QIcon(u":/icons/actions/"_s + icon + u".svg"_s));
    b->setText(text);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}
} // namespace

NumbersPage::NumbersPage(OrganizationDocument *document, FlowsNumbersEdits *editor, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(editor)
    , m_model(new NumbersModel(editor, this))
    , m_blocked(new BlockedModel(document, this))
    , m_contacts(new ContactsModel(document, this))
    , m_view(new QTreeView(this))
    , m_blockedView(new QListView(this))
    , m_contactsView(new QTreeView(this))
    , m_blockField(new QLineEdit(this))
    , m_blockProblem(new QLabel(this))
{
    // Named, so that the tests can find them.
    m_view->setObjectName(u"numbersView"_s);
    m_blockedView->setObjectName(u"blockedView"_s);
    m_contactsView->setObjectName(u"contactsView"_s);
    m_blockField->setObjectName(u"blockField"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_view->header()->resizeSection(NumbersModel::NumberColumn, 150);
    m_view->header()->resizeSection(NumbersModel::LabelColumn, 170);
    m_view->header()->resizeSection(NumbersModel::FlowColumn, 170);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() != NumbersModel::FlowColumn)
            return;
        showFlowMenu(index.data(NumbersModel::NumberRole).toString(),
                     m_view->viewport()->mapToGlobal(m_view->visualRect(index).bottomLeft()));
    });

    auto *addButton = toolButton(u"add"_s, tr("Add Number…"), this);
    auto *removeButton = toolButton(u"delete"_s, tr("Remove Number"), this);
    connect(addButton, &QToolButton::clicked, this, &NumbersPage::addNumber);
    connect(removeButton, &QToolButton::clicked, this, &NumbersPage::removeNumber);

    m_blockedView->setModel(m_blocked);
    m_blockField->setValidator(new E164Validator(m_blockField));
    m_blockField->setPlaceholderText(tr("Number to block, e.g. +15125550666"));
    m_blockProblem->setStyleSheet(u"color: #c62828"_s);
    m_blockProblem->setWordWrap(true);
    auto *blockButton = toolButton(u"add"_s, tr("Block"), this);
    auto *unblockButton = toolButton(u"remove"_s, tr("Unblock"), this);
    connect(blockButton, &QToolButton::clicked, this, &NumbersPage::blockTyped);
    connect(m_blockField, &QLineEdit::returnPressed, this, &NumbersPage::blockTyped);
    connect(m_blockField, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_blockProblem->setText(text.size() <= 1 ? QString() : E164Validator::explain(text));
    });
    connect(unblockButton, &QToolButton::clicked, this, &NumbersPage::unblockSelected);

    m_contactsView->setModel(m_contacts);
    m_contactsView->setRootIsDecorated(false);
    m_contactsView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_contactsView, &QTreeView::customContextMenuRequested, this,
            [this](const QPoint &pos) {
                const QModelIndex index = m_contactsView->indexAt(pos);
                if (!index.isValid())
                    return;
                const QString number =
                    index.siblingAtColumn(ContactsModel::NumberColumn).data().toString();
                QMenu menu(this);
                QAction *spam = menu.addAction(QIcon(u":/icons/actions/delete.svg"_s),
                                               tr("Mark %1 as Spam").arg(number));
                spam->setEnabled(!m_document->organization().blocked.contains(number));
                connect(spam, &QAction::triggered, this,
                        [this, number] { m_editor->markAsSpam(number); });
                menu.exec(m_contactsView->viewport()->mapToGlobal(pos));
            });

    auto *numbersHeader = new QHBoxLayout;
    numbersHeader->addWidget(new PageHeader(tr("Phone Numbers"), this));
    numbersHeader->addStretch();
    numbersHeader->addWidget(addButton);
    numbersHeader->addWidget(removeButton);

    auto *blockedPane = new QWidget(this);
    auto *blockedLayout = new QVBoxLayout(blockedPane);
    blockedLayout->setContentsMargins(0, 0, 0, 0);
    blockedLayout->addWidget(new PageHeader(tr("Blocked Numbers"), blockedPane));
    auto *blockRow = new QHBoxLayout;
    blockRow->addWidget(m_blockField, 1);
    blockRow->addWidget(blockButton);
    blockRow->addWidget(unblockButton);
    blockedLayout->addLayout(blockRow);
    blockedLayout->addWidget(m_blockProblem);
    blockedLayout->addWidget(m_blockedView);
    auto *contactsPane = new QWidget(this);
    auto *contactsLayout = new QVBoxLayout(contactsPane);
    contactsLayout->setContentsMargins(0, 0, 0, 0);
    contactsLayout->addWidget(new PageHeader(tr("Contacts"), contactsPane));
    auto *contactsHint =
        new QLabel(tr("Right-click a contact to mark their number as spam."), contactsPane);
    contactsHint->setForegroundRole(QPalette::PlaceholderText);
    contactsLayout->addWidget(contactsHint);
    contactsLayout->addWidget(m_contactsView);
    auto *lower = new QSplitter(this);
    lower->addWidget(blockedPane);
    lower->addWidget(contactsPane);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(numbersHeader);
    topLayout->addWidget(m_view);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_readOnlyNote = new QLabel(tr("You can look at the numbers; only admins change them."), this);
    m_readOnlyNote->setObjectName(u"readOnlyNote"_s);
    m_readOnlyNote->hide();
    m_editing = {addButton, removeButton, blockButton, unblockButton, m_blockField};
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnlyNote);
    layout->addWidget(split);
}

void NumbersPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QWidget *w : std::as_const(m_editing))
        w->setEnabled(!readOnly);
    m_view->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                     : QAbstractItemView::EditKeyPressed |
                                           QAbstractItemView::DoubleClicked);
    m_contactsView->setContextMenuPolicy(readOnly ? Qt::NoContextMenu : Qt::CustomContextMenu);
    m_readOnlyNote->setVisible(readOnly);
}

void NumbersPage::addNumber()
{
    if (m_readOnly)
        return;
    NumberDialog dialog([this](const QString &n) { return m_editor->numberProblem(n); }, this);
    if (dialog.exec() == QDialog::Accepted)
        m_editor->addNumber(dialog.number(), dialog.label());
}

void NumbersPage::removeNumber()
{
    if (m_readOnly)
        return;
    const QString number = m_view->currentIndex().data(NumbersModel::NumberRole).toString();
    if (!number.isEmpty())
        m_editor->removeNumber(number);
}

void NumbersPage::blockTyped()
{
    if (m_readOnly)
        return;
    if (m_editor->block(m_blockField->text()))
        m_blockField->clear();
    else
        m_blockProblem->setText(m_editor->blockedProblem(m_blockField->text()));
}

void NumbersPage::unblockSelected()
{
    if (m_readOnly)
        return;
    const QString number = m_blockedView->currentIndex().data().toString();
    if (!number.isEmpty())
        m_editor->unblock(number);
}

void NumbersPage::showFlowMenu(const QString &number, const QPoint &at)
{
    if (m_readOnly)
        return;
    const PhoneNumber *n = m_document->organization().number(number);
    if (!n)
        return;
    QMenu menu(this);
    for (const Flow &flow : m_document->organization().flows) {
        QAction *a = menu.addAction(flow.name);
        a->setCheckable(true);
        a->setChecked(flow.id == n->flow);
        connect(a, &QAction::triggered, this,
                [this, number, id = flow.id] { m_editor->assignNumber(number, id); });
    }
    menu.addSeparator();
    QAction *none = menu.addAction(tr("No flow"));
    none->setCheckable(true);
    none->setChecked(n->flow.isEmpty());
    connect(none, &QAction::triggered, this,
            [this, number] { m_editor->assignNumber(number, QString()); });
    QAction *create = menu.addAction(QIcon(u":/icons/actions/add.svg"_s), tr("Create new flow…"));
    connect(create, &QAction::triggered, this, [this, number, label = n->label] {
        NameDialog dialog(
            tr("Create a New Flow"), tr("Flow name:"), label,
            [this](const QString &name) { return m_editor->flowNameProblem(name); }, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const QString id = m_editor->createFlow(dialog.name(), number);
        if (!id.isEmpty())
            emit openFlow(id, Channel::Voice);
    });
    menu.exec(at);
}

} // namespace Switchboard
