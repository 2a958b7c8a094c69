#pragma once

#include <algorithm>
#include <iterator>

namespace Switchboard {

// The first item of `list` whose `member` equals `value`, or nullptr.
template<typename List, typename Member, typename Value>
auto findBy(List &list, Member member, const Value &value) -> decltype(&*std::begin(list))
{
    const auto it = std::find_if(std::begin(list), std::end(list),
                                 [&](const auto &item) { return item.*member == value; });
    return it == std::end(list) ? nullptr : &*it;
}

// Its position, or -1.
template<typename List, typename Member, typename Value>
int indexBy(const List &list, Member member, const Value &value)
{
    const auto *found = findBy(list, member, value);
    return found ? int(found - &*std::begin(list)) : -1;
}

} // namespace Switchboard
