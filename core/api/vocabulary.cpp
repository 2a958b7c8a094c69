#include "vocabulary.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Switchboard::Api {

namespace {
QString encoded(const QString &part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}
QJsonValue nullIfEmpty(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}
} // namespace

// --- paths ------------------------------------------------------------------------------

QString revisionPath(int revision)
{
    return QLatin1StringView(ConfigPath) + u"/revisions/"_s + QString::number(revision);
}

QString itemPath(const QString &id)
{
    return QLatin1StringView(InboxPath) + u'/' + encoded(id);
}

QString replyPath(const QString &id)
{
    return itemPath(id) + u"/reply"_s;
}

QString repliesPath(const QString &id)
{
    return itemPath(id) + u"/replies"_s;
}

QString replyRetryPath(const QString &item, const QString &reply)
{
    return repliesPath(item) + u'/' + encoded(reply) + u"/retry"_s;
}

QString recordingPath(const QString &id)
{
    return itemPath(id) + u"/recording"_s;
}

QString presencePath(const QString &user)
{
    return QLatin1StringView(PresencePath) + u'/' + encoded(user);
}

QString InboxQuery::path() const
{
    QStringList q;
    if (owner)
        q.append(u"owner="_s + encoded(owner->queryKey()));
    if (!kind.isEmpty())
        q.append(u"kind="_s + encoded(kind));
    if (unreadOnly)
        q.append(u"unread=true"_s);
    if (archived)
        q.append(u"archived="_s + (*archived ? u"true"_s : u"false"_s));
    q.append(u"limit="_s + QString::number(limit));
    if (!before.isEmpty())
        q.append(u"before="_s + encoded(before));
    return QLatin1StringView(InboxPath) + u'?' + q.join(u'&');
}

QString countsPath(const QList<Owner> &owners)
{
    QStringList q;
    for (const Owner &o : owners)
        q.append(u"owner="_s + encoded(o.queryKey()));
    return QLatin1StringView(InboxPath) + u"/counts?"_s + q.join(u'&');
}

// --- inbox ------------------------------------------------------------------------------

QJsonObject InboxItem::toJson() const
{
    return QJsonObject{{u"id"_s, id},
                       {u"kind"_s, kind},
                       {u"owner"_s, owner.toJson()},
                       {u"from"_s, from},
                       {u"to"_s, to},
                       {u"created_at"_s, createdAt},
                       {u"body"_s, body},
                       {u"media"_s, QJsonArray::fromStringList(media)},
                       {u"recording_url"_s, nullIfEmpty(recordingUrl)},
                       {u"duration_seconds"_s, durationSeconds},
                       {u"read"_s, read},
                       {u"archived"_s, archived},
                       {u"assigned_to"_s, nullIfEmpty(assignedTo)},
                       {u"conversation"_s, nullIfEmpty(conversation)},
                       {u"closed"_s, closed}};
}

InboxItem InboxItem::fromJson(const QJsonObject &o)
{
    InboxItem i;
    i.id = o.value(u"id").toString();
    i.kind = o.value(u"kind").toString();
    i.owner = Owner::fromJson(o.value(u"owner")).value_or(Owner());
    i.from = o.value(u"from").toString();
    i.to = o.value(u"to").toString();
    i.createdAt = o.value(u"created_at").toString();
    i.body = o.value(u"body").toString();
    for (const QJsonValue &m : o.value(u"media").toArray())
        i.media.append(m.toString());
    i.recordingUrl = o.value(u"recording_url").toString();
    i.durationSeconds = o.value(u"duration_seconds").toInt();
    i.read = o.value(u"read").toBool();
    i.archived = o.value(u"archived").toBool();
    i.assignedTo = o.value(u"assigned_to").toString();
    i.conversation = o.value(u"conversation").toString();
    i.closed = o.value(u"closed").toBool();
    return i;
}

