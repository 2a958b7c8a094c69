#pragma once

// An applet's settings read as typed values, with the catalogue's defaults for what the
// config leaves out. The validator has already said what is wrong with a malformed value;
// here it reads as "not set" (nullopt) or as the default.

#include "catalogue/appletcatalogue.h"
#include "model/appletvalues.h"

namespace Switchboard {

struct DialStep
{
    std::optional<DialTarget> target; // nullopt: malformed, rings nobody
    DialStrategy strategy = DialStrategy::Sequential;
    int ringSeconds = 20;
};

namespace AppletSettings {

QList<DialStep> dialSteps(const Applet &dial);
CallerId callerId(const Applet &dial);
std::optional<Owner> owner(const Applet &applet); // voicemail, sms-inbox
std::optional<Prompt> prompt(const Applet &applet, QStringView key = u"prompt");
InboxAssign inboxAssign(const Applet &smsInbox);
QStringList keywords(const Applet &keyword);

} // namespace AppletSettings

} // namespace Switchboard
