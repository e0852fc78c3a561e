// The id rules of the format. Client ids become folder names, so they are
// validated before any path is built from them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casekit {

// [a-z0-9][a-z0-9-]{0,63}
bool is_client_id(std::string_view id);
// "Marcus Jones" -> "marcus-jones"; empty when nothing usable is left.
std::string client_id_from_name(std::string_view name);
// P1, P2, ... for the prefix P (N, L, G, S, R).
bool is_item_id(std::string_view id, char prefix);
// The number of an item id (G12 -> 12), or 0.
int item_number(std::string_view id);
// "goal" for G: what an item with ids of this prefix is, for messages.
std::string item_kind(char prefix);
// The next id for prefix P: one more than any id in use or referenced, so
// an id is not given out again after its item was removed. Throws Error
// when that would pass P999999, the largest id there is.
std::string next_item_id(char prefix, const std::vector<std::string>& used);

// A note's file name from its date, time and kind of contact:
// "2026-11-20-1430-in-person.yaml"
std::string note_file_name(const std::string& date, const std::string& time,
                           const std::string& contact);

}  // namespace casekit
