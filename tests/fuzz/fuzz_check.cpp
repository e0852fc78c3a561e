// casekit check on arbitrary records: one client in an in-memory case
// folder, its files taken from the input (NUL-separated: client.yaml,
// plan.yaml (empty: none), then notes as "FILE-NAME\nTEXT"). Every rule
// runs, then an output format (by the input's length) renders the findings.
// Spelling is off: hunspell's dictionary takes longer to load than a run.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "casekit/case_folder.hpp"
#include "casekit/check.hpp"
#include "casekit/report.hpp"
#include "memory_file_system.hpp"

using namespace casekit;

namespace {

std::vector<std::string> split_on_nul(std::string_view input) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    std::size_t end = input.find('\0', start);
    parts.emplace_back(input.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

void add_files(fuzzing::MemoryFileSystem& files, const std::vector<std::string>& parts) {
  files.add_file("case/casekit.yaml", "program: Fuzz\nrules:\n  language/spelling: off\n");
  fs::path client = "case/clients/fuzz-client";
  files.add_file(client / "client.yaml", parts[0]);
  if (parts.size() > 1 && !parts[1].empty()) files.add_file(client / "plan.yaml", parts[1]);
  for (std::size_t i = 2; i < parts.size() && i < 10; ++i) {
    std::size_t newline = parts[i].find('\n');
    std::string name = parts[i].substr(0, newline);
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") continue;
    files.add_file(client / "notes" / name, newline == std::string::npos ? "" : parts[i].substr(newline + 1));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzzing::MemoryFileSystem files;
  add_files(files, split_on_nul({reinterpret_cast<const char*>(data), size}));
  CaseFolder folder("case", files);
  CheckOptions options;
  options.today = *Date::parse("2026-11-23");
  options.keep_sources = true;
  options.rule_coverage = true;
  CheckResult result = run_check(folder, options);
  // One format a run: SARIF alone renders the whole rule catalogue, which
  // would otherwise take most of the time.
  switch (size % 6) {
    case 0: render_text(result, {true, false}); break;
    case 1: render_json(result, "2026-11-23"); break;
    case 2: render_sarif(result); break;
    case 3: render_junit(result); break;
    case 4: render_github(result); break;
    default: render_checklist(result, "2026-11-23"); break;
  }
  return 0;
}
