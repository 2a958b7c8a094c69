#include "document/mimetypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace Switchboard::MimeType {

QMimeData *encodeUsers(const QStringList &userIds)
{
    auto *data = new QMimeData;
    data->setData(
        QString::fromLatin1(Users),
        QJsonDocument(QJsonArray::fromStringList(userIds)).toJson(QJsonDocument::Compact));
    // Other applications get the ids as text, one per line.
    data->setText(userIds.join(u'\n'));
    return data;
}

QStringList decodeUsers(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(Users)))
        return {};
    QStringList ids;
    const QJsonArray array =
        QJsonDocument::fromJson(data->data(QString::fromLatin1(Users))).array();
    for (const QJsonValue &v : array) {
        if (v.isString() && !ids.contains(v.toString()))
            ids.append(v.toString());
    }
    return ids;
}

QMimeData *encodeMembers(const MemberRows &members)
{
    QJsonArray rows;
    for (int row : members.rows)
        rows.append(row);
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(Members),
                  QJsonDocument(QJsonObject{{u"group"_s, members.group}, {u"rows"_s, rows}})
                      .toJson(QJsonDocument::Compact));
    return data;
}

std::optional<MemberRows> decodeMembers(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(Members)))
        return std::nullopt;
    const QJsonObject o =
        QJsonDocument::fromJson(data->data(QString::fromLatin1(Members))).object();
    MemberRows members;
    members.group = o.value(u"group").toString();
    for (const QJsonValue &v : o.value(u"rows").toArray()) {
        if (v.isDouble() && !members.rows.contains(v.toInt()))
            members.rows.append(v.toInt());
    }
    if (members.group.isEmpty() || members.rows.isEmpty())
        return std::nullopt;
    std::sort(members.rows.begin(), members.rows.end());
    return members;
}

} // namespace Switchboard::MimeType
