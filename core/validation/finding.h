#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

namespace Switchboard {

enum class Severity
{
    Error,
    Warning
};

// One thing validation has to say: how bad, where (the JSON path of the offending value,
// e.g. `flows[0].voice.applets.menu1.config.timeout`), which rule, and a sentence for people.
struct Finding
{
    Severity severity = Severity::Error;
    QString path;
    QString rule; // stable identifier of the rule broken, e.g. "out-of-range"
    QString message;

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Finding &, const Finding &) = default;
};

using Findings = QList<Finding>;

QString severityKey(Severity severity); // "error" / "warning"
int countErrors(const Findings &findings);
int countWarnings(const Findings &findings);
// "error flows[0].name: sentence" -- the one-line form switchboardctl prints.
QString formatFinding(const Finding &finding);

// What kind of JSON value this is, for messages: "an object", "a list", "a string", ...
QString jsonTypeName(const QJsonValue &value);
// The error for a value of the wrong type: "Expected <expected> here, found <what it is>."
Finding wrongTypeFinding(const QString &path, const QJsonValue &value, const QString &expected);

namespace JsonPath {
QString key(const QString &parent, const QString &key);
QString index(const QString &parent, qsizetype index);
} // namespace JsonPath

} // namespace Switchboard
