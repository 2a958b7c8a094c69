#pragma once

#include <QLabel>

namespace Switchboard {

// A section's title: larger and bold, from the palette's font.
class PageHeader : public QLabel
{
    Q_OBJECT

public:
    explicit PageHeader(const QString &text, QWidget *parent = nullptr);
};

} // namespace Switchboard
