// export --redact's text scrubber on arbitrary text (fuzz_export reaches it
// only through valid records, and without a dictionary): the tokens give
// back the text byte for byte, and no word of the scrubbed text is a name
// the scrubber knows, whatever surrounds it.
#include <cstdint>
#include <cstdlib>

#include "export/redact_text.hpp"

using namespace casekit;
using namespace casekit::redaction;

namespace {

// The client, built once: the names her record gives, her birth
// date and phone, a partner with a doctor and a hospital.
Scrubber& scrubber() {
  static Scrubber* instance = [] {
    auto* s = new Scrubber(load_policy(), Speller::open_default());
    s->literal("rosa-maria-delgado", "client-a");
    s->name("Rosa María Delgado", "Client A");
    s->name("Alicia Moreno", "Case manager A");
    s->partner("Dr. Faith Young, Lincoln Hospital Clinic");
    s->people("Grace Bell; Hunter");
    s->birth(*Date::parse("2001-07-04"));
    s->learn("Her mother Grace Bell and son Hunter came; she has a cousin Marisol.");
    return s;
  }();
  return *instance;
}

const char* const names[] = {"rosa",  "maria", "delgado", "alicia", "moreno", "faith",
                             "young", "grace", "bell",    "hunter", "marisol"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string joined;
  for (const auto& token : tokenize(text)) joined += token.text;
  if (joined != text) std::abort();
  std::string scrubbed = scrubber().scrub(text);
  for (const auto& token : tokenize(scrubbed)) {
    if (token.kind != Token::word) continue;
    std::string word = fold(token.text);
    for (const char* name : names)
      if (word == name) std::abort();
  }
  return 0;
}
