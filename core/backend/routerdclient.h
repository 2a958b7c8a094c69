#pragma once

// routerd's API as typed calls, for the console and switchboardctl: each builds its request
// from core/api's vocabulary and hands the answer back as typed values, so no caller spells
// a path or a JSON key. The answer's BackendResponse says whether it worked, and why not.

#include "api/vocabulary.h"
#include "backend/backendclient.h"

#include <functional>

namespace Switchboard {

class RouterdClient
{
public:
    template<typename T> using Done = std::function<void(const BackendResponse &, const T &)>;
    using Plain = std::function<void(const BackendResponse &)>;

    explicit RouterdClient(BackendClient *client)
        : m_client(client)
    {}
    BackendClient *backend() const { return m_client; }

    // /healthz: the current revision (-1: not routerd's answer).
    QNetworkReply *health(QObject *context, Done<int> done) const;
    // Who the token belongs to (and so whether it is taken).
    QNetworkReply *me(QObject *context, Done<Api::Me> done) const;
    // Signing in and out; an admin setting someone's password.
    QNetworkReply *signIn(const QString &login, const QString &password, QObject *context,
                          Done<Api::Session> done) const;
    QNetworkReply *signOut(QObject *context, Plain done) const;
    QNetworkReply *setPassword(const QString &user, const QString &password, QObject *context,
                               Plain done) const;
    QNetworkReply *revisions(QObject *context, Done<QList<Api::RevisionInfo>> done) const;
    // The configuration document of the current revision, and of an older one.
    QNetworkReply *configuration(QObject *context, Plain done) const;
    QNetworkReply *revision(int revision, QObject *context, Plain done) const;

    QNetworkReply *inbox(const Api::InboxQuery &query, QObject *context,
                         Done<Api::InboxPage> done) const;
    QNetworkReply *counts(const QList<Owner> &owners, QObject *context,
                          Done<Api::InboxCounts> done) const;
    QNetworkReply *changeItem(const QString &id, const Api::InboxChange &change, QObject *context,
                              Done<Api::InboxItem> done) const;
    QNetworkReply *deleteItem(const QString &id, QObject *context, Plain done) const;
    QNetworkReply *reply(const QString &id, const QString &body, QObject *context,
                         Done<Api::ReplyResult> done) const;
    QNetworkReply *replies(const QString &id, QObject *context, Done<QList<Api::Reply>> done) const;
    // A failed or undelivered reply queued again.
    QNetworkReply *retryReply(const QString &item, const QString &reply, QObject *context,
                              Done<Api::Reply> done) const;
    // A voicemail's recording: its bytes, and the content type in the response.
    QNetworkReply *recording(const QString &item, QObject *context, Plain done) const;

    // The carrier account's numbers, and wiring them to this backend (empty: every routed one).
    QNetworkReply *carrierNumbers(QObject *context, Done<Api::CarrierNumbers> done) const;
    QNetworkReply *wireNumbers(const QStringList &numbers, QObject *context,
                               Done<Api::WireResult> done) const;

    QNetworkReply *presence(QObject *context, Done<QHash<QString, Api::Presence>> done) const;
    QNetworkReply *setPresence(const QString &user, const Api::PresenceChange &change,
                               QObject *context, Done<Api::Presence> done) const;

private:
    BackendClient *m_client;
};

} // namespace Switchboard
