#pragma once

#include "document/documenttablemodel.h"

namespace Switchboard {

// The organization's users, one row each, in document order.
class UsersModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        RoleColumn,
        DevicesColumn
    };
    enum Role
    {
        UserIdRole = Qt::UserRole + 1,
        SearchTextRole
    };

    explicit UsersModel(OrganizationDocument *document, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int count() const override;
};

} // namespace Switchboard
