#include "references.h"

#include "catalogue/appletcatalogue.h"
#include "model/appletvalues.h"
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
        const QString flowName = flow.displayName();
        const QString appletName = applet.displayName();
        return channel == Channel::Voice
                   ? tr("Flow \"%1\", call flow: %2 \"%3\"").arg(flowName, typeName, appletName)
                   : tr("Flow \"%1\", SMS flow: %2 \"%3\"").arg(flowName, typeName, appletName);
    }
    static QString step(int step) { return tr("step %1").arg(step + 1); }
    static QString membership(const Group &group)
    {
        return tr("Member of group \"%1\"").arg(group.displayName());
    }
    static QString contact(const Contact &contact)
    {
        return tr("Owner of contact %1")
            .arg(contact.name.isEmpty() ? contact.number
                                        : contact.name + u" ("_s + contact.number + u')');
    }
};

// Calls `visit(value, path, kind, stepIndex)` for every owner or dial-target value in an
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
            QJsonValue target = *it;
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
                [&](QJsonValue &target, const QString &targetPath, FieldKind kind, int step) {
                    return visit(channel, applet, target, targetPath, kind, step);
                });
        }
    }
    return result;
}

} // namespace

namespace {

// The typed forms of an owner or dial target, and whether it names `id` of that kind.
bool names(const Owner &owner, ReferenceTarget target, const QString &id)
{
    return owner.isGroup() == (target == ReferenceTarget::Group) && owner.id == id;
}

bool names(const DialTarget &t, ReferenceTarget target, const QString &id)
{
    const auto kind =
        target == ReferenceTarget::User ? DialTarget::Kind::User : DialTarget::Kind::Group;
    return t.kind == kind && t.id == id;
}

} // namespace

QList<Reference> findReferences(const Organization &org, ReferenceTarget target, const QString &id)
{
    QList<Reference> refs;
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
        visitFlow(flow, JsonPath::index(u"flows"_s, f),
                  [&](Channel channel, const Applet &applet, QJsonValue &value, const QString &path,
                      FieldKind kind, int step) {
                      QString where = ReferenceText::applet(flow, channel, applet);
                      if (step >= 0)
                          where += u", "_s + ReferenceText::step(step);
                      if (kind == FieldKind::Owner) {
                          const auto owner = Owner::fromJson(value);
                          if (owner && names(*owner, target, id))
                              refs.append({Reference::Owner, JsonPath::key(path, owner->kindKey()),
                                           where, f});
                          return false;
                      }
                      const auto dial = DialTarget::fromJson(value);
                      if (!dial)
                          return false;
                      if (names(*dial, target, id))
                          refs.append({Reference::DialTarget, JsonPath::key(path, dial->jsonKey()),
                                       where, f});
                      else if (target == ReferenceTarget::User &&
                               dial->kind == DialTarget::Kind::Members &&
                               dial->members.contains(id))
                          refs.append({Reference::RingList, JsonPath::key(path, dial->jsonKey()),
                                       where, f});
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
    return visitFlow(
        flow, QString(),
        [&](Channel, const Applet &, QJsonValue &value, const QString &, FieldKind kind, int) {
            if (kind == FieldKind::Owner) {
                auto owner = Owner::fromJson(value);
                if (!owner || !names(*owner, target, from) || to.isEmpty())
                    return false;
                owner->id = to;
                value = owner->toJson();
                return true;
            }
            auto dial = DialTarget::fromJson(value);
            if (!dial)
                return false;
            if (names(*dial, target, from) && !to.isEmpty()) {
                dial->id = to;
                value = dial->toJson();
                return true;
            }
            if (target != ReferenceTarget::User || dial->kind != DialTarget::Kind::Members ||
                !dial->members.contains(from))
                return false;
            QStringList replaced;
            for (const QString &m : std::as_const(dial->members)) {
                if (m != from)
                    replaced.append(m);
                else if (!to.isEmpty() && !dial->members.contains(to))
                    replaced.append(to); // takes the same place in the ring order
            }
            dial->members = replaced;
            value = dial->toJson();
            return true;
        });
}

} // namespace Switchboard
