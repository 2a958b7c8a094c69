#pragma once

#include "document/documenttablemodel.h"

namespace Switchboard {

class FlowsNumbersEdits;

// Every phone number with its label and flow; red with the reason where calls or texts to
// it go nowhere. The number and the label are edited in place.
class NumbersModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        LabelColumn,
        FlowColumn,
        StatusColumn
    };
    enum Role
    {
        NumberRole = Qt::UserRole + 1,
        ProblemRole
    };

    explicit NumbersModel(FlowsNumbersEdits *editor, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Why calls or texts to this number go nowhere; empty when it is fully routed.
    QString problem(int row) const;
    static QString problem(const Organization &organization, const PhoneNumber &number);
    // How many numbers have a problem() — each flow is looked at once, not once per number.
    static int unroutedCount(const Organization &organization);

private:
    int count() const override;

    FlowsNumbersEdits *m_editor;
};

// The blocked numbers.
class BlockedModel : public DocumentTableModel
{
    Q_OBJECT

public:
    explicit BlockedModel(OrganizationDocument *document, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int count() const override;
};

// The contacts (who owns which caller), from where a caller can be marked as spam.
class ContactsModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        NameColumn,
        OwnerColumn
    };
    explicit ContactsModel(OrganizationDocument *document, QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int count() const override;
};

} // namespace Switchboard
