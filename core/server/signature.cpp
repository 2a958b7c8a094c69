#include "signature.h"

#include <QMessageAuthenticationCode>
#include <QUrl>

#include <algorithm>

namespace Switchboard::WebhookSignature {

QByteArray compute(const QByteArray &authToken, const QString &url, Params params)
{
    std::sort(params.begin(), params.end());
    QByteArray data = url.toUtf8();
    for (const auto &[name, value] : params)
        data += name.toUtf8() + value.toUtf8();
    return QMessageAuthenticationCode::hash(data, authToken, QCryptographicHash::Sha1).toBase64();
}

bool equal(const QByteArray &a, const QByteArray &b)
{
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    const QByteArray &other = a.size() == b.size() ? b : a; // same work either way
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ other.at(i));
    return difference == 0;
}

Params parseForm(const QByteArray &body)
{
    Params params;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        // Most values need no decoding at all (digits, ids, E.164 numbers without the +).
        auto decode = [](QByteArray &text) {
            if (!text.contains('%') && !text.contains('+'))
                return QString::fromUtf8(text);
            text.replace('+', ' ');
            return QUrl::fromPercentEncoding(text);
        };
        params.append({decode(name), decode(value)});
    }
    return params;
}

} // namespace Switchboard::WebhookSignature
