#include "access.h"

#include "api/vocabulary.h"
#include "config/configdocument.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <mutex>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
void initSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qFatal("libsodium cannot start");
    });
}
} // namespace

QString Principal::pusher() const
{
    return adminToken ? QString::fromLatin1(Api::AdminTokenPusher) : user;
}

bool Principal::reaches(const Owner &owner) const
{
    if (isAdmin())
        return true;
    return owner.kind == Owner::Kind::User ? owner.id == user : groups.contains(owner.id);
}

QList<Owner> Principal::owners() const
{
    QList<Owner> list{Owner::user(user)};
    for (const QString &g : groups)
        list.append(Owner::group(g));
    return list;
}

namespace Access {

QSet<QString> groupsOf(const Organization &organization, const QString &user)
{
    QSet<QString> groups;
    for (const Group &g : organization.groups) {
        if (g.indexOfMember(user) >= 0)
            groups.insert(g.id);
    }
    return groups;
}

QString hashPassword(const QString &password)
{
    initSodium();
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), quint64(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QString::fromLatin1(hash);
}

bool verifyPassword(const QString &hash, const QString &password)
{
    initSodium();
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size())) ==
           0;
}

QByteArray newToken()
{
    initSodium();
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray tokenHash(const QByteArray &token)
{
    // A token is 256 random bits: a fast hash keeps it as safe as a slow one would.
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

QStringList managerRefusals(const Organization &before, const Organization &after)
{
    const QJsonObject old = QJsonDocument::fromJson(writeConfigDocument(before)).object();
    const QJsonObject now = QJsonDocument::fromJson(writeConfigDocument(after)).object();
    QStringList paths;
    QSet<QString> keys;
    for (const QString &k : old.keys())
        keys.insert(k);
    for (const QString &k : now.keys())
        keys.insert(k);
    keys.remove(u"users"_s);
    keys.remove(u"groups"_s);
    for (const QString &key : std::as_const(keys)) {
        if (old.value(key) != now.value(key))
            paths.append(key);
    }
    QHash<QString, QJsonObject> oldUsers;
    for (const QJsonValue &u : old.value(u"users").toArray())
        oldUsers.insert(u[u"id"].toString(), u.toObject());
    const QString admin = roleKey(Role::Admin);
    const QJsonArray newUsers = now.value(u"users").toArray();
    QSet<QString> kept;
    for (qsizetype i = 0; i < newUsers.size(); ++i) {
        const QJsonObject u = newUsers.at(i).toObject();
        const QString id = u.value(u"id").toString();
        const auto was = oldUsers.constFind(id);
        const bool wasAdmin = was != oldUsers.cend() && was->value(u"role").toString() == admin;
        if (wasAdmin && *was == u)
            kept.insert(id);
        else if (wasAdmin)
            paths.append(u"users[%1]"_s.arg(i)); // an admin changed
        else if (u.value(u"role").toString() == admin)
            paths.append(u"users[%1].role"_s.arg(i)); // someone made admin
    }
    for (auto it = oldUsers.cbegin(); it != oldUsers.cend(); ++it) {
        if (it->value(u"role").toString() == admin && !kept.contains(it.key()) &&
            !after.user(it.key()))
            paths.append(u"users"_s); // an admin removed
    }
    paths.removeDuplicates();
    std::sort(paths.begin(), paths.end());
    return paths;
}

} // namespace Access

} // namespace Switchboard
