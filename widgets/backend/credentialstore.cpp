#include "credentialstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
const QString service = u"Switchboard backend"_s;

// QtKeychain's jobs are asynchronous; saving settings waits for them (briefly: a keychain that
// does not answer in time counts as none).
template<typename Job> bool runJob(Job &job)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!finished)
        loop.exec();
    return finished && job.error() == QKeychain::NoError;
}

QFile::Permissions ownerOnly()
{
    return QFile::ReadOwner | QFile::WriteOwner;
}
} // namespace

bool CredentialStore::keychainDisabled()
{
    return qEnvironmentVariable("SWITCHBOARD_KEYCHAIN") == u"off";
}

QString CredentialStore::fallbackPath(const QString &account)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    const QByteArray name =
        QCryptographicHash::hash(account.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return dir + u"/tokens/"_s + QString::fromLatin1(name) + u".token"_s;
}

CredentialStore::Result CredentialStore::save(const QString &account, const QByteArray &token)
{
    if (!keychainDisabled()) {
        QKeychain::WritePasswordJob job(service);
        job.setKey(account);
        job.setBinaryData(token);
        if (runJob(job)) {
            QFile::remove(fallbackPath(account)); // one place only
            return {true, Place::Keychain, {}};
        }
    }
    const QString path = fallbackPath(account);
    const QString dir = QFileInfo(path).path();
    if (!QDir().mkpath(dir) ||
        !QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return {false, Place::File, tr("Cannot create %1.").arg(dir)};
    QFile file(path);
    // Created 0600 from the start (and made so if it existed), so it is never readable by
    // others, not even for a moment.
    if (file.exists() && !file.setPermissions(ownerOnly()))
        return {false, Place::File, tr("Cannot protect %1: %2").arg(path, file.errorString())};
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly()) ||
        file.write(token) != token.size() || !file.flush())
        return {false, Place::File, tr("Cannot write %1: %2").arg(path, file.errorString())};
    return {true, Place::File, {}};
}

namespace {
std::optional<QByteArray> readFallback(const QString &account)
{
    QFile file(CredentialStore::fallbackPath(account));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}
} // namespace

void CredentialStore::fetch(const QString &account, QObject *context,
                            std::function<void(std::optional<QByteArray>)> done)
{
    if (keychainDisabled()) {
        done(readFallback(account));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service); // deletes itself when finished
    job->setKey(account);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, account, done] {
        done(job->error() == QKeychain::NoError ? std::optional(job->binaryData())
                                                : readFallback(account));
    });
    job->start();
}

std::optional<QByteArray> CredentialStore::load(const QString &account)
{
    std::optional<QByteArray> token;
    bool finished = false;
    QEventLoop loop;
    fetch(account, &loop, [&](std::optional<QByteArray> t) {
        token = std::move(t);
        finished = true;
        loop.quit();
    });
    if (!finished) {
        QTimer::singleShot(10000, &loop, &QEventLoop::quit); // a keychain that never answers
        loop.exec();
    }
    return token;
}

void CredentialStore::remove(const QString &account)
{
    if (!keychainDisabled()) {
        QKeychain::DeletePasswordJob job(service);
        job.setKey(account);
        runJob(job);
    }
    QFile::remove(fallbackPath(account));
}

} // namespace Switchboard
