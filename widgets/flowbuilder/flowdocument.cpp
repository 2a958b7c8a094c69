#include "flowdocument.h"

#include "document/organizationdocument.h"
#include "validation/validator.h"

#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

FlowDocument::FlowDocument(OrganizationDocument *organization, const QString &flowId,
                           QObject *parent)
    : QObject(parent)
    , m_organization(organization)
    , m_undoStack(new QUndoStack(this))
    // Validation runs on a worker thread, on a copy: an edit never waits for it.
    , m_validation(
          [this] {
              const Organization org = this->organization();
              const int index = org.indexOfFlow(m_flow.id);
              return [org, index] { return index < 0 ? Findings() : validateFlow(org, index); };
          },
          [this](const Findings &findings) {
              m_findings = findings;
              emit findingsChanged();
          })
{
    if (const Flow *flow = organization->organization().flow(flowId))
        m_flow = *flow;
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    connect(organization, &OrganizationDocument::rowChanged, this,
            [this](OrganizationDocument::List list, int row) {
                if (list == OrganizationDocument::List::Flows)
                    followOrganization(row);
            });
    connect(organization, &OrganizationDocument::rowsAboutToBeRemoved, this,
            [this](OrganizationDocument::List list, int first, int last) {
                const int index = m_organization->organization().indexOfFlow(m_flow.id);
                if (list == OrganizationDocument::List::Flows && index >= first && index <= last)
                    emit removed();
            });
    connect(organization, &OrganizationDocument::organizationReset, this, [this] {
        const int index = m_organization->organization().indexOfFlow(m_flow.id);
        if (index < 0)
            emit removed();
        else
            followOrganization(index);
    });
    validateNow();
}

FlowDocument::~FlowDocument() = default;

Organization FlowDocument::organization() const
{
    Organization org = m_organization->organization();
    const int index = org.indexOfFlow(m_flow.id);
    if (index >= 0)
        org.flows[index] = m_flow;
    return org;
}

bool FlowDocument::isModified() const
{
    return !m_undoStack->isClean();
}

QString FlowDocument::pathPrefix(Channel channel) const
{
    const int index = m_organization->organization().indexOfFlow(m_flow.id);
    return JsonPath::key(JsonPath::index(u"flows"_s, index), channelKey(channel));
}

void FlowDocument::setGraph(Channel channel, const std::optional<Graph> &graph)
{
    m_flow.graph(channel) = graph;
    emit graphChanged(channel);
    m_validation.changed();
}

void FlowDocument::validateNow()
{
    // Also after changes elsewhere in the organization, which this document does not follow.
    m_validation.changed();
    m_validation.validateNow();
}

bool FlowDocument::save(QString *error)
{
    m_committing = true;
    const bool ok = m_organization->commitFlow(m_flow, error);
    m_committing = false;
    if (!ok)
        return false;
    m_undoStack->setClean();
    emit saved();
    return true;
}

// Someone else changed this flow (an undo in the main window, a group replaced in its
// applets). Without unsaved edits here, follow; with them, keep them (saving wins).
void FlowDocument::followOrganization(int row)
{
    const Organization &org = m_organization->organization();
    if (m_committing || row < 0 || row >= org.flows.size() || org.flows.at(row).id != m_flow.id ||
        isModified() || org.flows.at(row) == m_flow)
        return;
    m_flow = org.flows.at(row);
    m_undoStack->clear();
    emit graphChanged(Channel::Voice);
    emit graphChanged(Channel::Sms);
    m_validation.changed();
}

} // namespace Switchboard
