#pragma once

// The replies to a text, oldest first, each with what the carrier made of it: queued ◷ (a
// clock face: the usual fonts have no hourglass), sent ✓, delivered ✓✓, failed ✗ or undelivered ✗
// with the carrier's reason and a Retry button. The page asks the backend again while any reply may
// still change (isPending).

#include "api/vocabulary.h"

#include <QWidget>

class QGridLayout;

namespace Switchboard {

class ReplyList : public QWidget
{
    Q_OBJECT

public:
    explicit ReplyList(QWidget *parent = nullptr);

    // Rebuilds the rows only when something changed, so that a poll keeps the focus where it
    // is (on a Retry button, say).
    void setReplies(const QList<Api::Reply> &replies);
    void clear() { setReplies({}); }
    const QList<Api::Reply> &replies() const { return m_replies; }

    // "✓ sent", "✗ failed: REASON", ...
    static QString stateText(const Api::Reply &reply);
    // Whether the reply may still change without anyone asking: queued, or sent within the
    // last ten minutes (a delivery report may follow; many carriers' networks never send one).
    static bool isPending(const Api::Reply &reply, const QDateTime &now);

signals:
    void retryRequested(const QString &replyId);

private:
    QGridLayout *m_layout;
    QList<QWidget *> m_rows; // every reply's widgets
    QList<Api::Reply> m_replies;
};

} // namespace Switchboard
