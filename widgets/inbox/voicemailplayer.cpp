#include "voicemailplayer.h"

#include "backend/backendclient.h"
#include "backend/routerdclient.h"
#include "shell/consolelook.h"

#include <QAction>
#include <QAudioOutput>
#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QMimeDatabase>
#include <QNetworkReply>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return u"%1:%2"_s.arg(s / 60).arg(int(s % 60), 2, 10, QChar(u'0'));
}
} // namespace

VoicemailPlayer::VoicemailPlayer(BackendClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_buffer(new QBuffer(this))
    , m_play(new QPushButton(this))
    , m_position(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    // No mnemonics: the inbox and the menus hold every letter of these words already.
    , m_save(
          new QPushButton(ConsoleLook::icon(u":/icons/actions/save.svg"_s), tr("Save as…"), this))
    , m_state(new QLabel(this))
    , m_playAction(new QAction(tr("Play or pause the voicemail"), this))
{
    // Named, so that the tests can find them.
    m_play->setObjectName(u"playButton"_s);
    m_position->setObjectName(u"positionSlider"_s);
    m_time->setObjectName(u"timeLabel"_s);
    m_save->setObjectName(u"saveRecordingButton"_s);
    m_state->setObjectName(u"playerState"_s);

    m_position->setAccessibleName(tr("Position in the voicemail"));
    m_position->setSingleStep(1000);
    m_position->setPageStep(5000);
    m_position->setFocusPolicy(Qt::StrongFocus);
    m_time->setAccessibleDescription(tr("Time played")); // its name is the time itself
    m_save->setAccessibleName(tr("Save the voicemail as a file"));
    m_save->setToolTip(tr("Save the recording to a file"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::PlainText);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_play);
    row->addWidget(m_position, 1);
    row->addWidget(m_time);
    row->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_state);

    connect(m_play, &QPushButton::clicked, this, &VoicemailPlayer::togglePlay);
    m_playAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_playAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_playAction, &QAction::triggered, this, [this] {
        if (isVisible() && m_play->isEnabled())
            togglePlay();
    });
    m_play->setToolTip(tr("Play or pause (Ctrl+P)"));
    connect(m_save, &QPushButton::clicked, this, &VoicemailPlayer::saveAs);
    // The slider follows the player; the player follows the slider only when someone moves
    // it (a drag, a click on the groove, the arrow keys).
    connect(m_position, &QSlider::actionTriggered, this, [this] {
        if (m_player)
            m_player->setPosition(m_position->sliderPosition());
    });
    connect(m_position, &QSlider::sliderReleased, this, [this] {
        if (m_player)
            m_player->setPosition(m_position->value());
    });
    updateButtons();
    updateTime();
}

VoicemailPlayer::~VoicemailPlayer()
{
    if (m_request)
        m_request->abort();
    // The player reads the buffer: let go of it before either goes.
    if (m_player) {
        m_player->disconnect(this);
        m_player->stop();
        m_player->setSourceDevice(nullptr);
    }
}

void VoicemailPlayer::createPlayer()
{
    // Made when the first recording arrives: the media framework (and its sound server
    // connection) costs nothing to those who never listen.
    m_player = new QMediaPlayer(this);
    m_output = new QAudioOutput(this);
    m_player->setAudioOutput(m_output);
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 at) {
        if (!m_position->isSliderDown()) {
            QSignalBlocker block(m_position);
            m_position->setValue(int(at));
        }
        updateTime();
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 duration) {
        m_position->setRange(0, int(duration));
        updateTime();
    });
    connect(m_player, &QMediaPlayer::seekableChanged, this, &VoicemailPlayer::updateButtons);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState state) {
                updateButtons();
                if (state == QMediaPlayer::PlayingState && !m_heard) {
                    m_heard = true;
                    emit played(m_item.id);
                }
            });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
            [this](QMediaPlayer::MediaStatus status) {
                if (status == QMediaPlayer::InvalidMedia)
                    setState(tr("This recording cannot be played here (%1). Save it and play it "
                                "with another program.")
                                 .arg(QString::fromLatin1(m_contentType)),
                             true);
                if (status == QMediaPlayer::EndOfMedia)
                    m_player->setPosition(0); // Play starts again from the beginning
            });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString &why) {
                setState(tr("The recording cannot be played: %1").arg(why), true);
            });
}

void VoicemailPlayer::setItem(const Api::InboxItem &item, const QString &caller)
{
    m_caller = caller;
    if (item.id == m_item.id) {
        m_item = item; // read, assigned...: the recording stays what it was
        return;
    }
    stop();
    if (m_request)
        m_request->abort();
    m_request = nullptr;
    if (m_player)
        m_player->setSourceDevice(nullptr);
    m_buffer->close();
    m_buffer->setData(QByteArray());
    m_item = item;
    m_contentType.clear();
    m_loaded = false;
    m_heard = false;
    m_then = Then::Nothing;
    {
        QSignalBlocker block(m_position);
        m_position->setRange(0, item.durationSeconds * 1000);
        m_position->setValue(0);
    }
    setState(item.recordingUrl.isEmpty() ? tr("This voicemail has no recording.") : QString(),
             false);
    updateButtons();
    updateTime();
}

