#pragma once

// What an admin does to flows and phone numbers, each gesture one undo step: create,
// rename, duplicate and delete flows; add, edit and remove numbers; assign a number to a flow
// (from either side); block and unblock numbers ("Mark as spam").

#include "model/organization.h"

#include <QObject>

namespace Switchboard {

class OrganizationDocument;

class FlowsNumbersEdits : public QObject
{
    Q_OBJECT

public:
    explicit FlowsNumbersEdits(OrganizationDocument *document, QObject *parent = nullptr);

    OrganizationDocument *document() const { return m_document; }

    // Why `name` cannot name a flow (empty, or taken by another flow than `except`).
    QString flowNameProblem(const QString &name, const QString &except = {}) const;
    // Why `number` cannot be added (not E.164, or already listed apart from `except`).
    QString numberProblem(const QString &number, const QString &except = {}) const;
    QString blockedProblem(const QString &number) const;

    // Creates an empty flow (no call or SMS flow yet); with `forNumber`, assigns it too, in
    // the same step. Returns its id, or empty.
    QString createFlow(const QString &name, const QString &forNumber = {});
    bool renameFlow(const QString &flowId, const QString &name);
    QString duplicateFlow(const QString &flowId);
    // Deletes a flow; the numbers that used it are left without one.
    bool deleteFlow(const QString &flowId);
    QStringList numbersOf(const QString &flowId) const;

    // Gives `number` the flow `flowId` (empty: none), whatever it had.
    bool assignNumber(const QString &number, const QString &flowId);
    bool addNumber(const QString &number, const QString &label);
    // Adds several numbers (number, label) in one undo step, leaving out those listed already
    // or not in E.164 form; how many were added.
    int addNumbers(const QList<std::pair<QString, QString>> &numbers);
    bool editNumber(const QString &number, const QString &newNumber, const QString &label);
    bool removeNumber(const QString &number);

    bool block(const QString &number);
    bool unblock(const QString &number);
    // Blocking a caller from where their number shows (a contact, an inbox item).
    bool markAsSpam(const QString &number);

    QString flowName(const QString &flowId) const;

signals:
    void message(const QString &text);

private:
    bool pushBlock(const QString &number, const QString &text);

    OrganizationDocument *m_document;
};

} // namespace Switchboard
