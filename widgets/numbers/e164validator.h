#pragma once

#include <QValidator>

namespace Switchboard {

// A phone number as it is typed: spaces, dashes, dots and brackets are dropped, a leading
// "+" is added, anything else than digits is refused, and the input is acceptable once it
// is a whole E.164 number.
class E164Validator : public QValidator
{
    Q_OBJECT

public:
    explicit E164Validator(QObject *parent = nullptr);
    State validate(QString &input, int &position) const override;
    void fixup(QString &input) const override;
    // What is still missing, for a line under the field; empty once the number is whole.
    static QString explain(const QString &input);
};

} // namespace Switchboard