QJsonObject InboxPage::toJson() const
{
    QJsonArray list;
    for (const InboxItem &i : items)
        list.append(i.toJson());
    return {{u"items"_s, list}, {u"next"_s, nullIfEmpty(next)}};
}

InboxPage InboxPage::fromJson(const QJsonObject &o)
{
    InboxPage page;
    for (const QJsonValue &v : o.value(u"items").toArray())
        page.items.append(InboxItem::fromJson(v.toObject()));
    page.next = o.value(u"next").toString();
    return page;
}

QJsonObject InboxCounts::toJson() const
{
    QJsonObject counts;
    for (auto owner = byOwner.cbegin(); owner != byOwner.cend(); ++owner) {
        QJsonObject kinds;
        for (auto kind = owner->cbegin(); kind != owner->cend(); ++kind)
            kinds.insert(kind.key(),
                         QJsonObject{{u"total"_s, kind->total}, {u"unread"_s, kind->unread}});
        counts.insert(owner.key(), kinds);
    }
    return {{u"counts"_s, counts}};
}

InboxCounts InboxCounts::fromJson(const QJsonObject &o)
{
    InboxCounts c;
    const QJsonObject counts = o.value(u"counts").toObject();
    for (auto owner = counts.constBegin(); owner != counts.constEnd(); ++owner) {
        const QJsonObject kinds = owner->toObject();
        for (auto kind = kinds.constBegin(); kind != kinds.constEnd(); ++kind) {
            const QJsonObject n = kind->toObject();
            c.byOwner[owner.key()][kind.key()] = {n.value(u"total").toInt(),
                                                  n.value(u"unread").toInt()};
        }
    }
    return c;
}

QJsonObject InboxChange::toJson() const
{
    QJsonObject o;
    if (read)
        o.insert(u"read"_s, *read);
    if (archived)
        o.insert(u"archived"_s, *archived);
    if (closed)
        o.insert(u"closed"_s, *closed);
    if (assignedTo)
        o.insert(u"assigned_to"_s, nullIfEmpty(*assignedTo));
    return o;
}

std::optional<InboxChange> InboxChange::fromJson(const QJsonObject &o, QString *error)
{
    InboxChange change;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString k = it.key();
        if ((k == u"read" || k == u"archived" || k == u"closed") && !it->isBool()) {
            *error =
                QCoreApplication::translate("Switchboard::RouterServer", "%1 is true or false.")
                    .arg(k);
            return std::nullopt;
        }
        if (k == u"read")
            change.read = it->toBool();
        else if (k == u"archived")
            change.archived = it->toBool();
        else if (k == u"closed")
            change.closed = it->toBool();
        else if (k == u"assigned_to" && (it->isString() || it->isNull()))
            change.assignedTo = it->toString();
        else {
            *error =
                QCoreApplication::translate(
                    "Switchboard::RouterServer",
                    "An inbox item has no \"%1\" to change (read, archived, assigned_to, closed).")
                    .arg(k);
            return std::nullopt;
        }
    }
    return change;
}

QJsonObject Reply::toJson() const
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{{u"id"_s, id},
                       {u"item"_s, itemId},
                       {u"to"_s, to},
                       {u"from"_s, from},
                       {u"body"_s, body},
                       {u"created_at"_s, createdAt},
                       {u"status"_s, status},
                       {u"error"_s, orNull(error)},
                       {u"carrier_sid"_s, orNull(carrierSid)},
                       {u"sent_at"_s, orNull(sentAt)},
                       {u"updated_at"_s, orNull(updatedAt)},
                       {u"attempts"_s, attempts}};
}

Reply Reply::fromJson(const QJsonObject &o)
{
    Reply r;
    r.id = o.value(u"id").toString();
    r.itemId = o.value(u"item").toString();
    r.to = o.value(u"to").toString();
    r.from = o.value(u"from").toString();
    r.body = o.value(u"body").toString();
    r.createdAt = o.value(u"created_at").toString();
    r.status = o.value(u"status").toString();
    r.error = o.value(u"error").toString();
    r.carrierSid = o.value(u"carrier_sid").toString();
    r.sentAt = o.value(u"sent_at").toString();
    r.updatedAt = o.value(u"updated_at").toString();
    r.attempts = o.value(u"attempts").toInt();
    return r;
}

