#include "mainwindow.h"

#include "backend/backendconnection.h"
#include "backend/pushcontroller.h"
#include "backend/pushdialogs.h"
#include "backend/pushhistorydialog.h"
#include "backend/signindialog.h"
#include "document/organizationdocument.h"
#include "flowbuilder/flowwindow.h"
#include "flowbuilder/testcalldialog.h"
#include "flowlist/flowsnumbersedits.h"
#include "flowlist/flowspage.h"
#include "groups/usersgroupspage.h"
#include "inbox/activegroupsdialog.h"
#include "inbox/inboxpage.h"
#include "numbers/numbersmodel.h"
#include "numbers/numberspage.h"
#include "shell/consolelook.h"
#include "shell/navigationdelegate.h"
#include "shell/shortcutsdialog.h"
#include "shell/unsavedchanges.h"
#include "shell/wheelguard.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

MainWindow::MainWindow(std::unique_ptr<OrganizationDocument> document, QWidget *parent)
    : QMainWindow(parent)
    , m_document(std::move(document))
    , m_routing(new FlowsNumbersEdits(m_document.get(), this))
    , m_backend(new BackendConnection(m_document.get(), this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_usersGroups(new UsersGroupsPage(m_document.get(), m_pages))
    , m_flows(new FlowsPage(m_document.get(), m_routing, m_pages))
    , m_numbers(new NumbersPage(m_document.get(), m_routing, m_pages))
    , m_inbox(new InboxPage(m_document.get(), m_backend, m_pages))
    , m_backendLabel(new QLabel(this))
    , m_findingsLabel(new QLabel(this))
    , m_identityLabel(new QLabel(this))
    , m_signOut(new QToolButton(this))
{
    setWindowIcon(ConsoleLook::icon(u":/icons/app/switchboard.svg"_s));
    WheelGuard::install();
    ConsoleLook::install();
    resize(1180, 760);
    m_usersGroups->setBackend(m_backend);
    m_numbers->setBackend(m_backend);

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
        auto *item = new QListWidgetItem(
            ConsoleLook::icon(u":/icons/sections/"_s + sections[i].icon + u".svg"_s),
            sections[i].label, m_navigation);
        item->setSizeHint(QSize(0, 36));
        m_pages->addWidget(sections[i].page);
        sections[i].page->setAccessibleName(sections[i].label); // also where its keys apply
        auto *go =
            new QAction(ConsoleLook::icon(u":/icons/sections/"_s + sections[i].icon + u".svg"_s),
                        QString(sections[i].label).replace(u'&', u"&&"_s), this); // "&" shown
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { showSection(Section(i)); });
        addAction(go);
        m_sectionActions.append(go);
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
    m_save = new QAction(ConsoleLook::icon(u":/icons/actions/save.svg"_s), tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the changes to %1").arg(m_document->databaseName()));
    connect(m_save, &QAction::triggered, this, &MainWindow::save);
    m_undo = undo->createUndoAction(this, tr("&Undo"));
    m_undo->setIcon(ConsoleLook::icon(u":/icons/actions/undo.svg"_s));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = undo->createRedoAction(this, tr("&Redo"));
    m_redo->setIcon(ConsoleLook::icon(u":/icons/actions/redo.svg"_s));
    m_redo->setShortcut(QKeySequence::Redo);
    m_undo->setIconText(tr("Undo"));
    m_redo->setIconText(tr("Redo"));
    connect(undo, &QUndoStack::undoTextChanged, this, [this](const QString &text) {
        m_undo->setToolTip(toolTipWithShortcut(
            text.isEmpty() ? tr("Nothing to undo") : tr("Undo %1").arg(text), m_undo));
    });
    connect(undo, &QUndoStack::redoTextChanged, this, [this](const QString &text) {
        m_redo->setToolTip(toolTipWithShortcut(
            text.isEmpty() ? tr("Nothing to redo") : tr("Redo %1").arg(text), m_redo));
    });
    m_push = new QAction(ConsoleLook::icon(u":/icons/actions/push.svg"_s), tr("&Push"), this);
    m_push->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_backendAction =
        new QAction(ConsoleLook::icon(u":/icons/actions/backend.svg"_s), tr("Sign &in…"), this);
    m_backendAction->setToolTip(tr("Sign in to the routing backend"));
    m_pushHistory =
        new QAction(ConsoleLook::icon(u":/icons/actions/push.svg"_s), tr("Push &History…"), this);
    m_pushHistory->setObjectName(u"pushHistoryAction"_s);
    m_pushHistory->setToolTip(tr("The revisions pushed to the backend, by whom and when"));
    connect(m_pushHistory, &QAction::triggered, this, &MainWindow::showPushHistory);
    m_pushController = new PushController(m_document.get(), m_backend, this);
    {
        auto interaction = std::make_unique<DialogPushInteraction>(this);
        interaction->onCancel = [this] { m_pushController->cancel(); };
        m_pushController->setInteraction(std::move(interaction));
    }
    m_pushController->setBeforeReload([this] { return closeFlowWindows(); });
    connect(m_push, &QAction::triggered, m_pushController, &PushController::push);
    connect(m_pushController, &PushController::finished, this,
            [this](PushController::Outcome, const QString &message) {
                statusBar()->showMessage(message, 8000);
            });
    connect(m_backendAction, &QAction::triggered, this, [this] { signIn(); });
    connect(m_inbox, &InboxPage::backendSettingsRequested, this, [this] { signIn(); });
    // A session that ended asks for a new one; nothing unsaved is touched meanwhile.
    connect(m_backend, &BackendConnection::signInRequired, this, [this] {
        signIn(tr("Your session has ended. Sign in again; your unsaved changes are kept."));
    });
    connect(m_backend, &BackendConnection::identityChanged, this, &MainWindow::applyRole);
    // Active Groups for whoever is signed in (admins may pick anyone).
    m_activeGroups = new QAction(ConsoleLook::icon(u":/icons/actions/presence.svg"_s),
                                 tr("Active &Groups…"), this);
    m_activeGroups->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_activeGroups->setToolTip(tr("Which groups' calls and texts you take now, and whether you are "
                                  "available"));
    connect(m_activeGroups, &QAction::triggered, this,
            [this] { showActiveGroups(m_inbox->signedInUser()); });
    connect(m_inbox, &InboxPage::activeGroupsRequested, this, &MainWindow::showActiveGroups);
    connect(m_backend, &BackendConnection::stateChanged, this, &MainWindow::updateBackend);

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
    toolbar->addAction(m_pushHistory);
    toolbar->addAction(m_backendAction);

    updateBackend();
    m_testCall =
        new QAction(ConsoleLook::icon(u":/icons/actions/test-call.svg"_s), tr("&Test Call…"), this);
    m_testCall->setObjectName(u"testCallAction"_s);
    m_testCall->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_testCall->setToolTip(tr("Run a call or a text through the flows, unsaved changes "
                              "included, and see its route"));
    connect(m_testCall, &QAction::triggered, this, [this] { testCall(); });
    toolbar->addSeparator();
    toolbar->addAction(m_testCall);
    toolbar->addAction(m_activeGroups);

    m_identityLabel->setObjectName(u"identityLabel"_s);
    m_signOut->setObjectName(u"signOutButton"_s);
    m_signOut->setText(tr("Sign &out"));
    m_signOut->setAutoRaise(true);
    m_signOut->setToolTip(tr("End your session on the backend and forget it on this computer"));
    connect(m_signOut, &QToolButton::clicked, m_backend, &BackendConnection::signOut);
    statusBar()->addPermanentWidget(m_identityLabel);
    statusBar()->addPermanentWidget(m_signOut);
    statusBar()->addPermanentWidget(m_backendLabel);
    statusBar()->addPermanentWidget(m_findingsLabel);

    connect(m_flows, &FlowsPage::openFlow, this, &MainWindow::openFlow);
    connect(m_numbers, &NumbersPage::openFlow, this, &MainWindow::openFlow);
    connect(m_routing, &FlowsNumbersEdits::message, this,
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
    applyRole();
    buildMenus();
    statusBar()->showMessage(tr("Opened %1").arg(m_document->databaseName()), 5000);
}

void MainWindow::buildMenus()
{
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setObjectName(u"quitAction"_s);
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q)); // ::Quit is empty on some desktops
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close); // asks about unsaved changes
    auto *signOut = new QAction(tr("Sign &Out"), this);
    connect(signOut, &QAction::triggered, m_backend, &BackendConnection::signOut);
    connect(m_backend, &BackendConnection::identityChanged, signOut, [this, signOut] {
        signOut->setEnabled(m_backend->identity() && !m_backend->identity()->user.isEmpty());
    });
    signOut->setEnabled(m_backend->identity() && !m_backend->identity()->user.isEmpty());
    auto *shortcuts = new QAction(tr("&Keyboard Shortcuts"), this);
    shortcuts->setObjectName(u"shortcutsAction"_s);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(this, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    auto *about = new QAction(tr("&About Switchboard"), this);
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Switchboard"),
            tr("<p><b>Switchboard %1</b></p><p>Call and SMS routing for your phone numbers: "
               "flows, groups and inboxes, pushed to your routing backend.</p>")
                .arg(QStringLiteral(SWITCHBOARD_VERSION)));
    });

    QMenuBar *bar = menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(m_save);
    file->addSeparator();
    file->addAction(m_push);
    file->addAction(m_pushHistory);
    file->addSeparator();
    file->addAction(m_backendAction);
    file->addAction(signOut);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    QMenu *view = bar->addMenu(tr("&View"));
    QAction *toolbar = findChild<QToolBar *>(u"mainToolBar"_s)->toggleViewAction();
    toolbar->setText(tr("&Toolbar"));
    view->addAction(toolbar);
    QMenu *colours = view->addMenu(tr("&Colours"));
    colours->setObjectName(u"coloursMenu"_s);
    auto *schemes = new QActionGroup(colours);
    const std::pair<ConsoleLook::Scheme, QString> choices[] = {
        {ConsoleLook::Scheme::System, tr("As the &Desktop")},
        {ConsoleLook::Scheme::Light, tr("&Light")},
        {ConsoleLook::Scheme::Dark, tr("D&ark")},
    };
    for (const auto &[scheme, text] : choices) {
        QAction *choice = colours->addAction(text);
        choice->setCheckable(true);
        choice->setChecked(ConsoleLook::scheme() == scheme);
        choice->setData(int(scheme));
        schemes->addAction(choice);
        connect(choice, &QAction::triggered, this, [scheme] { ConsoleLook::setScheme(scheme); });
    }
    view->addSeparator();
    view->addAction(m_testCall);
    view->addAction(m_activeGroups);
    QMenu *go = bar->addMenu(tr("&Go"));
    for (QAction *section : std::as_const(m_sectionActions))
        go->addAction(section);
    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(shortcuts);
    help->addAction(about);

    // Every tooltip names its keys, so they can be found by pointing.
    for (QAction *a : findChildren<QAction *>()) {
        if (!a->shortcut().isEmpty() && a != m_undo && a != m_redo)
            a->setToolTip(toolTipWithShortcut(a->toolTip(), a));
    }
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
    const int unrouted = NumbersModel::unroutedCount(org);
    QListWidgetItem *item = m_navigation->item(NumbersSection);
    item->setData(NavigationDelegate::BadgeRole, unrouted);
    item->setToolTip(unrouted ? tr("%n number(s) not fully routed", nullptr, unrouted) : QString());
}

