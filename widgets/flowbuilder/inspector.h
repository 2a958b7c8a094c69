#pragma once

#include "model/organization.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QScrollArea;
class QVBoxLayout;

namespace Switchboard {

class FieldEditor;
class FlowEdits;

// The selected applet's settings, as a form generated from the applet catalogue. Each edit
// goes through the flow editor, which refuses what validation would call an error; the
// reason is shown under the field. The applet's current findings show there too.
class Inspector : public QWidget
{
    Q_OBJECT

public:
    explicit Inspector(FlowEdits *editor, QWidget *parent = nullptr);

    void setApplet(Channel channel, const QString &id);
    QString appletId() const { return m_id; }
    Channel channel() const { return m_channel; }
    FieldEditor *fieldEditor(const QString &key) const;
    // The keyboard goes to the applet's name, the first of its settings.
    void focusFirstField();

private:
    void rebuild();
    void refresh();
    void showFindings();
    void relinkTabOrder();
    void edit(const QString &key, const QJsonValue &value);
    const Applet *applet() const;

    FlowEdits *m_editor;
    Channel m_channel = Channel::Voice;
    QString m_id;
    QString m_type;
    Organization m_organization; // what the editors offer to choose from
    QLabel *m_title;
    QLabel *m_placeholder;
    QLineEdit *m_name;
    QWidget *m_form;
    QScrollArea *m_scroll;
    QVBoxLayout *m_fieldsLayout;
    QList<FieldEditor *> m_fields;
};

} // namespace Switchboard
