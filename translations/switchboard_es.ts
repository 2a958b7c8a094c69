<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AppletSummary</name>
    <message>
        <source>plays a recording</source>
        <translation>reproduce una grabación</translation>
    </message>
    <message>
        <source>says &quot;%1&quot;</source>
        <translation>dice &quot;%1&quot;</translation>
    </message>
    <message>
        <source>in order, %1 s each</source>
        <translation>en orden, %1 s cada uno</translation>
    </message>
    <message>
        <source>Choose whom to ring</source>
        <translation>Elija a quién llamar</translation>
    </message>
    <message>
        <source>Ring %1 %2</source>
        <translation>Llamar a %1 %2</translation>
    </message>
    <message>
        <source>Ring %1, %2 s</source>
        <translation>Llamar a %1, %2 s</translation>
    </message>
    <message numerus="yes">
        <source>, then %n more step(s)</source>
        <translation>
            <numerusform>, después %n paso más</numerusform>
            <numerusform>, después %n pasos más</numerusform>
        </translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>Always closed</source>
        <translation>Siempre cerrado</translation>
    </message>
    <message numerus="yes">
        <source>, %n holiday(s)</source>
        <translation>
            <numerusform>, %n festivo</numerusform>
            <numerusform>, %n festivos</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>aún nadie</translation>
    </message>
    <message>
        <source>the caller&apos;s contact owner</source>
        <translation>el propietario del contacto de quien llama</translation>
    </message>
    <message>
        <source>Then it %1</source>
        <translation>Después %1</translation>
    </message>
    <message>
        <source>No keys yet; waits %1 s</source>
        <translation>Aún sin teclas; espera %1 s</translation>
    </message>
    <message>
        <source>Keys %1; waits %2 s, %3 tries</source>
        <translation>Teclas %1; espera %2 s, %3 intentos</translation>
    </message>
    <message>
        <source>Voicemail for %1</source>
        <translation>Buzón de voz de %1</translation>
    </message>
    <message>
        <source>Refuses the call (busy)</source>
        <translation>Rechaza la llamada (ocupado)</translation>
    </message>
    <message>
        <source>Ends the call</source>
        <translation>Termina la llamada</translation>
    </message>
    <message>
        <source>No keywords yet</source>
        <translation>Aún sin palabras clave</translation>
    </message>
    <message>
        <source>Replies &quot;%1&quot;</source>
        <translation>Responde &quot;%1&quot;</translation>
    </message>
    <message>
        <source>simultaneous, %1 s</source>
        <translation>simultáneo, %1 s</translation>
    </message>
    <message>
        <source>round robin, %1 s</source>
        <translation>rotativo, %1 s</translation>
    </message>
    <message>
        <source>linear round robin, %1 s each</source>
        <translation>rotativo lineal, %1 s cada uno</translation>
    </message>
    <message>
        <source>Voicemail: choose whose box</source>
        <translation>Buzón de voz: elija de quién</translation>
    </message>
    <message>
        <source>Into an inbox: choose whose</source>
        <translation>A una bandeja: elija de quién</translation>
    </message>
    <message>
        <source>Into the inbox of %1, shared in turns</source>
        <translation>A la bandeja de entrada de %1, con reparto por turnos</translation>
    </message>
    <message>
        <source>Into the inbox of %1</source>
        <translation>A la bandeja de entrada de %1</translation>
    </message>
</context>
<context>
    <name>Applets</name>
    <message>
        <source>Greeting</source>
        <translation>Saludo</translation>
    </message>
    <message>
        <source>Say or play a message, then continue.</source>
        <translation>Dice o reproduce un mensaje y luego continúa.</translation>
    </message>
    <message>
        <source>then</source>
        <translation>después</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Ask the caller to press a key, and route by the key.</source>
        <translation>Pide a quien llama que presione una tecla y dirige la llamada según la tecla.</translation>
    </message>
    <message>
        <source>no input</source>
        <translation>sin selección</translation>
    </message>
    <message>
        <source>Menu prompt</source>
        <translation>Mensaje del menú</translation>
    </message>
    <message>
        <source>Seconds to wait for a key</source>
        <translation>Segundos de espera para una tecla</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Message after an invalid key</source>
        <translation>Mensaje tras una tecla no válida</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Route by business hours and holidays.</source>
        <translation>Dirige según el horario de atención y los festivos.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Festivos</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Horario semanal</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>Llamar</translation>
    </message>
    <message>
        <source>Ring a user, a group or a number, step after step.</source>
        <translation>Hace sonar a un usuario, un grupo o un número, paso a paso.</translation>
    </message>
    <message>
        <source>if nobody answers</source>
        <translation>si nadie contesta</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>Hacer sonar</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>Ring seconds</source>
        <translation>Segundos de timbre</translation>
    </message>
    <message>
        <source>Caller ID shown</source>
        <translation>Identificador de llamada mostrado</translation>
    </message>
    <message>
        <source>Screen the call</source>
        <translation>Filtrar la llamada</translation>
    </message>
    <message>
        <source>Record the call</source>
        <translation>Grabar la llamada</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Buzón de voz</translation>
    </message>
    <message>
        <source>Take a message for a user or a group.</source>
        <translation>Toma un mensaje para un usuario o un grupo.</translation>
    </message>
    <message>
        <source>Voicemail box</source>
        <translation>Buzón</translation>
    </message>
    <message>
        <source>Longest message (s)</source>
        <translation>Duración máxima del mensaje (s)</translation>
    </message>
    <message>
        <source>Transcribe</source>
        <translation>Transcribir</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Colgar</translation>
    </message>
    <message>
        <source>End the call, or refuse it with a busy signal.</source>
        <translation>Termina la llamada o la rechaza con tono de ocupado.</translation>
    </message>
    <message>
        <source>Reject with busy</source>
        <translation>Rechazar con tono de ocupado</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Palabra clave</translation>
    </message>
    <message>
        <source>Route a text by its first word.</source>
        <translation>Dirige un SMS según su primera palabra.</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>sin coincidencia</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <source>Reply when nothing matches</source>
        <translation>Respuesta si no hay coincidencia</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Send a text back to the sender.</source>
        <translation>Envía un SMS de respuesta al remitente.</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <source>Keep the text in a user&apos;s or a group&apos;s inbox.</source>
        <translation>Guarda el SMS en la bandeja de entrada de un usuario o de un grupo.</translation>
    </message>
    <message>
        <source>Assign conversations</source>
        <translation>Asignar conversaciones</translation>
    </message>
</context>
<context>
    <name>BackendMessages</name>
    <message>
        <source>%1 holds no certificate (PEM or DER).</source>
        <translation>%1 no contiene ningún certificado (PEM o DER).</translation>
    </message>
    <message>
        <source>The backend at %1 is unreachable: %2</source>
        <translation>No se puede acceder al servidor en %1: %2</translation>
    </message>
    <message>
        <source>The backend at %1 has a certificate this computer does not trust: %2. If it uses your own certificate authority, give its certificate file in the backend settings.</source>
        <translation>El servidor en %1 tiene un certificado en el que este equipo no confía: %2. Si el servidor usa una autoridad de certificación propia, indique el archivo de su certificado en los ajustes del servidor.</translation>
    </message>
    <message>
        <source>%1 answered (HTTP %2), but not as a Switchboard backend does. Is the URL right?</source>
        <translation>%1 respondió (HTTP %2), pero no como lo hace un servidor de Switchboard. ¿Es correcta la URL?</translation>
    </message>
    <message>
        <source>The backend answered HTTP %1.</source>
        <translation>El servidor respondió con HTTP %1.</translation>
    </message>
    <message>
        <source>The backend answered HTTP %1: %2</source>
        <translation>El servidor respondió con HTTP %1: %2</translation>
    </message>
    <message>
        <source>The backend at %1 did not accept these credentials: %2</source>
        <translation>El backend en %1 no aceptó estas credenciales: %2</translation>
    </message>
    <message>
        <source>sign in again.</source>
        <translation>inicie sesión de nuevo.</translation>
    </message>
