#pragma once

// What the console drags and drops, in one place.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QMimeData;

namespace Switchboard::MimeType {

// User ids, from the users list: ["nancy", "johan"].
inline constexpr char Users[] = "application/vnd.switchboard.users";
// Members of one group, by row, for reordering: {"group": "sales", "rows": [2, 5]}.
inline constexpr char Members[] = "application/vnd.switchboard.members";
// An applet type from the flow builder's palette: "menu".
inline constexpr char AppletType[] = "application/vnd.switchboard.applet-type";
// An applet already on the canvas: {"flow": "main", "channel": "voice", "applet": "menu1"}.
inline constexpr char Applet[] = "application/vnd.switchboard.applet";

QMimeData *encodeUsers(const QStringList &userIds);
QStringList decodeUsers(const QMimeData *data);

struct MemberRows
{
    QString group;
    QList<int> rows;
};
QMimeData *encodeMembers(const MemberRows &members);
std::optional<MemberRows> decodeMembers(const QMimeData *data);

} // namespace Switchboard::MimeType
