#include "userdialog.h"

#include "backend/routerdclient.h"
#include "shell/consolelook.h"

#include "model/appletvalues.h"

#include "model/identifiers.h"

#include <QComboBox>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
enum DeviceColumn
{
    KindColumn,
    AddressColumn
};
enum GreetingKind
{
    NoGreeting,
    SayGreeting,
    PlayGreeting
};

QString deviceProblem(DeviceKind kind, const QString &address)
{
    switch (kind) {
    case DeviceKind::Phone:
        return isE164(address) ? QString()
                               : UserDialog::tr("\"%1\" is not a phone number in E.164 form, "
                                                "like +15125550100.")
                                     .arg(address);
    case DeviceKind::Sip:
        return isSipAddress(address) ? QString()
                                     : UserDialog::tr("\"%1\" is not a SIP address, like "
                                                      "sip:nancy@pbx.example.com.")
                                           .arg(address);
    case DeviceKind::Client:
        break;
    }
    return isValidId(address) ? QString()
                              : UserDialog::tr("\"%1\" is not a valid app name: use letters, "
                                               "digits, '_', '.' or '-'.")
                                    .arg(address);
}
} // namespace

UserDialog::UserDialog(const User &user, QWidget *parent)
    : QDialog(parent)
    , m_user(user)
    , m_name(new QLineEdit(user.name, this))
    , m_email(new QLineEdit(user.email, this))
    , m_role(new QComboBox(this))
    , m_devices(new QTableWidget(0, 2, this))
    , m_greetingKind(new QComboBox(this))
    , m_greeting(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(user.id.isEmpty() ? tr("Add User") : tr("Edit %1").arg(user.name));
    // Named, so that the tests can find them.
    m_name->setObjectName(u"nameField"_s);
    m_devices->setObjectName(u"devicesTable"_s);
    m_role->setObjectName(u"roleField"_s);
    m_role->addItem(tr("Agent: their own inbox and their groups'"), int(Role::Agent));
    m_role->addItem(tr("Manager: users, groups and their order"), int(Role::Manager));
    m_role->addItem(tr("Admin: everything"), int(Role::Admin));
    m_role->setCurrentIndex(m_role->findData(int(user.role)));

    m_devices->setHorizontalHeaderLabels({tr("Kind"), tr("Address")});
    m_devices->horizontalHeader()->setStretchLastSection(true);
    m_devices->verticalHeader()->hide();
    m_devices->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (const Device &d : user.devices)
        addDevice(d.kind, d.address);
    auto *addDeviceButton = new QToolButton(this);
    addDeviceButton->setIcon(ConsoleLook::icon(u":/icons/actions/add.svg"_s));
    addDeviceButton->setText(tr("Add Device"));
    addDeviceButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(addDeviceButton, &QToolButton::clicked, this, [this] {
        addDevice(DeviceKind::Phone, QString());
        m_devices->setCurrentCell(m_devices->rowCount() - 1, AddressColumn);
        m_devices->editItem(m_devices->item(m_devices->rowCount() - 1, AddressColumn));
    });
    auto *removeDeviceButton = new QToolButton(this);
    removeDeviceButton->setIcon(ConsoleLook::icon(u":/icons/actions/remove.svg"_s));
    removeDeviceButton->setText(tr("Remove Device"));
    removeDeviceButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(removeDeviceButton, &QToolButton::clicked, this, [this] {
        if (m_devices->currentRow() >= 0)
            m_devices->removeRow(m_devices->currentRow());
        updateState();
    });
    connect(m_devices, &QTableWidget::itemChanged, this, &UserDialog::updateState);

    m_greetingKind->addItem(tr("No personal greeting"), NoGreeting);
    m_greetingKind->addItem(tr("Say this text"), SayGreeting);
    m_greetingKind->addItem(tr("Play the sound at this URL"), PlayGreeting);
    if (const auto greeting = user.greeting ? Prompt::fromJson(*user.greeting) : std::nullopt) {
        m_greetingKind->setCurrentIndex(greeting->plays() ? PlayGreeting : SayGreeting);
        m_greeting->setPlainText(greeting->text);
    }
    m_greeting->setMaximumHeight(70);
    connect(m_greetingKind, &QComboBox::currentIndexChanged, this, &UserDialog::updateState);
    connect(m_greeting, &QPlainTextEdit::textChanged, this, &UserDialog::updateState);
    connect(m_name, &QLineEdit::textChanged, this, &UserDialog::updateState);

    m_problem->setWordWrap(true);
    ConsoleLook::setTone(m_problem, ConsoleLook::Tone::Problem);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *deviceButtons = new QHBoxLayout;
    deviceButtons->addWidget(addDeviceButton);
    deviceButtons->addWidget(removeDeviceButton);
    deviceButtons->addStretch();
    auto *form = m_form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Role:"), m_role);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Devices (all ring together):"), this));
    layout->addWidget(m_devices);
    layout->addLayout(deviceButtons);
    layout->addWidget(new QLabel(tr("Voicemail greeting:"), this));
    layout->addWidget(m_greetingKind);
    layout->addWidget(m_greeting);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_passwordStatus = new QLabel(this);
    m_passwordStatus->setObjectName(u"passwordStatus"_s);
    m_passwordStatus->setWordWrap(true);
    m_passwordStatus->hide();
    resize(520, 520);
    updateState();
}

