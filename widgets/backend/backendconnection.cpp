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

// This user's settings for one backend: its CA file, and who signed in there last.
QString backendKey(const QString &url, const QString &name)
{
    return u"backends/"_s + QString::fromLatin1(url.toUtf8().toPercentEncoding()) + u'/' + name;
}

// Where a token is kept: per URL, and per person for a session (the admin token: the URL).
QString account(const QString &url, const QString &login)
{
    return login.isEmpty() ? url : login + u" at "_s + url;
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
    const ConsoleSettings settings;
    const QString login = settings.value(backendKey(url, u"login"_s)).toString();
    const QString ca = settings.value(backendKey(url, u"caFile"_s)).toString();
    CredentialStore::fetch(
        account(url, login), this, [this, url, login, ca](std::optional<QByteArray> token) {
            m_client.setSettings({QUrl(url), token.value_or(QByteArray()), ca, login});
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
    const CredentialStore::Result kept =
        CredentialStore::save(account(url, settings.login), settings.token);
    if (!kept.ok) {
        *error = kept.error;
        return false;
    }
    ConsoleSettings console;
    console.setValue(backendKey(url, u"caFile"_s), settings.caFile);
    console.setValue(backendKey(url, u"login"_s), settings.login);
    m_client.setSettings(settings);
    setIdentity(std::nullopt);
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

void BackendConnection::signIn(const QUrl &url, const QString &caFile, const QString &login,
                               const QString &password,
                               std::function<void(bool, const QString &)> done)
{
    auto *probe = new BackendClient(this);
    probe->setSettings({url, {}, caFile, {}});
    RouterdClient(probe).signIn(
        login, password, probe,
        [this, probe, url, caFile, done](const BackendResponse &r, const Api::Session &session) {
            probe->deleteLater();
            if (!r.ok()) {
                // routerd's own sentence ("That login and password do not match.") says it best.
                const QString said = r.object().value(u"error").toString();
                done(false, r.status == 401 || r.status == 429 ? said : r.error);
                return;
            }
            QString error;
            const bool kept =
                configure({url, session.token.toLatin1(), caFile, session.user}, &error);
            done(kept, error);
        });
}

void BackendConnection::signOut()
{
    const BackendSettings was = m_client.settings();
    if (!was.token.isEmpty() && !was.login.isEmpty()) {
        // The backend ends the session; whatever it answers, this computer forgets it.
        auto *ending = new BackendClient(this);
        ending->setSettings(was);
        RouterdClient(ending).signOut(ending,
                                      [ending](const BackendResponse &) { ending->deleteLater(); });
    }
    CredentialStore::remove(account(was.url.toString(), was.login));
    m_client.setSettings({was.url, {}, was.caFile, was.login});
    m_poll.stop();
    setIdentity(std::nullopt);
    setState(was.isConfigured() ? State::SignedOut : State::NotConfigured, -1, {});
}

std::optional<Role> BackendConnection::role() const
{
    return m_identity ? roleFromKey(m_identity->role) : std::nullopt;
}

QString BackendConnection::identityText() const
{
    if (!m_identity)
        return {};
    if (m_identity->user.isEmpty())
        return tr("the admin token");
    const std::optional<Role> r = role();
    const QString roleName = !r                    ? m_identity->role
                             : *r == Role::Admin   ? tr("admin")
                             : *r == Role::Manager ? tr("manager")
                                                   : tr("agent");
    return tr("%1 (%2)").arg(m_identity->name.isEmpty() ? m_identity->user : m_identity->name,
                             roleName);
}

void BackendConnection::setIdentity(const std::optional<Api::Me> &identity)
{
    const bool same =
        identity.has_value() == m_identity.has_value() &&
        (!identity ||
         (identity->user == m_identity->user && identity->role == m_identity->role &&
          identity->name == m_identity->name && identity->groups == m_identity->groups));
    m_identity = identity;
    if (!same)
        emit identityChanged();
}

void BackendConnection::check()
{
    if (!m_client.isConfigured()) {
        setState(State::NotConfigured, -1, {});
        return;
    }
    if (m_client.settings().token.isEmpty()) {
        setState(State::SignedOut, -1, {});
        return;
    }
    // Health says the revision; who the token is, that it is taken (and what they may do).
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
        api.me(this, [this, revision](const BackendResponse &auth, const Api::Me &me) {
            if (auth.ok()) {
                setIdentity(me);
                setState(State::Connected, revision, {});
                return;
            }
            if (auth.failure == BackendResponse::Unreachable) {
                setState(State::Unreachable, revision, auth.error); // who it is stays known
                return;
            }
            const bool ended =
                auth.failure == BackendResponse::Refused && !m_client.settings().login.isEmpty();
            setIdentity(std::nullopt);
            setState(State::Refused, revision, auth.error);
            // A session that ended asks for a new one, once: the poll stops until then.
            if (ended) {
                m_poll.stop();
                emit signInRequired();
            }
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
        // It answered: with a revision, it would not take the sign-in (a wrong or ended
        // token); without, it answered its health check with an error.
        return (m_remoteRevision >= 0 ? tr("Backend: sign-in not accepted")
                                      : tr("Backend: answered with an error")) +
               unpushed;
    case State::SignedOut:
        return tr("Backend: signed out") + unpushed;
    }
    return {};
}

} // namespace Switchboard
