#pragma once

#include "routing/engine.h"
#include "routing/routingstate.h"

#include <QHash>

namespace Switchboard {

// RoutingState in memory: for tests, and for the simulator (switchboardctl simulate, the
// console's test call), where nothing is kept.
class MemoryRoutingState : public RoutingState
{
public:
    QSet<QString> unavailable;
    // user -> group -> {voice active, sms active}; absent: active.
    QHash<QString, QHash<QString, std::pair<bool, bool>>> activity;
    QHash<QString, QString> turns; // rotation key -> who it gave last

    struct OpenConversation
    {
        QString id, customer, number, group, assignee;
    };
    QList<OpenConversation> conversations;

    bool isAvailable(const QString &user) override { return !unavailable.contains(user); }
    bool isActive(const QString &user, const QString &group, Channel channel) override;
    QString takeTurn(const QString &key, const QStringList &order,
                     const QSet<QString> &eligible) override;
    std::optional<Conversation> openConversation(const QString &customer, const QString &number,
                                                 const QString &group) override;
    int openConversations(const QString &user, const QString &group) override;

    // Keeps what an outcome delivered (conversations opened), as the backend would.
    void apply(const RoutingOutcome &outcome);
};

} // namespace Switchboard
