#pragma once

#include "model/organization.h"

#include <QNetworkReply>
#include <QPointer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListView;
class QToolButton;
class QTreeView;

namespace Switchboard {

class BackendConnection;
class BlockedModel;
class ContactsModel;
class NumbersModel;
class OrganizationDocument;
class FlowsNumbersEdits;

// Phone numbers (red with the reason where not routed; the pencil picks a flow or creates
// one; where the carrier account sends each one), the blocked numbers, and the contacts,
// whose numbers can be marked as spam. Signed in as an admin: the carrier account's numbers
// are imported from here, and wired to the backend.
class NumbersPage : public QWidget
{
    Q_OBJECT

public:
    NumbersPage(OrganizationDocument *document, FlowsNumbersEdits *editor,
                QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    NumbersModel *model() const { return m_model; }

    void addNumber();
    void removeNumber();
    void blockTyped();
    void unblockSelected();
    // The pencil's drop-down: every flow, no flow, and "Create new flow…".
    void showFlowMenu(const QString &number, const QPoint &at);

    // Numbers to look at, not to change (a manager signed in).
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // The backend whose carrier account the Carrier column shows.
    void setBackend(BackendConnection *connection);
    // Asks the backend for the account's numbers again.
    void refreshCarrier();
    // Adds the account's numbers the document lacks, labelled with their friendly names, as
    // one undo step.
    void importFromCarrier();
    // Points the selected numbers (none selected: every number the backend routes) at the
    // backend, at the carrier.
    void wireToBackend();
    // What the last carrier action said.
    QString carrierMessage() const;

protected:
    void showEvent(QShowEvent *event) override;

signals:
    void openFlow(const QString &flowId, Switchboard::Channel channel);

private:
    OrganizationDocument *m_document;
    FlowsNumbersEdits *m_editor;
    NumbersModel *m_model;
    BlockedModel *m_blocked;
    ContactsModel *m_contacts;
    QTreeView *m_view;
    QListView *m_blockedView;
    QTreeView *m_contactsView;
    QLineEdit *m_blockField;
    QLabel *m_blockProblem;
    QLabel *m_readOnlyNote = nullptr;
    QList<QWidget *> m_editing; // what changes numbers, blocked numbers and contacts
    bool m_readOnly = false;
    void updateCarrierButtons();
    void showCarrierMessage(const QString &text, bool error);
    // One request to the carrier account at a time: routerd lets only a few wait on the
    // carrier at once, and answers more with 503. Each answer's handler calls
    // nextCarrierRequest().
    void queueCarrierRequest(std::function<QNetworkReply *()> start);
    void nextCarrierRequest();

    BackendConnection *m_connection = nullptr;
    QToolButton *m_import = nullptr;
    QToolButton *m_wire = nullptr;
    QLabel *m_carrierMessage = nullptr;
    int m_carrierRequest = 0; // answers to an older refreshCarrier() are dropped
    QList<std::function<QNetworkReply *()>> m_carrierQueue;
    QPointer<QNetworkReply> m_carrierBusy;
    bool m_refreshQueued = false;
};

} // namespace Switchboard
