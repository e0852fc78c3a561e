// casekit check on arbitrary records: one client in an in-memory case
// folder, its files taken from the input (NUL-separated: client.yaml,
// plan.yaml (empty: none), then notes as "FILE-NAME\nTEXT"). Every rule
// runs, then an output format (by the input's length) renders the findings.
// Spelling is off: hunspell's dictionary takes longer to load than a run.
// The report must carry no control character or bidirectional override
// (format/control-character finds them in records, and file names are
// escaped): a record must not be able to steer the reader's terminal.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "base/printable.hpp"
#include "check/check.hpp"
#include "check/report.hpp"
#include "fuzz_input.hpp"
#include "record/case_folder.hpp"

using namespace casekit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzzing::MemoryFileSystem files;
  fuzzing::add_client_files(files, {reinterpret_cast<const char*>(data), size});
  CaseFolder folder("case", files);
  CheckOptions options;
  options.today = *Date::parse("2026-11-23");
  options.keep_sources = true;
  options.rule_coverage = true;
  CheckResult result = check_and_keep(folder, options);
  // One format of check's table a run: SARIF alone renders the whole rule
  // catalogue, which would otherwise take most of the time.
  auto formats = check_formats();
  const CheckFormat& format = formats[size % formats.size()];
  std::string out = render_report(format, result, {"2026-11-23", {true, false}});
  if (find_unsafe_character(out, "\n\t").offset != std::string_view::npos) std::abort();
  return 0;
}
