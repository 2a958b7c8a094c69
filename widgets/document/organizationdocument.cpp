#include "organizationdocument.h"

#include "demo/demoorganization.h"
#include "store/database.h"
#include "store/organizationstore.h"
#include "validation/validator.h"

#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Switchboard {

OrganizationDocument::OrganizationDocument(std::unique_ptr<Database> db, Organization organization)
    : m_db(std::move(db))
    , m_store(std::make_unique<OrganizationStore>(*m_db))
    , m_organization(std::move(organization))
    , m_saved(m_organization)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
    // Validation of a large organization takes a noticeable moment: run it once after a
    // burst of edits rather than after each.
    m_validationTimer.setSingleShot(true);
    m_validationTimer.setInterval(150);
    connect(&m_validationTimer, &QTimer::timeout, this, &OrganizationDocument::validateNow);
    validateNow();
}

OrganizationDocument::~OrganizationDocument() = default;

std::unique_ptr<OrganizationDocument> OrganizationDocument::open(const QString &location,
                                                                 QString *error)
{
    error->clear();
    auto db = Database::open(location, error);
    if (!db)
        return nullptr;
    OrganizationStore store(*db);
    if (!store.prepare(error))
        return nullptr;
    const bool empty = store.isEmpty(error);
    if (!error->isEmpty())
        return nullptr;
    if (empty && !store.replace(demoOrganization(), error))
        return nullptr;
    auto organization = store.load(error);
    if (!organization)
        return nullptr;
    return std::unique_ptr<OrganizationDocument>(
        new OrganizationDocument(std::move(db), std::move(*organization)));
}

bool OrganizationDocument::isModified() const
{
    return !m_undoStack->isClean();
}

QString OrganizationDocument::databaseName() const
{
    return m_db->displayName();
}

bool OrganizationDocument::save(QString *error)
{
    if (!m_store->save(m_saved, m_organization, error))
        return false; // the edits stay in memory and on the undo stack
    m_saved = m_organization;
    m_undoStack->setClean();
    emit saved();
    return true;
}

void OrganizationDocument::setOrganization(const Organization &organization)
{
    m_organization = organization;
    emit organizationReset();
    scheduleValidation();
}

void OrganizationDocument::scheduleValidation()
{
    m_validationTimer.start();
}

void OrganizationDocument::validateNow()
{
    m_validationTimer.stop();
    m_findings = validateOrganization(m_organization);
    m_errorCount = countErrors(m_findings);
    m_warningCount = countWarnings(m_findings);
    emit findingsChanged();
}

} // namespace Switchboard
