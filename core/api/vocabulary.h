#pragma once

// The words routerd's API speaks (core/server/API.md), written once: the paths, and the JSON
// of inbox items, their counts and changes, replies, presence, revisions and findings, as
// typed values with toJson/fromJson. routerd answers with them; the typed client in
// core/backend (RouterdClient) reads them; no widget spells a path or a key.

#include "model/appletvalues.h"
#include "validation/finding.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Switchboard::Api {

// --- paths ------------------------------------------------------------------------------

inline constexpr char HealthPath[] = "/healthz";
inline constexpr char ConfigPath[] = "/api/v1/config";
inline constexpr char RevisionsPath[] = "/api/v1/config/revisions";
inline constexpr char InboxPath[] = "/api/v1/inbox";
inline constexpr char PresencePath[] = "/api/v1/presence";
inline constexpr char EventsPath[] = "/api/v1/events";
inline constexpr char SessionPath[] = "/api/v1/session";
inline constexpr char MePath[] = "/api/v1/me";
inline constexpr char MyPasswordPath[] = "/api/v1/me/password";
inline constexpr char DirectoryPath[] = "/api/v1/directory";
QString passwordPath(const QString &user); // PUT: an admin sets a user's password
QString revisionPath(int revision);
QString itemPath(const QString &id);
QString replyPath(const QString &id);   // POST: reply to a text
QString repliesPath(const QString &id); // GET: the replies so far
// POST: send a failed or undelivered reply again.
QString replyRetryPath(const QString &item, const QString &reply);
QString recordingPath(const QString &id); // GET: a voicemail's recording, fetched by routerd
inline constexpr char CarrierNumbersPath[] = "/api/v1/carrier/numbers";
inline constexpr char CarrierWirePath[] = "/api/v1/carrier/numbers/wire";
QString presencePath(const QString &user);

// GET /api/v1/inbox's filters.
struct InboxQuery
{
    std::optional<Owner> owner;
    QString kind; // sms, voicemail; empty: both
    bool unreadOnly = false;
    std::optional<bool> archived; // only archived, only not archived; unset: both
    int limit = 50;
    QString before; // a cursor from a previous page
    // Only items of these owners (routerd limits a signed-in person to what they may read);
    // not part of the path.
    QList<Owner> within;

    QString path() const;
};
QString countsPath(const QList<Owner> &owners);

// --- inbox ------------------------------------------------------------------------------

inline constexpr char TextKind[] = "sms";
inline constexpr char VoicemailKind[] = "voicemail";

struct InboxItem
{
    QString id;
    QString kind; // TextKind, VoicemailKind
    Owner owner;
    QString from;
    QString to;
    QString createdAt; // ISO-8601 UTC
    QString body;
    QStringList media;
    QString recordingUrl;
    int durationSeconds = 0;
    bool read = false;
    bool archived = false;
    QString assignedTo;   // empty: nobody
    QString conversation; // empty: none
    bool closed = false;

    bool isVoicemail() const { return kind == QLatin1StringView(VoicemailKind); }
    QJsonObject toJson() const;
    static InboxItem fromJson(const QJsonObject &o);
    friend bool operator==(const InboxItem &, const InboxItem &) = default;
};

struct InboxPage
{
    QList<InboxItem> items;
    QString next; // empty: the last page

    QJsonObject toJson() const;
    static InboxPage fromJson(const QJsonObject &o);
};

// Items not archived, per owner and kind.
struct InboxCounts
{
    struct Count
    {
        int total = 0;
        int unread = 0;
    };
    QHash<QString, QHash<QString, Count>> byOwner; // Owner::queryKey() -> kind -> count

    Count of(const QString &ownerKey, const QString &kind) const
    {
        return byOwner.value(ownerKey).value(kind);
    }
    QJsonObject toJson() const;
    static InboxCounts fromJson(const QJsonObject &o);
};

// PATCH /api/v1/inbox/ID: what to change.
struct InboxChange
{
    std::optional<bool> read, archived, closed;
    std::optional<QString> assignedTo; // empty string: unassigned

    QJsonObject toJson() const;
    // nullopt with a sentence (in `error`) for a body that is not a change.
    static std::optional<InboxChange> fromJson(const QJsonObject &o, QString *error);
};

// A reply to a text, and what became of it.
struct Reply
{
    QString id, itemId, to, from, body, createdAt;
    QString status; // queued, sent, delivered, undelivered, failed
    // Why it failed or was not delivered (the carrier's own words), or why it still waits.
    QString error;
    QString carrierSid; // the carrier's message sid, once it took the message
    QString sentAt;     // when the carrier took it; empty before
    QString updatedAt;  // the last change of status
    int attempts = 0;   // requests made to the carrier
    // routerd's own, not in the API: when it was last queued (a retry's start), from which a
    // message the carrier took but whose answer was lost is looked for.
    QString triedSince;
    QStringList earlierSids; // routerd's own: messages of its earlier tries (never reused)

