// Comparing what case workers type by hand: the names of services,
// outcomes and languages in casekit.yaml and in the records. A rule that
// compares them byte for byte fails a clean record over a capital letter
// or a second language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casekit {

// The same name, whatever the case and the spacing: "work readiness
// Training " is "Work readiness training".
bool same_name(std::string_view a, std::string_view b);

// Whether `name` is one of `names`, as same_name compares.
bool is_one_of(std::string_view name, const std::vector<std::string>& names);

// The languages a value names, in lower case: "Spanish and English",
// "Spanish/English" and "Spanish, English" each name spanish and english.
std::vector<std::string> language_names(std::string_view text);

// Whether two values name a language in common.
bool share_a_language(std::string_view a, std::string_view b);

}  // namespace casekit
