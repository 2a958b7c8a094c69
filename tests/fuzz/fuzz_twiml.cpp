// The TwiML reader the simulator and the tests use to follow a call: any bytes.

#include "routing/twimlreader.h"

#include <cstdint>

using namespace Switchboard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const TwimlResponse r =
        readTwiml(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (r.valid)
        r.waitingOn();
    return 0;
}
