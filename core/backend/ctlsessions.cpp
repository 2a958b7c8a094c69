#include "ctlsessions.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QString folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           u"/switchboard/ctl-sessions"_s;
}
} // namespace

QString CtlSessions::path(const QUrl &backend)
{
    const QByteArray key =
        QCryptographicHash::hash(backend.toString(QUrl::StripTrailingSlash).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(24);
    return folder() + u'/' + QString::fromLatin1(key) + u".token"_s;
}

std::optional<QByteArray> CtlSessions::load(const QUrl &backend)
{
    QFile file(path(backend));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray token = file.readAll().trimmed();
    return token.isEmpty() ? std::nullopt : std::optional(token);
}

bool CtlSessions::save(const QUrl &backend, const QByteArray &token, QString *error)
{
    const QString dir = folder();
    if (!QDir().mkpath(dir) ||
        !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        *error = tr("Cannot make the folder %1.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    QSaveFile file(path(backend));
    // Readable by this user alone from the start: the token is never in a wider file.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(token + '\n') < 0 || !file.commit()) {
        *error = tr("Cannot keep the session in %1: %2")
                     .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    return true;
}

QByteArray CtlSessions::readSecretLine()
{
    termios saved{};
    const bool terminal = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    return QByteArray::fromStdString(line);
}

} // namespace Switchboard
