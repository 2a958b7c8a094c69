#pragma once

#include "model/organization.h"

#include <QWidget>

class QAction;
class QTreeView;

class QLabel;
class QPushButton;
class QToolButton;

namespace Switchboard {

class FlowsModel;
class OrganizationDocument;
class FlowsNumbersEdits;

// The flows dashboard: one row per flow with a preview of its applets, the numbers using it
// (a drop-down assigns more), and red "Create Call Flow" / "Create SMS Flow" buttons where
// one is missing. Create, open, rename in place, duplicate, delete.
class FlowsPage : public QWidget
{
    Q_OBJECT

public:
    FlowsPage(OrganizationDocument *document, FlowsNumbersEdits *editor, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    FlowsModel *model() const { return m_model; }
    QString currentFlowId() const;
    void selectFlow(const QString &flowId);
    // Flows to look at, not to change (a manager signed in): no create, rename, duplicate,
    // delete or number assignment; the builder opens read-only.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    void createFlow();
    void renameFlow();
    void duplicateFlow();
    void deleteFlow();
    // The drop-down of numbers for a flow: those it has, and those it can take.
    void showNumbersMenu(const QString &flowId, const QPoint &at);

signals:
    void openFlow(const QString &flowId, Switchboard::Channel channel);

private:
    void updateActions();

    OrganizationDocument *m_document;
    FlowsNumbersEdits *m_editor;
    FlowsModel *m_model;
    QTreeView *m_view;
    QAction *m_create;
    QToolButton *m_createButton = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    bool m_readOnly = false;
    QAction *m_open;
    QAction *m_rename;
    QAction *m_duplicate;
    QAction *m_numbersAction;
    QAction *m_delete;
};

} // namespace Switchboard
