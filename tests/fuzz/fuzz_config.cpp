// The configuration reader and validator (what routerd runs on every push, switchboardctl on
// every file): any bytes. Properties: no crash, no sanitizer report; a document without
// errors writes back to a canonical form that reads again without errors, to the same bytes.

#include "config/configdocument.h"

#include <cstdint>
#include <cstdlib>

using namespace Switchboard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Organization organization;
    const Findings findings = validateConfigDocument(bytes, &organization);
    if (countErrors(findings) == 0) {
        const QByteArray written = writeConfigDocument(organization);
        Organization again;
        if (countErrors(validateConfigDocument(written, &again)) != 0 ||
            writeConfigDocument(again) != written)
            std::abort(); // the canonical form must read back as itself
    }
    return 0;
}
