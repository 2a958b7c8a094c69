#pragma once

// Where the console keeps the backend's admin token: the system keychain (QtKeychain), or,
// when no keychain service runs, a file only this user can read (mode 0600, in a folder of
// mode 0700). Never in the database, which a team may share.

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

#include <optional>

namespace Switchboard {

class CredentialStore
{
    Q_DECLARE_TR_FUNCTIONS(CredentialStore)

public:
    enum class Place
    {
        Keychain,
        File
    };
    struct Result
    {
        bool ok = false;
        Place place = Place::Keychain;
        QString error;
    };

    // `account`: what the token opens (the backend's URL).
    static Result save(const QString &account, const QByteArray &token);
    // Reads the token without blocking (a keychain may take its time, or ask the user);
    // `done` runs unless `context` is gone by then.
    static void fetch(const QString &account, QObject *context,
                      std::function<void(std::optional<QByteArray>)> done);
    // The same, waiting for it.
    static std::optional<QByteArray> load(const QString &account);
    static void remove(const QString &account);

    // The file used when no keychain runs. SWITCHBOARD_KEYCHAIN=off uses it always (tests,
    // and machines whose keychain asks questions nobody can answer).
    static QString fallbackPath(const QString &account);
    static bool keychainDisabled();
};

} // namespace Switchboard
