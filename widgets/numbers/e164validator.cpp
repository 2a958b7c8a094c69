#include "e164validator.h"

#include "model/identifiers.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

E164Validator::E164Validator(QObject *parent)
    : QValidator(parent)
{}

void E164Validator::fixup(QString &input) const
{
    QString clean;
    for (const QChar c : input) {
        if (c.isDigit() || (c == u'+' && clean.isEmpty()))
            clean.append(c);
        else if (c != u' ' && c != u'-' && c != u'.' && c != u'(' && c != u')')
            clean.append(c); // left for validate() to refuse
    }
    if (!clean.isEmpty() && clean.front() != u'+')
        clean.prepend(u'+');
    input = clean;
}

QValidator::State E164Validator::validate(QString &input, int &position) const
{
    const qsizetype before = input.size();
    fixup(input);
    position = std::clamp<int>(position + int(input.size() - before), 0, int(input.size()));
    if (input.isEmpty() || input == u"+")
        return Intermediate;
    for (qsizetype i = 1; i < input.size(); ++i) {
        if (!input.at(i).isDigit())
            return Invalid;
    }
    if (input.size() > 16 || input.at(1) == u'0')
        return Invalid;
    return isE164(input) ? Acceptable : Intermediate;
}

QString E164Validator::explain(const QString &input)
{
    if (isE164(input))
        return {};
    if (input.size() <= 1)
        return tr("Type the number with its country code, like +1 512 555 0100.");
    return tr("%n more digit(s) at least.", nullptr, int(8 - input.size()));
}

} // namespace Switchboard
