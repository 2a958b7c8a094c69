#pragma once

// Organizations the tests build for themselves, and databases seeded with them: what a test
// asserts (row 2 is Vald, key 1 rings Sales) is written here, next to the tests, so it does
// not move when the product's demo organization (core/demo) changes.

#include "model/organization.h"

#include <QString>

namespace Switchboard::Test {

// The organization the console's tests share, in this order (the rows the tests count on):
// - "Acme Realty", time zone America/Chicago;
// - users: nancy "Nancy Ortiz" (admin; client nancy, phone +15125550101), johan "Johan Berg"
//   (manager; client johan, phone +15125550102), vald "Vald Petrov" (agent; SIP
//   sip:vald@pbx.acme-realty.example), maria "Maria Lopez" (agent; client maria, phone
//   +15125550104), pat "Pat Lee" (agent; phone +15125550105);
// - groups: sales "Sales" (department Sales) = nancy, johan, vald (calls only);
//   support "Support" (department Customer Care) = maria, pat, johan (texts only), at most 5
//   open conversations per agent;
// - numbers: +15125550100 "Main line" -> flow main, +15125550110 "Support line" -> flow
//   support-line, +15125550120 "New listings" without a flow (the one warning);
// - flows: main "Main line": calls hours "Office hours" (open: menu, closed: closed-vm
//   "After hours", a Sales voicemail with its own prompt) -> menu "Main menu" (1: dial-sales
//   "Ring Sales", Sales in order for 20 s; 2: dial-support "Ring Support", Support all at
//   once for 25 s; 9: the menu again; no input: sales-vm), each dial ending in its group's
//   voicemail (sales-vm "Sales voicemail", support-vm "Support voicemail", transcribed);
//   texts keyword "Sales or support?" (SALES: sales-inbox, SUPPORT: support-inbox, round
//   robin). support-line "Support line": calls greeting "Welcome" -> ring "Ring Support"
//   (Support in turn for 30 s, then maria and nancy together for 20 s) -> voicemail
//   "Support voicemail"; texts reply "Acknowledge" -> inbox "Support inbox" (round robin);
// - contact +15125550199 "Pat Customer", johan's; blocked +15125550666.
// Valid: no errors, one warning (the number without a flow).
Organization smallOrganization();

// Writes `organization` into the database at `location` (a SQLite path or a postgresql://
// URL; created and migrated as needed), replacing what it held: what `switchboardctl import`
// does. OrganizationDocument::open() then opens it as it is; it seeds only an empty database
// with the demo.
bool seedDatabase(const QString &location, const Organization &organization, QString *error);

} // namespace Switchboard::Test
