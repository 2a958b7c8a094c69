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

QString InboxModel::query(const QString &before) const
{
    QString q = u"/api/v1/inbox?owner="_s + QString::fromLatin1(QUrl::toPercentEncoding(m_owner)) +
                u"&archived=false&limit="_s + QString::number(m_pageSize);
    if (!m_kind.isEmpty())
        q += u"&kind="_s + m_kind;
    if (!before.isEmpty())
        q += u"&before="_s + before;
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
    m_loading = m_client->get(query(m_next), this, [this, generation](const BackendResponse &reply) {
        if (generation != m_generation)
            return;
        m_loading = nullptr;
        if (!reply.ok()) {
            emit failed(reply.error);
            return;
        }
        const QJsonObject page = reply.object();
        const QJsonArray items = page.value(u"items").toArray();
        QList<QJsonObject> fresh;
        for (const QJsonValue &v : items) {
            if (!m_known.contains(v.toObject().value(u"id").toString())) // arrived via refresh
                fresh.append(v.toObject());
        }
        if (!fresh.isEmpty()) {
            beginInsertRows({}, int(m_items.size()), int(m_items.size() + fresh.size() - 1));
            for (const QJsonObject &o : std::as_const(fresh)) {
                m_ids.append(o.value(u"id").toString());
                m_known.insert(m_ids.constLast());
            }
            m_items.append(fresh);
            endInsertRows();
        }
        m_next = page.value(u"next").toString();
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
    m_client->get(query({}), this, [this, generation](const BackendResponse &reply) {
        if (generation != m_generation)
            return;
        if (!reply.ok()) {
            emit failed(reply.error);
            return;
        }
        const QJsonArray items = reply.object().value(u"items").toArray();
        QList<QJsonObject> newest;
        for (const QJsonValue &v : items)
            newest.append(v.toObject());
        // Rows the newest page covers but no longer holds (archived, deleted elsewhere) go.
        if (!newest.isEmpty() && !m_items.isEmpty()) {
            const QString oldest = newest.constLast().value(u"id").toString();
            QSet<QString> present;
            for (const QJsonObject &o : std::as_const(newest))
                present.insert(o.value(u"id").toString());
            for (int row = int(m_items.size()) - 1; row >= 0; --row) {
                const QString &id = m_ids.at(row);
                const bool covered = id >= oldest; // ids sort by arrival
                if (covered && !present.contains(id))
                    removeRow(QString(id));
            }
        }
        // Changed ones are updated in place; new ones go on top, newest first.
        QList<QJsonObject> arrived;
        for (const QJsonObject &o : std::as_const(newest)) {
            if (rowOf(o.value(u"id").toString()) >= 0)
                replaceItem(o);
            else if (m_ids.isEmpty() || o.value(u"id").toString() > m_ids.constFirst())
                arrived.append(o);
        }
        if (!arrived.isEmpty()) {
            beginInsertRows({}, 0, int(arrived.size()) - 1);
            for (qsizetype i = arrived.size() - 1; i >= 0; --i) {
                m_items.prepend(arrived.at(i));
                m_ids.prepend(arrived.at(i).value(u"id").toString());
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

void InboxModel::replaceItem(const QJsonObject &item)
{
    const int row = rowOf(item.value(u"id").toString());
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
    const User *u = m_organization ? m_organization->user(id) : nullptr;
    return u ? u->displayName() : id;
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QJsonObject &o = m_items.at(index.row());
    const bool unread = !o.value(u"read").toBool();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FromColumn: {
            const QString from = o.value(u"from").toString();
            for (const Contact &c : m_organization ? m_organization->contacts : QList<Contact>()) {
                if (c.number == from && !c.name.isEmpty())
                    return tr("%1 (%2)").arg(c.name, from);
            }
            return from;
        }
        case MessageColumn: {
            if (o.value(u"kind").toString() == u"voicemail") {
                const QString text = o.value(u"body").toString();
                const QString length = tr("%n s", nullptr, o.value(u"duration_seconds").toInt());
                return text.isEmpty() ? tr("Voicemail, %1").arg(length)
                                      : tr("Voicemail, %1: %2").arg(length, text);
            }
            QString body = o.value(u"body").toString().simplified();
            if (role == Qt::DisplayRole && body.size() > 120)
                body = body.left(119) + u'…';
            const int media = int(o.value(u"media").toArray().size());
            return media ? tr("%1 [%n attachment(s)]", nullptr, media).arg(body) : body;
        }
        case ReceivedColumn: {
            const QDateTime at =
                QDateTime::fromString(o.value(u"created_at").toString(), Qt::ISODateWithMs)
                    .toLocalTime();
            return QLocale().toString(at, QLocale::ShortFormat);
        }
        case AssignedColumn: {
            const QString who = o.value(u"assigned_to").toString();
            if (o.value(u"closed").toBool())
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
        return o.value(u"id").toString();
    case ItemRole:
        return o;
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

void InboxModel::patch(const QString &id, const QJsonObject &change)
{
    m_client->send("PATCH", u"/api/v1/inbox/"_s + id,
                   QJsonDocument(change).toJson(QJsonDocument::Compact), this,
                   [this, id, change](const BackendResponse &reply) {
                       if (!reply.ok()) {
                           emit failed(reply.error);
                           return;
                       }
                       if (change.value(u"archived").toBool())
                           removeRow(id);
                       else
                           replaceItem(reply.object());
                       emit changed(id);
                   });
}

void InboxModel::setRead(const QString &id, bool read)
{
    patch(id, {{u"read"_s, read}});
}

void InboxModel::setArchived(const QString &id, bool archived)
{
    patch(id, {{u"archived"_s, archived}});
}

void InboxModel::assign(const QString &id, const QString &userId)
{
    patch(id, {{u"assigned_to"_s, userId.isEmpty() ? QJsonValue() : QJsonValue(userId)}});
}

void InboxModel::closeConversation(const QString &id)
{
    patch(id, {{u"closed"_s, true}});
}

void InboxModel::remove(const QString &id)
{
    m_client->send("DELETE", u"/api/v1/inbox/"_s + id, {}, this,
                   [this, id](const BackendResponse &reply) {
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
    m_client->send("POST", u"/api/v1/inbox/"_s + id + u"/reply"_s,
                   QJsonDocument(QJsonObject{{u"body"_s, body}}).toJson(QJsonDocument::Compact),
                   this, [this, id](const BackendResponse &reply) {
                       if (!reply.ok()) {
                           emit failed(reply.error);
                           return;
                       }
                       const QJsonObject o = reply.object();
                       emit replied(id, o.value(u"sent").toBool(), o.value(u"reason").toString());
                   });
}

} // namespace Switchboard
