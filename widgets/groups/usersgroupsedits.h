#pragma once

// What managers do to users and groups, each gesture one undo step with a readable text:
// add users to a group (dropped or from a menu), remove and reorder members, switch a
// member's channels, add, edit and delete users and groups. The item models' drops and
// the page's buttons, menus and keys all come here, so the rules live in one place.

#include "model/organization.h"

#include <QObject>

namespace Switchboard {

class OrganizationDocument;

class UsersGroupsEdits : public QObject
{
    Q_OBJECT

public:
    explicit UsersGroupsEdits(OrganizationDocument *document, QObject *parent = nullptr);

    OrganizationDocument *document() const { return m_document; }

    // Adds those of `userIds` who are not yet members, at `row` (-1: at the end). Says who
    // was already there. Returns how many were added.
    int addUsers(const QString &groupId, const QStringList &userIds, int row = -1);
    bool removeMembers(const QString &groupId, const QList<int> &rows);
    // Moves the members at `rows` together to `destination` (a row counted before the move).
    bool moveMembers(const QString &groupId, const QList<int> &rows, int destination);
    // One step up (-1) or down (+1), for Alt+Up / Alt+Down.
    bool moveMember(const QString &groupId, int row, int delta);
    bool setTakesPart(const QString &groupId, int row, Channel channel, bool takesPart);

    QString addUser(const User &user); // returns the new user's id
    bool editUser(const QString &userId, const User &user);
    // Deletes a user: their memberships go; applets and contacts that name them are handed
    // to `replacementId` when one is given (else validation shows them).
    bool deleteUser(const QString &userId, const QString &replacementId = {});

    QString addGroup(const QString &name, const QString &department); // returns the new id
    bool editGroup(const QString &groupId, const QString &name, const QString &department);
    // Deletes a group; applets that use it use `replacementId` instead, when given.
    bool deleteGroup(const QString &groupId, const QString &replacementId = {});

    QString userName(const QString &userId) const;
    QString groupName(const QString &groupId) const;

signals:
    // Something the person should hear about a gesture (a user already in the group, ...).
    void message(const QString &text);

private:
    OrganizationDocument *m_document;
};

} // namespace Switchboard
