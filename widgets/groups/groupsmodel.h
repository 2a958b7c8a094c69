#pragma once

#include <QAbstractTableModel>

namespace Switchboard {

class OrganizationDocument;

// The organization's groups, one row each, with their department and member count.
class GroupsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        DepartmentColumn,
        MembersColumn,
        ColumnCount
    };
    enum Role
    {
        GroupIdRole = Qt::UserRole + 1
    };

    explicit GroupsModel(OrganizationDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    OrganizationDocument *m_document;
};

// The members of one group, in ring order.
class MembersModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit MembersModel(OrganizationDocument *document, QObject *parent = nullptr);

    void setGroup(const QString &groupId);
    QString groupId() const { return m_groupId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    OrganizationDocument *m_document;
    QString m_groupId;
};

} // namespace Switchboard
