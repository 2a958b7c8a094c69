#pragma once

// What an admin does in the flow builder, each gesture one undo step with a readable text:
// put an applet into a slot, replace one by another type, delete one (with what hangs under
// it), link a slot to an applet elsewhere ("Go to…"), rename it, change its settings. The
// canvas's drops, the "+" menus, the keys and the inspector all come here.

#include "model/graphedit.h"

#include <QObject>

namespace Switchboard {

class FlowDocument;

class FlowEdits : public QObject
{
    Q_OBJECT

public:
    explicit FlowEdits(FlowDocument *document, QObject *parent = nullptr);

    FlowDocument *document() const { return m_document; }
    // Read-only (a manager signed in): every change below is refused, and says why.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

    // Puts a new applet of `type` into the empty `slot`; returns its id, or empty.
    QString addApplet(Channel channel, const SlotRef &slot, const QString &type);
    bool replaceApplet(Channel channel, const QString &id, const QString &type,
                       GraphEdit::Detached detached);
    bool deleteApplet(Channel channel, const QString &id);
    // Points the empty `slot` at an applet elsewhere in the flow; an empty `target` takes
    // a link away again.
    bool linkSlot(Channel channel, const SlotRef &slot, const QString &target);
    bool renameApplet(Channel channel, const QString &id, const QString &name);
    // Applies settings the catalogue's rules accept; otherwise says why in `problem` and
    // changes nothing. `field` names the setting being edited (for merging and messages).
    bool setConfig(Channel channel, const QString &id, const QJsonObject &config,
                   const QString &field, QString *problem);

    QString appletLabel(Channel channel, const QString &id) const; // Menu "Main menu"
    QString slotLabel(Channel channel, const SlotRef &slot) const; // "open", "1", ...

    static QString startQuestion(Channel channel);

signals:
    void message(const QString &text);

private:
    void push(Channel channel, const std::optional<Graph> &after, const QString &text,
              const QString &mergeKey = {});

    // False, and the reason in message(), when the flow is read-only.
    bool mayChange();

    FlowDocument *m_document;
    bool m_readOnly = false;
};

} // namespace Switchboard
