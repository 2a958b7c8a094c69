#include "membersmodel.h"

#include "document/mimetypes.h"
#include "document/organizationdocument.h"
#include "groups/usersgroupsedits.h"
#include "shell/consolelook.h"

#include <QIcon>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace Switchboard {

MembersModel::MembersModel(UsersGroupsEdits *editor, QObject *parent)
    : QAbstractTableModel(parent)
    , m_editor(editor)
    , m_document(editor->document())
{
    OrganizationDocument *d = m_document;
    // A group missing after a reset shows nothing, and shows again if it comes back.
    connect(d, &OrganizationDocument::organizationReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(d, &OrganizationDocument::membersAboutToBeInserted, this,
            [this](const QString &g, int first, int last) {
                if (isOurs(g))
                    beginInsertRows({}, first, last);
            });
    connect(d, &OrganizationDocument::membersInserted, this, [this](const QString &g) {
        if (isOurs(g))
            endInsertRows();
    });
    connect(d, &OrganizationDocument::membersAboutToBeRemoved, this,
            [this](const QString &g, int first, int last) {
                if (isOurs(g))
                    beginRemoveRows({}, first, last);
            });
    connect(d, &OrganizationDocument::membersRemoved, this, [this](const QString &g) {
        if (isOurs(g))
            endRemoveRows();
    });
    connect(d, &OrganizationDocument::memberAboutToBeMoved, this,
            [this](const QString &g, int from, int to) {
                // QList::move(from, to) is beginMoveRows(from, to + 1) when moving down.
                if (isOurs(g))
                    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
            });
    connect(d, &OrganizationDocument::memberMoved, this, [this](const QString &g) {
        if (isOurs(g))
            endMoveRows();
    });
    connect(d, &OrganizationDocument::memberChanged, this, [this](const QString &g, int row) {
        if (isOurs(g))
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    // The open group goes away.
    connect(d, &OrganizationDocument::rowsAboutToBeRemoved, this,
            [this](OrganizationDocument::List list, int first, int last) {
                if (list != OrganizationDocument::List::Groups)
                    return;
                for (int i = first; i <= last; ++i) {
                    if (m_document->organization().groups.at(i).id == m_groupId)
                        setGroup(QString());
                }
            });
    // Names come from the users list.
    connect(d, &OrganizationDocument::rowChanged, this, [this](OrganizationDocument::List list) {
        if (list == OrganizationDocument::List::Users && rowCount() > 0)
            emit dataChanged(index(0, MemberColumn), index(rowCount() - 1, MemberColumn));
    });
}

const Group *MembersModel::group() const
{
    return m_groupId.isEmpty() ? nullptr : m_document->organization().group(m_groupId);
}

void MembersModel::setGroup(const QString &groupId)
{
    beginResetModel();
    m_groupId = groupId;
    endResetModel();
}

int MembersModel::rowCount(const QModelIndex &parent) const
{
    const Group *g = group();
    return parent.isValid() || !g ? 0 : int(g->members.size());
}

int MembersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case MemberColumn:
            return tr("Member (ring order)");
        case CallsColumn:
            return tr("Calls");
        case TextsColumn:
            return tr("Texts");
        }
    }
    if (role == Qt::ToolTipRole && section == RemoveColumn)
        return tr("Remove from the group");
    return {};
}

QVariant MembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member &member = group()->members.at(index.row());
    const User *user = m_document->organization().user(member.user);
    const QString name = user ? user->displayName() : member.user;
    if (role == UserIdRole)
        return member.user;
    switch (index.column()) {
    case MemberColumn:
        if (role == Qt::DisplayRole) // the view's delegate puts the ring position before it
            return name;
        if (role == Qt::ToolTipRole && !user)
            return tr("\"%1\" is not a user of this organization.").arg(member.user);
        if (role == Qt::DecorationRole && !user)
            return ConsoleLook::icon(u":/icons/actions/error.svg"_s);
        break;
    case CallsColumn:
    case TextsColumn: {
        const bool voice = index.column() == CallsColumn;
        if (role == Qt::CheckStateRole)
            return (voice ? member.voice : member.sms) ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return voice ? tr("Whether %1 is rung for calls to this group").arg(name)
                         : tr("Whether %1 gets texts for this group").arg(name);
        break;
    }
    case RemoveColumn:
        if (role == Qt::DecorationRole)
            return ConsoleLook::icon(u":/icons/actions/remove.svg"_s);
        if (role == Qt::ToolTipRole)
            return tr("Remove %1 from %2").arg(name, m_editor->groupName(m_groupId));
        if (role == Qt::AccessibleTextRole)
            return tr("Remove");
        break;
    }
    return {};
}

bool MembersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole ||
        (index.column() != CallsColumn && index.column() != TextsColumn) ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    return m_editor->setTakesPart(m_groupId, index.row(),
                                  index.column() == CallsColumn ? Channel::Voice : Channel::Sms,
                                  Qt::CheckState(value.toInt()) == Qt::Checked);
}

Qt::ItemFlags MembersModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) // dropping between rows (there is no "onto a member")
        return group() ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (index.column() == CallsColumn || index.column() == TextsColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QStringList MembersModel::mimeTypes() const
{
    return {QString::fromLatin1(MimeType::Members), QString::fromLatin1(MimeType::Users)};
}

QMimeData *MembersModel::mimeData(const QModelIndexList &indexes) const
{
    MimeType::MemberRows rows{m_groupId, {}};
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && !rows.rows.contains(index.row()))
            rows.rows.append(index.row());
    }
    if (rows.rows.isEmpty() || !group())
        return nullptr;
    std::sort(rows.rows.begin(), rows.rows.end());
    // Members are users too: dropped on another group, they join it.
    QStringList ids;
    for (int row : std::as_const(rows.rows))
        ids.append(group()->members.at(row).user);
    QMimeData *data = MimeType::encodeUsers(ids);
    const std::unique_ptr<QMimeData> members(MimeType::encodeMembers(rows));
    const QString format = QString::fromLatin1(MimeType::Members);
    data->setData(format, members->data(format));
    return data;
}

Qt::DropActions MembersModel::supportedDragActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions MembersModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

bool MembersModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int,
                                   const QModelIndex &parent) const
{
    if (!group() || parent.isValid())
        return false;
    const auto members = MimeType::decodeMembers(data);
    return (members && members->group == m_groupId) || !MimeType::decodeUsers(data).isEmpty();
}

bool MembersModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const int count = rowCount();
    const int destination = row < 0 || row > count ? count : row;
    const auto members = MimeType::decodeMembers(data);
    if (members && members->group == m_groupId)
        return m_editor->moveMembers(m_groupId, members->rows, destination);
    return m_editor->addUsers(m_groupId, MimeType::decodeUsers(data), destination) > 0;
}

QString MembersModel::ringPositionLabel(const QModelIndex &index)
{
    return tr("%1. %2").arg(index.row() + 1).arg(index.data().toString());
}

RingPositionDelegate::RingPositionDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void RingPositionDelegate::initStyleOption(QStyleOptionViewItem *option,
                                           const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = MembersModel::ringPositionLabel(index);
}

} // namespace Switchboard
