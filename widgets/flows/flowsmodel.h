#pragma once

#include <QAbstractTableModel>

namespace Switchboard {

class OrganizationDocument;

// The flows dashboard's rows: name, applets used, numbers using the flow, and whether the
// call flow and the SMS flow are set up.
class FlowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        AppletsColumn,
        NumbersColumn,
        VoiceColumn,
        SmsColumn,
        ColumnCount
    };
    enum Role
    {
        FlowIdRole = Qt::UserRole + 1
    };

    explicit FlowsModel(OrganizationDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void recount();

    OrganizationDocument *m_document;
    QHash<QString, int> m_numbersPerFlow;
};

} // namespace Switchboard
