#include "fieldeditors.h"

#include "flowbuilder/appletsummary.h"

#include "document/mimetypes.h"
#include "model/appletvalues.h"
#include "model/identifiers.h"
#include "shell/consolelook.h"
#include "shell/dropline.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDropEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

FieldEditor::FieldEditor(const FieldSpec &spec, QWidget *parent)
    : QWidget(parent)
    , m_spec(spec)
    , m_body(new QWidget(this))
    , m_problem(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_body);
    layout->addWidget(m_problem);
    m_problem->setWordWrap(true);
    ConsoleLook::setTone(m_problem, ConsoleLook::Tone::Problem);
    m_problem->hide();
}

void FieldEditor::setProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

// The editors below have no Q_OBJECT of their own: their tr() is FieldEditor::tr, and they
// say so, so that lupdate files their strings under the context they are looked up in.
namespace {

QHBoxLayout *row(QWidget *body)
{
    auto *l = new QHBoxLayout(body);
    l->setContentsMargins(0, 0, 0, 0);
    return l;
}

// The words the help articles use for the ring strategies, and what each means.
QString choiceLabel(const QString &choice)
{
    static const QHash<QString, const char *> labels{
        {u"simultaneous"_s, QT_TRANSLATE_NOOP("FieldEditor", "Simultaneous")},
        {u"sequential"_s, QT_TRANSLATE_NOOP("FieldEditor", "In order")},
        {u"round-robin"_s, QT_TRANSLATE_NOOP("FieldEditor", "Round robin")},
        {u"linear-round-robin"_s, QT_TRANSLATE_NOOP("FieldEditor", "Linear round robin")},
        {u"none"_s, QT_TRANSLATE_NOOP("FieldEditor", "Leave them in the shared inbox")},
    };
    const char *label = labels.value(choice);
    return label ? QCoreApplication::translate("FieldEditor", label) : choice;
}

QString choiceHelp(const QString &choice)
{
    static const QHash<QString, const char *> help{
        {u"simultaneous"_s,
         QT_TRANSLATE_NOOP("FieldEditor", "Every member rings at the same time; the first to "
                                          "answer takes the call.")},
        {u"sequential"_s,
         QT_TRANSLATE_NOOP("FieldEditor", "Members ring one after another in the list's order, "
                                          "always from the first, until someone answers.")},
        {u"round-robin"_s,
         QT_TRANSLATE_NOOP("FieldEditor", "One member per call, taking turns from call to call; "
                                          "if they do not answer, the next step follows.")},
        {u"linear-round-robin"_s,
         QT_TRANSLATE_NOOP("FieldEditor", "Starts with the member whose turn it is, then rings "
                                          "the others in order until someone answers.")},
    };
    const char *text = help.value(choice);
    return text ? QCoreApplication::translate("FieldEditor", text) : QString();
}

// ---- simple kinds ----------------------------------------------------------------------

class IntegerEditor : public FieldEditor
{
public:
    IntegerEditor(const FieldSpec &spec, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_spin(new QSpinBox(body()))
    {
        m_spin->setRange(spec.min, spec.max);
        m_spin->setKeyboardTracking(false); // one edit when typing is done, not per digit
        const bool seconds = spec.key.contains(u"seconds") || spec.key == u"timeout";
        if (seconds)
            m_spin->setSuffix(FieldEditor::tr(" s"));
        auto *l = row(body());
        l->addWidget(m_spin);
        l->addWidget(new QLabel(FieldEditor::tr("(%1–%2)").arg(spec.min).arg(spec.max), body()));
        l->addStretch();
        connect(m_spin, &QSpinBox::valueChanged, this, [this](int v) { emit edited(v); });
    }
    void setValue(const QJsonValue &value) override
    {
        const QSignalBlocker block(m_spin);
        m_spin->setValue(value.toInt(spec().defaultValue.toInt()));
    }

private:
    QSpinBox *m_spin;
};

class BooleanEditor : public FieldEditor
{
public:
    BooleanEditor(const FieldSpec &spec, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_box(new QCheckBox(spec.displayLabel(), body()))
    {
        row(body())->addWidget(m_box);
        connect(m_box, &QCheckBox::toggled, this, [this](bool on) { emit edited(on); });
    }
    void setValue(const QJsonValue &value) override
    {
        const QSignalBlocker block(m_box);
        m_box->setChecked(value.toBool());
    }

private:
    QCheckBox *m_box;
};

class ChoiceEditor : public FieldEditor
{
public:
    ChoiceEditor(const FieldSpec &spec, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_box(new QComboBox(body()))
        , m_help(new QLabel(body()))
    {
        const bool sharing = spec.key == u"assign";
        for (const QString &c : spec.choices) {
            m_box->addItem(c == u"round-robin" && sharing
                               ? FieldEditor::tr("Share them out in turns")
                               : choiceLabel(c),
                           c);
            if (!sharing)
                m_box->setItemData(m_box->count() - 1, choiceHelp(c), Qt::ToolTipRole);
        }
        m_help->setWordWrap(true);
        m_help->setForegroundRole(QPalette::PlaceholderText);
        auto *l = new QVBoxLayout(body());
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(m_box);
        l->addWidget(m_help);
        connect(m_box, &QComboBox::activated, this, [this] {
            showHelp();
            emit edited(m_box->currentData().toString());
        });
    }
    void setValue(const QJsonValue &value) override
    {
        m_box->setCurrentIndex(m_box->findData(value.toString(spec().defaultValue.toString())));
        showHelp();
    }

private:
    // What the chosen strategy does, under it, in the help articles' words.
    void showHelp()
    {
        const QString help = m_box->currentData(Qt::ToolTipRole).toString();
        m_help->setText(help);
        m_help->setVisible(!help.isEmpty());
        m_box->setToolTip(help);
    }
    QComboBox *m_box;
    QLabel *m_help;
};

// Text is committed when typing pauses or the field is left, not per key.
class TextEditor : public FieldEditor
{
public:
    TextEditor(const FieldSpec &spec, bool optional, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_optional(optional ? new QCheckBox(spec.displayLabel(), body()) : nullptr)
        , m_text(new QPlainTextEdit(body()))
        , m_count(new QLabel(body()))
    {
        m_text->setMaximumHeight(64);
        m_timer.setSingleShot(true);
        m_timer.setInterval(700);
        auto *l = new QVBoxLayout(body());
        l->setContentsMargins(0, 0, 0, 0);
        if (m_optional)
            l->addWidget(m_optional);
        l->addWidget(m_text);
        l->addWidget(m_count);
        m_count->setForegroundRole(QPalette::PlaceholderText);
        connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
            m_count->setText(FieldEditor::tr("%1 of at most %2 characters")
                                 .arg(m_text->toPlainText().size())
                                 .arg(this->spec().max));
            m_timer.start();
        });
        connect(&m_timer, &QTimer::timeout, this, [this] { commit(); });
        if (m_optional)
            connect(m_optional, &QCheckBox::toggled, this, [this](bool on) {
                m_text->setEnabled(on);
                commit();
            });
    }
    void setValue(const QJsonValue &value) override
    {
        const QSignalBlocker b1(m_text);
        if (m_optional) {
            const QSignalBlocker b2(m_optional);
            m_optional->setChecked(!value.isNull() && !value.isUndefined());
            m_text->setEnabled(m_optional->isChecked());
        }
        if (m_text->toPlainText() != value.toString())
            m_text->setPlainText(value.toString());
        m_count->setText(FieldEditor::tr("%1 of at most %2 characters")
                             .arg(m_text->toPlainText().size())
                             .arg(spec().max));
    }

private:
    void commit()
    {
        m_timer.stop();
        if (m_optional && !m_optional->isChecked())
            emit edited(QJsonValue::Null);
        else
            emit edited(m_text->toPlainText());
    }
    QCheckBox *m_optional;
    QPlainTextEdit *m_text;
    QLabel *m_count;
    QTimer m_timer;
};

class PromptEditor : public FieldEditor
{
public:
    enum Kind
    {
        Default,
        Say,
        Play
    };
    PromptEditor(const FieldSpec &spec, bool optional, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_kind(new QComboBox(body()))
        , m_text(new QPlainTextEdit(body()))
        , m_voice(new QLineEdit(body()))
    {
        if (optional)
            m_kind->addItem(spec.key == u"invalid_prompt"
                                ? FieldEditor::tr("The usual message")
                                : FieldEditor::tr("The owner's greeting, or the usual one"),
                            Default);
        m_kind->addItem(FieldEditor::tr("Say this text"), Say);
        m_kind->addItem(FieldEditor::tr("Play a recording (URL)"), Play);
        m_text->setMaximumHeight(60);
        m_voice->setPlaceholderText(FieldEditor::tr("Voice, e.g. Polly.Joanna (optional)"));
        auto *l = new QVBoxLayout(body());
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(m_kind);
        l->addWidget(m_text);
        l->addWidget(m_voice);
        m_timer.setSingleShot(true);
        m_timer.setInterval(700);
        connect(m_kind, &QComboBox::activated, this, [this] {
            update();
            commit();
        });
        connect(m_text, &QPlainTextEdit::textChanged, this, [this] { m_timer.start(); });
        connect(m_voice, &QLineEdit::editingFinished, this, [this] { commit(); });
        connect(&m_timer, &QTimer::timeout, this, [this] { commit(); });
    }
    void setValue(const QJsonValue &value) override
    {
        const std::optional<Prompt> p = Prompt::fromJson(value);
        const QSignalBlocker b(m_text);
        const Kind kind = !value.isObject() ? Default : p && p->plays() ? Play : Say;
        m_kind->setCurrentIndex(m_kind->findData(kind));
        const QString text = p ? p->text : QString();
        if (m_text->toPlainText() != text)
            m_text->setPlainText(text);
        m_voice->setText(p ? p->voice : QString());
        update();
    }

private:
    void update()
    {
        const int kind = m_kind->currentData().toInt();
        m_text->setVisible(kind != Default);
        m_voice->setVisible(kind == Say);
        m_text->setPlaceholderText(kind == Play ? u"https://example.com/greeting.mp3"_s
                                                : FieldEditor::tr("Thank you for calling."));
    }
    void commit()
    {
        m_timer.stop();
        const int kind = m_kind->currentData().toInt();
        if (kind == Default) {
            emit edited(QJsonValue::Null);
            return;
        }
        const QString text = m_text->toPlainText().trimmed();
        Prompt p = kind == Play ? Prompt::play(text) : Prompt::say(text);
        if (kind == Say)
            p.voice = m_voice->text().trimmed();
        emit edited(p.toJson());
    }
    QComboBox *m_kind;
    QPlainTextEdit *m_text;
    QLineEdit *m_voice;
    QTimer m_timer;
};

// ---- people ------------------------------------------------------------------------------

class OwnerEditor : public FieldEditor
{
public:
    OwnerEditor(const FieldSpec &spec, const Organization &org, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_box(new QComboBox(body()))
    {
        m_box->addItem(FieldEditor::tr("Choose…"), QString());
        for (const Group &g : org.groups)
            m_box->addItem(ConsoleLook::icon(u":/icons/sections/users.svg"_s),
                           FieldEditor::tr("Group: %1").arg(g.name), Owner::group(g.id).queryKey());
        // Each with its kind's icon: the names line up, and groups and people tell apart.
        for (const User &u : org.users)
            m_box->addItem(ConsoleLook::icon(u":/icons/sections/user.svg"_s),
                           FieldEditor::tr("User: %1").arg(u.name), Owner::user(u.id).queryKey());
        row(body())->addWidget(m_box);
        connect(m_box, &QComboBox::activated, this, [this] {
            if (const auto owner = Owner::fromQueryKey(m_box->currentData().toString()))
                emit edited(owner->toJson());
        });
    }
    void setValue(const QJsonValue &value) override
    {
        const std::optional<Owner> owner = Owner::fromJson(value);
        m_box->setCurrentIndex(std::max(0, owner ? m_box->findData(owner->queryKey()) : 0));
    }

private:
    QComboBox *m_box;
};

// An ad-hoc ring list: users in ring order, picked from a list or dragged in from the
// builder's users list, reordered by dragging.
class RingList : public QListWidget
{
public:
    explicit RingList(const Organization &org, QWidget *parent)
        : QListWidget(parent)
        , m_org(org)
    {
        setDragDropMode(DragDrop);
        setDefaultDropAction(Qt::MoveAction);
        setAcceptDrops(true);
        setDropIndicatorShown(false); // the line is drawn here, anywhere on a row
        // One height whatever it holds: the panel does not move under the next drop.
        setFixedHeight(110);
    }
    std::function<void()> changed;

