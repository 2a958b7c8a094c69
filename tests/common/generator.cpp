#include "generator.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Switchboard::Test {

namespace {
QString pad(int n, int width = 5)
{
    return QString::number(n).rightJustified(width, u'0');
}

Applet applet(const QString &id, const QString &type, QJsonObject config,
              QMap<QString, QString> next = {})
{
    Applet a;
    a.id = id;
    a.type = type;
    a.name = id;
    a.config = std::move(config);
    a.next = std::move(next);
    return a;
}
} // namespace

Organization generateOrganization(const OrganizationSize &size)
{
    Organization org;
    org.name = u"Benchmark Holdings"_s;
    org.timezone = u"Europe/Berlin"_s;
    org.users.reserve(size.users);
    for (int i = 0; i < size.users; ++i) {
        User u;
        u.id = u"user"_s + pad(i);
        u.name = u"User "_s + pad(i);
        u.email = u.id + u"@example.com"_s;
        u.role = i % 50 == 0 ? Role::Manager : Role::Agent;
        u.devices.append(Device{DeviceKind::Client, u.id});
        if (i % 2 == 0)
            u.devices.append(Device{DeviceKind::Phone, u"+1512"_s + pad(i, 7)});
        org.users.append(u);
    }
    org.groups.reserve(size.groups);
    for (int g = 0; g < size.groups; ++g) {
        Group group;
        group.id = u"group"_s + pad(g);
        group.name = u"Group "_s + pad(g);
        group.department = u"Department "_s + QString::number(g % 10);
        for (int m = 0; m < size.membersPerGroup; ++m) {
            const int user = (g * size.membersPerGroup / 2 + m * 7) % size.users;
            if (group.indexOfMember(org.users.at(user).id) < 0)
                group.members.append(Member{org.users.at(user).id, true, m % 5 != 0});
        }
        org.groups.append(group);
    }
    org.flows.reserve(size.flows);
    for (int f = 0; f < size.flows; ++f) {
        Flow flow;
        flow.id = u"flow"_s + pad(f);
        flow.name = u"Flow "_s + pad(f);
        auto groupRef = [&](int k) {
            return QJsonObject{{u"group"_s, org.groups.at((f * 4 + k) % size.groups).id}};
        };
        Graph voice;
        voice.start = u"hours"_s;
        QList<Applet> applets{
            applet(u"hours"_s, u"hours"_s, {},
                   {{u"open"_s, u"menu"_s}, {u"closed"_s, u"vm-closed"_s}}),
            applet(u"menu"_s, u"menu"_s,
                   QJsonObject{{u"prompt"_s, QJsonObject{{u"say"_s, u"Press 1 to 4."_s}}}},
                   {{u"1"_s, u"dial1"_s},
                    {u"2"_s, u"dial2"_s},
                    {u"3"_s, u"dial3"_s},
                    {u"4"_s, u"dial4"_s},
                    {u"9"_s, u"menu"_s},
                    {u"no-input"_s, u"vm-menu"_s}}),
            applet(u"vm-closed"_s, u"voicemail"_s, QJsonObject{{u"owner"_s, groupRef(0)}}),
            applet(u"vm-menu"_s, u"voicemail"_s, QJsonObject{{u"owner"_s, groupRef(1)}}),
        };
        for (int k = 1; k <= 4; ++k) {
            const QString n = QString::number(k);
            applets.append(applet(
                u"dial"_s + n, u"dial"_s,
                QJsonObject{{u"steps"_s, QJsonArray{QJsonObject{{u"target"_s, groupRef(k)},
                                                                {u"strategy"_s, u"sequential"_s},
                                                                {u"ring_seconds"_s, 15 + k}}}}},
                {{u"no-answer"_s, u"vm"_s + n}}));
            applets.append(
                applet(u"vm"_s + n, u"voicemail"_s, QJsonObject{{u"owner"_s, groupRef(k)}}));
        }
        for (const Applet &a : applets)
            voice.applets.insert(a.id, a);
        flow.voice = voice;

        Graph sms;
        sms.start = u"keyword"_s;
        for (const Applet &a :
             {applet(u"keyword"_s, u"keyword"_s,
                     QJsonObject{{u"keywords"_s, QJsonArray{u"SALES"_s}},
                                 {u"prompt"_s, u"Reply SALES."_s}},
                     {{u"SALES"_s, u"sales"_s}, {u"no-match"_s, u"other"_s}}),
              applet(u"sales"_s, u"sms-inbox"_s,
                     QJsonObject{{u"owner"_s, groupRef(1)}, {u"assign"_s, u"round-robin"_s}}),
              applet(u"other"_s, u"sms-inbox"_s, QJsonObject{{u"owner"_s, groupRef(2)}})})
            sms.applets.insert(a.id, a);
        flow.sms = sms;
        org.flows.append(flow);
    }
    org.numbers.reserve(size.numbers);
    for (int n = 0; n < size.numbers; ++n) {
        org.numbers.append(PhoneNumber{u"+1737"_s + pad(n, 7), u"Line "_s + QString::number(n),
                                       size.flows ? org.flows.at(n % size.flows).id : QString()});
    }
    for (int c = 0; c < size.users / 10; ++c)
        org.contacts.append(Contact{u"+1646"_s + pad(c, 7), u"Contact "_s + QString::number(c),
                                    org.users.at(c * 10 % size.users).id});
    org.blocked = {u"+15125550666"_s, u"+15125550667"_s};
    return org;
}

Graph generateLargeGraph(const Organization &org, int applets)
{
    Graph graph;
    int made = 0;
    QString previous;
    for (int m = 0; made < applets; ++m) {
        const QString menuId = u"menu"_s + QString::number(m);
        Applet menu = applet(menuId, u"menu"_s,
                             QJsonObject{{u"prompt"_s, QJsonObject{{u"say"_s, u"Choose."_s}}}});
        ++made;
        for (int k = 1; k <= 9 && made + 2 <= applets; ++k) {
            const QString n = QString::number(m) + u'-' + QString::number(k);
            const QJsonObject group{
                {u"group"_s, org.groups.at((m * 9 + k) % org.groups.size()).id}};
            graph.applets.insert(
                u"vm"_s + n, applet(u"vm"_s + n, u"voicemail"_s, QJsonObject{{u"owner"_s, group}}));
            graph.applets.insert(
                u"dial"_s + n,
                applet(u"dial"_s + n, u"dial"_s,
                       QJsonObject{{u"steps"_s, QJsonArray{QJsonObject{{u"target"_s, group}}}}},
                       {{u"no-answer"_s, u"vm"_s + n}}));
            menu.next.insert(QString::number(k), u"dial"_s + n);
            made += 2;
        }
        graph.applets.insert(menuId, menu);
        if (previous.isEmpty())
            graph.start = menuId;
        else
            graph.applets[previous].next.insert(u"no-input"_s, menuId);
        previous = menuId;
    }
    return graph;
}

QByteArray hostileDocument(int users)
{
    QByteArray out = R"({"format": "switchboard-config", "version": 1,
"organization": {"name": "Hostile", "timezone": "UTC"}, "users": [)";
    for (int i = 0; i < users; ++i) {
        if (i)
            out += ",\n";
        out += R"({"id": "bad id )" + QByteArray::number(i) + R"(!", "name": "User )" +
               QByteArray::number(i) + R"(", "colour": "red"})";
    }
    out += R"(], "groups": [], "numbers": [], "flows": []})";
    return out;
}

} // namespace Switchboard::Test
