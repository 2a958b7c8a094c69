#pragma once

// Active Groups (widgets/CONSOLE.md): every group a user belongs to, by department, with whether
// they take its calls and texts now, or "N/A" where the group's member entry leaves them out of
// that channel; plus the one Available / Unavailable switch. The state lives in the routing
// backend (its presence API, through RouterdClient); only what changed is sent.

#include "model/organization.h"

#include "api/vocabulary.h"
#include <QAbstractTableModel>
#include <QDialog>

#include <functional>

class QAbstractButton;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTableView;

namespace Switchboard {

class BackendClient;

// One row per group the user is a member of, sorted by department then group. The Calls and
// Texts cells are checkboxes, or "N/A" (disabled, no check state) where the user is excluded.
class ActiveGroupsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        DepartmentColumn,
        GroupColumn,
        CallsColumn,
        TextsColumn,
        ColumnCount
    };
    enum Role
    {
        GroupIdRole = Qt::UserRole + 1
    };

    explicit ActiveGroupsModel(QObject *parent = nullptr);

    // The user's groups, everything active (what the backend assumes without a record).
    void setUser(const Organization &organization, const QString &userId);
    // The backend's "groups" of the user's presence entry: both what is shown and what
    // counts as saved. Groups it does not mention are active.
    void setActivity(const QHash<QString, Api::Activity> &groups);
    // After a save: what `groups` (as in changes()) set is now the backend's state.
    void markSaved(const Api::PresenceChange &change);

    // What differs from the saved state: {"sales": {"sms": false}}, changed channels only.
    Api::PresenceChange changes() const; // groups only
    // Whether the backend's activity is known: until then the channels show no switches.
    bool isKnown() const { return m_known; }
    bool hasChanges() const { return !changes().isEmpty(); }
    int rowOfGroup(const QString &groupId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void changed();

private:
    struct Row
    {
        QString groupId;
        QString name;
        QString department;
        bool takesVoice = true; // false: the member entry excludes calls ("N/A")
        bool takesSms = true;
        bool voice = true; // active, as shown
        bool sms = true;
        bool savedVoice = true; // active, as the backend has it
        bool savedSms = true;
    };
    static bool isChannel(int column) { return column == CallsColumn || column == TextsColumn; }
    static bool takesPart(const Row &row, int column)
    {
        return column == CallsColumn ? row.takesVoice : row.takesSms;
    }

    QList<Row> m_rows;
    bool m_known = false;
};

// Loads on opening ("Loading…"); a failure shows its sentence and Retry. OK and Apply send
// what changed; a failure keeps the dialog open with every choice as it was.
class ActiveGroupsDialog : public QDialog
{
    Q_OBJECT

public:
    // `userId`: whose groups are shown first (the person at the console). `canChooseUser`
    // (admins): a combo of every user switches whose presence is shown and changed.
    ActiveGroupsDialog(const Organization &organization, BackendClient *backend,
                       const QString &userId, bool canChooseUser, QWidget *parent = nullptr);

    // Opens a window-modal, self-deleting dialog for `userId`. Admins may choose any user;
    // so may anyone when `userId` is empty (nobody signed in), starting with the first user.
    static ActiveGroupsDialog *openFor(const Organization &organization, BackendClient *backend,
                                       const QString &userId, QWidget *parent);

    QString userId() const { return m_userId; }
    bool isLoaded() const { return m_state == State::Ready; }
    bool isAvailable() const;
    bool hasChanges() const;
    // The sentence shown after a failure to load or to save; empty when none.
    QString errorText() const;

    ActiveGroupsModel *model() const { return m_model; }

public slots:
    // Reads the backend's state again, dropping choices not applied.
    void reload();
    // Sends what changed; `then` runs once the backend has it.
    void apply(std::function<void()> then = {});

signals:
    void loaded();
    void saved();
    void failed(const QString &error);
    // Nobody is signed in (or the session ended): the dialog's "Sign in…" was pressed.
    void signInRequested();

private:
    enum class State
    {
        Loading,
        Ready,
        LoadFailed,
        Saving
    };

    void showUser(const QString &userId);
    void userChosen(int index);
    void selectInCombo(const QString &userId);
    void setState(State state);
    // `refused`: the backend no longer takes the session (401), so signing in is offered.
    void showLoadError(const QString &error, bool refused = false);
    void updateTexts();
    void updateButtons();
    void buttonClicked(QAbstractButton *button);
    QString userName(const QString &userId) const;

    Organization m_organization;
    BackendClient *m_backend;
    QString m_self;
    QString m_userId;
    State m_state = State::Loading;
    bool m_savedAvailable = true;
    int m_request = 0; // replies to older requests are ignored

    ActiveGroupsModel *m_model;
    QComboBox *m_userCombo = nullptr;
    QRadioButton *m_available;
    QRadioButton *m_unavailable;
    QLabel *m_availabilityNote;
    QStackedWidget *m_pages;
    QLabel *m_loading;
    QTableView *m_table;
    QLabel *m_noGroups;
    QLabel *m_loadError;
    QPushButton *m_retry;
    QPushButton *m_signIn;
    QTableView *m_preview; // the groups, by department, while the backend cannot say more
    QLabel *m_unknownUser;
    QLabel *m_saveError;
    QDialogButtonBox *m_buttons;
};

} // namespace Switchboard
