#include "testcalldialog.h"

#include "catalogue/appletcatalogue.h"
#include "document/organizationdocument.h"
#include "flowbuilder/flowdocument.h"
#include "numbers/e164validator.h"
#include "routing/hours.h"
#include "shell/consolelook.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchboard {

TestCallDialog::TestCallDialog(OrganizationDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_number(new QComboBox(this))
    , m_caller(new QLineEdit(this))
    , m_callerProblem(new QLabel(this))
    , m_whenLabel(new QLabel(this))
    , m_when(new QDateTimeEdit(this))
    , m_call(new QRadioButton(tr("&Call"), this))
    , m_text(new QRadioButton(tr("Te&xt"), this))
    , m_keys(new QLineEdit(this))
    , m_answer(new QComboBox(this))
    , m_unavailable(new QListWidget(this))
    , m_body(new QLineEdit(this))
    , m_steps(new QListWidget(this))
    , m_ending(new QLabel(this))
    , m_run(new QPushButton(ConsoleLook::icon(u":/icons/actions/play.svg"_s), tr("&Run"), this))
    , m_show(new QPushButton(ConsoleLook::icon(u":/icons/actions/show.svg"_s),
                             tr("&Show on Canvas"), this))
{
    setWindowTitle(tr("Test Call"));
    // Named, so that the tests can find them.
    m_number->setObjectName(u"numberField"_s);
    m_caller->setObjectName(u"callerField"_s);
    m_when->setObjectName(u"whenField"_s);
    m_call->setObjectName(u"callChoice"_s);
    m_text->setObjectName(u"textChoice"_s);
    m_keys->setObjectName(u"keysField"_s);
    m_answer->setObjectName(u"answerField"_s);
    m_unavailable->setObjectName(u"unavailableList"_s);
    m_body->setObjectName(u"textField"_s);
    m_steps->setObjectName(u"stepList"_s);
    m_ending->setObjectName(u"endingLabel"_s);
    m_run->setObjectName(u"runButton"_s);
    m_show->setObjectName(u"showButton"_s);
    m_source = [this] {
        // Flow builders are children of the main window, as this dialog is.
        const QObject *root = this;
        while (root->parent())
            root = root->parent();
        return withOpenFlows(*m_document, root);
    };

    // A number reserved for fiction: it cannot be blocked or anyone's contact by accident.
    m_caller->setText(u"+15555550123"_s);
    m_caller->setValidator(new E164Validator(m_caller));
    m_caller->setPlaceholderText(u"+15125559999"_s);
    ConsoleLook::setTone(m_callerProblem, ConsoleLook::Tone::Problem);
    m_callerProblem->setWordWrap(true);
    m_when->setDisplayFormat(u"ddd yyyy-MM-dd HH:mm"_s);
    m_when->setCalendarPopup(true);
    m_whenLabel->setBuddy(m_when);
    auto *kind = new QButtonGroup(this);
    kind->addButton(m_call);
    kind->addButton(m_text);
    m_call->setChecked(true);
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_call);
    kindRow->addWidget(m_text);
    kindRow->addStretch();
    m_keys->setPlaceholderText(tr("e.g. 1, 2"));
    m_keys->setToolTip(tr("One key (or a few) for each time a menu asks, in order. When they run "
                          "out, the caller says nothing."));
    m_keys->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[0-9*#,\\s]*"_s), m_keys));
    m_answer->setToolTip(tr("Picks up when one of their devices rings."));
    m_unavailable->setToolTip(
        tr("Checked users are unavailable: the call does not ring them, and texts are not "
           "assigned to them."));
    m_unavailable->setMaximumHeight(96);
    m_body->setText(tr("Hello"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Number called:"), m_number);
    form->addRow(tr("C&aller's number:"), m_caller);
    form->addRow(QString(), m_callerProblem);
    form->addRow(m_whenLabel, m_when);
    form->addRow(QString(), kindRow);
    form->addRow(tr("&Keys pressed:"), m_keys);
    form->addRow(tr("&Who answers:"), m_answer);
    form->addRow(tr("&Unavailable:"), m_unavailable);
    form->addRow(tr("&Message:"), m_body);
    auto *inputs = new QGroupBox(tr("The call"), this);
    inputs->setLayout(form);

    m_steps->setWordWrap(true);
    m_steps->setAlternatingRowColors(true);
    m_steps->setIconSize(QSize(18, 18));
    QFont bold = m_ending->font();
    bold.setBold(true);
    m_ending->setFont(bold);
    m_ending->setWordWrap(true);
    auto *routeLayout = new QVBoxLayout;
    routeLayout->addWidget(m_steps, 1);
    routeLayout->addWidget(m_ending);
    auto *route = new QGroupBox(tr("The route"), this);
    route->setLayout(routeLayout);

    auto *columns = new QHBoxLayout;
    columns->addWidget(inputs);
    columns->addWidget(route, 1);

    auto *note = new QLabel(tr("Runs the routing engine here, on the configuration as it is "
                               "being edited: unsaved changes count. Nobody is called."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    buttons->addButton(m_show, QDialogButtonBox::ActionRole);
    m_run->setDefault(true);
    m_show->setToolTip(tr("Open the flow in the flow builder with the route drawn on it."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &TestCallDialog::run);
    connect(m_show, &QPushButton::clicked, this, &TestCallDialog::showOnCanvas);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(1000, 560);

    connect(m_caller, &QLineEdit::textChanged, this, &TestCallDialog::updateFields);
    connect(m_call, &QRadioButton::toggled, this, &TestCallDialog::updateFields);
    connect(m_document, &OrganizationDocument::changed, this, &TestCallDialog::refill);
    connect(m_document, &OrganizationDocument::organizationReset, this, &TestCallDialog::refill);
    refill();
    const QDateTime now = QDateTime::currentDateTime().toTimeZone(zone());
    m_when->setDateTime(QDateTime(now.date(), QTime(now.time().hour(), now.time().minute())));
    updateFields();
    m_ending->setText(tr("Choose the call, then Run."));
}

void TestCallDialog::setOrganizationSource(std::function<Organization()> source)
{
    m_source = std::move(source);
}

Organization TestCallDialog::withOpenFlows(const OrganizationDocument &document,
                                           const QObject *root)
{
    Organization org = document.organization();
    if (!root)
        return org;
    for (const FlowDocument *flow : root->findChildren<FlowDocument *>()) {
        if (flow->organizationDocument() != &document || !flow->isModified())
            continue;
        const int index = org.indexOfFlow(flow->flow().id);
        if (index >= 0)
            org.flows[index] = flow->flow();
    }
    return org;
}

QTimeZone TestCallDialog::zone() const
{
    return timeZoneOf(m_document->organization().timezone);
}

// The organization's numbers and users, kept in step with the document while open.
void TestCallDialog::refill()
{
    const Organization &org = m_document->organization();
    const QString number = m_number->currentData().toString();
    m_number->clear();
    for (const PhoneNumber &n : org.numbers) {
        const Flow *flow = org.flow(n.flow);
        const QString label = n.label.isEmpty() ? n.number : tr("%1 (%2)").arg(n.label, n.number);
        m_number->addItem(flow ? tr("%1 → flow \"%2\"").arg(label, flow->name)
                               : tr("%1: no flow").arg(label),
                          n.number);
    }
    m_number->setCurrentIndex(std::max(0, m_number->findData(number)));

    const QString answer = m_answer->currentData().toString();
    QSet<QString> unavailable;
    for (int i = 0; i < m_unavailable->count(); ++i) {
        if (m_unavailable->item(i)->checkState() == Qt::Checked)
            unavailable.insert(m_unavailable->item(i)->data(Qt::UserRole).toString());
    }
    m_answer->clear();
    m_answer->addItem(tr("Nobody"), QString());
    m_unavailable->clear();
    for (const User &u : org.users) {
        m_answer->addItem(u.name, u.id);
        auto *item = new QListWidgetItem(u.name, m_unavailable);
        item->setData(Qt::UserRole, u.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(unavailable.contains(u.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_answer->setCurrentIndex(std::max(0, m_answer->findData(answer)));

    const QString zoneName = org.timezone.isEmpty() ? u"UTC"_s : QString::fromUtf8(zone().id());
    m_whenLabel->setText(tr("W&hen (in %1):").arg(zoneName));
    m_when->setToolTip(tr("The date and time in the organization's time zone, %1.").arg(zoneName));
}

void TestCallDialog::updateFields()
{
    const bool call = m_call->isChecked();
    m_keys->setEnabled(call);
    m_answer->setEnabled(call);
    m_body->setEnabled(!call);
    const QString problem = E164Validator::explain(m_caller->text());
    m_callerProblem->setText(problem);
    m_callerProblem->setVisible(!problem.isEmpty());
    m_run->setEnabled(problem.isEmpty());
    m_show->setEnabled(m_hasResult && !m_result.flow.isEmpty() && !m_result.visited.isEmpty());
}

void TestCallDialog::preselect(const QString &flowId, Channel channel)
{
    const Organization &org = m_document->organization();
    for (const PhoneNumber &n : org.numbers) {
        if (!flowId.isEmpty() && n.flow == flowId) {
            m_number->setCurrentIndex(std::max(0, m_number->findData(n.number)));
            break;
        }
    }
    (channel == Channel::Voice ? m_call : m_text)->setChecked(true);
}

Simulation TestCallDialog::simulation() const
{
    Simulation sim;
    sim.to = m_number->currentData().toString();
    sim.from = m_caller->text();
    sim.at = QDateTime(m_when->date(), m_when->time(), zone());
    if (m_text->isChecked()) {
        sim.text = m_body->text(); // an empty text is still a text
        if (sim.text.isNull())
            sim.text = u""_s;
    } else {
        static const QRegularExpression separators(u"[,\\s]+"_s);
        sim.digits = m_keys->text().split(separators, Qt::SkipEmptyParts);
        sim.answer = m_answer->currentData().toString();
    }
    for (int i = 0; i < m_unavailable->count(); ++i) {
        if (m_unavailable->item(i)->checkState() == Qt::Checked)
            sim.unavailable.insert(m_unavailable->item(i)->data(Qt::UserRole).toString());
    }
    return sim;
}

void TestCallDialog::run()
{
    const Organization org = m_source();
    m_result = Simulator::run(org, simulation());
    m_hasResult = true;

    // Each step with the icon of the applet it is about, as on the canvas.
    const Flow *flow = org.flow(m_result.flow);
    const std::optional<Graph> noGraph;
    const std::optional<Graph> &graph = flow ? flow->graph(m_result.channel) : noGraph;
    m_steps->clear();
    for (int i = 0; i < m_result.steps.size(); ++i) {
        const QString applet = m_result.stepApplets.value(i);
        auto *item = new QListWidgetItem(tr("%1. %2").arg(i + 1).arg(m_result.steps.at(i)));
        item->setData(Qt::UserRole, applet);
        if (graph && graph->applets.contains(applet)) {
            if (const AppletType *type =
                    AppletCatalogue::instance().type(graph->applets.value(applet).type))
                item->setIcon(ConsoleLook::icon(type->iconPath()));
        }
        m_steps->addItem(item);
    }
    m_ending->setText(m_result.ending);
    updateFields();
}

void TestCallDialog::showOnCanvas()
{
    if (!m_hasResult || m_result.flow.isEmpty() || m_result.visited.isEmpty())
        return;
    emit showRoute(m_result.flow, m_result.channel, m_result.visited);
}

} // namespace Switchboard
