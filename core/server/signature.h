#pragma once

// The carrier's webhook signature (X-Twilio-Signature): base64 of HMAC-SHA1, keyed with the
// auth token, over the full URL followed by every POST parameter name and value, sorted by
// name.

#include "routing/webhook.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Switchboard::WebhookSignature {

using Params = FormParams;

// A form field as the signature sees it: name and value percent-decoded ('+' is a space),
// as UTF-8 bytes.
struct Field
{
    QByteArray name;
    QByteArray value;
};
using Fields = QList<Field>;

// application/x-www-form-urlencoded, as the carrier posts it, in the body's order.
Fields parseFields(const QByteArray &body);
// The same as strings (invalid UTF-8 becomes U+FFFD).
Params toParams(const Fields &fields);
Params parseForm(const QByteArray &body);

// Sorts by name the way the carrier's libraries do (UTF-16 code units, then by value).
QByteArray compute(const QByteArray &authToken, QByteArrayView url, Fields fields);
QByteArray compute(const QByteArray &authToken, const QString &url, const Params &params);
// Compares in constant time: how long it takes says nothing about where they differ.
bool equal(const QByteArray &a, const QByteArray &b);

} // namespace Switchboard::WebhookSignature
