#pragma once

// What Qt's JSON parser lets pass in a document it accepts: a key given twice in one object
// (the last one silently wins) and text that is not valid Unicode (a lone surrogate written
// as \ud800; bytes that are not UTF-8 it refuses itself). One pass over the bytes, linear in
// their size; paths as findings give them (users[3].name).

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

class QJsonValue;

namespace Switchboard {

struct JsonFlaw
{
    enum Kind
    {
        DuplicateKey,
        LoneSurrogate,
        // A key whose raw bytes begin with U+FEFF (a byte order mark): Qt's JSON lists it
        // without the mark but cannot find it by that name, so it would read one way and
        // write another (found by fuzz_config).
        MarkedKey
    };
    Kind kind;
    QString path; // the duplicate key's, or the string's (a key's own path for a bad key)
    QString key;  // the key given twice
};

// `json` must be a document QJsonDocument parsed without error.
QList<JsonFlaw> scanJson(const QByteArray &json);

// A JSON number as a whole number, checked before any conversion (1e300, 1.5, NaN: nullopt):
// only the integers a double holds exactly, |n| <= 2^53.
std::optional<qint64> exactInteger(const QJsonValue &value);

} // namespace Switchboard