void UserDialog::addDevice(DeviceKind kind, const QString &address)
{
    const int row = m_devices->rowCount();
    m_devices->insertRow(row);
    auto *kindBox = new QComboBox(m_devices);
    kindBox->addItem(tr("Phone number"), int(DeviceKind::Phone));
    kindBox->addItem(tr("SIP address"), int(DeviceKind::Sip));
    kindBox->addItem(tr("Switchboard app"), int(DeviceKind::Client));
    kindBox->setCurrentIndex(kindBox->findData(int(kind)));
    connect(kindBox, &QComboBox::currentIndexChanged, this, &UserDialog::updateState);
    m_devices->setCellWidget(row, KindColumn, kindBox);
    m_devices->setItem(row, AddressColumn, new QTableWidgetItem(address));
    // The kind column as wide as its drop-downs ("Switchboard app", not "Switchboarc"), and
    // the rows as tall.
    m_devices->horizontalHeader()->resizeSection(
        KindColumn, std::max(m_devices->horizontalHeader()->sectionSize(KindColumn),
                             kindBox->sizeHint().width()));
    m_devices->verticalHeader()->resizeSection(
        row, std::max(m_devices->verticalHeader()->sectionSize(row), kindBox->sizeHint().height()));
    updateState();
}

User UserDialog::user() const
{
    User u = m_user;
    u.name = m_name->text().trimmed();
    u.email = m_email->text().trimmed();
    u.role = Role(m_role->currentData().toInt());
    u.devices.clear();
    for (int row = 0; row < m_devices->rowCount(); ++row) {
        const auto *kindBox = qobject_cast<QComboBox *>(m_devices->cellWidget(row, KindColumn));
        const QTableWidgetItem *address = m_devices->item(row, AddressColumn);
        u.devices.append(Device{DeviceKind(kindBox->currentData().toInt()),
                                address ? address->text().trimmed() : QString()});
    }
    const QString text = m_greeting->toPlainText().trimmed();
    switch (m_greetingKind->currentData().toInt()) {
    case SayGreeting:
        u.greeting = Prompt::say(text).toJson();
        break;
    case PlayGreeting:
        u.greeting = Prompt::play(text).toJson();
        break;
    default:
        u.greeting.reset();
    }
    return u;
}

