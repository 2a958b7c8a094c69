#include "canonicaljson.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {

// One total order over every key the document knows, chosen so that each kind of object
// reads naturally (a user: id, name, email, role, devices, greeting; a prompt: say, play,
// voice, language; a flow: id, name, voice, sms, editor; ...). Dial targets and owners have a
// single key (model/appletvalues.cpp), so their keys need no rank.
const QHash<QString, int> &keyRanks()
{
    static const QHash<QString, int> ranks = [] {
        const QStringList order{u"format"_s,
                                u"version"_s,
                                u"organization"_s,
                                u"users"_s,
                                u"groups"_s,
                                u"numbers"_s,
                                u"flows"_s,
                                u"contacts"_s,
                                u"blocked"_s,
                                u"id"_s,
                                u"number"_s,
                                u"type"_s,
                                u"kind"_s,
                                u"date"_s,
                                u"user"_s,
                                u"start"_s,
                                u"say"_s,
                                u"play"_s,
                                u"name"_s,
                                u"email"_s,
                                u"role"_s,
                                u"department"_s,
                                u"label"_s,
                                u"address"_s,
                                u"flow"_s,
                                u"owner"_s,
                                u"members"_s,
                                u"channels"_s,
                                u"devices"_s,
                                u"greeting"_s,
                                u"sms_max_open_per_agent"_s,
                                u"voice"_s,
                                u"language"_s,
                                u"sms"_s,
                                u"applets"_s,
                                u"config"_s,
                                u"next"_s,
                                u"editor"_s,
                                u"keywords"_s,
                                u"steps"_s,
                                u"target"_s,
                                u"strategy"_s,
                                u"ring_seconds"_s,
                                u"prompt"_s,
                                u"timeout"_s,
                                u"attempts"_s,
                                u"invalid_prompt"_s,
                                u"max_seconds"_s,
                                u"transcribe"_s,
                                u"caller_id"_s,
                                u"screen"_s,
                                u"record"_s,
                                u"reject"_s,
                                u"body"_s,
                                u"assign"_s,
                                u"timezone"_s,
                                u"weekly"_s,
                                u"mon"_s,
                                u"tue"_s,
                                u"wed"_s,
                                u"thu"_s,
                                u"fri"_s,
                                u"sat"_s,
                                u"sun"_s,
                                u"holidays"_s,
                                u"open"_s,
                                u"closed"_s,
                                u"1"_s,
                                u"2"_s,
                                u"3"_s,
                                u"4"_s,
                                u"5"_s,
                                u"6"_s,
                                u"7"_s,
                                u"8"_s,
                                u"9"_s,
                                u"0"_s,
                                u"*"_s,
                                u"#"_s,
                                u"no-input"_s,
                                u"no-answer"_s,
                                u"no-match"_s};
        QHash<QString, int> r;
        for (int i = 0; i < order.size(); ++i)
            r.insert(order.at(i), i);
        return r;
    }();
    return ranks;
}

QStringList orderedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    const auto &ranks = keyRanks();
    std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        const int ra = ranks.value(a, INT_MAX);
        const int rb = ranks.value(b, INT_MAX);
        return ra != rb ? ra < rb : a < b;
    });
    return keys;
}

void writeString(QByteArray &out, const QString &s)
{
    out += '"';
    qsizetype i = 0;
    while (i < s.size()) {
        const char16_t u = s.at(i).unicode();
        if (u >= 0x80) {
            // Encode a whole run of non-ASCII text at once so surrogate pairs stay together.
            qsizetype j = i + 1;
            while (j < s.size() && s.at(j).unicode() >= 0x80)
                ++j;
            out += QStringView(s).mid(i, j - i).toUtf8();
            i = j;
            continue;
        }
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += "0123456789abcdef"[u >> 4];
                out += "0123456789abcdef"[u & 0xf];
            } else {
                out += char(u);
            }
        }
        ++i;
    }
    out += '"';
}

void writeNumber(QByteArray &out, double d)
{
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
        out += QByteArray::number(qint64(d));
    else if (std::isfinite(d))
        out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    else
        out += "null"; // JSON has no infinities
}

bool isScalar(const QJsonValue &v)
{
    return !v.isArray() && !v.isObject();
}

void writeInline(QByteArray &out, const QJsonValue &v);

void writeScalar(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(out, v.toDouble());
        break;
    case QJsonValue::String:
        writeString(out, v.toString());
        break;
    default:
        out += "null";
    }
}

void writeInline(QByteArray &out, const QJsonValue &v)
{
    if (!v.isArray()) {
        writeScalar(out, v);
        return;
    }
    out += '[';
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (i)
            out += ", ";
        writeInline(out, a.at(i));
    }
    out += ']';
}

// Lists of plain values (member ids, time ranges) stay on one line while they are short.
bool fitsInline(const QJsonArray &a, QByteArray &rendered)
{
    for (const QJsonValue &v : a) {
        if (v.isObject())
            return false;
        if (v.isArray()) {
            const QJsonArray inner = v.toArray();
            if (!std::all_of(inner.begin(), inner.end(), isScalar))
                return false;
        }
    }
    writeInline(rendered, a);
    return rendered.size() <= 80;
}

void indent(QByteArray &out, int depth)
{
    out.append(depth * 2, ' ');
}

void writeValue(QByteArray &out, const QJsonValue &v, int depth)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        const QStringList keys = orderedKeys(o);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            indent(out, depth + 1);
            writeString(out, keys.at(i));
            out += ": ";
            writeValue(out, o.value(keys.at(i)), depth + 1);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        indent(out, depth);
        out += '}';
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            return;
        }
        QByteArray rendered;
        if (fitsInline(a, rendered)) {
            out += rendered;
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < a.size(); ++i) {
            indent(out, depth + 1);
            writeValue(out, a.at(i), depth + 1);
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        indent(out, depth);
        out += ']';
    } else {
        writeScalar(out, v);
    }
}

} // namespace

QByteArray canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    writeValue(out, value, 0);
    out += '\n';
    return out;
}

} // namespace Switchboard
