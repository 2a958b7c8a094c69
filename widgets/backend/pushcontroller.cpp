#include "pushcontroller.h"

#include "backend/routerdclient.h"

#include "backend/backendconnection.h"
#include "config/configdocument.h"
#include "document/documentcommands.h"
#include "document/organizationdocument.h"

#include <QNetworkReply>
#include <QSaveFile>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

PushController::PushController(OrganizationDocument *document, BackendConnection *connection,
                               QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_connection(connection)
{}

PushController::~PushController()
{
    cancel();
}

void PushController::setInteraction(std::unique_ptr<PushInteraction> interaction)
{
    m_interaction = std::move(interaction);
}

void PushController::cancel()
{
    if (m_request)
        m_request->abort();
}

void PushController::push()
{
    if (m_busy || !m_interaction)
        return;
    m_busy = true;
    m_document->validateNow();
    Findings errors, warnings;
    for (const Finding &f : m_document->findings())
        (f.isError() ? errors : warnings).append(f);
    if (!errors.isEmpty()) {
        m_interaction->showErrors(errors);
        done(Outcome::Blocked,
             tr("Not pushed: the configuration has %n error(s).", nullptr, int(errors.size())));
        return;
    }
    if (!warnings.isEmpty() && !m_interaction->acceptWarnings(warnings)) {
        done(Outcome::Blocked, tr("Not pushed."));
        return;
    }
    m_sendingOrganization = m_document->organization();
    m_sending = writeConfigDocument(m_sendingOrganization);
    send(m_connection->basedOn());
}

void PushController::send(int basedOn)
{
    m_interaction->progress(
        tr("Sending the configuration to %1…").arg(m_connection->settings().url.toDisplayString()));
    m_request = m_connection->client()->putConfig(
        m_sending, basedOn, this, [this](const BackendResponse &reply) {
            const PushResult result = PushResult::from(reply);
            switch (result.outcome) {
            case PushResult::Pushed: {
                QString error;
                m_connection->setRecord({m_connection->settings().url.toString(), result.revision,
                                         documentFingerprint(m_sending)},
                                        m_sendingOrganization, &error);
                m_connection->check();
                done(Outcome::Pushed, result.message);
                return;
            }
            case PushResult::Conflict:
                conflict(result.revision);
                return;
            case PushResult::Invalid:
                m_interaction->progress({});
                m_interaction->showRefused(result.message, result.errors);
                done(Outcome::Refused, result.message);
                return;
            case PushResult::Failed:
                m_interaction->progress({});
                m_interaction->showFailure(result.message);
                m_connection->check();
                done(Outcome::Failed, result.message);
                return;
            }
        });
}

void PushController::conflict(int theirs)
{
    // What changed there: their current configuration against the revision we started from.
    m_interaction->progress(tr("The configuration changed on the backend; fetching what changed…"));
    const int basedOn = m_connection->basedOn();
    BackendClient *client = m_connection->client();
    m_request = RouterdClient(client).configuration(this, [this, basedOn, theirs,
                                                           client](const BackendResponse &current) {
        if (!current.ok()) {
            m_interaction->progress({});
            m_interaction->showFailure(current.error);
            done(Outcome::Failed, current.error);
            return;
        }
        const int theirRevision = current.etagRevision() > 0 ? current.etagRevision() : theirs;
        auto compare = [this, basedOn, theirRevision,
                        body = current.body](const Organization &before) {
            const Organization after = readConfigDocument(body).organization;
            PushConflict c{basedOn, theirRevision, {}, {}};
            if (basedOn > 0)
                c.changes = ChangeSummary::describe(before, after);
            else
                c.overview = ChangeSummary::overview(after);
            m_interaction->progress({});
            resolve(c, after, body);
        };
        if (basedOn <= 0) {
            compare(Organization());
            return;
        }
        m_request =
            RouterdClient(client).revision(basedOn, this, [compare](const BackendResponse &base) {
                compare(base.ok() ? readConfigDocument(base.body).organization : Organization());
            });
    });
}

void PushController::resolve(const PushConflict &conflict, const Organization &theirs,
                             const QByteArray &theirDocument)
{
    for (;;) {
        switch (m_interaction->resolveConflict(conflict)) {
        case PushInteraction::Resolution::Overwrite:
            send(conflict.theirs);
            return;
        case PushInteraction::Resolution::Reload: {
            if (m_beforeReload && !m_beforeReload()) {
                done(Outcome::Cancelled, tr("Not reloaded."));
                return;
            }
            m_document->undoStack()->push(new ReplaceOrganizationCommand(
                m_document, theirs,
                tr("Reload revision %1 from the backend").arg(conflict.theirs)));
            QString error;
            m_connection->setRecord({m_connection->settings().url.toString(), conflict.theirs,
                                     documentFingerprint(theirDocument)},
                                    theirs, &error);
            done(Outcome::Reloaded,
                 tr("Reloaded revision %1 from the backend. Save to keep it here.")
                     .arg(conflict.theirs));
            return;
        }
        case PushInteraction::Resolution::Export: {
            const QString path = m_interaction->exportPath();
            if (path.isEmpty())
                continue; // back to the question
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(m_sending) != m_sending.size() ||
                !file.commit()) {
                m_interaction->showFailure(tr("Cannot write %1: %2").arg(path, file.errorString()));
                continue;
            }
            done(Outcome::Exported, tr("Your configuration was written to %1; the backend keeps "
                                       "revision %2.")
                                        .arg(path)
                                        .arg(conflict.theirs));
            return;
        }
        case PushInteraction::Resolution::Cancel:
            done(Outcome::Cancelled,
                 tr("Not pushed: the backend keeps revision %1.").arg(conflict.theirs));
            return;
        }
    }
}

void PushController::done(Outcome outcome, const QString &message)
{
    m_interaction->progress({});
    m_busy = false;
    emit finished(outcome, message);
}

} // namespace Switchboard