QJsonObject repliesToJson(const QList<Reply> &replies)
{
    QJsonArray list;
    for (const Reply &r : replies)
        list.append(r.toJson());
    return {{u"replies"_s, list}};
}

QList<Reply> repliesFromJson(const QJsonObject &o)
{
    QList<Reply> replies;
    for (const QJsonValue &v : o.value(u"replies").toArray())
        replies.append(Reply::fromJson(v.toObject()));
    return replies;
}

QJsonObject replyRequest(const QString &body)
{
    return {{u"body"_s, body}};
}

QJsonObject ReplyResult::toJson() const
{
    QJsonObject o{{u"reply"_s, reply.toJson()}, {u"sent"_s, sent}};
    if (!reason.isEmpty())
        o.insert(u"reason"_s, reason);
    return o;
}

ReplyResult ReplyResult::fromJson(const QJsonObject &o)
{
    return ReplyResult{Reply::fromJson(o.value(u"reply").toObject()), o.value(u"sent").toBool(),
                       o.value(u"reason").toString()};
}

// --- the carrier account ----------------------------------------------------------------

QJsonObject CarrierNumber::toJson() const
{
    return {{u"number"_s, number},
            {u"friendly_name"_s, friendlyName},
            {u"sid"_s, sid},
            {u"voice_url"_s, voiceUrl},
            {u"sms_url"_s, smsUrl},
            {u"wired"_s, wired},
            {u"voice_method"_s, voiceMethod},
            {u"sms_method"_s, smsMethod}};
}

CarrierNumber CarrierNumber::fromJson(const QJsonObject &o)
{
    CarrierNumber n;
    n.number = o.value(u"number").toString();
    n.friendlyName = o.value(u"friendly_name").toString();
    n.sid = o.value(u"sid").toString();
    n.voiceUrl = o.value(u"voice_url").toString();
    n.smsUrl = o.value(u"sms_url").toString();
    n.wired = o.value(u"wired").toBool();
    n.voiceMethod = o.value(u"voice_method").toString();
    n.smsMethod = o.value(u"sms_method").toString();
    return n;
}

QJsonObject CarrierNumbers::toJson() const
{
    QJsonArray list;
    for (const CarrierNumber &n : numbers)
        list.append(n.toJson());
    return {{u"numbers"_s, list}, {u"voice_url"_s, voiceUrl}, {u"sms_url"_s, smsUrl}};
}

CarrierNumbers CarrierNumbers::fromJson(const QJsonObject &o)
{
    CarrierNumbers c;
    for (const QJsonValue &v : o.value(u"numbers").toArray())
        c.numbers.append(CarrierNumber::fromJson(v.toObject()));
    c.voiceUrl = o.value(u"voice_url").toString();
    c.smsUrl = o.value(u"sms_url").toString();
    return c;
}

QJsonObject wireRequest(const QStringList &numbers)
{
    return {{u"numbers"_s, QJsonArray::fromStringList(numbers)}};
}

std::optional<QStringList> wireRequestFromJson(const QByteArray &body, QString *error)
{
    QStringList numbers;
    if (body.trimmed().isEmpty())
        return numbers;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("Switchboard::RouterServer",
                                             "The body must be a JSON object.");
        return std::nullopt;
    }
    const QJsonValue list = doc.object().value(u"numbers");
    const auto refuse = [&] {
        *error = QCoreApplication::translate("Switchboard::RouterServer",
                                             "\"numbers\" is a list of numbers.");
        return std::nullopt;
    };
    if (!list.isUndefined() && !list.isArray())
        return refuse();
    for (const QJsonValue &v : list.toArray()) {
        if (!v.isString())
            return refuse();
        numbers.append(v.toString());
    }
    return numbers;
}

