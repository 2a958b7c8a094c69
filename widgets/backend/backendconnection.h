#pragma once

// The console's link to switchboard-routerd: where it is (the URL, kept with the
// organization), who is signed in there (their session's token in the keychain, per URL and
// person; who it was in this user's settings, as is a CA file), whether it answers and at which
// revision, and whether the organization differs from what was last pushed ("unpushed
// changes"). It asks routerd's health and who the token is now and then; the console works the
// same whether the backend answers or not.

#include "api/vocabulary.h"
#include "backend/backendclient.h"
#include "backend/push.h"

#include <QObject>
#include <QTimer>

namespace Switchboard {

class OrganizationDocument;

class BackendConnection : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        NotConfigured,
        Checking,
        Connected,
        Unreachable, // no answer, or a certificate not trusted
        Refused,     // answered, but not to this token (or not as a backend)
        SignedOut    // a backend, and nobody signed in to it
    };
    Q_ENUM(State)

    explicit BackendConnection(OrganizationDocument *document, QObject *parent = nullptr);

    BackendClient *client() { return &m_client; }
    BackendSettings settings() const { return m_client.settings(); }
    // Keeps the settings (the token in the keychain, or the fallback file) and checks them.
    bool configure(const BackendSettings &settings, QString *error);
    // Signs `login` in at `url` and keeps the session as configure() does; `done` says
    // whether it worked, and why not.
    void signIn(const QUrl &url, const QString &caFile, const QString &login,
                const QString &password, std::function<void(bool, const QString &)> done);
    // Ends the session (at the backend too, when it answers) and forgets its token.
    void signOut();
    // Who the token belongs to, once the backend said so; nullopt when nobody is signed in
    // (or it is not known yet).
    const std::optional<Api::Me> &identity() const { return m_identity; }
    // Their role; nullopt when nobody is signed in, and the console is the local
    // organization's editor, as without a backend.
    std::optional<Role> role() const;
    // "Nancy Ortiz (agent)", "the admin token"; empty when nobody is signed in.
    QString identityText() const;

    State state() const { return m_state; }
    int remoteRevision() const { return m_remoteRevision; }
    QString lastError() const { return m_error; }
    // The organization (saved or not) differs from the revision last pushed or reloaded.
    bool hasUnpushedChanges() const { return m_unpushed; }
    PushRecord record() const { return m_record; }
    // After a push or a reload: the backend is at `record.revision`, holding `pushed`.
    bool setRecord(const PushRecord &record, const Organization &pushed, QString *error);
    // The revision a push is based on: the one last seen on this very backend, else 0.
    int basedOn() const;

    // One line for the status bar.
    QString statusText() const;

    void setPollInterval(int milliseconds) { m_poll.setInterval(milliseconds); }

public slots:
    void check();

signals:
    void stateChanged();
    void identityChanged();
    // A session that ended (expired, signed out elsewhere, password changed): sign in again.
    void signInRequired();

private:
    void setIdentity(const std::optional<Api::Me> &identity);
    void setState(State state, int revision, const QString &error);
    void updateUnpushed();
    void compareWithPushedInBackground();

    OrganizationDocument *m_document;
    BackendClient m_client;
    PushRecord m_record;
    State m_state = State::NotConfigured;
    int m_remoteRevision = -1;
    QString m_error;
    std::optional<Api::Me> m_identity;
    bool m_unpushed = true;
    // What the backend holds, when known to equal an organization seen here: comparing with
    // it costs next to nothing (the lists share their data), unlike a fingerprint of the
    // whole document.
    std::optional<Organization> m_pushed;
    QTimer m_poll;
};

} // namespace Switchboard
