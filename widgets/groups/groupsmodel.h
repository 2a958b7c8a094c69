#pragma once

#include "document/documenttablemodel.h"

#include <QAbstractListModel>

namespace Switchboard {

// The organization's groups, one row each, with their department and member count.
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

    explicit GroupsModel(OrganizationDocument *document, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int count() const override;
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
