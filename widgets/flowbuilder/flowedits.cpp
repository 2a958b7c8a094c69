#include "flowedits.h"

#include "catalogue/appletcatalogue.h"
#include "flowbuilder/flowcommands.h"
#include "flowbuilder/flowdocument.h"
#include "validation/validator.h"

#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

FlowEdits::FlowEdits(FlowDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{}

QString FlowEdits::startQuestion(Channel channel)
{
    return channel == Channel::Voice ? tr("When a call begins, what should we do?")
                                     : tr("When a text message arrives, what should we do?");
}

QString FlowEdits::appletLabel(Channel channel, const QString &id) const
{
    const auto &graph = m_document->graph(channel);
    if (!graph || !graph->applets.contains(id))
        return id;
    const Applet &applet = graph->applets[id];
    const AppletType *type = AppletCatalogue::instance().type(applet.type);
    const QString typeName = type ? type->displayName() : applet.type;
    return applet.name.isEmpty() ? typeName : tr("%1 \"%2\"").arg(typeName, applet.name);
}

QString FlowEdits::slotLabel(Channel channel, const SlotRef &slot) const
{
    if (slot.isStart())
        return tr("the start");
    const auto &graph = m_document->graph(channel);
    const AppletType *type =
        graph ? AppletCatalogue::instance().type(graph->applets.value(slot.applet).type) : nullptr;
    const BranchSpec *branch = type ? type->branch(slot.branch) : nullptr;
    return branch ? branch->displayLabel() : slot.branch;
}

void FlowEdits::push(Channel channel, const std::optional<Graph> &after, const QString &text,
                     const QString &mergeKey)
{
    m_document->undoStack()->push(new ChangeGraphCommand(
        m_document, channel, m_document->graph(channel), after, text, mergeKey));
}

bool FlowEdits::mayChange()
{
    if (m_readOnly)
        emit message(tr("Only admins change flows: this one is read-only."));
    return !m_readOnly;
}

QString FlowEdits::addApplet(Channel channel, const SlotRef &slot, const QString &type)
{
    if (!mayChange())
        return {};
    const AppletType *t = AppletCatalogue::instance().type(type);
    if (!t || !t->allowedIn(channel)) {
        emit message(tr("%1 cannot be used in this flow.").arg(t ? t->displayName() : type));
        return {};
    }
    const Graph graph = m_document->graph(channel).value_or(Graph());
    if (!slot.isStart() && !graph.applets.contains(slot.applet))
        return {};
    if (!GraphEdit::target(graph, slot).isEmpty()) {
        emit message(tr("That slot is taken: drop on the applet to replace it."));
        return {};
    }
    const Applet applet = GraphEdit::newApplet(graph, type);
    const QString text = slot.isStart()
                             ? tr("Start with %1").arg(t->displayName())
                             : tr("Add %1 after %2 (%3)")
                                   .arg(t->displayName(), appletLabel(channel, slot.applet),
                                        slotLabel(channel, slot));
    push(channel, GraphEdit::put(graph, slot, applet), text);
    return applet.id;
}

bool FlowEdits::replaceApplet(Channel channel, const QString &id, const QString &type,
                              GraphEdit::Detached detached)
{
    if (!mayChange())
        return false;
    const auto &graph = m_document->graph(channel);
    const AppletType *t = AppletCatalogue::instance().type(type);
    if (!graph || !graph->applets.contains(id) || !t || !t->allowedIn(channel))
        return false;
    if (graph->applets[id].type == type) {
        emit message(tr("It is a %1 already.").arg(t->displayName()));
        return false;
    }
    const QString before = appletLabel(channel, id);
    Applet fresh = GraphEdit::newApplet(*graph, type);
    push(channel, GraphEdit::replace(*graph, id, fresh, detached),
         tr("Replace %1 with %2").arg(before, t->displayName()));
    return true;
}

bool FlowEdits::deleteApplet(Channel channel, const QString &id)
{
    if (!mayChange())
        return false;
    const auto &graph = m_document->graph(channel);
    if (!graph || !graph->applets.contains(id))
        return false;
    const int under = int(GraphEdit::hangingUnder(*graph, id).size()) - 1;
    const QString label = appletLabel(channel, id);
    push(channel, GraphEdit::removeWithSubtree(*graph, id),
         under == 0 ? tr("Delete %1").arg(label)
                    : tr("Delete %1 and %n applet(s) under it", nullptr, under).arg(label));
    return true;
}

bool FlowEdits::linkSlot(Channel channel, const SlotRef &slot, const QString &target)
{
    if (!mayChange())
        return false;
    const auto &graph = m_document->graph(channel);
    if (!graph || (!slot.isStart() && !graph->applets.contains(slot.applet)) ||
        (!target.isEmpty() && !graph->applets.contains(target)))
        return false;
    const QString current = GraphEdit::target(*graph, slot);
    if (current == target)
        return false;
    if (!target.isEmpty() && !current.isEmpty()) {
        emit message(tr("That slot is taken: delete what is there first."));
        return false;
    }
    QString text;
    if (target.isEmpty())
        text = tr("Remove the link from %1 (%2)")
                   .arg(appletLabel(channel, slot.applet), slotLabel(channel, slot));
    else if (slot.isStart())
        text = tr("Start at %1").arg(appletLabel(channel, target));
    else
        text = tr("Go from %1 (%2) to %3")
                   .arg(appletLabel(channel, slot.applet), slotLabel(channel, slot),
                        appletLabel(channel, target));
    push(channel, GraphEdit::link(*graph, slot, target), text);
    return true;
}

bool FlowEdits::renameApplet(Channel channel, const QString &id, const QString &name)
{
    if (!mayChange())
        return false;
    const auto &graph = m_document->graph(channel);
    if (!graph || !graph->applets.contains(id) || graph->applets[id].name == name.trimmed())
        return false;
    Graph after = *graph;
    after.applets[id].name = name.trimmed();
    push(channel, after, tr("Rename %1").arg(appletLabel(channel, id)),
         u"name:"_s + channelKey(channel) + u':' + id);
    return true;
}

bool FlowEdits::setConfig(Channel channel, const QString &id, const QJsonObject &config,
                          const QString &field, QString *problem)
{
    if (!mayChange())
        return false;
    const auto &graph = m_document->graph(channel);
    if (!graph || !graph->applets.contains(id))
        return false;
    Applet applet = graph->applets[id];
    if (applet.config == config)
        return false;
    applet.config = config;
    // The same rules as validation, for just this setting: a wrong value is refused. What is
    // merely not filled in yet (a new dial step's target) is let in, and stays an error on
    // the canvas until it is.
    const QString prefix = JsonPath::key(u"config"_s, field);
    for (const Finding &f : validateAppletConfig(m_document->organization(), applet)) {
        if (f.isError() && f.rule != u"missing" &&
            (f.path == prefix || f.path.startsWith(prefix + u'.') ||
             f.path.startsWith(prefix + u'['))) {
            *problem = f.message;
            return false;
        }
    }
    problem->clear();
    Graph after = *graph;
    after.applets[id] = applet;
    const AppletType *type = AppletCatalogue::instance().type(applet.type);
    const FieldSpec *spec = type ? type->field(field) : nullptr;
    push(channel, after,
         tr("Change %1 of %2").arg(spec ? spec->displayLabel() : field, appletLabel(channel, id)));
    return true;
}

} // namespace Switchboard
