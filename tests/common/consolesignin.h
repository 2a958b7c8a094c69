#pragma once

// For the console's tests against a real routerd: a user gets a password (set with the admin
// token, as an admin would) and signs in through the console's BackendConnection, as the
// sign-in dialog does. True once the console shows them signed in.

#include "api/vocabulary.h"
#include "backend/backendclient.h"
#include "backend/backendconnection.h"
#include "routerdprocess.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrl>

namespace Switchboard::Test {

inline bool signInAs(BackendConnection *connection, const QString &base, const QString &user)
{
    using namespace Qt::StringLiterals;
    const QString password = u"a password for "_s + user;
    BackendClient admin;
    admin.setSettings({QUrl(base), adminToken, {}, {}});
    const BackendResponse set = admin.sendAndWait(
        "PUT", Api::passwordPath(user), QJsonDocument(Api::passwordChange({}, password)).toJson());
    if (!set.ok()) {
        qWarning("password not set: %s", qPrintable(set.error));
        return false;
    }
    bool done = false, ok = false;
    connection->signIn(QUrl(base), {}, user, password, [&](bool worked, const QString &why) {
        done = true;
        ok = worked;
        if (!worked)
            qWarning("not signed in: %s", qPrintable(why));
    });
    return QTest::qWaitFor([&] { return done; }, 10000) && ok &&
           QTest::qWaitFor(
               [&] { return connection->identity() && connection->identity()->user == user; },
               10000);
}

} // namespace Switchboard::Test
