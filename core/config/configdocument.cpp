#include "configdocument.h"

#include "config/canonicaljson.h"
#include "config/jsonscan.h"
#include "validation/validator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

class Reader
{
    Q_DECLARE_TR_FUNCTIONS(ConfigReader)

public:
    ReadResult result;

    void error(const QString &path, const QString &rule, const QString &message)
    {
        result.findings.append(Finding{Severity::Error, path, rule, message});
        result.rejectedPaths.insert(path);
    }

    void wrongType(const QString &path, const QJsonValue &v, const QString &expected)
    {
        result.findings.append(wrongTypeFinding(path, v, expected));
        result.rejectedPaths.insert(path);
    }

    bool expectObject(const QJsonValue &v, const QString &path)
    {
        if (v.isObject())
            return true;
        wrongType(path, v, tr("an object"));
        return false;
    }

    bool expectArray(const QJsonValue &v, const QString &path)
    {
        if (v.isArray())
            return true;
        wrongType(path, v, tr("a list"));
        return false;
    }

    void checkKeys(const QJsonObject &o, const QStringList &allowed, const QString &path)
    {
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!allowed.contains(it.key())) {
                error(JsonPath::key(path, it.key()), u"unknown-key"_s,
                      tr("Unknown key \"%1\" (expected one of: %2).")
                          .arg(it.key(), allowed.join(u", "_s)));
            }
        }
    }

    QString string(const QJsonObject &o, const QString &key, const QString &path,
                   bool required = false)
    {
        const QJsonValue v = o.value(key);
        if (v.isString())
            return v.toString();
        const QString p = JsonPath::key(path, key);
        if (v.isUndefined()) {
            if (required)
                error(p, u"missing"_s, tr("\"%1\" is required here.").arg(key));
        } else {
            wrongType(p, v, tr("a string"));
        }
        return {};
    }

    // A string or null; null and absent both read as empty.
    QString nullableString(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isString())
            return v.toString();
        if (!v.isNull() && !v.isUndefined())
            wrongType(JsonPath::key(path, key), v, tr("a string or null"));
        return {};
    }

    int integer(const QJsonObject &o, const QString &key, const QString &path, int fallback)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return fallback;
        // Checked before any conversion: 1e300 is not an int, and casting it is undefined.
        const std::optional<qint64> n = exactInteger(v);
        if (!n || *n < INT_MIN || *n > INT_MAX) {
            wrongType(JsonPath::key(path, key), v, tr("a whole number"));
            return fallback;
        }
        return int(*n);
    }

    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return {};
        if (!expectObject(v, JsonPath::key(path, key)))
            return {};
        return v.toObject();
    }

    void readDocument(const QByteArray &bytes);
    User readUser(const QJsonValue &v, const QString &path);
    Group readGroup(const QJsonValue &v, const QString &path);
    PhoneNumber readNumber(const QJsonValue &v, const QString &path);
    Flow readFlow(const QJsonValue &v, const QString &path);
    std::optional<Graph> readGraph(const QJsonValue &v, const QString &path);
    Applet readApplet(const QString &id, const QJsonValue &v, const QString &path);
    Contact readContact(const QJsonValue &v, const QString &path);

    template<typename T, typename F>
    QList<T> readList(const QJsonObject &root, const QString &key, F readOne)
    {
        QList<T> list;
        const QJsonValue v = root.value(key);
        if (v.isUndefined() || !expectArray(v, key))
            return list;
        const QJsonArray a = v.toArray();
        list.reserve(a.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            list.append(readOne(a.at(i), JsonPath::index(key, i)));
        return list;
    }
};

// Line and column (both from 1, the column in characters) of a byte offset.
std::pair<int, int> lineAndColumn(const QByteArray &bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    const int column =
        int(QString::fromUtf8(bytes.constData() + lineStart, offset - lineStart).size()) + 1;
    return {line, column};
}

