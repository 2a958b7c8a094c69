#include "memoryroutingstate.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

bool MemoryRoutingState::isActive(const QString &user, const QString &group, Channel channel)
{
    const auto u = activity.constFind(user);
    if (u == activity.cend())
        return true;
    const auto g = u->constFind(group);
    if (g == u->cend())
        return true;
    return channel == Channel::Voice ? g->first : g->second;
}

QString MemoryRoutingState::takeTurn(const QString &key, const QStringList &order,
                                     const QSet<QString> &eligible)
{
    const QString next = nextInTurn(turns.value(key), order, eligible);
    if (!next.isEmpty())
        turns.insert(key, next);
    return next;
}

std::optional<Conversation> MemoryRoutingState::openConversation(const QString &customer,
                                                                 const QString &number,
                                                                 const QString &group)
{
    for (const OpenConversation &c : std::as_const(conversations)) {
        if (c.customer == customer && c.number == number && c.group == group)
            return Conversation{c.id, c.assignee};
    }
    return std::nullopt;
}

int MemoryRoutingState::openConversations(const QString &user, const QString &group)
{
    return int(
        std::count_if(conversations.cbegin(), conversations.cend(), [&](const OpenConversation &c) {
            return c.assignee == user && c.group == group;
        }));
}

void MemoryRoutingState::apply(const RoutingOutcome &outcome)
{
    for (const InboxDelivery &d : outcome.deliveries) {
        if (d.startsConversation)
            conversations.append({u"c"_s + QString::number(conversations.size() + 1), d.from, d.to,
                                  d.owner.id, d.assignedTo});
    }
}

} // namespace Switchboard
