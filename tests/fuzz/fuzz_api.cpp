// The API's request bodies: presence, an inbox change, a reply, a sign-in and a password
// change, the numbers to wire. The first byte picks which; the rest is the body, parsed as
// routerd parses it.

#include "api/vocabulary.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>

using namespace Switchboard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QString error;
    switch (data[0] % 6) {
    case 0:
        if (const auto change = Api::PresenceChange::fromJson(o, &error))
            change->toJson();
        break;
    case 1:
        if (const auto change = Api::InboxChange::fromJson(o, &error))
            change->toJson();
        break;
    case 2:
        Api::Reply::fromJson(o).toJson();
        break;
    case 3:
        Api::Session::fromJson(o).toJson();
        Api::signInRequest(o.value(u"login").toString(), o.value(u"password").toString());
        break;
    case 4:
        if (const auto numbers = Api::wireRequestFromJson(body, &error))
            Api::wireRequest(*numbers);
        break;
    default:
        Api::Me::fromJson(o).toJson();
        Api::Directory::fromJson(o).toJson();
        break;
    }
    return 0;
}
