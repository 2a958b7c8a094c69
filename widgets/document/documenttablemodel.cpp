#include "documenttablemodel.h"

namespace Switchboard {

DocumentTableModel::DocumentTableModel(OrganizationDocument *document,
                                       OrganizationDocument::List list, QStringList headers,
                                       QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_list(list)
    , m_headers(std::move(headers))
{
    using List = OrganizationDocument::List;
    connect(document, &OrganizationDocument::organizationReset, this, [this] {
        beginResetModel();
        refresh();
        endResetModel();
    });
    connect(document, &OrganizationDocument::rowsAboutToBeInserted, this,
            [this](List l, int first, int last) {
                if (l == m_list)
                    beginInsertRows({}, first, last);
            });
    connect(document, &OrganizationDocument::rowsInserted, this, [this](List l) {
        if (l == m_list)
            endInsertRows();
    });
    connect(document, &OrganizationDocument::rowsAboutToBeRemoved, this,
            [this](List l, int first, int last) {
                if (l == m_list)
                    beginRemoveRows({}, first, last);
            });
    connect(document, &OrganizationDocument::rowsRemoved, this, [this](List l) {
        if (l == m_list)
            endRemoveRows();
    });
    connect(document, &OrganizationDocument::rowChanged, this, [this](List l, int row) {
        if (l == m_list)
            rowsChanged(row, row);
    });
}

bool DocumentTableModel::isCell(const QModelIndex &index) const
{
    return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
}

void DocumentTableModel::rowsChanged(int first, int last)
{
    emit dataChanged(index(first, 0), index(last, columnCount() - 1));
}

int DocumentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

int DocumentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant DocumentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return m_headers.value(section);
}

} // namespace Switchboard