void Reader::readDocument(const QByteArray &input)
{
    QByteArray bytes = input;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt's offset is one past the offending character, except for trailing garbage (at
        // it) and for input that ends too early (its end, which is where to point).
        const qsizetype at =
            parseError.error == QJsonParseError::GarbageAtEnd || parseError.offset >= bytes.size()
                ? std::min<qsizetype>(parseError.offset, bytes.size())
                : std::max(0, parseError.offset - 1);
        const auto [line, column] = lineAndColumn(bytes, at);
        error(QString(), u"not-json"_s,
              tr("This is not valid JSON: %1 at line %2, column %3.")
                  .arg(parseError.errorString())
                  .arg(line)
                  .arg(column));
        return;
    }
    result.isJson = true;
    // What the parser let pass: a key twice in one object, text that is not Unicode.
    for (const JsonFlaw &flaw : scanJson(bytes)) {
        if (flaw.kind == JsonFlaw::DuplicateKey)
            error(flaw.path, u"duplicate-key"_s,
                  tr("\"%1\" is given twice in one object; a key appears once.")
                      .arg(flaw.key.size() > 60 ? flaw.key.left(59) + u'…' : flaw.key));
        else if (flaw.kind == JsonFlaw::MarkedKey)
            error(flaw.path, u"invalid-unicode"_s,
                  tr("A key begins with an invisible byte order mark (U+FEFF); type the key "
                     "again without it."));
        else
            error(flaw.path, u"invalid-unicode"_s,
                  tr("This text is not valid Unicode: it holds half of a surrogate pair "
                     "(\\uD800 to \\uDFFF) without the other half."));
    }
    if (!doc.isObject()) {
        error(QString(), u"wrong-type"_s, tr("The document must be a JSON object."));
        return;
    }
    const QJsonObject root = doc.object();
    checkKeys(root,
              {u"format"_s, u"version"_s, u"organization"_s, u"users"_s, u"groups"_s, u"numbers"_s,
               u"flows"_s, u"contacts"_s, u"blocked"_s},
              QString());

    const QJsonValue format = root.value(u"format");
    if (format.isUndefined()) {
        error(u"format"_s, u"format"_s,
              tr("The document does not say what it is: \"format\": \"switchboard-config\" is "
                 "missing."));
    } else if (format != u"switchboard-config"_s) {
        error(u"format"_s, u"format"_s,
              tr("This is not a Switchboard configuration: \"format\" must be "
                 "\"switchboard-config\"."));
    }
    const QJsonValue version = root.value(u"version");
    if (version.isUndefined()) {
        error(u"version"_s, u"version"_s,
              tr("\"version\" is missing; this document needs "
                 "\"version\": 1."));
    } else if (!version.isDouble() || version.toDouble() != ConfigFormatVersion) {
        error(u"version"_s, u"version"_s,
              tr("Version %1 is not supported; this Switchboard reads version %2.")
                  .arg(QString::fromUtf8(QJsonDocument(QJsonArray{version})
                                             .toJson(QJsonDocument::Compact)
                                             .mid(1)
                                             .chopped(1)))
                  .arg(ConfigFormatVersion));
    }

    Organization &org = result.organization;
    const QJsonObject orgObject = object(root, u"organization"_s, QString());
    checkKeys(orgObject, {u"name"_s, u"timezone"_s}, u"organization"_s);
    org.name = string(orgObject, u"name"_s, u"organization"_s);
    org.timezone = nullableString(orgObject, u"timezone"_s, u"organization"_s);

    org.users = readList<User>(
        root, u"users"_s, [this](const QJsonValue &v, const QString &p) { return readUser(v, p); });
    org.groups = readList<Group>(root, u"groups"_s, [this](const QJsonValue &v, const QString &p) {
        return readGroup(v, p);
    });
    org.numbers =
        readList<PhoneNumber>(root, u"numbers"_s, [this](const QJsonValue &v, const QString &p) {
            return readNumber(v, p);
        });
    org.flows = readList<Flow>(
        root, u"flows"_s, [this](const QJsonValue &v, const QString &p) { return readFlow(v, p); });
    org.contacts =
        readList<Contact>(root, u"contacts"_s, [this](const QJsonValue &v, const QString &p) {
            return readContact(v, p);
        });
    org.blocked =
        readList<QString>(root, u"blocked"_s, [this](const QJsonValue &v, const QString &p) {
            if (!v.isString()) {
                wrongType(p, v, tr("a phone number string"));
                return QString();
            }
            return v.toString();
        });
}

