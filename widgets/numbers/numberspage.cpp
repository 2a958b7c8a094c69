#include "numberspage.h"

#include "document/organizationdocument.h"
#include "numbers/numbersmodel.h"
#include "shell/pageheader.h"

#include <QHeaderView>
#include <QListView>
#include <QStringListModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace Switchboard {

NumbersPage::NumbersPage(OrganizationDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new NumbersModel(document, this))
    , m_blocked(new QStringListModel(document->organization().blocked, this))
    , m_view(new QTreeView(this))
    , m_blockedView(new QListView(this))
{
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->resizeSection(NumbersModel::NumberColumn, 160);
    m_view->header()->resizeSection(NumbersModel::LabelColumn, 200);
    m_blockedView->setModel(m_blocked);
    m_blockedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(document, &OrganizationDocument::organizationReset, this,
            [this] { m_blocked->setStringList(m_document->organization().blocked); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Phone Numbers"), this));
    layout->addWidget(m_view, 3);
    layout->addWidget(new PageHeader(tr("Blocked Numbers"), this));
    layout->addWidget(m_blockedView, 1);
}

} // namespace Switchboard
