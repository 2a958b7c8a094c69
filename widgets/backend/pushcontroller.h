#pragma once

// The console's Push: validate (errors block, warnings may be accepted), send with If-Match
// the revision last seen, and when the backend has moved on since (412), show what changed
// there and let the user reload theirs, overwrite with ours, or export ours to a file. The
// questions go through PushInteraction, so tests answer them; the network is asynchronous and
// the console stays usable meanwhile.

#include "backend/push.h"
#include "model/changesummary.h"
#include "validation/finding.h"

#include <QObject>
#include <QPointer>

#include <memory>

#include <QNetworkReply>

namespace Switchboard {

class BackendConnection;
class OrganizationDocument;

struct PushConflict
{
    int basedOn = 0;              // the revision we started from (0: none from this backend)
    int theirs = 0;               // the backend's
    QList<ChangeSection> changes; // what changed there since `basedOn`
    QString overview;             // when basedOn is 0: what the backend holds
};

class PushInteraction
{
public:
    enum class Resolution
    {
        Reload,
        Overwrite,
        Export,
        Cancel
    };

    virtual ~PushInteraction() = default;
    virtual void showErrors(const Findings &errors) = 0;
    virtual bool acceptWarnings(const Findings &warnings) = 0;
    virtual Resolution resolveConflict(const PushConflict &conflict) = 0;
    virtual QString exportPath() = 0; // empty: cancelled
    virtual void showRefused(const QString &message, const QStringList &errors) = 0;
    virtual void showFailure(const QString &message) = 0;
    // Work under way ("Sending…"), or done (empty).
    virtual void progress(const QString &text) = 0;
};

class PushController : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Pushed,
        Reloaded,
        Exported,
        Blocked,   // local errors, or warnings not accepted
        Refused,   // the backend found errors
        Cancelled, // by the user, in the conflict
        Failed     // unreachable, token refused, ...
    };
    Q_ENUM(Outcome)

    PushController(OrganizationDocument *document, BackendConnection *connection,
                   QObject *parent = nullptr);
    ~PushController() override;

    void setInteraction(std::unique_ptr<PushInteraction> interaction);
    // Called before the organization is replaced by the backend's (reload): false keeps it
    // (an open flow builder with unsaved edits that the user wants to keep).
    void setBeforeReload(std::function<bool()> check) { m_beforeReload = std::move(check); }

    bool isBusy() const { return m_busy; }
    void push();
    void cancel();

signals:
    void finished(Switchboard::PushController::Outcome outcome, const QString &message);

private:
    void send(int basedOn);
    void conflict(int theirs);
    void resolve(const PushConflict &conflict, const Organization &theirs,
                 const QByteArray &theirDocument);
    void done(Outcome outcome, const QString &message);

    OrganizationDocument *m_document;
    BackendConnection *m_connection;
    std::unique_ptr<PushInteraction> m_interaction;
    std::function<bool()> m_beforeReload;
    QByteArray m_sending; // the document being pushed
    Organization m_sendingOrganization;
    QPointer<QNetworkReply> m_request;
    bool m_busy = false;
};

} // namespace Switchboard
