#pragma once

#include "model/organization.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace Switchboard {

// Add or edit a user: name, email, role, devices (each checked as it is typed: E.164 for
// phones, sip:user@host for SIP, a plain name for the app) and a personal greeting.
class UserDialog : public QDialog
{
    Q_OBJECT

public:
    explicit UserDialog(const User &user, QWidget *parent = nullptr);

    User user() const;
    // Why the form cannot be accepted yet; empty when it can.
    QString problem() const;

    void addDevice(DeviceKind kind, const QString &address);

    // For an admin signed in to the backend: "Set password…", which asks for the new
    // password twice and sets it there (every session of theirs ends). Passwords are the
    // backend's alone: nothing of them is kept in the organization.
    void offerPasswordSetting(class BackendClient *backend);
    // Opens the password prompt (the button's action); it sets the password when accepted.
    QDialog *askForPassword();

private:
    void updateState();

    User m_user;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QComboBox *m_role;
    QTableWidget *m_devices;
    QComboBox *m_greetingKind;
    QPlainTextEdit *m_greeting;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QLabel *m_passwordStatus = nullptr;
    QFormLayout *m_form = nullptr;
    class BackendClient *m_backend = nullptr;
};

} // namespace Switchboard
