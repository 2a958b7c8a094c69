#include "finding.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchboard {

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
