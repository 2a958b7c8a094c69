#include "demoorganization.h"

#include "catalogue/appletcatalogue.h"
#include "model/appletvalues.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

User user(const QString &id, const QString &name, Role role, QList<Device> devices)
{
    User u;
    u.id = id;
    u.name = name;
    u.email = id + u"@acme-realty.example"_s;
    u.role = role;
    u.devices = std::move(devices);
    return u;
}

Applet applet(const QString &id, AppletKind kind, const QString &name, QJsonObject config,
              QMap<QString, QString> next = {})
{
    Applet a;
    a.id = id;
    a.type = AppletCatalogue::typeName(kind);
    a.name = name;
    a.config = std::move(config);
    a.next = std::move(next);
    return a;
}

QJsonObject say(const QString &text)
{
    return Prompt::say(text).toJson();
}

QJsonObject step(const DialTarget &target, DialStrategy strategy, int seconds)
{
    return QJsonObject{{u"target"_s, target.toJson()},
                       {u"strategy"_s, dialStrategyKey(strategy)},
                       {u"ring_seconds"_s, seconds}};
}

Graph graph(const QString &start, const QList<Applet> &applets)
{
    Graph g;
    g.start = start;
    for (const Applet &a : applets)
        g.applets.insert(a.id, a);
    return g;
}

} // namespace

