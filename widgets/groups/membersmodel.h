#pragma once

#include "model/organization.h"

#include <QAbstractTableModel>
#include <QStyledItemDelegate>

namespace Switchboard {

class OrganizationDocument;
class UsersGroupsEdits;

// The members of the open group, in ring order: the member, whether they take calls and
// texts there (checkboxes), and an ✕ that removes them. Users dropped here join at the drop
// position; members dragged within the list are reordered.
class MembersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        MemberColumn,
        CallsColumn,
        TextsColumn,
        RemoveColumn,
        ColumnCount
    };
    enum Role
    {
        UserIdRole = Qt::UserRole + 1
    };

    explicit MembersModel(UsersGroupsEdits *editor, QObject *parent = nullptr);

    void setGroup(const QString &groupId);
    // "2. Johan Berg": the member with their place in the ring order.
    static QString ringPositionLabel(const QModelIndex &index);
    QString groupId() const { return m_groupId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    const Group *group() const;
    bool isOurs(const QString &groupId) const
    {
        return !m_groupId.isEmpty() && groupId == m_groupId;
    }

    UsersGroupsEdits *m_editor;
    OrganizationDocument *m_document;
    QString m_groupId;
};

// Draws a member with their place in the ring order ("2. Johan Berg"). The number is not in
// the model's data, so inserting or moving a member changes no other row's data.
class RingPositionDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RingPositionDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Switchboard
