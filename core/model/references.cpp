#include "references.h"

#include "catalogue/appletcatalogue.h"
#include "validation/finding.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

class ReferenceText
{
    Q_DECLARE_TR_FUNCTIONS(References)

public:
    static QString applet(const Flow &flow, Channel channel, const Applet &applet)
    {
        const AppletType *type = AppletCatalogue::instance().type(applet.type);
        const QString typeName = type ? type->displayName() : applet.type;
        const QString flowName = flow.name.isEmpty() ? flow.id : flow.name;
        const QString appletName = applet.name.isEmpty() ? applet.id : applet.name;
        return channel == Channel::Voice
                   ? tr("Flow \"%1\", call flow: %2 \"%3\"").arg(flowName, typeName, appletName)
                   : tr("Flow \"%1\", SMS flow: %2 \"%3\"").arg(flowName, typeName, appletName);
    }
    static QString step(int step) { return tr("step %1").arg(step + 1); }
    static QString membership(const Group &group)
    {
        return tr("Member of group \"%1\"").arg(group.name.isEmpty() ? group.id : group.name);
    }
    static QString contact(const Contact &contact)
    {
        return tr("Owner of contact %1")
            .arg(contact.name.isEmpty() ? contact.number
                                        : contact.name + u" ("_s + contact.number + u')');
    }
};

// Calls `visit(value, path, kind, stepIndex)` for every owner or dial-target object in an
// applet's config, as the catalogue describes them (so a new applet type with an owner is
// covered without a change here). The visitor may change the object in place.
template<typename Visit>
void visitTargets(QJsonObject &config, const QList<FieldSpec> &fields, const QString &path,
                  int step, Visit &&visit)
{
    for (const FieldSpec &field : fields) {
        const QString fieldPath = JsonPath::key(path, field.key);
        auto it = config.find(field.key);
        if (it == config.end())
            continue;
        if (field.kind == FieldKind::Owner || field.kind == FieldKind::DialTarget) {
            QJsonObject target = it->toObject();
            if (visit(target, fieldPath, field.kind, step))
                *it = target;
        } else if (field.kind == FieldKind::ObjectList) {
            QJsonArray items = it->toArray();
            bool changed = false;
            for (qsizetype i = 0; i < items.size(); ++i) {
                QJsonObject item = items.at(i).toObject();
                QJsonObject before = item;
                visitTargets(item, field.itemFields, JsonPath::index(fieldPath, i), int(i), visit);
                if (item != before) {
                    items[i] = item;
                    changed = true;
                }
            }
            if (changed)
                *it = items;
        }
    }
}

// Runs `visit` over every applet of both graphs of `flow`, keeping what it changes.
template<typename Visit> Flow visitFlow(const Flow &flow, const QString &flowPath, Visit &&visit)
{
    Flow result = flow;
    for (Channel channel : {Channel::Voice, Channel::Sms}) {
        std::optional<Graph> &graph = result.graph(channel);
        if (!graph)
            continue;
        for (Applet &applet : graph->applets) {
            const AppletType *type = AppletCatalogue::instance().type(applet.type);
            if (!type)
                continue;
            const QString path = JsonPath::key(
                JsonPath::key(
                    JsonPath::key(JsonPath::key(flowPath, channelKey(channel)), u"applets"_s),
                    applet.id),
                u"config"_s);
            visitTargets(
                applet.config, type->fields, path, -1,
                [&](QJsonObject &target, const QString &targetPath, FieldKind kind, int step) {
                    return visit(channel, applet, target, targetPath, kind, step);
                });
        }
    }
    return result;
}

} // namespace

QList<Reference> findReferences(const Organization &org, ReferenceTarget target, const QString &id)
{
    QList<Reference> refs;
    const QString key = target == ReferenceTarget::User ? u"user"_s : u"group"_s;
    if (target == ReferenceTarget::User) {
        for (int g = 0; g < org.groups.size(); ++g) {
            const int m = org.groups.at(g).indexOfMember(id);
            if (m >= 0)
                refs.append({Reference::Membership,
                             JsonPath::index(
                                 JsonPath::key(JsonPath::index(u"groups"_s, g), u"members"_s), m),
                             ReferenceText::membership(org.groups.at(g)), -1});
        }
    }
    for (int f = 0; f < org.flows.size(); ++f) {
        const Flow &flow = org.flows.at(f);
        visitFlow(
            flow, JsonPath::index(u"flows"_s, f),
            [&](Channel channel, const Applet &applet, QJsonObject &value, const QString &path,
                FieldKind kind, int step) {
                QString where = ReferenceText::applet(flow, channel, applet);
                if (step >= 0)
                    where += u", "_s + ReferenceText::step(step);
                if (value.value(key) == id) {
                    refs.append(
                        {kind == FieldKind::Owner ? Reference::Owner : Reference::DialTarget,
                         JsonPath::key(path, key), where, f});
                } else if (target == ReferenceTarget::User &&
                           value.value(u"members").toArray().contains(id)) {
                    refs.append({Reference::RingList, JsonPath::key(path, u"members"_s), where, f});
                }
                return false;
            });
    }
    if (target == ReferenceTarget::User) {
        for (int c = 0; c < org.contacts.size(); ++c) {
            if (org.contacts.at(c).owner == id)
                refs.append({Reference::ContactOwner,
                             JsonPath::key(JsonPath::index(u"contacts"_s, c), u"owner"_s),
                             ReferenceText::contact(org.contacts.at(c)), -1});
        }
    }
    return refs;
}

Flow replaceReferences(const Flow &flow, ReferenceTarget target, const QString &from,
                       const QString &to)
{
    const QString key = target == ReferenceTarget::User ? u"user"_s : u"group"_s;
    return visitFlow(
        flow, QString(),
        [&](Channel, const Applet &, QJsonObject &value, const QString &, FieldKind, int) {
            if (value.value(key) == from && !to.isEmpty()) {
                value.insert(key, to);
                return true;
            }
            if (target != ReferenceTarget::User || !value.contains(u"members"))
                return false;
            const QJsonArray members = value.value(u"members").toArray();
            if (!members.contains(from))
                return false;
            QJsonArray replaced;
            for (const QJsonValue &m : members) {
                if (m != from)
                    replaced.append(m);
                else if (!to.isEmpty() && !members.contains(to))
                    replaced.append(to); // takes the same place in the ring order
            }
            value.insert(u"members"_s, replaced);
            return true;
        });
}

} // namespace Switchboard