void VoicemailPlayer::stop()
{
    if (m_player)
        m_player->stop();
}

void VoicemailPlayer::load()
{
    if (m_loaded || m_request || m_item.id.isEmpty() || m_item.recordingUrl.isEmpty())
        return;
    if (!m_client->isConfigured()) {
        setState(tr("Sign in to the backend to play voicemails."), true);
        return;
    }
    setState(tr("Loading the recording…"), false);
    updateButtons();
    const QString id = m_item.id;
    m_request =
        RouterdClient(m_client).recording(id, this, [this, id](const BackendResponse &reply) {
            if (id != m_item.id)
                return; // another item is shown meanwhile
            m_request = nullptr;
            if (!reply.ok()) {
                // The backend's own sentence (no carrier account, the carrier did not give it).
                const QString said = reply.object().value(u"error").toString();
                setState(tr("The recording could not be loaded: %1")
                             .arg(said.isEmpty() ? reply.error : said),
                         true);
                m_then = Then::Nothing;
                updateButtons();
                return;
            }
            m_contentType = reply.contentType.split(';').constFirst().trimmed();
            m_buffer->setData(reply.body);
            m_buffer->open(QIODevice::ReadOnly);
            m_loaded = true;
            setState({}, false);
            if (!m_player)
                createPlayer();
            // The name's suffix tells the media backend what it reads.
            m_player->setSourceDevice(m_buffer, QUrl(u"voicemail."_s + suffix()));
            updateButtons();
            emit loaded();
            const Then then = std::exchange(m_then, Then::Nothing);
            if (then == Then::Play)
                m_player->play();
            else if (then == Then::Save)
                saveAs();
        });
}

void VoicemailPlayer::togglePlay()
{
    if (!m_loaded) {
        m_then = Then::Play;
        load();
        return;
    }
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

QString VoicemailPlayer::suffix() const
{
    const QByteArray type = m_contentType.toLower();
    if (type == "audio/mpeg" || type == "audio/mp3")
        return u"mp3"_s;
    if (type == "audio/wav" || type == "audio/x-wav" || type == "audio/wave")
        return u"wav"_s;
    const QString fromType =
        QMimeDatabase().mimeTypeForName(QString::fromLatin1(type)).preferredSuffix();
    return fromType.isEmpty() ? u"mp3"_s : fromType; // what Twilio gives
}

QString VoicemailPlayer::suggestedFileName() const
{
    const QDateTime at = QDateTime::fromString(m_item.createdAt, Qt::ISODateWithMs).toLocalTime();
    QString name =
        tr("Voicemail from %1, %2")
            .arg(m_caller.isEmpty() ? m_item.from : m_caller, at.toString(u"yyyy-MM-dd HH.mm"_s));
    // No folder separators or characters some file systems refuse.
    for (QChar &c : name) {
        if (QStringView(u"/\\:*?\"<>|").contains(c))
            c = u'-';
    }
    return name + u'.' + suffix();
}

void VoicemailPlayer::saveAs()
{
    if (!m_loaded) {
        m_then = Then::Save;
        load();
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString s = suffix();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Voicemail"),
                                                      QDir(folder).filePath(suggestedFileName()),
                                                      tr("Audio (*.%1);;All files (*)").arg(s));
    if (path.isEmpty())
        return;
    QString error;
    if (saveTo(path, &error))
        setState(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        setState(error, true);
}

bool VoicemailPlayer::saveTo(const QString &path, QString *error)
{
    if (!m_loaded)
        return false;
    // Written aside and renamed: an interrupted save never leaves half a recording.
    QSaveFile file(path);
    const QByteArray &bytes = m_buffer->data();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error =
                tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void VoicemailPlayer::setState(const QString &text, bool error)
{
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    ConsoleLook::setTone(m_state, error ? ConsoleLook::Tone::Problem : ConsoleLook::Tone::Normal);
}

void VoicemailPlayer::updateTime()
{
    const qint64 duration =
        m_loaded && m_player->duration() > 0 ? m_player->duration() : m_item.durationSeconds * 1000;
    m_time->setText(tr("%1 / %2").arg(clock(m_loaded ? m_player->position() : 0), clock(duration)));
}

void VoicemailPlayer::updateButtons()
{
    const bool playing = m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
    const bool playable = !m_item.recordingUrl.isEmpty() && !m_request;
    m_play->setIcon(ConsoleLook::icon(playing ? u":/icons/actions/pause.svg"_s
                                              : u":/icons/actions/play.svg"_s));
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setAccessibleName(playing ? tr("Pause the voicemail") : tr("Play the voicemail"));
    m_play->setEnabled(playable);
    m_save->setEnabled(playable);
    m_position->setEnabled(m_loaded && m_player->isSeekable());
}

} // namespace Switchboard
