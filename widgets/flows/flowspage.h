#pragma once

#include <QWidget>

class QTreeView;

namespace Switchboard {

class OrganizationDocument;
class FlowsModel;

// The flows dashboard.
class FlowsPage : public QWidget
{
    Q_OBJECT

public:
    explicit FlowsPage(OrganizationDocument *document, QWidget *parent = nullptr);
    QTreeView *view() const { return m_view; }

signals:
    void openFlow(const QString &flowId);

private:
    FlowsModel *m_model;
    QTreeView *m_view;
};

} // namespace Switchboard
