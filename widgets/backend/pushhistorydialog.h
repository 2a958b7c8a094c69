#pragma once

// The backend's push history: every revision kept, newest first, when it was pushed and by
// whom (a person of the organization, or the admin token).

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace Switchboard {

class BackendClient;
struct Organization;

class PushHistoryDialog : public QDialog
{
    Q_OBJECT

public:
    PushHistoryDialog(BackendClient *backend, const Organization *organization,
                      QWidget *parent = nullptr);
    void reload();

signals:
    void loaded();

private:
    BackendClient *m_backend;
    const Organization *m_organization;
    QTreeWidget *m_list;
    QLabel *m_status;
};

} // namespace Switchboard
