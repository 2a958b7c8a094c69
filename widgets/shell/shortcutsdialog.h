#pragma once

// Help → Keyboard Shortcuts: every action of a window that has keys, by where it applies
// (the window, a page, the flow builder's canvas), read from the actions themselves so the
// list cannot drift from what the keys do.

#include <QDialog>

class QTreeWidget;

namespace Switchboard {

class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString where;
        QString what;
        QString keys;
    };
    // The entries for `window`: its actions with shortcuts (named by their text, "&" gone),
    // under the page (the nearest ancestor with a window title or an accessible name) they
    // belong to, then the canvas's keys.
    static QList<Entry> entriesFor(const QWidget *window);

    explicit ShortcutsDialog(const QWidget *window, QWidget *parent = nullptr);
    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree;
};

// "Save the changes (Ctrl+S)": a tooltip that names the action's shortcut, kept so.
QString toolTipWithShortcut(const QString &tip, const class QAction *action);

} // namespace Switchboard
