#pragma once

#include "api/vocabulary.h"
#include "document/documenttablemodel.h"

#include <optional>

namespace Switchboard {

class FlowsNumbersEdits;

// Every phone number with its label and flow; red with the reason where calls or texts to
// it go nowhere. The number and the label are edited in place. The Carrier column says where
// the carrier account sends each number's calls and texts, as the backend last said.
class NumbersModel : public DocumentTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NumberColumn,
        LabelColumn,
        FlowColumn,
        StatusColumn,
        CarrierColumn
    };
    enum Role
    {
        NumberRole = Qt::UserRole + 1,
        ProblemRole,
        CarrierRole // a CarrierState
    };
    // Where the carrier account sends a number's calls and texts.
    enum CarrierState
    {
        CarrierUnknown, // nobody signed in, or the backend could not say
        Wired,          // to this backend
        PointsElsewhere,
        NotInAccount
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

    // The account's numbers, as the backend listed them; and, when it cannot be known, why.
    void setCarrier(const Api::CarrierNumbers &numbers);
    void setCarrierUnknown(const QString &why);
    const std::optional<Api::CarrierNumbers> &carrier() const { return m_carrier; }
    CarrierState carrierState(const QString &number) const;

private:
    int count() const override;

    void carrierChanged();
    QString carrierToolTip(const QString &number) const;

    FlowsNumbersEdits *m_editor;
    std::optional<Api::CarrierNumbers> m_carrier;
    QString m_carrierUnknown; // why there is no carrier state
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
