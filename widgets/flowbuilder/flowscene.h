#pragma once

#include "flowbuilder/flowlayout.h"
#include "validation/finding.h"

#include <QGraphicsScene>
#include <QHash>

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;

namespace Switchboard {

class AppletItem;
class FlowEdits;
class FlowInteraction;
class SlotItem;

// One graph of a flow (the call flow or the SMS flow) on a canvas. Items are kept per applet
// and per slot and synced with the flow document after every change (never rebuilt), then
// laid out again; the validation findings are drawn on the applets and slots they concern.
class FlowScene : public QGraphicsScene
{
    Q_OBJECT

public:
    FlowScene(FlowEdits *editor, Channel channel, FlowInteraction *interaction,
              QObject *parent = nullptr);
    // The items go in QGraphicsScene's destructor, and their going changes the selection:
    // nothing of this scene may answer then.
    ~FlowScene() override;

    FlowEdits *editor() const { return m_editor; }
    Channel channel() const { return m_channel; }
    const FlowLayout &layout() const { return m_layout; }

    AppletItem *appletItem(const QString &id) const { return m_applets.value(id); }
    SlotItem *slotItem(const SlotRef &slot) const;
    QList<AppletItem *> appletItems() const { return m_applets.values(); }
    QString selectedApplet() const;
    std::optional<SlotRef> selectedSlot() const;
    void selectApplet(const QString &id);
    void selectSlot(const SlotRef &slot);

    // Gestures, as drops and buttons make them (asking first where something is lost).
    bool dropOnSlot(const SlotRef &slot, const QString &type);
    bool dropOnApplet(const QString &id, const QString &type);
    bool requestDelete(const QString &id);
    void requestSlotMenu(const SlotRef &slot, const QPoint &screenPos);
    // The selected applet's or slot's menu, where the keyboard or the pointer asks for it.
    void requestContextMenu(const QPoint &screenPos = {});

    void sync();
    void showFindings(const Findings &findings, const QString &pathPrefix);

    // The route of a test call: the applets in the order they ran (one may come twice), each
    // with its step number(s), and the branches taken between them. The next edit of this
    // graph clears it.
    void highlightPath(const QStringList &appletIds);
    void clearHighlight();
    QStringList highlightedPath() const { return m_path; }

signals:
    void slotMenuRequested(const Switchboard::SlotRef &slot, const QPoint &screenPos);
    // An applet's menu (replace it with another kind, its settings, delete it): the keyboard's
    // twin of dropping on top of it.
    void appletMenuRequested(const QString &id, const QPoint &screenPos);
    void appletSelected(const QString &id);
    void highlightChanged();

protected:
    // The lines and headings take the palette's colours again when it changes (View ▸
    // Colours).
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;
    // The focus frame on the selected item comes and goes with the canvas's focus.
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void applyPalette();
    // With the keys on the canvas and nothing selected: select its start.
    void selectSomething();
    void moveSelection(int dx, int dy);

    FlowEdits *m_editor;
    Channel m_channel;
    FlowInteraction *m_interaction;
    FlowLayout m_layout;
    QHash<QString, AppletItem *> m_applets;
    QHash<QString, SlotItem *> m_slots; // by "applet/branch" ("" for the start)
    QGraphicsPathItem *m_connectors;
    QGraphicsPathItem *m_routeConnectors; // along the highlighted route
    QGraphicsSimpleTextItem *m_detachedHeader;
    QStringList m_path; // highlighted
};

} // namespace Switchboard
