// The organization's findings after an edit: validated on a worker thread (the edit does not
// wait for it), announced once the newest state's findings are there, never those of a state
// an edit has overtaken. validateNow() still gives the current findings at once.
//
// The document validates on QThreadPool::globalInstance(). To hold a validation at a chosen
// moment, a test fills the pool's only thread with a task that waits until released.

#include "document/organizationdocument.h"
#include "documentfixture.h"
#include "groups/usersgroupsedits.h"
#include "validation/validator.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Switchboard;

namespace {
// Takes the global thread pool's only thread until release() (or destruction): whatever
// the document starts on the pool waits in the queue meanwhile.
class PoolBlocker
{
public:
    PoolBlocker()
    {
        m_maxThreads = pool()->maxThreadCount();
        pool()->waitForDone();
        pool()->setMaxThreadCount(1);
        pool()->start([this] {
            m_started.release();
            m_release.acquire();
        });
        m_started.acquire();
    }
    ~PoolBlocker()
    {
        release();
        pool()->waitForDone();
        pool()->setMaxThreadCount(m_maxThreads);
    }
    void release()
    {
        if (!m_released) {
            m_released = true;
            m_release.release();
        }
    }

private:
    static QThreadPool *pool() { return QThreadPool::globalInstance(); }
    QSemaphore m_started;
    QSemaphore m_release;
    bool m_released = false;
    int m_maxThreads = 0;
};
} // namespace

class TestDocumentFindings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void findingsFollowAnEditFromTheWorker();
    void aValidationOvertakenByAnEditIsDropped_data();
    void aValidationOvertakenByAnEditIsDropped();
    void validateNowGivesTheCurrentFindingsAtOnce();
    void destroyingTheDocumentDuringAValidationIsSafe();

private:
    // Runs the event loop until the findings are of the current state.
    bool waitForFindings();

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<OrganizationDocument> m_document;
    UsersGroupsEdits *m_edits = nullptr;
    // Each findingsChanged(): whether the announced findings are exactly those of the state
    // at that moment, and how many errors they count.
    QList<bool> m_announcedCurrent;
    QList<int> m_announcedErrors;
};

void TestDocumentFindings::init()
{
    m_dir = new QTemporaryDir;
    QString error;
    m_document = Test::openDocument(m_dir->filePath(u"findings.sqlite"_s),
                                    Test::smallOrganization(), &error);
    QVERIFY2(m_document, qPrintable(error));
    m_edits = new UsersGroupsEdits(m_document.get(), m_document.get());
    m_announcedCurrent.clear();
    m_announcedErrors.clear();
    connect(m_document.get(), &OrganizationDocument::findingsChanged, this, [this] {
        m_announcedCurrent.append(m_document->findings() ==
                                  validateOrganization(m_document->organization()));
        m_announcedErrors.append(m_document->errorCount());
    });
    // No errors, one warning.
    QCOMPARE(m_document->errorCount(), 0);
    QVERIFY(!m_document->isValidationPending());
}

void TestDocumentFindings::cleanup()
{
    m_document.reset();
    m_edits = nullptr;
    delete m_dir;
    m_dir = nullptr;
    QThreadPool::globalInstance()->waitForDone();
}

bool TestDocumentFindings::waitForFindings()
{
    QElapsedTimer timer;
    timer.start();
    while (m_document->isValidationPending() && timer.elapsed() < 10000)
        QTest::qWait(5);
    return !m_document->isValidationPending();
}

void TestDocumentFindings::findingsFollowAnEditFromTheWorker()
{
    const Findings before = m_document->findings();
    {
        PoolBlocker blocker;
        QVERIFY(m_edits->deleteGroup(u"sales"_s)); // four applets now name a missing group
        // The edit is done and the old findings stay until the new ones are there.
        QVERIFY(m_document->isValidationPending());
        QCOMPARE(m_document->findings(), before);
        // With the worker held, no findings come, however long the GUI thread waits: the
        // validation is not running on it.
        QTest::qWait(300);
        QVERIFY(m_announcedCurrent.isEmpty());
        QVERIFY(m_document->isValidationPending());
        blocker.release();
        QVERIFY(waitForFindings());
    }
    QCOMPARE(m_announcedCurrent, QList<bool>{true});
    QCOMPARE(m_document->findings(), validateOrganization(m_document->organization()));
    QCOMPARE(m_document->errorCount(), 4);
    QCOMPARE(m_document->warningCount(), countWarnings(m_document->findings()));

    // Undo is an edit like any other.
    m_document->undoStack()->undo();
    QVERIFY(m_document->isValidationPending());
    QVERIFY(waitForFindings());
    QCOMPARE(m_announcedCurrent, (QList<bool>{true, true}));
    QCOMPARE(m_document->findings(), before);
}

