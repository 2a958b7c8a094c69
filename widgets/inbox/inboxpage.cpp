#include "inboxpage.h"

#include "shell/pageheader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Switchboard {

InboxPage::InboxPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Inbox"), this));
    auto *note = new QLabel(tr("Texts and voicemails are kept by the routing backend. Once a "
                               "backend is configured, \"My messages\" and your groups' inboxes "
                               "appear here."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch();
}

} // namespace Switchboard
