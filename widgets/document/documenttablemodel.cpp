#include "documenttablemodel.h"

#include "document/organizationdocument.h"

namespace Switchboard {

DocumentTableModel::DocumentTableModel(OrganizationDocument *document, QStringList headers,
                                       QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_headers(std::move(headers))
{
    connect(document, &OrganizationDocument::organizationReset, this, [this] {
        beginResetModel();
        refresh();
        endResetModel();
    });
}

const Organization &DocumentTableModel::organization() const
{
    return m_document->organization();
}

bool DocumentTableModel::isCell(const QModelIndex &index) const
{
    return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
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
