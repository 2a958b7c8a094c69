#include "fixtures.h"

#include "config/configdocument.h"
#include "store/database.h"
#include "store/organizationstore.h"

using namespace Qt::StringLiterals;

namespace Switchboard::Test {

Organization smallOrganization()
{
    static const QByteArray document = uR"({
  "format": "switchboard-config", "version": 1,
  "organization": {"name": "Acme Realty", "timezone": "America/Chicago"},
  "users": [
    {"id": "nancy", "name": "Nancy Ortiz", "role": "admin",
     "devices": [{"kind": "client", "address": "nancy"}, {"kind": "phone", "address": "+15125550101"}]},
    {"id": "johan", "name": "Johan Berg", "role": "manager",
     "devices": [{"kind": "client", "address": "johan"}, {"kind": "phone", "address": "+15125550102"}]},
    {"id": "vald", "name": "Vald Petrov", "role": "agent",
     "devices": [{"kind": "sip", "address": "sip:vald@pbx.acme-realty.example"}]},
    {"id": "maria", "name": "Maria Lopez", "role": "agent",
     "devices": [{"kind": "client", "address": "maria"}, {"kind": "phone", "address": "+15125550104"}]},
    {"id": "pat", "name": "Pat Lee", "role": "agent",
     "devices": [{"kind": "phone", "address": "+15125550105"}]}
  ],
  "groups": [
    {"id": "sales", "name": "Sales", "department": "Sales",
     "members": ["nancy", "johan", {"user": "vald", "channels": ["voice"]}]},
    {"id": "support", "name": "Support", "department": "Customer Care",
     "members": ["maria", "pat", {"user": "johan", "channels": ["sms"]}],
     "sms_max_open_per_agent": 5}
  ],
  "numbers": [
    {"number": "+15125550100", "label": "Main line", "flow": "main"},
    {"number": "+15125550110", "label": "Support line", "flow": "support-line"},
    {"number": "+15125550120", "label": "New listings", "flow": null}
  ],
  "flows": [
    {"id": "main", "name": "Main line",
     "voice": {"start": "hours", "applets": {
       "hours": {"type": "hours", "name": "Office hours", "config": {"timezone": null},
                 "next": {"open": "menu", "closed": "closed-vm"}},
       "menu": {"type": "menu", "name": "Main menu",
                "config": {"prompt": {"say": "Thanks for calling Acme Realty. For sales, press 1. For support, press 2. To hear this again, press 9."},
                           "timeout": 5, "attempts": 3},
                "next": {"1": "dial-sales", "2": "dial-support", "9": "menu", "no-input": "sales-vm"}},
       "dial-sales": {"type": "dial", "name": "Ring Sales",
                      "config": {"steps": [{"target": {"group": "sales"}, "strategy": "sequential", "ring_seconds": 20}]},
                      "next": {"no-answer": "sales-vm"}},
       "dial-support": {"type": "dial", "name": "Ring Support",
                        "config": {"steps": [{"target": {"group": "support"}, "strategy": "simultaneous", "ring_seconds": 25}]},
                        "next": {"no-answer": "support-vm"}},
       "sales-vm": {"type": "voicemail", "name": "Sales voicemail", "config": {"owner": {"group": "sales"}}},
       "support-vm": {"type": "voicemail", "name": "Support voicemail",
                      "config": {"owner": {"group": "support"}, "transcribe": true}},
       "closed-vm": {"type": "voicemail", "name": "After hours",
                     "config": {"owner": {"group": "sales"},
                                "prompt": {"say": "Our office is closed. Please leave a message and we will call you back."}}}
     }},
     "sms": {"start": "keyword", "applets": {
       "keyword": {"type": "keyword", "name": "Sales or support?",
                   "config": {"keywords": ["SALES", "SUPPORT"], "prompt": "Reply SALES or SUPPORT."},
                   "next": {"SALES": "sales-inbox", "SUPPORT": "support-inbox"}},
       "sales-inbox": {"type": "sms-inbox", "name": "Sales inbox",
                       "config": {"owner": {"group": "sales"}, "assign": "round-robin"}},
       "support-inbox": {"type": "sms-inbox", "name": "Support inbox",
                         "config": {"owner": {"group": "support"}, "assign": "round-robin"}}
     }}},
    {"id": "support-line", "name": "Support line",
     "voice": {"start": "greeting", "applets": {
       "greeting": {"type": "greeting", "name": "Welcome",
                    "config": {"prompt": {"say": "Welcome to Acme Realty support."}},
                    "next": {"next": "ring"}},
       "ring": {"type": "dial", "name": "Ring Support",
                "config": {"steps": [{"target": {"group": "support"}, "strategy": "round-robin", "ring_seconds": 30},
                                     {"target": {"members": ["maria", "nancy"]}, "strategy": "simultaneous", "ring_seconds": 20}]},
                "next": {"no-answer": "voicemail"}},
       "voicemail": {"type": "voicemail", "name": "Support voicemail", "config": {"owner": {"group": "support"}}}
     }},
     "sms": {"start": "reply", "applets": {
       "reply": {"type": "sms-reply", "name": "Acknowledge",
                 "config": {"body": "Thanks! Support will text you back shortly."},
                 "next": {"next": "inbox"}},
       "inbox": {"type": "sms-inbox", "name": "Support inbox",
                 "config": {"owner": {"group": "support"}, "assign": "round-robin"}}
     }}}
  ],
  "contacts": [{"number": "+15125550199", "name": "Pat Customer", "owner": "johan"}],
  "blocked": ["+15125550666"]
})"_s.toUtf8();
    const ReadResult read = readConfigDocument(document);
    if (!read.findings.isEmpty())
        qFatal("the test organization does not read: %s at %s",
               qPrintable(read.findings.constFirst().message),
               qPrintable(read.findings.constFirst().path));
    return read.organization;
}

bool seedDatabase(const QString &location, const Organization &organization, QString *error)
{
    const auto db = Database::open(location, error);
    if (!db)
        return false;
    OrganizationStore store(*db);
    return store.prepare(error) && store.replace(organization, error);
}

} // namespace Switchboard::Test
