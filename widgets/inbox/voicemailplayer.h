#pragma once

// A voicemail, played in the console: routerd fetches the recording from the carrier with the
// account's credentials (a carrier URL opened in a browser would ask for them), and Qt
// Multimedia plays the bytes from memory. Play/pause, a seekable position, the time, and
// "Save as…". Nothing is fetched until Play or Save as… is pressed; a recording is fetched
// once per item shown.

#include "api/vocabulary.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QAudioOutput;
class QBuffer;
class QLabel;
class QMediaPlayer;
class QNetworkReply;
class QPushButton;
class QSlider;

namespace Switchboard {

class BackendClient;

class VoicemailPlayer : public QWidget
{
    Q_OBJECT

public:
    explicit VoicemailPlayer(BackendClient *client, QWidget *parent = nullptr);
    ~VoicemailPlayer() override;

    // The voicemail to offer (`caller`: how its caller is shown, for the file name). Another
    // item stops what plays; the same one changes nothing.
    void setItem(const Api::InboxItem &item, const QString &caller);
    QString itemId() const { return m_item.id; }

    void load(); // fetches the recording, once
    void togglePlay();
    void saveAs(); // asks where, then saveTo()
    bool saveTo(const QString &path, QString *error = nullptr);
    void stop();

    bool isLoaded() const { return m_loaded; }
    QByteArray contentType() const { return m_contentType; }
    // "Voicemail from Jane Doe, 2026-12-06 14.05.mp3": the caller, the date, the type's suffix.
    QString suggestedFileName() const;
    // Made when the first recording arrives; null before.
    QMediaPlayer *mediaPlayer() const { return m_player; }
    // Play or pause (Ctrl+P), for the page that shows this player to add to itself.
    QAction *playAction() const { return m_playAction; }

signals:
    void played(const QString &itemId); // playing started: the item has been heard
    void loaded();                      // the recording arrived and can be played

private:
    enum class Then
    {
        Nothing,
        Play,
        Save
    };
    void createPlayer();
    void setState(const QString &text, bool error);
    void updateTime();
    void updateButtons();
    QString suffix() const;

    BackendClient *m_client;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QBuffer *m_buffer;
    QPushButton *m_play;
    QSlider *m_position;
    QLabel *m_time;
    QPushButton *m_save;
    QLabel *m_state;
    QAction *m_playAction;
    Api::InboxItem m_item;
    QString m_caller;
    QByteArray m_contentType;
    QPointer<QNetworkReply> m_request;
    Then m_then = Then::Nothing;
    bool m_loaded = false;
    bool m_heard = false; // played() was said for this item
};

} // namespace Switchboard
