#include "appletpalette.h"

#include "shell/rowdragview.h"

#include "catalogue/appletcatalogue.h"
#include "document/mimetypes.h"
#include "shell/consolelook.h"

#include <QIcon>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace Switchboard {

AppletPalette::AppletPalette(Channel channel, QWidget *parent)
    : QListWidget(parent)
{
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setIconSize(QSize(28, 28));
    setWordWrap(true);
    setSpacing(2);
    setUniformItemSizes(true);
    for (const AppletType *type : AppletCatalogue::instance().typesFor(channel)) {
        auto *item =
            new QListWidgetItem(ConsoleLook::icon(type->iconPath()),
                                type->displayName() + u'\n' + type->displayDescription(), this);
        item->setData(TypeRole, type->type);
        item->setToolTip(type->displayDescription());
        item->setSizeHint(QSize(0, 52));
    }
}

QString AppletPalette::typeAt(int row) const
{
    return item(row) ? item(row)->data(TypeRole).toString() : QString();
}

QStringList AppletPalette::mimeTypes() const
{
    return {QString::fromLatin1(MimeType::AppletType)};
}

void AppletPalette::startDrag(Qt::DropActions supportedActions)
{
    RowDragView::dragSelection(this, supportedActions, Qt::CopyAction);
}

QMimeData *AppletPalette::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(MimeType::AppletType),
                  items.first()->data(TypeRole).toString().toUtf8());
    return mime;
}

} // namespace Switchboard
