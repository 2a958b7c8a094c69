#pragma once

// A TwiML <Response> for the carrier. Text from the configuration or from callers is always
// escaped, and what XML cannot hold is replaced, so the answer is always well-formed.

#include "model/appletvalues.h"

#include <QByteArray>
#include <QString>

namespace Switchboard {

class Twiml
{
public:
    Twiml();

    void prompt(const Prompt &prompt); // <Say> or <Play>
    void say(const QString &text);
    void pause(int seconds);
    void redirect(const QString &url);
    void hangup();
    void reject(bool busy);
    void message(const QString &body);
    // <Gather input="dtmf" numDigits="1" timeout=… action=…>prompt</Gather>
    void gather(const QString &action, int timeout, const std::optional<Prompt> &prompt);
    void gatherRaw(const QString &action, int timeout, const QString &say); // for screening
    struct Device
    {
        QString noun; // Client, Number, Sip
        QString address;
    };
    void dial(const QString &action, int timeout, const QString &callerId, bool record,
              const QList<Device> &devices, const QString &screenUrl);
    void record(const QString &action, int maxLength, bool transcribe,
                const QString &transcribeCallback);

    bool isEmpty() const { return m_verbs == 0; }
    QByteArray finish();

private:
    void open(QStringView element);
    void attribute(QStringView name, QStringView value);
    void text(QStringView value);
    void close(QStringView element);
    void closeStart();
    void textElement(QStringView element, QStringView value);

    QString m_xml;            // encoded once, in finish()
    bool m_startOpen = false; // a start tag waits for its '>' or '/>'
    int m_verbs = 0;
};

} // namespace Switchboard
