#include "finding.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class ValidationText
{
    Q_DECLARE_TR_FUNCTIONS(Validation)

public:
    static QString typeName(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Object:
            return tr("an object");
        case QJsonValue::Array:
            return tr("a list");
        case QJsonValue::String:
            return tr("a string");
        case QJsonValue::Double:
            return tr("a number");
        case QJsonValue::Bool:
            return tr("true or false");
        case QJsonValue::Null:
            return tr("null");
        case QJsonValue::Undefined:
            break;
        }
        return tr("nothing");
    }
    static QString expected(const QString &expected, const QJsonValue &v)
    {
        return tr("Expected %1 here, found %2.").arg(expected, typeName(v));
    }
};
} // namespace

QString jsonTypeName(const QJsonValue &value)
{
    return ValidationText::typeName(value);
}

Finding wrongTypeFinding(const QString &path, const QJsonValue &value, const QString &expected)
{
    return Finding{Severity::Error, path, u"wrong-type"_s,
                   ValidationText::expected(expected, value)};
}

QString severityKey(Severity severity)
{
    return severity == Severity::Error ? u"error"_s : u"warning"_s;
}

int countErrors(const Findings &findings)
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [](const Finding &f) { return f.isError(); }));
}

int countWarnings(const Findings &findings)
{
    return int(findings.size()) - countErrors(findings);
}

QString formatFinding(const Finding &finding)
{
    const QString where = finding.path.isEmpty() ? u"(document)"_s : finding.path;
    return severityKey(finding.severity) + u' ' + where + u": "_s + finding.message;
}

namespace JsonPath {
QString key(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}
QString index(const QString &parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}
} // namespace JsonPath

} // namespace Switchboard
