#pragma once

#include "document/documenttablemodel.h"

namespace Switchboard {

// Every phone number with its label and flow; red with the reason where it is not routed.
class NumbersModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        LabelColumn,
        FlowColumn
    };
    enum Role
    {
        NumberRole = Qt::UserRole + 1,
        ProblemRole
    };

    explicit NumbersModel(OrganizationDocument *document, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Why calls or texts to this number go nowhere; empty when it is fully routed.
    QString problem(int row) const;

private:
    int count() const override;
};

} // namespace Switchboard
