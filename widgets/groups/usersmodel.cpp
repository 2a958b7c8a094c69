#include "usersmodel.h"

#include "document/mimetypes.h"
#include "shell/consolelook.h"

#include <QIcon>

using namespace Qt::StringLiterals;

namespace Switchboard {

UsersModel::UsersModel(OrganizationDocument *document, QObject *parent)
    : DocumentTableModel(document, OrganizationDocument::List::Users,
                         {tr("Name"), tr("Email"), tr("Role"), tr("Devices")}, parent)
{}

int UsersModel::count() const
{
    return int(organization().users.size());
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
    if (!isCell(index))
        return {};
    const User &user = organization().users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return user.displayName();
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
    case Qt::DecorationRole:
        if (index.column() == DevicesColumn && user.devices.isEmpty())
            return ConsoleLook::icon(u":/icons/actions/warning.svg"_s);
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

Qt::ItemFlags UsersModel::flags(const QModelIndex &index) const
{
    return DocumentTableModel::flags(index) |
           (index.isValid() ? Qt::ItemIsDragEnabled : Qt::NoItemFlags);
}

QStringList UsersModel::mimeTypes() const
{
    return {QString::fromLatin1(MimeType::Users)};
}

QMimeData *UsersModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes) {
        if (isCell(index) && !rows.contains(index.row()))
            rows.append(index.row());
    }
    if (rows.isEmpty())
        return nullptr;
    std::sort(rows.begin(), rows.end());
    QStringList ids;
    for (int row : rows)
        ids.append(organization().users.at(row).id);
    return MimeType::encodeUsers(ids);
}

Qt::DropActions UsersModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace Switchboard