Organization demoOrganization()
{
    Organization org;
    org.name = u"Acme Realty"_s;
    org.timezone = u"America/Chicago"_s;

    org.users = {
        user(u"nancy"_s, u"Nancy Ortiz"_s, Role::Admin,
             {{DeviceKind::Client, u"nancy"_s}, {DeviceKind::Phone, u"+15125550101"_s}}),
        user(u"johan"_s, u"Johan Berg"_s, Role::Manager,
             {{DeviceKind::Client, u"johan"_s}, {DeviceKind::Phone, u"+15125550102"_s}}),
        user(u"vald"_s, u"Vald Petrov"_s, Role::Agent,
             {{DeviceKind::Sip, u"sip:vald@pbx.acme-realty.example"_s}}),
        user(u"maria"_s, u"Maria Lopez"_s, Role::Agent,
             {{DeviceKind::Client, u"maria"_s}, {DeviceKind::Phone, u"+15125550104"_s}}),
        user(u"pat"_s, u"Pat Lee"_s, Role::Agent, {{DeviceKind::Phone, u"+15125550105"_s}}),
    };
    org.users[0].greeting = say(u"You have reached Nancy Ortiz. Please leave a message."_s);

    Group sales;
    sales.id = u"sales"_s;
    sales.name = u"Sales"_s;
    sales.department = u"Sales"_s;
    sales.members = {{u"nancy"_s}, {u"johan"_s}, {u"vald"_s, true, false}};
    Group support;
    support.id = u"support"_s;
    support.name = u"Support"_s;
    support.department = u"Customer Care"_s;
    support.members = {{u"maria"_s}, {u"pat"_s}, {u"johan"_s, false, true}};
    support.smsMaxOpenPerAgent = 5;
    org.groups = {sales, support};

    const QJsonObject salesGroup = Owner::group(u"sales"_s).toJson();
    const QJsonObject supportGroup = Owner::group(u"support"_s).toJson();

    Flow main;
    main.id = u"main"_s;
    main.name = u"Main line"_s;
    main.voice = graph(
        u"hours"_s,
        {applet(u"hours"_s, AppletKind::Hours, u"Office hours"_s,
                QJsonObject{{u"timezone"_s, QJsonValue::Null}},
                {{u"open"_s, u"menu"_s}, {u"closed"_s, u"closed-vm"_s}}),
         applet(
             u"menu"_s, AppletKind::Menu, u"Main menu"_s,
             QJsonObject{{u"prompt"_s, say(u"Thanks for calling Acme Realty. For sales, press 1. "
                                           "For support, press 2. To hear this again, press 9."_s)},
                         {u"timeout"_s, 5},
                         {u"attempts"_s, 3}},
             {{u"1"_s, u"dial-sales"_s},
              {u"2"_s, u"dial-support"_s},
              {u"9"_s, u"menu"_s},
              {u"no-input"_s, u"sales-vm"_s}}),
         applet(u"dial-sales"_s, AppletKind::Dial, u"Ring Sales"_s,
                QJsonObject{{u"steps"_s, QJsonArray{step(DialTarget::group(u"sales"_s),
                                                         DialStrategy::Sequential, 20)}}},
                {{u"no-answer"_s, u"sales-vm"_s}}),
         applet(u"dial-support"_s, AppletKind::Dial, u"Ring Support"_s,
                QJsonObject{{u"steps"_s, QJsonArray{step(DialTarget::group(u"support"_s),
                                                         DialStrategy::Simultaneous, 25)}}},
                {{u"no-answer"_s, u"support-vm"_s}}),
         applet(u"sales-vm"_s, AppletKind::Voicemail, u"Sales voicemail"_s,
                QJsonObject{{u"owner"_s, salesGroup}}),
         applet(u"support-vm"_s, AppletKind::Voicemail, u"Support voicemail"_s,
                QJsonObject{{u"owner"_s, supportGroup}, {u"transcribe"_s, true}}),
         applet(u"closed-vm"_s, AppletKind::Voicemail, u"After hours"_s,
                QJsonObject{{u"owner"_s, salesGroup},
                            {u"prompt"_s, say(u"Our office is closed. Please leave a message and "
                                              "we will call you back."_s)}})});
    main.sms = graph(u"keyword"_s,
                     {applet(u"keyword"_s, AppletKind::Keyword, u"Sales or support?"_s,
                             QJsonObject{{u"keywords"_s, QJsonArray{u"SALES"_s, u"SUPPORT"_s}},
                                         {u"prompt"_s, u"Reply SALES or SUPPORT."_s}},
                             {{u"SALES"_s, u"sales-inbox"_s}, {u"SUPPORT"_s, u"support-inbox"_s}}),
                      applet(u"sales-inbox"_s, AppletKind::SmsInbox, u"Sales inbox"_s,
                             QJsonObject{{u"owner"_s, salesGroup},
                                         {u"assign"_s, inboxAssignKey(InboxAssign::RoundRobin)}}),
                      applet(u"support-inbox"_s, AppletKind::SmsInbox, u"Support inbox"_s,
                             QJsonObject{{u"owner"_s, supportGroup},
                                         {u"assign"_s, inboxAssignKey(InboxAssign::RoundRobin)}})});

    Flow supportLine;
    supportLine.id = u"support-line"_s;
    supportLine.name = u"Support line"_s;
    supportLine.voice = graph(
        u"greeting"_s,
        {applet(u"greeting"_s, AppletKind::Greeting, u"Welcome"_s,
                QJsonObject{{u"prompt"_s, say(u"Welcome to Acme Realty support."_s)}},
                {{u"next"_s, u"ring"_s}}),
         applet(u"ring"_s, AppletKind::Dial, u"Ring Support"_s,
                QJsonObject{
                    {u"steps"_s,
                     QJsonArray{step(DialTarget::group(u"support"_s), DialStrategy::RoundRobin, 30),
                                step(DialTarget::listOf({u"maria"_s, u"nancy"_s}),
                                     DialStrategy::Simultaneous, 20)}}},
                {{u"no-answer"_s, u"voicemail"_s}}),
         applet(u"voicemail"_s, AppletKind::Voicemail, u"Support voicemail"_s,
                QJsonObject{{u"owner"_s, supportGroup}})});
    supportLine.sms =
        graph(u"reply"_s,
              {applet(u"reply"_s, AppletKind::SmsReply, u"Acknowledge"_s,
                      QJsonObject{{u"body"_s, u"Thanks! Support will text you back shortly."_s}},
                      {{u"next"_s, u"inbox"_s}}),
               applet(u"inbox"_s, AppletKind::SmsInbox, u"Support inbox"_s,
                      QJsonObject{{u"owner"_s, supportGroup},
                                  {u"assign"_s, inboxAssignKey(InboxAssign::RoundRobin)}})});
    org.flows = {main, supportLine};

    org.numbers = {
        {u"+15125550100"_s, u"Main line"_s, u"main"_s},
        {u"+15125550110"_s, u"Support line"_s, u"support-line"_s},
        {u"+15125550120"_s, u"New listings"_s, QString()},
    };
    org.contacts = {{u"+15125550199"_s, u"Pat Customer"_s, u"johan"_s}};
    org.blocked = {u"+15125550666"_s};
    return org;
}

} // namespace Switchboard