    void setIds(const QStringList &ids)
    {
        clear();
        for (const QString &id : ids)
            addId(id);
    }
    void addId(const QString &id, int row = -1)
    {
        const User *u = m_org.user(id);
        auto *item = new QListWidgetItem(u ? u->name : id);
        item->setData(Qt::UserRole, id);
        insertItem(row < 0 ? count() : row, item);
    }
    QStringList ids() const
    {
        QStringList result;
        for (int i = 0; i < count(); ++i)
            result.append(item(i)->data(Qt::UserRole).toString());
        return result;
    }
    int dropLineRow() const { return m_line.row(); }

protected:
    QStringList mimeTypes() const override
    {
        return QListWidget::mimeTypes() << QString::fromLatin1(MimeType::Users);
    }
    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (event->mimeData()->hasFormat(QString::fromLatin1(MimeType::Users)))
            event->acceptProposedAction();
        else
            QListWidget::dragEnterEvent(event);
    }
    void dragMoveEvent(QDragMoveEvent *event) override
    {
        QListWidget::dragMoveEvent(event); // scrolls near the edges
        if (event->source() == this ||
            event->mimeData()->hasFormat(QString::fromLatin1(MimeType::Users))) {
            m_line.show(this, event->position().toPoint());
            event->setDropAction(event->source() == this ? Qt::MoveAction
                                                         : event->proposedAction());
            event->accept();
        } else {
            m_line.hide(this);
            event->ignore();
        }
    }
    void dragLeaveEvent(QDragLeaveEvent *event) override
    {
        m_line.hide(this);
        QListWidget::dragLeaveEvent(event);
    }
    void dropEvent(QDropEvent *event) override
    {
        int row = DropLine::rowAt(this, event->position().toPoint());
        m_line.hide(this);
        if (event->source() == this) {
            // A reorder: the dragged members, in their order, where the line was.
            QList<int> rows;
            for (const QModelIndex &i : selectionModel()->selectedRows())
                rows.append(i.row());
            std::sort(rows.begin(), rows.end());
            QStringList moved;
            for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
                moved.prepend(item(*it)->data(Qt::UserRole).toString());
                delete takeItem(*it);
                if (*it < row)
                    --row;
            }
            for (const QString &id : std::as_const(moved))
                addId(id, row++);
            event->setDropAction(Qt::CopyAction); // done here: nothing to remove at the source
            event->accept();
        } else {
            const QStringList users = MimeType::decodeUsers(event->mimeData());
            for (const QString &id : users) {
                if (!ids().contains(id))
                    addId(id, row++);
            }
            event->acceptProposedAction();
        }
        if (changed)
            changed();
    }
    void paintEvent(QPaintEvent *event) override
    {
        QListWidget::paintEvent(event);
        QPainter painter(viewport());
        m_line.paint(this, &painter);
    }

private:
    const Organization &m_org;
    DropLine m_line;
};

class TargetEditor : public FieldEditor
{
public:
    enum Form
    {
        GroupForm,
        UserForm,
        MembersForm,
        NumberForm,
        OwnerForm
    };
    TargetEditor(const FieldSpec &spec, const Organization &org, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_org(org)
        , m_form(new QComboBox(body()))
        , m_stack(new QStackedWidget(body()))
        , m_group(new QComboBox(m_stack))
        , m_user(new QComboBox(m_stack))
        , m_members(new QWidget(m_stack))
        , m_ring(new RingList(m_org, m_members))
        , m_add(new QPushButton(FieldEditor::tr("Add a user…"), m_members))
        , m_number(new QLineEdit(m_stack))
        , m_pendingNote(new QLabel(body()))
    {
        m_form->addItem(FieldEditor::tr("A group"), GroupForm);
        m_form->addItem(FieldEditor::tr("A user"), UserForm);
        m_form->addItem(FieldEditor::tr("These users (a ring list)"), MembersForm);
        m_form->addItem(FieldEditor::tr("A phone number"), NumberForm);
        m_form->addItem(FieldEditor::tr("The caller's contact owner"), OwnerForm);
        m_group->addItem(FieldEditor::tr("Choose a group…"), QString());
        for (const Group &g : org.groups)
            m_group->addItem(g.name, g.id);
        m_user->addItem(FieldEditor::tr("Choose a user…"), QString());
        for (const User &u : org.users)
            m_user->addItem(u.name, u.id);
        // A button with a menu, not a drop-down: an arrow key on a drop-down picks its next
        // entry at once, and would add someone on the first Down.
        m_add->setObjectName(u"addToRingButton"_s);
        m_add->setIcon(ConsoleLook::icon(u":/icons/actions/add.svg"_s));
        m_add->setToolTip(FieldEditor::tr("Add a user to the end of the ring list"));
        m_add->setAutoDefault(false);
        auto *addMenu = new QMenu(m_add);
        m_add->setMenu(addMenu);
        connect(addMenu, &QMenu::aboutToShow, this, [this, addMenu] {
            addMenu->clear();
            const QStringList inRing = m_ring->ids();
            for (const User &u : m_org.users) {
                if (inRing.contains(u.id))
                    continue; // already rings
                addMenu->addAction(u.name, this, [this, id = u.id] {
                    m_ring->addId(id);
                    commit();
                });
            }
            if (addMenu->isEmpty())
                addMenu->addAction(FieldEditor::tr("Everyone is in the list"))->setEnabled(false);
        });
        m_number->setPlaceholderText(u"+15125550100"_s);
        auto *removeButton = new QToolButton(m_members);
        removeButton->setObjectName(u"removeFromRingButton"_s);
        removeButton->setIcon(ConsoleLook::icon(u":/icons/actions/remove.svg"_s));
        removeButton->setToolTip(FieldEditor::tr("Remove from the ring list"));
        removeButton->setAccessibleName(removeButton->toolTip());
        auto *membersLayout = new QVBoxLayout(m_members);
        membersLayout->setContentsMargins(0, 0, 0, 0);
        membersLayout->addWidget(
            new QLabel(FieldEditor::tr("In ring order; drag users here or add them:"), m_members));
        membersLayout->addWidget(m_ring);
        auto *addRow = new QHBoxLayout;
        addRow->addWidget(m_add, 1);
        addRow->addWidget(removeButton);
        membersLayout->addLayout(addRow);
        // A stacked widget makes every page as tall as its tallest (the ring list): keep the
        // one-line pages at their own height.
        auto page = [this](QWidget *w) {
            auto *holder = new QWidget(m_stack);
            auto *l = new QVBoxLayout(holder);
            l->setContentsMargins(0, 0, 0, 0);
            l->addWidget(w);
            l->addStretch();
            m_stack->addWidget(holder);
        };
        page(m_group);
        page(m_user);
        m_stack->addWidget(m_members);
        page(m_number);
        page(new QLabel(FieldEditor::tr("Rings whoever owns the caller's contact."), m_stack));
        // A stacked widget is as tall as its tallest page: only the page shown counts, so a
        // group's one line leaves no room for a ring list below it.
        const auto fitShown = [this] {
            for (int i = 0; i < m_stack->count(); ++i) {
                const bool shown = i == m_stack->currentIndex();
                m_stack->widget(i)->setSizePolicy(
                    shown ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                    shown ? QSizePolicy::Preferred : QSizePolicy::Ignored);
            }
            m_stack->updateGeometry();
        };
        connect(m_stack, &QStackedWidget::currentChanged, this, fitShown);
        fitShown();
        // While a form chosen is not filled in, it says that the step rings as before.
        m_pendingNote->setWordWrap(true);
        ConsoleLook::setTone(m_pendingNote, ConsoleLook::Tone::Warning);
        m_pendingNote->hide();
        auto *l = new QVBoxLayout(body());
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(m_form);
        l->addWidget(m_stack);
        l->addWidget(m_pendingNote);

        connect(m_form, &QComboBox::activated, this, [this] {
            m_stack->setCurrentIndex(m_form->currentData().toInt());
            // Until the new form has what it needs (a user chosen, someone in the list), the
            // step keeps its target and this form stays shown, whatever refreshes the panel.
            m_pendingForm = m_form->currentData().toInt();
            commit();
            showPending();
            emit fieldsChanged();
        });
        connect(m_group, &QComboBox::activated, this, [this] { commit(); });
        connect(m_user, &QComboBox::activated, this, [this] { commit(); });
        connect(m_number, &QLineEdit::editingFinished, this, [this] { commit(); });
        connect(removeButton, &QToolButton::clicked, this, [this] {
            delete m_ring->currentItem();
            commit();
        });
        m_ring->changed = [this] { commit(); };
    }
    void setValue(const QJsonValue &value) override
    {
        if (m_pendingForm >= 0 && value == m_shown)
            return; // the form chosen is still being filled in
        m_pendingForm = -1;
        showPending();
        m_shown = value;
        // A malformed target (the validator says what is wrong) shows as a group to choose.
        const DialTarget t = DialTarget::fromJson(value).value_or(DialTarget::group({}));
        const Form form = formOf(t.kind);
        const bool otherForm = m_stack->currentIndex() != form;
        m_form->setCurrentIndex(form);
        m_stack->setCurrentIndex(form);
        if (otherForm)
            emit fieldsChanged();
        const QString id = t.kind == DialTarget::Kind::Group || t.kind == DialTarget::Kind::User
                               ? t.id
                               : QString();
        m_group->setCurrentIndex(
            std::max(0, t.kind == DialTarget::Kind::Group ? m_group->findData(id) : 0));
        m_user->setCurrentIndex(
            std::max(0, t.kind == DialTarget::Kind::User ? m_user->findData(id) : 0));
        m_ring->setIds(t.members);
        m_number->setText(t.number);
    }

private:
    static Form formOf(DialTarget::Kind kind)
    {
        switch (kind) {
        case DialTarget::Kind::Group:
            return GroupForm;
        case DialTarget::Kind::User:
            return UserForm;
        case DialTarget::Kind::Members:
            return MembersForm;
        case DialTarget::Kind::Number:
            return NumberForm;
        case DialTarget::Kind::CallerOwner:
            return OwnerForm;
        }
        return GroupForm;
    }
    // What the form says now; the catalogue's rules decide whether it is taken. A form not
    // filled in yet (no group or user chosen, nobody in the list) says nothing.
    void commit()
    {
        std::optional<DialTarget> target;
        switch (m_form->currentData().toInt()) {
        case GroupForm:
            if (!m_group->currentData().toString().isEmpty())
                target = DialTarget::group(m_group->currentData().toString());
            break;
        case UserForm:
            if (!m_user->currentData().toString().isEmpty())
                target = DialTarget::user(m_user->currentData().toString());
            break;
        case MembersForm:
            if (!m_ring->ids().isEmpty())
                target = DialTarget::listOf(m_ring->ids());
            break;
        case NumberForm:
            if (!m_number->text().trimmed().isEmpty())
                target = DialTarget::outsideNumber(m_number->text().trimmed());
            break;
        case OwnerForm:
            target = DialTarget::callerOwner();
            break;
        }
        if (!target)
            return;
        m_pendingForm = -1;
        showPending();
        emit edited(target->toJson());
    }
    void showPending()
    {
        m_pendingNote->setVisible(m_pendingForm >= 0);
        if (m_pendingForm < 0)
            return;
        const std::optional<DialTarget> shown = DialTarget::fromJson(m_shown);
        const QString now = shown ? targetName(shown, m_org) : QString();
        m_pendingNote->setText(
            now.isEmpty()
                ? FieldEditor::tr("Not changed yet: fill this in for the step to use it.")
                : FieldEditor::tr("Not changed yet: until this is filled in, the step rings %1.")
                      .arg(now));
    }
    const Organization &m_org;
    QComboBox *m_form;
    QStackedWidget *m_stack;
    QComboBox *m_group;
    QComboBox *m_user;
    QWidget *m_members;
    RingList *m_ring;
    QPushButton *m_add;
    QLineEdit *m_number;
    QLabel *m_pendingNote;
    QJsonValue m_shown;     // the target the step has
    int m_pendingForm = -1; // a form chosen but not filled in yet
};

// ---- time ---------------------------------------------------------------------------------

class TimeZoneEditor : public FieldEditor
{
public:
    TimeZoneEditor(const FieldSpec &spec, const Organization &org, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_box(new QComboBox(body()))
    {
        m_box->addItem(FieldEditor::tr("The organization's (%1)")
                           .arg(org.timezone.isEmpty() ? u"UTC"_s : org.timezone),
                       QString());
        for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
            m_box->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
        row(body())->addWidget(m_box);
        connect(m_box, &QComboBox::activated, this, [this] {
            const QString zone = m_box->currentData().toString();
            emit edited(zone.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(zone));
        });
    }
    void setValue(const QJsonValue &value) override
    {
        m_box->setCurrentIndex(std::max(0, m_box->findData(value.toString())));
    }

private:
    QComboBox *m_box;
};

// A day's open hours drawn over 24 hours, under the text that sets them.
class DayBar : public QWidget
{
public:
    explicit DayBar(QWidget *parent)
        : QWidget(parent)
    {
        setMinimumSize(140, 14);
    }
    QJsonArray ranges;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        const QRectF r = QRectF(rect()).adjusted(0, 2, -1, -2);
        p.setPen(ConsoleLook::lineColor(palette()));
        p.setBrush(palette().color(QPalette::AlternateBase));
        p.drawRect(r);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x2e, 0x7d, 0x32));
        for (const QJsonValue &v : ranges) {
            const int from = parseClockTime(v.toArray().at(0).toString(), false);
            int to = parseClockTime(v.toArray().at(1).toString(), true);
            if (from < 0 || to < 0)
                continue;
            auto span = [&](int a, int b) {
                p.drawRect(QRectF(r.left() + r.width() * a / 1440.0, r.top(),
                                  r.width() * (b - a) / 1440.0, r.height()));
            };
            if (to <= from) { // past midnight: the rest of this day
                span(from, 1440);
                to = 0;
            } else {
                span(from, to);
            }
        }
    }
};

class WeeklyEditor : public FieldEditor
{
public:
    WeeklyEditor(const FieldSpec &spec, QWidget *parent)
        : FieldEditor(spec, parent)
    {
        auto *grid = new QFormLayout(body());
        grid->setContentsMargins(0, 0, 0, 0);
        const QStringList names{FieldEditor::tr("Monday"),    FieldEditor::tr("Tuesday"),
                                FieldEditor::tr("Wednesday"), FieldEditor::tr("Thursday"),
                                FieldEditor::tr("Friday"),    FieldEditor::tr("Saturday"),
                                FieldEditor::tr("Sunday")};
        for (int d = 0; d < 7; ++d) {
            auto *edit = new QLineEdit(body());
            edit->setPlaceholderText(FieldEditor::tr("closed"));
            edit->setToolTip(
                FieldEditor::tr("Open hours, like 09:00-12:00, 13:00-17:30; a range may run past "
                                "midnight (22:00-02:00)."));
            auto *bar = new DayBar(body());
            auto *cell = new QWidget(body());
            auto *cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->setSpacing(1);
            cellLayout->addWidget(edit);
            cellLayout->addWidget(bar);
            grid->addRow(names.at(d), cell);
            m_days.append(edit);
            m_bars.append(bar);
            connect(edit, &QLineEdit::editingFinished, this, [this] { commit(); });
        }
    }
    void setValue(const QJsonValue &value) override
    {
        const QJsonObject week = value.toObject();
        const QStringList keys = AppletCatalogue::weekdayKeys();
        for (int d = 0; d < 7; ++d) {
            QStringList parts;
            const QJsonArray ranges = week.value(keys.at(d)).toArray();
            for (const QJsonValue &r : ranges)
                parts.append(r.toArray().at(0).toString() + u'-' + r.toArray().at(1).toString());
            m_days.at(d)->setText(parts.join(u", "_s));
            m_bars.at(d)->ranges = ranges;
            m_bars.at(d)->update();
        }
    }

private:
    void commit()
    {
        QJsonObject week;
        const QStringList keys = AppletCatalogue::weekdayKeys();
        static const QRegularExpression range(
            uR"(^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$)"_s);
        for (int d = 0; d < 7; ++d) {
            QJsonArray ranges;
            const QString text = m_days.at(d)->text().trimmed();
            if (!text.isEmpty()) {
                for (const QString &part : text.split(u',')) {
                    const auto m = range.match(part);
                    if (!m.hasMatch()) {
                        setProblem(FieldEditor::tr("\"%1\" is not a range like 09:00-17:00.")
                                       .arg(part.trimmed()));
                        return;
                    }
                    ranges.append(QJsonArray{m.captured(1).rightJustified(5, u'0'),
                                             m.captured(2).rightJustified(5, u'0')});
                }
            }
            week.insert(keys.at(d), ranges);
        }
        emit edited(week);
    }
    QList<QLineEdit *> m_days;
    QList<DayBar *> m_bars;
};

class DateEditor : public FieldEditor
{
public:
    DateEditor(const FieldSpec &spec, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_date(new QDateEdit(body()))
    {
        m_date->setCalendarPopup(true);
        m_date->setDisplayFormat(u"yyyy-MM-dd"_s);
        row(body())->addWidget(m_date);
        connect(m_date, &QDateEdit::editingFinished, this,
                [this] { emit edited(m_date->date().toString(Qt::ISODate)); });
    }
    void setValue(const QJsonValue &value) override
    {
        const QSignalBlocker b(m_date);
        const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
        m_date->setDate(d.isValid() ? d : QDate::currentDate());
    }

private:
    QDateEdit *m_date;
};

class CallerIdEditor : public FieldEditor
{
public:
    CallerIdEditor(const FieldSpec &spec, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_box(new QComboBox(body()))
        , m_number(new QLineEdit(body()))
    {
        m_box->addItem(FieldEditor::tr("The caller's number"),
                       CallerId{CallerId::Kind::Caller, {}}.toJson().toString());
        m_box->addItem(FieldEditor::tr("The number they called"),
                       CallerId{CallerId::Kind::Number, {}}.toJson().toString());
        m_box->addItem(FieldEditor::tr("This number:"), QString());
        m_number->setPlaceholderText(u"+15125550100"_s);
        auto *l = row(body());
        l->addWidget(m_box);
        l->addWidget(m_number, 1);
        connect(m_box, &QComboBox::activated, this, [this] { commit(); });
        connect(m_number, &QLineEdit::editingFinished, this, [this] { commit(); });
    }
    void setValue(const QJsonValue &value) override
    {
        const QString v = value.toString(CallerId().toJson().toString());
        const int index = m_box->findData(v);
        m_box->setCurrentIndex(index >= 0 ? index : 2);
        m_number->setText(index >= 0 ? QString() : v);
        m_number->setEnabled(index < 0);
    }

private:
    void commit()
    {
        const QString v = m_box->currentData().toString();
        m_number->setEnabled(v.isEmpty());
        emit edited(v.isEmpty() ? m_number->text().trimmed() : v);
    }
    QComboBox *m_box;
    QLineEdit *m_number;
};

class KeywordsEditor : public FieldEditor
{
public:
    KeywordsEditor(const FieldSpec &spec, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_edit(new QLineEdit(body()))
    {
        m_edit->setPlaceholderText(u"SALES, SUPPORT"_s);
        row(body())->addWidget(m_edit);
        connect(m_edit, &QLineEdit::textEdited, this,
                [this](const QString &t) { m_edit->setText(t.toUpper()); });
        connect(m_edit, &QLineEdit::editingFinished, this, [this] {
            QJsonArray words;
            for (const QString &w : m_edit->text().split(u',', Qt::SkipEmptyParts))
                words.append(w.trimmed());
            emit edited(words);
        });
    }
    void setValue(const QJsonValue &value) override
    {
        QStringList words;
        for (const QJsonValue &w : value.toArray())
            words.append(w.toString());
        m_edit->setText(words.join(u", "_s));
    }

private:
    QLineEdit *m_edit;
};

// A list of objects (dial steps, holidays), each made of its item fields' editors.
class ObjectListEditor : public FieldEditor
{
public:
    ObjectListEditor(const FieldSpec &spec, const Organization &org, QWidget *parent)
        : FieldEditor(spec, parent)
        , m_org(org)
        , m_items(new QVBoxLayout)
        , m_add(new QToolButton(body()))
    {
        auto *l = new QVBoxLayout(body());
        l->setContentsMargins(0, 0, 0, 0);
        l->addLayout(m_items);
        m_add->setIcon(ConsoleLook::icon(u":/icons/actions/add.svg"_s));
        m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_add->setText(spec.key == u"steps" ? FieldEditor::tr("Add a step")
                                            : FieldEditor::tr("Add"));
        l->addWidget(m_add, 0, Qt::AlignLeft);
        connect(m_add, &QToolButton::clicked, this, [this] {
            QJsonObject item;
            for (const FieldSpec &f : this->spec().itemFields) {
                if (!f.isRequired())
                    item.insert(f.key, f.defaultValue);
            }
            if (this->spec().key == u"holidays")
                item.insert(u"date"_s, QDate::currentDate().toString(Qt::ISODate));
            QJsonArray list = m_value;
            list.append(item);
            m_focusNew = true; // the new item's first field takes the keys
            emit edited(list);
            m_focusNew = false;
        });
    }
    void setValue(const QJsonValue &value) override
    {
        m_value = value.toArray();
        // Rebuild only when the number of items changes; else refresh in place (keeps focus).
        if (m_editors.size() != m_value.size()) {
            while (QLayoutItem *item = m_items->takeAt(0)) {
                delete item->widget();
                delete item;
            }
            m_editors.clear();
            for (qsizetype i = 0; i < m_value.size(); ++i)
                addItemBox(int(i));
            emit fieldsChanged();
            if (m_focusNew && !m_editors.isEmpty()) {
                // Once the panel has relinked the Tab order and laid the new box out.
                QMetaObject::invokeMethod(
                    this,
                    [box = QPointer<QWidget>(m_editors.last().value(0)->parentWidget())] {
                        if (!box)
                            return;
                        for (QWidget *w : box->findChildren<QWidget *>()) {
                            if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(box)) {
                                w->setFocus(Qt::TabFocusReason);
                                return;
                            }
                        }
                    },
                    Qt::QueuedConnection);
            }
        }
        for (qsizetype i = 0; i < m_value.size(); ++i) {
            const QJsonObject item = m_value.at(i).toObject();
            for (FieldEditor *e : std::as_const(m_editors[i]))
                e->setValue(item.contains(e->spec().key) ? item.value(e->spec().key)
                                                         : e->spec().defaultValue);
        }
        m_add->setEnabled(m_value.size() < spec().max);
    }

private:
    void addItemBox(int index)
    {
        auto *box =
            new QGroupBox(spec().key == u"steps"
                              ? FieldEditor::tr("Step %1").arg(index + 1)
                              : FieldEditor::tr("%1 %2").arg(spec().displayLabel()).arg(index + 1),
                          body());
        auto *form = new QFormLayout(box);
        QList<FieldEditor *> editors;
        for (const FieldSpec &f : spec().itemFields) {
            FieldEditor *e = FieldEditor::create(f, m_org, box);
            form->addRow(f.kind == FieldKind::Boolean ? QString() : f.displayLabel(), e);
            connect(e, &FieldEditor::fieldsChanged, this, &FieldEditor::fieldsChanged);
            connect(e, &FieldEditor::edited, this, [this, index, key = f.key](const QJsonValue &v) {
                QJsonArray list = m_value;
                QJsonObject item = list.at(index).toObject();
                item.insert(key, v);
                list[index] = item;
                emit edited(list);
            });
            editors.append(e);
        }
        auto *buttons = new QHBoxLayout;
        // Each button says what it does to which item, for screen readers too (not "Step 2"
        // three times).
        const QString what = box->title();
        auto tool = [&](const char *icon, const QString &tip, auto fn) -> QToolButton * {
            auto *b = new QToolButton(box);
            b->setIcon(
                ConsoleLook::icon(u":/icons/actions/"_s + QString::fromLatin1(icon) + u".svg"_s));
            b->setToolTip(tip);
            b->setAccessibleName(tip);
            connect(b, &QToolButton::clicked, this, fn);
            buttons->addWidget(b);
            return b;
        };
        // Only where the item can go (the first goes no earlier, the last no later).
        tool("move-up", FieldEditor::tr("Move %1 earlier").arg(what), [this, index] {
            move(index, index - 1);
        })->setEnabled(index > 0);
        tool("move-down", FieldEditor::tr("Move %1 later").arg(what), [this, index] {
            move(index, index + 1);
        })->setEnabled(index < m_value.size() - 1);
        tool("remove", FieldEditor::tr("Remove %1").arg(what), [this, index] {
            QJsonArray list = m_value;
            list.removeAt(index);
            emit edited(list);
        });
        buttons->addStretch();
        form->addRow(buttons);
        m_items->addWidget(box);
        m_editors.append(editors);
    }
    void move(int from, int to)
    {
        if (to < 0 || to >= m_value.size())
            return;
        QJsonArray list = m_value;
        const QJsonValue v = list.takeAt(from);
        list.insert(to, v);
        emit edited(list);
    }
    const Organization &m_org;
    QVBoxLayout *m_items;
    QToolButton *m_add;
    QJsonArray m_value;
    QList<QList<FieldEditor *>> m_editors;
    bool m_focusNew = false;
};

} // namespace

FieldEditor *FieldEditor::create(const FieldSpec &spec, const Organization &org, QWidget *parent)
{
    switch (spec.kind) {
    case FieldKind::Integer:
        return new IntegerEditor(spec, parent);
    case FieldKind::Boolean:
        return new BooleanEditor(spec, parent);
    case FieldKind::Choice:
        return new ChoiceEditor(spec, parent);
    case FieldKind::Text:
        return new TextEditor(spec, false, parent);
    case FieldKind::OptionalText:
        return new TextEditor(spec, true, parent);
    case FieldKind::Prompt:
        return new PromptEditor(spec, false, parent);
    case FieldKind::OptionalPrompt:
        return new PromptEditor(spec, true, parent);
    case FieldKind::Owner:
        return new OwnerEditor(spec, org, parent);
    case FieldKind::DialTarget:
        return new TargetEditor(spec, org, parent);
    case FieldKind::TimeZone:
        return new TimeZoneEditor(spec, org, parent);
    case FieldKind::Weekly:
        return new WeeklyEditor(spec, parent);
    case FieldKind::Date:
        return new DateEditor(spec, parent);
    case FieldKind::CallerId:
        return new CallerIdEditor(spec, parent);
    case FieldKind::Keywords:
        return new KeywordsEditor(spec, parent);
    case FieldKind::ObjectList:
        return new ObjectListEditor(spec, org, parent);
    }
    return nullptr;
}

} // namespace Switchboard
