#pragma once

#include "model/organization.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QToolButton;
class QStackedWidget;

namespace Switchboard {

class OrganizationDocument;
class UsersGroupsPage;
class FlowsPage;
class NumbersPage;
class InboxPage;
class FlowsNumbersEdits;
class BackendConnection;
class PushController;

// The console's window: navigation down the left (Users & Groups, Flows, Phone Numbers,
// Inbox), a toolbar with Save, Undo, Redo and Push, and a status bar with the backend's state
// and the validation counts.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Section
    {
        UsersGroupsSection,
        FlowsSection,
        NumbersSection,
        InboxSection,
        SectionCount
    };

    explicit MainWindow(std::unique_ptr<OrganizationDocument> document, QWidget *parent = nullptr);
    ~MainWindow() override;

    OrganizationDocument *document() const { return m_document.get(); }
    Section currentSection() const;
    void showSection(Section section);

    UsersGroupsPage *usersGroupsPage() const { return m_usersGroups; }
    FlowsPage *flowsPage() const { return m_flows; }
    NumbersPage *numbersPage() const { return m_numbers; }
    InboxPage *inboxPage() const { return m_inbox; }
    QLabel *findingsLabel() const { return m_findingsLabel; }
    FlowsNumbersEdits *routingEditor() const { return m_routing; }
    // The red count on a section's entry (0: none).
    int badge(Section section) const;
    QAction *saveAction() const { return m_save; }
    QAction *pushAction() const { return m_push; }
    QAction *backendAction() const { return m_backendAction; }
    QLabel *backendLabel() const { return m_backendLabel; }
    // "Signed in as Nancy Ortiz (agent)", and its Sign out button.
    QLabel *identityLabel() const { return m_identityLabel; }
    QToolButton *signOutButton() const { return m_signOut; }
    // Whether a section is offered to whoever is signed in (an agent: the inbox only).
    bool isSectionShown(Section section) const;
    // Opens the sign-in dialog (or brings it forward); `why` says why it is asked for.
    class SignInDialog *signIn(const QString &why = {});
    // The backend's revisions, who pushed each and when.
    class PushHistoryDialog *showPushHistory();
    BackendConnection *backendConnection() const { return m_backend; }
    PushController *pushController() const { return m_pushController; }
    // Closes every flow builder (each asks about its unsaved edits); false if one stays open.
    bool closeFlowWindows();
    QAction *activeGroupsAction() const { return m_activeGroups; }
    class ActiveGroupsDialog *showActiveGroups(const QString &userId);

    bool save();
    // Opens the flow builder on `flowId` (or brings its window forward).
    class FlowWindow *openFlow(const QString &flowId, Channel channel = Channel::Voice);
    // Opens the test call (or brings it forward), with a number of `flowId` picked if given.
    class TestCallDialog *testCall(const QString &flowId = {}, Channel channel = Channel::Voice);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateTitle();
    void updateFindings();
    void updateBadges();
    void updateBackend();
    // Shows each role what it may do: an agent the inbox and Active Groups, a manager Users &
    // Groups to edit and flows and numbers to look at; admins, and everyone while nobody is
    // signed in (the local organization, offline), everything.
    void applyRole();

    std::unique_ptr<OrganizationDocument> m_document;
    FlowsNumbersEdits *m_routing;
    BackendConnection *m_backend; // before the pages: the inbox reads through it
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    UsersGroupsPage *m_usersGroups;
    FlowsPage *m_flows;
    NumbersPage *m_numbers;
    InboxPage *m_inbox;
    QAction *m_save;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_push;
    QAction *m_backendAction;
    QAction *m_activeGroups = nullptr;
    QAction *m_testCall = nullptr;
    QAction *m_pushHistory = nullptr;
    QAction *m_quit = nullptr;
    QList<QAction *> m_sectionActions;
    QPointer<class SignInDialog> m_signInDialog;
    PushController *m_pushController;
    QLabel *m_backendLabel;
    QLabel *m_findingsLabel;
    QLabel *m_identityLabel;
    QToolButton *m_signOut;
    QHash<QString, QPointer<class FlowWindow>> m_flowWindows;
};

} // namespace Switchboard
