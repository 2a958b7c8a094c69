#include "flowspage.h"

#include "document/organizationdocument.h"
#include "flowlist/flowdelegates.h"
#include "flowlist/flowsmodel.h"
#include "flowlist/flowsnumbersedits.h"
#include "shell/confirmation.h"
#include "shell/consolelook.h"
#include "shell/namedialog.h"
#include "shell/pageheader.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

FlowsPage::FlowsPage(OrganizationDocument *document, FlowsNumbersEdits *editor, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(editor)
    , m_model(new FlowsModel(editor, this))
    , m_view(new QTreeView(this))
{
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(FlowsModel::AppletsColumn, new AppletPreviewDelegate(m_view));
    auto *setUp = new SetUpDelegate(m_view);
    m_view->setItemDelegateForColumn(FlowsModel::VoiceColumn, setUp);
    m_view->setItemDelegateForColumn(FlowsModel::SmsColumn, setUp);
    m_view->header()->resizeSection(FlowsModel::NameColumn, 200);
    m_view->header()->resizeSection(FlowsModel::AppletsColumn, 260);
    m_view->header()->resizeSection(FlowsModel::NumbersColumn, 130);
    // The Calls and Texts columns as wide as their red buttons' words: never cut.
    m_view->header()->setSectionResizeMode(FlowsModel::VoiceColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(FlowsModel::SmsColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FlowsModel::AppletsColumn, QHeaderView::Stretch);
    m_view->setToolTip(tr("Double-click a flow to open it in the flow builder."));

    auto action = [this](const QString &icon, const QString &text, const QKeySequence &key) {
        auto *a = new QAction(
            icon.isEmpty() ? QIcon() : ConsoleLook::icon(u":/icons/actions/"_s + icon + u".svg"_s),
            text, this);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            m_view->addAction(a);
        }
        return a;
    };
    m_create = action(u"add"_s, tr("Create a New Flow"), QKeySequence::New);
    m_open = action(u"goto"_s, tr("Open"), {});
    m_rename = action(u"edit"_s, tr("Rename"), QKeySequence(Qt::Key_F2));
    m_duplicate = action(u"duplicate"_s, tr("Duplicate"), {});
    // The numbers column's menu, by keyboard: Enter on that column, or this.
    m_numbersAction = action(u"assign"_s, tr("Numbers…"), {});
    m_numbersAction->setToolTip(tr("Give this flow a number, or move one to it"));
    connect(m_numbersAction, &QAction::triggered, this, [this] {
        const QModelIndex cell = m_view->currentIndex().siblingAtColumn(FlowsModel::NumbersColumn);
        if (cell.isValid())
            showNumbersMenu(cell.siblingAtColumn(0).data(FlowsModel::FlowIdRole).toString(),
                            m_view->viewport()->mapToGlobal(m_view->visualRect(cell).bottomLeft()));
    });
    m_delete = action(u"delete"_s, tr("Delete…"), QKeySequence::Delete);
    connect(m_create, &QAction::triggered, this, &FlowsPage::createFlow);
    connect(m_open, &QAction::triggered, this, [this] {
        if (!currentFlowId().isEmpty())
            emit openFlow(currentFlowId(), Channel::Voice);
    });
    connect(m_rename, &QAction::triggered, this, &FlowsPage::renameFlow);
    connect(m_duplicate, &QAction::triggered, this, &FlowsPage::duplicateFlow);
    connect(m_delete, &QAction::triggered, this, &FlowsPage::deleteFlow);

    // Enter and double-click open the builder; on a missing call or SMS flow, on that tab.
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString id = index.siblingAtColumn(0).data(FlowsModel::FlowIdRole).toString();
        if (index.column() == FlowsModel::NumbersColumn) {
            m_numbersAction->trigger(); // Enter there: its menu, as a click gives
            return;
        }
        emit openFlow(id, FlowsModel::channelOf(index.column()));
    });
    connect(setUp, &SetUpDelegate::createRequested, this, [this](const QModelIndex &index) {
        emit openFlow(index.siblingAtColumn(0).data(FlowsModel::FlowIdRole).toString(),
                      FlowsModel::channelOf(index.column()));
    });
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() != FlowsModel::NumbersColumn)
            return;
        const QRect cell = m_view->visualRect(index);
        showNumbersMenu(index.siblingAtColumn(0).data(FlowsModel::FlowIdRole).toString(),
                        m_view->viewport()->mapToGlobal(cell.bottomLeft()));
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(m_open);
        menu.addAction(m_rename);
        menu.addAction(m_duplicate);
        menu.addAction(m_numbersAction);
        menu.addAction(m_delete);
        menu.addSeparator();
        menu.addAction(m_create);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FlowsPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FlowsPage::updateActions);

    // The page's main action: a button like the others beside it, in bold, not a green slab.
    auto *createButton = m_createButton = new QToolButton(this);
    createButton->setObjectName(u"createFlowButton"_s);
    createButton->setDefaultAction(m_create);
    createButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QFont bold = createButton->font();
    bold.setBold(true);
    createButton->setFont(bold);
    auto *header = new QHBoxLayout;
    header->addWidget(new PageHeader(tr("Flows"), this));
    header->addStretch();
    QList<QWidget *> order; // Tab goes as the header reads, left to right, then the list
    for (QAction *a : {m_open, m_rename, m_duplicate, m_delete}) {
        auto *b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        header->addWidget(b);
        order.append(b);
    }
    header->addSpacing(12);
    header->addWidget(createButton);
    order << createButton << m_view;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    m_readOnlyNote = new QLabel(tr("You can look at the flows; only admins change them."), this);
    m_readOnlyNote->setObjectName(u"readOnlyNote"_s);
    m_readOnlyNote->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_readOnlyNote);
    layout->addWidget(m_view);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    updateActions();
}

void FlowsPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_view->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                     : QAbstractItemView::EditKeyPressed |
                                           QAbstractItemView::SelectedClicked);
    m_readOnlyNote->setVisible(readOnly);
    updateActions();
}

QString FlowsPage::currentFlowId() const
{
    return m_view->currentIndex().siblingAtColumn(0).data(FlowsModel::FlowIdRole).toString();
}

void FlowsPage::selectFlow(const QString &flowId)
{
    const int row = m_document->organization().indexOfFlow(flowId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void FlowsPage::updateActions()
{
    const bool any = !currentFlowId().isEmpty();
    m_open->setEnabled(any);
    for (QAction *a : {m_rename, m_duplicate, m_delete, m_numbersAction})
        a->setEnabled(any && !m_readOnly);
    m_create->setEnabled(!m_readOnly);
    m_createButton->setEnabled(!m_readOnly);
}

void FlowsPage::createFlow()
{
    if (m_readOnly)
        return;
    NameDialog dialog(
        tr("Create a New Flow"), tr("Flow name:"), QString(),
        [this](const QString &name) { return m_editor->flowNameProblem(name); }, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString id = m_editor->createFlow(dialog.name());
    if (id.isEmpty())
        return;
    selectFlow(id);
    emit openFlow(id, Channel::Voice);
}

void FlowsPage::renameFlow()
{
    if (m_readOnly)
        return;
    if (m_view->currentIndex().isValid())
        m_view->edit(m_view->currentIndex().siblingAtColumn(FlowsModel::NameColumn));
}

void FlowsPage::duplicateFlow()
{
    if (m_readOnly)
        return;
    const QString id = m_editor->duplicateFlow(currentFlowId());
    if (!id.isEmpty())
        selectFlow(id);
}

void FlowsPage::deleteFlow()
{
    if (m_readOnly)
        return;
    const QString id = currentFlowId();
    if (id.isEmpty())
        return;
    const QStringList numbers = m_editor->numbersOf(id);
    QMessageBox box(QMessageBox::Question, tr("Delete flow"),
                    tr("Delete the flow \"%1\"?").arg(m_editor->flowName(id)), QMessageBox::Cancel,
                    this);
    box.setInformativeText(
        numbers.isEmpty() ? tr("No number uses it.")
                          : tr("These numbers will have no flow, and their calls and texts will be "
                               "rejected until they get one:\n%1")
                                .arg(numbers.join(u"\n"_s)));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    makeConfirmation(box);
    box.exec();
    if (box.clickedButton() == remove)
        m_editor->deleteFlow(id);
}

void FlowsPage::showNumbersMenu(const QString &flowId, const QPoint &at)
{
    if (m_readOnly)
        return;
    const Organization &org = m_document->organization();
    QMenu menu(this);
    const QStringList own = m_editor->numbersOf(flowId);
    for (const QString &number : own) {
        const PhoneNumber *n = org.number(number);
        QAction *a =
            menu.addAction(ConsoleLook::icon(u":/icons/actions/remove.svg"_s),
                           tr("Take %1 (%2) off this flow").arg(number, n ? n->label : QString()));
        connect(a, &QAction::triggered, this,
                [this, number] { m_editor->assignNumber(number, QString()); });
    }
    if (!own.isEmpty())
        menu.addSeparator();
    QMenu *assign =
        menu.addMenu(ConsoleLook::icon(u":/icons/actions/add.svg"_s), tr("Assign a number"));
    QMenu *move = menu.addMenu(tr("Move a number here"));
    for (const PhoneNumber &n : org.numbers) {
        if (n.flow == flowId)
            continue;
        const QString text = n.label.isEmpty() ? n.number : tr("%1 (%2)").arg(n.number, n.label);
        if (n.flow.isEmpty()) {
            QAction *a = assign->addAction(text);
            connect(a, &QAction::triggered, this,
                    [this, flowId, number = n.number] { m_editor->assignNumber(number, flowId); });
        } else {
            QAction *a = move->addAction(tr("%1, from %2").arg(text, m_editor->flowName(n.flow)));
            connect(a, &QAction::triggered, this, [this, flowId, number = n.number, from = n.flow] {
                const auto answer =
                    confirm(this, tr("Move number"),
                            tr("%1 now uses the flow \"%2\". Move it to \"%3\"?")
                                .arg(number, m_editor->flowName(from), m_editor->flowName(flowId)),
                            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
                if (answer == QMessageBox::Yes)
                    m_editor->assignNumber(number, flowId);
            });
        }
    }
    assign->setEnabled(!assign->isEmpty());
    move->setEnabled(!move->isEmpty());
    menu.exec(at);
}

} // namespace Switchboard
