#pragma once

// Reads a TwiML <Response> back, verb by verb: what the carrier would do with it. The
// simulator and the tests walk calls with it, following action and Redirect URLs as the
// carrier would.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace Switchboard {

struct TwimlVerb
{
    QString name; // Say, Play, Gather, Dial, Record, Redirect, Hangup, Reject, Message, Pause
    QMap<QString, QString> attributes;
    QString text; // Say, Play, Redirect, Message
    struct Noun
    {
        QString name; // Client, Number, Sip (in Dial); Say, Play (in Gather)
        QMap<QString, QString> attributes;
        QString text;
    };
    QList<Noun> nouns;
};

struct TwimlResponse
{
    bool valid = false;
    QString error;
    QList<TwimlVerb> verbs;

    const TwimlVerb *first(const QString &name) const;
    // The verb the call waits on or ends with: the first Gather, Dial, Record, Redirect,
    // Hangup or Reject.
    const TwimlVerb *waitingOn() const;
};

TwimlResponse readTwiml(const QByteArray &xml);

} // namespace Switchboard
