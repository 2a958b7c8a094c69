#pragma once

// Pushing the configuration to switchboard-routerd, the parts the console and switchboardctl
// share: what the organization's database remembers about the last push (where to, the
// revision last seen, a fingerprint of what was sent, so "unpushed changes" can be told), and
// what a PUT's answer means.

#include "backend/backendclient.h"
#include "model/organization.h"

#include <QCoreApplication>

namespace Switchboard {

class OrganizationStore;

struct PushRecord
{
    QString url;         // the backend pushed to
    int revision = 0;    // the backend's revision last seen (pushed, or reloaded from it)
    QString fingerprint; // of the document that revision holds

    static PushRecord load(OrganizationStore &store);
    bool save(OrganizationStore &store, QString *error) const;
};

// A fingerprint of a configuration document (its canonical form, so equal organizations
// have equal fingerprints).
QString documentFingerprint(const QByteArray &document);
QString organizationFingerprint(const Organization &organization);

struct PushResult
{
    Q_DECLARE_TR_FUNCTIONS(PushResult)

public:
    enum Outcome
    {
        Pushed,
        Invalid,  // 400: the backend found errors; nothing changed there
        Conflict, // 412/428: the backend is at another revision than the one we started from
        Failed    // unreachable, refused, ...
    };
    Outcome outcome = Failed;
    int revision = 0;   // Pushed: the new revision; Conflict: the backend's
    QStringList errors; // "path: message", from the backend
    QStringList warnings;
    QString message;

    static PushResult from(const BackendResponse &reply);
};

} // namespace Switchboard
