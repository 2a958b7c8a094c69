#pragma once

#include "model/graphedit.h"

#include <QString>

class QWidget;

namespace Switchboard {

// The questions the flow builder asks before a gesture that loses something. Dialogs in
// the console; answered by a script in tests.
class FlowInteraction
{
public:
    virtual ~FlowInteraction() = default;
    // "Replace Menu with Dial?"; `detached` applets hang under branches the new type lacks.
    // No answer: cancel.
    virtual std::optional<GraphEdit::Detached> confirmReplace(const QString &from,
                                                              const QString &to, int detached) = 0;
    // "Delete Menu "Main menu"? 4 applets hang under it."
    virtual bool confirmDelete(const QString &applet, int under) = 0;
};

class DialogInteraction : public FlowInteraction
{
public:
    explicit DialogInteraction(QWidget *parent)
        : m_parent(parent)
    {}
    std::optional<GraphEdit::Detached> confirmReplace(const QString &from, const QString &to,
                                                      int detached) override;
    bool confirmDelete(const QString &applet, int under) override;

private:
    QWidget *m_parent;
};

} // namespace Switchboard
