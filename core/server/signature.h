#pragma once

// The carrier's webhook signature (X-Twilio-Signature): base64 of HMAC-SHA1, keyed with the
// auth token, over the full URL followed by every POST parameter name and value, sorted by
// name.

#include "routing/webhook.h"

#include <QByteArray>
#include <QString>

namespace Switchboard::WebhookSignature {

using Params = FormParams;

QByteArray compute(const QByteArray &authToken, const QString &url, Params params);
// Compares in constant time: how long it takes says nothing about where they differ.
bool equal(const QByteArray &a, const QByteArray &b);
// application/x-www-form-urlencoded, as the carrier posts it ('+' is a space).
Params parseForm(const QByteArray &body);

} // namespace Switchboard::WebhookSignature
