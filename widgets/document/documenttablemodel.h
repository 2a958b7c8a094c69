#pragma once

#include "model/organization.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace Switchboard {

class OrganizationDocument;

// A table over one list of the document's organization, reset whenever the organization is
// replaced. Subclasses say how many rows there are and what a cell shows.
class DocumentTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    DocumentTableModel(OrganizationDocument *document, QStringList headers, QObject *parent);

    OrganizationDocument *document() const { return m_document; }
    const Organization &organization() const;
    bool isCell(const QModelIndex &index) const;

    virtual int count() const = 0;
    // Recomputes what the model derives from the organization; runs inside each reset.
    virtual void refresh() {}

private:
    OrganizationDocument *m_document;
    QStringList m_headers;
};

} // namespace Switchboard