User Reader::readUser(const QJsonValue &v, const QString &path)
{
    User user;
    if (!expectObject(v, path))
        return user;
    const QJsonObject o = v.toObject();
    checkKeys(o, {u"id"_s, u"name"_s, u"email"_s, u"role"_s, u"devices"_s, u"greeting"_s}, path);
    user.id = string(o, u"id"_s, path, true);
    user.name = string(o, u"name"_s, path);
    user.email = string(o, u"email"_s, path);
    if (o.contains(u"role")) {
        const QString roleText = string(o, u"role"_s, path);
        if (const auto role = roleFromKey(roleText)) {
            user.role = *role;
        } else if (o.value(u"role").isString()) {
            error(JsonPath::key(path, u"role"_s), u"invalid-value"_s,
                  tr("Unknown role \"%1\" (expected admin, manager or agent).").arg(roleText));
        }
    }
    const QJsonValue devices = o.value(u"devices");
    const QString devicesPath = JsonPath::key(path, u"devices"_s);
    if (!devices.isUndefined() && expectArray(devices, devicesPath)) {
        const QJsonArray a = devices.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString p = JsonPath::index(devicesPath, i);
            Device device;
            if (expectObject(a.at(i), p)) {
                const QJsonObject d = a.at(i).toObject();
                checkKeys(d, {u"kind"_s, u"address"_s}, p);
                const QString kindText = string(d, u"kind"_s, p, true);
                if (const auto kind = deviceKindFromKey(kindText))
                    device.kind = *kind;
                else if (d.value(u"kind").isString())
                    error(JsonPath::key(p, u"kind"_s), u"invalid-value"_s,
                          tr("Unknown device kind \"%1\" (expected client, phone or sip).")
                              .arg(kindText));
                device.address = string(d, u"address"_s, p, true);
            }
            user.devices.append(device);
        }
    }
    const QJsonValue greeting = o.value(u"greeting");
    if (greeting.isObject())
        user.greeting = greeting.toObject();
    else if (!greeting.isUndefined() && !greeting.isNull())
        wrongType(JsonPath::key(path, u"greeting"_s), greeting, tr("a prompt object"));
    return user;
}

Group Reader::readGroup(const QJsonValue &v, const QString &path)
{
    Group group;
    if (!expectObject(v, path))
        return group;
    const QJsonObject o = v.toObject();
    checkKeys(o, {u"id"_s, u"name"_s, u"department"_s, u"members"_s, u"sms_max_open_per_agent"_s},
              path);
    group.id = string(o, u"id"_s, path, true);
    group.name = string(o, u"name"_s, path);
    group.department = nullableString(o, u"department"_s, path);
    group.smsMaxOpenPerAgent = integer(o, u"sms_max_open_per_agent"_s, path, 0);
    const QJsonValue members = o.value(u"members");
    const QString membersPath = JsonPath::key(path, u"members"_s);
    if (!members.isUndefined() && expectArray(members, membersPath)) {
        const QJsonArray a = members.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString p = JsonPath::index(membersPath, i);
            const QJsonValue m = a.at(i);
            Member member;
            if (m.isString()) {
                member.user = m.toString();
            } else if (m.isObject()) {
                const QJsonObject mo = m.toObject();
                checkKeys(mo, {u"user"_s, u"channels"_s}, p);
                member.user = string(mo, u"user"_s, p, true);
                const QJsonValue channels = mo.value(u"channels");
                const QString channelsPath = JsonPath::key(p, u"channels"_s);
                if (!channels.isUndefined() && expectArray(channels, channelsPath)) {
                    member.voice = member.sms = false;
                    const QJsonArray ca = channels.toArray();
                    for (qsizetype c = 0; c < ca.size(); ++c) {
                        const QString channel = ca.at(c).toString();
                        if (channel == u"voice")
                            member.voice = true;
                        else if (channel == u"sms")
                            member.sms = true;
                        else
                            error(JsonPath::index(channelsPath, c), u"invalid-value"_s,
                                  tr("A channel is \"voice\" or \"sms\"."));
                    }
                }
            } else {
                wrongType(p, m, tr("a user id or a member object"));
            }
            group.members.append(member);
        }
    }
    return group;
}

PhoneNumber Reader::readNumber(const QJsonValue &v, const QString &path)
{
    PhoneNumber number;
    if (!expectObject(v, path))
        return number;
    const QJsonObject o = v.toObject();
    checkKeys(o, {u"number"_s, u"label"_s, u"flow"_s}, path);
    number.number = string(o, u"number"_s, path, true);
    number.label = string(o, u"label"_s, path);
    number.flow = nullableString(o, u"flow"_s, path);
    return number;
}

