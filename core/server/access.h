#pragma once

// Who is asking routerd, and what their role allows (core/server/API.md, "Sign-in and
// roles"): the admin token or a person's session; Argon2id password hashes and session
// tokens (libsodium); and what a manager's push may change.

#include "model/appletvalues.h"
#include "model/organization.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Switchboard {

// Whoever a request's token belongs to.
struct Principal
{
    bool adminToken = false; // the bootstrap token: an admin without a user
    QString user;            // the person (empty for the admin token)
    Role role = Role::Agent;
    QSet<QString> groups; // the groups they are a member of, in the current configuration
    QByteArray tokenHash; // their session's

    bool isAdmin() const { return role == Role::Admin; }
    bool isManager() const { return role == Role::Manager; }
    // "admin-token" or the user's id: who pushed a revision.
    QString pusher() const;
    // Whether an inbox owned by `owner` is theirs to read: admins every one, others their
    // own and their groups'.
    bool reaches(const Owner &owner) const;
    // Their own and their groups' owners (for a non-admin's inbox list).
    QList<Owner> owners() const;
};

namespace Access {

// The groups `user` is a member of.
QSet<QString> groupsOf(const Organization &organization, const QString &user);

// Argon2id (libsodium's crypto_pwhash_str, its interactive limits); the hash carries its
// own salt and parameters. Empty when it could not be made (out of memory).
QString hashPassword(const QString &password);
bool verifyPassword(const QString &hash, const QString &password);
static constexpr int MinPasswordLength = 10;

// A new session token: 32 random bytes (256 bits), base64url; and what is kept of it.
QByteArray newToken();
QByteArray tokenHash(const QByteArray &token);

// What a manager's push would change that only an admin may (everything but `users` and
// `groups`; making anyone admin; changing or removing an admin): the paths, in the pushed
// document's terms. Empty when the push is theirs to make.
QStringList managerRefusals(const Organization &before, const Organization &after);

} // namespace Access

} // namespace Switchboard
