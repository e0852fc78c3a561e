// The wordings words.yaml gives to take a flagged phrase's place as they
// are (`replace_with:`), for a quick fix that replaces the phrase. Read
// from the data, never from a finding's message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casekit {

struct Rewording {
  std::string phrase;             // lower case, as words.yaml lists it
  std::vector<std::string> with;  // in the list's order
};

// The rule's phrases that have wordings to replace them, longest first.
const std::vector<Rewording>& rewordings(std::string_view rule);

// The rewording whose phrase `text` starts with, as a whole word and in
// any case, or nullptr.
const Rewording* rewording_at(std::string_view rule, std::string_view text);

}  // namespace casekit