Flow Reader::readFlow(const QJsonValue &v, const QString &path)
{
    Flow flow;
    if (!expectObject(v, path))
        return flow;
    const QJsonObject o = v.toObject();
    checkKeys(o, {u"id"_s, u"name"_s, u"voice"_s, u"sms"_s, u"editor"_s}, path);
    flow.id = string(o, u"id"_s, path, true);
    flow.name = string(o, u"name"_s, path);
    flow.voice = readGraph(o.value(u"voice"), JsonPath::key(path, u"voice"_s));
    flow.sms = readGraph(o.value(u"sms"), JsonPath::key(path, u"sms"_s));
    flow.editor = object(o, u"editor"_s, path);
    return flow;
}

std::optional<Graph> Reader::readGraph(const QJsonValue &v, const QString &path)
{
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    if (!expectObject(v, path))
        return std::nullopt;
    const QJsonObject o = v.toObject();
    checkKeys(o, {u"start"_s, u"applets"_s}, path);
    Graph graph;
    graph.start = nullableString(o, u"start"_s, path);
    const QJsonObject applets = object(o, u"applets"_s, path);
    const QString appletsPath = JsonPath::key(path, u"applets"_s);
    for (auto it = applets.constBegin(); it != applets.constEnd(); ++it)
        graph.applets.insert(
            it.key(), readApplet(it.key(), it.value(), JsonPath::key(appletsPath, it.key())));
    return graph;
}

Applet Reader::readApplet(const QString &id, const QJsonValue &v, const QString &path)
{
    Applet applet;
    applet.id = id;
    if (!expectObject(v, path))
        return applet;
    const QJsonObject o = v.toObject();
    checkKeys(o, {u"type"_s, u"name"_s, u"config"_s, u"next"_s, u"editor"_s}, path);
    applet.type = string(o, u"type"_s, path, true);
    applet.name = string(o, u"name"_s, path);
    applet.config = object(o, u"config"_s, path);
    const QJsonObject next = object(o, u"next"_s, path);
    const QString nextPath = JsonPath::key(path, u"next"_s);
    for (auto it = next.constBegin(); it != next.constEnd(); ++it) {
        if (it.value().isString())
            applet.next.insert(it.key(), it.value().toString());
        else if (!it.value().isNull()) // null: the branch is empty
            wrongType(JsonPath::key(nextPath, it.key()), it.value(), tr("an applet id"));
    }
    applet.editor = object(o, u"editor"_s, path);
    return applet;
}

Contact Reader::readContact(const QJsonValue &v, const QString &path)
{
    Contact contact;
    if (!expectObject(v, path))
        return contact;
    const QJsonObject o = v.toObject();
    checkKeys(o, {u"number"_s, u"name"_s, u"owner"_s}, path);
    contact.number = string(o, u"number"_s, path, true);
    contact.name = string(o, u"name"_s, path);
    contact.owner = string(o, u"owner"_s, path, true);
    return contact;
}

QJsonValue nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject appletToJson(const Applet &applet)
{
    QJsonObject o;
    o.insert(u"type"_s, applet.type);
    if (!applet.name.isEmpty())
        o.insert(u"name"_s, applet.name);
    o.insert(u"config"_s, applet.config);
    QJsonObject next;
    for (auto it = applet.next.cbegin(); it != applet.next.cend(); ++it)
        next.insert(it.key(), it.value());
    o.insert(u"next"_s, next);
    if (!applet.editor.isEmpty())
        o.insert(u"editor"_s, applet.editor);
    return o;
}

} // namespace

ReadResult readConfigDocument(const QByteArray &bytes)
{
    Reader reader;
    reader.readDocument(bytes);
    return std::move(reader.result);
}

QJsonValue graphToJson(const std::optional<Graph> &graph)
{
    if (!graph)
        return QJsonValue::Null;
    QJsonObject applets;
    for (const Applet &applet : graph->applets)
        applets.insert(applet.id, appletToJson(applet));
    return QJsonObject{{u"start"_s, nullIfEmpty(graph->start)}, {u"applets"_s, applets}};
}

std::optional<Graph> graphFromJson(const QJsonValue &value, QString *error)
{
    Reader reader;
    auto graph = reader.readGraph(value, u"graph"_s);
    if (error)
        *error = reader.result.findings.isEmpty() ? QString()
                                                  : formatFinding(reader.result.findings.first());
    return graph;
}

