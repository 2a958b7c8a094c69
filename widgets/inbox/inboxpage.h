#pragma once

// The inbox for support staff (widgets/CONSOLE.md, "Inbox"): "My messages" and one section per
// group the signed-in user belongs to, each with its texts and voicemails and their unread counts;
// the list of the section chosen (loaded as it scrolls, refreshed every few seconds without
// losing the selection); the item chosen, with what can be done to it: read or unread,
// archive, delete, assign, close the conversation, play a voicemail, reply to a text and see
// what the carrier made of each reply.

#include "api/vocabulary.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTimer;
class QToolButton;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace Switchboard {

class BackendConnection;
class InboxModel;
class OrganizationDocument;
class ReplyList;
class VoicemailPlayer;

class InboxPage : public QWidget
{
    Q_OBJECT

public:
    // How long a message is open before it counts as read.
    static constexpr int ReadAfterMs = 1200;

    InboxPage(OrganizationDocument *document, BackendConnection *connection,
              QWidget *parent = nullptr);
    // The model outlives this page's own part (it is a child): what it says while its
    // requests are cut short must reach nothing here.
    ~InboxPage() override;

    InboxModel *model() const { return m_model; }
    // Whoever is signed in to the backend (empty: nobody, or the admin token).
    QString signedInUser() const;
    // Shows the list of `owner` ("user:ID" / "group:ID") and `kind` ("sms" / "voicemail").
    void showList(const QString &owner, const QString &kind);
    QString currentItemId() const;

    // The buttons, for keyboard use and tests.
    void toggleRead();
    void archive();
    void remove();
    void assignTo(const QString &userId);
    void closeConversation();
    void sendReply();
    void retryReply(const QString &replyId);
    VoicemailPlayer *player() const { return m_player; }

public slots:
    void refresh();

signals:
    void backendSettingsRequested();
    void activeGroupsRequested(const QString &userId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    bool mayDelete(const Api::InboxItem &item) const;
    void rebuildSections();
    void updateCounts();
    void updateDetail();
    void loadReplies();
    void updateAvailability();
    // With `about` (an item's id) it stays until another item is chosen or something else
    // is said, not only until the next refresh (a reply not sent must not flash by).
    void showMessage(const QString &text, bool error, const QString &about = {});
    QStringList owners() const;

    OrganizationDocument *m_document;
    BackendConnection *m_connection;
    InboxModel *m_model;
    QStackedWidget *m_stack;
    QTreeWidget *m_sections;
    QTableView *m_list;
    QLabel *m_title;
    QLabel *m_info;
    QTextBrowser *m_body;
    VoicemailPlayer *m_player;
    QPushButton *m_read;
    QPushButton *m_archive;
    QPushButton *m_delete;
    QToolButton *m_assign;
    QPushButton *m_close;
    QWidget *m_replyBox;
    ReplyList *m_replies;
    QTimer *m_repliesTimer; // asks again while a reply may still change
    QPlainTextEdit *m_replyEdit;
    QPushButton *m_send;
    QLabel *m_status;
    QTimer *m_readTimer; // an item open this long is read
    QString m_stickyFor; // the item the message shown stays for (empty: until the next load)
    QHash<QString, QString> m_drafts; // replies begun, by item, while another is open
    QTimer *m_timer;
    QWidget *m_detail;
    QString m_repliesShown; // the item whose replies are listed
};

} // namespace Switchboard
