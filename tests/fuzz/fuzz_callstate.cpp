// The call state an action URL carries (r=1&f=main&a=menu&n=2...): any query. Property: a
// state that parses writes back to a query that parses to the same state.

#include "routing/callstate.h"

#include <QUrlQuery>

#include <cstdint>
#include <cstdlib>

using namespace Switchboard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString query = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<CallState> state = CallState::fromQuery(QUrlQuery(query));
    if (state) {
        const auto again = CallState::fromQuery(QUrlQuery(state->toQueryString()));
        if (!again || !(*again == *state))
            std::abort();
    }
    return 0;
}
