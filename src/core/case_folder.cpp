#include "casekit/case_folder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "casekit/ids.hpp"
#include "casekit/model_read.hpp"
#include "finding_cap.hpp"

namespace casekit {

InvalidRecord::InvalidRecord(std::vector<Diagnostic> diagnostics, const std::string& message)
    : Error(ExitStatus::usage, {}, message), diagnostics_(std::move(diagnostics)) {
  sort_diagnostics(diagnostics_);
  cap_per_file(diagnostics_);
}

CaseFolder CaseFolder::locate(const std::optional<fs::path>& given, FileSystem& files) {
  if (given) {
    if (!files.exists(*given / "casekit.yaml"))
      throw Error(ExitStatus::usage, {given->string(), 0, 0},
                  "this is not a case folder (it has no casekit.yaml)",
                  "run `casekit init` to make one");
    return CaseFolder(*given, files);
  }
  fs::path here = fs::current_path();
  for (fs::path dir = here;; dir = dir.parent_path()) {
    if (files.exists(dir / "casekit.yaml")) {
      std::error_code ec;
      fs::path relative = fs::relative(dir, here, ec);
      return CaseFolder(ec || relative.empty() ? dir : relative, files);
    }
    if (dir == dir.root_path() || dir.empty()) break;
  }
  throw Error("not inside a case folder (no casekit.yaml here or above)",
              "change to your case folder, pass -C FOLDER, or run `casekit init`");
}

fs::path CaseFolder::client_folder(const std::string& id) const {
  if (!is_client_id(id)) {
    std::string shown = id.size() > 80 ? id.substr(0, 80) + "..." : id;
    std::string suggestion = client_id_from_name(id);
    throw Error(
        fmt::format("'{}' is not a valid client id", shown),
        is_client_id(suggestion) && id.size() <= 64 && suggestion.size() + 2 >= id.size()
            ? fmt::format(
                  "client ids use lower-case letters, digits and dashes; did you mean '{}'?",
                  suggestion)
            : "client ids use lower-case letters, digits and dashes, like marcus-jones");
  }
  return clients_path() / id;
}

std::string CaseFolder::display(const fs::path& path) const {
  // `check` names every file it reads, and normalising a path costs far
  // more than reading a small file's name: paths with no "." or ".."
  // part and no doubled slash are already normal.
  const std::string& text = path.native();
  bool normal = !text.empty() && text[0] != '.' && text.find("/.") == std::string::npos &&
                text.find("//") == std::string::npos;
  return normal ? text : path.lexically_normal().string();
}

Settings CaseFolder::settings() const {
  std::vector<Diagnostic> problems;
  SourceFile file = read_file(settings_path(), FileKind::settings, problems);
  if (has_errors(problems)) throw InvalidRecord(problems);
  return read_settings(file.tree);
}

std::vector<std::string> CaseFolder::client_ids() const {
  std::vector<std::string> ids;
  for (const auto& name : files_->list(clients_path()))
    if (is_client_id(name) && files_->is_folder(clients_path() / name)) ids.push_back(name);
  return ids;
}

namespace {

// ".plan.yaml.casekit-x3F9qa": what FileSystem::replace and create write
// before renaming into place (mkostemp's six letters and digits).
bool is_leftover_temp(const std::string& name) {
  constexpr std::string_view tag = ".casekit-";
  if (name.size() < 1 + tag.size() + 6 || name[0] != '.') return false;
  std::size_t at = name.size() - 6 - tag.size();
  return name.compare(at, tag.size(), tag) == 0 &&
         std::all_of(name.end() - 6, name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

}  // namespace

std::vector<Diagnostic> CaseFolder::leftover_temps(const fs::path& folder) const {
  return leftover_temps(folder, files_->list(folder));
}

std::vector<Diagnostic> CaseFolder::leftover_temps(const fs::path& folder,
                                                   const std::vector<std::string>& names) const {
  std::vector<Diagnostic> out;
  for (const auto& name : names)
    if (is_leftover_temp(name))
      out.push_back(
          {{display(folder / name), 0, 0},
           Severity::warning,
           "format/leftover-temp",
           "a temporary file left by a casekit command that was interrupted while writing; "
           "the file it was for is whole (the old or the new version)",
           "check that the record holds the last change you made, then delete this file"});
  return out;
}

std::vector<Diagnostic> CaseFolder::stray_entries() const {
  std::vector<Diagnostic> out = leftover_temps(root_);
  auto in_clients = leftover_temps(clients_path());
  out.insert(out.end(), in_clients.begin(), in_clients.end());
  for (const auto& name : files_->list(clients_path())) {
    if (name.empty() || name[0] == '.') continue;
    fs::path path = clients_path() / name;
    if (is_client_id(name) && files_->is_folder(path)) continue;
    std::string why =
        !files_->is_folder(path)
            ? "is not a client folder (a file or a symbolic link), so it is not checked"
            : "is not a valid client id, so it is not checked";
    out.push_back({{display(path), 0, 0},
                   Severity::warning,
                   "format/unknown-file",
                   fmt::format("{} {}", name, why),
                   "casekit does not follow links out of the case folder; move the folder itself "
                   "here, or rename it"});
  }
  return out;
}

bool CaseFolder::has_client(const std::string& id) const {
  return files_->is_folder(client_folder(id));
}

void CaseFolder::require_client(const std::string& id) const {
  if (has_client(id)) return;
  fs::path folder = client_folder(id);
  if (files_->exists(folder))
    throw Error(ExitStatus::usage, {display(folder), 0, 0},
                "this is not a folder (a symbolic link or a file), so casekit will not use it",
                "casekit does not follow links out of the case folder; move the client's folder "
                "itself here");
  std::string guess = did_you_mean(id, client_ids());
  throw Error(fmt::format("there is no client '{}' in this case folder", id),
              guess.empty() ? "`casekit list` shows the clients"
                            : fmt::format("did you mean '{}'?", guess));
}

SourceFile CaseFolder::read_file(const fs::path& path, FileKind kind,
                                 std::vector<Diagnostic>& out) const {
  if (auto file = read_file_if_present(path, kind, out)) return std::move(*file);
  SourceFile missing{path, display(path), {}, {}, false};
  out.push_back(
      {{missing.display, 0, 0}, Severity::error, "format/missing-file", "the file is missing", ""});
  return missing;
}

std::optional<SourceFile> CaseFolder::read_file_if_present(const fs::path& path, FileKind kind,
                                                           std::vector<Diagnostic>& out) const {
  SourceFile file{path, display(path), {}, {}, false};
  std::optional<std::string> raw;
  try {
    raw = files_->read(path, max_file_bytes);
  } catch (const Error& e) {
    if (e.status() != ExitStatus::usage) throw;  // permissions and I/O stop the command
    out.push_back({{file.display, 0, 0}, Severity::error, "format/parse", e.what(), e.hint()});
    return file;
  }
  if (!raw) return std::nullopt;
  try {
    file.source = decode_source(std::move(*raw), file.display);
    file.tree = parse_yaml(file.source, file.display);
    file.parsed = true;
  } catch (const Error& e) {
    out.push_back({e.location(), Severity::error, "format/parse", e.what(), e.hint()});
    return file;
  }
  auto problems = validate(file.tree, kind, file.display);
  out.insert(out.end(), problems.begin(), problems.end());
  return file;
}

ClientFiles CaseFolder::load_client(const std::string& id) const {
  require_client(id);
  ClientFiles files;
  files.id = id;
  files.folder = client_folder(id);
  files.client = read_file(files.folder / "client.yaml", FileKind::client, files.diagnostics);
  files.plan = read_file_if_present(files.folder / "plan.yaml", FileKind::plan, files.diagnostics);
  fs::path notes = files.folder / "notes";
  std::vector<std::string> note_names = files_->list(notes);
  for (auto leftovers : {leftover_temps(files.folder), leftover_temps(notes, note_names)})
    files.diagnostics.insert(files.diagnostics.end(), leftovers.begin(), leftovers.end());
  // An empty listing is also what a file named notes gives.
  if (note_names.empty() && files_->exists(notes) && !files_->is_folder(notes))
    files.diagnostics.push_back({{display(notes), 0, 0},
                                 Severity::error,
                                 "format/type",
                                 "'notes' should be a folder of note files",
                                 "move the file away"});
  for (const auto& name : note_names) {
    if (name.empty() || name[0] == '.') continue;
    if (name.size() < 6 || name.substr(name.size() - 5) != ".yaml") {
      files.diagnostics.push_back({{display(notes / name), 0, 0},
                                   Severity::warning,
                                   "format/unknown-file",
                                   "this file is not a note (notes end in .yaml)",
                                   "move it out of notes/"});
      continue;
    }
    files.notes.push_back(read_file(notes / name, FileKind::note, files.diagnostics));
  }
  check_references(files);
  return files;
}

}  // namespace casekit
