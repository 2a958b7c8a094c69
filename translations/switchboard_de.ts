<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppletSummary</name>
    <message>
        <source>plays a recording</source>
        <translation>spielt es eine Aufnahme ab</translation>
    </message>
    <message>
        <source>says &quot;%1&quot;</source>
        <translation>sagt es &quot;%1&quot;</translation>
    </message>
    <message>
        <source>in order, %1 s each</source>
        <translation>der Reihe nach anrufen, je %1 s</translation>
    </message>
    <message>
        <source>Choose whom to ring</source>
        <translation>Festlegen, bei wem es klingelt</translation>
    </message>
    <message>
        <source>Ring %1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Ring %1, %2 s</source>
        <translation>%1 anrufen, %2 s</translation>
    </message>
    <message numerus="yes">
        <source>, then %n more step(s)</source>
        <translation>
            <numerusform>, dann %n weiterer Schritt</numerusform>
            <numerusform>, dann %n weitere Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Always closed</source>
        <translation>Immer geschlossen</translation>
    </message>
    <message numerus="yes">
        <source>, %n holiday(s)</source>
        <translation>
            <numerusform>, %n Feiertag</numerusform>
            <numerusform>, %n Feiertage</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <source>the caller&apos;s contact owner</source>
        <translation>Besitzer des Anruferkontakts</translation>
    </message>
    <message>
        <source>Then it %1</source>
        <translation>Dann %1</translation>
    </message>
    <message>
        <source>No keys yet; waits %1 s</source>
        <translation>Noch keine Tasten; wartet %1 s</translation>
    </message>
    <message>
        <source>Keys %1; waits %2 s, %3 tries</source>
        <translation>Tasten %1; wartet %2 s, %3 Versuche</translation>
    </message>
    <message>
        <source>Voicemail for %1</source>
        <translation>Mailbox für %1</translation>
    </message>
    <message>
        <source>Refuses the call (busy)</source>
        <translation>Weist den Anruf ab (besetzt)</translation>
    </message>
    <message>
        <source>Ends the call</source>
        <translation>Beendet den Anruf</translation>
    </message>
    <message>
        <source>No keywords yet</source>
        <translation>Noch keine Stichwörter</translation>
    </message>
    <message>
        <source>Replies &quot;%1&quot;</source>
        <translation>Antwortet &quot;%1&quot;</translation>
    </message>
    <message>
        <source>simultaneous, %1 s</source>
        <translation>gleichzeitig, %1 s</translation>
    </message>
    <message>
        <source>round robin, %1 s</source>
        <translation>reihum, %1 s</translation>
    </message>
    <message>
        <source>linear round robin, %1 s each</source>
        <translation>linear reihum, je %1 s</translation>
    </message>
    <message>
        <source>Voicemail: choose whose box</source>
        <translation>Mailbox: wählen Sie, wessen</translation>
    </message>
    <message>
        <source>Into an inbox: choose whose</source>
        <translation>In einen Posteingang: wählen Sie, wessen</translation>
    </message>
    <message>
        <source>Into the inbox of %1, shared in turns</source>
        <translation>In den Posteingang von %1, reihum verteilt</translation>
    </message>
    <message>
        <source>Into the inbox of %1</source>
        <translation>In den Posteingang von %1</translation>
    </message>
</context>
<context>
    <name>Applets</name>
    <message>
        <source>Greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>Say or play a message, then continue.</source>
        <translation>Eine Ansage sprechen oder abspielen, dann weiter.</translation>
    </message>
    <message>
        <source>then</source>
        <translation>danach</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Ansage</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Ask the caller to press a key, and route by the key.</source>
        <translation>Den Anrufer eine Taste drücken lassen und je nach Taste weiterleiten.</translation>
    </message>
    <message>
        <source>no input</source>
        <translation>keine Eingabe</translation>
    </message>
    <message>
        <source>Menu prompt</source>
        <translation>Menüansage</translation>
    </message>
    <message>
        <source>Seconds to wait for a key</source>
        <translation>Wartezeit auf Tastendruck (Sekunden)</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Message after an invalid key</source>
        <translation>Ansage nach ungültiger Taste</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>Route by business hours and holidays.</source>
        <translation>Nach Geschäftszeiten und Feiertagen weiterleiten.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Feiertage</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Wöchentliche Geschäftszeiten</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Ring a user, a group or a number, step after step.</source>
        <translation>Bei einem Benutzer, einer Gruppe oder einer Rufnummer klingeln lassen, Schritt für Schritt.</translation>
    </message>
    <message>
        <source>if nobody answers</source>
        <translation>wenn niemand abnimmt</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Klingeln bei</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Ring seconds</source>
        <translation>Klingeldauer (Sekunden)</translation>
    </message>
    <message>
        <source>Caller ID shown</source>
        <translation>Angezeigte Anruferkennung</translation>
    </message>
    <message>
        <source>Screen the call</source>
        <translation>Anruf vorab ankündigen</translation>
    </message>
    <message>
        <source>Record the call</source>
        <translation>Anruf aufzeichnen</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Take a message for a user or a group.</source>
        <translation>Eine Nachricht für einen Benutzer oder eine Gruppe aufnehmen.</translation>
    </message>
    <message>
        <source>Voicemail box</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Longest message (s)</source>
        <translation>Maximale Nachrichtenlänge (s)</translation>
    </message>
    <message>
        <source>Transcribe</source>
        <translation>Transkribieren</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>End the call, or refuse it with a busy signal.</source>
        <translation>Den Anruf beenden oder mit Besetztzeichen abweisen.</translation>
    </message>
    <message>
        <source>Reject with busy</source>
        <translation>Mit Besetztzeichen abweisen</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Stichwort</translation>
    </message>
    <message>
        <source>Route a text by its first word.</source>
        <translation>Eine SMS nach ihrem ersten Wort weiterleiten.</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Stichwörter</translation>
    </message>
    <message>
        <source>Reply when nothing matches</source>
        <translation>Antwort, wenn kein Stichwort passt</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Send a text back to the sender.</source>
        <translation>Eine SMS an den Absender zurückschicken.</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Keep the text in a user&apos;s or a group&apos;s inbox.</source>
        <translation>Die SMS im Posteingang eines Benutzers oder einer Gruppe ablegen.</translation>
    </message>
    <message>
        <source>Assign conversations</source>
        <translation>Unterhaltungen zuweisen</translation>
    </message>
