#pragma once

#include <QHash>
#include <QPixmap>
#include <QStyledItemDelegate>

namespace Switchboard {

// The applets a flow uses, as their icons in flow order (a bar between the call flow and
// the SMS flow), "+N" when they do not all fit.
class AppletPreviewDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int IconSize = 18;
    static constexpr int Gap = 3;

    explicit AppletPreviewDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where each icon of `preview` goes in `cell` (separators take a gap); the ones that do
    // not fit get no rect.
    static QList<QRect> iconRects(const QRect &cell, const QStringList &preview);
    QPixmap icon(const QString &type, qreal devicePixelRatio) const;

private:
    mutable QHash<QString, QPixmap> m_pixmaps;
};

// "Call flow set up", or a red "Create Call Flow" button that asks for the builder.
class SetUpDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SetUpDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    static QRect buttonRect(const QRect &cell);

signals:
    void createRequested(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
};

} // namespace Switchboard
