#pragma once

// The organization's routing setup as plain value types: what the configuration document
// describes (core/config/FORMAT.md) and what the console edits. No widgets, no database.

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchboard {

enum class Channel
{
    Voice,
    Sms
};

QString channelKey(Channel channel); // "voice" / "sms", as in the document

// Groups, and flows, are told apart by name ignoring case and extra spaces: two names are the
// same when their keys are (the validator's rule, and the dialogs').
QString nameKey(const QString &name);

enum class Role
{
    Admin,
    Manager,
    Agent
};

QString roleKey(Role role);
std::optional<Role> roleFromKey(const QString &key);

enum class DeviceKind
{
    Client,
    Phone,
    Sip
};

QString deviceKindKey(DeviceKind kind);
std::optional<DeviceKind> deviceKindFromKey(const QString &key);

struct Device
{
    DeviceKind kind = DeviceKind::Client;
    QString address;

    friend bool operator==(const Device &, const Device &) = default;
};

struct User
{
    QString id;
    QString name;
    QString email;
    Role role = Role::Agent;
    QList<Device> devices;
    std::optional<QJsonObject> greeting; // a Prompt

    // How people see them: their name, or their id while they have none.
    QString displayName() const { return name.isEmpty() ? id : name; }
    friend bool operator==(const User &, const User &) = default;
};

// A member entry of a group. A member takes part in both channels unless excluded.
struct Member
{
    QString user;
    bool voice = true;
    bool sms = true;

    bool takesPart(Channel channel) const { return channel == Channel::Voice ? voice : sms; }
    friend bool operator==(const Member &, const Member &) = default;
};

struct Group
{
    QString id;
    QString name;
    QString department;
    QList<Member> members; // ring order
    int smsMaxOpenPerAgent = 0;

    int indexOfMember(const QString &userId) const;
    QString displayName() const { return name.isEmpty() ? id : name; }
    friend bool operator==(const Group &, const Group &) = default;
};

struct PhoneNumber
{
    QString number;
    QString label;
    QString flow; // empty: not routed (null in the document)

    friend bool operator==(const PhoneNumber &, const PhoneNumber &) = default;
};

struct Applet
{
    QString id;
    QString type;
    QString name;
    QJsonObject config;          // described by the applet catalogue
    QMap<QString, QString> next; // branch name -> applet id of the same graph
    QJsonObject editor;          // belongs to the console, kept verbatim

    QString displayName() const { return name.isEmpty() ? id : name; }

    friend bool operator==(const Applet &, const Applet &) = default;
};

struct Graph
{
    QString start; // empty: nothing set up yet (null in the document)
    QMap<QString, Applet> applets;

    bool isSetUp() const { return !start.isEmpty(); }
    friend bool operator==(const Graph &, const Graph &) = default;
};

struct Flow
{
    QString id;
    QString name;
    std::optional<Graph> voice;
    std::optional<Graph> sms;
    QJsonObject editor;

    QString displayName() const { return name.isEmpty() ? id : name; }
    const std::optional<Graph> &graph(Channel channel) const
    {
        return channel == Channel::Voice ? voice : sms;
    }
    std::optional<Graph> &graph(Channel channel) { return channel == Channel::Voice ? voice : sms; }
    // A channel is set up when its graph exists and has a start applet.
    bool isSetUp(Channel channel) const
    {
        const auto &g = graph(channel);
        return g && g->isSetUp();
    }
    friend bool operator==(const Flow &, const Flow &) = default;
};

struct Contact
{
    QString number;
    QString name;
    QString owner;

    friend bool operator==(const Contact &, const Contact &) = default;
};

struct Organization
{
    QString name;
    QString timezone; // IANA name; empty means UTC
    QList<User> users;
    QList<Group> groups;
    QList<PhoneNumber> numbers;
    QList<Flow> flows;
    QList<Contact> contacts;
    QStringList blocked;

    const User *user(const QString &id) const;
    const Group *group(const QString &id) const;
    const Flow *flow(const QString &id) const;
    const PhoneNumber *number(const QString &number) const;
    int indexOfUser(const QString &id) const;
    int indexOfGroup(const QString &id) const;
    int indexOfFlow(const QString &id) const;
    int indexOfNumber(const QString &number) const;
    // The display name of the user or group with this id; the id itself when there is none.
    QString userName(const QString &id) const;
    QString groupName(const QString &id) const;

    friend bool operator==(const Organization &, const Organization &) = default;
};

} // namespace Switchboard
