#include "inspector.h"

#include "catalogue/appletcatalogue.h"
#include "flowbuilder/fieldeditors.h"
#include "flowbuilder/flowdocument.h"
#include "flowbuilder/flowedits.h"
#include "shell/wheelguard.h"

#include <QApplication>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

Inspector::Inspector(FlowEdits *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_title(new QLabel(this))
    , m_placeholder(new QLabel(tr("Select an applet on the canvas to see its settings here. "
                                  "Drag applets from the palette into the dotted slots."),
                               this))
    , m_name(new QLineEdit(this))
    , m_form(new QWidget(this))
    , m_fieldsLayout(new QVBoxLayout)
{
    WheelGuard::install(); // the settings scroll; their values change only with focus
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_name->setPlaceholderText(tr("Name this applet (optional)"));

    auto *formLayout = new QVBoxLayout(m_form);
    auto *nameRow = new QFormLayout;
    nameRow->addRow(tr("Name:"), m_name);
    formLayout->addLayout(nameRow);
    formLayout->addLayout(m_fieldsLayout);
    formLayout->addStretch();
    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_form);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_placeholder);
    layout->addWidget(scroll, 1);

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (!m_id.isEmpty())
            m_editor->renameApplet(m_channel, m_id, m_name->text());
    });
    connect(editor->document(), &FlowDocument::graphChanged, this, [this](Channel c) {
        if (c != m_channel || m_id.isEmpty())
            return;
        const Applet *a = applet();
        if (!a)
            setApplet(m_channel, QString());
        else if (a->type != m_type)
            rebuild();
        else
            refresh();
    });
    connect(editor->document(), &FlowDocument::findingsChanged, this, &Inspector::showFindings);
    // The field the keyboard reaches is scrolled into view.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (now && m_form->isAncestorOf(now))
            m_scroll->ensureWidgetVisible(now, 8, 24);
    });
    setApplet(Channel::Voice, QString());
}

namespace {

// The focusable widgets under `layout`, in the order the layout shows them (rows top to
// bottom, left to right in a row), skipping what is hidden.
void inLayoutOrder(QLayout *layout, QList<QWidget *> *out)
{
    if (!layout)
        return;
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (QLayout *inner = item->layout()) {
            inLayoutOrder(inner, out);
        } else if (QWidget *w = item->widget()) {
            // Hidden on purpose (not merely new, waiting for the layout to show it).
            if (w->isHidden() && w->testAttribute(Qt::WA_WState_ExplicitShowHide))
                continue;
            if ((w->focusPolicy() & Qt::TabFocus) && w->isEnabled())
                out->append(w);
            if (auto *stack = qobject_cast<QStackedWidget *>(w)) {
                if (QWidget *page = stack->currentWidget())
                    inLayoutOrder(page->layout(), out);
            } else {
                inLayoutOrder(w->layout(), out);
            }
        }
    }
}

} // namespace

void Inspector::relinkTabOrder()
{
    // Widgets made later (a new step's fields) would come last in the focus chain; Tab goes
    // down the form as it is shown instead.
    QList<QWidget *> order;
    inLayoutOrder(m_form->layout(), &order);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

const Applet *Inspector::applet() const
{
    const auto &graph = m_editor->document()->graph(m_channel);
    if (!graph)
        return nullptr;
    const auto it = graph->applets.constFind(m_id);
    return it == graph->applets.cend() ? nullptr : &*it;
}

FieldEditor *Inspector::fieldEditor(const QString &key) const
{
    for (FieldEditor *e : m_fields) {
        if (e->spec().key == key)
            return e;
    }
    return nullptr;
}

void Inspector::setApplet(Channel channel, const QString &id)
{
    m_channel = channel;
    m_id = id;
    rebuild();
}

void Inspector::rebuild()
{
    qDeleteAll(m_fields);
    m_fields.clear();
    const Applet *a = applet();
    m_placeholder->setVisible(!a);
    m_form->setVisible(a);
    if (!a) {
        m_title->setText(tr("Settings"));
        m_type.clear();
        return;
    }
    m_type = a->type;
    m_organization = m_editor->document()->organization();
    const AppletType *type = AppletCatalogue::instance().type(a->type);
    if (!type)
        return;
    m_title->setText(type->displayName() + u" — "_s + type->displayDescription());
    for (const FieldSpec &spec : type->fields) {
        FieldEditor *editor = FieldEditor::create(spec, m_organization, m_form);
        auto *box =
            new QLabel(spec.kind == FieldKind::Boolean ? QString() : spec.displayLabel(), m_form);
        box->setBuddy(editor);
        QFont f = box->font();
        f.setBold(true);
        box->setFont(f);
        if (spec.kind != FieldKind::Boolean)
            m_fieldsLayout->addWidget(box);
        m_fieldsLayout->addWidget(editor);
        // The label goes with its editor.
        connect(editor, &QObject::destroyed, box, &QObject::deleteLater);
        connect(editor, &FieldEditor::edited, this,
                [this, key = spec.key](const QJsonValue &v) { edit(key, v); });
        connect(editor, &FieldEditor::fieldsChanged, this, &Inspector::relinkTabOrder);
        m_fields.append(editor);
    }
    refresh();
}

void Inspector::refresh()
{
    const Applet *a = applet();
    if (!a)
        return;
    if (!m_name->hasFocus())
        m_name->setText(a->name);
    const AppletCatalogue &catalogue = AppletCatalogue::instance();
    for (FieldEditor *e : std::as_const(m_fields))
        e->setValue(catalogue.value(*a, e->spec().key));
    showFindings();
    relinkTabOrder();
}

void Inspector::showFindings()
{
    if (m_id.isEmpty())
        return;
    const QString prefix =
        m_editor->document()->pathPrefix(m_channel) + u".applets."_s + m_id + u".config."_s;
    for (FieldEditor *e : std::as_const(m_fields)) {
        QString message;
        const QString fieldPath = prefix + e->spec().key;
        for (const Finding &f : m_editor->document()->findings()) {
            if (f.path == fieldPath || f.path.startsWith(fieldPath + u'.') ||
                f.path.startsWith(fieldPath + u'[')) {
                message = f.message;
                if (f.isError())
                    break;
            }
        }
        e->setProblem(message);
    }
}

void Inspector::edit(const QString &key, const QJsonValue &value)
{
    const Applet *a = applet();
    if (!a)
        return;
    QJsonObject config = a->config;
    if (value.isUndefined())
        config.remove(key);
    else
        config.insert(key, value);
    QString problem;
    const QString id = m_id;
    if (!m_editor->setConfig(m_channel, id, config, key, &problem) && !problem.isEmpty()) {
        if (FieldEditor *e = fieldEditor(key))
            e->setProblem(tr("Not changed: %1").arg(problem));
    }
}

} // namespace Switchboard

namespace Switchboard {

void Inspector::focusFirstField()
{
    if (m_name->isVisible() && m_name->isEnabled()) {
        m_name->setFocus(Qt::ShortcutFocusReason);
        m_name->selectAll();
    }
}

} // namespace Switchboard
