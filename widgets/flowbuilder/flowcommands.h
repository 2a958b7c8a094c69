#pragma once

#include "model/organization.h"

#include <QUndoCommand>

namespace Switchboard {

class FlowDocument;

// One flow-builder gesture: the graph of one channel before and after. Graphs are
// implicitly shared, so keeping both costs little, and undo restores exactly.
class ChangeGraphCommand : public QUndoCommand
{
public:
    // Edits of the same `mergeKey` in a row (typing a name) make one step.
    ChangeGraphCommand(FlowDocument *document, Channel channel, std::optional<Graph> before,
                       std::optional<Graph> after, const QString &text,
                       const QString &mergeKey = {});
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    FlowDocument *m_document;
    Channel m_channel;
    std::optional<Graph> m_before;
    std::optional<Graph> m_after;
    QString m_mergeKey;
};

} // namespace Switchboard
