#include "backendconnection.h"

#include "backend/routerdclient.h"

#include "backend/credentialstore.h"
#include "document/organizationdocument.h"
#include "store/organizationstore.h"

#include "consolesettings.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
const QString urlKey = u"backend.url"_s;

QString caKey(const QString &url)
{
    return u"backends/"_s + QString::fromLatin1(url.toUtf8().toPercentEncoding()) + u"/caFile"_s;
}
} // namespace

BackendConnection::BackendConnection(OrganizationDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_record = PushRecord::load(document->store());
    m_poll.setInterval(15000);
    connect(&m_poll, &QTimer::timeout, this, &BackendConnection::check);
    connect(document, &OrganizationDocument::changed, this, &BackendConnection::updateUnpushed);
    connect(document, &OrganizationDocument::organizationReset, this,
            &BackendConnection::updateUnpushed);
    compareWithPushedInBackground();

    const QString url = document->store().setting(urlKey);
    if (url.isEmpty())
        return;
    // The token comes from the keychain without holding up the start: the connection is
    // "connecting" until it is there.
    m_state = State::Checking;
    CredentialStore::fetch(url, this, [this, url](std::optional<QByteArray> token) {
        m_client.setSettings({QUrl(url), token.value_or(QByteArray()),
                              ConsoleSettings().value(caKey(url)).toString()});
        updateUnpushed();
        m_poll.start();
        check();
    });
}

void BackendConnection::compareWithPushedInBackground()
{
    // At start only the pushed document's fingerprint is known. Computing one means writing
    // the whole document (0.2 s for 10,000 users): done on a worker thread, on a copy.
    if (m_record.fingerprint.isEmpty())
        return;
    const Organization copy = m_document->organization();
    const QString expected = m_record.fingerprint;
    QPointer<BackendConnection> guard(this);
    QThreadPool::globalInstance()->start([copy, expected, guard] {
        const bool same = organizationFingerprint(copy) == expected;
        QMetaObject::invokeMethod(
            qApp,
            [copy, same, expected, guard] {
                if (guard && same && guard->m_record.fingerprint == expected) {
                    guard->m_pushed = copy;
                    guard->updateUnpushed();
                }
            },
            Qt::QueuedConnection);
    });
}

bool BackendConnection::configure(const BackendSettings &settings, QString *error)
{
    const QString url = settings.url.toString();
    if (!m_document->store().setSetting(urlKey, url, error))
        return false;
    const CredentialStore::Result kept = CredentialStore::save(url, settings.token);
    if (!kept.ok) {
        *error = kept.error;
        return false;
    }
    ConsoleSettings().setValue(caKey(url), settings.caFile);
    m_client.setSettings(settings);
    updateUnpushed();
    setState(settings.isConfigured() ? State::Checking : State::NotConfigured, -1, {});
    if (settings.isConfigured()) {
        m_poll.start();
        check();
    } else {
        m_poll.stop();
    }
    return true;
}

void BackendConnection::check()
{
    if (!m_client.isConfigured()) {
        setState(State::NotConfigured, -1, {});
        return;
    }
    // Health says the revision; a call that needs the token, that the token is accepted.
    const RouterdClient api(&m_client);
    api.health(this, [this, api](const BackendResponse &health, int revision) {
        if (!health.ok()) {
            setState(health.failure == BackendResponse::Unreachable ||
                             health.failure == BackendResponse::Tls
                         ? State::Unreachable
                         : State::Refused,
                     -1, health.error);
            return;
        }
        api.checkToken(this, [this, revision](const BackendResponse &auth) {
            if (!auth.ok())
                setState(auth.failure == BackendResponse::Unreachable ? State::Unreachable
                                                                      : State::Refused,
                         revision, auth.error);
            else
                setState(State::Connected, revision, {});
        });
    });
}

bool BackendConnection::setRecord(const PushRecord &record, const Organization &pushed,
                                  QString *error)
{
    m_record = record;
    m_pushed = pushed;
    const bool kept = record.save(m_document->store(), error);
    m_remoteRevision = record.revision;
    updateUnpushed();
    emit stateChanged();
    return kept;
}

int BackendConnection::basedOn() const
{
    return m_record.url == m_client.settings().url.toString() ? m_record.revision : 0;
}

void BackendConnection::setState(State state, int revision, const QString &error)
{
    m_state = state;
    if (revision >= 0 || state != State::Unreachable)
        m_remoteRevision = revision;
    m_error = error;
    emit stateChanged();
}

void BackendConnection::updateUnpushed()
{
    const bool unpushed = m_record.url != m_client.settings().url.toString() || !m_pushed ||
                          !(*m_pushed == m_document->organization());
    if (unpushed != m_unpushed) {
        m_unpushed = unpushed;
        emit stateChanged();
    }
}

QString BackendConnection::statusText() const
{
    const QString unpushed = m_unpushed ? tr(" — unpushed changes") : QString();
    switch (m_state) {
    case State::NotConfigured:
        return tr("Backend: not configured");
    case State::Checking:
        return tr("Backend: connecting…") + unpushed;
    case State::Connected:
        return tr("Backend: connected at revision %1").arg(m_remoteRevision) + unpushed;
    case State::Unreachable:
        return tr("Backend: unreachable") + unpushed;
    case State::Refused:
        return tr("Backend: refused the connection") + unpushed;
    }
    return {};
}

} // namespace Switchboard
