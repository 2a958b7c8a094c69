#pragma once

#include <QStyledItemDelegate>

namespace Switchboard {

// The left navigation's entries, with a red count on the right when a section needs a look
// (BadgeRole > 0), so that "red" is seen from anywhere.
class NavigationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int BadgeRole = Qt::UserRole + 10;
    explicit NavigationDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace Switchboard
