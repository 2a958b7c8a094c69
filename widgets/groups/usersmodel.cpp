#include "usersmodel.h"

#include "document/organizationdocument.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

UsersModel::UsersModel(OrganizationDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &OrganizationDocument::organizationReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document->organization().users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
QString roleName(Switchboard::Role role)
{
    switch (role) {
    case Switchboard::Role::Admin:
        return UsersModel::tr("Admin");
    case Switchboard::Role::Manager:
        return UsersModel::tr("Manager");
    case Switchboard::Role::Agent:
        break;
    }
    return UsersModel::tr("Agent");
}

QString devicesSummary(const User &user)
{
    if (user.devices.isEmpty())
        return UsersModel::tr("No devices");
    QStringList parts;
    for (const Device &d : user.devices)
        parts.append(d.address);
    return parts.join(u", "_s);
}
} // namespace

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const User &user = m_document->organization().users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return user.name.isEmpty() ? user.id : user.name;
        case EmailColumn:
            return user.email;
        case RoleColumn:
            return roleName(user.role);
        case DevicesColumn:
            return devicesSummary(user);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == DevicesColumn && user.devices.isEmpty())
            return tr("%1 has no devices, so no call can ring them.").arg(user.name);
        break;
    case UserIdRole:
        return user.id;
    case SearchTextRole: {
        QString text = user.name + u' ' + user.email + u' ' + user.id;
        for (const Device &d : user.devices)
            text += u' ' + d.address;
        return text;
    }
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case RoleColumn:
        return tr("Role");
    case DevicesColumn:
        return tr("Devices");
    }
    return {};
}

} // namespace Switchboard
