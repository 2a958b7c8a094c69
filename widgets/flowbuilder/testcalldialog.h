#pragma once

#include "routing/simulator.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTimeZone;

namespace Switchboard {

class OrganizationDocument;

// "Test call": a call or a text as a customer would make it (the number, the caller, when,
// the keys pressed, who answers) run through the same routing engine as the backend, on the
// organization as it is being edited: unsaved changes count, and so do the unsaved edits of
// open flow builders. The route shows step by step; "Show on Canvas" draws it on the flow.
class TestCallDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TestCallDialog(OrganizationDocument *document, QWidget *parent = nullptr);

    // What a run simulates on; by default withOpenFlows() under this dialog's top window.
    void setOrganizationSource(std::function<Organization()> source);
    // The document's organization with the unsaved edits of every flow builder of the same
    // document found under `root`.
    static Organization withOpenFlows(const OrganizationDocument &document, const QObject *root);

    // Picks the first number that uses `flowId`, and a call or a text.
    void preselect(const QString &flowId, Channel channel);

    Simulation simulation() const; // what the fields say
    void run();
    const SimulationResult &result() const { return m_result; }
    bool hasResult() const { return m_hasResult; }
    // Asks for the route of the last run on its flow's canvas (showRoute).
    void showOnCanvas();

signals:
    void showRoute(const QString &flowId, Switchboard::Channel channel,
                   const QStringList &appletIds);

private:
    void refill();
    void updateFields();
    QTimeZone zone() const;

    OrganizationDocument *m_document;
    std::function<Organization()> m_source;
    QComboBox *m_number;
    QLineEdit *m_caller;
    QLabel *m_callerProblem;
    QLabel *m_whenLabel;
    QDateTimeEdit *m_when;
    QRadioButton *m_call;
    QRadioButton *m_text;
    QLineEdit *m_keys;
    QComboBox *m_answer;
    QListWidget *m_unavailable;
    QLineEdit *m_body;
    QListWidget *m_steps;
    QLabel *m_ending;
    QPushButton *m_run;
    QPushButton *m_show;
    SimulationResult m_result;
    bool m_hasResult = false;
};

} // namespace Switchboard