QJsonObject WireResult::toJson() const
{
    QJsonArray skip;
    for (const auto &[number, why] : skipped)
        skip.append(QJsonObject{{u"number"_s, number}, {u"reason"_s, why}});
    return {{u"wired"_s, QJsonArray::fromStringList(wired)}, {u"skipped"_s, skip}};
}

WireResult WireResult::fromJson(const QJsonObject &o)
{
    WireResult w;
    for (const QJsonValue &v : o.value(u"wired").toArray())
        w.wired.append(v.toString());
    for (const QJsonValue &v : o.value(u"skipped").toArray())
        w.skipped.append({v[u"number"].toString(), v[u"reason"].toString()});
    return w;
}

// --- presence ---------------------------------------------------------------------------

QJsonObject Presence::toJson() const
{
    QJsonObject g;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        g.insert(it.key(), QJsonObject{{u"voice"_s, it->voice}, {u"sms"_s, it->sms}});
    return {{u"available"_s, available}, {u"groups"_s, g}};
}

Presence Presence::fromJson(const QJsonObject &o)
{
    Presence p;
    p.available = o.value(u"available").toBool(true);
    const QJsonObject g = o.value(u"groups").toObject();
    for (auto it = g.constBegin(); it != g.constEnd(); ++it) {
        const QJsonObject a = it->toObject();
        p.groups.insert(it.key(), {a.value(u"voice").toBool(true), a.value(u"sms").toBool(true)});
    }
    return p;
}

QJsonObject presenceListToJson(const QHash<QString, Presence> &users)
{
    QJsonObject u;
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        u.insert(it.key(), it->toJson());
    return {{u"users"_s, u}};
}

QHash<QString, Presence> presenceListFromJson(const QJsonObject &o)
{
    QHash<QString, Presence> users;
    const QJsonObject u = o.value(u"users").toObject();
    for (auto it = u.constBegin(); it != u.constEnd(); ++it)
        users.insert(it.key(), Presence::fromJson(it->toObject()));
    return users;
}

QJsonObject PresenceChange::toJson() const
{
    QJsonObject o;
    if (available)
        o.insert(u"available"_s, *available);
    if (!groups.isEmpty()) {
        QJsonObject g;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
            QJsonObject channels;
            if (it->first)
                channels.insert(u"voice"_s, *it->first);
            if (it->second)
                channels.insert(u"sms"_s, *it->second);
            g.insert(it.key(), channels);
        }
        o.insert(u"groups"_s, g);
    }
    return o;
}

std::optional<PresenceChange> PresenceChange::fromJson(const QJsonObject &o, QString *error)
{
    PresenceChange change;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() == u"available" && it->isBool()) {
            change.available = it->toBool();
        } else if (it.key() == u"groups" && it->isObject()) {
            const QJsonObject g = it->toObject();
            for (auto gi = g.constBegin(); gi != g.constEnd(); ++gi) {
                const QJsonObject channels = gi->toObject();
                std::pair<std::optional<bool>, std::optional<bool>> set;
                if (channels.value(u"voice").isBool())
                    set.first = channels.value(u"voice").toBool();
                if (channels.value(u"sms").isBool())
                    set.second = channels.value(u"sms").toBool();
                change.groups.insert(gi.key(), set);
            }
        } else {
            *error = QCoreApplication::translate(
                "Switchboard::RouterServer",
                "Presence has \"available\" (true or false) and \"groups\" "
                "({\"sales\": {\"voice\": true, \"sms\": false}}).");
            return std::nullopt;
        }
    }
    return change;
}

// --- configuration ------------------------------------------------------------------------

QJsonArray revisionsToJson(const QList<RevisionInfo> &revisions)
{
    QJsonArray list;
    for (const RevisionInfo &r : revisions)
        list.append(QJsonObject{{u"revision"_s, r.revision},
                                {u"pushed_at"_s, r.pushedAt},
                                {u"pushed_by"_s, r.pushedBy}});
    return list;
}

