#pragma once

// Where the routing backend is: its URL, the admin token (kept in the keychain, never in the
// database) and, for a backend whose certificate comes from your own authority, that
// authority's certificate file. "Test connection" tries them before they are kept.

#include "backend/backendclient.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchboard {

class BackendConnection;

class BackendSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    BackendSettingsDialog(BackendConnection *connection, QWidget *parent = nullptr);

    BackendSettings settings() const;
    void testConnection();

    void accept() override;

private:
    bool check(QString *error) const;

    BackendConnection *m_connection;
    BackendClient m_probe;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QLineEdit *m_ca;
    QLabel *m_result;
    QPushButton *m_test;
};

} // namespace Switchboard