QString UserDialog::problem() const
{
    const User u = user();
    if (u.name.isEmpty())
        return tr("Give the user a name.");
    for (int row = 0; row < u.devices.size(); ++row) {
        const QString p = deviceProblem(u.devices.at(row).kind, u.devices.at(row).address);
        if (!p.isEmpty())
            return tr("Device %1: %2").arg(row + 1).arg(p);
    }
    if (u.greeting) {
        const QString text = m_greeting->toPlainText().trimmed();
        if (text.isEmpty())
            return tr("Write the greeting, or choose no personal greeting.");
        if (m_greetingKind->currentData().toInt() == PlayGreeting && !isHttpUrl(text))
            return tr("The greeting's sound must be an http or https URL.");
    }
    return {};
}

void UserDialog::updateState()
{
    const QString p = problem();
    m_problem->setText(p);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    m_greeting->setEnabled(m_greetingKind->currentData().toInt() != NoGreeting);
    const QString name = m_name->text().trimmed();
    m_greeting->setPlaceholderText(m_greetingKind->currentData().toInt() == PlayGreeting
                                       ? u"https://example.com/greeting.mp3"_s
                                       : tr("You have reached %1. Please leave a message.")
                                             .arg(name.isEmpty() ? tr("us") : name));
}

void UserDialog::offerPasswordSetting(BackendClient *backend)
{
    if (m_user.id.isEmpty() || m_backend)
        return; // a user the backend does not know yet has no password to set
    m_backend = backend;
    // A row of the form, under the role: the password goes with who they are.
    auto *set = new QPushButton(tr("Set &password…"), this);
    set->setObjectName(u"setPasswordButton"_s);
    set->setToolTip(tr("Set %1's password on the routing backend").arg(m_user.displayName()));
    connect(set, &QPushButton::clicked, this, &UserDialog::askForPassword);
    auto *row = new QHBoxLayout;
    row->addWidget(set);
    row->addWidget(m_passwordStatus, 1);
    m_passwordStatus->setText(tr("Kept by the routing backend only."));
    m_passwordStatus->show();
    m_form->addRow(tr("Password:"), row);
    setTabOrder(m_role, set); // Tab goes down the form: the role, then the password
}

QDialog *UserDialog::askForPassword()
{
    auto *ask = new QDialog(this);
    ask->setObjectName(u"passwordDialog"_s);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Set %1's password").arg(m_user.displayName()));
    auto *password = new QLineEdit(ask);
    auto *again = new QLineEdit(ask);
    password->setObjectName(u"newPasswordEdit"_s);
    again->setObjectName(u"repeatPasswordEdit"_s);
    for (QLineEdit *e : {password, again})
        e->setEchoMode(QLineEdit::Password);
    auto *why = new QLabel(ask);
    why->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, ask);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Set password"));
    const auto check = [=] {
        const QString p = password->text();
        const QString problem = p.size() < 10        ? tr("At least 10 characters.")
                                : again->text() != p ? tr("The two passwords differ.")
                                                     : QString();
        why->setText(problem);
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    };
    connect(password, &QLineEdit::textChanged, ask, check);
    connect(again, &QLineEdit::textChanged, ask, check);
    check();
    connect(buttons, &QDialogButtonBox::rejected, ask, &QDialog::reject);
    password->setMinimumWidth(260);
    connect(buttons, &QDialogButtonBox::accepted, ask, [this, ask, password] {
        m_passwordStatus->setText(tr("Setting the password…"));
        RouterdClient(m_backend).setPassword(
            m_user.id, password->text(), this, [this](const BackendResponse &r) {
                m_passwordStatus->setText(
                    r.ok() ? tr("Password set. %1 signs in with it from now on; their other "
                                "sessions have ended.")
                                 .arg(m_user.displayName())
                           : tr("The password was not set: %1").arg(r.error));
            });
        ask->accept();
    });
    auto *form = new QFormLayout;
    form->addRow(tr("&New password:"), password);
    form->addRow(tr("&Again:"), again);
    auto *layout = new QVBoxLayout(ask);
    layout->addLayout(form);
    layout->addWidget(why);
    layout->addWidget(buttons);
    ask->open();
    return ask;
}

} // namespace Switchboard