QList<RevisionInfo> revisionsFromJson(const QJsonArray &a)
{
    QList<RevisionInfo> list;
    for (const QJsonValue &v : a)
        list.append({v.toObject().value(u"revision").toInt(),
                     v.toObject().value(u"pushed_at").toString(),
                     v.toObject().value(u"pushed_by").toString()});
    return list;
}

QJsonArray findingsToJson(const Findings &findings, Severity severity)
{
    QJsonArray list;
    for (const Finding &f : findings) {
        if (f.severity == severity)
            list.append(
                QJsonObject{{u"path"_s, f.path}, {u"message"_s, f.message}, {u"rule"_s, f.rule}});
    }
    return list;
}

Findings findingsFromJson(const QJsonArray &a, Severity severity)
{
    Findings findings;
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        findings.append({severity, o.value(u"path").toString(), o.value(u"rule").toString(),
                         o.value(u"message").toString()});
    }
    return findings;
}

// --- sign-in ----------------------------------------------------------------------------

QString passwordPath(const QString &user)
{
    return u"/api/v1/users/"_s + QString::fromLatin1(QUrl::toPercentEncoding(user)) +
           u"/password"_s;
}

QJsonObject signInRequest(const QString &login, const QString &password)
{
    return {{u"login"_s, login}, {u"password"_s, password}};
}

QJsonObject Session::toJson() const
{
    return {
        {u"token"_s, token}, {u"user"_s, user}, {u"role"_s, role}, {u"expires_at"_s, expiresAt}};
}

Session Session::fromJson(const QJsonObject &o)
{
    return {o.value(u"token").toString(), o.value(u"user").toString(), o.value(u"role").toString(),
            o.value(u"expires_at").toString()};
}

QJsonObject Me::toJson() const
{
    return {{u"user"_s, user.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(user)},
            {u"name"_s, name},
            {u"role"_s, role},
            {u"groups"_s, QJsonArray::fromStringList(groups)}};
}

Me Me::fromJson(const QJsonObject &o)
{
    Me me{
        o.value(u"user").toString(), o.value(u"name").toString(), o.value(u"role").toString(), {}};
    for (const QJsonValue &g : o.value(u"groups").toArray())
        me.groups.append(g.toString());
    return me;
}

QJsonObject passwordChange(const QString &current, const QString &password)
{
    QJsonObject o{{u"password"_s, password}};
    if (!current.isNull())
        o.insert(u"current"_s, current);
    return o;
}

QJsonObject Directory::toJson() const
{
    QJsonArray people, teams;
    for (const Person &p : users)
        people.append(QJsonObject{{u"id"_s, p.id}, {u"name"_s, p.name}});
    for (const Team &t : groups)
        teams.append(QJsonObject{{u"id"_s, t.id},
                                 {u"name"_s, t.name},
                                 {u"department"_s, t.department},
                                 {u"members"_s, QJsonArray::fromStringList(t.members)}});
    return {{u"users"_s, people}, {u"groups"_s, teams}};
}

Directory Directory::fromJson(const QJsonObject &o)
{
    Directory d;
    for (const QJsonValue &v : o.value(u"users").toArray())
        d.users.append({v[u"id"].toString(), v[u"name"].toString()});
    for (const QJsonValue &v : o.value(u"groups").toArray()) {
        Team t{v[u"id"].toString(), v[u"name"].toString(), v[u"department"].toString(), {}};
        for (const QJsonValue &m : v[u"members"].toArray())
            t.members.append(m.toString());
        d.groups.append(t);
    }
    return d;
}

int healthRevision(const QJsonObject &o)
{
    return o.value(u"revision").toInt(-1);
}

QJsonObject healthJson(int revision)
{
    return {{u"status"_s, u"ok"_s}, {u"revision"_s, revision}};
}

} // namespace Switchboard::Api
