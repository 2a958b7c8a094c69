#pragma once

// Where switchboardctl keeps the session of its last login to each backend: one file per URL
// (named by a hash of it), readable by this user only (0600, in a 0700 folder), under
// ~/.config/switchboard/ctl-sessions. The console keeps its own in the keychain.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace Switchboard {

class CtlSessions
{
    Q_DECLARE_TR_FUNCTIONS(CtlSessions)

public:
    static QString path(const QUrl &backend);
    static std::optional<QByteArray> load(const QUrl &backend);
    static bool save(const QUrl &backend, const QByteArray &token, QString *error);
    // A line from standard input, not echoed when it is a terminal.
    static QByteArray readSecretLine();
};

} // namespace Switchboard