</context>
<context>
    <name>BackendMessages</name>
    <message>
        <source>%1 holds no certificate (PEM or DER).</source>
        <translation>%1 enthält kein Zertifikat (PEM oder DER).</translation>
    </message>
    <message>
        <source>The backend at %1 is unreachable: %2</source>
        <translation>Das Backend unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The backend at %1 has a certificate this computer does not trust: %2. If it uses your own certificate authority, give its certificate file in the backend settings.</source>
        <translation>Das Backend unter %1 hat ein Zertifikat, dem dieser Computer nicht vertraut: %2. Wenn es Ihre eigene Zertifizierungsstelle verwendet, geben Sie deren Zertifikatsdatei in den Backend-Einstellungen an.</translation>
    </message>
    <message>
        <source>%1 answered (HTTP %2), but not as a Switchboard backend does. Is the URL right?</source>
        <translation>%1 hat geantwortet (HTTP %2), aber nicht wie ein Switchboard-Backend. Stimmt die URL?</translation>
    </message>
    <message>
        <source>The backend answered HTTP %1.</source>
        <translation>Das Backend hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>The backend answered HTTP %1: %2</source>
        <translation>Das Backend hat mit HTTP %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>The backend at %1 did not accept these credentials: %2</source>
        <translation>Das Backend unter %1 hat diese Anmeldedaten nicht angenommen: %2</translation>
    </message>
    <message>
        <source>sign in again.</source>
        <translation>Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>ChangeSummary</name>
    <message>
        <source>Added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>Changed %1: %2</source>
        <translation>%1 geändert: %2</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>name was %1</source>
        <translation>Name vorher %1</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>Mailbox-Ansage</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>renamed from %1</source>
        <translation>umbenannt von %1</translation>
    </message>
    <message>
        <source>department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>members now %1 (were %2)</source>
        <translation>Mitglieder jetzt %1 (vorher %2)</translation>
    </message>
    <message>
        <source>members&apos; channels</source>
        <translation>Kanäle der Mitglieder</translation>
    </message>
    <message>
        <source>open conversations per agent %1 (was %2)</source>
        <translation>offene Unterhaltungen pro Agent %1 (vorher %2)</translation>
    </message>
    <message>
        <source>no flow</source>
        <translation>kein Ablauf</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>flow now %1 (was %2)</source>
        <translation>Ablauf jetzt %1 (vorher %2)</translation>
    </message>
    <message>
        <source>label was %1</source>
        <translation>Bezeichnung vorher %1</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Abläufe</translation>
    </message>
    <message>
        <source>call flow</source>
        <translation>Anrufablauf</translation>
    </message>
    <message>
        <source>SMS flow</source>
        <translation>SMS-Ablauf</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n applet(s) changed</source>
        <translation>
            <numerusform>%1: %n Applet geändert</numerusform>
            <numerusform>%1: %n Applets geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: where it starts</source>
        <translation>%1: Startpunkt</translation>
    </message>
    <message>
        <source>its layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Organization renamed from %1 to %2</source>
        <translation>Organisation von %1 in %2 umbenannt</translation>
    </message>
    <message>
        <source>Time zone now %1 (was %2)</source>
        <translation>Zeitzone jetzt %1 (vorher %2)</translation>
    </message>
    <message>
        <source>Blocked %1</source>
        <translation>%1 gesperrt</translation>
    </message>
    <message>
        <source>Unblocked %1</source>
        <translation>%1 entsperrt</translation>
    </message>
    <message>
        <source>owner now %1 (was %2)</source>
        <translation>Besitzer jetzt %1 (vorher %2)</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Kontakt: %1</translation>
    </message>
    <message>
        <source>%1: %2, %3, %4, %5</source>
        <translation>%1: %2, %3, %4, %5</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Benutzer</numerusform>
            <numerusform>%n Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n Gruppe</numerusform>
            <numerusform>%n Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n Rufnummer</numerusform>
            <numerusform>%n Rufnummern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n Ablauf</numerusform>
            <numerusform>%n Abläufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigReader</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; (expected one of: %2).</source>
        <translation>Unbekannter Schlüssel &quot;%1&quot; (erwartet wird einer von: %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required here.</source>
        <translation>&quot;%1&quot; ist hier erforderlich.</translation>
    </message>
    <message>
        <source>a string or null</source>
        <translation>eine Zeichenkette oder null</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>This is not valid JSON: %1 at line %2, column %3.</source>
        <translation>Dies ist kein gültiges JSON: %1 in Zeile %2, Spalte %3.</translation>
    </message>
    <message>
        <source>The document must be a JSON object.</source>
        <translation>Das Dokument muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>The document does not say what it is: &quot;format&quot;: &quot;switchboard-config&quot; is missing.</source>
        <translation>Das Dokument gibt nicht an, was es ist: &quot;format&quot;: &quot;switchboard-config&quot; fehlt.</translation>
    </message>
    <message>
        <source>This is not a Switchboard configuration: &quot;format&quot; must be &quot;switchboard-config&quot;.</source>
        <translation>Dies ist keine Switchboard-Konfiguration: &quot;format&quot; muss &quot;switchboard-config&quot; sein.</translation>
    </message>
    <message>
        <source>&quot;version&quot; is missing; this document needs &quot;version&quot;: 1.</source>
        <translation>&quot;version&quot; fehlt; dieses Dokument benötigt &quot;version&quot;: 1.</translation>
    </message>
    <message>
        <source>Version %1 is not supported; this Switchboard reads version %2.</source>
        <translation>Version %1 wird nicht unterstützt; diese Version von Switchboard liest Version %2.</translation>
    </message>
    <message>
        <source>a phone number string</source>
        <translation>eine Rufnummer als Zeichenkette</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot; (expected admin, manager or agent).</source>
        <translation>Unbekannte Rolle &quot;%1&quot; (erwartet: admin, manager oder agent).</translation>
    </message>
    <message>
        <source>Unknown device kind &quot;%1&quot; (expected client, phone or sip).</source>
        <translation>Unbekannte Geräteart &quot;%1&quot; (erwartet: client, phone oder sip).</translation>
    </message>
    <message>
        <source>a prompt object</source>
        <translation>ein Ansage-Objekt</translation>
    </message>
    <message>
        <source>A channel is &quot;voice&quot; or &quot;sms&quot;.</source>
        <translation>Ein Kanal ist &quot;voice&quot; oder &quot;sms&quot;.</translation>
    </message>
    <message>
        <source>a user id or a member object</source>
        <translation>eine Benutzer-ID oder ein Mitglieds-Objekt</translation>
    </message>
    <message>
        <source>an applet id</source>
        <translation>eine Applet-ID</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice in one object; a key appears once.</source>
        <translation>&quot;%1&quot; steht zweimal in einem Objekt; ein Schlüssel darf nur einmal vorkommen.</translation>
    </message>
    <message>
        <source>This text is not valid Unicode: it holds half of a surrogate pair (\uD800 to \uDFFF) without the other half.</source>
        <translation>Dieser Text ist kein gültiges Unicode: Er enthält die Hälfte eines Surrogatpaars (\uD800 bis \uDFFF) ohne die andere Hälfte.</translation>
    </message>
    <message>
        <source>A key begins with an invisible byte order mark (U+FEFF); type the key again without it.</source>
        <translation>Ein Schlüssel beginnt mit einer unsichtbaren Bytereihenfolge-Markierung (U+FEFF); tippen Sie den Schlüssel ohne sie neu.</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot protect %1: %2</source>
        <translation>%1 kann nicht geschützt werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message>
        <source>SQLite file or postgresql:// URL (default: %1).</source>
        <translation>SQLite-Datei oder postgresql://-URL (Standard: %1).</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>DB</translation>
    </message>
    <message>
        <source>Language of the messages (de, es, en).</source>
        <translation>Sprache der Meldungen (de, es, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Switchboard on the command line.</source>
        <translation>Switchboard auf der Kommandozeile.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>validate takes one file (or - for standard input).</source>
        <translation>validate erwartet genau eine Datei (oder - für die Standardeingabe).</translation>
    </message>
    <message>
        <source>import takes one file (or - for standard input).</source>
        <translation>import erwartet genau eine Datei (oder - für die Standardeingabe).</translation>
    </message>
    <message>
        <source>Nothing was imported: the document has errors.</source>
        <translation>Es wurde nichts importiert: Das Dokument enthält Fehler.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 into %2: %n user(s)</source>
        <translation>
            <numerusform>%1 in %2 importiert: %n Benutzer</numerusform>
            <numerusform>%1 in %2 importiert: %n Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n Gruppe</numerusform>
            <numerusform>%n Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n Ablauf</numerusform>
            <numerusform>%n Abläufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n Rufnummer</numerusform>
            <numerusform>%n Rufnummern</numerusform>
        </translation>
    </message>
    <message>
        <source>export takes at most one file.</source>
        <translation>export erwartet höchstens eine Datei.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>Unter %1 gibt es keine Datenbank.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>simulate: the configuration document to run (default: the organization in --database).</source>
        <translation>simulate: das auszuführende Konfigurationsdokument (Standard: die Organisation in --database).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>simulate: the number called or texted.</source>
        <translation>simulate: die angerufene bzw. per SMS angeschriebene Rufnummer.</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>NUMBER</translation>
    </message>
    <message>
        <source>simulate: the caller&apos;s number.</source>
        <translation>simulate: die Rufnummer des Anrufers.</translation>
    </message>
    <message>
        <source>simulate: when (ISO-8601; without an offset, in the organization&apos;s time zone; default now).</source>
        <translation>simulate: Zeitpunkt (ISO-8601; ohne Offset in der Zeitzone der Organisation; Standard: jetzt).</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <source>simulate: keys pressed, one per menu question, comma-separated.</source>
        <translation>simulate: gedrückte Tasten, eine pro Menüabfrage, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>KEYS</source>
        <translation>KEYS</translation>
    </message>
    <message>
        <source>simulate: the user who answers when rung, or none.</source>
        <translation>simulate: der Benutzer, der abnimmt, wenn es bei ihm klingelt, oder none.</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>simulate: users who are unavailable, comma-separated.</source>
        <translation>simulate: nicht erreichbare Benutzer, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>USERS</source>
        <translation>USERS</translation>
    </message>
    <message>
        <source>simulate: a text message with this body instead of a call.</source>
        <translation>simulate: statt eines Anrufs eine SMS mit diesem Text.</translation>
    </message>
    <message>
        <source>BODY</source>
        <translation>BODY</translation>
    </message>
    <message>
        <source>simulate takes options only (--config FILE --to NUMBER --from NUMBER ...).</source>
        <translation>simulate erwartet nur Optionen (--config FILE --to NUMBER --from NUMBER ...).</translation>
    </message>
    <message>
        <source>simulate needs --to NUMBER and --from NUMBER.</source>
        <translation>simulate benötigt --to NUMBER und --from NUMBER.</translation>
    </message>
    <message>
        <source>Nothing was simulated: the document has errors.</source>
        <translation>Es wurde nichts simuliert: Das Dokument enthält Fehler.</translation>
    </message>
    <message>
        <source>--at takes a date and time such as 2026-12-24T09:30 or 2026-12-24T09:30:00-06:00, not &quot;%1&quot;.</source>
        <translation>--at erwartet Datum und Uhrzeit wie 2026-12-24T09:30 oder 2026-12-24T09:30:00-06:00, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot; to answer.</source>
        <translation>Es gibt keinen Benutzer &quot;%1&quot;, der abnehmen könnte.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>push: replace the backend&apos;s configuration even if it changed since the last push.</source>
        <translation>push: die Konfiguration des Backends ersetzen, auch wenn sie sich seit der letzten Übertragung geändert hat.</translation>
    </message>
    <message>
        <source>push takes options only (--database DB --backend URL --token-file FILE).</source>
        <translation>push erwartet nur Optionen (--database DB --backend URL --token-file FILE).</translation>
    </message>
    <message>
        <source>Nothing was pushed: the configuration has errors.</source>
        <translation>Es wurde nichts übertragen: Die Konfiguration enthält Fehler.</translation>
    </message>
    <message>
        <source>Changed on the backend since revision %1:</source>
        <translation>Seit Revision %1 auf dem Backend geändert:</translation>
    </message>
    <message>
        <source>The backend holds a configuration this database never pushed: %1</source>
        <translation>Das Backend enthält eine Konfiguration, die nie aus dieser Datenbank übertragen wurde: %1</translation>
    </message>
    <message>
        <source>Nothing was pushed. Push again with --overwrite to replace it with this database&apos;s configuration.</source>
        <translation>Es wurde nichts übertragen. Übertragen Sie erneut mit --overwrite, um sie durch die Konfiguration dieser Datenbank zu ersetzen.</translation>
    </message>
    <message>
        <source>Nothing was pushed.</source>
        <translation>Es wurde nichts übertragen.</translation>
    </message>
    <message>
        <source>Pushed, but the revision could not be noted in the database: %1</source>
        <translation>Übertragen, aber die Revision konnte nicht in der Datenbank vermerkt werden: %1</translation>
    </message>
    <message>
        <source>Pushed to %1: revision %2.</source>
        <translation>An %1 übertragen: Revision %2.</translation>
    </message>
    <message>
        <source>Changed on the backend since revision %1: nothing, the same configuration was pushed again.</source>
        <translation>Seit Revision %1 im Backend geändert: nichts, dieselbe Konfiguration wurde erneut übertragen.</translation>
    </message>
    <message>
        <source>login: your e-mail address or user id.</source>
        <translation>login: Ihre E-Mail-Adresse oder Benutzer-ID.</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>LOGIN</translation>
    </message>
    <message>
        <source>login: a file holding your password (- for standard input; default: asked for).</source>
        <translation>login: eine Datei mit Ihrem Passwort (- für die Standardeingabe; sonst wird danach gefragt).</translation>
    </message>
    <message>
        <source>%1 needs --backend URL (http:// or https://).</source>
        <translation>%1 braucht --backend URL (http:// oder https://).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>login needs --user LOGIN: your e-mail address or user id.</source>
        <translation>login braucht --user LOGIN: Ihre E-Mail-Adresse oder Benutzer-ID.</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Passwort für %1 bei %2: </translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (%3); the session is kept in %4 until %5.</source>
        <translation>Bei %1 als %2 (%3) angemeldet; die Sitzung liegt bis %5 in %4.</translation>
    </message>
    <message>
        <source>Not signed in to %1.</source>
        <translation>Bei %1 nicht angemeldet.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Bei %1 abgemeldet.</translation>
    </message>
    <message>
        <source>Forgot the session for %1; the backend did not answer (%2), so it ends when unused for 30 days.</source>
        <translation>Die Sitzung für %1 ist vergessen; das Backend hat nicht geantwortet (%2), daher endet sie nach 30 Tagen ohne Nutzung.</translation>
    </message>
    <message>
        <source>push, carrier, login, logout: the backend&apos;s URL.</source>
        <translation>push, carrier, login, logout: die URL des Backends.</translation>
    </message>
    <message>
        <source>push, carrier: a file holding a token for the backend (the admin token, say); without it, the session of the last login to that URL.</source>
        <translation>push, carrier: eine Datei mit einem Token für das Backend (etwa dem Admin-Token); ohne sie die Sitzung der letzten Anmeldung an dieser URL.</translation>
    </message>
    <message>
        <source>push, carrier, login: certificate authorities to trust besides the system&apos;s (PEM).</source>
        <translation>push, carrier, login: Zertifizierungsstellen, denen neben denen des Systems vertraut wird (PEM).</translation>
    </message>
    <message>
        <source>Usage:
  switchboardctl validate FILE               check a configuration document
  switchboardctl import --database DB FILE   replace the organization in DB
  switchboardctl export --database DB [FILE] write the configuration document
  switchboardctl login --backend URL --user LOGIN [--password-file FILE] [--ca-file FILE]
                      sign in, and keep the session for push
  switchboardctl logout --backend URL  end that session
  switchboardctl push --database DB --backend URL [--token-file FILE] [--ca-file FILE]
                      [--overwrite]      send the configuration to the backend
  switchboardctl carrier numbers --backend URL [--token-file FILE] [--ca-file FILE]
                      the carrier account&apos;s numbers, and where they point
  switchboardctl carrier wire --backend URL [NUMBER...]
                      point numbers (default: every routed one) at the backend
  switchboardctl simulate --config FILE --to NUMBER --from NUMBER [--at ISO-8601]
                          [--digits 1,2] [--answer USER|none] [--unavailable USER,...]
                          [--text BODY]        run a call or a text through the flows
</source>
        <translation>Aufruf:
  switchboardctl validate FILE               Konfigurationsdokument prüfen
  switchboardctl import --database DB FILE   Organisation in DB ersetzen
  switchboardctl export --database DB [FILE] Konfigurationsdokument schreiben
  switchboardctl login --backend URL --user LOGIN [--password-file FILE] [--ca-file FILE]
                      anmelden und die Sitzung für push behalten
  switchboardctl logout --backend URL  diese Sitzung beenden
  switchboardctl push --database DB --backend URL [--token-file FILE] [--ca-file FILE]
                      [--overwrite]      Konfiguration an das Backend übertragen
  switchboardctl carrier numbers --backend URL [--token-file FILE] [--ca-file FILE]
                      die Nummern des Netzbetreiberkontos, und wohin sie zeigen
  switchboardctl carrier wire --backend URL [NUMBER...]
                      Nummern (Standard: jede geroutete) mit dem Backend verbinden
  switchboardctl simulate --config FILE --to NUMBER --from NUMBER [--at ISO-8601]
                          [--digits 1,2] [--answer USER|none] [--unavailable USER,...]
                          [--text BODY]        Anruf oder SMS durch die Abläufe laufen lassen
</translation>
    </message>
    <message>
        <source>validate, import, export, push, carrier, login, logout or simulate</source>
        <translation>validate, import, export, push, carrier, login, logout oder simulate</translation>
    </message>
    <message>
        <source>%1 needs a token: sign in first with &quot;switchboardctl login --backend %2 --user LOGIN&quot;, or give --token-file FILE (tokens are read from files, never from the command line).</source>
        <translation>%1 braucht ein Token: Melden Sie sich zuerst mit &quot;switchboardctl login --backend %2 --user LOGIN&quot; an oder geben Sie --token-file DATEI an (Tokens werden aus Dateien gelesen, nie von der Befehlszeile).</translation>
    </message>
    <message>
        <source>carrier takes &quot;numbers&quot; or &quot;wire&quot;.</source>
        <translation>carrier erwartet &quot;numbers&quot; oder &quot;wire&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number in E.164 form (like +15125550100).</source>
        <translation>&quot;%1&quot; ist keine Nummer im E.164-Format (wie +15125550100).</translation>
    </message>
    <message>
        <source>wired</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>points elsewhere (calls: %1, texts: %2)</source>
        <translation>zeigt woandershin (Anrufe: %1, SMS: %2)</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>nirgendwohin</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) in the carrier account</source>
        <translation>
            <numerusform>%n Nummer im Netzbetreiberkonto</numerusform>
            <numerusform>%n Nummern im Netzbetreiberkonto</numerusform>
        </translation>
    </message>
    <message>
        <source>wired to this backend: calls to %1, texts to %2.</source>
        <translation>mit diesem Backend verbunden: Anrufe an %1, SMS an %2.</translation>
    </message>
    <message>
        <source>wired %1</source>
        <translation>verbunden: %1</translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>übersprungen: %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) wired</source>
        <translation>
            <numerusform>%n Nummer verbunden</numerusform>
            <numerusform>%n Nummern verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CtlSessions</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot keep the session in %1: %2</source>
        <translation>Die Sitzung kann nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Daemon</name>
    <message>
        <source>Cannot read the secret in %1: %2</source>
        <translation>Das Geheimnis in %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one).</source>
        <translation>Adresse und Port, auf denen der Server lauscht (Standard: 127.0.0.1:8080; Port 0 wählt einen freien Port).</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL (default: %1).</source>
        <translation>SQLite-Datei oder postgresql://-URL (Standard: %1).</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>DB</translation>
    </message>
    <message>
        <source>The URL the carrier reaches this server at (default: http:// and the listen address).</source>
        <translation>Die URL, unter der der Netzbetreiber diesen Server erreicht (Standard: http:// und die Adresse aus --listen).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>File holding the admin API token (else $SWITCHBOARD_ADMIN_TOKEN).</source>
        <translation>Datei mit dem Admin-API-Token (sonst $SWITCHBOARD_ADMIN_TOKEN).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>File holding the carrier&apos;s auth token (else $TWILIO_AUTH_TOKEN).</source>
        <translation>Datei mit dem Auth-Token des Netzbetreibers (sonst $TWILIO_AUTH_TOKEN).</translation>
    </message>
    <message>
        <source>Do not log each request.</source>
        <translation>Nicht jede Anfrage protokollieren.</translation>
    </message>
    <message>
        <source>Language of the messages (de, es, en).</source>
        <translation>Sprache der Meldungen (de, es, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Switchboard&apos;s routing backend: answers the carrier&apos;s webhooks by running the pushed flows.</source>
        <translation>Routing-Backend von Switchboard: beantwortet die Webhooks des Netzbetreibers, indem es die übertragenen Abläufe ausführt.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT, such as 127.0.0.1:8080, not &quot;%1&quot;.</source>
        <translation>--listen erwartet HOST:PORT, etwa 127.0.0.1:8080, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No carrier auth token: give --twilio-auth-token-file FILE or set TWILIO_AUTH_TOKEN. Without it no webhook can be checked, so the backend does not start.</source>
        <translation>Kein Auth-Token des Netzbetreibers: Geben Sie --twilio-auth-token-file FILE an oder setzen Sie TWILIO_AUTH_TOKEN. Ohne Token kann kein Webhook geprüft werden, daher startet das Backend nicht.</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
    <message>
        <source>switchboard-routerd %1 listening on http://%2 (public URL %3, database %4, revision %5)</source>
        <translation>switchboard-routerd %1 lauscht auf http://%2 (öffentliche URL %3, Datenbank %4, Revision %5)</translation>
    </message>
    <message>
        <source>switchboard-routerd stopped.</source>
        <translation>switchboard-routerd wurde beendet.</translation>
    </message>
    <message>
        <source>Threads answering requests, each with its own database connection (default: the number of cores, %1).</source>
        <translation>Threads, die Anfragen beantworten, jeder mit eigener Datenbankverbindung (Standard: die Zahl der Kerne, %1).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seconds a request may take to arrive whole, from its first byte (default 15).</source>
        <translation>Sekunden, in denen eine Anfrage ab ihrem ersten Byte vollständig ankommen muss (Standard 15).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <source>Seconds an idle kept-alive connection stays open (default 60).</source>
        <translation>Sekunden, die eine untätige Keep-alive-Verbindung offen bleibt (Standard 60).</translation>
    </message>
    <message>
        <source>Connections served at once; above it new ones get 503 (default 4096).</source>
        <translation>Gleichzeitig bediente Verbindungen; darüber erhalten neue 503 (Standard 4096).</translation>
    </message>
    <message>
        <source>--threads takes a number from 1 to 256, not &quot;%1&quot;.</source>
        <translation>--threads erwartet eine Zahl von 1 bis 256, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 erwartet eine Zahl von %2 bis %3, nicht &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>Days routing events, sent replies and closed conversations are kept (default 90; remembered webhook answers: 2).</source>
        <translation>Tage, die Routing-Ereignisse, gesendete Antworten und geschlossene Unterhaltungen aufbewahrt werden (Standard 90; gemerkte Webhook-Antworten: 2).</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>TAGE</translation>
    </message>
    <message>
        <source>No admin token (--admin-token-file or SWITCHBOARD_ADMIN_TOKEN): only people whose passwords were set before can use the API.</source>
        <translation>Kein Admin-Token (--admin-token-file oder SWITCHBOARD_ADMIN_TOKEN): Nur Personen, deren Passwort bereits gesetzt wurde, können die API nutzen.</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1: %2</source>
        <translation>Die Konfigurationsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: &quot;%3&quot; is not a setting (KEY = VALUE, KEY one of the long options without --, such as listen).</source>
        <translation>%1:%2: &quot;%3&quot; ist keine Einstellung (SCHLÜSSEL = WERT, SCHLÜSSEL eine der langen Optionen ohne --, etwa listen).</translation>
    </message>
    <message>
        <source>%1:%2: %3 is true or false.</source>
        <translation>%1:%2: %3 ist true oder false.</translation>
    </message>
    <message>
        <source>Read settings from FILE: lines KEY = VALUE, KEY a long option without -- (such as listen, database, admin-token-file); # starts a comment. Options on the command line win.</source>
        <translation>Einstellungen aus DATEI lesen: Zeilen SCHLÜSSEL = WERT, SCHLÜSSEL eine lange Option ohne -- (etwa listen, database, admin-token-file); # beginnt einen Kommentar. Optionen auf der Befehlszeile haben Vorrang.</translation>
    </message>
    <message>
        <source>The carrier account&apos;s SID, for sending replies, fetching recordings and wiring numbers (else $TWILIO_ACCOUNT_SID; without it those answer 409).</source>
        <translation>Die SID des Netzbetreiberkontos, um Antworten zu senden, Aufnahmen abzurufen und Nummern zu verbinden (sonst $TWILIO_ACCOUNT_SID; ohne sie antworten diese mit 409).</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>The carrier&apos;s REST API (default https://api.twilio.com).</source>
        <translation>Die REST-API des Netzbetreibers (Standard https://api.twilio.com).</translation>
    </message>
    <message>
        <source>Seconds without an answer from the carrier before a request to it is given up (default 30).</source>
        <translation>Sekunden ohne Antwort des Netzbetreibers, bevor eine Anfrage an ihn aufgegeben wird (Standard 30).</translation>
    </message>
    <message>
        <source>Seconds before a reply the carrier could not take is tried again; doubled each time, at most 30 times it (default 10).</source>
        <translation>Sekunden, bevor eine Antwort, die der Netzbetreiber nicht annehmen konnte, erneut versucht wird; jedes Mal verdoppelt, höchstens das 30-Fache (Standard 10).</translation>
    </message>
    <message>
        <source>The carrier account SID is AC followed by 32 hexadecimal digits, not &quot;%1&quot;.</source>
        <translation>Die SID des Netzbetreiberkontos ist AC gefolgt von 32 Hexadezimalziffern, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--carrier-api-url takes an http(s) URL, not &quot;%1&quot;.</source>
        <translation>--carrier-api-url erwartet eine http(s)-URL, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Carrier account %1 at %2: replies are sent, recordings fetched.</source>
        <translation>Netzbetreiberkonto %1 unter %2: Antworten werden gesendet, Aufnahmen abgerufen.</translation>
    </message>
    <message>
        <source>No carrier account (--carrier-account-sid or TWILIO_ACCOUNT_SID): replies are not sent, recordings not fetched, numbers not wired.</source>
        <translation>Kein Netzbetreiberkonto (--carrier-account-sid oder TWILIO_ACCOUNT_SID): Antworten werden nicht gesendet, Aufnahmen nicht abgerufen, Nummern nicht verbunden.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL URL of the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>&quot;%1&quot; ist keine PostgreSQL-URL der Form postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (Debian package libqt6sql6-psql).</source>
        <translation>Der PostgreSQL-Treiber für Qt ist nicht installiert (Debian-Paket libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Cannot connect to the PostgreSQL database %1: %2</source>
        <translation>Keine Verbindung zur PostgreSQL-Datenbank %1 möglich: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Der Ordner %1 für die Datenbank kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (Debian package libqt6sql6-sqlite).</source>
        <translation>Der SQLite-Treiber für Qt ist nicht installiert (Debian-Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a database Switchboard can use (%2). Nothing was changed in it; open another file with --database.</source>
        <translation>%1 ist keine Datenbank, die Switchboard verwenden kann (%2). Daran wurde nichts geändert; öffnen Sie mit --database eine andere Datei.</translation>
    </message>
    <message>
        <source>Database error in %1: %2 (while running: %3)</source>
        <translation>Datenbankfehler in %1: %2 (beim Ausführen von: %3)</translation>
    </message>
    <message>
        <source>%1 is a database, but not one of Switchboard&apos;s (it has tables %2 and no schema version). Nothing was changed in it.</source>
        <translation>%1 ist eine Datenbank, aber keine von Switchboard (sie enthält die Tabellen %2 und keine Schemaversion). Daran wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Switchboard (schema %2 of &quot;%3&quot;; this version knows up to %4). Update Switchboard to open it; nothing was changed.</source>
        <translation>%1 wurde von einer neueren Version von Switchboard geschrieben (Schema %2 von &quot;%3&quot;; diese Version kennt Schemas bis %4). Aktualisieren Sie Switchboard, um die Datei zu öffnen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot start a transaction on %1.</source>
        <translation>Auf %1 kann keine Transaktion gestartet werden.</translation>
    </message>
    <message>
        <source>No transaction to commit.</source>
        <translation>Keine Transaktion zum Festschreiben vorhanden.</translation>
    </message>
    <message>
        <source>Cannot save to %1: %2</source>
        <translation>Speichern in %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>Die Datenbank %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Part of the change to %1 failed; nothing was saved.</source>
        <translation>Ein Teil der Änderung an %1 ist fehlgeschlagen; nichts wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>DialogPushInteraction</name>
    <message>
        <source>Cannot push</source>
        <translation>Übertragen nicht möglich</translation>
    </message>
    <message numerus="yes">
        <source>The configuration has %n error(s); the backend would refuse it. Fix them first (they are listed in the status bar&apos;s findings and on the canvas).</source>
        <translation>
            <numerusform>Die Konfiguration enthält %n Fehler; das Backend würde sie ablehnen. Beheben Sie ihn zuerst (er wird in der Statusleiste und auf der Arbeitsfläche angezeigt).</numerusform>
            <numerusform>Die Konfiguration enthält %n Fehler; das Backend würde sie ablehnen. Beheben Sie sie zuerst (sie werden in der Statusleiste und auf der Arbeitsfläche angezeigt).</numerusform>
        </translation>
    </message>
    <message>
        <source>Push with warnings?</source>
        <translation>Trotz Warnungen übertragen?</translation>
    </message>
    <message numerus="yes">
        <source>The configuration routes, but %n thing(s) deserve a look:</source>
        <translation>
            <numerusform>Die Weiterleitung funktioniert, aber %n Punkt sollte geprüft werden:</numerusform>
            <numerusform>Die Weiterleitung funktioniert, aber %n Punkte sollten geprüft werden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weiterer.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Push anyway</source>
        <translation>Trotzdem übertragen</translation>
    </message>
    <message>
        <source>Export your configuration</source>
        <translation>Konfiguration exportieren</translation>
    </message>
    <message>
        <source>Configuration documents (*.json)</source>
        <translation>Konfigurationsdokumente (*.json)</translation>
    </message>
    <message>
        <source>The backend refused the configuration</source>
        <translation>Das Backend hat die Konfiguration abgelehnt</translation>
    </message>
    <message>
        <source>Nothing is lost: your changes stay here, and you can push again when the backend answers.</source>
        <translation>Es geht nichts verloren: Ihre Änderungen bleiben hier erhalten, und Sie können erneut übertragen, sobald das Backend antwortet.</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Übertragen</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Leave them in the shared inbox</source>
        <translation>Im gemeinsamen Posteingang belassen</translation>
    </message>
    <message>
        <source>Simultaneous</source>
        <translation>Gleichzeitig</translation>
    </message>
    <message>
        <source>In order</source>
        <translation>Der Reihe nach</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Reihum (Round Robin)</translation>
    </message>
    <message>
        <source>Linear round robin</source>
        <translation>Linear reihum (Linear Round Robin)</translation>
    </message>
    <message>
        <source>Every member rings at the same time; the first to answer takes the call.</source>
        <translation>Bei allen Mitgliedern klingelt es gleichzeitig; wer zuerst abnimmt, übernimmt den Anruf.</translation>
    </message>
    <message>
        <source>Members ring one after another in the list&apos;s order, always from the first, until someone answers.</source>
        <translation>Die Mitglieder werden nacheinander in der Reihenfolge der Liste angerufen, immer ab dem ersten, bis jemand abnimmt.</translation>
    </message>
    <message>
        <source>One member per call, taking turns from call to call; if they do not answer, the next step follows.</source>
        <translation>Ein Mitglied pro Anruf, von Anruf zu Anruf abwechselnd; nimmt es nicht ab, folgt der nächste Schritt.</translation>
    </message>
    <message>
        <source>Starts with the member whose turn it is, then rings the others in order until someone answers.</source>
        <translation>Beginnt mit dem Mitglied, das an der Reihe ist, dann klingelt es bei den anderen der Reihe nach, bis jemand abnimmt.</translation>
    </message>
</context>
<context>
    <name>FlowInteraction</name>
    <message>
        <source>Replace applet</source>
        <translation>Applet ersetzen</translation>
    </message>
    <message>
        <source>Replace %1 with %2?</source>
        <translation>%1 durch %2 ersetzen?</translation>
    </message>
    <message>
        <source>Replace, Keep Them</source>
        <translation>Ersetzen und behalten</translation>
    </message>
    <message>
        <source>Replace, Delete Them</source>
        <translation>Ersetzen und löschen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Delete applet</source>
        <translation>Applet löschen</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Nothing hangs under it.</source>
        <translation>Darunter hängt nichts.</translation>
    </message>
    <message numerus="yes">
        <source>%n applet(s) hang under it and will be deleted too.</source>
        <translation>
            <numerusform>Darunter hängt %n Applet, das ebenfalls gelöscht wird.</numerusform>
            <numerusform>Darunter hängen %n Applets, die ebenfalls gelöscht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n applet(s) hang under branches that %1 does not have. Keep them aside, unattached, to use again? Or delete them?</source>
        <translation>
            <numerusform>%n Applet hängt unter einem Zweig, den ein Applet vom Typ %1 nicht hat. Soll es nicht verbunden beiseitegelegt werden, um es später wieder zu verwenden? Oder soll es gelöscht werden?</numerusform>
            <numerusform>%n Applets hängen unter Zweigen, die ein Applet vom Typ %1 nicht hat. Sollen sie nicht verbunden beiseitegelegt werden, um sie später wieder zu verwenden? Oder sollen sie gelöscht werden?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpServer</name>
    <message>
        <source>The request&apos;s headers are larger than %1 KiB.</source>
        <translation>Die Kopfzeilen der Anfrage sind größer als %1 KiB.</translation>
    </message>
    <message>
        <source>That is not an HTTP request.</source>
        <translation>Das ist keine HTTP-Anfrage.</translation>
    </message>
    <message>
        <source>The server is not ready.</source>
        <translation>Der Server ist nicht bereit.</translation>
    </message>
    <message>
        <source>The request&apos;s body is too large.</source>
        <translation>Der Inhalt der Anfrage ist zu groß.</translation>
    </message>
    <message>
        <source>The request&apos;s body is larger than %1 MiB.</source>
        <translation>Der Inhalt der Anfrage ist größer als %1 MiB.</translation>
    </message>
    <message>
        <source>The request&apos;s body is larger than %1 KiB.</source>
        <translation>Der Inhalt der Anfrage ist größer als %1 KiB.</translation>
    </message>
    <message>
        <source>The server has too many connections; try again shortly.</source>
        <translation>Der Server hat zu viele Verbindungen; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>A chunk header or trailer is too long.</source>
        <translation>Ein Chunk-Kopf oder Trailer ist zu lang.</translation>
    </message>
    <message>
        <source>The request could not be answered.</source>
        <translation>Die Anfrage konnte nicht beantwortet werden.</translation>
    </message>
</context>
<context>
    <name>OrganizationStore</name>
    <message>
        <source>Cannot read the organization from %1: %2</source>
        <translation>Die Organisation kann nicht aus %1 gelesen werden: %2</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; in %2 is damaged: %3</source>
        <translation>Ablauf &quot;%1&quot; in %2 ist beschädigt: %3</translation>
    </message>
    <message>
        <source>Cannot start a transaction on %1.</source>
        <translation>Auf %1 kann keine Transaktion gestartet werden.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>The greeting of user &quot;%1&quot; in %2 is damaged: %3</source>
        <translation>Die Begrüßung von Benutzer „%1“ in %2 ist beschädigt: %3</translation>
    </message>
</context>
<context>
    <name>PushResult</name>
    <message>
        <source>Pushed: the backend is at revision %1.</source>
        <translation>Übertragen: Das Backend hat jetzt Revision %1.</translation>
    </message>
    <message>
        <source>The configuration on the backend changed since you last pushed: it is at revision %1 now.</source>
        <translation>Die Konfiguration auf dem Backend hat sich seit Ihrer letzten Übertragung geändert: Aktuell ist Revision %1.</translation>
    </message>
    <message>
        <source>The backend refused the configuration: it has errors. Nothing changed there.</source>
        <translation>Das Backend hat die Konfiguration abgelehnt: Sie enthält Fehler. Dort wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>References</name>
    <message>
        <source>Flow &quot;%1&quot;, call flow: %2 &quot;%3&quot;</source>
        <translation>Ablauf &quot;%1&quot;, Anrufablauf: %2 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot;, SMS flow: %2 &quot;%3&quot;</source>
        <translation>Ablauf &quot;%1&quot;, SMS-Ablauf: %2 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Member of group &quot;%1&quot;</source>
        <translation>Mitglied der Gruppe &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Owner of contact %1</source>
        <translation>Besitzer des Kontakts %1</translation>
    </message>
</context>
<context>
    <name>RouterStore</name>
    <message>
        <source>&quot;%1&quot; is not a cursor this backend gave out.</source>
        <translation>&quot;%1&quot; ist kein Cursor, den dieses Backend ausgegeben hat.</translation>
    </message>
    <message>
        <source>Cannot begin a transaction on %1.</source>
        <translation>In %1 kann keine Transaktion begonnen werden.</translation>
    </message>
    <message>
        <source>There is no voicemail for this recording.</source>
        <translation>Zu dieser Aufnahme gibt es keine Sprachnachricht.</translation>
    </message>
    <message>
        <source>The reply&apos;s lease was no longer held by %1.</source>
        <translation>Die Reservierung der Antwort wurde nicht mehr von %1 gehalten.</translation>
    </message>
</context>
<context>
    <name>RoutingEngine</name>
    <message>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>plays %1</source>
        <translation>spielt %1 ab</translation>
    </message>
    <message>
        <source>says &quot;%1&quot;</source>
        <translation>sagt &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The call ends.</source>
        <translation>Der Anruf endet.</translation>
    </message>
    <message>
        <source>Sorry, we cannot take your call right now. Goodbye.</source>
        <translation>Leider können wir Ihren Anruf im Moment nicht entgegennehmen. Auf Wiederhören.</translation>
    </message>
    <message>
        <source>The call was at applet &quot;%1&quot;, which is not in revision %2.</source>
        <translation>Der Anruf war bei Applet &quot;%1&quot;, das es in Revision %2 nicht gibt.</translation>
    </message>
    <message>
        <source>Call for %1 from %2. Press 1 to accept.</source>
        <translation>Anruf für %1 von %2. Drücken Sie die 1, um ihn anzunehmen.</translation>
    </message>
    <message>
        <source>The call ran %1 applets without end and was stopped.</source>
        <translation>Der Anruf hat %1 Applets ohne Ende durchlaufen und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The flow leads to &quot;%1&quot;, which is not in it.</source>
        <translation>Der Ablauf führt zu &quot;%1&quot;, das es darin nicht gibt.</translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation>%1 %2.</translation>
    </message>
    <message>
        <source>%1: open (%2).</source>
        <translation>%1: geöffnet (%2).</translation>
    </message>
    <message>
        <source>%1: closed (%2).</source>
        <translation>%1: geschlossen (%2).</translation>
    </message>
    <message>
        <source>%1: closed for %2 (%3).</source>
        <translation>%1: geschlossen wegen %2 (%3).</translation>
    </message>
    <message>
        <source>%1: the call is refused with a busy signal.</source>
        <translation>%1: Der Anruf wird mit Besetztzeichen abgewiesen.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1 cannot run in a call.</source>
        <translation>%1 kann in einem Anruf nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>%1 %2 and waits %3 s for a key.</source>
        <translation>%1 %2 und wartet %3 s auf eine Taste.</translation>
    </message>
    <message>
        <source>%1 asks again (try %2 of %3).</source>
        <translation>%1 fragt erneut (Versuch %2 von %3).</translation>
    </message>
    <message>
        <source>The caller pressed %1.</source>
        <translation>Der Anrufer hat %1 gedrückt.</translation>
    </message>
    <message>
        <source>The caller pressed %1, which is not a choice.</source>
        <translation>Der Anrufer hat %1 gedrückt; diese Taste ist nicht belegt.</translation>
    </message>
    <message>
        <source>Sorry, that is not a valid choice.</source>
        <translation>Das ist leider keine gültige Auswahl.</translation>
    </message>
    <message>
        <source>No key was pressed.</source>
        <translation>Es wurde keine Taste gedrückt.</translation>
    </message>
    <message>
        <source>%1: no valid key after %2 tries.</source>
        <translation>%1: keine gültige Taste nach %2 Versuchen.</translation>
    </message>
    <message>
        <source>Goodbye.</source>
        <translation>Auf Wiederhören.</translation>
    </message>
    <message>
        <source>%1, step %2: nobody can be rung now; skipped.</source>
        <translation>%1, Schritt %2: derzeit niemand anrufbar; übersprungen.</translation>
    </message>
    <message>
        <source>%1, step %2: rings %3 for %4 s.</source>
        <translation>%1, Schritt %2: klingelt %4 s bei %3.</translation>
    </message>
    <message>
        <source>Answered; the call ends when they hang up.</source>
        <translation>Angenommen; der Anruf endet, wenn aufgelegt wird.</translation>
    </message>
    <message>
        <source>Not answered (%1).</source>
        <translation>Nicht angenommen (%1).</translation>
    </message>
    <message>
        <source>%1: nobody answered.</source>
        <translation>%1: Niemand hat abgenommen.</translation>
    </message>
    <message>
        <source>Please leave a message after the tone.</source>
        <translation>Bitte hinterlassen Sie nach dem Signalton eine Nachricht.</translation>
    </message>
    <message>
        <source>%1 %2 and records up to %3 s.</source>
        <translation>%1 %2 und nimmt bis zu %3 s auf.</translation>
    </message>
    <message>
        <source>The caller left no message.</source>
        <translation>Der Anrufer hat keine Nachricht hinterlassen.</translation>
    </message>
    <message>
        <source>A voicemail of %1 s for %2.</source>
        <translation>Eine Mailbox-Nachricht von %1 s für %2.</translation>
    </message>
    <message>
        <source>Thank you. Goodbye.</source>
        <translation>Vielen Dank. Auf Wiederhören.</translation>
    </message>
    <message>
        <source>The call&apos;s flow &quot;%1&quot; is not in revision %2.</source>
        <translation>Der Ablauf &quot;%1&quot; des Anrufs ist nicht in Revision %2 enthalten.</translation>
    </message>
    <message>
        <source>A blocked caller was refused.</source>
        <translation>Ein gesperrter Anrufer wurde abgewiesen.</translation>
    </message>
    <message>
        <source>Rejected: %1 is blocked.</source>
        <translation>Abgewiesen: %1 ist gesperrt.</translation>
    </message>
    <message>
        <source>%1 is not one of the organization&apos;s numbers.</source>
        <translation>%1 ist keine Rufnummer der Organisation.</translation>
    </message>
    <message>
        <source>%1 has no flow.</source>
        <translation>%1 hat keinen Ablauf.</translation>
    </message>
    <message>
        <source>The flow of %1 has no call flow.</source>
        <translation>Der Ablauf von %1 hat keinen Anrufablauf.</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgewiesen: %1</translation>
    </message>
    <message>
        <source>A text from a blocked number was dropped.</source>
        <translation>Eine SMS von einer gesperrten Rufnummer wurde verworfen.</translation>
    </message>
    <message>
        <source>Dropped: %1 is blocked.</source>
        <translation>Verworfen: %1 ist gesperrt.</translation>
    </message>
    <message>
        <source>The flow of %1 has no SMS flow.</source>
        <translation>Der Ablauf von %1 hat keinen SMS-Ablauf.</translation>
    </message>
    <message>
        <source>Dropped: %1</source>
        <translation>Verworfen: %1</translation>
    </message>
    <message>
        <source>The text ran %1 applets without end and was stopped.</source>
        <translation>Die SMS hat %1 Applets ohne Ende durchlaufen und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Keyword: &quot;%1&quot; matches nothing.</source>
        <translation>Stichwort: kein Treffer für &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Keyword: %1.</source>
        <translation>Stichwort: %1.</translation>
    </message>
    <message>
        <source>Replies &quot;%1&quot;.</source>
        <translation>Antwortet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Joins its open conversation, assigned to %1.</source>
        <translation>Zur offenen Unterhaltung hinzugefügt, zugewiesen an %1.</translation>
    </message>
    <message>
        <source>Joins its open conversation, waiting in the queue.</source>
        <translation>Zur offenen Unterhaltung hinzugefügt, wartet in der Warteschlange.</translation>
    </message>
    <message>
        <source>Nobody can take it now: it waits in %1&apos;s queue.</source>
        <translation>Derzeit kann niemand sie übernehmen: Sie wartet in der Warteschlange von %1.</translation>
    </message>
    <message>
        <source>A new conversation, assigned to %1.</source>
        <translation>Neue Unterhaltung, zugewiesen an %1.</translation>
    </message>
    <message>
        <source>Kept in the inbox of %1.</source>
        <translation>Im Posteingang von %1 abgelegt.</translation>
    </message>
    <message>
        <source>A %1 applet cannot handle a text.</source>
        <translation>Ein Applet vom Typ %1 kann keine SMS verarbeiten.</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <source>Nothing was kept.</source>
        <translation>Nichts wurde abgelegt.</translation>
    </message>
    <message>
        <source>Kept in an inbox.</source>
        <translation>In einem Posteingang abgelegt.</translation>
    </message>
    <message>
        <source>The call was refused.</source>
        <translation>Der Anruf wurde abgewiesen.</translation>
    </message>
    <message>
        <source>The call ended.</source>
        <translation>Der Anruf wurde beendet.</translation>
    </message>
    <message>
        <source>%1 answers.</source>
        <translation>%1 nimmt ab.</translation>
    </message>
    <message>
        <source>The simulation stopped: the call did not end.</source>
        <translation>Die Simulation wurde abgebrochen: Der Anruf endete nicht.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ActiveGroupsDialog</name>
    <message>
        <source>&amp;Available</source>
        <translation>&amp;Verfügbar</translation>
    </message>
    <message>
        <source>U&amp;navailable</source>
        <translation>&amp;Nicht verfügbar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Active Groups</source>
        <translation>Aktive Gruppen</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot; in this organization.</source>
        <translation>In dieser Organisation gibt es keinen Benutzer &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>Es wurde nichts gespeichert. %1</translation>
    </message>
    <message>
        <source>Save the changes to %1&apos;s active groups before showing %2&apos;s?</source>
        <translation>Änderungen an den aktiven Gruppen von %1 speichern, bevor die von %2 angezeigt werden?</translation>
    </message>
    <message>
        <source>Unavailable stops all calls and texts to you in every group, whatever is ticked below; your choices are kept for when you are available again.</source>
        <translation>&quot;Nicht verfügbar&quot; stoppt alle Anrufe und SMS an Sie in allen Gruppen, egal was unten angehakt ist; Ihre Auswahl bleibt erhalten, bis Sie wieder verfügbar sind.</translation>
    </message>
    <message>
        <source>Unavailable stops all calls and texts to %1 in every group, whatever is ticked below; the choices are kept for when %1 is available again.</source>
        <translation>&quot;Nicht verfügbar&quot; stoppt alle Anrufe und SMS an %1 in allen Gruppen, egal was unten angehakt ist; die Auswahl bleibt erhalten, bis %1 wieder verfügbar ist.</translation>
    </message>
    <message>
        <source>You are not a member of any group.</source>
        <translation>Sie sind in keiner Gruppe Mitglied.</translation>
    </message>
    <message>
        <source>%1 is not a member of any group.</source>
        <translation>%1 ist in keiner Gruppe Mitglied.</translation>
    </message>
    <message>
        <source>The backend does not know you yet. Your choices are kept, and apply once the configuration is pushed.</source>
        <translation>Das Backend kennt Sie noch nicht. Ihre Auswahl bleibt erhalten und gilt, sobald die Konfiguration übertragen wurde.</translation>
    </message>
    <message>
        <source>The backend does not know %1 yet. The choices are kept, and apply once the configuration is pushed.</source>
        <translation>Das Backend kennt %1 noch nicht. Die Auswahl bleibt erhalten und gilt, sobald die Konfiguration übertragen wurde.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>No routing backend is signed in. Active groups are kept by the backend: sign in to see and change them. The groups are below.</source>
        <translation>Bei keinem Routing-Backend angemeldet. Aktive Gruppen verwaltet das Backend: Melden Sie sich an, um sie zu sehen und zu ändern. Die Gruppen stehen unten.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ActiveGroupsModel</name>
    <message>
        <source>This group has no department.</source>
        <translation>Diese Gruppe hat keine Abteilung.</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>n. z.</translation>
    </message>
    <message>
        <source>Not applicable: %1 leaves this member out of its calls.</source>
        <translation>Nicht zutreffend: %1 nimmt dieses Mitglied von Anrufen aus.</translation>
    </message>
    <message>
        <source>Not applicable: %1 leaves this member out of its texts.</source>
        <translation>Nicht zutreffend: %1 nimmt dieses Mitglied von SMS aus.</translation>
    </message>
    <message>
        <source>Take calls to %1 now</source>
        <translation>Anrufe an %1 jetzt annehmen</translation>
    </message>
    <message>
        <source>Take texts to %1 now</source>
        <translation>SMS an %1 jetzt empfangen</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Not known until the routing backend says: sign in to see it.</source>
        <translation>Unbekannt, bis das Routing-Backend es sagt: Melden Sie sich an, um es zu sehen.</translation>
    </message>
</context>
<context>
    <name>Switchboard::AppletPreviewDelegate</name>
    <message>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
</context>
<context>
    <name>Switchboard::BackendConnection</name>
    <message>
        <source> — unpushed changes</source>
        <translation> — nicht übertragene Änderungen</translation>
    </message>
    <message>
        <source>Backend: not configured</source>
        <translation>Backend: nicht eingerichtet</translation>
    </message>
    <message>
        <source>Backend: connecting…</source>
        <translation>Backend: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Backend: connected at revision %1</source>
        <translation>Backend: verbunden, Revision %1</translation>
    </message>
    <message>
        <source>Backend: unreachable</source>
        <translation>Backend: nicht erreichbar</translation>
    </message>
    <message>
        <source>the admin token</source>
        <translation>das Admin-Token</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Backend: signed out</source>
        <translation>Backend: abgemeldet</translation>
    </message>
    <message>
        <source>Backend: sign-in not accepted</source>
        <translation>Backend: Anmeldung nicht angenommen</translation>
    </message>
    <message>
        <source>Backend: answered with an error</source>
        <translation>Backend: hat mit einem Fehler geantwortet</translation>
    </message>
</context>
<context>
    <name>Switchboard::BlockedModel</name>
    <message>
        <source>Blocked number</source>
        <translation>Gesperrte Rufnummer</translation>
    </message>
</context>
<context>
    <name>Switchboard::CarrierApi</name>
    <message>
        <source>%1 is not on the carrier&apos;s API host (%2): it is not asked, and no credentials are sent there.</source>
        <translation>%1 liegt nicht auf dem API-Host des Netzbetreibers (%2): Es wird nicht angefragt, und es werden keine Zugangsdaten dorthin gesendet.</translation>
    </message>
    <message>
        <source>The carrier&apos;s answer is larger than %1 MiB.</source>
        <translation>Die Antwort des Netzbetreibers ist größer als %1 MiB.</translation>
    </message>
    <message>
        <source>The carrier did not answer within %1 s.</source>
        <translation>Der Netzbetreiber hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>The carrier cannot be reached: %1</source>
        <translation>Der Netzbetreiber ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The carrier answered HTTP %1.</source>
        <translation>Der Netzbetreiber hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>%1 (carrier error %2)</source>
        <translation>%1 (Fehler %2 des Netzbetreibers)</translation>
    </message>
    <message>
        <source>The carrier took the message but gave no sid.</source>
        <translation>Der Netzbetreiber hat die Nachricht angenommen, aber keine SID genannt.</translation>
    </message>
    <message>
        <source>The carrier&apos;s list of numbers cannot be read.</source>
        <translation>Die Nummernliste des Netzbetreibers kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The carrier&apos;s list of numbers has more than %1 pages.</source>
        <translation>Die Nummernliste des Netzbetreibers hat mehr als %1 Seiten.</translation>
    </message>
    <message>
        <source>The carrier&apos;s list of messages cannot be read.</source>
        <translation>Die Nachrichtenliste des Netzbetreibers kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The carrier&apos;s answer was cut off: %1</source>
        <translation>Die Antwort des Netzbetreibers brach ab: %1</translation>
    </message>
    <message>
        <source>The carrier pointed to %1, which is not fetched.</source>
        <translation>Der Netzbetreiber verwies auf %1; das wird nicht abgerufen.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ConfirmDeleteDialog</name>
    <message>
        <source>Nobody (fix them later)</source>
        <translation>Niemand (später korrigieren)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>Switchboard::ConflictDialog</name>
    <message>
        <source>The backend&apos;s configuration changed</source>
        <translation>Die Konfiguration des Backends hat sich geändert</translation>
    </message>
    <message>
        <source>Someone pushed to the backend since you last did: it is at revision %1, and you started from revision %2. This is what changed there:</source>
        <translation>Seit Ihrer letzten Übertragung hat jemand anderes an das Backend übertragen: Es hat jetzt Revision %1, Sie sind von Revision %2 ausgegangen. Folgendes wurde dort geändert:</translation>
    </message>
    <message>
        <source>The backend holds a configuration this console never pushed or reloaded (revision %1): %2</source>
        <translation>Das Backend enthält eine Konfiguration, die diese Konsole nie übertragen oder geladen hat (Revision %1): %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Pushing now would replace their changes with yours.</source>
        <translation>Wenn Sie jetzt übertragen, werden die dortigen Änderungen durch Ihre ersetzt.</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>Backend-Version &amp;laden</translation>
    </message>
    <message>
        <source>Replace your configuration here with the backend&apos;s (one undo step; save to keep it)</source>
        <translation>Ihre Konfiguration hier durch die des Backends ersetzen (ein Rückgängig-Schritt; speichern Sie, um sie zu behalten)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with ours</source>
        <translation>Mit lokaler Version &amp;überschreiben</translation>
    </message>
    <message>
        <source>Push your configuration over theirs</source>
        <translation>Die Konfiguration des Backends mit Ihrer überschreiben</translation>
    </message>
    <message>
        <source>&amp;Export ours…</source>
        <translation>Lokale Version &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write your configuration to a file, and push nothing</source>
        <translation>Ihre Konfiguration in eine Datei schreiben und nichts übertragen</translation>
    </message>
    <message>
        <source>Nothing differs from what you started from: the same configuration was pushed again.</source>
        <translation>Nichts unterscheidet sich von Ihrem Ausgangsstand: dieselbe Konfiguration wurde erneut übertragen.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ContactsModel</name>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
</context>
<context>
    <name>Switchboard::E164Validator</name>
    <message>
        <source>Type the number with its country code, like +1 512 555 0100.</source>
        <translation>Geben Sie die Rufnummer mit Ländervorwahl ein, wie +1 512 555 0100.</translation>
    </message>
    <message numerus="yes">
        <source>%n more digit(s) at least.</source>
        <translation>
            <numerusform>Mindestens noch %n Ziffer.</numerusform>
            <numerusform>Mindestens noch %n Ziffern.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::FieldEditor</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>(%1–%2)</source>
        <translation>(%1–%2)</translation>
    </message>
    <message>
        <source>Share them out in turns</source>
        <translation>Reihum verteilen</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 von höchstens %2 Zeichen</translation>
    </message>
    <message>
        <source>The usual message</source>
        <translation>Die übliche Ansage</translation>
    </message>
    <message>
        <source>The owner&apos;s greeting, or the usual one</source>
        <translation>Die Begrüßung des Besitzers oder die übliche Ansage</translation>
    </message>
    <message>
        <source>Say this text</source>
        <translation>Diesen Text sprechen</translation>
    </message>
    <message>
        <source>Play a recording (URL)</source>
        <translation>Aufnahme abspielen (URL)</translation>
    </message>
    <message>
        <source>Voice, e.g. Polly.Joanna (optional)</source>
        <translation>Stimme, z. B. Polly.Joanna (optional)</translation>
    </message>
    <message>
        <source>Thank you for calling.</source>
        <translation>Vielen Dank für Ihren Anruf.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Gruppe: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>A group</source>
        <translation>Eine Gruppe</translation>
    </message>
    <message>
        <source>A user</source>
        <translation>Ein Benutzer</translation>
    </message>
    <message>
        <source>These users (a ring list)</source>
        <translation>Diese Benutzer (eine Klingelliste)</translation>
    </message>
    <message>
        <source>A phone number</source>
        <translation>Eine Rufnummer</translation>
    </message>
    <message>
        <source>The caller&apos;s contact owner</source>
        <translation>Der Besitzer des Anruferkontakts</translation>
    </message>
    <message>
        <source>Choose a group…</source>
        <translation>Gruppe auswählen…</translation>
    </message>
    <message>
        <source>Choose a user…</source>
        <translation>Benutzer auswählen…</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>Benutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Remove from the ring list</source>
        <translation>Aus der Klingelliste entfernen</translation>
    </message>
    <message>
        <source>In ring order; drag users here or add them:</source>
        <translation>In Klingelreihenfolge; ziehen Sie Benutzer hierher oder fügen Sie sie hinzu:</translation>
    </message>
    <message>
        <source>Rings whoever owns the caller&apos;s contact.</source>
        <translation>Klingelt bei dem Benutzer, dem der Kontakt des Anrufers gehört.</translation>
    </message>
    <message>
        <source>The organization&apos;s (%1)</source>
        <translation>Die der Organisation (%1)</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Open hours, like 09:00-12:00, 13:00-17:30; a range may run past midnight (22:00-02:00).</source>
        <translation>Geschäftszeiten, z. B. 09:00-12:00, 13:00-17:30; ein Zeitraum darf über Mitternacht hinausgehen (22:00-02:00).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range like 09:00-17:00.</source>
        <translation>&quot;%1&quot; ist kein Zeitraum wie 09:00-17:00.</translation>
    </message>
    <message>
        <source>The caller&apos;s number</source>
        <translation>Die Rufnummer des Anrufers</translation>
    </message>
    <message>
        <source>The number they called</source>
        <translation>Die angerufene Rufnummer</translation>
    </message>
    <message>
        <source>This number:</source>
        <translation>Diese Rufnummer:</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Schritt hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Add a user to the end of the ring list</source>
        <translation>Einen Benutzer am Ende der Klingelliste hinzufügen</translation>
    </message>
    <message>
        <source>Everyone is in the list</source>
        <translation>Alle stehen bereits in der Liste</translation>
    </message>
    <message>
        <source>Move %1 earlier</source>
        <translation>%1 nach vorn verschieben</translation>
    </message>
    <message>
        <source>Move %1 later</source>
        <translation>%1 nach hinten verschieben</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Not changed yet: fill this in for the step to use it.</source>
        <translation>Noch nicht geändert: Füllen Sie dies aus, damit der Schritt es verwendet.</translation>
    </message>
    <message>
        <source>Not changed yet: until this is filled in, the step rings %1.</source>
        <translation>Noch nicht geändert: Bis dies ausgefüllt ist, klingelt der Schritt bei %1.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowEdits</name>
    <message>
        <source>When a call begins, what should we do?</source>
        <translation>Was soll passieren, wenn ein Anruf eingeht?</translation>
    </message>
    <message>
        <source>When a text message arrives, what should we do?</source>
        <translation>Was soll passieren, wenn eine SMS eingeht?</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>%1 cannot be used in this flow.</source>
        <translation>%1 kann in diesem Ablauf nicht verwendet werden.</translation>
    </message>
    <message>
        <source>That slot is taken: drop on the applet to replace it.</source>
        <translation>Dieser Platz ist belegt: Legen Sie das Applet auf dem vorhandenen Applet ab, um dieses zu ersetzen.</translation>
    </message>
    <message>
        <source>Start with %1</source>
        <translation>Mit %1 beginnen</translation>
    </message>
    <message>
        <source>Add %1 after %2 (%3)</source>
        <translation>%1 nach %2 (%3) hinzufügen</translation>
    </message>
    <message>
        <source>It is a %1 already.</source>
        <translation>Es ist bereits ein Applet vom Typ %1.</translation>
    </message>
    <message>
        <source>Replace %1 with %2</source>
        <translation>%1 durch %2 ersetzen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 and %n applet(s) under it</source>
        <translation>
            <numerusform>%1 und %n Applet darunter löschen</numerusform>
            <numerusform>%1 und %n Applets darunter löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>That slot is taken: delete what is there first.</source>
        <translation>Dieser Platz ist belegt: Löschen Sie zuerst, was dort liegt.</translation>
    </message>
    <message>
        <source>Remove the link from %1 (%2)</source>
        <translation>Verbindung von %1 (%2) entfernen</translation>
    </message>
    <message>
        <source>Start at %1</source>
        <translation>Bei %1 beginnen</translation>
    </message>
    <message>
        <source>Go from %1 (%2) to %3</source>
        <translation>%1 (%2) mit %3 verbinden</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>%1 von %2 ändern</translation>
    </message>
    <message>
        <source>Only admins change flows: this one is read-only.</source>
        <translation>Nur Admins ändern Abläufe: Dieser ist schreibgeschützt.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowScene</name>
    <message>
        <source>Not attached: nothing leads here</source>
        <translation>Nicht verbunden: Nichts führt hierher</translation>
    </message>
    <message>
        <source>Not attached: nothing in the flow leads here.</source>
        <translation>Nicht verbunden: Nichts im Ablauf führt hierher.</translation>
    </message>
    <message>
        <source>Goes on to %1, drawn elsewhere in the flow</source>
        <translation>Führt weiter zu %1, das an anderer Stelle im Ablauf dargestellt ist</translation>
    </message>
    <message>
        <source>Go to… %1</source>
        <translation>Weiter zu… %1</translation>
    </message>
    <message>
        <source>Drop an applet here</source>
        <translation>Applet hier ablegen</translation>
    </message>
    <message>
        <source>Nothing yet: a dead end</source>
        <translation>Noch nichts: eine Sackgasse</translation>
    </message>
    <message>
        <source>Delete %1 (Del)</source>
        <translation>%1 löschen (Entf)</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowWindow</name>
    <message>
        <source>Applets</source>
        <translation>Applets</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Drag users into a ring list in the settings below.</source>
        <translation>Ziehen Sie Benutzer in eine Klingelliste in den Einstellungen unten.</translation>
    </message>
    <message>
        <source>Call flow</source>
        <translation>Anrufablauf</translation>
    </message>
    <message>
        <source>SMS flow</source>
        <translation>SMS-Ablauf</translation>
    </message>
    <message>
        <source>What to look at:</source>
        <translation>Zu prüfen:</translation>
    </message>
    <message>
        <source>&amp;Save Flow</source>
        <translation>Ablauf &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Drag an applet from the left into a dotted slot, or select a slot and press Enter.</source>
        <translation>Ziehen Sie ein Applet von links in einen gepunkteten Platz oder wählen Sie einen Platz aus und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Flow: %1[*] — Switchboard</source>
        <translation>Ablauf: %1[*] — Switchboard</translation>
    </message>
    <message>
        <source>Nothing: this flow is complete.</source>
        <translation>Nichts: Dieser Ablauf ist vollständig.</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>Weiter zu…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Cannot save the flow</source>
        <translation>Ablauf kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The flow could not be saved; your changes are still here.

%1</source>
        <translation>Der Ablauf konnte nicht gespeichert werden; Ihre Änderungen bleiben erhalten.

%1</translation>
    </message>
    <message>
        <source>Save the changes to the flow &quot;%1&quot; before closing?</source>
        <translation>Möchten Sie die Änderungen am Ablauf &quot;%1&quot; vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>No call flow yet: calls to this flow&apos;s numbers are rejected. Drag an applet into the dotted slot to begin.</source>
        <translation>Noch kein Anrufablauf: Anrufe an die Rufnummern dieses Ablaufs werden abgewiesen. Ziehen Sie ein Applet auf den gestrichelten Platz, um zu beginnen.</translation>
    </message>
    <message>
        <source>No SMS flow yet: texts to this flow&apos;s numbers are dropped. Drag an applet into the dotted slot to begin.</source>
        <translation>Noch kein SMS-Ablauf: SMS an die Rufnummern dieses Ablaufs werden verworfen. Ziehen Sie ein Applet auf den gestrichelten Platz, um zu beginnen.</translation>
    </message>
    <message>
        <source>&amp;Test Call…</source>
        <translation>&amp;Testanruf…</translation>
    </message>
    <message>
        <source>Run a call or a text through this flow, unsaved changes included</source>
        <translation>Einen Anruf oder eine SMS durch diesen Ablauf laufen lassen, einschließlich ungespeicherter Änderungen</translation>
    </message>
    <message>
        <source>Clear Route</source>
        <translation>Route entfernen</translation>
    </message>
    <message>
        <source>Take the test call&apos;s route off the canvas</source>
        <translation>Die Route des Testanrufs von der Arbeitsfläche entfernen</translation>
    </message>
    <message numerus="yes">
        <source>The test call&apos;s route: %n applet(s), numbered in the order they ran. The next edit clears it.</source>
        <translation>
            <numerusform>Route des Testanrufs: %n Applet, nummeriert in der Reihenfolge der Ausführung. Die nächste Änderung entfernt sie.</numerusform>
            <numerusform>Route des Testanrufs: %n Applets, nummeriert in der Reihenfolge der Ausführung. Die nächste Änderung entfernt sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Flow: %1 (read-only) — Switchboard</source>
        <translation>Ablauf: %1 (schreibgeschützt) — Switchboard</translation>
    </message>
    <message>
        <source>&amp;Replace with</source>
        <translation>&amp;Ersetzen durch</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Go to its settings below the canvas</source>
        <translation>Zu seinen Einstellungen unter der Arbeitsfläche</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Saved, with the flow of %1.</source>
        <translation>Gespeichert, samt der Zuordnung von %1.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowsModel</name>
    <message numerus="yes">
        <source>%n applet(s)</source>
        <translation>
            <numerusform>%n Applet</numerusform>
            <numerusform>%n Applets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n Rufnummer</numerusform>
            <numerusform>%n Rufnummern</numerusform>
        </translation>
    </message>
    <message>
        <source>Call flow set up</source>
        <translation>Anrufablauf eingerichtet</translation>
    </message>
    <message>
        <source>Create Call Flow</source>
        <translation>Anrufablauf anlegen</translation>
    </message>
    <message>
        <source>SMS flow set up</source>
        <translation>SMS-Ablauf eingerichtet</translation>
    </message>
    <message>
        <source>Create SMS Flow</source>
        <translation>SMS-Ablauf anlegen</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Applets</source>
        <translation>Applets</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Keine Rufnummer</translation>
    </message>
    <message>
        <source>No number uses this flow yet. Click to assign one.</source>
        <translation>Noch keine Rufnummer verwendet diesen Ablauf. Klicken Sie, um eine zuzuweisen.</translation>
    </message>
    <message>
        <source>Used by %1. Click to assign numbers.</source>
        <translation>Verwendet von %1. Klicken Sie, um Rufnummern zuzuweisen.</translation>
    </message>
    <message>
        <source>Calls to this flow&apos;s numbers are rejected until it has a call flow.</source>
        <translation>Anrufe an die Rufnummern dieses Ablaufs werden abgewiesen, bis er einen Anrufablauf hat.</translation>
    </message>
    <message>
        <source>Texts to this flow&apos;s numbers are dropped until it has an SMS flow.</source>
        <translation>SMS an die Rufnummern dieses Ablaufs werden verworfen, bis er einen SMS-Ablauf hat.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowsNumbersEdits</name>
    <message>
        <source>Give the flow a name.</source>
        <translation>Geben Sie dem Ablauf einen Namen.</translation>
    </message>
    <message>
        <source>There is already a flow called &quot;%1&quot;.</source>
        <translation>Es gibt bereits einen Ablauf namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Write the number in E.164 form: + and the country code, then the number, without spaces (like +15125550100).</source>
        <translation>Geben Sie die Rufnummer im E.164-Format ein: + und die Ländervorwahl, dann die Rufnummer, ohne Leerzeichen (wie +15125550100).</translation>
    </message>
    <message>
        <source>%1 is already one of your numbers.</source>
        <translation>%1 ist bereits eine Ihrer Rufnummern.</translation>
    </message>
    <message>
        <source>Write the number in E.164 form, like +15125550666.</source>
        <translation>Geben Sie die Rufnummer im E.164-Format ein, wie +15125550666.</translation>
    </message>
    <message>
        <source>%1 is blocked already.</source>
        <translation>%1 ist bereits gesperrt.</translation>
    </message>
    <message>
        <source>Create flow %1</source>
        <translation>Ablauf %1 anlegen</translation>
    </message>
    <message>
        <source>Create flow %1 for %2</source>
        <translation>Ablauf %1 für %2 anlegen</translation>
    </message>
    <message>
        <source>Rename flow %1 to %2</source>
        <translation>Ablauf %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (Kopie %2)</translation>
    </message>
    <message>
        <source>Duplicate flow %1</source>
        <translation>Ablauf %1 duplizieren</translation>
    </message>
    <message>
        <source>Delete flow %1</source>
        <translation>Ablauf %1 löschen</translation>
    </message>
    <message>
        <source>Take %1 off flow %2</source>
        <translation>%1 von Ablauf %2 entfernen</translation>
    </message>
    <message>
        <source>Route %1 to flow %2</source>
        <translation>%1 dem Ablauf %2 zuweisen</translation>
    </message>
    <message>
        <source>Move %1 from flow %2 to %3</source>
        <translation>%1 von Ablauf %2 nach %3 verschieben</translation>
    </message>
    <message>
        <source>Add number %1</source>
        <translation>Rufnummer %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit number %1</source>
        <translation>Rufnummer %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove number %1</source>
        <translation>Rufnummer %1 entfernen</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>%1 sperren</translation>
    </message>
    <message>
        <source>Mark %1 as spam</source>
        <translation>%1 als Spam markieren</translation>
    </message>
    <message>
        <source>%1 is blocked: its calls are rejected and its texts dropped.</source>
        <translation>%1 ist gesperrt: Anrufe werden abgewiesen, SMS verworfen.</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>%1 entsperren</translation>
    </message>
    <message numerus="yes">
        <source>Import %n number(s) from the carrier</source>
        <translation>
            <numerusform>%n Nummer vom Netzbetreiber importieren</numerusform>
            <numerusform>%n Nummern vom Netzbetreiber importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: done. Save (Ctrl+S) to keep it, push to make it live.</source>
        <translation>%1: erledigt. Speichern (Strg+S), um es zu behalten; übertragen, damit es gilt.</translation>
    </message>
    <message>
        <source>%1: done; %2 Save (Ctrl+S) to keep it.</source>
        <translation>%1: erledigt; %2 Speichern (Strg+S), um es zu behalten.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowsPage</name>
    <message>
        <source>Flows</source>
        <translation>Abläufe</translation>
    </message>
    <message>
        <source>Double-click a flow to open it in the flow builder.</source>
        <translation>Doppelklicken Sie auf einen Ablauf, um ihn im Ablauf-Editor zu öffnen.</translation>
    </message>
    <message>
        <source>Create a New Flow</source>
        <translation>Neuen Ablauf anlegen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Flow name:</source>
        <translation>Name des Ablaufs:</translation>
    </message>
    <message>
        <source>Delete flow</source>
        <translation>Ablauf löschen</translation>
    </message>
    <message>
        <source>Delete the flow &quot;%1&quot;?</source>
        <translation>Den Ablauf &quot;%1&quot; löschen?</translation>
    </message>
    <message>
        <source>No number uses it.</source>
        <translation>Keine Rufnummer verwendet ihn.</translation>
    </message>
    <message>
        <source>These numbers will have no flow, and their calls and texts will be rejected until they get one:
%1</source>
        <translation>Diese Rufnummern haben dann keinen Ablauf mehr; ihre Anrufe und SMS werden abgewiesen, bis ihnen wieder einer zugewiesen wird:
%1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Take %1 (%2) off this flow</source>
        <translation>%1 (%2) von diesem Ablauf entfernen</translation>
    </message>
    <message>
        <source>Assign a number</source>
        <translation>Rufnummer zuweisen</translation>
    </message>
    <message>
        <source>Move a number here</source>
        <translation>Rufnummer hierher verschieben</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, from %2</source>
        <translation>%1, aus %2</translation>
    </message>
    <message>
        <source>Move number</source>
        <translation>Rufnummer verschieben</translation>
    </message>
    <message>
        <source>%1 now uses the flow &quot;%2&quot;. Move it to &quot;%3&quot;?</source>
        <translation>%1 verwendet derzeit den Ablauf &quot;%2&quot;. Zu &quot;%3&quot; verschieben?</translation>
    </message>
    <message>
        <source>You can look at the flows; only admins change them.</source>
        <translation>Sie können die Abläufe ansehen; nur Admins ändern sie.</translation>
    </message>
    <message>
        <source>Numbers…</source>
        <translation>Nummern…</translation>
    </message>
    <message>
        <source>Give this flow a number, or move one to it</source>
        <translation>Diesem Ablauf eine Nummer geben oder eine hierher verschieben</translation>
    </message>
</context>
<context>
    <name>Switchboard::GroupDialog</name>
    <message>
        <source>Optional, e.g. Sales or Customer Care</source>
        <translation>Optional, z. B. Vertrieb oder Kundenservice</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Geben Sie der Gruppe einen Namen.</translation>
    </message>
    <message>
        <source>There is already a group called &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine Gruppe namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Abteilung:</translation>
    </message>
    <message>
        <source>These flows use this group; they will show the new name:</source>
        <translation>Diese Abläufe verwenden diese Gruppe; sie zeigen dann den neuen Namen an:</translation>
    </message>
</context>
<context>
    <name>Switchboard::GroupsModel</name>
    <message>
        <source>No members</source>
        <translation>Keine Mitglieder</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>This group has no members yet: a call to it rings nobody. Drag users onto it to add them.</source>
        <translation>Diese Gruppe hat noch keine Mitglieder: Bei einem Anruf an sie klingelt es bei niemandem. Ziehen Sie Benutzer auf die Gruppe, um sie hinzuzufügen.</translation>
    </message>
</context>
<context>
    <name>Switchboard::InboxModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Voicemail, %1</source>
        <translation>Mailbox-Nachricht, %1</translation>
    </message>
    <message>
        <source>Voicemail, %1: %2</source>
        <translation>Mailbox-Nachricht, %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 [%n attachment(s)]</source>
        <translation>
            <numerusform>%1 [%n Anhang]</numerusform>
            <numerusform>%1 [%n Anhänge]</numerusform>
        </translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>%1, closed</source>
        <translation>%1, geschlossen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
</context>
<context>
    <name>Switchboard::InboxPage</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>Unterhaltung &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Send reply</source>
        <translation>Ant&amp;wort senden</translation>
    </message>
    <message>
        <source>Which groups&apos; calls and texts you take, and whether you are available</source>
        <translation>Von welchen Gruppen Sie Anrufe und SMS annehmen und ob Sie verfügbar sind</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Mark read or unread (Ctrl+U)</source>
        <translation>Als gelesen oder ungelesen markieren (Strg+U)</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Löschen (Entf)</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Antwort schreiben…</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>My messages</source>
        <translation>Meine Nachrichten</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Voicemails</source>
        <translation>Mailbox-Nachrichten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a message.</source>
        <translation>Wählen Sie eine Nachricht aus.</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>Keine Einträge.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>voicemail of %n second(s)</source>
        <translation>
            <numerusform>Mailbox-Nachricht von %n Sekunde</numerusform>
            <numerusform>Mailbox-Nachricht von %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <source>conversation closed</source>
        <translation>Unterhaltung geschlossen</translation>
    </message>
    <message>
        <source>conversation open</source>
        <translation>Unterhaltung offen</translation>
    </message>
    <message>
        <source>No transcription.</source>
        <translation>Keine Transkription.</translation>
    </message>
    <message>
        <source>Attachment: %1</source>
        <translation>Anhang: %1</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Als g&amp;elesen markieren</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete this message for everyone who reads this inbox?</source>
        <translation>Diese Nachricht für alle löschen, die diesen Posteingang lesen?</translation>
    </message>
    <message>
        <source>Texts and voicemails are kept by the routing backend. Sign in to it, and &quot;My messages&quot; and your groups&apos; inboxes appear here.</source>
        <translation>Nachrichten und Voicemails liegen im Routing-Backend. Melden Sie sich dort an, dann erscheinen hier &quot;Meine Nachrichten&quot; und die Posteingänge Ihrer Gruppen.</translation>
    </message>
    <message>
        <source>Sign &amp;in to the backend…</source>
        <translation>Beim Backend &amp;anmelden…</translation>
    </message>
    <message>
        <source>Only admins, and managers in their groups&apos; inboxes, delete messages.</source>
        <translation>Nur Admins, und Manager in den Posteingängen ihrer Gruppen, löschen Nachrichten.</translation>
    </message>
    <message>
        <source>Mark read or unread</source>
        <translation>Als gelesen oder ungelesen markieren</translation>
    </message>
    <message>
        <source>Active Gr&amp;oups…</source>
        <translation>A&amp;ktive Gruppen…</translation>
    </message>
    <message>
        <source>Assig&amp;n</source>
        <translation>&amp;Zuweisen</translation>
    </message>
    <message>
        <source>Your reply was not sent: the backend has no carrier account to send texts with yet. Ask an admin to set it up; your text is kept here.</source>
        <translation>Ihre Antwort wurde nicht gesendet: Das Backend hat noch kein Carrier-Konto, um SMS zu senden. Bitten Sie einen Admin, es einzurichten; Ihr Text bleibt hier erhalten.</translation>
    </message>
    <message>
        <source>Your reply was not sent: %1</source>
        <translation>Ihre Antwort wurde nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::Inspector</name>
    <message>
        <source>Select an applet on the canvas to see its settings here. Drag applets from the palette into the dotted slots.</source>
        <translation>Wählen Sie ein Applet auf der Arbeitsfläche aus, um hier seine Einstellungen zu sehen. Ziehen Sie Applets aus der Palette in die gepunkteten Plätze.</translation>
    </message>
    <message>
        <source>Name this applet (optional)</source>
        <translation>Name dieses Applets (optional)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::MainWindow</name>
    <message>
        <source>Users &amp; Groups</source>
        <translation>Benutzer &amp; Gruppen</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Abläufe</translation>
    </message>
    <message>
        <source>Phone Numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the changes to %1</source>
        <translation>Änderungen in %1 speichern</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Übertragen</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Switchboard[*]</source>
        <translation>Switchboard[*]</translation>
    </message>
    <message>
        <source>%1[*] — Switchboard</source>
        <translation>%1[*] — Switchboard</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>In %1 gespeichert</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>The changes could not be saved. They are still here, and you can try again.

%1</source>
        <translation>Die Änderungen konnten nicht gespeichert werden. Keine Sorge, sie bleiben erhalten – versuchen Sie es einfach noch einmal.

%1</translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation>Möchten Sie Ihre Änderungen vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nichts wiederherzustellen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Wiederherstellen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) not fully routed</source>
        <translation>
            <numerusform>%n Rufnummer nicht vollständig weitergeleitet</numerusform>
            <numerusform>%n Rufnummern nicht vollständig weitergeleitet</numerusform>
        </translation>
    </message>
    <message>
        <source>Active &amp;Groups…</source>
        <translation>Aktive &amp;Gruppen…</translation>
    </message>
    <message>
        <source>Which groups&apos; calls and texts you take now, and whether you are available</source>
        <translation>Von welchen Gruppen Sie jetzt Anrufe und SMS annehmen und ob Sie verfügbar sind</translation>
    </message>
    <message>
        <source>&amp;Test Call…</source>
        <translation>&amp;Testanruf…</translation>
    </message>
    <message>
        <source>Run a call or a text through the flows, unsaved changes included, and see its route</source>
        <translation>Einen Anruf oder eine SMS durch die Abläufe laufen lassen, einschließlich ungespeicherter Änderungen, und die Route ansehen</translation>
    </message>
    <message>
        <source>Send the configuration to %1</source>
        <translation>Konfiguration an %1 übertragen</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign in to the routing backend</source>
        <translation>Beim Routing-Backend anmelden</translation>
    </message>
    <message>
        <source>Push &amp;History…</source>
        <translation>Push-&amp;Verlauf…</translation>
    </message>
    <message>
        <source>The revisions pushed to the backend, by whom and when</source>
        <translation>Die an das Backend gesendeten Revisionen, von wem und wann</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; your unsaved changes are kept.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an; Ihre ungespeicherten Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>End your session on the backend and forget it on this computer</source>
        <translation>Ihre Sitzung im Backend beenden und auf diesem Computer vergessen</translation>
    </message>
    <message>
        <source>Send the configuration to the routing backend (set up with Sign in… first)</source>
        <translation>Die Konfiguration an das Routing-Backend senden (zuerst mit Anmelden… einrichten)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Signed in with the admin token</source>
        <translation>Mit dem Admin-Token angemeldet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Über Switchboard</translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>Über Switchboard</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Call and SMS routing for your phone numbers: flows, groups and inboxes, pushed to your routing backend.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Anruf- und SMS-Weiterleitung für Ihre Rufnummern: Abläufe, Gruppen und Posteingänge, an Ihr Routing-Backend übertragen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <source>As the &amp;Desktop</source>
        <translation>Wie der &amp;Desktop</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>D&amp;ark</source>
        <translation>D&amp;unkel</translation>
    </message>
</context>
<context>
    <name>Switchboard::MembersModel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a user of this organization.</source>
        <translation>&quot;%1&quot; ist kein Benutzer dieser Organisation.</translation>
    </message>
    <message>
        <source>Member (ring order)</source>
        <translation>Mitglied (Klingelreihenfolge)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>Aus der Gruppe entfernen</translation>
    </message>
    <message>
        <source>Whether %1 is rung for calls to this group</source>
        <translation>Ob es bei Anrufen an diese Gruppe bei %1 klingelt</translation>
    </message>
    <message>
        <source>Whether %1 gets texts for this group</source>
        <translation>Ob %1 SMS an diese Gruppe erhält</translation>
    </message>
    <message>
        <source>Remove %1 from %2</source>
        <translation>%1 aus %2 entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Switchboard::NumberDialog</name>
    <message>
        <source>Add Number</source>
        <translation>Rufnummer hinzufügen</translation>
    </message>
    <message>
        <source>e.g. Main line, Spanish line</source>
        <translation>z. B. Hauptanschluss, spanische Leitung</translation>
    </message>
    <message>
        <source>✓ A valid number.</source>
        <translation>✓ Eine gültige Rufnummer.</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Rufnummer:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
</context>
<context>
    <name>Switchboard::NumbersModel</name>
    <message>
        <source>No flow: calls and texts to this number are rejected.</source>
        <translation>Kein Ablauf: Anrufe und SMS an diese Rufnummer werden abgewiesen.</translation>
    </message>
    <message>
        <source>Its flow &quot;%1&quot; does not exist.</source>
        <translation>Der zugewiesene Ablauf &quot;%1&quot; existiert nicht.</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; has neither a call flow nor an SMS flow.</source>
        <translation>Ablauf &quot;%1&quot; hat weder einen Anrufablauf noch einen SMS-Ablauf.</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; has no call flow: calls are rejected.</source>
        <translation>Ablauf &quot;%1&quot; hat keinen Anrufablauf: Anrufe werden abgewiesen.</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; has no SMS flow: texts are dropped.</source>
        <translation>Ablauf &quot;%1&quot; hat keinen SMS-Ablauf: SMS werden verworfen.</translation>
    </message>
    <message>
        <source>No flow</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Calls and texts are routed</source>
        <translation>Anrufe und SMS werden weitergeleitet</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Netzbetreiber</translation>
    </message>
    <message>
        <source>Sign in to the backend as an admin or a manager to see the carrier account&apos;s numbers.</source>
        <translation>Melden Sie sich als Admin oder Manager beim Backend an, um die Nummern des Netzbetreiberkontos zu sehen.</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>nirgendwohin</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at the carrier.
</source>
        <translation>&quot;%1&quot; beim Netzbetreiber.
</translation>
    </message>
    <message>
        <source>Calls and texts to this number reach this backend.</source>
        <translation>Anrufe und SMS an diese Nummer erreichen dieses Backend.</translation>
    </message>
    <message>
        <source>The carrier sends calls to %1 and texts to %2; this backend takes them at %3 and %4. &quot;Wire to Backend&quot; points them here.</source>
        <translation>Der Netzbetreiber schickt Anrufe an %1 und SMS an %2; dieses Backend nimmt sie unter %3 und %4 an. &quot;Mit Backend verbinden&quot; leitet sie hierher.</translation>
    </message>
    <message>
        <source>The carrier account has no such number: calls and texts to it never reach this backend.</source>
        <translation>Das Netzbetreiberkonto hat diese Nummer nicht: Anrufe und SMS an sie erreichen dieses Backend nie.</translation>
    </message>
    <message>
        <source>✓ wired</source>
        <translation>✓ verbunden</translation>
    </message>
    <message>
        <source>⚠ points elsewhere</source>
        <translation>⚠ zeigt woandershin</translation>
    </message>
    <message>
        <source>✗ not in the account</source>
        <translation>✗ nicht im Konto</translation>
    </message>
    <message>
        <source>Click, or press Enter, to choose this number&apos;s flow.</source>
        <translation>Klicken oder Eingabe drücken, um den Ablauf dieser Nummer zu wählen.</translation>
    </message>
    <message>
        <source>Calls and texts to this number run its flow.</source>
        <translation>Anrufe und SMS an diese Nummer durchlaufen ihren Ablauf.</translation>
    </message>
    <message>
        <source>%1
Open the flow &quot;%2&quot; (Flows page) and build what it lacks on its Call flow or SMS flow tab.</source>
        <translation>%1
Öffnen Sie den Ablauf &quot;%2&quot; (Seite Abläufe) und bauen Sie auf dem Reiter Anruf-Ablauf oder SMS-Ablauf, was fehlt.</translation>
    </message>
    <message>
        <source>%1
Choose a flow in the Flow column.</source>
        <translation>%1
Wählen Sie in der Spalte Ablauf einen Ablauf.</translation>
    </message>
</context>
<context>
    <name>Switchboard::NumbersPage</name>
    <message>
        <source>Phone Numbers</source>
        <translation>Rufnummern</translation>
    </message>
    <message>
        <source>Blocked Numbers</source>
        <translation>Gesperrte Rufnummern</translation>
    </message>
    <message>
        <source>Add Number…</source>
        <translation>Rufnummer hinzufügen…</translation>
    </message>
    <message>
        <source>Remove Number</source>
        <translation>Rufnummer entfernen</translation>
    </message>
    <message>
        <source>Number to block, e.g. +15125550666</source>
        <translation>Zu sperrende Rufnummer, z. B. +15125550666</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Mark %1 as Spam</source>
        <translation>%1 als Spam markieren</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>No flow</source>
        <translation>Kein Ablauf</translation>
    </message>
    <message>
        <source>Create new flow…</source>
        <translation>Neuen Ablauf anlegen…</translation>
    </message>
    <message>
        <source>Create a New Flow</source>
        <translation>Neuen Ablauf anlegen</translation>
    </message>
    <message>
        <source>Flow name:</source>
        <translation>Name des Ablaufs:</translation>
    </message>
    <message>
        <source>You can look at the numbers; only admins change them.</source>
        <translation>Sie können die Nummern ansehen; nur Admins ändern sie.</translation>
    </message>
    <message>
        <source>Import from Carrier</source>
        <translation>Vom Netzbetreiber importieren</translation>
    </message>
    <message>
        <source>Wire to Backend</source>
        <translation>Mit Backend verbinden</translation>
    </message>
    <message>
        <source>Sign in to the backend as an admin first.</source>
        <translation>Melden Sie sich zuerst als Admin beim Backend an.</translation>
    </message>
    <message>
        <source>Only admins change the carrier account&apos;s numbers.</source>
        <translation>Nur Admins ändern die Nummern des Netzbetreiberkontos.</translation>
    </message>
    <message>
        <source>Add the carrier account&apos;s numbers that are not listed here, labelled with their names there</source>
        <translation>Die Nummern des Netzbetreiberkontos hinzufügen, die hier fehlen, mit ihren dortigen Namen als Bezeichnung</translation>
    </message>
    <message>
        <source>Point the selected numbers (none selected: every number the backend routes) at this backend, at the carrier. Push first.</source>
        <translation>Die ausgewählten Nummern (keine ausgewählt: jede Nummer, die das Backend routet) beim Netzbetreiber auf dieses Backend zeigen lassen. Vorher übertragen.</translation>
    </message>
    <message>
        <source>Sign in to the backend as an admin or a manager to see the carrier account&apos;s numbers.</source>
        <translation>Melden Sie sich als Admin oder Manager beim Backend an, um die Nummern des Netzbetreiberkontos zu sehen.</translation>
    </message>
    <message>
        <source>The backend could not list the carrier account&apos;s numbers: %1</source>
        <translation>Das Backend konnte die Nummern des Netzbetreiberkontos nicht auflisten: %1</translation>
    </message>
    <message>
        <source>Asking the carrier account for its numbers…</source>
        <translation>Das Netzbetreiberkonto wird nach seinen Nummern gefragt…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Added %n number(s) from the carrier account; give them a flow, save and push.</source>
        <translation>
            <numerusform>%n Nummer aus dem Netzbetreiberkonto hinzugefügt; geben Sie ihr einen Ablauf, speichern und übertragen Sie.</numerusform>
            <numerusform>%n Nummern aus dem Netzbetreiberkonto hinzugefügt; geben Sie ihnen einen Ablauf, speichern und übertragen Sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every number of the carrier account is listed here already.</source>
        <translation>Jede Nummer des Netzbetreiberkontos ist hier bereits aufgeführt.</translation>
    </message>
    <message>
        <source>This organization has changes not pushed yet: the backend wired the numbers as its last push routes them.</source>
        <translation>Diese Organisation hat noch nicht übertragene Änderungen: Das Backend hat die Nummern so verbunden, wie die letzte Übertragung sie routet.</translation>
    </message>
    <message>
        <source>Wiring…</source>
        <translation>Wird verbunden…</translation>
    </message>
    <message>
        <source>Not wired: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>No number was wired.</source>
        <translation>Es wurde keine Nummer verbunden.</translation>
    </message>
    <message>
        <source>Wired to this backend: %1.</source>
        <translation>Mit diesem Backend verbunden: %1.</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message>
        <source>Right-click a contact (or press the Menu key on one) to mark their number as spam.</source>
        <translation>Klicken Sie mit der rechten Maustaste auf einen Kontakt (oder drücken Sie darauf die Menütaste), um seine Rufnummer als Spam zu markieren.</translation>
    </message>
</context>
<context>
    <name>Switchboard::OrganizationDocument</name>
    <message>
        <source>The flow &quot;%1&quot; no longer exists.</source>
        <translation>Der Ablauf &quot;%1&quot; existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Edit flow %1</source>
        <translation>Ablauf %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>Switchboard::PushController</name>
    <message numerus="yes">
        <source>Not pushed: the configuration has %n error(s).</source>
        <translation>
            <numerusform>Nicht übertragen: Die Konfiguration enthält %n Fehler.</numerusform>
            <numerusform>Nicht übertragen: Die Konfiguration enthält %n Fehler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not pushed.</source>
        <translation>Nicht übertragen.</translation>
    </message>
    <message>
        <source>Sending the configuration to %1…</source>
        <translation>Konfiguration wird an %1 übertragen…</translation>
    </message>
    <message>
        <source>The configuration changed on the backend; fetching what changed…</source>
        <translation>Die Konfiguration auf dem Backend hat sich geändert; die Änderungen werden abgerufen…</translation>
    </message>
    <message>
        <source>Not reloaded.</source>
        <translation>Nicht neu geladen.</translation>
    </message>
    <message>
        <source>Reload revision %1 from the backend</source>
        <translation>Revision %1 vom Backend laden</translation>
    </message>
    <message>
        <source>Reloaded revision %1 from the backend. Save to keep it here.</source>
        <translation>Revision %1 vom Backend geladen. Speichern Sie, um sie hier zu behalten.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Your configuration was written to %1; the backend keeps revision %2.</source>
        <translation>Ihre Konfiguration wurde in %1 geschrieben; das Backend behält Revision %2.</translation>
    </message>
    <message>
        <source>Not pushed: the backend keeps revision %1.</source>
        <translation>Nicht übertragen: Das Backend behält Revision %1.</translation>
    </message>
</context>
<context>
    <name>Switchboard::PushHistoryDialog</name>
    <message>
        <source>Push history</source>
        <translation>Push-Verlauf</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Nothing has been pushed yet.</source>
        <translation>Es wurde noch nichts übertragen.</translation>
    </message>
    <message>
        <source>the admin token</source>
        <translation>das Admin-Token</translation>
    </message>
</context>
<context>
    <name>Switchboard::ReplyList</name>
    <message>
        <source>◷ queued</source>
        <translation>◷ in der Warteschlange</translation>
    </message>
    <message>
        <source>◷ queued: %1</source>
        <translation>◷ in der Warteschlange: %1</translation>
    </message>
    <message>
        <source>✓ sent</source>
        <translation>✓ gesendet</translation>
    </message>
    <message>
        <source>✓✓ delivered</source>
        <translation>✓✓ zugestellt</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ fehlgeschlagen</translation>
    </message>
    <message>
        <source>✗ failed: %1</source>
        <translation>✗ fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>✗ not delivered</source>
        <translation>✗ nicht zugestellt</translation>
    </message>
    <message>
        <source>✗ not delivered: %1</source>
        <translation>✗ nicht zugestellt: %1</translation>
    </message>
    <message>
        <source>You replied: %1</source>
        <translation>Ihre Antwort: %1</translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation>Geschrieben %1</translation>
    </message>
    <message>
        <source>taken by the carrier %1</source>
        <translation>vom Netzbetreiber angenommen %1</translation>
    </message>
    <message>
        <source>last change %1</source>
        <translation>zuletzt geändert %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>Send the reply &quot;%1&quot; again</source>
        <translation>Die Antwort &quot;%1&quot; erneut senden</translation>
    </message>
    <message>
        <source>Send this reply again</source>
        <translation>Diese Antwort erneut senden</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Er&amp;neut senden</translation>
    </message>
</context>
<context>
    <name>Switchboard::ReplySender</name>
    <message>
        <source>Not sent yet (try %1 of %2): %3</source>
        <translation>Noch nicht gesendet (Versuch %1 von %2): %3</translation>
    </message>
    <message>
        <source>Not sent after %1 tries: %2</source>
        <translation>Nach %1 Versuchen nicht gesendet: %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::RouterServer</name>
    <message>
        <source>Use GET.</source>
        <translation>Verwenden Sie GET.</translation>
    </message>
    <message>
        <source>The carrier&apos;s webhooks are POSTs.</source>
        <translation>Die Webhooks des Netzbetreibers sind POST-Anfragen.</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>Unter %1 gibt es nichts.</translation>
    </message>
    <message>
        <source>The request&apos;s signature is missing or wrong.</source>
        <translation>Die Signatur der Anfrage fehlt oder ist falsch.</translation>
    </message>
    <message>
        <source>Use GET or PUT.</source>
        <translation>Verwenden Sie GET oder PUT.</translation>
    </message>
    <message>
        <source>Nothing has been pushed yet.</source>
        <translation>Es wurde noch nichts übertragen.</translation>
    </message>
    <message>
        <source>Use POST.</source>
        <translation>Verwenden Sie POST.</translation>
    </message>
    <message>
        <source>There is no revision %1.</source>
        <translation>Es gibt keine Revision %1.</translation>
    </message>
    <message>
        <source>There is no inbox item %1.</source>
        <translation>Es gibt keinen Posteingangseintrag %1.</translation>
    </message>
    <message>
        <source>Use GET, PATCH or DELETE.</source>
        <translation>Verwenden Sie GET, PATCH oder DELETE.</translation>
    </message>
    <message>
        <source>Use PUT.</source>
        <translation>Verwenden Sie PUT.</translation>
    </message>
    <message>
        <source>The document is larger than 32 MiB.</source>
        <translation>Das Dokument ist größer als 32 MiB.</translation>
    </message>
    <message>
        <source>Say which revision you changed: If-Match: &quot;%1&quot;.</source>
        <translation>Geben Sie an, welche Revision Sie geändert haben: If-Match: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The configuration changed since revision %1: it is at %2 now.</source>
        <translation>Die Konfiguration hat sich seit Revision %1 geändert: Aktuell ist Revision %2.</translation>
    </message>
    <message>
        <source>The document has errors; nothing was changed.</source>
        <translation>Das Dokument enthält Fehler; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Someone pushed first.</source>
        <translation>Jemand anderes hat zuerst übertragen.</translation>
    </message>
    <message>
        <source>The revision could not be kept: %1</source>
        <translation>Die Revision konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>owner is user:ID or group:ID.</source>
        <translation>owner ist user:ID oder group:ID.</translation>
    </message>
    <message>
        <source>kind is sms or voicemail.</source>
        <translation>kind ist sms oder voicemail.</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>Der Anfrage-Body muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>%1 is true or false.</source>
        <translation>%1 ist true oder false.</translation>
    </message>
    <message>
        <source>An inbox item has no &quot;%1&quot; to change (read, archived, assigned_to, closed).</source>
        <translation>Ein Posteingangseintrag hat kein änderbares Feld &quot;%1&quot; (read, archived, assigned_to, closed).</translation>
    </message>
    <message>
        <source>Presence has &quot;available&quot; (true or false) and &quot;groups&quot; ({&quot;sales&quot;: {&quot;voice&quot;: true, &quot;sms&quot;: false}}).</source>
        <translation>Der Verfügbarkeitsstatus enthält &quot;available&quot; (true oder false) und &quot;groups&quot; ({&quot;sales&quot;: {&quot;voice&quot;: true, &quot;sms&quot;: false}}).</translation>
    </message>
    <message>
        <source>archived is true or false.</source>
        <translation>archived ist true oder false.</translation>
    </message>
    <message>
        <source>A reply has a &quot;body&quot; of 1 to 1600 characters.</source>
        <translation>Eine Antwort hat einen &quot;body&quot; mit 1 bis 1600 Zeichen.</translation>
    </message>
    <message>
        <source>Only texts can be answered with a text.</source>
        <translation>Nur SMS können mit einer SMS beantwortet werden.</translation>
    </message>
    <message>
        <source>The database cannot be read: %1</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The transcription could not be kept: %1</source>
        <translation>Die Transkription konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>A webhook has at most %1 form fields.</source>
        <translation>Ein Webhook hat höchstens %1 Formularfelder.</translation>
    </message>
    <message>
        <source>The database cannot be read.</source>
        <translation>Die Datenbank kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The backend cannot keep this request now; try again.</source>
        <translation>Das Backend kann diese Anfrage gerade nicht speichern; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This needs &quot;Authorization: Bearer TOKEN&quot;: sign in first.</source>
        <translation>Dafür ist &quot;Authorization: Bearer TOKEN&quot; nötig: Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>That token is not valid here: sign in again.</source>
        <translation>Dieses Token gilt hier nicht: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Only admins and managers may do this.</source>
        <translation>Das dürfen nur Admins und Manager.</translation>
    </message>
    <message>
        <source>Use POST or DELETE.</source>
        <translation>Verwenden Sie POST oder DELETE.</translation>
    </message>
    <message>
        <source>The admin token has no password: it is the content of the file given to --admin-token-file.</source>
        <translation>Das Admin-Token hat kein Passwort: Es ist der Inhalt der Datei, die --admin-token-file angibt.</translation>
    </message>
    <message>
        <source>Only admins may set other people&apos;s passwords.</source>
        <translation>Nur Admins dürfen Passwörter anderer Personen setzen.</translation>
    </message>
    <message>
        <source>Only admins, and managers for their groups&apos; inboxes, may delete inbox items.</source>
        <translation>Nur Admins, und Manager in den Posteingängen ihrer Gruppen, dürfen Einträge löschen.</translation>
    </message>
    <message>
        <source>Managers may change users and groups only, may make no one admin and may not change admins; nothing was changed.</source>
        <translation>Manager dürfen nur Benutzer und Gruppen ändern, niemanden zum Admin machen und keine Admins ändern; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>You may not read the inbox of %1.</source>
        <translation>Sie dürfen den Posteingang von %1 nicht lesen.</translation>
    </message>
    <message>
        <source>Agents may change their own presence only.</source>
        <translation>Agenten dürfen nur ihre eigene Verfügbarkeit ändern.</translation>
    </message>
    <message>
        <source>Sign in with {&quot;login&quot;: an e-mail address or a user id, &quot;password&quot;}.</source>
        <translation>Melden Sie sich mit {&quot;login&quot;: E-Mail-Adresse oder Benutzer-ID, &quot;password&quot;} an.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins for this login: try again in %n minute(s).</source>
        <translation>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen für diesen Login: Versuchen Sie es in %n Minute erneut.</numerusform>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen für diesen Login: Versuchen Sie es in %n Minuten erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>That login and password do not match.</source>
        <translation>Login und Passwort passen nicht zusammen.</translation>
    </message>
    <message>
        <source>The admin token does not end: change the file given to --admin-token-file.</source>
        <translation>Das Admin-Token endet nicht: Ändern Sie die Datei, die --admin-token-file angibt.</translation>
    </message>
    <message>
        <source>Send {&quot;current&quot;, &quot;password&quot;}.</source>
        <translation>Senden Sie {&quot;current&quot;, &quot;password&quot;}.</translation>
    </message>
    <message>
        <source>Send {&quot;password&quot;}.</source>
        <translation>Senden Sie {&quot;password&quot;}.</translation>
    </message>
    <message>
        <source>A password has at least %1 characters.</source>
        <translation>Ein Passwort hat mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Das aktuelle Passwort stimmt nicht.</translation>
    </message>
    <message>
        <source>There is no user %1 in the current configuration.</source>
        <translation>In der aktuellen Konfiguration gibt es keinen Benutzer %1.</translation>
    </message>
    <message>
        <source>The password could not be hashed now; try again.</source>
        <translation>Das Passwort konnte gerade nicht gehasht werden; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This backend has no carrier account: start it with --carrier-account-sid (or TWILIO_ACCOUNT_SID) to send texts, play recordings and wire numbers.</source>
        <translation>Dieses Backend hat kein Netzbetreiberkonto: Starten Sie es mit --carrier-account-sid (oder TWILIO_ACCOUNT_SID), um SMS zu senden, Aufnahmen abzuspielen und Nummern zu verbinden.</translation>
    </message>
    <message>
        <source>There is no reply %1 to this item.</source>
        <translation>Zu diesem Eintrag gibt es keine Antwort %1.</translation>
    </message>
    <message>
        <source>Only a failed or undelivered reply can be sent again; this one is %1.</source>
        <translation>Nur eine fehlgeschlagene oder nicht zugestellte Antwort kann erneut gesendet werden; diese ist %1.</translation>
    </message>
    <message>
        <source>Inbox item %1 has no recording.</source>
        <translation>Der Posteingangseintrag %1 hat keine Aufnahme.</translation>
    </message>
    <message>
        <source>The recording&apos;s address is not on the carrier&apos;s API host (%1), so it is not fetched.</source>
        <translation>Die Adresse der Aufnahme liegt nicht auf dem API-Host des Netzbetreibers (%1), daher wird sie nicht abgerufen.</translation>
    </message>
    <message>
        <source>The carrier did not give the recording: %1</source>
        <translation>Der Netzbetreiber hat die Aufnahme nicht geliefert: %1</translation>
    </message>
    <message>
        <source>A status callback has a MessageSid and a MessageStatus.</source>
        <translation>Ein Status-Callback hat eine MessageSid und einen MessageStatus.</translation>
    </message>
    <message>
        <source>The carrier reported error %1.</source>
        <translation>Der Netzbetreiber hat Fehler %1 gemeldet.</translation>
    </message>
    <message>
        <source>%1 (carrier error %2)</source>
        <translation>%1 (Fehler %2 des Netzbetreibers)</translation>
    </message>
    <message>
        <source>Only admins may wire numbers.</source>
        <translation>Nur Admins dürfen Nummern verbinden.</translation>
    </message>
    <message>
        <source>The carrier did not list the account&apos;s numbers: %1</source>
        <translation>Der Netzbetreiber hat die Nummern des Kontos nicht aufgelistet: %1</translation>
    </message>
    <message>
        <source>&quot;numbers&quot; is a list of numbers.</source>
        <translation>&quot;numbers&quot; ist eine Liste von Nummern.</translation>
    </message>
    <message>
        <source>The current configuration does not route it.</source>
        <translation>Die aktuelle Konfiguration leitet sie nicht weiter.</translation>
    </message>
    <message>
        <source>The carrier account does not have it.</source>
        <translation>Das Netzbetreiberkonto hat sie nicht.</translation>
    </message>
    <message>
        <source>The carrier did not wire %1: %2</source>
        <translation>Der Netzbetreiber hat %1 nicht verbunden: %2</translation>
    </message>
    <message>
        <source>The carrier did not wire %1: %2 (wired before it: %3)</source>
        <translation>Der Netzbetreiber hat %1 nicht verbunden: %2 (davor verbunden: %3)</translation>
    </message>
    <message>
        <source>The backend is waiting on the carrier for other requests already; try again in a moment.</source>
        <translation>Das Backend wartet bereits für andere Anfragen auf den Netzbetreiber; versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>Switchboard::RowDragView</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Flow builder canvas</source>
        <translation>Arbeitsfläche des Ablauf-Editors</translation>
    </message>
    <message>
        <source>Move to the nearest applet or slot</source>
        <translation>Zum nächsten Baustein oder Platz wechseln</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pfeiltasten</translation>
    </message>
    <message>
        <source>Return, Space, Shift+F10, Menu</source>
        <translation>Eingabe, Leertaste, Umschalt+F10, Menü</translation>
    </message>
    <message>
        <source>Delete the selected applet</source>
        <translation>Den gewählten Baustein löschen</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Add an applet to the selected slot</source>
        <translation>Ein Applet in den gewählten Platz einfügen</translation>
    </message>
    <message>
        <source>Return, Space</source>
        <translation>Eingabe, Leertaste</translation>
    </message>
    <message>
        <source>The selected applet&apos;s menu: replace, settings, delete</source>
        <translation>Menü des gewählten Applets: ersetzen, Einstellungen, löschen</translation>
    </message>
    <message>
        <source>Shift+F10, Menu</source>
        <translation>Umschalt+F10, Menü</translation>
    </message>
    <message>
        <source>Press the focused button</source>
        <translation>Den fokussierten Knopf drücken</translation>
    </message>
    <message>
        <source>Space, Return</source>
        <translation>Leertaste, Eingabe</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <source>A list&apos;s menu (Add to group, a flow, a member&apos;s calls)</source>
        <translation>Menü einer Liste (Zu Gruppe hinzufügen, ein Ablauf, Anrufe eines Mitglieds)</translation>
    </message>
</context>
<context>
    <name>Switchboard::SignInDialog</name>
    <message>
        <source>Use the backend&apos;s &amp;admin token instead (first setup)</source>
        <translation>Stattdessen das &amp;Admin-Token des Backends verwenden (Ersteinrichtung)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Sign in to the routing backend</source>
        <translation>Beim Routing-Backend anmelden</translation>
    </message>
    <message>
        <source>nancy@example.com</source>
        <translation>nancy@example.com</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>none: the system&apos;s certificate authorities</source>
        <translation>keine: die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;E-mail or user id:</source>
        <translation>&amp;E-Mail oder Benutzer-ID:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Admin &amp;token:</source>
        <translation>Admin-To&amp;ken:</translation>
    </message>
    <message>
        <source>&amp;Certificate authority:</source>
        <translation>&amp;Zertifizierungsstelle:</translation>
    </message>
    <message>
        <source>Your session is kept in a file only you can read.</source>
        <translation>Ihre Sitzung liegt in einer Datei, die nur Sie lesen können.</translation>
    </message>
    <message>
        <source>Your session is kept in the system keychain (or, where there is none, in a file only you can read), never in the database.</source>
        <translation>Ihre Sitzung liegt im Schlüsselbund des Systems (oder, wo es keinen gibt, in einer Datei, die nur Sie lesen können), nie in der Datenbank.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation>Die URL muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>The admin token is missing.</source>
        <translation>Das Admin-Token fehlt.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>The backend answers, at revision %1.</source>
        <translation>Das Backend antwortet, bei Revision %1.</translation>
    </message>
    <message>
        <source>Connected: the backend is at revision %1.</source>
        <translation>Verbunden: Das Backend hat Revision %1.</translation>
    </message>
    <message>
        <source>Give your e-mail address (or user id) and your password.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse (oder Benutzer-ID) und Ihr Passwort an.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <source>Give the backend&apos;s URL first, such as https://phones.example.com.</source>
        <translation>Geben Sie zuerst die URL des Backends an, etwa https://phones.example.com.</translation>
    </message>
</context>
<context>
    <name>Switchboard::TestCallDialog</name>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Anruf</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>S&amp;MS</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;Show on Canvas</source>
        <translation>Auf Arbeitsfläche &amp;zeigen</translation>
    </message>
    <message>
        <source>Test Call</source>
        <translation>Testanruf</translation>
    </message>
    <message>
        <source>e.g. 1, 2</source>
        <translation>z. B. 1, 2</translation>
    </message>
    <message>
        <source>One key (or a few) for each time a menu asks, in order. When they run out, the caller says nothing.</source>
        <translation>Eine Taste (oder mehrere) für jede Menüabfrage, der Reihe nach. Sind keine mehr übrig, drückt der Anrufer nichts.</translation>
    </message>
    <message>
        <source>Picks up when one of their devices rings.</source>
        <translation>Nimmt ab, wenn eines der eigenen Geräte klingelt.</translation>
    </message>
    <message>
        <source>Checked users are unavailable: the call does not ring them, and texts are not assigned to them.</source>
        <translation>Angehakte Benutzer sind nicht verfügbar: Bei ihnen klingelt der Anruf nicht, und SMS werden ihnen nicht zugewiesen.</translation>
    </message>
    <message>
        <source>Hello</source>
        <translation>Hallo</translation>
    </message>
    <message>
        <source>&amp;Number called:</source>
        <translation>Angerufene &amp;Rufnummer:</translation>
    </message>
    <message>
        <source>C&amp;aller&apos;s number:</source>
        <translation>Rufnummer des Anr&amp;ufers:</translation>
    </message>
    <message>
        <source>&amp;Keys pressed:</source>
        <translation>Gedrückte &amp;Tasten:</translation>
    </message>
    <message>
        <source>&amp;Who answers:</source>
        <translation>Wer nimmt a&amp;b:</translation>
    </message>
    <message>
        <source>&amp;Unavailable:</source>
        <translation>Nicht &amp;verfügbar:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>The call</source>
        <translation>Der Anruf</translation>
    </message>
    <message>
        <source>The route</source>
        <translation>Die Route</translation>
    </message>
    <message>
        <source>Runs the routing engine here, on the configuration as it is being edited: unsaved changes count. Nobody is called.</source>
        <translation>Führt die Routing-Engine hier aus, mit der Konfiguration im aktuellen Bearbeitungsstand: Ungespeicherte Änderungen zählen mit. Niemand wird angerufen.</translation>
    </message>
    <message>
        <source>Open the flow in the flow builder with the route drawn on it.</source>
        <translation>Den Ablauf im Ablauf-Editor öffnen, mit eingezeichneter Route.</translation>
    </message>
    <message>
        <source>Choose the call, then Run.</source>
        <translation>Legen Sie den Anruf fest und klicken Sie dann auf Ausführen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 → flow &quot;%2&quot;</source>
        <translation>%1 → Ablauf &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: no flow</source>
        <translation>%1: kein Ablauf</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Niemand</translation>
    </message>
    <message>
        <source>W&amp;hen (in %1):</source>
        <translation>&amp;Wann (in %1):</translation>
    </message>
    <message>
        <source>The date and time in the organization&apos;s time zone, %1.</source>
        <translation>Datum und Uhrzeit in der Zeitzone der Organisation, %1.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::UserDialog</name>
    <message>
        <source>&quot;%1&quot; is not a phone number in E.164 form, like +15125550100.</source>
        <translation>&quot;%1&quot; ist keine Rufnummer im E.164-Format wie +15125550100.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address, like sip:nancy@pbx.example.com.</source>
        <translation>&quot;%1&quot; ist keine SIP-Adresse wie sip:nancy@pbx.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid app name: use letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>&quot;%1&quot; ist kein gültiger App-Name: Verwenden Sie Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; oder &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Add User</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Agent: their own inbox and their groups&apos;</source>
        <translation>Agent: eigener Posteingang und die der eigenen Gruppen</translation>
    </message>
    <message>
        <source>Manager: users, groups and their order</source>
        <translation>Manager: Benutzer, Gruppen und deren Reihenfolge</translation>
    </message>
    <message>
        <source>Admin: everything</source>
        <translation>Administrator: alles</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Add Device</source>
        <translation>Gerät hinzufügen</translation>
    </message>
    <message>
        <source>Remove Device</source>
        <translation>Gerät entfernen</translation>
    </message>
    <message>
        <source>No personal greeting</source>
        <translation>Keine persönliche Ansage</translation>
    </message>
    <message>
        <source>Say this text</source>
        <translation>Diesen Text sprechen</translation>
    </message>
    <message>
        <source>Play the sound at this URL</source>
        <translation>Die Audiodatei unter dieser URL abspielen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Devices (all ring together):</source>
        <translation>Geräte (alle klingeln gleichzeitig):</translation>
    </message>
    <message>
        <source>Voicemail greeting:</source>
        <translation>Mailbox-Ansage:</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Rufnummer</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>SIP-Adresse</translation>
    </message>
    <message>
        <source>Switchboard app</source>
        <translation>Switchboard-App</translation>
    </message>
    <message>
        <source>Give the user a name.</source>
        <translation>Geben Sie dem Benutzer einen Namen.</translation>
    </message>
    <message>
        <source>Device %1: %2</source>
        <translation>Gerät %1: %2</translation>
    </message>
    <message>
        <source>Write the greeting, or choose no personal greeting.</source>
        <translation>Schreiben Sie die Ansage oder wählen Sie keine persönliche Ansage.</translation>
    </message>
    <message>
        <source>The greeting&apos;s sound must be an http or https URL.</source>
        <translation>Die Audiodatei der Ansage muss eine http- oder https-URL sein.</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>&amp;Passwort setzen…</translation>
    </message>
    <message>
        <source>Set %1&apos;s password on the routing backend</source>
        <translation>Das Passwort von %1 im Routing-Backend setzen</translation>
    </message>
    <message>
        <source>Set %1&apos;s password</source>
        <translation>Passwort von %1 setzen</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort setzen</translation>
    </message>
    <message>
        <source>At least 10 characters.</source>
        <translation>Mindestens 10 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Passwort wird gesetzt…</translation>
    </message>
    <message>
        <source>Password set. %1 signs in with it from now on; their other sessions have ended.</source>
        <translation>Passwort gesetzt. %1 meldet sich ab jetzt damit an; die anderen Sitzungen sind beendet.</translation>
    </message>
    <message>
        <source>The password was not set: %1</source>
        <translation>Das Passwort wurde nicht gesetzt: %1</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Kept by the routing backend only.</source>
        <translation>Nur im Routing-Backend gespeichert.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>You have reached %1. Please leave a message.</source>
        <translation>Sie haben %1 erreicht. Bitte hinterlassen Sie eine Nachricht.</translation>
    </message>
    <message>
        <source>us</source>
        <translation>uns</translation>
    </message>
</context>
<context>
    <name>Switchboard::UsersGroupsEdits</name>
    <message>
        <source>%1 is already in %2; a user is in a group once.</source>
        <translation>%1 ist bereits in %2; ein Benutzer kann nur einmal in einer Gruppe sein.</translation>
    </message>
    <message>
        <source>%1 are already in %2; a user is in a group once.</source>
        <translation>%1 sind bereits in %2; ein Benutzer kann nur einmal in einer Gruppe sein.</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>%1 zu %2 hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Add %n user(s) to %1</source>
        <translation>
            <numerusform>%n Benutzer zu %1 hinzufügen</numerusform>
            <numerusform>%n Benutzer zu %1 hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1 from %2</source>
        <translation>%1 aus %2 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s) from %1</source>
        <translation>
            <numerusform>%n Mitglied aus %1 entfernen</numerusform>
            <numerusform>%n Mitglieder aus %1 entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1 in %2</source>
        <translation>%1 in %2 verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n member(s) in %1</source>
        <translation>
            <numerusform>%n Mitglied in %1 verschieben</numerusform>
            <numerusform>%n Mitglieder in %1 verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1 up in %2</source>
        <translation>%1 in %2 nach oben verschieben</translation>
    </message>
    <message>
        <source>Move %1 down in %2</source>
        <translation>%1 in %2 nach unten verschieben</translation>
    </message>
    <message>
        <source>Let %1 take calls in %2</source>
        <translation>%1 in %2 Anrufe annehmen lassen</translation>
    </message>
    <message>
        <source>Stop %1 taking calls in %2</source>
        <translation>%1 in %2 keine Anrufe mehr annehmen lassen</translation>
    </message>
    <message>
        <source>Let %1 take texts in %2</source>
        <translation>%1 in %2 SMS empfangen lassen</translation>
    </message>
    <message>
        <source>Stop %1 taking texts in %2</source>
        <translation>%1 in %2 keine SMS mehr empfangen lassen</translation>
    </message>
    <message>
        <source>Add user %1</source>
        <translation>Benutzer %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Gruppe %1 hinzufügen</translation>
    </message>
    <message>
        <source>Rename group %1 to %2</source>
        <translation>Gruppe %1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Edit group %1</source>
        <translation>Gruppe %1 bearbeiten</translation>
    </message>
    <message>
        <source>Delete group %1</source>
        <translation>Gruppe %1 löschen</translation>
    </message>
</context>
<context>
    <name>Switchboard::UsersGroupsPage</name>
    <message>
        <source>Search by name, email or number</source>
        <translation>Nach Name, E-Mail oder Rufnummer suchen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Open a group to see its members.</source>
        <translation>Öffnen Sie eine Gruppe, um ihre Mitglieder zu sehen.</translation>
    </message>
    <message>
        <source>%1 has no members yet.</source>
        <translation>%1 hat noch keine Mitglieder.</translation>
    </message>
    <message>
        <source>Members of %1, in ring order</source>
        <translation>Mitglieder von %1, in Klingelreihenfolge</translation>
    </message>
    <message>
        <source>Add User…</source>
        <translation>Benutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete User…</source>
        <translation>Benutzer löschen…</translation>
    </message>
    <message>
        <source>+ Add Group</source>
        <translation>+ Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Rename Group…</source>
        <translation>Gruppe umbenennen…</translation>
    </message>
    <message>
        <source>Delete Group…</source>
        <translation>Gruppe löschen…</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove from Group</source>
        <translation>Aus Gruppe entfernen</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Zu Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Delete %1? Nothing else uses this user.</source>
        <translation>%1 löschen? Dieser Benutzer wird nirgendwo sonst verwendet.</translation>
    </message>
    <message>
        <source>%1 is used in these places. Their group memberships will end; the flows and contacts below can be handed to someone else.</source>
        <translation>%1 wird an diesen Stellen verwendet. Die Gruppenmitgliedschaften enden; die folgenden Abläufe und Kontakte können an jemand anderen übergeben werden.</translation>
    </message>
    <message>
        <source>Hand over to:</source>
        <translation>Übergeben an:</translation>
    </message>
    <message>
        <source>Add Group</source>
        <translation>Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Rename Group</source>
        <translation>Gruppe umbenennen</translation>
    </message>
    <message>
        <source>Delete Group %1</source>
        <translation>Gruppe %1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the group %1? No flow uses it; its %n member(s) stay users.</source>
        <translation>
            <numerusform>Gruppe %1 löschen? Kein Ablauf verwendet sie; ihr %n Mitglied bleibt Benutzer.</numerusform>
            <numerusform>Gruppe %1 löschen? Kein Ablauf verwendet sie; ihre %n Mitglieder bleiben Benutzer.</numerusform>
        </translation>
    </message>
    <message>
        <source>These applets use %1. Pick a group they should use instead, or fix them later (until then they are errors).</source>
        <translation>Diese Applets verwenden %1. Wählen Sie eine Gruppe, die sie stattdessen verwenden sollen, oder korrigieren Sie sie später (bis dahin gelten sie als Fehler).</translation>
    </message>
    <message>
        <source>Use instead:</source>
        <translation>Stattdessen verwenden:</translation>
    </message>
    <message>
        <source>%1 (already a member)</source>
        <translation>%1 (bereits Mitglied)</translation>
    </message>
    <message>
        <source>Takes &amp;Calls</source>
        <translation>Nimmt &amp;Anrufe an</translation>
    </message>
    <message>
        <source>Takes &amp;Texts</source>
        <translation>Bekommt &amp;SMS</translation>
    </message>
    <message>
        <source>Drag users here from the list (or right-click a user, or press the Menu key on one, and choose Add to group). Drag members, or press Alt+Up and Alt+Down, to change who rings first.</source>
        <translation>Ziehen Sie Benutzer aus der Liste hierher (oder klicken Sie mit der rechten Maustaste auf einen Benutzer bzw. drücken Sie darauf die Menütaste und wählen Sie Zu Gruppe hinzufügen). Ziehen Sie Mitglieder oder drücken Sie Alt+Hoch und Alt+Runter, um festzulegen, bei wem es zuerst klingelt.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
</context>
<context>
    <name>Switchboard::UsersModel</name>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>No devices</source>
        <translation>Keine Geräte</translation>
    </message>
    <message>
        <source>%1 has no devices, so no call can ring them.</source>
        <translation>%1 hat keine Geräte, daher kann kein Anruf bei dieser Person klingeln.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
</context>
<context>
    <name>Switchboard::VoicemailPlayer</name>
    <message>
        <source>Position in the voicemail</source>
        <translation>Position in der Mailbox-Nachricht</translation>
    </message>
    <message>
        <source>Time played</source>
        <translation>Abgespielte Zeit</translation>
    </message>
    <message>
        <source>Save the voicemail as a file</source>
        <translation>Die Mailbox-Nachricht als Datei speichern</translation>
    </message>
    <message>
        <source>Save the recording to a file</source>
        <translation>Die Aufnahme in einer Datei speichern</translation>
    </message>
    <message>
        <source>This recording cannot be played here (%1). Save it and play it with another program.</source>
        <translation>Diese Aufnahme kann hier nicht abgespielt werden (%1). Speichern Sie sie und spielen Sie sie mit einem anderen Programm ab.</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>Die Aufnahme kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>This voicemail has no recording.</source>
        <translation>Diese Mailbox-Nachricht hat keine Aufnahme.</translation>
    </message>
    <message>
        <source>Sign in to the backend to play voicemails.</source>
        <translation>Melden Sie sich beim Backend an, um Mailbox-Nachrichten abzuspielen.</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Die Aufnahme wird geladen…</translation>
    </message>
    <message>
        <source>The recording could not be loaded: %1</source>
        <translation>Die Aufnahme konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Voicemail from %1, %2</source>
        <translation>Mailbox-Nachricht von %1, %2</translation>
    </message>
    <message>
        <source>Save Voicemail</source>
        <translation>Mailbox-Nachricht speichern</translation>
    </message>
    <message>
        <source>Audio (*.%1);;All files (*)</source>
        <translation>Audio (*.%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Pause the voicemail</source>
        <translation>Die Mailbox-Nachricht anhalten</translation>
    </message>
    <message>
        <source>Play the voicemail</source>
        <translation>Die Mailbox-Nachricht abspielen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Play or pause (Ctrl+P)</source>
        <translation>Abspielen oder anhalten (Strg+P)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play or pause the voicemail</source>
        <translation>Die Mailbox-Nachricht abspielen oder anhalten</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Expected %1 here, found %2.</source>
        <translation>Hier wird %1 erwartet, gefunden wurde %2.</translation>
    </message>
</context>
<context>
    <name>Validator</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone this system knows; use an IANA name such as America/Chicago.</source>
        <translation>&quot;%1&quot; ist keine Zeitzone, die dieses System kennt; verwenden Sie einen IANA-Namen wie America/Chicago.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid %2 id: use 1 to 64 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>&quot;%1&quot; ist keine gültige ID (%2): Verwenden Sie 1 bis 64 Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; oder &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice in %2 (first at %2[%3]).</source>
        <translation>&quot;%1&quot; steht zweimal in %2 (zuerst bei %2[%3]).</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>%1 has no devices, so no call can ring them.</source>
        <translation>%1 hat keine Geräte, daher kann kein Anruf bei dieser Person klingeln.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in E.164 form (like +15125550100).</source>
        <translation>&quot;%1&quot; ist keine Rufnummer im E.164-Format (wie +15125550100).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address (like sip:nancy@pbx.example.com).</source>
        <translation>&quot;%1&quot; ist keine SIP-Adresse (wie sip:nancy@pbx.example.com).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid client name: use letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>&quot;%1&quot; ist kein gültiger Client-Name: Verwenden Sie Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; oder &apos;-&apos;.</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Member &quot;%1&quot; is not a user of this organization.</source>
        <translation>Mitglied &quot;%1&quot; ist kein Benutzer dieser Organisation.</translation>
    </message>
    <message>
        <source>%1 is already a member of this group (at members[%2]); a user appears once per group.</source>
        <translation>%1 ist bereits Mitglied dieser Gruppe (bei members[%2]); jeder Benutzer darf nur einmal pro Gruppe vorkommen.</translation>
    </message>
    <message>
        <source>Group &quot;%1&quot; has no members.</source>
        <translation>Gruppe &quot;%1&quot; hat keine Mitglieder.</translation>
    </message>
    <message>
        <source>The most open conversations per member must be from 0 (no limit) to 10000; it is %1.</source>
        <translation>Die maximale Anzahl offener Unterhaltungen pro Mitglied muss zwischen 0 (keine Begrenzung) und 10000 liegen; angegeben ist %1.</translation>
    </message>
    <message>
        <source>%1 has no flow: its calls are rejected and its texts dropped.</source>
        <translation>%1 hat keinen Ablauf: Anrufe werden abgewiesen, SMS verworfen.</translation>
    </message>
    <message>
        <source>There is no flow &quot;%1&quot;.</source>
        <translation>Es gibt keinen Ablauf &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Calls to %1 are rejected: flow &quot;%2&quot; has no call flow set up.</source>
        <translation>Anrufe an %1 werden abgewiesen: Für Ablauf &quot;%2&quot; ist kein Anrufablauf eingerichtet.</translation>
    </message>
    <message>
        <source>Texts to %1 are dropped: flow &quot;%2&quot; has no SMS flow set up.</source>
        <translation>SMS an %1 werden verworfen: Für Ablauf &quot;%2&quot; ist kein SMS-Ablauf eingerichtet.</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; is not used by any number.</source>
        <translation>Ablauf &quot;%1&quot; wird von keiner Rufnummer verwendet.</translation>
    </message>
    <message>
        <source>The start applet &quot;%1&quot; is not in this flow.</source>
        <translation>Das Start-Applet &quot;%1&quot; ist nicht in diesem Ablauf enthalten.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not reachable from the start of the flow.</source>
        <translation>%1 &quot;%2&quot; ist vom Start des Ablaufs aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>Applet</source>
        <translation>Applet</translation>
    </message>
    <message>
        <source>These applets lead to each other forever (%1) without waiting for the caller: put a menu or a dial in the loop, or break it.</source>
        <translation>Diese Applets führen endlos im Kreis (%1), ohne auf den Anrufer zu warten: Fügen Sie ein Menü- oder Anrufen-Applet in die Schleife ein oder unterbrechen Sie sie.</translation>
    </message>
    <message>
        <source>A text flow cannot loop (%1): a text is handled in one go, so the loop would never end.</source>
        <translation>Ein SMS-Ablauf darf keine Schleife enthalten (%1): Eine SMS wird in einem Durchgang verarbeitet, die Schleife würde also nie enden.</translation>
    </message>
    <message>
        <source>applet</source>
        <translation>Applet</translation>
    </message>
    <message>
        <source>Unknown applet type &quot;%1&quot; (expected one of: %2).</source>
        <translation>Unbekannter Applet-Typ &quot;%1&quot; (erwartet wird einer von: %2).</translation>
    </message>
    <message>
        <source>A %1 applet cannot be used in a call flow.</source>
        <translation>Ein Applet vom Typ %1 kann in einem Anrufablauf nicht verwendet werden.</translation>
    </message>
    <message>
        <source>A %1 applet cannot be used in an SMS flow.</source>
        <translation>Ein Applet vom Typ %1 kann in einem SMS-Ablauf nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Round-robin assignment shares texts among a group&apos;s members; this inbox belongs to a user.</source>
        <translation>Die Zuweisung im Rundlauf (Round Robin) verteilt SMS auf die Mitglieder einer Gruppe; dieser Posteingang gehört aber einem Benutzer.</translation>
    </message>
    <message>
        <source>A %1 applet has no branch &quot;%2&quot; (its branches: %3).</source>
        <translation>Ein Applet vom Typ %1 hat keinen Zweig &quot;%2&quot; (vorhandene Zweige: %3).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Branch &quot;%1&quot; leads to &quot;%2&quot;, which is not in this flow.</source>
        <translation>Zweig &quot;%1&quot; führt zu &quot;%2&quot;, das es in diesem Ablauf nicht gibt.</translation>
    </message>
    <message>
        <source>This menu offers no key: set at least one key&apos;s branch.</source>
        <translation>Dieses Menü bietet keine Taste an: Legen Sie für mindestens eine Taste einen Zweig fest.</translation>
    </message>
    <message>
        <source>Dead end: when the flow takes &quot;%1&quot; the call ends without the caller being told anything.</source>
        <translation>Sackgasse: Wenn der Ablauf den Zweig &quot;%1&quot; nimmt, endet der Anruf, ohne dass der Anrufer eine Ansage hört.</translation>
    </message>
    <message>
        <source>Dead end: when the flow takes &quot;%1&quot; the text goes nowhere and the sender hears nothing back.</source>
        <translation>Sackgasse: Wenn der Ablauf den Zweig &quot;%1&quot; nimmt, landet die SMS nirgends und der Absender erhält keine Antwort.</translation>
    </message>
    <message>
        <source>%1 has no setting &quot;%2&quot; (its settings: %3).</source>
        <translation>%1 hat keine Einstellung &quot;%2&quot; (vorhandene Einstellungen: %3).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be set.</source>
        <translation>&quot;%1&quot; muss angegeben werden.</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3; it is %4.</source>
        <translation>%1 muss zwischen %2 und %3 liegen; angegeben ist %4.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 darf nicht leer sein.</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 fit.</source>
        <translation>%1 ist %2 Zeichen lang; höchstens %3 sind möglich.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2; it is &quot;%3&quot;.</source>
        <translation>%1 muss einer der folgenden Werte sein: %2; angegeben ist &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>a time zone name or null</source>
        <translation>ein Zeitzonenname oder null</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>ein Datum</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date in the form YYYY-MM-DD.</source>
        <translation>&quot;%1&quot; ist kein Datum im Format YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The caller ID is &quot;caller&quot;, &quot;number&quot; or a phone number in E.164 form; &quot;%1&quot; is none of these.</source>
        <translation>Die Anruferkennung ist &quot;caller&quot;, &quot;number&quot; oder eine Rufnummer im E.164-Format; &quot;%1&quot; ist nichts davon.</translation>
    </message>
    <message>
        <source>%1: at least %2 needed.</source>
        <translation>%1: Mindestens %2 erforderlich.</translation>
    </message>
    <message>
        <source>%1: from %2 to %3 allowed; there are %4.</source>
        <translation>%1: %2 bis %3 erlaubt; vorhanden sind %4.</translation>
    </message>
    <message>
        <source>a prompt ({&quot;say&quot;: text} or {&quot;play&quot;: URL})</source>
        <translation>eine Ansage ({&quot;say&quot;: Text} oder {&quot;play&quot;: URL})</translation>
    </message>
    <message>
        <source>A prompt has no &quot;%1&quot; (it has say, play, voice and language).</source>
        <translation>Eine Ansage hat kein &quot;%1&quot; (möglich sind say, play, voice und language).</translation>
    </message>
    <message>
        <source>A prompt either says text or plays a sound, not both.</source>
        <translation>Eine Ansage spricht entweder Text oder spielt eine Audiodatei ab, nicht beides.</translation>
    </message>
    <message>
        <source>A prompt needs &quot;say&quot; (text to speak) or &quot;play&quot; (the URL of a sound).</source>
        <translation>Eine Ansage braucht &quot;say&quot; (zu sprechender Text) oder &quot;play&quot; (die URL einer Audiodatei).</translation>
    </message>
    <message>
        <source>The spoken text</source>
        <translation>Der gesprochene Text</translation>
    </message>
    <message>
        <source>a URL</source>
        <translation>eine URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL.</source>
        <translation>&quot;%1&quot; ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; applies to spoken text only, not to a played sound.</source>
        <translation>&quot;%1&quot; gilt nur für gesprochenen Text, nicht für eine abgespielte Audiodatei.</translation>
    </message>
    <message>
        <source>{&quot;user&quot;: ID} or {&quot;group&quot;: ID}</source>
        <translation>{&quot;user&quot;: ID} oder {&quot;group&quot;: ID}</translation>
    </message>
    <message>
        <source>an id</source>
        <translation>eine ID</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot;.</source>
        <translation>Es gibt keinen Benutzer &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot;.</source>
        <translation>Es gibt keine Gruppe &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>one of {&quot;user&quot;: ID}, {&quot;group&quot;: ID}, {&quot;members&quot;: [IDs]}, {&quot;number&quot;: &quot;+1...&quot;} or {&quot;caller_owner&quot;: true}</source>
        <translation>eines von {&quot;user&quot;: ID}, {&quot;group&quot;: ID}, {&quot;members&quot;: [IDs]}, {&quot;number&quot;: &quot;+1...&quot;} oder {&quot;caller_owner&quot;: true}</translation>
    </message>
    <message>
        <source>a list of user ids</source>
        <translation>eine Liste von Benutzer-IDs</translation>
    </message>
    <message>
        <source>A list of members to ring must not be empty.</source>
        <translation>Die Liste der Mitglieder, bei denen es klingeln soll, darf nicht leer sein.</translation>
    </message>
    <message>
        <source>a user id</source>
        <translation>eine Benutzer-ID</translation>
    </message>
    <message>
        <source>%1 is listed twice among the members to ring.</source>
        <translation>%1 steht zweimal in der Liste der Mitglieder, bei denen es klingeln soll.</translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation>eine Rufnummer</translation>
    </message>
    <message>
        <source>&quot;caller_owner&quot; can only be true: it rings the owner of the caller&apos;s contact.</source>
        <translation>&quot;caller_owner&quot; kann nur true sein: Damit klingelt es bei dem Benutzer, dem der Kontakt des Anrufers gehört.</translation>
    </message>
    <message>
        <source>an object with a list of time ranges per weekday</source>
        <translation>ein Objekt mit einer Liste von Zeiträumen pro Wochentag</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (use mon, tue, wed, thu, fri, sat, sun).</source>
        <translation>&quot;%1&quot; ist kein Wochentag (verwenden Sie mon, tue, wed, thu, fri, sat, sun).</translation>
    </message>
    <message>
        <source>a list of [&quot;HH:MM&quot;, &quot;HH:MM&quot;] ranges</source>
        <translation>eine Liste von Zeiträumen [&quot;HH:MM&quot;, &quot;HH:MM&quot;]</translation>
    </message>
    <message>
        <source>At most %1 time ranges a day; there are %2.</source>
        <translation>Höchstens %1 Zeiträume pro Tag; vorhanden sind %2.</translation>
    </message>
    <message>
        <source>a [&quot;HH:MM&quot;, &quot;HH:MM&quot;] range</source>
        <translation>ein Zeitraum [&quot;HH:MM&quot;, &quot;HH:MM&quot;]</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time from 00:00 to 23:59.</source>
        <translation>&quot;%1&quot; ist keine Uhrzeit zwischen 00:00 und 23:59.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time from 00:00 to 24:00.</source>
        <translation>&quot;%1&quot; ist keine Uhrzeit zwischen 00:00 und 24:00.</translation>
    </message>
    <message>
        <source>The range starts and ends at %1: it is empty.</source>
        <translation>Der Zeitraum beginnt und endet um %1: Er ist leer.</translation>
    </message>
    <message>
        <source>This range overlaps the range at %1[%2]; ranges of one day must not overlap.</source>
        <translation>Dieser Zeitraum überschneidet sich mit dem Zeitraum bei %1[%2]; die Zeiträume eines Tages dürfen sich nicht überschneiden.</translation>
    </message>
    <message>
        <source>a list of keywords</source>
        <translation>eine Liste von Stichwörtern</translation>
    </message>
    <message>
        <source>At most %1 keywords; there are %2.</source>
        <translation>Höchstens %1 Stichwörter; vorhanden sind %2.</translation>
    </message>
    <message>
        <source>a keyword</source>
        <translation>ein Stichwort</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a keyword: use 1 to %2 upper-case letters and digits.</source>
        <translation>&quot;%1&quot; ist kein gültiges Stichwort: Verwenden Sie 1 bis %2 Großbuchstaben und Ziffern.</translation>
    </message>
    <message>
        <source>The keyword &quot;%1&quot; is listed twice.</source>
        <translation>Das Stichwort &quot;%1&quot; steht zweimal in der Liste.</translation>
    </message>
    <message>
        <source>This step rings nobody: group &quot;%1&quot; has no members.</source>
        <translation>Bei diesem Schritt klingelt es bei niemandem: Gruppe &quot;%1&quot; hat keine Mitglieder.</translation>
    </message>
    <message>
        <source>This step rings nobody: every member of &quot;%1&quot; is excluded from calls.</source>
        <translation>Bei diesem Schritt klingelt es bei niemandem: Alle Mitglieder von &quot;%1&quot; sind von Anrufen ausgenommen.</translation>
    </message>
    <message>
        <source>This step rings nobody: no member of &quot;%1&quot; who takes calls has a device.</source>
        <translation>Bei diesem Schritt klingelt es bei niemandem: Kein Mitglied von &quot;%1&quot;, das Anrufe annimmt, hat ein Gerät.</translation>
    </message>
    <message>
        <source>This step rings nobody: %1 no device.</source>
        <translation>Bei diesem Schritt klingelt es bei niemandem: %1 kein Gerät.</translation>
    </message>
    <message>
        <source>%1 has</source>
        <translation>%1 hat</translation>
    </message>
    <message>
        <source>none of these members has</source>
        <translation>Keines dieser Mitglieder hat</translation>
    </message>
    <message>
        <source>Ringing all at once reaches %1 devices here; the carrier rings at most %2 at once. Ring in turns, or split the step.</source>
        <translation>Wenn alle gleichzeitig klingeln, sind das hier %1 Geräte; der Netzbetreiber lässt höchstens %2 gleichzeitig klingeln. Lassen Sie nacheinander klingeln oder teilen Sie den Schritt auf.</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot; to own this contact.</source>
        <translation>Es gibt keinen Benutzer &quot;%1&quot;, dem dieser Kontakt gehören könnte.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is taken already by %2[%3]; names must differ (ignoring case).</source>
        <translation>Der Name &quot;%1&quot; ist schon durch %2[%3] vergeben; Namen müssen sich unterscheiden (ohne Beachtung der Groß- und Kleinschreibung).</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>Der Name</translation>
    </message>
    <message>
        <source>The e-mail address</source>
        <translation>Die E-Mail-Adresse</translation>
    </message>
    <message>
        <source>The department</source>
        <translation>Die Abteilung</translation>
    </message>
    <message>
        <source>The label</source>
        <translation>Die Bezeichnung</translation>
    </message>
</context>
<context>
    <name>Webhooks</name>
    <message>
        <source>A text needs MessageSid, From and To.</source>
        <translation>Eine SMS benötigt MessageSid, From und To.</translation>
    </message>
    <message>
        <source>There is no webhook at %1.</source>
        <translation>Unter %1 gibt es keinen Webhook.</translation>
    </message>
    <message>
        <source>A call needs CallSid, From and To.</source>
        <translation>Ein Anruf benötigt CallSid, From und To.</translation>
    </message>
    <message>
        <source>%1 is not a continuation this backend writes.</source>
        <translation>%1 ist keine Fortsetzung, die dieses Backend erzeugt.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switchboard: call and SMS routing for your phone numbers.</source>
        <translation>Switchboard: Anruf- und SMS-Weiterleitung für Ihre Rufnummern.</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL (default: %1).</source>
        <translation>SQLite-Datei oder postgresql://-URL (Standard: %1).</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>DB</translation>
    </message>
    <message>
        <source>Language (de, es, en); default: the system&apos;s.</source>
        <translation>Sprache (de, es, en); Standard: die des Systems.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Open the main window, check it shows the organization, and quit (exit 1 if it does not).</source>
        <translation>Hauptfenster öffnen, prüfen, ob es die Organisation anzeigt, und beenden (Exit-Code 1, falls nicht).</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
</context>
</TS>
