#include "mainwindow.h"

#include "document/organizationdocument.h"
#include "flow/flowwindow.h"
#include "flows/flowspage.h"
#include "flows/routingeditor.h"
#include "groups/usersgroupspage.h"
#include "inbox/inboxpage.h"
#include "numbers/numbersmodel.h"
#include "numbers/numberspage.h"
#include "shell/navigationdelegate.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

MainWindow::MainWindow(std::unique_ptr<OrganizationDocument> document, QWidget *parent)
    : QMainWindow(parent)
    , m_document(std::move(document))
    , m_routing(new RoutingEditor(m_document.get(), this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_usersGroups(new UsersGroupsPage(m_document.get(), m_pages))
    , m_flows(new FlowsPage(m_document.get(), m_routing, m_pages))
    , m_numbers(new NumbersPage(m_document.get(), m_routing, m_pages))
    , m_inbox(new InboxPage(m_pages))
    , m_backendLabel(new QLabel(this))
    , m_findingsLabel(new QLabel(this))
{
    setWindowIcon(QIcon(u":/icons/app/switchboard.svg"_s));
    resize(1180, 760);

    const struct
    {
        QString icon;
        QString label;
        QWidget *page;
    } sections[] = {
        {u"users"_s, tr("Users & Groups"), m_usersGroups},
        {u"flows"_s, tr("Flows"), m_flows},
        {u"numbers"_s, tr("Phone Numbers"), m_numbers},
        {u"inbox"_s, tr("Inbox"), m_inbox},
    };
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    for (int i = 0; i < SectionCount; ++i) {
        auto *item =
            new QListWidgetItem(QIcon(u":/icons/sections/"_s + sections[i].icon + u".svg"_s),
                                sections[i].label, m_navigation);
        item->setSizeHint(QSize(0, 36));
        m_pages->addWidget(sections[i].page);
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { showSection(Section(i)); });
        addAction(go);
    }
    m_navigation->setFixedWidth(200);
    m_navigation->setItemDelegate(new NavigationDelegate(m_navigation));
    m_navigation->setFrameShape(QFrame::NoFrame);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(UsersGroupsSection);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    QUndoStack *undo = m_document->undoStack();
    m_save = new QAction(QIcon(u":/icons/actions/save.svg"_s), tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the changes to %1").arg(m_document->databaseName()));
    connect(m_save, &QAction::triggered, this, &MainWindow::save);
    m_undo = undo->createUndoAction(this, tr("&Undo"));
    m_undo->setIcon(QIcon(u":/icons/actions/undo.svg"_s));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = undo->createRedoAction(this, tr("&Redo"));
    m_redo->setIcon(QIcon(u":/icons/actions/redo.svg"_s));
    m_redo->setShortcut(QKeySequence::Redo);
    m_undo->setIconText(tr("Undo"));
    m_redo->setIconText(tr("Redo"));
    connect(undo, &QUndoStack::undoTextChanged, this, [this](const QString &text) {
        m_undo->setToolTip(text.isEmpty() ? tr("Nothing to undo") : tr("Undo %1").arg(text));
    });
    connect(undo, &QUndoStack::redoTextChanged, this, [this](const QString &text) {
        m_redo->setToolTip(text.isEmpty() ? tr("Nothing to redo") : tr("Redo %1").arg(text));
    });
    m_push = new QAction(QIcon(u":/icons/actions/push.svg"_s), tr("&Push"), this);
    m_push->setEnabled(false);
    m_push->setToolTip(tr("Send the configuration to the routing backend (no backend is "
                          "configured)"));

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_save);
    toolbar->addSeparator();
    toolbar->addAction(m_undo);
    toolbar->addAction(m_redo);
    toolbar->addSeparator();
    toolbar->addAction(m_push);

    m_backendLabel->setText(tr("Backend: not configured"));
    statusBar()->addPermanentWidget(m_backendLabel);
    statusBar()->addPermanentWidget(m_findingsLabel);

    connect(m_flows, &FlowsPage::openFlow, this, &MainWindow::openFlow);
    connect(m_numbers, &NumbersPage::openFlow, this, &MainWindow::openFlow);
    connect(m_routing, &RoutingEditor::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_document.get(), &OrganizationDocument::changed, this, &MainWindow::updateBadges);
    // What a gesture has to say (a user already in the group, ...) shows in the status bar.
    connect(m_usersGroups, &UsersGroupsPage::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(m_document.get(), &OrganizationDocument::modifiedChanged, this,
            &MainWindow::updateTitle);
    connect(m_document.get(), &OrganizationDocument::organizationReset, this,
            &MainWindow::updateTitle);
    connect(m_document.get(), &OrganizationDocument::findingsChanged, this,
            &MainWindow::updateFindings);
    updateTitle();
    updateFindings();
    updateBadges();
    statusBar()->showMessage(tr("Opened %1").arg(m_document->databaseName()), 5000);
}

MainWindow::~MainWindow()
{
    // Members die before child widgets; the pages' models read the document, so they go
    // first.
    delete takeCentralWidget();
}

int MainWindow::badge(Section section) const
{
    return m_navigation->item(section)->data(NavigationDelegate::BadgeRole).toInt();
}

// Numbers whose calls or texts go nowhere, counted on the Phone Numbers entry.
void MainWindow::updateBadges()
{
    const Organization &org = m_document->organization();
    int unrouted = 0;
    for (const PhoneNumber &n : org.numbers)
        unrouted += NumbersModel::problem(org, n).isEmpty() ? 0 : 1;
    QListWidgetItem *item = m_navigation->item(NumbersSection);
    item->setData(NavigationDelegate::BadgeRole, unrouted);
    item->setToolTip(unrouted ? tr("%n number(s) not fully routed", nullptr, unrouted) : QString());
}

MainWindow::Section MainWindow::currentSection() const
{
    return Section(m_navigation->currentRow());
}

void MainWindow::showSection(Section section)
{
    m_navigation->setCurrentRow(section);
}

void MainWindow::updateTitle()
{
    const QString name = m_document->organization().name;
    setWindowTitle(name.isEmpty() ? tr("Switchboard[*]") : tr("%1[*] — Switchboard").arg(name));
    setWindowModified(m_document->isModified());
    m_save->setEnabled(m_document->isModified());
}

void MainWindow::updateFindings()
{
    const int errors = m_document->errorCount();
    const int warnings = m_document->warningCount();
    m_findingsLabel->setText(tr("%n error(s)", nullptr, errors) + u", "_s +
                             tr("%n warning(s)", nullptr, warnings));
    m_findingsLabel->setStyleSheet(errors ? u"color: #c62828; font-weight: bold"_s : QString());
}

bool MainWindow::save()
{
    QString error;
    if (m_document->save(&error)) {
        statusBar()->showMessage(tr("Saved to %1").arg(m_document->databaseName()), 4000);
        return true;
    }
    QMessageBox::critical(this, tr("Cannot save"),
                          tr("The changes could not be saved. They are still here, and you "
                             "can try again.\n\n%1")
                              .arg(error));
    return false;
}

FlowWindow *MainWindow::openFlow(const QString &flowId, Channel channel)
{
    QPointer<FlowWindow> &window = m_flowWindows[flowId];
    if (!window) {
        if (!m_document->organization().flow(flowId))
            return nullptr;
        window = new FlowWindow(m_document.get(), flowId, this);
    }
    window->showChannel(channel);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Each open flow builder asks about its own unsaved changes first.
    for (const QPointer<FlowWindow> &window : std::as_const(m_flowWindows)) {
        if (window && !window->close()) {
            event->ignore();
            return;
        }
    }
    if (!m_document->isModified()) {
        event->accept();
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("Save your changes before closing?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save()))
        event->ignore();
    else
        event->accept();
}

} // namespace Switchboard