void TestDocumentFindings::aValidationOvertakenByAnEditIsDropped_data()
{
    QTest::addColumn<bool>("resultReadyBeforeB");
    QTest::addColumn<bool>("bWaitsForA");
    QTest::newRow("A's validation still queued when B comes") << false << false;
    QTest::newRow("B's validation asked for while A's runs") << false << true;
    QTest::newRow("A's result computed, not yet delivered, when B comes") << true << false;
}

void TestDocumentFindings::aValidationOvertakenByAnEditIsDropped()
{
    QFETCH(bool, resultReadyBeforeB);
    QFETCH(bool, bWaitsForA);
    {
        PoolBlocker blocker;
        // Edit A: its validation starts (and waits on the held pool).
        QVERIFY(m_edits->deleteGroup(u"sales"_s));
        QTest::qWait(50);
        QVERIFY(m_announcedCurrent.isEmpty());
        if (resultReadyBeforeB) {
            // A's validation runs to its end; its result waits in this thread's event queue.
            blocker.release();
            QThreadPool::globalInstance()->waitForDone();
        }
        // Edit B, before A's findings have arrived.
        QVERIFY(m_edits->deleteGroup(u"support"_s));
        if (bWaitsForA) {
            // B's turn comes while A's validation still has the worker: B's must follow
            // when A's ends.
            QTest::qWait(50);
            QVERIFY(m_announcedCurrent.isEmpty());
        }
        blocker.release();
        QVERIFY(waitForFindings());
    }
    QTest::qWait(50); // anything still on its way would arrive now
    // A's findings (4 errors) were never announced; B's were, once, and they are current.
    QCOMPARE(m_announcedCurrent, QList<bool>{true});
    QCOMPARE(m_document->findings(), validateOrganization(m_document->organization()));
    QVERIFY(m_document->errorCount() > 4);
    QCOMPARE(m_announcedErrors, QList<int>{m_document->errorCount()});
}

void TestDocumentFindings::validateNowGivesTheCurrentFindingsAtOnce()
{
    PoolBlocker blocker;
    QVERIFY(m_edits->deleteGroup(u"sales"_s));
    QTest::qWait(50); // the validation on the worker is queued
    m_document->validateNow();
    QVERIFY(!m_document->isValidationPending());
    QCOMPARE(m_document->errorCount(), 4);
    QCOMPARE(m_announcedCurrent, QList<bool>{true});
    m_document->validateNow(); // up to date: nothing to do, nothing announced
    QCOMPARE(m_announcedCurrent.size(), 1);

    // The worker's result for the same state is not announced a second time.
    blocker.release();
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    QCOMPARE(m_announcedCurrent, QList<bool>{true});
    QCOMPARE(m_document->errorCount(), 4);
}

void TestDocumentFindings::destroyingTheDocumentDuringAValidationIsSafe()
{
    {
        PoolBlocker blocker;
        QVERIFY(m_edits->deleteGroup(u"sales"_s));
        QTest::qWait(50); // the validation is queued
        QVERIFY(m_document->isValidationPending());
        m_document.reset(); // does not wait for the validation
        blocker.release();
        QThreadPool::globalInstance()->waitForDone();
    }
    QTest::qWait(50); // its result, if anything still carried it, would arrive now
    QVERIFY(m_announcedCurrent.isEmpty());

    // The same with the validation running at the moment the document goes.
    QString error;
    m_document = OrganizationDocument::open(m_dir->filePath(u"findings.sqlite"_s), &error);
    QVERIFY2(m_document, qPrintable(error));
    UsersGroupsEdits edits(m_document.get());
    QVERIFY(edits.deleteGroup(u"sales"_s));
    QCoreApplication::processEvents(); // the validation starts
    m_document.reset();
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
}

QTEST_MAIN(TestDocumentFindings)
#include "tst_documentfindings.moc"
