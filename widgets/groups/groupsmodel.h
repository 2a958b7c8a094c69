#pragma once

#include "document/documenttablemodel.h"

namespace Switchboard {

class UsersGroupsEdits;

// The organization's groups, one row each, with their department and member count. Users
// dropped on a group's row join it (at the end of its ring order).
class GroupsModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        DepartmentColumn,
        MembersColumn
    };
    enum Role
    {
        GroupIdRole = Qt::UserRole + 1
    };

    explicit GroupsModel(UsersGroupsEdits *editor, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    int count() const override;

    UsersGroupsEdits *m_editor;
};

} // namespace Switchboard
