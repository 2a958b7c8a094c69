#pragma once

#include "document/documenttablemodel.h"

#include <QHash>

namespace Switchboard {

class FlowsNumbersEdits;

// The flows dashboard's rows: the name (renamed in place), the applets the flow uses in flow
// order (drawn by AppletPreviewDelegate), the numbers using it, and whether the call flow
// and the SMS flow are set up (red "Create" buttons where not).
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
        FlowIdRole = Qt::UserRole + 1,
        PreviewRole, // applet types in flow order; "|" between the call and the SMS flow
        SetUpRole,   // bool, on the call and SMS columns
        NumbersRole, // the numbers using the flow
    };

    explicit FlowsModel(FlowsNumbersEdits *editor, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    static Channel channelOf(int column)
    {
        return column == SmsColumn ? Channel::Sms : Channel::Voice;
    }

private:
    int count() const override;
    void refresh() override;
    QStringList preview(const Flow &flow) const;

    FlowsNumbersEdits *m_editor;
    QHash<QString, QStringList> m_numbers;          // flow id -> its numbers
    mutable QHash<QString, QStringList> m_previews; // flow id -> its preview, while valid
};

} // namespace Switchboard
