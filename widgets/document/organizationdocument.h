#pragma once

// The organization being edited in the console: the model, its undo stack, the database it
// came from, and the validation findings of its current state. "Modified" is exactly
// "the undo stack is not clean"; saving writes what differs from what was last saved.

#include "model/organization.h"
#include "validation/finding.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QUndoStack;

namespace Switchboard {

class Database;
class OrganizationStore;

class OrganizationDocument : public QObject
{
    Q_OBJECT

public:
    ~OrganizationDocument() override;

    // Opens (creating and migrating as needed) the database at `location`; a new, empty
    // database is seeded with the demo organization.
    static std::unique_ptr<OrganizationDocument> open(const QString &location, QString *error);

    const Organization &organization() const { return m_organization; }
    QUndoStack *undoStack() const { return m_undoStack; }
    bool isModified() const;
    QString databaseName() const;
    OrganizationStore &store() const { return *m_store; }

    bool save(QString *error);

    const Findings &findings() const { return m_findings; }
    int errorCount() const { return m_errorCount; }
    int warningCount() const { return m_warningCount; }
    // Validates now instead of after the short pause that follows edits.
    void validateNow();

    // For undo commands: replace the whole state (they emit organizationReset()).
    void setOrganization(const Organization &organization);

signals:
    void organizationReset();
    void findingsChanged();
    void modifiedChanged(bool modified);
    void saved();

private:
    OrganizationDocument(std::unique_ptr<Database> db, Organization organization);
    void scheduleValidation();

    std::unique_ptr<Database> m_db;
    std::unique_ptr<OrganizationStore> m_store;
    Organization m_organization;
    Organization m_saved; // what the database holds
    QUndoStack *m_undoStack = nullptr;
    Findings m_findings;
    int m_errorCount = 0;
    int m_warningCount = 0;
    QTimer m_validationTimer;
};

} // namespace Switchboard
