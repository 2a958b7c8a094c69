#include "pushhistorydialog.h"

#include "backend/routerdclient.h"
#include "model/organization.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

PushHistoryDialog::PushHistoryDialog(BackendClient *backend, const Organization *organization,
                                     QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_organization(organization)
    , m_list(new QTreeWidget(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Push history"));
    m_list->setObjectName(u"revisions"_s);
    m_status->setObjectName(u"statusLabel"_s);
    m_list->setHeaderLabels({tr("Revision"), tr("Pushed"), tr("By")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    connect(refresh, &QPushButton::clicked, this, &PushHistoryDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(520, 420);
    reload();
}

void PushHistoryDialog::reload()
{
    m_status->setText(tr("Loading…"));
    RouterdClient(m_backend).revisions(
        this, [this](const BackendResponse &r, const QList<Api::RevisionInfo> &revisions) {
            m_list->clear();
            m_status->setText(
                r.ok() ? (revisions.isEmpty() ? tr("Nothing has been pushed yet.") : QString())
                       : r.error);
            for (const Api::RevisionInfo &info : revisions) {
                const QDateTime at = QDateTime::fromString(info.pushedAt, Qt::ISODateWithMs);
                const QString by = info.pushedBy == QLatin1String(Api::AdminTokenPusher)
                                       ? tr("the admin token")
                                       : m_organization->userName(info.pushedBy);
                auto *row = new QTreeWidgetItem(
                    m_list, {QString::number(info.revision),
                             QLocale().toString(at.toLocalTime(), QLocale::ShortFormat), by});
                row->setData(2, Qt::UserRole, info.pushedBy);
            }
            emit loaded();
        });
}

} // namespace Switchboard
