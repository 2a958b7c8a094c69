#pragma once

// The console's settings for this person on this computer (~/.config/switchboard/console.conf
// on Linux): who is signed in at the inbox, a backend's certificate authority file. What
// belongs to the organization lives in its database instead; secrets in the keychain.

#include <QSettings>

namespace Switchboard {

class ConsoleSettings : public QSettings
{
public:
    ConsoleSettings()
        : QSettings(QSettings::UserScope, QStringLiteral("switchboard"), QStringLiteral("console"))
    {}
};

} // namespace Switchboard
