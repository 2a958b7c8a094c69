<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppletSummary</name>
    <message numerus="yes">
        <source>, then %n more step(s)</source>
        <translation>
            <numerusform>, then %n more step</numerusform>
            <numerusform>, then %n more steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n holiday(s)</source>
        <translation>
            <numerusform>, %n holiday</numerusform>
            <numerusform>, %n holidays</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeSummary</name>
    <message numerus="yes">
        <source>%1: %n applet(s) changed</source>
        <translation>
            <numerusform>%1: %n applet changed</numerusform>
            <numerusform>%1: %n applets changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n number</numerusform>
            <numerusform>%n numbers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n flow</numerusform>
            <numerusform>%n flows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 into %2: %n user(s)</source>
        <translation>
            <numerusform>Imported %1 into %2: %n user</numerusform>
            <numerusform>Imported %1 into %2: %n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n flow</numerusform>
            <numerusform>%n flows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n number</numerusform>
            <numerusform>%n numbers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) in the carrier account</source>
        <translation>
            <numerusform>%n number in the carrier account</numerusform>
            <numerusform>%n numbers in the carrier account</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) wired</source>
        <translation>
            <numerusform>%n number wired</numerusform>
            <numerusform>%n numbers wired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DialogPushInteraction</name>
    <message numerus="yes">
        <source>The configuration has %n error(s); the backend would refuse it. Fix them first (they are listed in the status bar&apos;s findings and on the canvas).</source>
        <translation>
            <numerusform>The configuration has %n error; the backend would refuse it. Fix it first (it is listed in the status bar&apos;s findings and on the canvas).</numerusform>
            <numerusform>The configuration has %n errors; the backend would refuse it. Fix them first (they are listed in the status bar&apos;s findings and on the canvas).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The configuration routes, but %n thing(s) deserve a look:</source>
        <translation>
            <numerusform>The configuration routes, but %n thing deserves a look:</numerusform>
            <numerusform>The configuration routes, but %n things deserve a look:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlowInteraction</name>
    <message numerus="yes">
        <source>%n applet(s) hang under branches a %1 does not have. Keep them aside, unattached, to use again? Or delete them?</source>
        <translation>
            <numerusform>%n applet hangs under branches a %1 does not have. Keep it aside, unattached, to use again? Or delete it?</numerusform>
            <numerusform>%n applets hang under branches a %1 does not have. Keep them aside, unattached, to use again? Or delete them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n applet(s) hang under it and will be deleted too.</source>
        <translation>
            <numerusform>%n applet hangs under it and will be deleted too.</numerusform>
            <numerusform>%n applets hang under it and will be deleted too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::E164Validator</name>
    <message numerus="yes">
        <source>%n more digit(s) at least.</source>
        <translation>
            <numerusform>%n more digit at least.</numerusform>
            <numerusform>%n more digits at least.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowEdits</name>
    <message numerus="yes">
        <source>Delete %1 and %n applet(s) under it</source>
        <translation>
            <numerusform>Delete %1 and %n applet under it</numerusform>
            <numerusform>Delete %1 and %n applets under it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowWindow</name>
    <message numerus="yes">
        <source>The test call&apos;s route: %n applet(s), numbered in the order they ran. The next edit clears it.</source>
        <translation>
            <numerusform>The test call&apos;s route: %n applet, numbered in the order they ran. The next edit clears it.</numerusform>
            <numerusform>The test call&apos;s route: %n applets, numbered in the order they ran. The next edit clears it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowsModel</name>
    <message numerus="yes">
        <source>%n applet(s)</source>
        <translation>
            <numerusform>%n applet</numerusform>
            <numerusform>%n applets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n number</numerusform>
            <numerusform>%n numbers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowsNumbersEdits</name>
    <message numerus="yes">
        <source>Import %n number(s) from the carrier</source>
        <translation>
            <numerusform>Import %n number from the carrier</numerusform>
            <numerusform>Import %n numbers from the carrier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::GroupsModel</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::InboxModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 [%n attachment(s)]</source>
        <translation>
            <numerusform>%1 [%n attachment]</numerusform>
            <numerusform>%1 [%n attachments]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::InboxPage</name>
    <message numerus="yes">
        <source>voicemail of %n second(s)</source>
        <translation>
            <numerusform>voicemail of %n second</numerusform>
            <numerusform>voicemail of %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::MainWindow</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) not fully routed</source>
        <translation>
            <numerusform>%n number not fully routed</numerusform>
            <numerusform>%n numbers not fully routed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::NumbersPage</name>
    <message numerus="yes">
        <source>Added %n number(s) from the carrier account; give them a flow, save and push.</source>
        <translation>
            <numerusform>Added %n number from the carrier account; give it a flow, save and push.</numerusform>
            <numerusform>Added %n numbers from the carrier account; give them a flow, save and push.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::PushController</name>
    <message numerus="yes">
        <source>Not pushed: the configuration has %n error(s).</source>
        <translation>
            <numerusform>Not pushed: the configuration has %n error.</numerusform>
            <numerusform>Not pushed: the configuration has %n errors.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::ReplyList</name>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::RouterServer</name>
    <message numerus="yes">
        <source>Too many failed sign-ins for this login: try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins for this login: try again in %n minute.</numerusform>
            <numerusform>Too many failed sign-ins for this login: try again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::UsersGroupsEdits</name>
    <message numerus="yes">
        <source>Add %n user(s) to %1</source>
        <translation>
            <numerusform>Add %n user to %1</numerusform>
            <numerusform>Add %n users to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s) from %1</source>
        <translation>
            <numerusform>Remove %n member from %1</numerusform>
            <numerusform>Remove %n members from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n member(s) in %1</source>
        <translation>
            <numerusform>Move %n member in %1</numerusform>
            <numerusform>Move %n members in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::UsersGroupsPage</name>
    <message numerus="yes">
        <source>Delete the group %1? No flow uses it; its %n member(s) stay users.</source>
        <translation>
            <numerusform>Delete the group %1? No flow uses it; its %n member stays a user.</numerusform>
            <numerusform>Delete the group %1? No flow uses it; its %n members stay users.</numerusform>
        </translation>
    </message>
</context>
</TS>
