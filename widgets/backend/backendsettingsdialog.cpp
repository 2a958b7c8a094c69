#include "backendsettingsdialog.h"

#include "backend/routerdclient.h"

#include "backend/backendconnection.h"
#include "backend/credentialstore.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

BackendSettingsDialog::BackendSettingsDialog(BackendConnection *connection, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_url(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_ca(new QLineEdit(this))
    , m_result(new QLabel(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
{
    setWindowTitle(tr("Routing backend"));
    // Named, so that the tests can find them.
    m_url->setObjectName(u"urlEdit"_s);
    m_token->setObjectName(u"tokenEdit"_s);
    m_ca->setObjectName(u"caEdit"_s);
    m_result->setObjectName(u"resultLabel"_s);
    const BackendSettings current = connection->settings();
    m_url->setText(current.url.toString());
    m_url->setPlaceholderText(u"https://phones.example.com"_s);
    m_token->setText(QString::fromUtf8(current.token));
    m_token->setEchoMode(QLineEdit::Password);
    QAction *reveal =
        m_token->addAction(QIcon(u":/icons/actions/show.svg"_s), QLineEdit::TrailingPosition);
    reveal->setToolTip(tr("Show the token"));
    reveal->setCheckable(true);
    connect(reveal, &QAction::toggled, this, [this](bool on) {
        m_token->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    m_ca->setText(current.caFile);
    m_ca->setPlaceholderText(tr("none: the system's certificate authorities"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
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

    auto *form = new QFormLayout;
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("Admin &token:"), m_token);
    auto *caLabel = new QLabel(tr("&Certificate authority:"), this);
    caLabel->setBuddy(m_ca); // a row of a layout gets no buddy by itself
    form->addRow(caLabel, caRow);
    auto *where =
        new QLabel(CredentialStore::keychainDisabled()
                       ? tr("The token is kept in a file only you can read.")
                       : tr("The token is kept in the system keychain (or, where there is "
                            "none, in a file only you can read), never in the database."),
                   this);
    where->setWordWrap(true);
    where->setStyleSheet(u"color: palette(mid)"_s);

    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    connect(m_test, &QPushButton::clicked, this, &BackendSettingsDialog::testConnection);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &BackendSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(where);
    layout->addLayout(testRow);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

BackendSettings BackendSettingsDialog::settings() const
{
    return {QUrl::fromUserInput(m_url->text().trimmed()), m_token->text().trimmed().toUtf8(),
            m_ca->text().trimmed()};
}

bool BackendSettingsDialog::check(QString *error) const
{
    const BackendSettings s = settings();
    if (m_url->text().trimmed().isEmpty())
        return true; // no backend: allowed
    if (!s.isConfigured() || (s.url.scheme() != u"http" && s.url.scheme() != u"https")) {
        *error = tr("The URL must start with http:// or https://.");
        return false;
    }
    if (s.token.isEmpty()) {
        *error = tr("The admin token is missing.");
        return false;
    }
    return BackendClient::checkCaFile(s.caFile, error);
}

void BackendSettingsDialog::testConnection()
{
    QString error;
    if (!check(&error)) {
        m_result->setText(error);
        return;
    }
    m_probe.setSettings(settings());
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting…"));
    const RouterdClient api(&m_probe);
    api.health(this, [this, api](const BackendResponse &health, int revision) {
        if (!health.ok()) {
            m_test->setEnabled(true);
            m_result->setText(health.error);
            return;
        }
        api.checkToken(this, [this, revision](const BackendResponse &auth) {
            m_test->setEnabled(true);
            m_result->setText(auth.ok()
                                  ? tr("Connected: the backend is at revision %1.").arg(revision)
                                  : auth.error);
        });
    });
}

void BackendSettingsDialog::accept()
{
    QString error;
    if (!check(&error) || !m_connection->configure(settings(), &error)) {
        m_result->setText(error);
        QMessageBox::warning(this, tr("Routing backend"), error);
        return;
    }
    QDialog::accept();
}

} // namespace Switchboard
