#pragma once

#include "model/organization.h"

#include <QListWidget>

namespace Switchboard {

// The applet types of one channel, from the catalogue, with their icons and descriptions.
// Dragged onto the canvas as MimeType::AppletType.
class AppletPalette : public QListWidget
{
    Q_OBJECT

public:
    explicit AppletPalette(Channel channel, QWidget *parent = nullptr);

    QString typeAt(int row) const;
    static constexpr int TypeRole = Qt::UserRole + 1;

protected:
    // Dragged as a small chip with the applet's name, not a row as wide as the palette.
    void startDrag(Qt::DropActions supportedActions) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
};

} // namespace Switchboard
