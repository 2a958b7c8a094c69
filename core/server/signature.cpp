#include "signature.h"

#include <QMessageAuthenticationCode>

#include <algorithm>

namespace Switchboard::WebhookSignature {

namespace {
QByteArray decode(QByteArrayView text)
{
    // Most names and values need no decoding at all (ids, digits, plain words).
    if (!text.contains('%') && !text.contains('+'))
        return text.toByteArray();
    QByteArray bytes = text.toByteArray();
    bytes.replace('+', ' ');
    return QByteArray::fromPercentEncoding(bytes);
}

// UTF-8 sorts by code point; the carrier's libraries sort strings by UTF-16 code unit. The two
// orders differ only between U+E000..U+FFFF (UTF-8 lead bytes 0xEE, 0xEF) and characters
// beyond U+FFFF (0xF0..0xF4), so bytes decide unless such a lead byte is present.
bool bytesSortLikeUtf16(const Fields &fields)
{
    auto plain = [](const QByteArray &text) {
        return std::none_of(text.cbegin(), text.cend(),
                            [](char c) { return static_cast<unsigned char>(c) >= 0xEE; });
    };
    return std::all_of(fields.cbegin(), fields.cend(),
                       [&](const Field &f) { return plain(f.name) && plain(f.value); });
}
} // namespace

Fields parseFields(const QByteArray &body)
{
    Fields fields;
    fields.reserve(body.count('&') + 1);
    qsizetype from = 0;
    while (from <= body.size()) {
        qsizetype end = body.indexOf('&', from);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair(body.constData() + from, end - from);
        from = end + 1;
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        fields.append({decode(eq < 0 ? pair : pair.first(eq)),
                       eq < 0 ? QByteArray() : decode(pair.sliced(eq + 1))});
    }
    return fields;
}

Params toParams(const Fields &fields)
{
    Params params;
    params.reserve(fields.size());
    for (const Field &f : fields)
        params.append({QString::fromUtf8(f.name), QString::fromUtf8(f.value)});
    return params;
}

Params parseForm(const QByteArray &body)
{
    return toParams(parseFields(body));
}

QByteArray compute(const QByteArray &authToken, QByteArrayView url, Fields fields)
{
    if (bytesSortLikeUtf16(fields)) {
        std::sort(fields.begin(), fields.end(), [](const Field &a, const Field &b) {
            const int byName = a.name.compare(b.name);
            return byName != 0 ? byName < 0 : a.value < b.value;
        });
    } else {
        std::sort(fields.begin(), fields.end(), [](const Field &a, const Field &b) {
            return std::pair(QString::fromUtf8(a.name), QString::fromUtf8(a.value)) <
                   std::pair(QString::fromUtf8(b.name), QString::fromUtf8(b.value));
        });
    }
    QMessageAuthenticationCode mac(QCryptographicHash::Sha1, authToken);
    mac.addData(url.data(), url.size());
    for (const Field &f : std::as_const(fields)) {
        mac.addData(f.name);
        mac.addData(f.value);
    }
    return mac.result().toBase64();
}

QByteArray compute(const QByteArray &authToken, const QString &url, const Params &params)
{
    Fields fields;
    fields.reserve(params.size());
    for (const auto &[name, value] : params)
        fields.append({name.toUtf8(), value.toUtf8()});
    return compute(authToken, url.toUtf8(), std::move(fields));
}

bool equal(const QByteArray &a, const QByteArray &b)
{
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    const QByteArray &other = a.size() == b.size() ? b : a; // same work either way
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ other.at(i));
    return difference == 0;
}

} // namespace Switchboard::WebhookSignature
