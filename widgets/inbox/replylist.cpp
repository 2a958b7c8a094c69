#include "replylist.h"
#include "shell/consolelook.h"

#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
bool sameReplies(const QList<Api::Reply> &a, const QList<Api::Reply> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).toJson() != b.at(i).toJson())
            return false;
    }
    return true;
}

QString when(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}
} // namespace

ReplyList::ReplyList(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QGridLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setVerticalSpacing(2);
    m_layout->setColumnStretch(0, 3);
    m_layout->setColumnStretch(1, 2);
}

QString ReplyList::stateText(const Api::Reply &reply)
{
    const QString &s = reply.status;
    if (s == u"queued")
        return reply.error.isEmpty() ? tr("◷ queued") : tr("◷ queued: %1").arg(reply.error);
    if (s == u"sent")
        return tr("✓ sent");
    if (s == u"delivered")
        return tr("✓✓ delivered");
    if (s == u"failed")
        return reply.error.isEmpty() ? tr("✗ failed") : tr("✗ failed: %1").arg(reply.error);
    if (s == u"undelivered")
        return reply.error.isEmpty() ? tr("✗ not delivered")
                                     : tr("✗ not delivered: %1").arg(reply.error);
    return s;
}

bool ReplyList::isPending(const Api::Reply &reply, const QDateTime &now)
{
    if (reply.isQueued())
        return true;
    if (reply.status != u"sent")
        return false;
    const QDateTime changed = QDateTime::fromString(
        reply.updatedAt.isEmpty() ? reply.sentAt : reply.updatedAt, Qt::ISODateWithMs);
    return !changed.isValid() || changed.secsTo(now) < 10 * 60;
}

void ReplyList::setReplies(const QList<Api::Reply> &replies)
{
    if (sameReplies(replies, m_replies))
        return;
    m_replies = replies;
    qDeleteAll(m_rows);
    m_rows.clear();
    // One grid for every reply, so that the states line up under each other.
    int row = 0;
    for (const Api::Reply &reply : replies) {
        auto *body = new QLabel(tr("You replied: %1").arg(reply.body), this);
        body->setObjectName(u"replyBody"_s);
        body->setTextFormat(Qt::PlainText);
        body->setWordWrap(true);
        body->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *state = new QLabel(stateText(reply), this);
        state->setObjectName(u"replyState"_s);
        state->setTextFormat(Qt::PlainText);
        state->setWordWrap(true);
        QStringList details;
        if (!reply.createdAt.isEmpty())
            details.append(tr("Written %1").arg(when(reply.createdAt)));
        if (!reply.sentAt.isEmpty())
            details.append(tr("taken by the carrier %1").arg(when(reply.sentAt)));
        if (!reply.updatedAt.isEmpty())
            details.append(tr("last change %1").arg(when(reply.updatedAt)));
        if (reply.attempts > 1)
            details.append(tr("%n attempt(s)", nullptr, reply.attempts));
        state->setToolTip(details.join(u", "_s));
        if (reply.canRetry())
            ConsoleLook::setTone(state, ConsoleLook::Tone::Problem);
        m_layout->addWidget(body, row, 0, Qt::AlignTop);
        m_layout->addWidget(state, row, 1, Qt::AlignTop);
        m_rows.append(body);
        m_rows.append(state);
        if (reply.canRetry()) {
            auto *retry = new QPushButton(ConsoleLook::icon(u":/icons/actions/refresh.svg"_s),
                                          tr("Retr&y"), this);
            retry->setObjectName(u"retryButton"_s);
            retry->setAccessibleName(tr("Send the reply \"%1\" again").arg(reply.body));
            retry->setToolTip(tr("Send this reply again"));
            connect(retry, &QPushButton::clicked, this,
                    [this, id = reply.id] { emit retryRequested(id); });
            m_layout->addWidget(retry, row, 2, Qt::AlignTop);
            m_rows.append(retry);
        }
        ++row;
    }
}

} // namespace Switchboard
