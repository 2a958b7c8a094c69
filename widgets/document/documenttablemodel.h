#pragma once

#include "document/organizationdocument.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace Switchboard {

// A table over one list of the document's organization. It follows the document's row
// signals for that list (insertions, removals, changes) and resets when the whole
// organization is replaced. Subclasses say what a cell shows.
class DocumentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    DocumentTableModel(OrganizationDocument *document, OrganizationDocument::List list,
                       QStringList headers, QObject *parent);

    OrganizationDocument *document() const { return m_document; }
    const Organization &organization() const { return m_document->organization(); }
    bool isCell(const QModelIndex &index) const;
    void rowsChanged(int first, int last);

    virtual int count() const = 0;
    // Recomputes what the model derives from the organization; runs inside each reset.
    virtual void refresh() {}

private:
    OrganizationDocument *m_document;
    OrganizationDocument::List m_list;
    QStringList m_headers;
};

} // namespace Switchboard