void MainWindow::updateBackend()
{
    const bool configured = m_backend->state() != BackendConnection::State::NotConfigured;
    // Pushing, the history and presence need someone signed in (the admin token counts).
    const std::optional<Role> role = m_backend->role();
    const bool signedIn = m_backend->identity().has_value();
    m_push->setEnabled(signedIn && role != Role::Agent);
    m_pushHistory->setEnabled(signedIn && role != Role::Agent);
    m_activeGroups->setEnabled(true); // signed out, it lists the groups and offers to sign in
    m_push->setToolTip(
        configured
            ? tr("Send the configuration to %1").arg(m_backend->settings().url.toDisplayString())
            : tr("Send the configuration to the routing backend (set up "
                 "with Sign in… first)"));
    m_backendLabel->setText(m_backend->statusText());
    m_backendLabel->setToolTip(m_backend->lastError());
    const bool trouble = m_backend->state() == BackendConnection::State::Unreachable ||
                         m_backend->state() == BackendConnection::State::Refused;
    ConsoleLook::setTone(m_backendLabel, trouble ? ConsoleLook::Tone::Problem
                                         : configured && m_backend->hasUnpushedChanges()
                                             ? ConsoleLook::Tone::Warning
                                             : ConsoleLook::Tone::Normal);
}

