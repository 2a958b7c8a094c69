#pragma once

#include "model/organization.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QTreeView;

namespace Switchboard {

class BlockedModel;
class ContactsModel;
class NumbersModel;
class OrganizationDocument;
class FlowsNumbersEdits;

// Phone numbers (red with the reason where not routed; the pencil picks a flow or creates
// one), the blocked numbers, and the contacts, whose numbers can be marked as spam.
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
};

} // namespace Switchboard
