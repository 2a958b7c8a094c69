#include "flowspage.h"

#include "flows/flowsmodel.h"
#include "shell/pageheader.h"

#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

namespace Switchboard {

FlowsPage::FlowsPage(OrganizationDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_model(new FlowsModel(document, this))
    , m_view(new QTreeView(this))
{
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->resizeSection(FlowsModel::NameColumn, 200);
    m_view->setToolTip(tr("Double-click a flow to open it in the flow builder."));
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        emit openFlow(index.siblingAtColumn(0).data(FlowsModel::FlowIdRole).toString());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Flows"), this));
    layout->addWidget(m_view);
}

} // namespace Switchboard
