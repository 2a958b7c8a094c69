#include "inboxmodel.h"

#include "backend/backendclient.h"
#include "model/organization.h"

#include <QFont>
#include <QJsonArray>
#include <QLocale>
#include <QNetworkReply>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Switchboard {

InboxModel::InboxModel(BackendClient *client, const Organization *organization, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_api(client)
    , m_organization(organization)
{}

InboxModel::~InboxModel()
{
    if (m_loading)
        m_loading->abort();
}

void InboxModel::setList(const QString &owner, const QString &kind)
{
    if (m_loading)
        m_loading->abort();
    m_loading = nullptr;
    beginResetModel();
    m_owner = owner;
    m_kind = kind;
    m_items.clear();
    m_ids.clear();
    m_known.clear();
    m_next.clear();
    m_started = false;
    ++m_generation;
    endResetModel();
}

Api::InboxQuery InboxModel::query(const QString &before) const
{
    Api::InboxQuery q;
    q.owner = Owner::fromQueryKey(m_owner);
    q.kind = m_kind;
    q.archived = false;
    q.limit = m_pageSize;
    q.before = before;
    return q;
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool InboxModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_owner.isEmpty() && !m_loading && m_client->isConfigured() &&
           (!m_started || !m_next.isEmpty());
}

void InboxModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_started = true;
    const int generation = m_generation;
    m_loading = m_api.inbox(
        query(m_next), this,
        [this, generation](const BackendResponse &reply, const Api::InboxPage &page) {
            if (generation != m_generation)
                return;
            m_loading = nullptr;
            if (!reply.ok()) {
                emit failed(reply.error);
                return;
            }
            QList<Api::InboxItem> fresh;
            for (const Api::InboxItem &item : page.items) {
                if (!m_known.contains(item.id)) // arrived via refresh
                    fresh.append(item);
            }
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_items.size()), int(m_items.size() + fresh.size() - 1));
                for (const Api::InboxItem &item : std::as_const(fresh)) {
                    m_ids.append(item.id);
                    m_known.insert(item.id);
                }
                m_items.append(fresh);
                endInsertRows();
            }
            m_next = page.next;
            emit loaded();
        });
}

void InboxModel::refresh()
{
    if (m_owner.isEmpty() || !m_client->isConfigured())
        return;
    if (!m_started) {
        fetchMore({});
        return;
    }
    const int generation = m_generation;
    m_api.inbox(query({}), this,
                [this, generation](const BackendResponse &reply, const Api::InboxPage &page) {
                    if (generation != m_generation)
                        return;
                    if (!reply.ok()) {
                        emit failed(reply.error);
                        return;
                    }
                    const QList<Api::InboxItem> &newest = page.items;
                    // Rows the newest page covers but no longer holds (archived, deleted elsewhere)
                    // go.
                    if (!newest.isEmpty() && !m_items.isEmpty()) {
                        const QString oldest = newest.constLast().id;
                        QSet<QString> present;
                        for (const Api::InboxItem &item : newest)
                            present.insert(item.id);
                        for (int row = int(m_items.size()) - 1; row >= 0; --row) {
                            const QString &id = m_ids.at(row);
                            const bool covered = id >= oldest; // ids sort by arrival
                            if (covered && !present.contains(id))
                                removeRow(QString(id));
                        }
                    }
                    // Changed ones are updated in place; new ones go on top, newest first.
                    QList<Api::InboxItem> arrived;
                    for (const Api::InboxItem &item : newest) {
                        if (rowOf(item.id) >= 0)
                            replaceItem(item);
                        else if (m_ids.isEmpty() || item.id > m_ids.constFirst())
                            arrived.append(item);
                    }
                    if (!arrived.isEmpty()) {
                        beginInsertRows({}, 0, int(arrived.size()) - 1);
                        for (qsizetype i = arrived.size() - 1; i >= 0; --i) {
                            m_items.prepend(arrived.at(i));
                            m_ids.prepend(arrived.at(i).id);
                            m_known.insert(m_ids.constFirst());
                        }
                        endInsertRows();
                    }
                    emit loaded();
                });
}