</context>
<context>
    <name>ChangeSummary</name>
    <message>
        <source>Added %1</source>
        <translation>Añadido %1</translation>
    </message>
    <message>
        <source>Changed %1: %2</source>
        <translation>Modificado %1: %2</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Eliminado %1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>name was %1</source>
        <translation>el nombre era %1</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>devices</source>
        <translation>dispositivos</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>saludo</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>renamed from %1</source>
        <translation>renombrado (antes %1)</translation>
    </message>
    <message>
        <source>department</source>
        <translation>departamento</translation>
    </message>
    <message>
        <source>members now %1 (were %2)</source>
        <translation>miembros ahora %1 (antes %2)</translation>
    </message>
    <message>
        <source>members&apos; channels</source>
        <translation>canales de los miembros</translation>
    </message>
    <message>
        <source>open conversations per agent %1 (was %2)</source>
        <translation>conversaciones abiertas por agente: %1 (antes %2)</translation>
    </message>
    <message>
        <source>no flow</source>
        <translation>sin flujo</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Números</translation>
    </message>
    <message>
        <source>flow now %1 (was %2)</source>
        <translation>flujo ahora %1 (antes %2)</translation>
    </message>
    <message>
        <source>label was %1</source>
        <translation>la etiqueta era %1</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>call flow</source>
        <translation>flujo de llamadas</translation>
    </message>
    <message>
        <source>SMS flow</source>
        <translation>flujo de SMS</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 añadido</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 eliminado</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n applet(s) changed</source>
        <translation>
            <numerusform>%1: %n applet modificado</numerusform>
            <numerusform>%1: %n applets modificados</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: where it starts</source>
        <translation>%1: applet inicial</translation>
    </message>
    <message>
        <source>its layout</source>
        <translation>su disposición</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Organization renamed from %1 to %2</source>
        <translation>Organización renombrada de %1 a %2</translation>
    </message>
    <message>
        <source>Time zone now %1 (was %2)</source>
        <translation>Zona horaria ahora %1 (antes %2)</translation>
    </message>
    <message>
        <source>Blocked %1</source>
        <translation>Bloqueado %1</translation>
    </message>
    <message>
        <source>Unblocked %1</source>
        <translation>Desbloqueado %1</translation>
    </message>
    <message>
        <source>owner now %1 (was %2)</source>
        <translation>propietario ahora %1 (antes %2)</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>Contacto: %1</translation>
    </message>
    <message>
        <source>%1: %2, %3, %4, %5</source>
        <translation>%1: %2, %3, %4, %5</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n usuario</numerusform>
            <numerusform>%n usuarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n grupo</numerusform>
            <numerusform>%n grupos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n número</numerusform>
            <numerusform>%n números</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n flujo</numerusform>
            <numerusform>%n flujos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigReader</name>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena de texto</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; (expected one of: %2).</source>
        <translation>Clave desconocida &quot;%1&quot; (se esperaba una de estas: %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is required here.</source>
        <translation>&quot;%1&quot; es obligatorio aquí.</translation>
    </message>
    <message>
        <source>a string or null</source>
        <translation>una cadena de texto o null</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>This is not valid JSON: %1 at line %2, column %3.</source>
        <translation>Esto no es JSON válido: %1 en la línea %2, columna %3.</translation>
    </message>
    <message>
        <source>The document must be a JSON object.</source>
        <translation>El documento debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>The document does not say what it is: &quot;format&quot;: &quot;switchboard-config&quot; is missing.</source>
        <translation>El documento no indica qué es: falta &quot;format&quot;: &quot;switchboard-config&quot;.</translation>
    </message>
    <message>
        <source>This is not a Switchboard configuration: &quot;format&quot; must be &quot;switchboard-config&quot;.</source>
        <translation>Esto no es una configuración de Switchboard: &quot;format&quot; debe ser &quot;switchboard-config&quot;.</translation>
    </message>
    <message>
        <source>&quot;version&quot; is missing; this document needs &quot;version&quot;: 1.</source>
        <translation>Falta &quot;version&quot;; este documento necesita &quot;version&quot;: 1.</translation>
    </message>
    <message>
        <source>Version %1 is not supported; this Switchboard reads version %2.</source>
        <translation>La versión %1 no es compatible; esta versión de Switchboard lee la versión %2.</translation>
    </message>
    <message>
        <source>a phone number string</source>
        <translation>un número de teléfono como cadena de texto</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot; (expected admin, manager or agent).</source>
        <translation>Rol desconocido &quot;%1&quot; (se esperaba admin, manager o agent).</translation>
    </message>
    <message>
        <source>Unknown device kind &quot;%1&quot; (expected client, phone or sip).</source>
        <translation>Tipo de dispositivo desconocido &quot;%1&quot; (se esperaba client, phone o sip).</translation>
    </message>
    <message>
        <source>a prompt object</source>
        <translation>un objeto de mensaje</translation>
    </message>
    <message>
        <source>A channel is &quot;voice&quot; or &quot;sms&quot;.</source>
        <translation>Un canal es &quot;voice&quot; o &quot;sms&quot;.</translation>
    </message>
    <message>
        <source>a user id or a member object</source>
        <translation>un identificador de usuario o un objeto de miembro</translation>
    </message>
    <message>
        <source>an applet id</source>
        <translation>un identificador de applet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice in one object; a key appears once.</source>
        <translation>&quot;%1&quot; aparece dos veces en un objeto; cada clave aparece una sola vez.</translation>
    </message>
    <message>
        <source>This text is not valid Unicode: it holds half of a surrogate pair (\uD800 to \uDFFF) without the other half.</source>
        <translation>Este texto no es Unicode válido: contiene la mitad de un par suplente (\uD800 a \uDFFF) sin la otra mitad.</translation>
    </message>
    <message>
        <source>A key begins with an invisible byte order mark (U+FEFF); type the key again without it.</source>
        <translation>Una clave empieza con una marca de orden de bytes invisible (U+FEFF); escriba la clave de nuevo sin ella.</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Cannot create %1.</source>
        <translation>No se puede crear %1.</translation>
    </message>
    <message>
        <source>Cannot protect %1: %2</source>
        <translation>No se puede proteger %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>Ctl</name>
    <message>
        <source>SQLite file or postgresql:// URL (default: %1).</source>
        <translation>Archivo SQLite o URL postgresql:// (predeterminado: %1).</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>DB</translation>
    </message>
    <message>
        <source>Language of the messages (de, es, en).</source>
        <translation>Idioma de los mensajes (de, es, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Switchboard on the command line.</source>
        <translation>Switchboard en la línea de comandos.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>No se indicó ningún comando.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Comando desconocido &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <source>validate takes one file (or - for standard input).</source>
        <translation>validate admite un archivo (o - para la entrada estándar).</translation>
    </message>
    <message>
        <source>import takes one file (or - for standard input).</source>
        <translation>import admite un archivo (o - para la entrada estándar).</translation>
    </message>
    <message>
        <source>Nothing was imported: the document has errors.</source>
        <translation>No se importó nada: el documento tiene errores.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 into %2: %n user(s)</source>
        <translation>
            <numerusform>Se importó %1 en %2: %n usuario</numerusform>
            <numerusform>Se importó %1 en %2: %n usuarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n grupo</numerusform>
            <numerusform>%n grupos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n flujo</numerusform>
            <numerusform>%n flujos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s)</source>
        <translation>
            <numerusform>%n número</numerusform>
            <numerusform>%n números</numerusform>
        </translation>
    </message>
    <message>
        <source>export takes at most one file.</source>
        <translation>export admite como máximo un archivo.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>No hay ninguna base de datos en %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>simulate: the configuration document to run (default: the organization in --database).</source>
        <translation>simulate: el documento de configuración que se ejecuta (predeterminado: la organización de --database).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>simulate: the number called or texted.</source>
        <translation>simulate: el número al que se llama o se envía el SMS.</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>NUMBER</translation>
    </message>
    <message>
        <source>simulate: the caller&apos;s number.</source>
        <translation>simulate: el número de quien llama.</translation>
    </message>
    <message>
        <source>simulate: when (ISO-8601; without an offset, in the organization&apos;s time zone; default now).</source>
        <translation>simulate: cuándo (ISO-8601; sin desfase horario, en la zona horaria de la organización; predeterminado: ahora).</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <source>simulate: keys pressed, one per menu question, comma-separated.</source>
        <translation>simulate: teclas presionadas, una por cada pregunta de menú, separadas por comas.</translation>
    </message>
    <message>
        <source>KEYS</source>
        <translation>KEYS</translation>
    </message>
    <message>
        <source>simulate: the user who answers when rung, or none.</source>
        <translation>simulate: el usuario que contesta cuando suena, o none.</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>simulate: users who are unavailable, comma-separated.</source>
        <translation>simulate: usuarios no disponibles, separados por comas.</translation>
    </message>
    <message>
        <source>USERS</source>
        <translation>USERS</translation>
    </message>
    <message>
        <source>simulate: a text message with this body instead of a call.</source>
        <translation>simulate: un SMS con este texto en lugar de una llamada.</translation>
    </message>
    <message>
        <source>BODY</source>
        <translation>BODY</translation>
    </message>
    <message>
        <source>simulate takes options only (--config FILE --to NUMBER --from NUMBER ...).</source>
        <translation>simulate solo admite opciones (--config FILE --to NUMBER --from NUMBER ...).</translation>
    </message>
    <message>
        <source>simulate needs --to NUMBER and --from NUMBER.</source>
        <translation>simulate necesita --to NUMBER y --from NUMBER.</translation>
    </message>
    <message>
        <source>Nothing was simulated: the document has errors.</source>
        <translation>No se simuló nada: el documento tiene errores.</translation>
    </message>
    <message>
        <source>--at takes a date and time such as 2026-12-24T09:30 or 2026-12-24T09:30:00-06:00, not &quot;%1&quot;.</source>
        <translation>--at admite una fecha y hora como 2026-12-24T09:30 o 2026-12-24T09:30:00-06:00, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot; to answer.</source>
        <translation>No existe el usuario &quot;%1&quot; que debe contestar.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>push: replace the backend&apos;s configuration even if it changed since the last push.</source>
        <translation>push: reemplazar la configuración del servidor aunque haya cambiado desde el último envío.</translation>
    </message>
    <message>
        <source>push takes options only (--database DB --backend URL --token-file FILE).</source>
        <translation>push solo admite opciones (--database DB --backend URL --token-file FILE).</translation>
    </message>
    <message>
        <source>Nothing was pushed: the configuration has errors.</source>
        <translation>No se envió nada: la configuración tiene errores.</translation>
    </message>
    <message>
        <source>Changed on the backend since revision %1:</source>
        <translation>Cambios en el servidor desde la revisión %1:</translation>
    </message>
    <message>
        <source>The backend holds a configuration this database never pushed: %1</source>
        <translation>El servidor tiene una configuración que esta base de datos nunca envió: %1</translation>
    </message>
    <message>
        <source>Nothing was pushed. Push again with --overwrite to replace it with this database&apos;s configuration.</source>
        <translation>No se envió nada. Vuelva a enviar con --overwrite para reemplazarla por la configuración de esta base de datos.</translation>
    </message>
    <message>
        <source>Nothing was pushed.</source>
        <translation>No se envió nada.</translation>
    </message>
    <message>
        <source>Pushed, but the revision could not be noted in the database: %1</source>
        <translation>Se envió, pero no se pudo registrar la revisión en la base de datos: %1</translation>
    </message>
    <message>
        <source>Pushed to %1: revision %2.</source>
        <translation>Enviado a %1: revisión %2.</translation>
    </message>
    <message>
        <source>Changed on the backend since revision %1: nothing, the same configuration was pushed again.</source>
        <translation>Cambios en el servidor desde la revisión %1: ninguno, se volvió a enviar la misma configuración.</translation>
    </message>
    <message>
        <source>login: your e-mail address or user id.</source>
        <translation>login: su dirección de correo o id de usuario.</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>USUARIO</translation>
    </message>
    <message>
        <source>login: a file holding your password (- for standard input; default: asked for).</source>
        <translation>login: un archivo con su contraseña (- para la entrada estándar; si no, se pregunta).</translation>
    </message>
    <message>
        <source>%1 needs --backend URL (http:// or https://).</source>
        <translation>%1 necesita --backend URL (http:// o https://).</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>login needs --user LOGIN: your e-mail address or user id.</source>
        <translation>login necesita --user USUARIO: su dirección de correo o id de usuario.</translation>
    </message>
    <message>
        <source>Password for %1 at %2: </source>
        <translation>Contraseña de %1 en %2: </translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Sin iniciar sesión: %1</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2 (%3); the session is kept in %4 until %5.</source>
        <translation>Sesión iniciada en %1 como %2 (%3); la sesión se guarda en %4 hasta %5.</translation>
    </message>
    <message>
        <source>Not signed in to %1.</source>
        <translation>Sin sesión en %1.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Sesión cerrada en %1.</translation>
    </message>
    <message>
        <source>Forgot the session for %1; the backend did not answer (%2), so it ends when unused for 30 days.</source>
        <translation>Se olvidó la sesión de %1; el backend no respondió (%2), así que termina tras 30 días sin uso.</translation>
    </message>
    <message>
        <source>push, carrier, login, logout: the backend&apos;s URL.</source>
        <translation>push, carrier, login, logout: la URL del backend.</translation>
    </message>
    <message>
        <source>push, carrier: a file holding a token for the backend (the admin token, say); without it, the session of the last login to that URL.</source>
        <translation>push, carrier: un archivo con un token para el backend (el token de administración, por ejemplo); sin él, la sesión del último inicio de sesión en esa URL.</translation>
    </message>
    <message>
        <source>push, carrier, login: certificate authorities to trust besides the system&apos;s (PEM).</source>
        <translation>push, carrier, login: autoridades de certificación en las que confiar además de las del sistema (PEM).</translation>
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
        <translation>Uso:
  switchboardctl validate FILE               comprueba un documento de configuración
  switchboardctl import --database DB FILE   reemplaza la organización de DB
  switchboardctl export --database DB [FILE] escribe el documento de configuración
  switchboardctl login --backend URL --user LOGIN [--password-file FILE] [--ca-file FILE]
                      inicia sesión y guarda la sesión para push
  switchboardctl logout --backend URL  termina esa sesión
  switchboardctl push --database DB --backend URL [--token-file FILE] [--ca-file FILE]
                      [--overwrite]      envía la configuración al servidor
  switchboardctl carrier numbers --backend URL [--token-file FILE] [--ca-file FILE]
                      los números de la cuenta del operador y adónde apuntan
  switchboardctl carrier wire --backend URL [NUMBER...]
                      conecta números (por defecto: todos los enrutados) con el backend
  switchboardctl simulate --config FILE --to NUMBER --from NUMBER [--at ISO-8601]
                          [--digits 1,2] [--answer USER|none] [--unavailable USER,...]
                          [--text BODY]        simula una llamada o un SMS en los flujos
</translation>
    </message>
    <message>
        <source>validate, import, export, push, carrier, login, logout or simulate</source>
        <translation>validate, import, export, push, carrier, login, logout o simulate</translation>
    </message>
    <message>
        <source>%1 needs a token: sign in first with &quot;switchboardctl login --backend %2 --user LOGIN&quot;, or give --token-file FILE (tokens are read from files, never from the command line).</source>
        <translation>%1 necesita un token: inicie sesión antes con &quot;switchboardctl login --backend %2 --user LOGIN&quot; o indique --token-file ARCHIVO (los tokens se leen de archivos, nunca de la línea de órdenes).</translation>
    </message>
    <message>
        <source>carrier takes &quot;numbers&quot; or &quot;wire&quot;.</source>
        <translation>carrier espera &quot;numbers&quot; o &quot;wire&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number in E.164 form (like +15125550100).</source>
        <translation>&quot;%1&quot; no es un número en formato E.164 (como +15125550100).</translation>
    </message>
    <message>
        <source>wired</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>points elsewhere (calls: %1, texts: %2)</source>
        <translation>apunta a otro sitio (llamadas: %1, SMS: %2)</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>ningún sitio</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) in the carrier account</source>
        <translation>
            <numerusform>%n número en la cuenta del operador</numerusform>
            <numerusform>%n números en la cuenta del operador</numerusform>
        </translation>
    </message>
    <message>
        <source>wired to this backend: calls to %1, texts to %2.</source>
        <translation>conectados con este backend: llamadas a %1, SMS a %2.</translation>
    </message>
    <message>
        <source>wired %1</source>
        <translation>conectado: %1</translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>omitido: %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) wired</source>
        <translation>
            <numerusform>%n número conectado</numerusform>
            <numerusform>%n números conectados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n omitido</numerusform>
            <numerusform>%n omitidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CtlSessions</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot keep the session in %1: %2</source>
        <translation>No se puede guardar la sesión en %1: %2</translation>
    </message>
</context>
<context>
    <name>Daemon</name>
    <message>
        <source>Cannot read the secret in %1: %2</source>
        <translation>No se puede leer el secreto de %1: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 está vacío.</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one).</source>
        <translation>Dirección y puerto de escucha (predeterminado: 127.0.0.1:8080; el puerto 0 elige uno libre).</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL (default: %1).</source>
        <translation>Archivo SQLite o URL postgresql:// (predeterminado: %1).</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>DB</translation>
    </message>
    <message>
        <source>The URL the carrier reaches this server at (default: http:// and the listen address).</source>
        <translation>La URL por la que el operador llega a este servidor (predeterminado: http:// y la dirección de escucha).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>File holding the admin API token (else $SWITCHBOARD_ADMIN_TOKEN).</source>
        <translation>Archivo con el token de la API de administración (si no, $SWITCHBOARD_ADMIN_TOKEN).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>File holding the carrier&apos;s auth token (else $TWILIO_AUTH_TOKEN).</source>
        <translation>Archivo con el token de autenticación del operador (si no, $TWILIO_AUTH_TOKEN).</translation>
    </message>
    <message>
        <source>Do not log each request.</source>
        <translation>No registrar cada solicitud.</translation>
    </message>
    <message>
        <source>Language of the messages (de, es, en).</source>
        <translation>Idioma de los mensajes (de, es, en).</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Switchboard&apos;s routing backend: answers the carrier&apos;s webhooks by running the pushed flows.</source>
        <translation>Servidor (backend) de enrutamiento de Switchboard: responde a los webhooks del operador ejecutando los flujos enviados.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Argumento inesperado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--listen takes HOST:PORT, such as 127.0.0.1:8080, not &quot;%1&quot;.</source>
        <translation>--listen admite HOST:PORT, como 127.0.0.1:8080, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No carrier auth token: give --twilio-auth-token-file FILE or set TWILIO_AUTH_TOKEN. Without it no webhook can be checked, so the backend does not start.</source>
        <translation>No hay token de autenticación del operador: indique --twilio-auth-token-file FILE o defina TWILIO_AUTH_TOKEN. Sin él no se puede comprobar ningún webhook, así que el servidor no se inicia.</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>No se puede escuchar en %1: %2</translation>
    </message>
    <message>
        <source>switchboard-routerd %1 listening on http://%2 (public URL %3, database %4, revision %5)</source>
        <translation>switchboard-routerd %1 escuchando en http://%2 (URL pública %3, base de datos %4, revisión %5)</translation>
    </message>
    <message>
        <source>switchboard-routerd stopped.</source>
        <translation>switchboard-routerd detenido.</translation>
    </message>
    <message>
        <source>Threads answering requests, each with its own database connection (default: the number of cores, %1).</source>
        <translation>Hilos que responden peticiones, cada uno con su propia conexión a la base de datos (por defecto: el número de núcleos, %1).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seconds a request may take to arrive whole, from its first byte (default 15).</source>
        <translation>Segundos que una petición puede tardar en llegar entera desde su primer byte (por defecto 15).</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SEGUNDOS</translation>
    </message>
    <message>
        <source>Seconds an idle kept-alive connection stays open (default 60).</source>
        <translation>Segundos que una conexión keep-alive inactiva sigue abierta (por defecto 60).</translation>
    </message>
    <message>
        <source>Connections served at once; above it new ones get 503 (default 4096).</source>
        <translation>Conexiones atendidas a la vez; por encima, las nuevas reciben 503 (por defecto 4096).</translation>
    </message>
    <message>
        <source>--threads takes a number from 1 to 256, not &quot;%1&quot;.</source>
        <translation>--threads admite un número de 1 a 256, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 admite un número de %2 a %3, no &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>Days routing events, sent replies and closed conversations are kept (default 90; remembered webhook answers: 2).</source>
        <translation>Días que se conservan los eventos de enrutamiento, las respuestas enviadas y las conversaciones cerradas (por defecto 90; respuestas de webhook recordadas: 2).</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>DÍAS</translation>
    </message>
    <message>
        <source>No admin token (--admin-token-file or SWITCHBOARD_ADMIN_TOKEN): only people whose passwords were set before can use the API.</source>
        <translation>Sin token de administración (--admin-token-file o SWITCHBOARD_ADMIN_TOKEN): solo las personas cuya contraseña ya se fijó pueden usar la API.</translation>
    </message>
    <message>
        <source>Cannot read the configuration file %1: %2</source>
        <translation>No se puede leer el archivo de configuración %1: %2</translation>
    </message>
    <message>
        <source>%1:%2: &quot;%3&quot; is not a setting (KEY = VALUE, KEY one of the long options without --, such as listen).</source>
        <translation>%1:%2: &quot;%3&quot; no es un ajuste (CLAVE = VALOR, CLAVE una de las opciones largas sin --, como listen).</translation>
    </message>
    <message>
        <source>%1:%2: %3 is true or false.</source>
        <translation>%1:%2: %3 es true o false.</translation>
    </message>
    <message>
        <source>Read settings from FILE: lines KEY = VALUE, KEY a long option without -- (such as listen, database, admin-token-file); # starts a comment. Options on the command line win.</source>
        <translation>Leer los ajustes de ARCHIVO: líneas CLAVE = VALOR, CLAVE una opción larga sin -- (como listen, database, admin-token-file); # empieza un comentario. Las opciones de la línea de órdenes prevalecen.</translation>
    </message>
    <message>
        <source>The carrier account&apos;s SID, for sending replies, fetching recordings and wiring numbers (else $TWILIO_ACCOUNT_SID; without it those answer 409).</source>
        <translation>El SID de la cuenta del operador, para enviar respuestas, obtener grabaciones y conectar números (si no, $TWILIO_ACCOUNT_SID; sin él esas funciones responden 409).</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>The carrier&apos;s REST API (default https://api.twilio.com).</source>
        <translation>La API REST del operador (por defecto https://api.twilio.com).</translation>
    </message>
    <message>
        <source>Seconds without an answer from the carrier before a request to it is given up (default 30).</source>
        <translation>Segundos sin respuesta del operador antes de abandonar una solicitud (por defecto 30).</translation>
    </message>
    <message>
        <source>Seconds before a reply the carrier could not take is tried again; doubled each time, at most 30 times it (default 10).</source>
        <translation>Segundos antes de volver a intentar una respuesta que el operador no pudo aceptar; se duplica cada vez, hasta 30 veces ese valor (por defecto 10).</translation>
    </message>
    <message>
        <source>The carrier account SID is AC followed by 32 hexadecimal digits, not &quot;%1&quot;.</source>
        <translation>El SID de la cuenta del operador es AC seguido de 32 dígitos hexadecimales, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--carrier-api-url takes an http(s) URL, not &quot;%1&quot;.</source>
        <translation>--carrier-api-url espera una URL http(s), no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Carrier account %1 at %2: replies are sent, recordings fetched.</source>
        <translation>Cuenta del operador %1 en %2: se envían las respuestas y se obtienen las grabaciones.</translation>
    </message>
    <message>
        <source>No carrier account (--carrier-account-sid or TWILIO_ACCOUNT_SID): replies are not sent, recordings not fetched, numbers not wired.</source>
        <translation>Sin cuenta del operador (--carrier-account-sid o TWILIO_ACCOUNT_SID): no se envían respuestas, no se obtienen grabaciones ni se conectan números.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL URL of the form postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</source>
        <translation>&quot;%1&quot; no es una URL de PostgreSQL con la forma postgresql://USER:PASSWORD@HOST:PORT/DATABASE.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (Debian package libqt6sql6-psql).</source>
        <translation>El controlador de PostgreSQL para Qt no está instalado (paquete de Debian libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>Cannot connect to the PostgreSQL database %1: %2</source>
        <translation>No se puede conectar a la base de datos PostgreSQL %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>No se puede crear la carpeta %1 para la base de datos.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (Debian package libqt6sql6-sqlite).</source>
        <translation>El controlador de SQLite para Qt no está instalado (paquete de Debian libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>No se puede abrir la base de datos %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a database Switchboard can use (%2). Nothing was changed in it; open another file with --database.</source>
        <translation>%1 no es una base de datos que Switchboard pueda usar (%2). No se modificó nada en ella; abra otro archivo con --database.</translation>
    </message>
    <message>
        <source>Database error in %1: %2 (while running: %3)</source>
        <translation>Error de base de datos en %1: %2 (al ejecutar: %3)</translation>
    </message>
    <message>
        <source>%1 is a database, but not one of Switchboard&apos;s (it has tables %2 and no schema version). Nothing was changed in it.</source>
        <translation>%1 es una base de datos, pero no de Switchboard (tiene las tablas %2 y ninguna versión de esquema). No se modificó nada en ella.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Switchboard (schema %2 of &quot;%3&quot;; this version knows up to %4). Update Switchboard to open it; nothing was changed.</source>
        <translation>%1 fue creada por una versión más reciente de Switchboard (esquema %2 de &quot;%3&quot;; esta versión admite hasta el %4). Actualice Switchboard para abrirla; no se modificó nada.</translation>
    </message>
    <message>
        <source>Cannot start a transaction on %1.</source>
        <translation>No se puede iniciar una transacción en %1.</translation>
    </message>
    <message>
        <source>No transaction to commit.</source>
        <translation>No hay ninguna transacción que confirmar.</translation>
    </message>
    <message>
        <source>Cannot save to %1: %2</source>
        <translation>No se puede guardar en %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the database %1: %2</source>
        <translation>No se puede crear la base de datos %1: %2</translation>
    </message>
    <message>
        <source>Part of the change to %1 failed; nothing was saved.</source>
        <translation>Parte del cambio en %1 ha fallado; no se ha guardado nada.</translation>
    </message>
</context>
<context>
    <name>DialogPushInteraction</name>
    <message>
        <source>Cannot push</source>
        <translation>No se puede enviar</translation>
    </message>
    <message numerus="yes">
        <source>The configuration has %n error(s); the backend would refuse it. Fix them first (they are listed in the status bar&apos;s findings and on the canvas).</source>
        <translation>
            <numerusform>La configuración tiene %n error; el servidor la rechazaría. Corríjalo primero (se indica en la barra de estado y en el lienzo).</numerusform>
            <numerusform>La configuración tiene %n errores; el servidor la rechazaría. Corríjalos primero (se indican en la barra de estado y en el lienzo).</numerusform>
        </translation>
    </message>
    <message>
        <source>Push with warnings?</source>
        <translation>¿Enviar con advertencias?</translation>
    </message>
    <message numerus="yes">
        <source>The configuration routes, but %n thing(s) deserve a look:</source>
        <translation>
            <numerusform>La configuración enruta, pero conviene revisar %n punto:</numerusform>
            <numerusform>La configuración enruta, pero conviene revisar %n puntos:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… y %n más.</numerusform>
            <numerusform>… y %n más.</numerusform>
        </translation>
    </message>
    <message>
        <source>Push anyway</source>
        <translation>Enviar de todos modos</translation>
    </message>
    <message>
        <source>Export your configuration</source>
        <translation>Exportar su configuración</translation>
    </message>
    <message>
        <source>Configuration documents (*.json)</source>
        <translation>Documentos de configuración (*.json)</translation>
    </message>
    <message>
        <source>The backend refused the configuration</source>
        <translation>El servidor rechazó la configuración</translation>
    </message>
    <message>
        <source>Nothing is lost: your changes stay here, and you can push again when the backend answers.</source>
        <translation>No se pierde nada: sus cambios siguen aquí y puede volver a enviar cuando el servidor responda.</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Enviar</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Leave them in the shared inbox</source>
        <translation>Dejarlas en la bandeja de entrada compartida</translation>
    </message>
    <message>
        <source>Simultaneous</source>
        <translation>Simultáneo</translation>
    </message>
    <message>
        <source>In order</source>
        <translation>En orden</translation>
    </message>
    <message>
        <source>Round robin</source>
        <translation>Rotativo (round robin)</translation>
    </message>
    <message>
        <source>Linear round robin</source>
        <translation>Rotativo lineal (linear round robin)</translation>
    </message>
    <message>
        <source>Every member rings at the same time; the first to answer takes the call.</source>
        <translation>Suenan todos los miembros a la vez; quien conteste primero atiende la llamada.</translation>
    </message>
    <message>
        <source>Members ring one after another in the list&apos;s order, always from the first, until someone answers.</source>
        <translation>Los miembros suenan uno tras otro en el orden de la lista, siempre desde el primero, hasta que alguien conteste.</translation>
    </message>
    <message>
        <source>One member per call, taking turns from call to call; if they do not answer, the next step follows.</source>
        <translation>Un miembro por llamada, por turnos de una llamada a otra; si no contesta, sigue el siguiente paso.</translation>
    </message>
    <message>
        <source>Starts with the member whose turn it is, then rings the others in order until someone answers.</source>
        <translation>Empieza por el miembro al que le toca y luego llama a los demás en orden hasta que alguien conteste.</translation>
    </message>
</context>
<context>
    <name>FlowInteraction</name>
    <message>
        <source>Replace applet</source>
        <translation>Reemplazar applet</translation>
    </message>
    <message>
        <source>Replace %1 with %2?</source>
        <translation>¿Reemplazar %1 por %2?</translation>
    </message>
    <message>
        <source>Replace, Keep Them</source>
        <translation>Reemplazar y conservarlos</translation>
    </message>
    <message>
        <source>Replace, Delete Them</source>
        <translation>Reemplazar y eliminarlos</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Delete applet</source>
        <translation>Eliminar applet</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message>
        <source>Nothing hangs under it.</source>
        <translation>No cuelga nada de él.</translation>
    </message>
    <message numerus="yes">
        <source>%n applet(s) hang under it and will be deleted too.</source>
        <translation>
            <numerusform>%n applet cuelga de él y también se eliminará.</numerusform>
            <numerusform>%n applets cuelgan de él y también se eliminarán.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message numerus="yes">
        <source>%n applet(s) hang under branches that %1 does not have. Keep them aside, unattached, to use again? Or delete them?</source>
        <translation>
            <numerusform>%n applet cuelga de una rama que un applet de tipo %1 no tiene. ¿Conservarlo aparte, sin conectar, para volver a usarlo? ¿O eliminarlo?</numerusform>
            <numerusform>%n applets cuelgan de ramas que un applet de tipo %1 no tiene. ¿Conservarlos aparte, sin conectar, para volver a usarlos? ¿O eliminarlos?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpServer</name>
    <message>
        <source>The request&apos;s headers are larger than %1 KiB.</source>
        <translation>Las cabeceras de la petición ocupan más de %1 KiB.</translation>
    </message>
    <message>
        <source>That is not an HTTP request.</source>
        <translation>Eso no es una petición HTTP.</translation>
    </message>
    <message>
        <source>The server is not ready.</source>
        <translation>El servidor no está listo.</translation>
    </message>
    <message>
        <source>The request&apos;s body is too large.</source>
        <translation>El cuerpo de la petición es demasiado grande.</translation>
    </message>
    <message>
        <source>The request&apos;s body is larger than %1 MiB.</source>
        <translation>El cuerpo de la petición ocupa más de %1 MiB.</translation>
    </message>
    <message>
        <source>The request&apos;s body is larger than %1 KiB.</source>
        <translation>El cuerpo de la petición ocupa más de %1 KiB.</translation>
    </message>
    <message>
        <source>The server has too many connections; try again shortly.</source>
        <translation>El servidor tiene demasiadas conexiones; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>&quot;%1&quot; no es una dirección IP.</translation>
    </message>
    <message>
        <source>A chunk header or trailer is too long.</source>
        <translation>Una cabecera de fragmento o un trailer es demasiado largo.</translation>
    </message>
    <message>
        <source>The request could not be answered.</source>
        <translation>No se pudo responder a la petición.</translation>
    </message>
</context>
<context>
    <name>OrganizationStore</name>
    <message>
        <source>Cannot read the organization from %1: %2</source>
        <translation>No se puede leer la organización desde %1: %2</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; in %2 is damaged: %3</source>
        <translation>El flujo &quot;%1&quot; en %2 está dañado: %3</translation>
    </message>
    <message>
        <source>Cannot start a transaction on %1.</source>
        <translation>No se puede iniciar una transacción en %1.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>no es un objeto JSON</translation>
    </message>
    <message>
        <source>The greeting of user &quot;%1&quot; in %2 is damaged: %3</source>
        <translation>El saludo del usuario «%1» en %2 está dañado: %3</translation>
    </message>
</context>
<context>
    <name>PushResult</name>
    <message>
        <source>Pushed: the backend is at revision %1.</source>
        <translation>Enviado: el servidor está en la revisión %1.</translation>
    </message>
    <message>
        <source>The configuration on the backend changed since you last pushed: it is at revision %1 now.</source>
        <translation>La configuración del servidor cambió desde su último envío: ahora está en la revisión %1.</translation>
    </message>
    <message>
        <source>The backend refused the configuration: it has errors. Nothing changed there.</source>
        <translation>El servidor rechazó la configuración: tiene errores. Allí no cambió nada.</translation>
    </message>
</context>
<context>
    <name>References</name>
    <message>
        <source>Flow &quot;%1&quot;, call flow: %2 &quot;%3&quot;</source>
        <translation>Flujo &quot;%1&quot;, flujo de llamadas: %2 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot;, SMS flow: %2 &quot;%3&quot;</source>
        <translation>Flujo &quot;%1&quot;, flujo de SMS: %2 &quot;%3&quot;</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>paso %1</translation>
    </message>
    <message>
        <source>Member of group &quot;%1&quot;</source>
        <translation>Miembro del grupo &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Owner of contact %1</source>
        <translation>Propietario del contacto %1</translation>
    </message>
</context>
<context>
    <name>RouterStore</name>
    <message>
        <source>&quot;%1&quot; is not a cursor this backend gave out.</source>
        <translation>&quot;%1&quot; no es un cursor emitido por este servidor.</translation>
    </message>
    <message>
        <source>Cannot begin a transaction on %1.</source>
        <translation>No se puede iniciar una transacción en %1.</translation>
    </message>
    <message>
        <source>There is no voicemail for this recording.</source>
        <translation>No hay ningún mensaje de voz para esta grabación.</translation>
    </message>
    <message>
        <source>The reply&apos;s lease was no longer held by %1.</source>
        <translation>La reserva de la respuesta ya no la tenía %1.</translation>
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
        <translation>reproduce %1</translation>
    </message>
    <message>
        <source>says &quot;%1&quot;</source>
        <translation>dice &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The call ends.</source>
        <translation>La llamada termina.</translation>
    </message>
    <message>
        <source>Sorry, we cannot take your call right now. Goodbye.</source>
        <translation>Lo sentimos, en este momento no podemos atender su llamada. Adiós.</translation>
    </message>
    <message>
        <source>The call was at applet &quot;%1&quot;, which is not in revision %2.</source>
        <translation>La llamada estaba en el applet &quot;%1&quot;, que no existe en la revisión %2.</translation>
    </message>
    <message>
        <source>Call for %1 from %2. Press 1 to accept.</source>
        <translation>Llamada para %1 desde %2. Presione 1 para aceptar.</translation>
    </message>
    <message>
        <source>The call ran %1 applets without end and was stopped.</source>
        <translation>La llamada pasó por %1 applets sin terminar y se detuvo.</translation>
    </message>
    <message>
        <source>The flow leads to &quot;%1&quot;, which is not in it.</source>
        <translation>El flujo lleva a &quot;%1&quot;, que no forma parte de él.</translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation>%1 %2.</translation>
    </message>
    <message>
        <source>%1: open (%2).</source>
        <translation>%1: abierto (%2).</translation>
    </message>
    <message>
        <source>%1: closed (%2).</source>
        <translation>%1: cerrado (%2).</translation>
    </message>
    <message>
        <source>%1: closed for %2 (%3).</source>
        <translation>%1: cerrado por %2 (%3).</translation>
    </message>
    <message>
        <source>%1: the call is refused with a busy signal.</source>
        <translation>%1: se rechaza la llamada con tono de ocupado.</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1 cannot run in a call.</source>
        <translation>%1 no se puede ejecutar en una llamada.</translation>
    </message>
    <message>
        <source>%1 %2 and waits %3 s for a key.</source>
        <translation>%1 %2 y espera una tecla durante %3 s.</translation>
    </message>
    <message>
        <source>%1 asks again (try %2 of %3).</source>
        <translation>%1 vuelve a preguntar (intento %2 de %3).</translation>
    </message>
    <message>
        <source>The caller pressed %1.</source>
        <translation>Quien llama presionó %1.</translation>
    </message>
    <message>
        <source>The caller pressed %1, which is not a choice.</source>
        <translation>Quien llama presionó %1, que no es una opción.</translation>
    </message>
    <message>
        <source>Sorry, that is not a valid choice.</source>
        <translation>Lo sentimos, esa opción no es válida.</translation>
    </message>
    <message>
        <source>No key was pressed.</source>
        <translation>No se presionó ninguna tecla.</translation>
    </message>
    <message>
        <source>%1: no valid key after %2 tries.</source>
        <translation>%1: ninguna tecla válida tras %2 intentos.</translation>
    </message>
    <message>
        <source>Goodbye.</source>
        <translation>Adiós.</translation>
    </message>
    <message>
        <source>%1, step %2: nobody can be rung now; skipped.</source>
        <translation>%1, paso %2: ahora no se puede hacer sonar a nadie; se omite.</translation>
    </message>
    <message>
        <source>%1, step %2: rings %3 for %4 s.</source>
        <translation>%1, paso %2: hace sonar a %3 durante %4 s.</translation>
    </message>
    <message>
        <source>Answered; the call ends when they hang up.</source>
        <translation>Contestada; la llamada termina al colgar.</translation>
    </message>
    <message>
        <source>Not answered (%1).</source>
        <translation>Sin respuesta (%1).</translation>
    </message>
    <message>
        <source>%1: nobody answered.</source>
        <translation>%1: nadie contestó.</translation>
    </message>
    <message>
        <source>Please leave a message after the tone.</source>
        <translation>Por favor, deje un mensaje después del tono.</translation>
    </message>
    <message>
        <source>%1 %2 and records up to %3 s.</source>
        <translation>%1 %2 y graba hasta %3 s.</translation>
    </message>
    <message>
        <source>The caller left no message.</source>
        <translation>Quien llama no dejó ningún mensaje.</translation>
    </message>
    <message>
        <source>A voicemail of %1 s for %2.</source>
        <translation>Un mensaje de voz de %1 s para %2.</translation>
    </message>
    <message>
        <source>Thank you. Goodbye.</source>
        <translation>Gracias. Adiós.</translation>
    </message>
    <message>
        <source>The call&apos;s flow &quot;%1&quot; is not in revision %2.</source>
        <translation>El flujo &quot;%1&quot; de la llamada no existe en la revisión %2.</translation>
    </message>
    <message>
        <source>A blocked caller was refused.</source>
        <translation>Se rechazó la llamada de un número bloqueado.</translation>
    </message>
    <message>
        <source>Rejected: %1 is blocked.</source>
        <translation>Rechazada: %1 está bloqueado.</translation>
    </message>
    <message>
        <source>%1 is not one of the organization&apos;s numbers.</source>
        <translation>%1 no es uno de los números de la organización.</translation>
    </message>
    <message>
        <source>%1 has no flow.</source>
        <translation>%1 no tiene flujo.</translation>
    </message>
    <message>
        <source>The flow of %1 has no call flow.</source>
        <translation>El flujo de %1 no tiene flujo de llamadas.</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rechazada: %1</translation>
    </message>
    <message>
        <source>A text from a blocked number was dropped.</source>
        <translation>Se descartó un SMS de un número bloqueado.</translation>
    </message>
    <message>
        <source>Dropped: %1 is blocked.</source>
        <translation>Descartado: %1 está bloqueado.</translation>
    </message>
    <message>
        <source>The flow of %1 has no SMS flow.</source>
        <translation>El flujo de %1 no tiene flujo de SMS.</translation>
    </message>
    <message>
        <source>Dropped: %1</source>
        <translation>Descartado: %1</translation>
    </message>
    <message>
        <source>The text ran %1 applets without end and was stopped.</source>
        <translation>El SMS pasó por %1 applets sin terminar y se detuvo.</translation>
    </message>
    <message>
        <source>Keyword: &quot;%1&quot; matches nothing.</source>
        <translation>Palabra clave: &quot;%1&quot; no coincide con nada.</translation>
    </message>
    <message>
        <source>Keyword: %1.</source>
        <translation>Palabra clave: %1.</translation>
    </message>
    <message>
        <source>Replies &quot;%1&quot;.</source>
        <translation>Responde &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Joins its open conversation, assigned to %1.</source>
        <translation>Se añade a su conversación abierta, asignada a %1.</translation>
    </message>
    <message>
        <source>Joins its open conversation, waiting in the queue.</source>
        <translation>Se añade a su conversación abierta, en espera en la cola.</translation>
    </message>
    <message>
        <source>Nobody can take it now: it waits in %1&apos;s queue.</source>
        <translation>Nadie puede atenderlo ahora: espera en la cola de %1.</translation>
    </message>
    <message>
        <source>A new conversation, assigned to %1.</source>
        <translation>Nueva conversación, asignada a %1.</translation>
    </message>
    <message>
        <source>Kept in the inbox of %1.</source>
        <translation>Guardado en la bandeja de entrada de %1.</translation>
    </message>
    <message>
        <source>A %1 applet cannot handle a text.</source>
        <translation>Un applet de tipo %1 no puede procesar un SMS.</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <source>Nothing was kept.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message>
        <source>Kept in an inbox.</source>
        <translation>Guardado en una bandeja de entrada.</translation>
    </message>
    <message>
        <source>The call was refused.</source>
        <translation>Se rechazó la llamada.</translation>
    </message>
    <message>
        <source>The call ended.</source>
        <translation>La llamada terminó.</translation>
    </message>
    <message>
        <source>%1 answers.</source>
        <translation>%1 contesta.</translation>
    </message>
    <message>
        <source>The simulation stopped: the call did not end.</source>
        <translation>La simulación se detuvo: la llamada no terminó.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ActiveGroupsDialog</name>
    <message>
        <source>&amp;Available</source>
        <translation>&amp;Disponible</translation>
    </message>
    <message>
        <source>U&amp;navailable</source>
        <translation>&amp;No disponible</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Active Groups</source>
        <translation>Grupos activos</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot; in this organization.</source>
        <translation>No existe el usuario &quot;%1&quot; en esta organización.</translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation>No se guardó nada. %1</translation>
    </message>
    <message>
        <source>Save the changes to %1&apos;s active groups before showing %2&apos;s?</source>
        <translation>¿Guardar los cambios en los grupos activos de %1 antes de mostrar los de %2?</translation>
    </message>
    <message>
        <source>Unavailable stops all calls and texts to you in every group, whatever is ticked below; your choices are kept for when you are available again.</source>
        <translation>Con &quot;No disponible&quot; no le llega ninguna llamada ni ningún SMS en ningún grupo, independientemente de lo que esté marcado abajo; sus elecciones se conservan para cuando vuelva a estar disponible.</translation>
    </message>
    <message>
        <source>Unavailable stops all calls and texts to %1 in every group, whatever is ticked below; the choices are kept for when %1 is available again.</source>
        <translation>Con &quot;No disponible&quot; a %1 no le llega ninguna llamada ni ningún SMS en ningún grupo, independientemente de lo que esté marcado abajo; las elecciones se conservan para cuando %1 vuelva a estar disponible.</translation>
    </message>
    <message>
        <source>You are not a member of any group.</source>
        <translation>Usted no es miembro de ningún grupo.</translation>
    </message>
    <message>
        <source>%1 is not a member of any group.</source>
        <translation>%1 no es miembro de ningún grupo.</translation>
    </message>
    <message>
        <source>The backend does not know you yet. Your choices are kept, and apply once the configuration is pushed.</source>
        <translation>Su usuario aún no existe en el servidor. Sus elecciones se conservan y se aplicarán cuando se envíe la configuración.</translation>
    </message>
    <message>
        <source>The backend does not know %1 yet. The choices are kept, and apply once the configuration is pushed.</source>
        <translation>%1 aún no existe en el servidor. Las elecciones se conservan y se aplicarán cuando se envíe la configuración.</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Iniciar sesión…</translation>
    </message>
    <message>
        <source>No routing backend is signed in. Active groups are kept by the backend: sign in to see and change them. The groups are below.</source>
        <translation>No hay sesión iniciada en ningún backend de enrutamiento. Los grupos activos los guarda el backend: inicie sesión para verlos y cambiarlos. Los grupos están abajo.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ActiveGroupsModel</name>
    <message>
        <source>This group has no department.</source>
        <translation>Este grupo no tiene departamento.</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Not applicable: %1 leaves this member out of its calls.</source>
        <translation>No aplicable: %1 excluye a este miembro de sus llamadas.</translation>
    </message>
    <message>
        <source>Not applicable: %1 leaves this member out of its texts.</source>
        <translation>No aplicable: %1 excluye a este miembro de sus SMS.</translation>
    </message>
    <message>
        <source>Take calls to %1 now</source>
        <translation>Recibir ahora las llamadas dirigidas a %1</translation>
    </message>
    <message>
        <source>Take texts to %1 now</source>
        <translation>Recibir ahora los SMS dirigidos a %1</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Not known until the routing backend says: sign in to see it.</source>
        <translation>Se desconoce hasta que lo diga el backend de enrutamiento: inicie sesión para verlo.</translation>
    </message>
</context>
<context>
    <name>Switchboard::AppletPreviewDelegate</name>
    <message>
        <source>nothing yet</source>
        <translation>aún nada</translation>
    </message>
</context>
<context>
    <name>Switchboard::BackendConnection</name>
    <message>
        <source> — unpushed changes</source>
        <translation> — cambios sin enviar</translation>
    </message>
    <message>
        <source>Backend: not configured</source>
        <translation>Servidor: sin configurar</translation>
    </message>
    <message>
        <source>Backend: connecting…</source>
        <translation>Servidor: conectando…</translation>
    </message>
    <message>
        <source>Backend: connected at revision %1</source>
        <translation>Servidor: conectado, en la revisión %1</translation>
    </message>
    <message>
        <source>Backend: unreachable</source>
        <translation>Servidor: inaccesible</translation>
    </message>
    <message>
        <source>the admin token</source>
        <translation>el token de administración</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agente</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Backend: signed out</source>
        <translation>Backend: sesión cerrada</translation>
    </message>
    <message>
        <source>Backend: sign-in not accepted</source>
        <translation>Backend: inicio de sesión no aceptado</translation>
    </message>
    <message>
        <source>Backend: answered with an error</source>
        <translation>Backend: respondió con un error</translation>
    </message>
</context>
<context>
    <name>Switchboard::BlockedModel</name>
    <message>
        <source>Blocked number</source>
        <translation>Número bloqueado</translation>
    </message>
</context>
<context>
    <name>Switchboard::CarrierApi</name>
    <message>
        <source>%1 is not on the carrier&apos;s API host (%2): it is not asked, and no credentials are sent there.</source>
        <translation>%1 no está en el host de la API del operador (%2): no se consulta y no se envían credenciales allí.</translation>
    </message>
    <message>
        <source>The carrier&apos;s answer is larger than %1 MiB.</source>
        <translation>La respuesta del operador supera los %1 MiB.</translation>
    </message>
    <message>
        <source>The carrier did not answer within %1 s.</source>
        <translation>El operador no respondió en %1 s.</translation>
    </message>
    <message>
        <source>The carrier cannot be reached: %1</source>
        <translation>No se puede contactar con el operador: %1</translation>
    </message>
    <message>
        <source>The carrier answered HTTP %1.</source>
        <translation>El operador respondió HTTP %1.</translation>
    </message>
    <message>
        <source>%1 (carrier error %2)</source>
        <translation>%1 (error %2 del operador)</translation>
    </message>
    <message>
        <source>The carrier took the message but gave no sid.</source>
        <translation>El operador aceptó el mensaje pero no dio ningún SID.</translation>
    </message>
    <message>
        <source>The carrier&apos;s list of numbers cannot be read.</source>
        <translation>No se puede leer la lista de números del operador.</translation>
    </message>
    <message>
        <source>The carrier&apos;s list of numbers has more than %1 pages.</source>
        <translation>La lista de números del operador tiene más de %1 páginas.</translation>
    </message>
    <message>
        <source>The carrier&apos;s list of messages cannot be read.</source>
        <translation>No se puede leer la lista de mensajes del operador.</translation>
    </message>
    <message>
        <source>The carrier&apos;s answer was cut off: %1</source>
        <translation>La respuesta del operador se cortó: %1</translation>
    </message>
    <message>
        <source>The carrier pointed to %1, which is not fetched.</source>
        <translation>El operador remitió a %1, que no se obtiene.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ConfirmDeleteDialog</name>
    <message>
        <source>Nobody (fix them later)</source>
        <translation>Nadie (corregir más tarde)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>Switchboard::ConflictDialog</name>
    <message>
        <source>The backend&apos;s configuration changed</source>
        <translation>La configuración del servidor ha cambiado</translation>
    </message>
    <message>
        <source>Someone pushed to the backend since you last did: it is at revision %1, and you started from revision %2. This is what changed there:</source>
        <translation>Otra persona envió una configuración al servidor después de su último envío: está en la revisión %1 y usted partió de la revisión %2. Esto es lo que cambió allí:</translation>
    </message>
    <message>
        <source>The backend holds a configuration this console never pushed or reloaded (revision %1): %2</source>
        <translation>El servidor tiene una configuración que esta consola nunca envió ni recargó (revisión %1): %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Pushing now would replace their changes with yours.</source>
        <translation>Si envía ahora, sus cambios reemplazarán los de la otra persona.</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>&amp;Recargar la del servidor</translation>
    </message>
    <message>
        <source>Replace your configuration here with the backend&apos;s (one undo step; save to keep it)</source>
        <translation>Reemplazar aquí su configuración por la del servidor (se deshace en un paso; guarde para conservarla)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with ours</source>
        <translation>&amp;Sobrescribir con la local</translation>
    </message>
    <message>
        <source>Push your configuration over theirs</source>
        <translation>Enviar su configuración y reemplazar la del servidor</translation>
    </message>
    <message>
        <source>&amp;Export ours…</source>
        <translation>&amp;Exportar la local…</translation>
    </message>
    <message>
        <source>Write your configuration to a file, and push nothing</source>
        <translation>Escribir su configuración en un archivo, sin enviar nada</translation>
    </message>
    <message>
        <source>Nothing differs from what you started from: the same configuration was pushed again.</source>
        <translation>Nada difiere de la versión de la que partió: se volvió a enviar la misma configuración.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ContactsModel</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
</context>
<context>
    <name>Switchboard::E164Validator</name>
    <message>
        <source>Type the number with its country code, like +1 512 555 0100.</source>
        <translation>Escriba el número con su código de país, como +1 512 555 0100.</translation>
    </message>
    <message numerus="yes">
        <source>%n more digit(s) at least.</source>
        <translation>
            <numerusform>Al menos %n dígito más.</numerusform>
            <numerusform>Al menos %n dígitos más.</numerusform>
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
        <translation>Repartirlas por turnos</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 de %2 caracteres como máximo</translation>
    </message>
    <message>
        <source>The usual message</source>
        <translation>El mensaje habitual</translation>
    </message>
    <message>
        <source>The owner&apos;s greeting, or the usual one</source>
        <translation>El saludo del propietario o el habitual</translation>
    </message>
    <message>
        <source>Say this text</source>
        <translation>Decir este texto</translation>
    </message>
    <message>
        <source>Play a recording (URL)</source>
        <translation>Reproducir una grabación (URL)</translation>
    </message>
    <message>
        <source>Voice, e.g. Polly.Joanna (optional)</source>
        <translation>Voz, p. ej., Polly.Joanna (opcional)</translation>
    </message>
    <message>
        <source>Thank you for calling.</source>
        <translation>Gracias por llamar.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Grupo: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Usuario: %1</translation>
    </message>
    <message>
        <source>A group</source>
        <translation>Un grupo</translation>
    </message>
    <message>
        <source>A user</source>
        <translation>Un usuario</translation>
    </message>
    <message>
        <source>These users (a ring list)</source>
        <translation>Estos usuarios (una lista de llamada)</translation>
    </message>
    <message>
        <source>A phone number</source>
        <translation>Un número de teléfono</translation>
    </message>
    <message>
        <source>The caller&apos;s contact owner</source>
        <translation>El propietario del contacto de quien llama</translation>
    </message>
    <message>
        <source>Choose a group…</source>
        <translation>Elija un grupo…</translation>
    </message>
    <message>
        <source>Choose a user…</source>
        <translation>Elija un usuario…</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>Añadir un usuario…</translation>
    </message>
    <message>
        <source>Remove from the ring list</source>
        <translation>Quitar de la lista de llamada</translation>
    </message>
    <message>
        <source>In ring order; drag users here or add them:</source>
        <translation>En orden de llamada; arrastre usuarios hasta aquí o añádalos:</translation>
    </message>
    <message>
        <source>Rings whoever owns the caller&apos;s contact.</source>
        <translation>Hace sonar al propietario del contacto de quien llama.</translation>
    </message>
    <message>
        <source>The organization&apos;s (%1)</source>
        <translation>La de la organización (%1)</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>Open hours, like 09:00-12:00, 13:00-17:30; a range may run past midnight (22:00-02:00).</source>
        <translation>Horario de apertura, como 09:00-12:00, 13:00-17:30; una franja puede pasar de la medianoche (22:00-02:00).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a range like 09:00-17:00.</source>
        <translation>&quot;%1&quot; no es una franja como 09:00-17:00.</translation>
    </message>
    <message>
        <source>The caller&apos;s number</source>
        <translation>El número de quien llama</translation>
    </message>
    <message>
        <source>The number they called</source>
        <translation>El número al que llamó</translation>
    </message>
    <message>
        <source>This number:</source>
        <translation>Este número:</translation>
    </message>
    <message>
        <source>Add a step</source>
        <translation>Añadir un paso</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Paso %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Add a user to the end of the ring list</source>
        <translation>Añadir un usuario al final de la lista de llamada</translation>
    </message>
    <message>
        <source>Everyone is in the list</source>
        <translation>Todos están ya en la lista</translation>
    </message>
    <message>
        <source>Move %1 earlier</source>
        <translation>Mover %1 antes</translation>
    </message>
    <message>
        <source>Move %1 later</source>
        <translation>Mover %1 después</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Not changed yet: fill this in for the step to use it.</source>
        <translation>Aún sin cambiar: complete esto para que el paso lo use.</translation>
    </message>
    <message>
        <source>Not changed yet: until this is filled in, the step rings %1.</source>
        <translation>Aún sin cambiar: hasta que complete esto, el paso llama a %1.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowEdits</name>
    <message>
        <source>When a call begins, what should we do?</source>
        <translation>Cuando empieza una llamada, ¿qué debemos hacer?</translation>
    </message>
    <message>
        <source>When a text message arrives, what should we do?</source>
        <translation>Cuando llega un SMS, ¿qué debemos hacer?</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>el inicio</translation>
    </message>
    <message>
        <source>%1 cannot be used in this flow.</source>
        <translation>Un applet de tipo %1 no se puede usar en este flujo.</translation>
    </message>
    <message>
        <source>That slot is taken: drop on the applet to replace it.</source>
        <translation>Ese espacio está ocupado: suelte sobre el applet para reemplazarlo.</translation>
    </message>
    <message>
        <source>Start with %1</source>
        <translation>Empezar con %1</translation>
    </message>
    <message>
        <source>Add %1 after %2 (%3)</source>
        <translation>Añadir %1 después de %2 (%3)</translation>
    </message>
    <message>
        <source>It is a %1 already.</source>
        <translation>Ya es un applet de tipo %1.</translation>
    </message>
    <message>
        <source>Replace %1 with %2</source>
        <translation>Reemplazar %1 por %2</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar a %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %1 and %n applet(s) under it</source>
        <translation>
            <numerusform>Eliminar %1 y %n applet que cuelga de él</numerusform>
            <numerusform>Eliminar %1 y %n applets que cuelgan de él</numerusform>
        </translation>
    </message>
    <message>
        <source>That slot is taken: delete what is there first.</source>
        <translation>Ese espacio está ocupado: elimine primero lo que hay en él.</translation>
    </message>
    <message>
        <source>Remove the link from %1 (%2)</source>
        <translation>Quitar el enlace de %1 (%2)</translation>
    </message>
    <message>
        <source>Start at %1</source>
        <translation>Empezar en %1</translation>
    </message>
    <message>
        <source>Go from %1 (%2) to %3</source>
        <translation>Ir de %1 (%2) a %3</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>Renombrar %1</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Cambiar %1 de %2</translation>
    </message>
    <message>
        <source>Only admins change flows: this one is read-only.</source>
        <translation>Solo los administradores cambian flujos: este es de solo lectura.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowScene</name>
    <message>
        <source>Not attached: nothing leads here</source>
        <translation>Sin conectar: nada lleva hasta aquí</translation>
    </message>
    <message>
        <source>Not attached: nothing in the flow leads here.</source>
        <translation>Sin conectar: nada en el flujo lleva hasta aquí.</translation>
    </message>
    <message>
        <source>Goes on to %1, drawn elsewhere in the flow</source>
        <translation>Continúa en %1, que aparece en otra parte del flujo</translation>
    </message>
    <message>
        <source>Go to… %1</source>
        <translation>Ir a… %1</translation>
    </message>
    <message>
        <source>Drop an applet here</source>
        <translation>Suelte un applet aquí</translation>
    </message>
    <message>
        <source>Nothing yet: a dead end</source>
        <translation>Aún nada: un callejón sin salida</translation>
    </message>
    <message>
        <source>Delete %1 (Del)</source>
        <translation>Eliminar %1 (Supr)</translation>
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
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Drag users into a ring list in the settings below.</source>
        <translation>Arrastre usuarios a una lista de llamada en los ajustes de abajo.</translation>
    </message>
    <message>
        <source>Call flow</source>
        <translation>Flujo de llamadas</translation>
    </message>
    <message>
        <source>SMS flow</source>
        <translation>Flujo de SMS</translation>
    </message>
    <message>
        <source>What to look at:</source>
        <translation>Qué revisar:</translation>
    </message>
    <message>
        <source>&amp;Save Flow</source>
        <translation>&amp;Guardar flujo</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flujo</translation>
    </message>
    <message>
        <source>Drag an applet from the left into a dotted slot, or select a slot and press Enter.</source>
        <translation>Arrastre un applet desde la izquierda hasta un espacio punteado, o seleccione un espacio y presione Intro.</translation>
    </message>
    <message>
        <source>Flow: %1[*] — Switchboard</source>
        <translation>Flujo: %1[*] — Switchboard</translation>
    </message>
    <message>
        <source>Nothing: this flow is complete.</source>
        <translation>Nada: este flujo está completo.</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>Ir a…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Cannot save the flow</source>
        <translation>No se puede guardar el flujo</translation>
    </message>
    <message>
        <source>The flow could not be saved; your changes are still here.

%1</source>
        <translation>No se pudo guardar el flujo; sus cambios siguen aquí.

%1</translation>
    </message>
    <message>
        <source>Save the changes to the flow &quot;%1&quot; before closing?</source>
        <translation>¿Guardar los cambios en el flujo &quot;%1&quot; antes de cerrar?</translation>
    </message>
    <message>
        <source>No call flow yet: calls to this flow&apos;s numbers are rejected. Drag an applet into the dotted slot to begin.</source>
        <translation>Todavía no hay flujo de llamadas: se rechazan las llamadas a los números de este flujo. Arrastre un applet al espacio punteado para empezar.</translation>
    </message>
    <message>
        <source>No SMS flow yet: texts to this flow&apos;s numbers are dropped. Drag an applet into the dotted slot to begin.</source>
        <translation>Todavía no hay flujo de SMS: se descartan los SMS a los números de este flujo. Arrastre un applet al espacio punteado para empezar.</translation>
    </message>
    <message>
        <source>&amp;Test Call…</source>
        <translation>&amp;Llamada de prueba…</translation>
    </message>
    <message>
        <source>Run a call or a text through this flow, unsaved changes included</source>
        <translation>Simular una llamada o un SMS en este flujo, con los cambios sin guardar incluidos</translation>
    </message>
    <message>
        <source>Clear Route</source>
        <translation>Quitar ruta</translation>
    </message>
    <message>
        <source>Take the test call&apos;s route off the canvas</source>
        <translation>Quitar del lienzo la ruta de la llamada de prueba</translation>
    </message>
    <message numerus="yes">
        <source>The test call&apos;s route: %n applet(s), numbered in the order they ran. The next edit clears it.</source>
        <translation>
            <numerusform>Ruta de la llamada de prueba: %n applet, numerado según el orden de ejecución. La próxima modificación la borra.</numerusform>
            <numerusform>Ruta de la llamada de prueba: %n applets, numerados según el orden de ejecución. La próxima modificación la borra.</numerusform>
        </translation>
    </message>
    <message>
        <source>Flow: %1 (read-only) — Switchboard</source>
        <translation>Flujo: %1 (solo lectura) — Switchboard</translation>
    </message>
    <message>
        <source>&amp;Replace with</source>
        <translation>&amp;Reemplazar por</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Ajustes</translation>
    </message>
    <message>
        <source>Go to its settings below the canvas</source>
        <translation>Ir a sus ajustes debajo del lienzo</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Saved, with the flow of %1.</source>
        <translation>Guardado, junto con la asignación de %1.</translation>
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
            <numerusform>%n número</numerusform>
            <numerusform>%n números</numerusform>
        </translation>
    </message>
    <message>
        <source>Call flow set up</source>
        <translation>Flujo de llamadas configurado</translation>
    </message>
    <message>
        <source>Create Call Flow</source>
        <translation>Crear flujo de llamadas</translation>
    </message>
    <message>
        <source>SMS flow set up</source>
        <translation>Flujo de SMS configurado</translation>
    </message>
    <message>
        <source>Create SMS Flow</source>
        <translation>Crear flujo de SMS</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flujo</translation>
    </message>
    <message>
        <source>Applets</source>
        <translation>Applets</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Números</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>Sin número</translation>
    </message>
    <message>
        <source>No number uses this flow yet. Click to assign one.</source>
        <translation>Ningún número usa este flujo todavía. Haga clic para asignar uno.</translation>
    </message>
    <message>
        <source>Used by %1. Click to assign numbers.</source>
        <translation>Usado por %1. Haga clic para asignar números.</translation>
    </message>
    <message>
        <source>Calls to this flow&apos;s numbers are rejected until it has a call flow.</source>
        <translation>Las llamadas a los números de este flujo se rechazan hasta que tenga un flujo de llamadas.</translation>
    </message>
    <message>
        <source>Texts to this flow&apos;s numbers are dropped until it has an SMS flow.</source>
        <translation>Los SMS a los números de este flujo se descartan hasta que tenga un flujo de SMS.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowsNumbersEdits</name>
    <message>
        <source>Give the flow a name.</source>
        <translation>Asigne un nombre al flujo.</translation>
    </message>
    <message>
        <source>There is already a flow called &quot;%1&quot;.</source>
        <translation>Ya existe un flujo llamado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Write the number in E.164 form: + and the country code, then the number, without spaces (like +15125550100).</source>
        <translation>Escriba el número en formato E.164: + y el código de país, seguido del número, sin espacios (como +15125550100).</translation>
    </message>
    <message>
        <source>%1 is already one of your numbers.</source>
        <translation>%1 ya es uno de sus números.</translation>
    </message>
    <message>
        <source>Write the number in E.164 form, like +15125550666.</source>
        <translation>Escriba el número en formato E.164, como +15125550666.</translation>
    </message>
    <message>
        <source>%1 is blocked already.</source>
        <translation>%1 ya está bloqueado.</translation>
    </message>
    <message>
        <source>Create flow %1</source>
        <translation>Crear el flujo %1</translation>
    </message>
    <message>
        <source>Create flow %1 for %2</source>
        <translation>Crear el flujo %1 para %2</translation>
    </message>
    <message>
        <source>Rename flow %1 to %2</source>
        <translation>Renombrar el flujo %1 como %2</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copia)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (copia %2)</translation>
    </message>
    <message>
        <source>Duplicate flow %1</source>
        <translation>Duplicar el flujo %1</translation>
    </message>
    <message>
        <source>Delete flow %1</source>
        <translation>Eliminar el flujo %1</translation>
    </message>
    <message>
        <source>Take %1 off flow %2</source>
        <translation>Quitar %1 del flujo %2</translation>
    </message>
    <message>
        <source>Route %1 to flow %2</source>
        <translation>Dirigir %1 al flujo %2</translation>
    </message>
    <message>
        <source>Move %1 from flow %2 to %3</source>
        <translation>Mover %1 del flujo %2 a %3</translation>
    </message>
    <message>
        <source>Add number %1</source>
        <translation>Añadir el número %1</translation>
    </message>
    <message>
        <source>Edit number %1</source>
        <translation>Editar el número %1</translation>
    </message>
    <message>
        <source>Remove number %1</source>
        <translation>Quitar el número %1</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Bloquear %1</translation>
    </message>
    <message>
        <source>Mark %1 as spam</source>
        <translation>Marcar %1 como spam</translation>
    </message>
    <message>
        <source>%1 is blocked: its calls are rejected and its texts dropped.</source>
        <translation>%1 está bloqueado: sus llamadas se rechazan y sus SMS se descartan.</translation>
    </message>
    <message>
        <source>Unblock %1</source>
        <translation>Desbloquear %1</translation>
    </message>
    <message numerus="yes">
        <source>Import %n number(s) from the carrier</source>
        <translation>
            <numerusform>Importar %n número del operador</numerusform>
            <numerusform>Importar %n números del operador</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: done. Save (Ctrl+S) to keep it, push to make it live.</source>
        <translation>%1: hecho. Guarde (Ctrl+S) para conservarlo y envíelo para que se aplique.</translation>
    </message>
    <message>
        <source>%1: done; %2 Save (Ctrl+S) to keep it.</source>
        <translation>%1: hecho; %2 Guarde (Ctrl+S) para conservarlo.</translation>
    </message>
</context>
<context>
    <name>Switchboard::FlowsPage</name>
    <message>
        <source>Flows</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>Double-click a flow to open it in the flow builder.</source>
        <translation>Haga doble clic en un flujo para abrirlo en el editor de flujos.</translation>
    </message>
    <message>
        <source>Create a New Flow</source>
        <translation>Crear un flujo nuevo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Flow name:</source>
        <translation>Nombre del flujo:</translation>
    </message>
    <message>
        <source>Delete flow</source>
        <translation>Eliminar flujo</translation>
    </message>
    <message>
        <source>Delete the flow &quot;%1&quot;?</source>
        <translation>¿Eliminar el flujo &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>No number uses it.</source>
        <translation>Ningún número lo usa.</translation>
    </message>
    <message>
        <source>These numbers will have no flow, and their calls and texts will be rejected until they get one:
%1</source>
        <translation>Estos números se quedarán sin flujo, y sus llamadas y SMS se rechazarán hasta que tengan uno:
%1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Take %1 (%2) off this flow</source>
        <translation>Quitar %1 (%2) de este flujo</translation>
    </message>
    <message>
        <source>Assign a number</source>
        <translation>Asignar un número</translation>
    </message>
    <message>
        <source>Move a number here</source>
        <translation>Mover un número aquí</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, from %2</source>
        <translation>%1, desde %2</translation>
    </message>
    <message>
        <source>Move number</source>
        <translation>Mover número</translation>
    </message>
    <message>
        <source>%1 now uses the flow &quot;%2&quot;. Move it to &quot;%3&quot;?</source>
        <translation>%1 usa ahora el flujo &quot;%2&quot;. ¿Moverlo a &quot;%3&quot;?</translation>
    </message>
    <message>
        <source>You can look at the flows; only admins change them.</source>
        <translation>Puede ver los flujos; solo los administradores los cambian.</translation>
    </message>
    <message>
        <source>Numbers…</source>
        <translation>Números…</translation>
    </message>
    <message>
        <source>Give this flow a number, or move one to it</source>
        <translation>Dar un número a este flujo o mover uno a él</translation>
    </message>
</context>
<context>
    <name>Switchboard::GroupDialog</name>
    <message>
        <source>Optional, e.g. Sales or Customer Care</source>
        <translation>Opcional, p. ej., Ventas o Atención al cliente</translation>
    </message>
    <message>
        <source>Give the group a name.</source>
        <translation>Asigne un nombre al grupo.</translation>
    </message>
    <message>
        <source>There is already a group called &quot;%1&quot;.</source>
        <translation>Ya existe un grupo llamado &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Departamento:</translation>
    </message>
    <message>
        <source>These flows use this group; they will show the new name:</source>
        <translation>Estos flujos usan este grupo; mostrarán el nuevo nombre:</translation>
    </message>
</context>
<context>
    <name>Switchboard::GroupsModel</name>
    <message>
        <source>No members</source>
        <translation>Sin miembros</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n miembro</numerusform>
            <numerusform>%n miembros</numerusform>
        </translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>This group has no members yet: a call to it rings nobody. Drag users onto it to add them.</source>
        <translation>Este grupo aún no tiene miembros: una llamada al grupo no hace sonar a nadie. Arrastre usuarios sobre él para añadirlos.</translation>
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
        <translation>Mensaje de voz, %1</translation>
    </message>
    <message>
        <source>Voicemail, %1: %2</source>
        <translation>Mensaje de voz, %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 [%n attachment(s)]</source>
        <translation>
            <numerusform>%1 [%n adjunto]</numerusform>
            <numerusform>%1 [%n adjuntos]</numerusform>
        </translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrada</translation>
    </message>
    <message>
        <source>%1, closed</source>
        <translation>%1, cerrada</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignado a</translation>
    </message>
</context>
<context>
    <name>Switchboard::InboxPage</name>
    <message>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <source>Mark &amp;unread</source>
        <translation>Marcar como no &amp;leído</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Close conversation</source>
        <translation>&amp;Cerrar conversación</translation>
    </message>
    <message>
        <source>&amp;Send reply</source>
        <translation>Enviar &amp;respuesta</translation>
    </message>
    <message>
        <source>Which groups&apos; calls and texts you take, and whether you are available</source>
        <translation>De qué grupos recibe llamadas y SMS, y si está disponible</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Actualizar (F5)</translation>
    </message>
    <message>
        <source>Mark read or unread (Ctrl+U)</source>
        <translation>Marcar como leído o no leído (Ctrl+U)</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Eliminar (Supr)</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Escriba una respuesta…</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Enviar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>My messages</source>
        <translation>Mis mensajes</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Voicemails</source>
        <translation>Mensajes de voz</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose a message.</source>
        <translation>Elija un mensaje.</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>No hay nada aquí.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>voicemail of %n second(s)</source>
        <translation>
            <numerusform>mensaje de voz de %n segundo</numerusform>
            <numerusform>mensaje de voz de %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>sin asignar</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>asignado a %1</translation>
    </message>
    <message>
        <source>conversation closed</source>
        <translation>conversación cerrada</translation>
    </message>
    <message>
        <source>conversation open</source>
        <translation>conversación abierta</translation>
    </message>
    <message>
        <source>No transcription.</source>
        <translation>Sin transcripción.</translation>
    </message>
    <message>
        <source>Attachment: %1</source>
        <translation>Adjunto: %1</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Marcar como &amp;leído</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete this message for everyone who reads this inbox?</source>
        <translation>¿Eliminar este mensaje para todas las personas que leen esta bandeja de entrada?</translation>
    </message>
    <message>
        <source>Texts and voicemails are kept by the routing backend. Sign in to it, and &quot;My messages&quot; and your groups&apos; inboxes appear here.</source>
        <translation>Los mensajes y buzones de voz los guarda el backend de enrutamiento. Inicie sesión en él y aquí aparecerán &quot;Mis mensajes&quot; y las bandejas de sus grupos.</translation>
    </message>
    <message>
        <source>Sign &amp;in to the backend…</source>
        <translation>&amp;Iniciar sesión en el backend…</translation>
    </message>
    <message>
        <source>Only admins, and managers in their groups&apos; inboxes, delete messages.</source>
        <translation>Solo los administradores, y los gerentes en las bandejas de sus grupos, borran mensajes.</translation>
    </message>
    <message>
        <source>Mark read or unread</source>
        <translation>Marcar como leído o no leído</translation>
    </message>
    <message>
        <source>Active Gr&amp;oups…</source>
        <translation>Grupos ac&amp;tivos…</translation>
    </message>
    <message>
        <source>Assig&amp;n</source>
        <translation>Asig&amp;nar</translation>
    </message>
    <message>
        <source>Your reply was not sent: the backend has no carrier account to send texts with yet. Ask an admin to set it up; your text is kept here.</source>
        <translation>Tu respuesta no se envió: el backend aún no tiene una cuenta del operador para enviar mensajes. Pide a un administrador que la configure; tu texto se conserva aquí.</translation>
    </message>
    <message>
        <source>Your reply was not sent: %1</source>
        <translation>Tu respuesta no se envió: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::Inspector</name>
    <message>
        <source>Select an applet on the canvas to see its settings here. Drag applets from the palette into the dotted slots.</source>
        <translation>Seleccione un applet en el lienzo para ver aquí sus ajustes. Arrastre applets desde la paleta hasta los espacios punteados.</translation>
    </message>
    <message>
        <source>Name this applet (optional)</source>
        <translation>Asigne un nombre a este applet (opcional)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>No se cambió: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::MainWindow</name>
    <message>
        <source>Users &amp; Groups</source>
        <translation>Usuarios y grupos</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>Phone Numbers</source>
        <translation>Números de teléfono</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save the changes to %1</source>
        <translation>Guardar los cambios en %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Enviar</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Abierto: %1</translation>
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
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>No se puede guardar</translation>
    </message>
    <message>
        <source>The changes could not be saved. They are still here, and you can try again.

%1</source>
        <translation>No se pudieron guardar los cambios. Siguen aquí y se puede volver a intentar.

%1</translation>
    </message>
    <message>
        <source>Save your changes before closing?</source>
        <translation>¿Guardar los cambios antes de cerrar?</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>No hay nada que deshacer</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>Deshacer %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>No hay nada que rehacer</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>Rehacer %1</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) not fully routed</source>
        <translation>
            <numerusform>%n número sin enrutamiento completo</numerusform>
            <numerusform>%n números sin enrutamiento completo</numerusform>
        </translation>
    </message>
    <message>
        <source>Active &amp;Groups…</source>
        <translation>Grupos ac&amp;tivos…</translation>
    </message>
    <message>
        <source>Which groups&apos; calls and texts you take now, and whether you are available</source>
        <translation>De qué grupos recibe ahora llamadas y SMS, y si está disponible</translation>
    </message>
    <message>
        <source>&amp;Test Call…</source>
        <translation>&amp;Llamada de prueba…</translation>
    </message>
    <message>
        <source>Run a call or a text through the flows, unsaved changes included, and see its route</source>
        <translation>Simular una llamada o un SMS en los flujos, con los cambios sin guardar incluidos, y ver su ruta</translation>
    </message>
    <message>
        <source>Send the configuration to %1</source>
        <translation>Enviar la configuración a %1</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign in to the routing backend</source>
        <translation>Iniciar sesión en el backend de enrutamiento</translation>
    </message>
    <message>
        <source>Push &amp;History…</source>
        <translation>&amp;Historial de envíos…</translation>
    </message>
    <message>
        <source>The revisions pushed to the backend, by whom and when</source>
        <translation>Las revisiones enviadas al backend, por quién y cuándo</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again; your unsaved changes are kept.</source>
        <translation>Su sesión ha terminado. Inicie sesión de nuevo; sus cambios sin guardar se conservan.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>End your session on the backend and forget it on this computer</source>
        <translation>Terminar su sesión en el backend y olvidarla en este equipo</translation>
    </message>
    <message>
        <source>Send the configuration to the routing backend (set up with Sign in… first)</source>
        <translation>Enviar la configuración al backend de enrutamiento (primero configúrelo con Iniciar sesión…)</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Sesión iniciada como %1</translation>
    </message>
    <message>
        <source>Signed in with the admin token</source>
        <translation>Sesión iniciada con el token de administración</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Acerca de Switchboard</translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>Acerca de Switchboard</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Call and SMS routing for your phone numbers: flows, groups and inboxes, pushed to your routing backend.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Switchboard %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Enrutamiento de llamadas y SMS para sus números: flujos, grupos y bandejas, enviados a su backend de enrutamiento.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Barra de herramientas</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Colores</translation>
    </message>
    <message>
        <source>As the &amp;Desktop</source>
        <translation>Como el &amp;escritorio</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>C&amp;laro</translation>
    </message>
    <message>
        <source>D&amp;ark</source>
        <translation>&amp;Oscuro</translation>
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
        <translation>&quot;%1&quot; no es un usuario de esta organización.</translation>
    </message>
    <message>
        <source>Member (ring order)</source>
        <translation>Miembro (orden de llamada)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>Quitar del grupo</translation>
    </message>
    <message>
        <source>Whether %1 is rung for calls to this group</source>
        <translation>Indica si %1 recibe las llamadas dirigidas a este grupo</translation>
    </message>
    <message>
        <source>Whether %1 gets texts for this group</source>
        <translation>Indica si %1 recibe los SMS dirigidos a este grupo</translation>
    </message>
    <message>
        <source>Remove %1 from %2</source>
        <translation>Quitar a %1 de %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>Switchboard::NumberDialog</name>
    <message>
        <source>Add Number</source>
        <translation>Añadir número</translation>
    </message>
    <message>
        <source>e.g. Main line, Spanish line</source>
        <translation>p. ej., Línea principal, Línea en español</translation>
    </message>
    <message>
        <source>✓ A valid number.</source>
        <translation>✓ Un número válido.</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Número:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
</context>
<context>
    <name>Switchboard::NumbersModel</name>
    <message>
        <source>No flow: calls and texts to this number are rejected.</source>
        <translation>Sin flujo: se rechazan las llamadas y los SMS a este número.</translation>
    </message>
    <message>
        <source>Its flow &quot;%1&quot; does not exist.</source>
        <translation>Su flujo &quot;%1&quot; no existe.</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; has neither a call flow nor an SMS flow.</source>
        <translation>El flujo &quot;%1&quot; no tiene flujo de llamadas ni flujo de SMS.</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; has no call flow: calls are rejected.</source>
        <translation>El flujo &quot;%1&quot; no tiene flujo de llamadas: se rechazan las llamadas.</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; has no SMS flow: texts are dropped.</source>
        <translation>El flujo &quot;%1&quot; no tiene flujo de SMS: se descartan los SMS.</translation>
    </message>
    <message>
        <source>No flow</source>
        <translation>Sin flujo</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flujo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Calls and texts are routed</source>
        <translation>Las llamadas y los SMS se enrutan</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Sign in to the backend as an admin or a manager to see the carrier account&apos;s numbers.</source>
        <translation>Inicie sesión en el backend como administrador o gerente para ver los números de la cuenta del operador.</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>ningún sitio</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at the carrier.
</source>
        <translation>&quot;%1&quot; en el operador.
</translation>
    </message>
    <message>
        <source>Calls and texts to this number reach this backend.</source>
        <translation>Las llamadas y los SMS a este número llegan a este backend.</translation>
    </message>
    <message>
        <source>The carrier sends calls to %1 and texts to %2; this backend takes them at %3 and %4. &quot;Wire to Backend&quot; points them here.</source>
        <translation>El operador envía las llamadas a %1 y los SMS a %2; este backend los recibe en %3 y %4. &quot;Conectar con el backend&quot; los dirige aquí.</translation>
    </message>
    <message>
        <source>The carrier account has no such number: calls and texts to it never reach this backend.</source>
        <translation>La cuenta del operador no tiene este número: las llamadas y los SMS a él nunca llegan a este backend.</translation>
    </message>
    <message>
        <source>✓ wired</source>
        <translation>✓ conectado</translation>
    </message>
    <message>
        <source>⚠ points elsewhere</source>
        <translation>⚠ apunta a otro sitio</translation>
    </message>
    <message>
        <source>✗ not in the account</source>
        <translation>✗ no está en la cuenta</translation>
    </message>
    <message>
        <source>Click, or press Enter, to choose this number&apos;s flow.</source>
        <translation>Haga clic o pulse Intro para elegir el flujo de este número.</translation>
    </message>
    <message>
        <source>Calls and texts to this number run its flow.</source>
        <translation>Las llamadas y SMS a este número siguen su flujo.</translation>
    </message>
    <message>
        <source>%1
Open the flow &quot;%2&quot; (Flows page) and build what it lacks on its Call flow or SMS flow tab.</source>
        <translation>%1
Abra el flujo &quot;%2&quot; (página Flujos) y construya lo que le falta en su pestaña de llamadas o de SMS.</translation>
    </message>
    <message>
        <source>%1
Choose a flow in the Flow column.</source>
        <translation>%1
Elija un flujo en la columna Flujo.</translation>
    </message>
</context>
<context>
    <name>Switchboard::NumbersPage</name>
    <message>
        <source>Phone Numbers</source>
        <translation>Números de teléfono</translation>
    </message>
    <message>
        <source>Blocked Numbers</source>
        <translation>Números bloqueados</translation>
    </message>
    <message>
        <source>Add Number…</source>
        <translation>Añadir número…</translation>
    </message>
    <message>
        <source>Remove Number</source>
        <translation>Quitar número</translation>
    </message>
    <message>
        <source>Number to block, e.g. +15125550666</source>
        <translation>Número que bloquear, p. ej., +15125550666</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Mark %1 as Spam</source>
        <translation>Marcar %1 como spam</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>No flow</source>
        <translation>Sin flujo</translation>
    </message>
    <message>
        <source>Create new flow…</source>
        <translation>Crear un flujo nuevo…</translation>
    </message>
    <message>
        <source>Create a New Flow</source>
        <translation>Crear un flujo nuevo</translation>
    </message>
    <message>
        <source>Flow name:</source>
        <translation>Nombre del flujo:</translation>
    </message>
    <message>
        <source>You can look at the numbers; only admins change them.</source>
        <translation>Puede ver los números; solo los administradores los cambian.</translation>
    </message>
    <message>
        <source>Import from Carrier</source>
        <translation>Importar del operador</translation>
    </message>
    <message>
        <source>Wire to Backend</source>
        <translation>Conectar con el backend</translation>
    </message>
    <message>
        <source>Sign in to the backend as an admin first.</source>
        <translation>Inicie sesión antes en el backend como administrador.</translation>
    </message>
    <message>
        <source>Only admins change the carrier account&apos;s numbers.</source>
        <translation>Solo los administradores cambian los números de la cuenta del operador.</translation>
    </message>
    <message>
        <source>Add the carrier account&apos;s numbers that are not listed here, labelled with their names there</source>
        <translation>Añadir los números de la cuenta del operador que no figuran aquí, con sus nombres de allí como etiqueta</translation>
    </message>
    <message>
        <source>Point the selected numbers (none selected: every number the backend routes) at this backend, at the carrier. Push first.</source>
        <translation>Dirigir en el operador los números seleccionados (ninguno seleccionado: todos los que enruta el backend) a este backend. Envíe antes la configuración.</translation>
    </message>
    <message>
        <source>Sign in to the backend as an admin or a manager to see the carrier account&apos;s numbers.</source>
        <translation>Inicie sesión en el backend como administrador o gerente para ver los números de la cuenta del operador.</translation>
    </message>
    <message>
        <source>The backend could not list the carrier account&apos;s numbers: %1</source>
        <translation>El backend no pudo listar los números de la cuenta del operador: %1</translation>
    </message>
    <message>
        <source>Asking the carrier account for its numbers…</source>
        <translation>Preguntando a la cuenta del operador por sus números…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message numerus="yes">
        <source>Added %n number(s) from the carrier account; give them a flow, save and push.</source>
        <translation>
            <numerusform>Se añadió %n número de la cuenta del operador; asígnele un flujo, guarde y envíe.</numerusform>
            <numerusform>Se añadieron %n números de la cuenta del operador; asígneles un flujo, guarde y envíe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every number of the carrier account is listed here already.</source>
        <translation>Todos los números de la cuenta del operador ya figuran aquí.</translation>
    </message>
    <message>
        <source>This organization has changes not pushed yet: the backend wired the numbers as its last push routes them.</source>
        <translation>Esta organización tiene cambios aún no enviados: el backend conectó los números según los enruta el último envío.</translation>
    </message>
    <message>
        <source>Wiring…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Not wired: %1</source>
        <translation>No se conectó: %1</translation>
    </message>
    <message>
        <source>No number was wired.</source>
        <translation>No se conectó ningún número.</translation>
    </message>
    <message>
        <source>Wired to this backend: %1.</source>
        <translation>Conectados con este backend: %1.</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>Se omitió %1: %2</translation>
    </message>
    <message>
        <source>Right-click a contact (or press the Menu key on one) to mark their number as spam.</source>
        <translation>Haga clic con el botón derecho en un contacto (o pulse la tecla de menú sobre él) para marcar su número como spam.</translation>
    </message>
</context>
<context>
    <name>Switchboard::OrganizationDocument</name>
    <message>
        <source>The flow &quot;%1&quot; no longer exists.</source>
        <translation>El flujo &quot;%1&quot; ya no existe.</translation>
    </message>
    <message>
        <source>Edit flow %1</source>
        <translation>Editar el flujo %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::PushController</name>
    <message numerus="yes">
        <source>Not pushed: the configuration has %n error(s).</source>
        <translation>
            <numerusform>No se envió: la configuración tiene %n error.</numerusform>
            <numerusform>No se envió: la configuración tiene %n errores.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not pushed.</source>
        <translation>No se envió.</translation>
    </message>
    <message>
        <source>Sending the configuration to %1…</source>
        <translation>Enviando la configuración a %1…</translation>
    </message>
    <message>
        <source>The configuration changed on the backend; fetching what changed…</source>
        <translation>La configuración cambió en el servidor; obteniendo los cambios…</translation>
    </message>
    <message>
        <source>Not reloaded.</source>
        <translation>No se recargó.</translation>
    </message>
    <message>
        <source>Reload revision %1 from the backend</source>
        <translation>Recargar la revisión %1 desde el servidor</translation>
    </message>
    <message>
        <source>Reloaded revision %1 from the backend. Save to keep it here.</source>
        <translation>Se recargó la revisión %1 desde el servidor. Guarde para conservarla aquí.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Your configuration was written to %1; the backend keeps revision %2.</source>
        <translation>Su configuración se escribió en %1; el servidor conserva la revisión %2.</translation>
    </message>
    <message>
        <source>Not pushed: the backend keeps revision %1.</source>
        <translation>No se envió: el servidor conserva la revisión %1.</translation>
    </message>
</context>
<context>
    <name>Switchboard::PushHistoryDialog</name>
    <message>
        <source>Push history</source>
        <translation>Historial de envíos</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Nothing has been pushed yet.</source>
        <translation>Todavía no se ha enviado nada.</translation>
    </message>
    <message>
        <source>the admin token</source>
        <translation>el token de administración</translation>
    </message>
</context>
<context>
    <name>Switchboard::ReplyList</name>
    <message>
        <source>◷ queued</source>
        <translation>◷ en cola</translation>
    </message>
    <message>
        <source>◷ queued: %1</source>
        <translation>◷ en cola: %1</translation>
    </message>
    <message>
        <source>✓ sent</source>
        <translation>✓ enviado</translation>
    </message>
    <message>
        <source>✓✓ delivered</source>
        <translation>✓✓ entregado</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ falló</translation>
    </message>
    <message>
        <source>✗ failed: %1</source>
        <translation>✗ falló: %1</translation>
    </message>
    <message>
        <source>✗ not delivered</source>
        <translation>✗ no entregado</translation>
    </message>
    <message>
        <source>✗ not delivered: %1</source>
        <translation>✗ no entregado: %1</translation>
    </message>
    <message>
        <source>You replied: %1</source>
        <translation>Usted respondió: %1</translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation>Escrito %1</translation>
    </message>
    <message>
        <source>taken by the carrier %1</source>
        <translation>aceptado por el operador %1</translation>
    </message>
    <message>
        <source>last change %1</source>
        <translation>último cambio %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n intento</numerusform>
            <numerusform>%n intentos</numerusform>
        </translation>
    </message>
    <message>
        <source>Send the reply &quot;%1&quot; again</source>
        <translation>Enviar de nuevo la respuesta &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Send this reply again</source>
        <translation>Enviar de nuevo esta respuesta</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Enviar de n&amp;uevo</translation>
    </message>
</context>
<context>
    <name>Switchboard::ReplySender</name>
    <message>
        <source>Not sent yet (try %1 of %2): %3</source>
        <translation>Aún no enviado (intento %1 de %2): %3</translation>
    </message>
    <message>
        <source>Not sent after %1 tries: %2</source>
        <translation>No enviado tras %1 intentos: %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::RouterServer</name>
    <message>
        <source>Use GET.</source>
        <translation>Use GET.</translation>
    </message>
    <message>
        <source>The carrier&apos;s webhooks are POSTs.</source>
        <translation>Los webhooks del operador son solicitudes POST.</translation>
    </message>
    <message>
        <source>There is nothing at %1.</source>
        <translation>No hay nada en %1.</translation>
    </message>
    <message>
        <source>The request&apos;s signature is missing or wrong.</source>
        <translation>Falta la firma de la solicitud o es incorrecta.</translation>
    </message>
    <message>
        <source>Use GET or PUT.</source>
        <translation>Use GET o PUT.</translation>
    </message>
    <message>
        <source>Nothing has been pushed yet.</source>
        <translation>Todavía no se ha enviado nada.</translation>
    </message>
    <message>
        <source>Use POST.</source>
        <translation>Use POST.</translation>
    </message>
    <message>
        <source>There is no revision %1.</source>
        <translation>No existe la revisión %1.</translation>
    </message>
    <message>
        <source>There is no inbox item %1.</source>
        <translation>No existe el elemento %1 de la bandeja de entrada.</translation>
    </message>
    <message>
        <source>Use GET, PATCH or DELETE.</source>
        <translation>Use GET, PATCH o DELETE.</translation>
    </message>
    <message>
        <source>Use PUT.</source>
        <translation>Use PUT.</translation>
    </message>
    <message>
        <source>The document is larger than 32 MiB.</source>
        <translation>El documento supera los 32 MiB.</translation>
    </message>
    <message>
        <source>Say which revision you changed: If-Match: &quot;%1&quot;.</source>
        <translation>Indique qué revisión modificó: If-Match: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The configuration changed since revision %1: it is at %2 now.</source>
        <translation>La configuración ha cambiado desde la revisión %1: ahora está en la %2.</translation>
    </message>
    <message>
        <source>The document has errors; nothing was changed.</source>
        <translation>El documento tiene errores; no se modificó nada.</translation>
    </message>
    <message>
        <source>Someone pushed first.</source>
        <translation>Otra persona envió una configuración antes.</translation>
    </message>
    <message>
        <source>The revision could not be kept: %1</source>
        <translation>No se pudo guardar la revisión: %1</translation>
    </message>
    <message>
        <source>owner is user:ID or group:ID.</source>
        <translation>owner es user:ID o group:ID.</translation>
    </message>
    <message>
        <source>kind is sms or voicemail.</source>
        <translation>kind es sms o voicemail.</translation>
    </message>
    <message>
        <source>The body must be a JSON object.</source>
        <translation>El cuerpo de la solicitud debe ser un objeto JSON.</translation>
    </message>
    <message>
        <source>%1 is true or false.</source>
        <translation>%1 es true o false.</translation>
    </message>
    <message>
        <source>An inbox item has no &quot;%1&quot; to change (read, archived, assigned_to, closed).</source>
        <translation>Un elemento de la bandeja de entrada no tiene ningún campo &quot;%1&quot; que se pueda modificar (read, archived, assigned_to, closed).</translation>
    </message>
    <message>
        <source>Presence has &quot;available&quot; (true or false) and &quot;groups&quot; ({&quot;sales&quot;: {&quot;voice&quot;: true, &quot;sms&quot;: false}}).</source>
        <translation>La presencia tiene &quot;available&quot; (true o false) y &quot;groups&quot; ({&quot;sales&quot;: {&quot;voice&quot;: true, &quot;sms&quot;: false}}).</translation>
    </message>
    <message>
        <source>archived is true or false.</source>
        <translation>archived es true o false.</translation>
    </message>
    <message>
        <source>A reply has a &quot;body&quot; of 1 to 1600 characters.</source>
        <translation>Una respuesta tiene un &quot;body&quot; de 1 a 1600 caracteres.</translation>
    </message>
    <message>
        <source>Only texts can be answered with a text.</source>
        <translation>Solo los SMS se pueden responder con un SMS.</translation>
    </message>
    <message>
        <source>The database cannot be read: %1</source>
        <translation>No se puede leer la base de datos: %1</translation>
    </message>
    <message>
        <source>The transcription could not be kept: %1</source>
        <translation>No se pudo guardar la transcripción: %1</translation>
    </message>
    <message>
        <source>A webhook has at most %1 form fields.</source>
        <translation>Un webhook tiene como máximo %1 campos de formulario.</translation>
    </message>
    <message>
        <source>The database cannot be read.</source>
        <translation>No se puede leer la base de datos.</translation>
    </message>
    <message>
        <source>The backend cannot keep this request now; try again.</source>
        <translation>El servidor no puede guardar esta petición ahora; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This needs &quot;Authorization: Bearer TOKEN&quot;: sign in first.</source>
        <translation>Hace falta &quot;Authorization: Bearer TOKEN&quot;: inicie sesión primero.</translation>
    </message>
    <message>
        <source>That token is not valid here: sign in again.</source>
        <translation>Ese token no es válido aquí: inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Only admins and managers may do this.</source>
        <translation>Solo administradores y gerentes pueden hacer esto.</translation>
    </message>
    <message>
        <source>Use POST or DELETE.</source>
        <translation>Use POST o DELETE.</translation>
    </message>
    <message>
        <source>The admin token has no password: it is the content of the file given to --admin-token-file.</source>
        <translation>El token de administración no tiene contraseña: es el contenido del archivo indicado con --admin-token-file.</translation>
    </message>
    <message>
        <source>Only admins may set other people&apos;s passwords.</source>
        <translation>Solo los administradores pueden fijar contraseñas de otras personas.</translation>
    </message>
    <message>
        <source>Only admins, and managers for their groups&apos; inboxes, may delete inbox items.</source>
        <translation>Solo los administradores, y los gerentes en las bandejas de sus grupos, pueden borrar elementos.</translation>
    </message>
    <message>
        <source>Managers may change users and groups only, may make no one admin and may not change admins; nothing was changed.</source>
        <translation>Los gerentes solo pueden cambiar usuarios y grupos, no pueden hacer administrador a nadie ni cambiar a los administradores; no se cambió nada.</translation>
    </message>
    <message>
        <source>You may not read the inbox of %1.</source>
        <translation>No puede leer la bandeja de %1.</translation>
    </message>
    <message>
        <source>Agents may change their own presence only.</source>
        <translation>Los agentes solo pueden cambiar su propia disponibilidad.</translation>
    </message>
    <message>
        <source>Sign in with {&quot;login&quot;: an e-mail address or a user id, &quot;password&quot;}.</source>
        <translation>Inicie sesión con {&quot;login&quot;: una dirección de correo o un id de usuario, &quot;password&quot;}.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins for this login: try again in %n minute(s).</source>
        <translation>
            <numerusform>Demasiados inicios de sesión fallidos para este usuario: vuelva a intentarlo en %n minuto.</numerusform>
            <numerusform>Demasiados inicios de sesión fallidos para este usuario: vuelva a intentarlo en %n minutos.</numerusform>
        </translation>
    </message>
    <message>
        <source>That login and password do not match.</source>
        <translation>El usuario y la contraseña no coinciden.</translation>
    </message>
    <message>
        <source>The admin token does not end: change the file given to --admin-token-file.</source>
        <translation>El token de administración no caduca: cambie el archivo indicado con --admin-token-file.</translation>
    </message>
    <message>
        <source>Send {&quot;current&quot;, &quot;password&quot;}.</source>
        <translation>Envíe {&quot;current&quot;, &quot;password&quot;}.</translation>
    </message>
    <message>
        <source>Send {&quot;password&quot;}.</source>
        <translation>Envíe {&quot;password&quot;}.</translation>
    </message>
    <message>
        <source>A password has at least %1 characters.</source>
        <translation>Una contraseña tiene al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>There is no user %1 in the current configuration.</source>
        <translation>No hay ningún usuario %1 en la configuración actual.</translation>
    </message>
    <message>
        <source>The password could not be hashed now; try again.</source>
        <translation>No se pudo cifrar la contraseña ahora; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This backend has no carrier account: start it with --carrier-account-sid (or TWILIO_ACCOUNT_SID) to send texts, play recordings and wire numbers.</source>
        <translation>Este backend no tiene cuenta del operador: inícielo con --carrier-account-sid (o TWILIO_ACCOUNT_SID) para enviar SMS, reproducir grabaciones y conectar números.</translation>
    </message>
    <message>
        <source>There is no reply %1 to this item.</source>
        <translation>No hay ninguna respuesta %1 a este elemento.</translation>
    </message>
    <message>
        <source>Only a failed or undelivered reply can be sent again; this one is %1.</source>
        <translation>Solo se puede reenviar una respuesta fallida o no entregada; esta está %1.</translation>
    </message>
    <message>
        <source>Inbox item %1 has no recording.</source>
        <translation>El elemento %1 de la bandeja no tiene grabación.</translation>
    </message>
    <message>
        <source>The recording&apos;s address is not on the carrier&apos;s API host (%1), so it is not fetched.</source>
        <translation>La dirección de la grabación no está en el host de la API del operador (%1), así que no se obtiene.</translation>
    </message>
    <message>
        <source>The carrier did not give the recording: %1</source>
        <translation>El operador no entregó la grabación: %1</translation>
    </message>
    <message>
        <source>A status callback has a MessageSid and a MessageStatus.</source>
        <translation>Una notificación de estado tiene MessageSid y MessageStatus.</translation>
    </message>
    <message>
        <source>The carrier reported error %1.</source>
        <translation>El operador informó del error %1.</translation>
    </message>
    <message>
        <source>%1 (carrier error %2)</source>
        <translation>%1 (error %2 del operador)</translation>
    </message>
    <message>
        <source>Only admins may wire numbers.</source>
        <translation>Solo los administradores pueden conectar números.</translation>
    </message>
    <message>
        <source>The carrier did not list the account&apos;s numbers: %1</source>
        <translation>El operador no listó los números de la cuenta: %1</translation>
    </message>
    <message>
        <source>&quot;numbers&quot; is a list of numbers.</source>
        <translation>&quot;numbers&quot; es una lista de números.</translation>
    </message>
    <message>
        <source>The current configuration does not route it.</source>
        <translation>La configuración actual no lo enruta.</translation>
    </message>
    <message>
        <source>The carrier account does not have it.</source>
        <translation>La cuenta del operador no lo tiene.</translation>
    </message>
    <message>
        <source>The carrier did not wire %1: %2</source>
        <translation>El operador no conectó %1: %2</translation>
    </message>
    <message>
        <source>The carrier did not wire %1: %2 (wired before it: %3)</source>
        <translation>El operador no conectó %1: %2 (conectados antes: %3)</translation>
    </message>
    <message>
        <source>The backend is waiting on the carrier for other requests already; try again in a moment.</source>
        <translation>El backend ya está esperando al operador para otras solicitudes; inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>Switchboard::RowDragView</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Switchboard::ShortcutsDialog</name>
    <message>
        <source>Everywhere</source>
        <translation>En todas partes</translation>
    </message>
    <message>
        <source>Flow builder canvas</source>
        <translation>Lienzo del editor de flujos</translation>
    </message>
    <message>
        <source>Move to the nearest applet or slot</source>
        <translation>Ir al applet o hueco más cercano</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Teclas de flecha</translation>
    </message>
    <message>
        <source>Return, Space, Shift+F10, Menu</source>
        <translation>Intro, Espacio, Mayús+F10, Menú</translation>
    </message>
    <message>
        <source>Delete the selected applet</source>
        <translation>Eliminar el applet seleccionado</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Supr</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Add an applet to the selected slot</source>
        <translation>Añadir un applet en la ranura seleccionada</translation>
    </message>
    <message>
        <source>Return, Space</source>
        <translation>Intro, Espacio</translation>
    </message>
    <message>
        <source>The selected applet&apos;s menu: replace, settings, delete</source>
        <translation>Menú del applet seleccionado: sustituir, ajustes, eliminar</translation>
    </message>
    <message>
        <source>Shift+F10, Menu</source>
        <translation>Mayús+F10, Menú</translation>
    </message>
    <message>
        <source>Press the focused button</source>
        <translation>Pulsar el botón con el foco</translation>
    </message>
    <message>
        <source>Space, Return</source>
        <translation>Espacio, Intro</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Bandeja de entrada</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Enviar la respuesta</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Intro</translation>
    </message>
    <message>
        <source>A list&apos;s menu (Add to group, a flow, a member&apos;s calls)</source>
        <translation>Menú de una lista (Añadir al grupo, un flujo, llamadas de un miembro)</translation>
    </message>
</context>
<context>
    <name>Switchboard::SignInDialog</name>
    <message>
        <source>Use the backend&apos;s &amp;admin token instead (first setup)</source>
        <translation>Usar en su lugar el token de &amp;administración del backend (primera configuración)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar la conexión</translation>
    </message>
    <message>
        <source>Sign in to the routing backend</source>
        <translation>Iniciar sesión en el backend de enrutamiento</translation>
    </message>
    <message>
        <source>nancy@example.com</source>
        <translation>nancy@example.com</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Mostrar el token</translation>
    </message>
    <message>
        <source>none: the system&apos;s certificate authorities</source>
        <translation>ninguna: las autoridades de certificación del sistema</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Autoridad de certificación</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;E-mail or user id:</source>
        <translation>&amp;Correo o id de usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Admin &amp;token:</source>
        <translation>&amp;Token de administración:</translation>
    </message>
    <message>
        <source>&amp;Certificate authority:</source>
        <translation>Autoridad de &amp;certificación:</translation>
    </message>
    <message>
        <source>Your session is kept in a file only you can read.</source>
        <translation>Su sesión se guarda en un archivo que solo usted puede leer.</translation>
    </message>
    <message>
        <source>Your session is kept in the system keychain (or, where there is none, in a file only you can read), never in the database.</source>
        <translation>Su sesión se guarda en el llavero del sistema (o, si no hay, en un archivo que solo usted puede leer), nunca en la base de datos.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation>La URL debe empezar por http:// o https://.</translation>
    </message>
    <message>
        <source>The admin token is missing.</source>
        <translation>Falta el token de administración.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>The backend answers, at revision %1.</source>
        <translation>El backend responde, en la revisión %1.</translation>
    </message>
    <message>
        <source>Connected: the backend is at revision %1.</source>
        <translation>Conectado: el servidor está en la revisión %1.</translation>
    </message>
    <message>
        <source>Give your e-mail address (or user id) and your password.</source>
        <translation>Indique su dirección de correo (o id de usuario) y su contraseña.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Give the backend&apos;s URL first, such as https://phones.example.com.</source>
        <translation>Indique primero la URL del backend, por ejemplo https://phones.example.com.</translation>
    </message>
</context>
<context>
    <name>Switchboard::TestCallDialog</name>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Llamada</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>&amp;SMS</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>&amp;Show on Canvas</source>
        <translation>&amp;Ver en el lienzo</translation>
    </message>
    <message>
        <source>Test Call</source>
        <translation>Llamada de prueba</translation>
    </message>
    <message>
        <source>e.g. 1, 2</source>
        <translation>p. ej., 1, 2</translation>
    </message>
    <message>
        <source>One key (or a few) for each time a menu asks, in order. When they run out, the caller says nothing.</source>
        <translation>Una tecla (o varias) por cada vez que pregunta un menú, en orden. Cuando se agotan, quien llama ya no responde.</translation>
    </message>
    <message>
        <source>Picks up when one of their devices rings.</source>
        <translation>Contesta cuando suena uno de sus dispositivos.</translation>
    </message>
    <message>
        <source>Checked users are unavailable: the call does not ring them, and texts are not assigned to them.</source>
        <translation>Los usuarios marcados no están disponibles: la llamada no los hace sonar y no se les asignan SMS.</translation>
    </message>
    <message>
        <source>Hello</source>
        <translation>Hola</translation>
    </message>
    <message>
        <source>&amp;Number called:</source>
        <translation>&amp;Número llamado:</translation>
    </message>
    <message>
        <source>C&amp;aller&apos;s number:</source>
        <translation>Número de &amp;quien llama:</translation>
    </message>
    <message>
        <source>&amp;Keys pressed:</source>
        <translation>&amp;Teclas presionadas:</translation>
    </message>
    <message>
        <source>&amp;Who answers:</source>
        <translation>Quién &amp;contesta:</translation>
    </message>
    <message>
        <source>&amp;Unavailable:</source>
        <translation>No &amp;disponibles:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message>
        <source>The call</source>
        <translation>La llamada</translation>
    </message>
    <message>
        <source>The route</source>
        <translation>La ruta</translation>
    </message>
    <message>
        <source>Runs the routing engine here, on the configuration as it is being edited: unsaved changes count. Nobody is called.</source>
        <translation>Ejecuta aquí el motor de enrutamiento con la configuración tal como se está editando: los cambios sin guardar cuentan. No se llama a nadie.</translation>
    </message>
    <message>
        <source>Open the flow in the flow builder with the route drawn on it.</source>
        <translation>Abrir el flujo en el editor de flujos con la ruta dibujada.</translation>
    </message>
    <message>
        <source>Choose the call, then Run.</source>
        <translation>Elija la llamada y haga clic en Ejecutar.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 → flow &quot;%2&quot;</source>
        <translation>%1 → flujo &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: no flow</source>
        <translation>%1: sin flujo</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nadie</translation>
    </message>
    <message>
        <source>W&amp;hen (in %1):</source>
        <translation>&amp;Fecha y hora (en %1):</translation>
    </message>
    <message>
        <source>The date and time in the organization&apos;s time zone, %1.</source>
        <translation>La fecha y la hora en la zona horaria de la organización, %1.</translation>
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
        <translation>&quot;%1&quot; no es un número de teléfono en formato E.164, como +15125550100.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address, like sip:nancy@pbx.example.com.</source>
        <translation>&quot;%1&quot; no es una dirección SIP, como sip:nancy@pbx.example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid app name: use letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>&quot;%1&quot; no es un nombre de aplicación válido: use letras, dígitos, &apos;_&apos;, &apos;.&apos; o &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Add User</source>
        <translation>Añadir usuario</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Agent: their own inbox and their groups&apos;</source>
        <translation>Agente: su propia bandeja de entrada y las de sus grupos</translation>
    </message>
    <message>
        <source>Manager: users, groups and their order</source>
        <translation>Gerente: usuarios, grupos y su orden</translation>
    </message>
    <message>
        <source>Admin: everything</source>
        <translation>Administrador: todo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Add Device</source>
        <translation>Añadir dispositivo</translation>
    </message>
    <message>
        <source>Remove Device</source>
        <translation>Quitar dispositivo</translation>
    </message>
    <message>
        <source>No personal greeting</source>
        <translation>Sin saludo personal</translation>
    </message>
    <message>
        <source>Say this text</source>
        <translation>Decir este texto</translation>
    </message>
    <message>
        <source>Play the sound at this URL</source>
        <translation>Reproducir el sonido de esta URL</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>Devices (all ring together):</source>
        <translation>Dispositivos (suenan todos a la vez):</translation>
    </message>
    <message>
        <source>Voicemail greeting:</source>
        <translation>Saludo del buzón de voz:</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>SIP address</source>
        <translation>Dirección SIP</translation>
    </message>
    <message>
        <source>Switchboard app</source>
        <translation>Aplicación de Switchboard</translation>
    </message>
    <message>
        <source>Give the user a name.</source>
        <translation>Asigne un nombre al usuario.</translation>
    </message>
    <message>
        <source>Device %1: %2</source>
        <translation>Dispositivo %1: %2</translation>
    </message>
    <message>
        <source>Write the greeting, or choose no personal greeting.</source>
        <translation>Escriba el saludo o elija no usar un saludo personal.</translation>
    </message>
    <message>
        <source>The greeting&apos;s sound must be an http or https URL.</source>
        <translation>El sonido del saludo debe ser una URL http o https.</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>Fijar &amp;contraseña…</translation>
    </message>
    <message>
        <source>Set %1&apos;s password on the routing backend</source>
        <translation>Fijar la contraseña de %1 en el backend de enrutamiento</translation>
    </message>
    <message>
        <source>Set %1&apos;s password</source>
        <translation>Fijar la contraseña de %1</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Fijar contraseña</translation>
    </message>
    <message>
        <source>At least 10 characters.</source>
        <translation>Al menos 10 caracteres.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Setting the password…</source>
        <translation>Fijando la contraseña…</translation>
    </message>
    <message>
        <source>Password set. %1 signs in with it from now on; their other sessions have ended.</source>
        <translation>Contraseña fijada. %1 inicia sesión con ella desde ahora; sus otras sesiones han terminado.</translation>
    </message>
    <message>
        <source>The password was not set: %1</source>
        <translation>No se fijó la contraseña: %1</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Nueva contraseña:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Repetir:</translation>
    </message>
    <message>
        <source>Kept by the routing backend only.</source>
        <translation>Solo lo guarda el backend de enrutamiento.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>You have reached %1. Please leave a message.</source>
        <translation>Ha llamado a %1. Por favor, deje un mensaje.</translation>
    </message>
    <message>
        <source>us</source>
        <translation>nosotros</translation>
    </message>
</context>
<context>
    <name>Switchboard::UsersGroupsEdits</name>
    <message>
        <source>%1 is already in %2; a user is in a group once.</source>
        <translation>%1 ya está en %2; un usuario solo puede estar una vez en cada grupo.</translation>
    </message>
    <message>
        <source>%1 are already in %2; a user is in a group once.</source>
        <translation>%1 ya están en %2; un usuario solo puede estar una vez en cada grupo.</translation>
    </message>
    <message>
        <source>Add %1 to %2</source>
        <translation>Añadir a %1 a %2</translation>
    </message>
    <message numerus="yes">
        <source>Add %n user(s) to %1</source>
        <translation>
            <numerusform>Añadir %n usuario a %1</numerusform>
            <numerusform>Añadir %n usuarios a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1 from %2</source>
        <translation>Quitar a %1 de %2</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n member(s) from %1</source>
        <translation>
            <numerusform>Quitar %n miembro de %1</numerusform>
            <numerusform>Quitar %n miembros de %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1 in %2</source>
        <translation>Mover a %1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>Move %n member(s) in %1</source>
        <translation>
            <numerusform>Mover %n miembro en %1</numerusform>
            <numerusform>Mover %n miembros en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1 up in %2</source>
        <translation>Subir a %1 en %2</translation>
    </message>
    <message>
        <source>Move %1 down in %2</source>
        <translation>Bajar a %1 en %2</translation>
    </message>
    <message>
        <source>Let %1 take calls in %2</source>
        <translation>Pasar llamadas a %1 en %2</translation>
    </message>
    <message>
        <source>Stop %1 taking calls in %2</source>
        <translation>Dejar de pasar llamadas a %1 en %2</translation>
    </message>
    <message>
        <source>Let %1 take texts in %2</source>
        <translation>Pasar SMS a %1 en %2</translation>
    </message>
    <message>
        <source>Stop %1 taking texts in %2</source>
        <translation>Dejar de pasar SMS a %1 en %2</translation>
    </message>
    <message>
        <source>Add user %1</source>
        <translation>Añadir el usuario %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar a %1</translation>
    </message>
    <message>
        <source>Add group %1</source>
        <translation>Añadir el grupo %1</translation>
    </message>
    <message>
        <source>Rename group %1 to %2</source>
        <translation>Renombrar el grupo %1 como %2</translation>
    </message>
    <message>
        <source>Edit group %1</source>
        <translation>Editar el grupo %1</translation>
    </message>
    <message>
        <source>Delete group %1</source>
        <translation>Eliminar el grupo %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::UsersGroupsPage</name>
    <message>
        <source>Search by name, email or number</source>
        <translation>Buscar por nombre, correo electrónico o número</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Open a group to see its members.</source>
        <translation>Abra un grupo para ver sus miembros.</translation>
    </message>
    <message>
        <source>%1 has no members yet.</source>
        <translation>%1 aún no tiene miembros.</translation>
    </message>
    <message>
        <source>Members of %1, in ring order</source>
        <translation>Miembros de %1, en orden de llamada</translation>
    </message>
    <message>
        <source>Add User…</source>
        <translation>Añadir usuario…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete User…</source>
        <translation>Eliminar usuario…</translation>
    </message>
    <message>
        <source>+ Add Group</source>
        <translation>+ Añadir grupo</translation>
    </message>
    <message>
        <source>Rename Group…</source>
        <translation>Renombrar grupo…</translation>
    </message>
    <message>
        <source>Delete Group…</source>
        <translation>Eliminar grupo…</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove from Group</source>
        <translation>Quitar del grupo</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Añadir al grupo</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar a %1</translation>
    </message>
    <message>
        <source>Delete %1? Nothing else uses this user.</source>
        <translation>¿Eliminar a %1? Este usuario no se usa en ningún otro sitio.</translation>
    </message>
    <message>
        <source>%1 is used in these places. Their group memberships will end; the flows and contacts below can be handed to someone else.</source>
        <translation>%1 se usa en estos lugares. Dejará de ser miembro de sus grupos; los flujos y contactos siguientes se pueden traspasar a otra persona.</translation>
    </message>
    <message>
        <source>Hand over to:</source>
        <translation>Traspasar a:</translation>
    </message>
    <message>
        <source>Add Group</source>
        <translation>Añadir grupo</translation>
    </message>
    <message>
        <source>Rename Group</source>
        <translation>Renombrar grupo</translation>
    </message>
    <message>
        <source>Delete Group %1</source>
        <translation>Eliminar el grupo %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete the group %1? No flow uses it; its %n member(s) stay users.</source>
        <translation>
            <numerusform>¿Eliminar el grupo %1? Ningún flujo lo usa; su %n miembro seguirá siendo usuario.</numerusform>
            <numerusform>¿Eliminar el grupo %1? Ningún flujo lo usa; sus %n miembros seguirán siendo usuarios.</numerusform>
        </translation>
    </message>
    <message>
        <source>These applets use %1. Pick a group they should use instead, or fix them later (until then they are errors).</source>
        <translation>Estos applets usan %1. Elija otro grupo que deban usar en su lugar, o corríjalos más tarde (hasta entonces, cuentan como errores).</translation>
    </message>
    <message>
        <source>Use instead:</source>
        <translation>Usar en su lugar:</translation>
    </message>
    <message>
        <source>%1 (already a member)</source>
        <translation>%1 (ya es miembro)</translation>
    </message>
    <message>
        <source>Takes &amp;Calls</source>
        <translation>Atiende &amp;llamadas</translation>
    </message>
    <message>
        <source>Takes &amp;Texts</source>
        <translation>Recibe &amp;mensajes</translation>
    </message>
    <message>
        <source>Drag users here from the list (or right-click a user, or press the Menu key on one, and choose Add to group). Drag members, or press Alt+Up and Alt+Down, to change who rings first.</source>
        <translation>Arrastre usuarios hasta aquí desde la lista (o haga clic con el botón derecho en un usuario, o pulse la tecla de menú sobre él, y elija Añadir al grupo). Arrastre los miembros, o pulse Alt+Arriba y Alt+Abajo, para cambiar a quién se llama primero.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
</context>
<context>
    <name>Switchboard::UsersModel</name>
    <message>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>No devices</source>
        <translation>Sin dispositivos</translation>
    </message>
    <message>
        <source>%1 has no devices, so no call can ring them.</source>
        <translation>%1 no tiene dispositivos, por lo que no puede recibir llamadas.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
</context>
<context>
    <name>Switchboard::VoicemailPlayer</name>
    <message>
        <source>Position in the voicemail</source>
        <translation>Posición en el mensaje de voz</translation>
    </message>
    <message>
        <source>Time played</source>
        <translation>Tiempo reproducido</translation>
    </message>
    <message>
        <source>Save the voicemail as a file</source>
        <translation>Guardar el mensaje de voz como archivo</translation>
    </message>
    <message>
        <source>Save the recording to a file</source>
        <translation>Guardar la grabación en un archivo</translation>
    </message>
    <message>
        <source>This recording cannot be played here (%1). Save it and play it with another program.</source>
        <translation>Esta grabación no se puede reproducir aquí (%1). Guárdela y reprodúzcala con otro programa.</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>La grabación no se puede reproducir: %1</translation>
    </message>
    <message>
        <source>This voicemail has no recording.</source>
        <translation>Este mensaje de voz no tiene grabación.</translation>
    </message>
    <message>
        <source>Sign in to the backend to play voicemails.</source>
        <translation>Inicie sesión en el backend para reproducir mensajes de voz.</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Cargando la grabación…</translation>
    </message>
    <message>
        <source>The recording could not be loaded: %1</source>
        <translation>No se pudo cargar la grabación: %1</translation>
    </message>
    <message>
        <source>Voicemail from %1, %2</source>
        <translation>Mensaje de voz de %1, %2</translation>
    </message>
    <message>
        <source>Save Voicemail</source>
        <translation>Guardar mensaje de voz</translation>
    </message>
    <message>
        <source>Audio (*.%1);;All files (*)</source>
        <translation>Audio (*.%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Pause the voicemail</source>
        <translation>Pausar el mensaje de voz</translation>
    </message>
    <message>
        <source>Play the voicemail</source>
        <translation>Reproducir el mensaje de voz</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Play or pause (Ctrl+P)</source>
        <translation>Reproducir o pausar (Ctrl+P)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Play or pause the voicemail</source>
        <translation>Reproducir o pausar el mensaje de voz</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena de texto</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Expected %1 here, found %2.</source>
        <translation>Aquí se esperaba %1, en lugar de %2.</translation>
    </message>
</context>
<context>
    <name>Validator</name>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone this system knows; use an IANA name such as America/Chicago.</source>
        <translation>&quot;%1&quot; no es una zona horaria conocida por este sistema; use un nombre IANA como America/Chicago.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid %2 id: use 1 to 64 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>&quot;%1&quot; no es un identificador de %2 válido: debe tener de 1 a 64 letras, dígitos, &apos;_&apos;, &apos;.&apos; o &apos;-&apos;, y empezar por una letra o un dígito.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice in %2 (first at %2[%3]).</source>
        <translation>&quot;%1&quot; aparece dos veces en %2 (la primera vez en %2[%3]).</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>%1 has no devices, so no call can ring them.</source>
        <translation>%1 no tiene dispositivos, por lo que no puede recibir llamadas.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number in E.164 form (like +15125550100).</source>
        <translation>&quot;%1&quot; no es un número de teléfono en formato E.164 (como +15125550100).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SIP address (like sip:nancy@pbx.example.com).</source>
        <translation>&quot;%1&quot; no es una dirección SIP (como sip:nancy@pbx.example.com).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid client name: use letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;.</source>
        <translation>&quot;%1&quot; no es un nombre de cliente válido: use letras, dígitos, &apos;_&apos;, &apos;.&apos; o &apos;-&apos;.</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>Member &quot;%1&quot; is not a user of this organization.</source>
        <translation>El miembro &quot;%1&quot; no es un usuario de esta organización.</translation>
    </message>
    <message>
        <source>%1 is already a member of this group (at members[%2]); a user appears once per group.</source>
        <translation>%1 ya es miembro de este grupo (en members[%2]); un usuario aparece una sola vez por grupo.</translation>
    </message>
    <message>
        <source>Group &quot;%1&quot; has no members.</source>
        <translation>El grupo &quot;%1&quot; no tiene miembros.</translation>
    </message>
    <message>
        <source>The most open conversations per member must be from 0 (no limit) to 10000; it is %1.</source>
        <translation>El máximo de conversaciones abiertas por miembro debe estar entre 0 (sin límite) y 10000; el valor actual es %1.</translation>
    </message>
    <message>
        <source>%1 has no flow: its calls are rejected and its texts dropped.</source>
        <translation>%1 no tiene flujo: sus llamadas se rechazan y sus SMS se descartan.</translation>
    </message>
    <message>
        <source>There is no flow &quot;%1&quot;.</source>
        <translation>No existe el flujo &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Calls to %1 are rejected: flow &quot;%2&quot; has no call flow set up.</source>
        <translation>Las llamadas a %1 se rechazan: el flujo &quot;%2&quot; no tiene configurado un flujo de llamadas.</translation>
    </message>
    <message>
        <source>Texts to %1 are dropped: flow &quot;%2&quot; has no SMS flow set up.</source>
        <translation>Los SMS a %1 se descartan: el flujo &quot;%2&quot; no tiene configurado un flujo de SMS.</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>flujo</translation>
    </message>
    <message>
        <source>Flow &quot;%1&quot; is not used by any number.</source>
        <translation>Ningún número usa el flujo &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The start applet &quot;%1&quot; is not in this flow.</source>
        <translation>El applet inicial &quot;%1&quot; no está en este flujo.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not reachable from the start of the flow.</source>
        <translation>%1 &quot;%2&quot;: no se puede llegar a este applet desde el inicio del flujo.</translation>
    </message>
    <message>
        <source>Applet</source>
        <translation>Applet</translation>
    </message>
    <message>
        <source>These applets lead to each other forever (%1) without waiting for the caller: put a menu or a dial in the loop, or break it.</source>
        <translation>Estos applets se redirigen entre sí sin fin (%1) sin esperar a quien llama: hay que incluir un applet Menú o Llamar en el bucle, o romper el bucle.</translation>
    </message>
    <message>
        <source>A text flow cannot loop (%1): a text is handled in one go, so the loop would never end.</source>
        <translation>Un flujo de SMS no puede formar un bucle (%1): un SMS se procesa de una sola vez, así que el bucle nunca terminaría.</translation>
    </message>
    <message>
        <source>applet</source>
        <translation>applet</translation>
    </message>
    <message>
        <source>Unknown applet type &quot;%1&quot; (expected one of: %2).</source>
        <translation>Tipo de applet desconocido &quot;%1&quot; (se esperaba uno de estos: %2).</translation>
    </message>
    <message>
        <source>A %1 applet cannot be used in a call flow.</source>
        <translation>Un applet de tipo %1 no se puede usar en un flujo de llamadas.</translation>
    </message>
    <message>
        <source>A %1 applet cannot be used in an SMS flow.</source>
        <translation>Un applet de tipo %1 no se puede usar en un flujo de SMS.</translation>
    </message>
    <message>
        <source>Round-robin assignment shares texts among a group&apos;s members; this inbox belongs to a user.</source>
        <translation>La asignación por rotación (round robin) reparte los SMS entre los miembros de un grupo; esta bandeja de entrada pertenece a un usuario.</translation>
    </message>
    <message>
        <source>A %1 applet has no branch &quot;%2&quot; (its branches: %3).</source>
        <translation>Un applet de tipo %1 no tiene la rama &quot;%2&quot; (sus ramas: %3).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Branch &quot;%1&quot; leads to &quot;%2&quot;, which is not in this flow.</source>
        <translation>La rama &quot;%1&quot; lleva a &quot;%2&quot;, que no está en este flujo.</translation>
    </message>
    <message>
        <source>This menu offers no key: set at least one key&apos;s branch.</source>
        <translation>Este menú no ofrece ninguna tecla: hay que configurar la rama de al menos una tecla.</translation>
    </message>
    <message>
        <source>Dead end: when the flow takes &quot;%1&quot; the call ends without the caller being told anything.</source>
        <translation>Callejón sin salida: cuando el flujo toma &quot;%1&quot;, la llamada termina sin que se le diga nada a quien llama.</translation>
    </message>
    <message>
        <source>Dead end: when the flow takes &quot;%1&quot; the text goes nowhere and the sender hears nothing back.</source>
        <translation>Callejón sin salida: cuando el flujo toma &quot;%1&quot;, el SMS no llega a ningún lado y el remitente no recibe ninguna respuesta.</translation>
    </message>
    <message>
        <source>%1 has no setting &quot;%2&quot; (its settings: %3).</source>
        <translation>%1 no tiene el ajuste &quot;%2&quot; (sus ajustes: %3).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be set.</source>
        <translation>Se debe indicar &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3; it is %4.</source>
        <translation>%1 debe estar entre %2 y %3; el valor actual es %4.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 no puede quedar en blanco.</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 fit.</source>
        <translation>%1 tiene %2 caracteres; caben como máximo %3.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2; it is &quot;%3&quot;.</source>
        <translation>%1 debe ser uno de estos valores: %2; el valor actual es &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>a time zone name or null</source>
        <translation>un nombre de zona horaria o null</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>una fecha</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date in the form YYYY-MM-DD.</source>
        <translation>&quot;%1&quot; no es una fecha con el formato YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>The caller ID is &quot;caller&quot;, &quot;number&quot; or a phone number in E.164 form; &quot;%1&quot; is none of these.</source>
        <translation>El identificador de llamada es &quot;caller&quot;, &quot;number&quot; o un número de teléfono en formato E.164; &quot;%1&quot; no es ninguno de ellos.</translation>
    </message>
    <message>
        <source>%1: at least %2 needed.</source>
        <translation>%1: se requiere al menos %2.</translation>
    </message>
    <message>
        <source>%1: from %2 to %3 allowed; there are %4.</source>
        <translation>%1: se permiten de %2 a %3; hay %4.</translation>
    </message>
    <message>
        <source>a prompt ({&quot;say&quot;: text} or {&quot;play&quot;: URL})</source>
        <translation>un mensaje ({&quot;say&quot;: text} o {&quot;play&quot;: URL})</translation>
    </message>
    <message>
        <source>A prompt has no &quot;%1&quot; (it has say, play, voice and language).</source>
        <translation>Un mensaje no tiene &quot;%1&quot; (tiene say, play, voice y language).</translation>
    </message>
    <message>
        <source>A prompt either says text or plays a sound, not both.</source>
        <translation>Un mensaje dice un texto o reproduce un sonido, pero no ambas cosas.</translation>
    </message>
    <message>
        <source>A prompt needs &quot;say&quot; (text to speak) or &quot;play&quot; (the URL of a sound).</source>
        <translation>Un mensaje necesita &quot;say&quot; (el texto que se dirá) o &quot;play&quot; (la URL de un sonido).</translation>
    </message>
    <message>
        <source>The spoken text</source>
        <translation>El texto hablado</translation>
    </message>
    <message>
        <source>a URL</source>
        <translation>una URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL.</source>
        <translation>&quot;%1&quot; no es una URL http o https.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; applies to spoken text only, not to a played sound.</source>
        <translation>&quot;%1&quot; solo se aplica al texto hablado, no a un sonido reproducido.</translation>
    </message>
    <message>
        <source>{&quot;user&quot;: ID} or {&quot;group&quot;: ID}</source>
        <translation>{&quot;user&quot;: ID} o {&quot;group&quot;: ID}</translation>
    </message>
    <message>
        <source>an id</source>
        <translation>un identificador</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot;.</source>
        <translation>No existe el usuario &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no group &quot;%1&quot;.</source>
        <translation>No existe el grupo &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>one of {&quot;user&quot;: ID}, {&quot;group&quot;: ID}, {&quot;members&quot;: [IDs]}, {&quot;number&quot;: &quot;+1...&quot;} or {&quot;caller_owner&quot;: true}</source>
        <translation>uno de {&quot;user&quot;: ID}, {&quot;group&quot;: ID}, {&quot;members&quot;: [IDs]}, {&quot;number&quot;: &quot;+1...&quot;} o {&quot;caller_owner&quot;: true}</translation>
    </message>
    <message>
        <source>a list of user ids</source>
        <translation>una lista de identificadores de usuario</translation>
    </message>
    <message>
        <source>A list of members to ring must not be empty.</source>
        <translation>La lista de miembros a los que llamar no puede estar vacía.</translation>
    </message>
    <message>
        <source>a user id</source>
        <translation>un identificador de usuario</translation>
    </message>
    <message>
        <source>%1 is listed twice among the members to ring.</source>
        <translation>%1 aparece dos veces entre los miembros a los que llamar.</translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation>un número de teléfono</translation>
    </message>
    <message>
        <source>&quot;caller_owner&quot; can only be true: it rings the owner of the caller&apos;s contact.</source>
        <translation>&quot;caller_owner&quot; solo puede ser true: hace sonar al propietario del contacto de quien llama.</translation>
    </message>
    <message>
        <source>an object with a list of time ranges per weekday</source>
        <translation>un objeto con una lista de franjas horarias por día de la semana</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weekday (use mon, tue, wed, thu, fri, sat, sun).</source>
        <translation>&quot;%1&quot; no es un día de la semana (use mon, tue, wed, thu, fri, sat, sun).</translation>
    </message>
    <message>
        <source>a list of [&quot;HH:MM&quot;, &quot;HH:MM&quot;] ranges</source>
        <translation>una lista de franjas [&quot;HH:MM&quot;, &quot;HH:MM&quot;]</translation>
    </message>
    <message>
        <source>At most %1 time ranges a day; there are %2.</source>
        <translation>Se permiten como máximo %1 franjas horarias por día; hay %2.</translation>
    </message>
    <message>
        <source>a [&quot;HH:MM&quot;, &quot;HH:MM&quot;] range</source>
        <translation>una franja [&quot;HH:MM&quot;, &quot;HH:MM&quot;]</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time from 00:00 to 23:59.</source>
        <translation>&quot;%1&quot; no es una hora entre 00:00 y 23:59.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time from 00:00 to 24:00.</source>
        <translation>&quot;%1&quot; no es una hora entre 00:00 y 24:00.</translation>
    </message>
    <message>
        <source>The range starts and ends at %1: it is empty.</source>
        <translation>La franja empieza y termina a las %1: está vacía.</translation>
    </message>
    <message>
        <source>This range overlaps the range at %1[%2]; ranges of one day must not overlap.</source>
        <translation>Esta franja se superpone con la franja en %1[%2]; las franjas de un mismo día no deben superponerse.</translation>
    </message>
    <message>
        <source>a list of keywords</source>
        <translation>una lista de palabras clave</translation>
    </message>
    <message>
        <source>At most %1 keywords; there are %2.</source>
        <translation>Se permiten como máximo %1 palabras clave; hay %2.</translation>
    </message>
    <message>
        <source>a keyword</source>
        <translation>una palabra clave</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a keyword: use 1 to %2 upper-case letters and digits.</source>
        <translation>&quot;%1&quot; no es una palabra clave: use de 1 a %2 letras mayúsculas y dígitos.</translation>
    </message>
    <message>
        <source>The keyword &quot;%1&quot; is listed twice.</source>
        <translation>La palabra clave &quot;%1&quot; aparece dos veces.</translation>
    </message>
    <message>
        <source>This step rings nobody: group &quot;%1&quot; has no members.</source>
        <translation>Este paso no hace sonar a nadie: el grupo &quot;%1&quot; no tiene miembros.</translation>
    </message>
    <message>
        <source>This step rings nobody: every member of &quot;%1&quot; is excluded from calls.</source>
        <translation>Este paso no hace sonar a nadie: todos los miembros de &quot;%1&quot; están excluidos de las llamadas.</translation>
    </message>
    <message>
        <source>This step rings nobody: no member of &quot;%1&quot; who takes calls has a device.</source>
        <translation>Este paso no hace sonar a nadie: ningún miembro de &quot;%1&quot; que recibe llamadas tiene un dispositivo.</translation>
    </message>
    <message>
        <source>This step rings nobody: %1 no device.</source>
        <translation>Este paso no hace sonar a nadie: %1 ningún dispositivo.</translation>
    </message>
    <message>
        <source>%1 has</source>
        <translation>%1 no tiene</translation>
    </message>
    <message>
        <source>none of these members has</source>
        <translation>ninguno de estos miembros tiene</translation>
    </message>
    <message>
        <source>Ringing all at once reaches %1 devices here; the carrier rings at most %2 at once. Ring in turns, or split the step.</source>
        <translation>Al hacer sonar todos a la vez, aquí suenan %1 dispositivos; el operador admite como máximo %2 a la vez. Se puede hacer sonar por turnos o dividir el paso.</translation>
    </message>
    <message>
        <source>There is no user &quot;%1&quot; to own this contact.</source>
        <translation>No existe el usuario &quot;%1&quot; que debe ser propietario de este contacto.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is taken already by %2[%3]; names must differ (ignoring case).</source>
        <translation>El nombre &quot;%1&quot; ya lo usa %2[%3]; los nombres deben ser distintos (sin distinguir mayúsculas de minúsculas).</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>El nombre</translation>
    </message>
    <message>
        <source>The e-mail address</source>
        <translation>La dirección de correo</translation>
    </message>
    <message>
        <source>The department</source>
        <translation>El departamento</translation>
    </message>
    <message>
        <source>The label</source>
        <translation>La etiqueta</translation>
    </message>
</context>
<context>
    <name>Webhooks</name>
    <message>
        <source>A text needs MessageSid, From and To.</source>
        <translation>Un SMS necesita MessageSid, From y To.</translation>
    </message>
    <message>
        <source>There is no webhook at %1.</source>
        <translation>No hay ningún webhook en %1.</translation>
    </message>
    <message>
        <source>A call needs CallSid, From and To.</source>
        <translation>Una llamada necesita CallSid, From y To.</translation>
    </message>
    <message>
        <source>%1 is not a continuation this backend writes.</source>
        <translation>%1 no es una continuación generada por este servidor.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switchboard: call and SMS routing for your phone numbers.</source>
        <translation>Switchboard: enrutamiento de llamadas y SMS para sus números de teléfono.</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL (default: %1).</source>
        <translation>Archivo SQLite o URL postgresql:// (predeterminado: %1).</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>DB</translation>
    </message>
    <message>
        <source>Language (de, es, en); default: the system&apos;s.</source>
        <translation>Idioma (de, es, en); predeterminado: el del sistema.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Open the main window, check it shows the organization, and quit (exit 1 if it does not).</source>
        <translation>Abrir la ventana principal, comprobar que muestra la organización y salir (código de salida 1 si no es así).</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
</context>
</TS>
