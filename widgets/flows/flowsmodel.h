#pragma once

#include "document/documenttablemodel.h"

#include <QHash>

namespace Switchboard {

// The flows dashboard's rows: name, applets used, numbers using the flow, and whether the
// call flow and the SMS flow are set up.
class FlowsModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        AppletsColumn,
        NumbersColumn,
        VoiceColumn,
        SmsColumn
    };
    enum Role
    {
        FlowIdRole = Qt::UserRole + 1
    };

    explicit FlowsModel(OrganizationDocument *document, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int count() const override;
    void refresh() override;

    QHash<QString, int> m_numbersPerFlow;
};

} // namespace Switchboard
