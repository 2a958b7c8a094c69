#pragma once

// One inbox list (an owner's texts, or voicemails), newest first, read from the backend a
// page at a time as the view scrolls (canFetchMore/fetchMore), so that 200,000 items cost
// only what is looked at. refresh() merges what arrived since, keeping rows (and so the
// view's selection) in place. Changes (read, archive, assign, close, delete, reply) go to the
// backend and show when it has answered.

#include "api/vocabulary.h"
#include "backend/routerdclient.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <QSet>

#include <QNetworkReply>

namespace Switchboard {

class BackendClient;
struct Organization;

class InboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        FromColumn,
        MessageColumn,
        ReceivedColumn,
        AssignedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ItemRole,   // the item (Api::InboxItem)
        UnreadRole, // bool
    };

    InboxModel(BackendClient *client, const Organization *organization, QObject *parent = nullptr);
    ~InboxModel() override;

    // Which list: owner "user:ID" or "group:ID" (Owner::queryKey), kind Api::TextKind or
    // Api::VoicemailKind. Empty owner: none.
    void setList(const QString &owner, const QString &kind);
    QString owner() const { return m_owner; }
    QString kind() const { return m_kind; }
    void setPageSize(int size) { m_pageSize = size; }
    bool isLoading() const { return bool(m_loading); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    Api::InboxItem item(int row) const { return m_items.value(row); }
    int rowOf(const QString &id) const;

    // Asks the backend for the newest page and merges it in.
    void refresh();
    void setRead(const QString &id, bool read);
    void setArchived(const QString &id, bool archived);    // archived items leave the list
    void assign(const QString &id, const QString &userId); // empty: unassigned
    void closeConversation(const QString &id);
    void remove(const QString &id);
    void reply(const QString &id, const QString &body);

signals:
    void loaded();                   // a page arrived (or a refresh)
    void changed(const QString &id); // the backend took a change to this item
    void failed(const QString &message);
    // The backend took a reply (queued: its sender sends it, and the reply's status follows).
    void replied(const QString &id, const Api::Reply &reply);
    // It did not (no carrier account, a closed conversation, ...): `status` is its HTTP status,
    // 0 when it did not answer.
    void replyRefused(const QString &id, int status, const QString &message);

private:
    Api::InboxQuery query(const QString &before) const;
    void patch(const QString &id, const Api::InboxChange &change);
    void replaceItem(const Api::InboxItem &item);
    void removeRow(const QString &id);
    QString userName(const QString &id) const;

    BackendClient *m_client;
    RouterdClient m_api;
    const Organization *m_organization;
    QString m_owner;
    QString m_kind;
    QList<Api::InboxItem> m_items;
    QStringList m_ids; // m_items' ids, in the same order
    QSet<QString> m_known;
    QString m_next;         // the cursor of the next page; empty at the end
    bool m_started = false; // the first page was asked for
    QPointer<QNetworkReply> m_loading;
    int m_pageSize = 100;
    int m_generation = 0; // answers for an older setList() are dropped
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::Api::InboxItem)
