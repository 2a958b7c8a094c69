#pragma once

#include <QWidget>

namespace Switchboard {

// The inboxes live in the routing backend; until one is configured this page says so.
class InboxPage : public QWidget
{
    Q_OBJECT

public:
    explicit InboxPage(QWidget *parent = nullptr);
};

} // namespace Switchboard
