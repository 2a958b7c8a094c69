#pragma once

// What changed between two states of an organization, in sentences a person reads: by users,
// groups, numbers, flows, and the rest. The console's push conflict dialog shows what changed
// on the backend since the revision it last saw; switchboardctl push prints the same.

#include "model/organization.h"

#include <QCoreApplication>

namespace Switchboard {

struct ChangeSection
{
    QString title; // "Users", "Groups", ...
    QStringList lines;
};

class ChangeSummary
{
    Q_DECLARE_TR_FUNCTIONS(ChangeSummary)

public:
    // Only sections with changes; empty when nothing differs.
    static QList<ChangeSection> describe(const Organization &before, const Organization &after);
    // In one line, for a configuration seen for the first time: "Acme: 5 users, 2 groups, ...".
    static QString overview(const Organization &organization);
    // The same as plain text: a title line per section, its lines indented.
    static QString toText(const QList<ChangeSection> &sections);
};

} // namespace Switchboard
