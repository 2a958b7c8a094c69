#pragma once

// What the routing engine asks about the world beyond the configuration: who is available
// and active, whose turn it is, which text conversations are open. The backend answers from
// its database (atomically, shared by every instance); tests and the simulator from memory.

#include "model/organization.h"

#include <QSet>

#include <optional>

namespace Switchboard {

struct Conversation
{
    QString id;
    QString assignee; // empty: waiting in the group's queue
};

class RoutingState
{
public:
    virtual ~RoutingState() = default;

    // A user with no presence record is available, and active in every group for both
    // channels: a team that never touches presence still gets calls.
    virtual bool isAvailable(const QString &user) = 0;
    virtual bool isActive(const QString &user, const QString &group, Channel channel) = 0;

    // Whose turn it is in rotation `key`: the first of `eligible` after the member this
    // rotation gave last time, following `order` and wrapping around (from the top when that
    // member is gone from `order`). Remembers the answer, atomically. Empty when `eligible`
    // is empty.
    virtual QString takeTurn(const QString &key, const QStringList &order,
                             const QSet<QString> &eligible) = 0;

    // The open conversation of this customer with this number in this group, if any.
    virtual std::optional<Conversation>
    openConversation(const QString &customer, const QString &number, const QString &group) = 0;
    // How many open conversations `user` holds in `group`.
    virtual int openConversations(const QString &user, const QString &group) = 0;

    // Holds `key` until the request's changes are kept, so that a choice made from counts
    // (who may take one more conversation) cannot be made twice at once by two processes.
    virtual bool lock(const QString &key)
    {
        Q_UNUSED(key);
        return true;
    }
};

// The rule of takeTurn(), for implementations to share.
QString nextInTurn(const QString &last, const QStringList &order, const QSet<QString> &eligible);

} // namespace Switchboard