void MainWindow::applyRole()
{
    const std::optional<Role> role = m_backend->role();
    const auto &me = m_backend->identity();
    const QString who = m_backend->identityText();
    m_identityLabel->setText(!me                  ? QString()
                             : me->user.isEmpty() ? tr("Signed in with the admin token")
                                                  : tr("Signed in as %1").arg(who));
    m_identityLabel->setVisible(!who.isEmpty());
    m_signOut->setVisible(me && !me->user.isEmpty());
    // An agent: the inbox (and Active Groups) only.
    const bool agent = role == Role::Agent;
    for (const Section s : {UsersGroupsSection, FlowsSection, NumbersSection}) {
        m_navigation->item(s)->setHidden(agent);
        m_sectionActions[s]->setEnabled(!agent);
    }
    m_testCall->setVisible(!agent);
    if (agent && currentSection() != InboxSection)
        showSection(InboxSection);
    // A manager: people and groups to edit, flows and numbers to look at.
    const bool readOnly = role == Role::Manager;
    m_flows->setReadOnly(readOnly);
    m_numbers->setReadOnly(readOnly);
    for (const QPointer<FlowWindow> &window : std::as_const(m_flowWindows)) {
        if (window)
            window->setReadOnly(readOnly);
    }
    updateBackend();
}

