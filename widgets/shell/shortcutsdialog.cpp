#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

// An action's text as shown: without its mnemonic marks ("Users && Groups" is "Users &
// Groups", "&Save" is "Save").
QString withoutMnemonic(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size()) {
            ++i; // "&&" is one "&"; "&X" is X
        }
        plain.append(text.at(i));
    }
    return plain;
}

} // namespace

QString toolTipWithShortcut(const QString &tip, const QAction *action)
{
    const QKeySequence keys = action->shortcut();
    if (keys.isEmpty())
        return tip;
    const QString text = keys.toString(QKeySequence::NativeText);
    QString base = tip.isEmpty() ? withoutMnemonic(action->text()) : tip;
    if (base.endsWith(u'…'))
        base.chop(1);
    return base.contains(text) ? base : base + u" ("_s + text + u')';
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::entriesFor(const QWidget *window)
{
    QList<Entry> entries;
    QSet<QString> seen;
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *a : actions) {
        if (a->shortcut().isEmpty() || a->text().isEmpty() || a->menu())
            continue;
        // Where it applies: the page that holds it (or the window itself).
        QString where = tr("Everywhere");
        if (a->shortcutContext() != Qt::WindowShortcut &&
            a->shortcutContext() != Qt::ApplicationShortcut) {
            for (const QObject *o = a->parent(); o && o != window; o = o->parent()) {
                const auto *w = qobject_cast<const QWidget *>(o);
                if (w && !w->accessibleName().isEmpty()) {
                    where = w->accessibleName();
                    break;
                }
            }
        }
        const QString what = withoutMnemonic(a->text());
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys.append(k.toString(QKeySequence::NativeText));
        const QString key = where + u'|' + what + u'|' + keys.join(u", ");
        if (seen.contains(key))
            continue;
        seen.insert(key);
        entries.append({where, what, keys.join(u", "_s)});
    }
    // The canvas reads its keys itself: they are listed as it takes them.
    const QString canvas = tr("Flow builder canvas");
    entries.append({canvas, tr("Move to the nearest applet or slot"), tr("Arrow keys")});
    entries.append({canvas, tr("Add an applet to the selected slot"), tr("Return, Space")});
    entries.append({canvas, tr("The selected applet's menu: replace, settings, delete"),
                    tr("Return, Space, Shift+F10, Menu")});
    entries.append({canvas, tr("Delete the selected applet"), tr("Del")});
    // Keys that belong to no action of their own.
    const QString everywhere = tr("Everywhere");
    entries.append({everywhere, tr("A list's menu (Add to group, a flow, a member's calls)"),
                    tr("Shift+F10, Menu")});
    entries.append({everywhere, tr("Press the focused button"), tr("Space, Return")});
    entries.append({tr("Inbox"), tr("Send the reply"), tr("Ctrl+Return")});
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry &a, const Entry &b) {
        const bool aEverywhere = a.where == tr("Everywhere");
        const bool bEverywhere = b.where == tr("Everywhere");
        if (aEverywhere != bEverywhere)
            return aEverywhere;
        return a.where.localeAwareCompare(b.where) < 0;
    });
    return entries;
}

ShortcutsDialog::ShortcutsDialog(const QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree->setObjectName(u"shortcutsTree"_s);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Keys")});
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    QHash<QString, QTreeWidgetItem *> groups;
    for (const Entry &e : entriesFor(window)) {
        QTreeWidgetItem *&group = groups[e.where];
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {e.where});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
        }
        new QTreeWidgetItem(group, {e.what, e.keys});
    }
    m_tree->expandAll();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    layout->addWidget(buttons);
    m_tree->setWordWrap(true); // a long description wraps instead of being cut off
    resize(640, 560);
}

} // namespace Switchboard
