#include "jsonscan.h"

#include "validation/finding.h"

#include <QJsonValue>
#include <QSet>

#include <cmath>

namespace Switchboard {

namespace {

struct Frame
{
    bool object = false;
    bool expectKey = false; // an object after "{" or ","
    qsizetype index = 0;    // an array's element
    QString key;            // an object's current key
    QSet<QString> keys;     // an object's keys so far
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The path of the value the innermost frame is at (computed only when something is wrong).
QString pathOf(const QList<Frame> &stack)
{
    QString path;
    for (const Frame &f : stack)
        path = f.object ? JsonPath::key(path, f.key) : JsonPath::index(path, f.index);
    return path;
}

} // namespace

QList<JsonFlaw> scanJson(const QByteArray &json)
{
    QList<JsonFlaw> flaws;
    QList<Frame> stack;
    const char *p = json.constData();
    const qsizetype n = json.size();
    qsizetype i = 0;
    while (i < n) {
        const char c = p[i];
        if (isSpace(c) || c == ':') {
            ++i;
        } else if (c == '{' || c == '[') {
            Frame f;
            f.object = c == '{';
            f.expectKey = f.object;
            stack.append(std::move(f));
            ++i;
        } else if (c == '}' || c == ']') {
            if (!stack.isEmpty())
                stack.removeLast();
            ++i;
        } else if (c == ',') {
            if (!stack.isEmpty()) {
                Frame &top = stack.last();
                if (top.object)
                    top.expectKey = true;
                else
                    ++top.index;
            }
            ++i;
        } else if (c == '"') {
            const bool isKey = !stack.isEmpty() && stack.last().object && stack.last().expectKey;
            // Read the string: keys decoded (to compare "a" with "\u0061"), every \u checked.
            QString decoded;
            bool lone = false;
            const qsizetype i0 = i; // the opening quote
            qsizetype j = i + 1;
            qsizetype run = j;
            int pendingHigh = -1; // a high surrogate waiting for its low half
            const auto flushRun = [&](qsizetype end) {
                if (isKey && end > run)
                    decoded += QString::fromUtf8(p + run, end - run);
            };
            while (j < n && p[j] != '"') {
                if (p[j] != '\\') {
                    if (pendingHigh >= 0) {
                        lone = true;
                        pendingHigh = -1;
                    }
                    ++j;
                    continue;
                }
                flushRun(j);
                const char e = j + 1 < n ? p[j + 1] : 0;
                if (e == 'u' && j + 5 < n) {
                    int code = 0;
                    for (int k = 2; k < 6; ++k)
                        code = code * 16 + std::max(0, hexValue(p[j + k]));
                    const bool high = code >= 0xD800 && code <= 0xDBFF;
                    const bool low = code >= 0xDC00 && code <= 0xDFFF;
                    if (low && pendingHigh < 0)
                        lone = true;
                    if (!low && pendingHigh >= 0)
                        lone = true;
                    pendingHigh = high ? code : -1;
                    if (isKey)
                        decoded += QChar(char16_t(code));
                    j += 6;
                } else {
                    if (pendingHigh >= 0) {
                        lone = true;
                        pendingHigh = -1;
                    }
                    if (isKey) {
                        switch (e) {
                        case 'n':
                            decoded += u'\n';
                            break;
                        case 't':
                            decoded += u'\t';
                            break;
                        case 'r':
                            decoded += u'\r';
                            break;
                        case 'b':
                            decoded += u'\b';
                            break;
                        case 'f':
                            decoded += u'\f';
                            break;
                        default:
                            decoded += QLatin1Char(e);
                            break; // \" \\ \/
                        }
                    }
                    j += 2;
                }
                run = j;
            }
            if (pendingHigh >= 0)
                lone = true;
            flushRun(j);
            i = j + 1; // past the closing quote
            if (isKey) {
                Frame &top = stack.last();
                top.expectKey = false;
                top.key = decoded;
                // Raw (EF BB BF) at its start, which QString::fromUtf8 drops, so the raw bytes
                // are looked at. An escaped \uFEFF is kept by Qt: an unknown key, said so.
                const bool marked = j - (i0 + 1) >= 3 && uchar(p[i0 + 1]) == 0xEF &&
                                    uchar(p[i0 + 2]) == 0xBB && uchar(p[i0 + 3]) == 0xBF;
                if (marked)
                    flaws.append({JsonFlaw::MarkedKey, pathOf(stack), decoded});
                if (top.keys.contains(decoded))
                    flaws.append({JsonFlaw::DuplicateKey, pathOf(stack), decoded});
                else
                    top.keys.insert(decoded);
            }
            if (lone)
                flaws.append({JsonFlaw::LoneSurrogate, pathOf(stack), QString()});
        } else {
            // A number, true, false or null: up to the next delimiter.
            while (i < n && !isSpace(p[i]) && p[i] != ',' && p[i] != '}' && p[i] != ']')
                ++i;
        }
    }
    return flaws;
}

std::optional<qint64> exactInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    constexpr double limit = 9007199254740992.0; // 2^53: every integer up to it is exact
    if (!std::isfinite(d) || std::fabs(d) > limit || std::trunc(d) != d)
        return std::nullopt;
    return qint64(d);
}

} // namespace Switchboard
