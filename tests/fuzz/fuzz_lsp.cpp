// The language server's incremental path: a note's text in an editor
// buffer, changed edit after edit as a worker types, each version
// re-checked through the buffer overlay and turned into diagnostics and
// quick fixes. Input: the note's first text, a NUL, then edits of five
// bytes and a text each (line, column, how many bytes to delete, how many
// to insert, a flag; then the inserted bytes). Properties: nothing but a
// casekit::Error is thrown; every diagnostic's range lies inside the
// text; the JSON the editor gets is printable; and a quick fix's edit
// always leaves a text that parses.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "check/check_client.hpp"
#include "fuzz_input.hpp"
#include "lsp/actions.hpp"
#include "lsp/protocol.hpp"
#include "lsp/workspace.hpp"

using namespace casekit;
using namespace casekit::lsp;

namespace {

const char* const kNote = "case/clients/fuzz-client/notes/2026-11-20-1430-in-person.yaml";

int line_count(std::string_view text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}

bool parses(const std::string& text) {
  try {
    parse_yaml(decode_source(text, "f"), "f");
    return true;
  } catch (const Error&) {
    return false;
  }
}

void check_version(FolderSession& session, const std::string& text) {
  session.overlay().put(kNote, text);
  ClientReport report = session.checker().check("fuzz-client", *Date::parse("2026-11-23"));
  FileFindings file{"file:///case/note.yaml", kNote, text, {}};
  for (auto& d : report.findings)
    if (d.location.file == kNote) file.findings.push_back(d);
  Json published = publication(file, true);
  published.dump(-1, ' ', false, Json::error_handler_t::replace);
  int lines = line_count(text);
  for (const auto& d : published["params"]["diagnostics"]) {
    Range r = range_of(d["range"]);
    if (r.start.line < 0 || r.start.line >= lines || r.end.line != r.start.line ||
        r.end.character < r.start.character)
      std::abort();
  }
  Json actions = code_actions(file, {{0, 0}, {lines, 0}}, session, true);
  for (const auto& action : actions) {
    const Json& changes = action["edit"]["changes"];
    if (!changes.contains(file.uri)) continue;
    std::string after = text;
    for (const auto& edit : changes[file.uri])
      after = replaced(after, range_of(edit["range"]), edit["newText"].get<std::string>());
    if (!parses(after)) std::abort();
  }
  hover(&file, text, {lines / 2, 3});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t nul = input.find('\0');
  std::string text(input.substr(0, nul));
  std::string_view edits = nul == std::string_view::npos ? "" : input.substr(nul + 1);
  auto files = std::make_unique<fuzzing::MemoryFileSystem>();
  files->add_file("case/casekit.yaml", "program: Fuzz\nrules:\n  language/spelling: off\n");
  files->add_file("case/clients/fuzz-client/client.yaml",
                  "name: Fuzz Client\ncase_manager: Alicia Moreno\n");
  files->add_file(kNote, "");
  FolderSession session("case", std::move(files));
  try {
    check_version(session, text);
    for (int n = 0; edits.size() >= 5 && n < 8; ++n) {
      auto byte = [&](std::size_t i) { return static_cast<unsigned char>(edits[i]); };
      Range range{{byte(0) % (line_count(text) + 1), byte(1) % 80}, {}};
      range.end = {range.start.line, range.start.character + byte(2) % 16};
      if (byte(4) & 1) range.end.line += 1;  // a change across a line end
      std::size_t length = std::min<std::size_t>(byte(3) % 24, edits.size() - 5);
      text = replaced(text, range, edits.substr(5, length));
      edits.remove_prefix(5 + length);
      check_version(session, text);
    }
  } catch (const Error&) {
    // A refusal with a message is what bad input gets.
  }
  return 0;
}
