#pragma once

// Reading a fuzzer's bytes as choices: small numbers, picks from lists, short strings.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>

namespace Switchboard::Fuzz {

class Input
{
public:
    Input(const uint8_t *data, size_t size)
        : m_data(data)
        , m_size(size)
    {}
    bool atEnd() const { return m_at >= m_size; }
    uint8_t byte() { return atEnd() ? 0 : m_data[m_at++]; }
    int number(int below) { return below <= 0 ? 0 : byte() % below; }
    QString pick(const QStringList &list)
    {
        return list.isEmpty() ? QString() : list.at(number(int(list.size())));
    }
    // Up to `most` bytes, as UTF-8 (invalid sequences and all).
    QString text(int most)
    {
        const int length = number(most + 1);
        QByteArray bytes;
        while (bytes.size() < length && !atEnd())
            bytes.append(char(byte()));
        return QString::fromUtf8(bytes);
    }

private:
    const uint8_t *m_data;
    size_t m_size;
    size_t m_at = 0;
};

} // namespace Switchboard::Fuzz
