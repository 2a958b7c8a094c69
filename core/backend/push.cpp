#include "push.h"

#include "config/configdocument.h"
#include "store/organizationstore.h"

#include <QCryptographicHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
const QString urlKey = u"push.url"_s;
const QString revisionKey = u"push.revision"_s;
const QString fingerprintKey = u"push.fingerprint"_s;

QStringList findings(const QJsonArray &list)
{
    QStringList out;
    for (const QJsonValue &f : list)
        out.append(f.toObject().value(u"path").toString() + u": "_s +
                   f.toObject().value(u"message").toString());
    return out;
}
} // namespace

PushRecord PushRecord::load(OrganizationStore &store)
{
    PushRecord record;
    record.url = store.setting(urlKey);
    record.revision = store.setting(revisionKey).toInt();
    record.fingerprint = store.setting(fingerprintKey);
    return record;
}

bool PushRecord::save(OrganizationStore &store, QString *error) const
{
    return store.setSetting(urlKey, url, error) &&
           store.setSetting(revisionKey, QString::number(revision), error) &&
           store.setSetting(fingerprintKey, fingerprint, error);
}

QString documentFingerprint(const QByteArray &document)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(document, QCryptographicHash::Sha256).toHex());
}

QString organizationFingerprint(const Organization &organization)
{
    return documentFingerprint(writeConfigDocument(organization));
}

PushResult PushResult::from(const BackendResponse &reply)
{
    PushResult result;
    const QJsonObject body = reply.object();
    result.warnings = findings(body.value(u"warnings").toArray());
    if (reply.ok()) {
        result.outcome = Pushed;
        result.revision = body.value(u"revision").toInt();
        result.message = tr("Pushed: the backend is at revision %1.").arg(result.revision);
    } else if (reply.status == 412 || reply.status == 428) {
        result.outcome = Conflict;
        result.revision = body.value(u"revision").toInt();
        result.message = tr("The configuration on the backend changed since you last pushed: it "
                            "is at revision %1 now.")
                             .arg(result.revision);
    } else if (reply.status == 400 && reply.failure == BackendResponse::Http) {
        result.outcome = Invalid;
        result.errors = findings(body.value(u"errors").toArray());
        result.message = tr("The backend refused the configuration: it has errors. Nothing "
                            "changed there.");
    } else {
        result.outcome = Failed;
        result.message = reply.error;
    }
    return result;
}

} // namespace Switchboard
