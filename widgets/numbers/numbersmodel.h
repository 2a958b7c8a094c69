#pragma once

#include <QAbstractTableModel>

namespace Switchboard {

class OrganizationDocument;

// Every phone number with its label and flow; red with the reason where it is not routed.
class NumbersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        LabelColumn,
        FlowColumn,
        ColumnCount
    };
    enum Role
    {
        NumberRole = Qt::UserRole + 1,
        ProblemRole
    };

    explicit NumbersModel(OrganizationDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Why calls or texts to this number go nowhere; empty when it is fully routed.
    QString problem(int row) const;

private:
    OrganizationDocument *m_document;
};

} // namespace Switchboard
