#include "signindialog.h"

#include "backend/routerdclient.h"
#include "shell/consolelook.h"

#include "backend/backendconnection.h"
#include "backend/credentialstore.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

SignInDialog::SignInDialog(BackendConnection *connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_url(new QLineEdit(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_useToken(new QCheckBox(tr("Use the backend's &admin token instead (first setup)"), this))
    , m_token(new QLineEdit(this))
    , m_ca(new QLineEdit(this))
    , m_result(new QLabel(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in to the routing backend"));
    // Named, so that the tests can find them.
    m_url->setObjectName(u"urlEdit"_s);
    m_login->setObjectName(u"loginEdit"_s);
    m_password->setObjectName(u"passwordEdit"_s);
    m_useToken->setObjectName(u"adminTokenCheck"_s);
    m_token->setObjectName(u"tokenEdit"_s);
    m_ca->setObjectName(u"caEdit"_s);
    m_result->setObjectName(u"resultLabel"_s);
    const BackendSettings current = connection->settings();
    m_url->setText(current.url.toString());
    m_url->setPlaceholderText(u"https://phones.example.com"_s);
    m_login->setText(current.login);
    m_login->setPlaceholderText(tr("nancy@example.com"));
    m_password->setEchoMode(QLineEdit::Password);
    // The admin token is offered when it is what this computer used last.
    const bool tokenInUse = !current.token.isEmpty() && current.login.isEmpty();
    m_useToken->setChecked(tokenInUse);
    if (tokenInUse)
        m_token->setText(QString::fromUtf8(current.token));
    m_token->setEchoMode(QLineEdit::Password);
    QAction *reveal = m_token->addAction(ConsoleLook::icon(u":/icons/actions/show.svg"_s),
                                         QLineEdit::TrailingPosition);
    reveal->setToolTip(tr("Show the token"));
    reveal->setCheckable(true);
    connect(reveal, &QAction::toggled, this, [this](bool on) {
        m_token->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    m_ca->setText(current.caFile);
    m_ca->setPlaceholderText(tr("none: the system's certificate authorities"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(u"browseButton"_s);
    // Return anywhere but on a button of their own means "Sign in": neither these two nor
    // the focus they keep after a test ever turn Return into opening a file chooser.
    browse->setAutoDefault(false);
    m_test->setAutoDefault(false);
    m_test->setObjectName(u"testButton"_s);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Certificate authority"), m_ca->text(),
                                         tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_ca->setText(path);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_ca, 1);
    caRow->addWidget(browse);

    auto *form = m_form = new QFormLayout;
    form->addRow(tr("&URL:"), m_url);
    // The choice above what it changes: ticked, the rows under it change and it stays under
    // the pointer.
    form->addRow(QString(), m_useToken);
    form->addRow(tr("&E-mail or user id:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Admin &token:"), m_token);
    auto *caLabel = new QLabel(tr("&Certificate authority:"), this);
    caLabel->setBuddy(m_ca); // a row of a layout gets no buddy by itself
    form->addRow(caLabel, caRow);
    connect(m_useToken, &QCheckBox::toggled, this, &SignInDialog::updateMode);
    // Tab goes down the form as it reads (the check box was made after the rows under it).
    setTabOrder(m_url, m_useToken);
    setTabOrder(m_useToken, m_login);
    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_token);
    setTabOrder(m_token, m_ca);
    auto *where =
        new QLabel(CredentialStore::keychainDisabled()
                       ? tr("Your session is kept in a file only you can read.")
                       : tr("Your session is kept in the system keychain (or, where there is "
                            "none, in a file only you can read), never in the database."),
                   this);
    where->setWordWrap(true);
    ConsoleLook::setTone(where, ConsoleLook::Tone::Quiet);

    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    connect(m_test, &QPushButton::clicked, this, &SignInDialog::testConnection);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(where);
    layout->addLayout(testRow);
    layout->addStretch();
    layout->addWidget(m_buttons);
    updateMode();
    resize(560, sizeHint().height());
    // Where there is something to type first.
    (m_url->text().isEmpty()     ? m_url
     : m_login->text().isEmpty() ? m_login
                                 : m_password)
        ->setFocus();
}

void SignInDialog::updateMode()
{
    const bool token = m_useToken->isChecked();
    m_form->setRowVisible(m_login, !token);
    m_form->setRowVisible(m_password, !token);
    m_form->setRowVisible(m_token, token);
    // Typing goes on where the new mode needs it.
    if (m_useToken->hasFocus())
        (token ? m_token : m_login->text().isEmpty() ? m_login : m_password)->setFocus();
    // The dialog as tall as its rows: no empty band where the hidden rows were.
    if (layout()) {
        layout()->activate();
        resize(width(), sizeHint().height());
    }
}

void SignInDialog::setMessage(const QString &text)
{
    m_result->setText(text);
}

bool SignInDialog::usesAdminToken() const
{
    return m_useToken->isChecked();
}

BackendSettings SignInDialog::settings() const
{
    return {QUrl::fromUserInput(m_url->text().trimmed()),
            usesAdminToken() ? m_token->text().trimmed().toUtf8() : QByteArray(),
            m_ca->text().trimmed(), usesAdminToken() ? QString() : m_login->text().trimmed()};
}

bool SignInDialog::check(QString *error) const
{
    const BackendSettings s = settings();
    if (m_url->text().trimmed().isEmpty())
        return true; // no backend: allowed
    if (!s.isConfigured() || (s.url.scheme() != u"http" && s.url.scheme() != u"https")) {
        *error = tr("The URL must start with http:// or https://.");
        return false;
    }
    if (usesAdminToken() && s.token.isEmpty()) {
        *error = tr("The admin token is missing.");
        return false;
    }
    return BackendClient::checkCaFile(s.caFile, error);
}

void SignInDialog::testConnection()
{
    if (m_testing)
        return; // one test at a time; the button keeps the focus meanwhile
    QString error;
    if (m_url->text().trimmed().isEmpty()) {
        m_result->setText(tr("Give the backend's URL first, such as https://phones.example.com."));
        m_url->setFocus();
        return;
    }
    if (!check(&error)) {
        m_result->setText(error);
        return;
    }
    m_probe.setSettings(settings());
    m_testing = true;
    m_result->setText(tr("Connecting…"));
    const RouterdClient api(&m_probe);
    api.health(this, [this, api](const BackendResponse &health, int revision) {
        if (!health.ok() || !usesAdminToken()) {
            m_testing = false;
            m_result->setText(health.ok() ? tr("The backend answers, at revision %1.").arg(revision)
                                          : health.error);
            return;
        }
        api.me(this, [this, revision](const BackendResponse &auth, const Api::Me &) {
            m_testing = false;
            m_result->setText(auth.ok()
                                  ? tr("Connected: the backend is at revision %1.").arg(revision)
                                  : auth.error);
        });
    });
}

void SignInDialog::accept()
{
    if (m_busy)
        return;
    QString error;
    const BackendSettings s = settings();
    const bool noBackend = m_url->text().trimmed().isEmpty();
    if (!check(&error)) {
        m_result->setText(error);
        return;
    }
    if (noBackend || usesAdminToken()) {
        if (!m_connection->configure(noBackend ? BackendSettings() : s, &error)) {
            m_result->setText(error);
            QMessageBox::warning(this, windowTitle(), error);
            return;
        }
        QDialog::accept();
        return;
    }
    if (s.login.isEmpty() || m_password->text().isEmpty()) {
        m_result->setText(tr("Give your e-mail address (or user id) and your password."));
        (s.login.isEmpty() ? m_login : m_password)->setFocus();
        return;
    }
    m_busy = true;
    m_buttons->setEnabled(false);
    m_result->setText(tr("Signing in…"));
    m_connection->signIn(s.url, s.caFile, s.login, m_password->text(),
                         [guard = QPointer<SignInDialog>(this)](bool ok, const QString &why) {
                             if (!guard)
                                 return;
                             guard->m_busy = false;
                             guard->m_buttons->setEnabled(true);
                             if (ok) {
                                 guard->m_password->clear();
                                 guard->QDialog::accept();
                                 return;
                             }
                             guard->m_result->setText(why);
                             guard->m_password->selectAll();
                             guard->m_password->setFocus();
                         });
}

} // namespace Switchboard
