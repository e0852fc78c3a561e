// How the record targets (fuzz_check, fuzz_export) turn an input into one
// client of an in-memory case folder: NUL-separated parts, client.yaml,
// plan.yaml (empty: none), then notes as "FILE-NAME\nTEXT".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "memory_file_system.hpp"

namespace casekit::fuzzing {

inline std::vector<std::string> split_on_nul(std::string_view input) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    std::size_t end = input.find('\0', start);
    parts.emplace_back(input.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// The client is case/clients/fuzz-client; spelling is off, since hunspell's
// dictionary takes longer to load than a run.
inline void add_client_files(MemoryFileSystem& files, std::string_view input) {
  std::vector<std::string> parts = split_on_nul(input);
  files.add_file("case/casekit.yaml", "program: Fuzz\nrules:\n  language/spelling: off\n");
  fs::path client = "case/clients/fuzz-client";
  files.add_file(client / "client.yaml", parts[0]);
  if (parts.size() > 1 && !parts[1].empty()) files.add_file(client / "plan.yaml", parts[1]);
  for (std::size_t i = 2; i < parts.size() && i < 10; ++i) {
    std::size_t newline = parts[i].find('\n');
    std::string name = parts[i].substr(0, newline);
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
      continue;
    files.add_file(client / "notes" / name,
                   newline == std::string::npos ? "" : parts[i].substr(newline + 1));
  }
}

}  // namespace casekit::fuzzing