bool MainWindow::isSectionShown(Section section) const
{
    return !m_navigation->item(section)->isHidden();
}

ActiveGroupsDialog *MainWindow::showActiveGroups(const QString &userId)
{
    // Signed in or not: without the backend it lists the groups and offers to sign in.
    ActiveGroupsDialog *dialog =
        ActiveGroupsDialog::openFor(m_document->organization(), m_backend->client(), userId, this);
    connect(dialog, &ActiveGroupsDialog::signInRequested, this, [this, dialog] {
        SignInDialog *signInDialog = signIn();
        connect(signInDialog, &QDialog::accepted, dialog, &ActiveGroupsDialog::reload);
    });
    return dialog;
}

SignInDialog *MainWindow::signIn(const QString &why)
{
    // One at a time: a session that ends while the dialog is open does not stack another.
    if (!m_signInDialog) {
        m_signInDialog = new SignInDialog(m_backend, this);
        m_signInDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (!why.isEmpty())
        m_signInDialog->setMessage(why);
    m_signInDialog->open();
    m_signInDialog->raise();
    m_signInDialog->activateWindow();
    return m_signInDialog;
}

PushHistoryDialog *MainWindow::showPushHistory()
{
    auto *dialog = new PushHistoryDialog(m_backend->client(), &m_document->organization(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

bool MainWindow::closeFlowWindows()
{
    for (const QPointer<FlowWindow> &window : std::as_const(m_flowWindows)) {
        if (window && !window->close())
            return false;
    }
    return true;
}

MainWindow::Section MainWindow::currentSection() const
{
    return Section(m_navigation->currentRow());
}

void MainWindow::showSection(Section section)
{
    if (!isSectionShown(section))
        return; // not this role's
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
    ConsoleLook::setTone(m_findingsLabel,
                         errors ? ConsoleLook::Tone::Problem : ConsoleLook::Tone::Normal);
    QFont font = m_findingsLabel->font();
    font.setBold(errors);
    m_findingsLabel->setFont(font);
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
        window->setReadOnly(m_backend->role() == Role::Manager);
        connect(window, &FlowWindow::testCallRequested, this, &MainWindow::testCall);
    }
    window->showChannel(channel);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

TestCallDialog *MainWindow::testCall(const QString &flowId, Channel channel)
{
    auto *dialog = findChild<TestCallDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new TestCallDialog(m_document.get(), this);
        connect(dialog, &TestCallDialog::showRoute, this,
                [this](const QString &flow, Channel c, const QStringList &applets) {
                    if (FlowWindow *window = openFlow(flow, c))
                        window->highlightPath(c, applets);
                });
    }
    if (!flowId.isEmpty())
        dialog->preselect(flowId, channel);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Each open flow builder asks about its own unsaved changes first.
    if (!closeFlowWindows()) {
        event->ignore();
        return;
    }
    event->setAccepted(UnsavedChanges::allowClose(this, m_document->isModified(),
                                                  tr("Save your changes before closing?"),
                                                  [this] { return save(); }));
}

} // namespace Switchboard
