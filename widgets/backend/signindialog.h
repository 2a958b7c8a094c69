#pragma once

// Signing in to the routing backend: its URL, who you are (e-mail address or user id) and your
// password; the session's token is kept in the keychain, never in the database. For first
// setup and automation, the backend's admin token instead of a person. For a backend whose
// certificate comes from your own authority, that authority's certificate file. "Test
// connection" tries the URL before anything is kept.

#include "backend/backendclient.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchboard {

class BackendConnection;

class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(BackendConnection *connection, QWidget *parent = nullptr);

    // What the fields say (the token only with "use the admin token").
    BackendSettings settings() const;
    bool usesAdminToken() const;
    // A line above the buttons: why signing in is asked for, or what went wrong.
    void setMessage(const QString &text);
    void testConnection();

    // Signs in (or keeps the admin token); closes once that worked, else says why and stays.
    void accept() override;

private:
    bool check(QString *error) const;
    void updateMode();

    BackendConnection *m_connection;
    BackendClient m_probe;
    QLineEdit *m_url;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QCheckBox *m_useToken;
    QLineEdit *m_token;
    QLineEdit *m_ca;
    QLabel *m_result;
    QPushButton *m_test;
    QDialogButtonBox *m_buttons;
    QFormLayout *m_form = nullptr;
    bool m_busy = false;
    bool m_testing = false;
};

} // namespace Switchboard
