#pragma once

#include "document/documenttablemodel.h"

namespace Switchboard {

// The organization's users, one row each, in document order. Users are dragged from here
// into groups (MimeType::Users).
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
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    int count() const override;
};

} // namespace Switchboard
