#pragma once

// One editor per kind of applet setting (FieldKind), made from the catalogue's FieldSpec:
// the inspector's form is generated, never written per applet type. Each editor shows a
// value, says when it was edited, and shows why an edit was refused.

#include "catalogue/appletcatalogue.h"

#include <QJsonValue>
#include <QWidget>

class QLabel;

namespace Switchboard {

class FieldEditor : public QWidget
{
    Q_OBJECT

public:
    FieldEditor(const FieldSpec &spec, QWidget *parent);
    const FieldSpec &spec() const { return m_spec; }
    // Shows `value` without reporting an edit.
    virtual void setValue(const QJsonValue &value) = 0;
    void setProblem(const QString &problem);

    // Makes the editor for `spec`. `organization` supplies users and groups to choose from.
    static FieldEditor *create(const FieldSpec &spec, const Organization &organization,
                               QWidget *parent);

signals:
    void edited(const QJsonValue &value);
    // Fields came or went (a target's other form, a new step): the Tab order is made again.
    void fieldsChanged();

protected:
    // Where a subclass puts its own widgets; the problem line goes under them.
    QWidget *body() const { return m_body; }

private:
    FieldSpec m_spec;
    QWidget *m_body;
    QLabel *m_problem;
};

} // namespace Switchboard