QJsonObject organizationToJson(const Organization &org)
{
    QJsonObject root;
    root.insert(u"format"_s, u"switchboard-config"_s);
    root.insert(u"version"_s, ConfigFormatVersion);
    root.insert(u"organization"_s,
                QJsonObject{{u"name"_s, org.name}, {u"timezone"_s, nullIfEmpty(org.timezone)}});

    QJsonArray users;
    for (const User &u : org.users) {
        QJsonObject o{{u"id"_s, u.id}, {u"name"_s, u.name}, {u"role"_s, roleKey(u.role)}};
        if (!u.email.isEmpty())
            o.insert(u"email"_s, u.email);
        QJsonArray devices;
        for (const Device &d : u.devices)
            devices.append(
                QJsonObject{{u"kind"_s, deviceKindKey(d.kind)}, {u"address"_s, d.address}});
        o.insert(u"devices"_s, devices);
        if (u.greeting)
            o.insert(u"greeting"_s, *u.greeting);
        users.append(o);
    }
    root.insert(u"users"_s, users);

    QJsonArray groups;
    for (const Group &g : org.groups) {
        QJsonObject o{{u"id"_s, g.id}, {u"name"_s, g.name}};
        if (!g.department.isEmpty())
            o.insert(u"department"_s, g.department);
        QJsonArray members;
        for (const Member &m : g.members) {
            if (m.voice && m.sms) {
                members.append(m.user);
                continue;
            }
            QJsonArray channels;
            if (m.voice)
                channels.append(u"voice"_s);
            if (m.sms)
                channels.append(u"sms"_s);
            members.append(QJsonObject{{u"user"_s, m.user}, {u"channels"_s, channels}});
        }
        o.insert(u"members"_s, members);
        o.insert(u"sms_max_open_per_agent"_s, g.smsMaxOpenPerAgent);
        groups.append(o);
    }
    root.insert(u"groups"_s, groups);

    QJsonArray numbers;
    for (const PhoneNumber &n : org.numbers)
        numbers.append(QJsonObject{
            {u"number"_s, n.number}, {u"label"_s, n.label}, {u"flow"_s, nullIfEmpty(n.flow)}});
    root.insert(u"numbers"_s, numbers);

    QJsonArray flows;
    for (const Flow &f : org.flows) {
        QJsonObject o{{u"id"_s, f.id},
                      {u"name"_s, f.name},
                      {u"voice"_s, graphToJson(f.voice)},
                      {u"sms"_s, graphToJson(f.sms)}};
        if (!f.editor.isEmpty())
            o.insert(u"editor"_s, f.editor);
        flows.append(o);
    }
    root.insert(u"flows"_s, flows);

    QJsonArray contacts;
    for (const Contact &c : org.contacts) {
        QJsonObject o{{u"number"_s, c.number}, {u"owner"_s, c.owner}};
        if (!c.name.isEmpty())
            o.insert(u"name"_s, c.name);
        contacts.append(o);
    }
    root.insert(u"contacts"_s, contacts);
    root.insert(u"blocked"_s, QJsonArray::fromStringList(org.blocked));
    return root;
}

QByteArray writeConfigDocument(const Organization &organization)
{
    return canonicalJson(organizationToJson(organization));
}

Findings validateConfigDocument(const QByteArray &bytes, Organization *organization)
{
    ReadResult read = readConfigDocument(bytes);
    Findings findings = read.findings;
    if (read.isJson) {
        // A semantic finding at or under a path the reader already rejected says it again:
        // each prefix of the finding's path (at "." and "[") is looked up, so the cost grows
        // with the path, not with how many paths were rejected.
        const auto underRejected = [&](const QString &path) {
            if (read.rejectedPaths.contains(path))
                return true;
            for (qsizetype i = 0; i < path.size(); ++i) {
                if ((path.at(i) == u'.' || path.at(i) == u'[') &&
                    read.rejectedPaths.contains(path.left(i)))
                    return true;
            }
            return false;
        };
        for (const Finding &f : validateOrganization(read.organization)) {
            if (!underRejected(f.path))
                findings.append(f);
        }
    }
    if (organization)
        *organization = std::move(read.organization);
    return findings;
}

} // namespace Switchboard
