// Inbox: keeps the text in its owner's inbox. For a group that assigns round robin, the text
// joins the customer's open conversation, or starts one with the next member in turn who may
// take texts and has room under the group's cap (else it waits in the group's queue).

#include "appletbehaviour.h"

#include "catalogue/appletsettings.h"
#include "routing/eligibility.h"
#include "routing/routingstate.h"
#include "routing/textrun.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class SmsInbox : public AppletBehaviour
{
public:
    void text(TextRun &run, const Applet &applet) const override
    {
        const SmsRequest &request = run.request();
        InboxDelivery item;
        item.kind = u"sms"_s;
        item.owner = AppletSettings::owner(applet).value_or(Owner());
        item.from = request.from;
        item.to = request.to;
        item.body = request.body;
        item.media = request.media;
        item.dedupeKey = request.messageSid;
        const Group *group = item.owner.isGroup() ? run.config().group(item.owner.id) : nullptr;
        if (group && AppletSettings::inboxAssign(applet) == InboxAssign::RoundRobin)
            assign(run, applet, *group, item);
        run.outcome().deliveries.append(item);
        run.trace([&] {
            return RoutingEngine::tr("Kept in the inbox of %1.").arg(run.ownerName(item.owner));
        });
    }

private:
    static void assign(TextRun &run, const Applet &applet, const Group &group, InboxDelivery &item)
    {
        const SmsRequest &request = run.request();
        RoutingState &state = run.state();
        // Finding the customer's open conversation, counting the members' and assigning one
        // more are one step for everyone (two texts at once must not open two).
        state.lock(u"sms-group:"_s + group.id);
        if (const auto open = state.openConversation(request.from, request.to, group.id)) {
            item.conversation = open->id;
            item.assignedTo = open->assignee;
            const User *assignee = run.config().user(open->assignee);
            run.trace([&] {
                return assignee ? RoutingEngine::tr("Joins its open conversation, assigned to %1.")
                                      .arg(assignee->displayName())
                                : RoutingEngine::tr(
                                      "Joins its open conversation, waiting in the queue.");
            });
            return;
        }
        const Eligibility who(run.config(), state);
        QStringList order;
        QSet<QString> ok;
        for (const Member &m : group.members) {
            order.append(m.user);
            if (who.takesPart(group, m, Channel::Sms) &&
                (group.smsMaxOpenPerAgent == 0 ||
                 state.openConversations(m.user, group.id) < group.smsMaxOpenPerAgent))
                ok.insert(m.user);
        }
        item.startsConversation = true;
        item.assignedTo = state.takeTurn(u"sms:"_s + run.flow().id + u':' + applet.id, order, ok);
        run.outcome().tookTurn = true;
        const User *assignee = run.config().user(item.assignedTo);
        run.trace([&] {
            return !assignee ? RoutingEngine::tr("Nobody can take it now: it waits in %1's queue.")
                                   .arg(group.name)
                             : RoutingEngine::tr("A new conversation, assigned to %1.")
                                   .arg(assignee->displayName());
        });
    }
};
} // namespace

const AppletBehaviour &Applets::smsInbox()
{
    static const SmsInbox behaviour;
    return behaviour;
}

} // namespace Switchboard
