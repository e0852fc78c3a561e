// casekit export on arbitrary records (the input as for fuzz_check): the
// record is loaded as export loads it, plain, redacted or for a partner (by
// the input's length), and rendered in every format. The JSON and FHIR
// documents must parse as JSON; nothing may crash or leak.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "casekit/case_folder.hpp"
#include "casekit/export.hpp"
#include "fuzz_input.hpp"

using namespace casekit;

// Redaction would load hunspell's dictionary on every run; without one it
// treats every capitalised word as a name, which exercises more of it.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("CASEKIT_DICTIONARY", "/nonexistent/dictionary", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzzing::MemoryFileSystem files;
  fuzzing::add_client_files(files, {reinterpret_cast<const char*>(data), size});
  CaseFolder folder("case", files);
  ExportFilter filter;
  filter.today = *Date::parse("2026-11-23");
  filter.redact = size % 3 == 1;
  if (size % 3 == 2) filter.partner = "Eastside Learning Center";
  LoadedRecords loaded;
  try {
    loaded = load_records(folder, {"fuzz-client"}, filter);
  } catch (const Error&) {
    return 0;  // a record with errors, or nothing to share: refused
  }
  for (const char* format : {"markdown", "html", "csv"}) render_export(loaded.records, format);
  for (const char* format : {"json", "fhir"})
    for (const auto& document : render_export(loaded.records, format))
      if (!nlohmann::json::accept(document.text)) std::abort();
  return 0;
}
