#include "identifiers.h"

#include <QDate>
#include <QHash>
#include <QMutex>
#include <QTimeZone>
#include <QUrl>

#include <functional>

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
} // namespace

bool isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64 || !isAsciiAlnum(id.front()))
        return false;
    for (const QChar c : id) {
        if (!isAsciiAlnum(c) && c != u'_' && c != u'.' && c != u'-')
            return false;
    }
    return true;
}

bool isE164(QStringView number)
{
    // '+', a non-zero digit, then 6 to 14 more digits: 8 to 16 characters in all.
    if (number.size() < 8 || number.size() > 16 || number.front() != u'+')
        return false;
    if (number.at(1) < u'1' || number.at(1) > u'9')
        return false;
    for (qsizetype i = 2; i < number.size(); ++i) {
        if (!isDigit(number.at(i)))
            return false;
    }
    return true;
}

bool isSipAddress(QStringView address)
{
    if (!address.startsWith(u"sip:") && !address.startsWith(u"sips:"))
        return false;
    const QStringView rest = address.mid(address.indexOf(u':') + 1);
    const qsizetype at = rest.indexOf(u'@');
    if (at <= 0 || at == rest.size() - 1)
        return false;
    for (const QChar c : rest) {
        if (c.isSpace() || c == u'<' || c == u'>' || c == u'"')
            return false;
    }
    return rest.indexOf(u'@', at + 1) < 0;
}

int parseClockTime(QStringView text, bool allow24)
{
    if (text.size() != 5 || text.at(2) != u':')
        return -1;
    for (qsizetype i : {0, 1, 3, 4}) {
        if (!isDigit(text.at(i)))
            return -1;
    }
    const int hours = text.at(0).digitValue() * 10 + text.at(1).digitValue();
    const int minutes = text.at(3).digitValue() * 10 + text.at(4).digitValue();
    if (minutes > 59)
        return -1;
    if (hours == 24 && minutes == 0 && allow24)
        return 24 * 60;
    if (hours > 23)
        return -1;
    return hours * 60 + minutes;
}

bool isIsoDate(QStringView text)
{
    if (text.size() != 10 || text.at(4) != u'-' || text.at(7) != u'-')
        return false;
    return QDate::fromString(text.toString(), Qt::ISODate).isValid();
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
           !url.host().isEmpty();
}

bool isKnownTimeZone(const QString &id)
{
    // QTimeZone's lookup scans the tz database; validation asks for the same few zones
    // thousands of times, so remember the answers.
    static QMutex mutex;
    static QHash<QString, bool> known;
    QMutexLocker lock(&mutex);
    const auto it = known.constFind(id);
    if (it != known.cend())
        return *it;
    const bool ok = !id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id.toUtf8());
    known.insert(id, ok);
    return ok;
}

QString makeId(const QString &name, const std::function<bool(const QString &)> &taken)
{
    QString base;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (isAsciiAlnum(c))
            base.append(c.toLower());
        else if ((c.isSpace() || c == u'-' || c == u'_') && !base.isEmpty() && !base.endsWith(u'-'))
            base.append(u'-');
    }
    while (base.endsWith(u'-'))
        base.chop(1);
    base.truncate(56);
    if (base.isEmpty())
        base = u"item"_s;
    QString candidate = base;
    for (int n = 2; taken(candidate); ++n)
        candidate = base + u'-' + QString::number(n);
    return candidate;
}

} // namespace Switchboard
