#pragma once

// What an applet does at run time, one file per kind (dial.cpp: who rings, in which order,
// for how long, what happens after). The engine finds an applet's behaviour by its kind
// through behaviourOf(), never by comparing type names.

#include "catalogue/appletcatalogue.h"
#include "routing/engine.h"

namespace Switchboard {

class CallRun;
class TextRun;

class AppletBehaviour
{
public:
    virtual ~AppletBehaviour() = default;

    // A call reaches the applet. By default it cannot run in a call.
    virtual void enter(CallRun &run, const Applet &applet) const;
    // The carrier comes back about the applet (a key pressed, a dial ended, a recording
    // made). By default nothing is said.
    virtual void resume(CallRun &run, const Applet &applet, CallRequest::Event event) const;
    // A text reaches the applet. By default it cannot handle a text.
    virtual void text(TextRun &run, const Applet &applet) const;
};

const AppletBehaviour &behaviourOf(AppletKind kind);

// Each kind's behaviour, defined in its own file.
namespace Applets {
const AppletBehaviour &greeting();
const AppletBehaviour &menu();
const AppletBehaviour &hours();
const AppletBehaviour &dial();
const AppletBehaviour &voicemail();
const AppletBehaviour &hangup();
const AppletBehaviour &keyword();
const AppletBehaviour &smsReply();
const AppletBehaviour &smsInbox();
} // namespace Applets

} // namespace Switchboard
