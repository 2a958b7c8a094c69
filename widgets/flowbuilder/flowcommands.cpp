#include "flowcommands.h"

#include "flowbuilder/flowdocument.h"

namespace Switchboard {

namespace {
enum MergeId
{
    GraphEditMerge = 1
};
}

ChangeGraphCommand::ChangeGraphCommand(FlowDocument *document, Channel channel,
                                       std::optional<Graph> before, std::optional<Graph> after,
                                       const QString &text, const QString &mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_channel(channel)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(mergeKey)
{}

void ChangeGraphCommand::undo()
{
    m_document->setGraph(m_channel, m_before);
}

void ChangeGraphCommand::redo()
{
    m_document->setGraph(m_channel, m_after);
}

int ChangeGraphCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : GraphEditMerge;
}

bool ChangeGraphCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeGraphCommand *>(other);
    if (o->m_mergeKey != m_mergeKey || o->m_channel != m_channel)
        return false;
    m_after = o->m_after;
    return true;
}

} // namespace Switchboard
