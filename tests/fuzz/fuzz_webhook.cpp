// A carrier webhook: the first line is the request target (path and query), the rest its
// form body. The form decoder, the signature over it, and the webhook parser (including the
// action-URL state in the query) see it all. No crash, no sanitizer report.

#include "routing/webhook.h"
#include "server/signature.h"

#include <QUrl>

#include <cstdint>

using namespace Switchboard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArray target = newline < 0 ? bytes : bytes.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : bytes.mid(newline + 1);
    const WebhookSignature::Fields fields = WebhookSignature::parseFields(body);
    const QByteArray url = "https://phones.example" + target;
    const QByteArray signature = WebhookSignature::compute("token", url, fields);
    if (!WebhookSignature::equal(signature, signature))
        __builtin_trap();
    QString error;
    Webhooks::parse(QUrl(QString::fromUtf8(url)), WebhookSignature::toParams(fields), &error);
    return 0;
}
