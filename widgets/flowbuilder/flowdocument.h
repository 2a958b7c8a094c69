#pragma once

// One flow open in the flow builder: a working copy of the flow, its own undo stack (every
// edit a command, one per gesture), and validation findings of the working copy. Saving
// commits the copy to the organization and writes it to the database.

#include "document/backgroundvalidation.h"
#include "model/organization.h"
#include "validation/finding.h"

#include <QObject>

class QUndoStack;

namespace Switchboard {

class OrganizationDocument;

class FlowDocument : public QObject
{
    Q_OBJECT

public:
    FlowDocument(OrganizationDocument *organization, const QString &flowId,
                 QObject *parent = nullptr);
    ~FlowDocument() override;

    OrganizationDocument *organizationDocument() const { return m_organization; }
    // The organization with this flow's working copy in place (for names and validation).
    Organization organization() const;
    const Flow &flow() const { return m_flow; }
    const std::optional<Graph> &graph(Channel channel) const { return m_flow.graph(channel); }
    QUndoStack *undoStack() const { return m_undoStack; }
    bool isModified() const;
    bool save(QString *error);

    // Findings about this flow; their paths start with pathPrefix(channel).
    const Findings &findings() const { return m_findings; }
    QString pathPrefix(Channel channel) const;
    void validateNow();

    // For undo commands.
    void setGraph(Channel channel, const std::optional<Graph> &graph);

signals:
    void graphChanged(Switchboard::Channel channel);
    void findingsChanged();
    void modifiedChanged(bool modified);
    void saved();
    // The flow is no longer in the organization (deleted, or gone with a reload): this
    // document must not save (a new flow may take its id).
    void removed();

private:
    void followOrganization(int row);

    OrganizationDocument *m_organization;
    Flow m_flow;
    QUndoStack *m_undoStack;
    Findings m_findings;
    bool m_committing = false;
    BackgroundValidation m_validation; // last: goes first
};

} // namespace Switchboard