    bool isQueued() const { return status == u"queued"; }
    // Failed or undelivered: the sender may be asked to try again.
    bool canRetry() const { return status == u"failed" || status == u"undelivered"; }
    QJsonObject toJson() const;
    static Reply fromJson(const QJsonObject &o);
};
QJsonObject repliesToJson(const QList<Reply> &replies);
QList<Reply> repliesFromJson(const QJsonObject &o);

// POST /api/v1/inbox/ID/reply: its body, and the answer.
QJsonObject replyRequest(const QString &body);
struct ReplyResult
{
    Reply reply;
    bool sent = false;
    QString reason; // why not, when not sent

    QJsonObject toJson() const;
    static ReplyResult fromJson(const QJsonObject &o);
};

// --- the carrier account ----------------------------------------------------------------

// One number of the carrier account, as GET /api/v1/carrier/numbers lists it.
struct CarrierNumber
{
    QString number;       // E.164
    QString friendlyName; // the carrier's label
    QString sid;          // the carrier's id of the number
    QString voiceUrl, smsUrl;
    bool wired = false;             // both URLs point at this backend, by POST
    QString voiceMethod, smsMethod; // GET or POST (empty: the carrier's default, POST)

    QJsonObject toJson() const;
    static CarrierNumber fromJson(const QJsonObject &o);
};
struct CarrierNumbers
{
    QList<CarrierNumber> numbers;
    QString voiceUrl, smsUrl; // what a number wired to this backend has

    QJsonObject toJson() const;
    static CarrierNumbers fromJson(const QJsonObject &o);
};
// POST /api/v1/carrier/numbers/wire: the numbers to wire (empty: every routed one), and
// reading that body back (an empty body is no numbers; nullopt with `error` when malformed).
QJsonObject wireRequest(const QStringList &numbers);
std::optional<QStringList> wireRequestFromJson(const QByteArray &body, QString *error);
struct WireResult
{
    QStringList wired;
    QList<std::pair<QString, QString>> skipped; // number, why

    QJsonObject toJson() const;
    static WireResult fromJson(const QJsonObject &o);
};

// --- presence ---------------------------------------------------------------------------

// Whether each channel of a group reaches a user (no record: both).
struct Activity
{
    bool voice = true;
    bool sms = true;
    friend bool operator==(const Activity &, const Activity &) = default;
};

struct Presence
{
    bool available = true;
    QHash<QString, Activity> groups; // group id -> activity

    QJsonObject toJson() const;
    static Presence fromJson(const QJsonObject &o);
};
// GET /api/v1/presence: everyone's.
QJsonObject presenceListToJson(const QHash<QString, Presence> &users);
QHash<QString, Presence> presenceListFromJson(const QJsonObject &o);

// PUT /api/v1/presence/USER: only the fields given change.
struct PresenceChange
{
    std::optional<bool> available;
    QHash<QString, std::pair<std::optional<bool>, std::optional<bool>>> groups; // voice, sms

    bool isEmpty() const { return !available && groups.isEmpty(); }
    QJsonObject toJson() const;
    static std::optional<PresenceChange> fromJson(const QJsonObject &o, QString *error);
};

// --- configuration ------------------------------------------------------------------------

inline constexpr char AdminTokenPusher[] = "admin-token";
struct RevisionInfo
{
    int revision = 0;
    QString pushedAt;
    QString pushedBy; // a user id, or AdminTokenPusher
};
QJsonArray revisionsToJson(const QList<RevisionInfo> &revisions);
QList<RevisionInfo> revisionsFromJson(const QJsonArray &a);

// Findings as the API gives them: {"path", "message", "rule"}.
QJsonArray findingsToJson(const Findings &findings, Severity severity);
Findings findingsFromJson(const QJsonArray &a, Severity severity);

// --- sign-in ----------------------------------------------------------------------------

// POST /api/v1/session: the body, and the answer.
QJsonObject signInRequest(const QString &login, const QString &password);
struct Session
{
    QString token;
    QString user;
    QString role;
    QString expiresAt; // ISO-8601 UTC: 30 days unused from now

    QJsonObject toJson() const;
    static Session fromJson(const QJsonObject &o);
};

// GET /api/v1/me: who the token belongs to. `user` is empty for the admin token.
struct Me
{
    QString user;
    QString name;
    QString role;
    QStringList groups; // the groups they are a member of, in the current configuration

    QJsonObject toJson() const;
    static Me fromJson(const QJsonObject &o);
};

// PUT /api/v1/me/password and /api/v1/users/ID/password.
QJsonObject passwordChange(const QString &current, const QString &password);

// GET /api/v1/directory: who is who, for everyone signed in (no e-mail, devices, numbers).
struct Directory
{
    struct Person
    {
        QString id;
        QString name;
    };
    struct Team
    {
        QString id;
        QString name;
        QString department;
        QStringList members; // in ring order
    };
    QList<Person> users;
    QList<Team> groups;

    QJsonObject toJson() const;
    static Directory fromJson(const QJsonObject &o);
};

// /healthz: the current revision; -1 when the answer is not routerd's.
int healthRevision(const QJsonObject &o);
QJsonObject healthJson(int revision);

} // namespace Switchboard::Api
