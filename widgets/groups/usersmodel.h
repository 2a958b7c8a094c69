#pragma once

#include <QAbstractTableModel>

namespace Switchboard {

class OrganizationDocument;

// The organization's users, one row each, in document order.
class UsersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        RoleColumn,
        DevicesColumn,
        ColumnCount
    };
    enum Role
    {
        UserIdRole = Qt::UserRole + 1,
        SearchTextRole
    };

    explicit UsersModel(OrganizationDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    OrganizationDocument *m_document;
};

} // namespace Switchboard
