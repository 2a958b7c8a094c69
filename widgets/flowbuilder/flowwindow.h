#pragma once

#include "model/graphedit.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QListWidget;
class QTabWidget;

namespace Switchboard {

class AppletPalette;
class FlowDocument;
class FlowEdits;
class FlowInteraction;
class FlowScene;
class FlowView;
class Inspector;
class OrganizationDocument;

// The flow builder for one flow: a tab for the call flow and one for the SMS flow, each a
// palette beside a canvas; the selected applet's settings and the flow's findings below.
// Save (Ctrl+S) commits the flow; Close asks when there are unsaved changes.
class FlowWindow : public QMainWindow
{
    Q_OBJECT

public:
    FlowWindow(OrganizationDocument *organization, const QString &flowId,
               QWidget *parent = nullptr);
    ~FlowWindow() override;

    FlowDocument *document() const { return m_document; }
    FlowEdits *editor() const { return m_editor; }
    FlowScene *scene(Channel channel) const;
    FlowView *view(Channel channel) const;
    AppletPalette *palette(Channel channel) const;
    Channel currentChannel() const;
    void showChannel(Channel channel);
    // Replaces the dialogs that confirm replacing and deleting (tests answer them).
    void setInteraction(std::unique_ptr<FlowInteraction> interaction);

    bool save();

    // Shows the route of a test call on `channel`'s tab, scrolled to its first applet; the
    // next edit of that graph or Clear Route takes it away.
    void highlightPath(Channel channel, const QStringList &appletIds);
    void clearHighlight();
    // To look at, not to change (a manager signed in): no palette, no settings, no saving.
    void setReadOnly(bool readOnly);

signals:
    // "Test call…": the main window runs it, with a number of this flow picked.
    void testCallRequested(const QString &flowId, Switchboard::Channel channel);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void showSlotMenu(Channel channel, const SlotRef &slot, const QPoint &at);
    void showAppletMenu(Channel channel, const QString &id, const QPoint &at);
    void updateTitle();
    void updateFindings();
    void goToFinding(int row);

    FlowDocument *m_document;
    FlowEdits *m_editor;
    std::unique_ptr<FlowInteraction> m_interaction;
    std::unique_ptr<FlowInteraction> m_forwarding; // what the scenes hold; asks m_interaction
    QTabWidget *m_tabs;
    FlowScene *m_scenes[2] = {nullptr, nullptr};
    FlowView *m_views[2] = {nullptr, nullptr};
    AppletPalette *m_palettes[2] = {nullptr, nullptr};
    Inspector *m_inspector;
    QListWidget *m_findings;
    QAction *m_save;
    QAction *m_testCall;
    QAction *m_clearRoute;
    bool m_shown = false;
};

} // namespace Switchboard