int InboxModel::rowOf(const QString &id) const
{
    return m_known.contains(id) ? int(m_ids.indexOf(id)) : -1;
}

void InboxModel::replaceItem(const Api::InboxItem &item)
{
    const int row = rowOf(item.id);
    if (row < 0 || m_items.at(row) == item)
        return;
    m_items[row] = item;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void InboxModel::removeRow(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    m_ids.removeAt(row);
    m_known.remove(id);
    endRemoveRows();
}

QString InboxModel::userName(const QString &id) const
{
    return m_organization ? m_organization->userName(id) : id;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Api::InboxItem &o = m_items.at(index.row());
    const bool unread = !o.read;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FromColumn: {
            const QString &from = o.from;
            for (const Contact &c : m_organization ? m_organization->contacts : QList<Contact>()) {
                if (c.number == from && !c.name.isEmpty())
                    return tr("%1 (%2)").arg(c.name, from);
            }
            return from;
        }
        case MessageColumn: {
            if (o.isVoicemail()) {
                const QString &text = o.body;
                const QString length = tr("%n s", nullptr, o.durationSeconds);
                return text.isEmpty() ? tr("Voicemail, %1").arg(length)
                                      : tr("Voicemail, %1: %2").arg(length, text);
            }
            QString body = o.body.simplified();
            if (role == Qt::DisplayRole && body.size() > 120)
                body = body.left(119) + u'…';
            const int media = int(o.media.size());
            return media ? tr("%1 [%n attachment(s)]", nullptr, media).arg(body) : body;
        }
        case ReceivedColumn: {
            const QDateTime at =
                QDateTime::fromString(o.createdAt, Qt::ISODateWithMs).toLocalTime();
            return QLocale().toString(at, QLocale::ShortFormat);
        }
        case AssignedColumn: {
            const QString &who = o.assignedTo;
            if (o.closed)
                return who.isEmpty() ? tr("closed") : tr("%1, closed").arg(userName(who));
            return who.isEmpty() ? QString() : userName(who);
        }
        }
        return {};
    case Qt::FontRole:
        if (unread) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case IdRole:
        return o.id;
    case ItemRole:
        return QVariant::fromValue(o);
    case UnreadRole:
        return unread;
    }
    return {};
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FromColumn:
        return tr("From");
    case MessageColumn:
        return tr("Message");
    case ReceivedColumn:
        return tr("Received");
    case AssignedColumn:
        return tr("Assigned to");
    }
    return {};
}

void InboxModel::patch(const QString &id, const Api::InboxChange &change)
{
    m_api.changeItem(id, change, this,
                     [this, id, change](const BackendResponse &reply, const Api::InboxItem &item) {
                         if (!reply.ok()) {
                             emit failed(reply.error);
                             return;
                         }
                         if (change.archived.value_or(false))
                             removeRow(id);
                         else
                             replaceItem(item);
                         emit changed(id);
                     });
}

void InboxModel::setRead(const QString &id, bool read)
{
    Api::InboxChange change;
    change.read = read;
    patch(id, change);
}

void InboxModel::setArchived(const QString &id, bool archived)
{
    Api::InboxChange change;
    change.archived = archived;
    patch(id, change);
}

void InboxModel::assign(const QString &id, const QString &userId)
{
    Api::InboxChange change;
    change.assignedTo = userId;
    patch(id, change);
}

void InboxModel::closeConversation(const QString &id)
{
    Api::InboxChange change;
    change.closed = true;
    patch(id, change);
}

void InboxModel::remove(const QString &id)
{
    m_api.deleteItem(id, this, [this, id](const BackendResponse &reply) {
        if (!reply.ok()) {
            emit failed(reply.error);
            return;
        }
        removeRow(id);
        emit changed(id);
    });
}

void InboxModel::reply(const QString &id, const QString &body)
{
    m_api.reply(id, body, this,
                [this, id](const BackendResponse &reply, const Api::ReplyResult &result) {
                    if (!reply.ok()) {
                        emit replyRefused(id, reply.status, reply.error);
                        return;
                    }
                    emit replied(id, result.reply);
                });
}

} // namespace Switchboard
