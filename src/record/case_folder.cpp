#include "record/case_folder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "base/did_you_mean.hpp"
#include "base/ids.hpp"
#include "findings/finding_cap.hpp"
#include "findings/finding_sink.hpp"
#include "record/disclosures.hpp"
#include "record/documents.hpp"
#include "record/model_read.hpp"

namespace casekit {

InvalidRecord::InvalidRecord(std::vector<Diagnostic> diagnostics, const std::string& message)
    : Error(ExitStatus::usage, {}, message), diagnostics_(std::move(diagnostics)) {
  sort_diagnostics(diagnostics_);
  cap_per_file(diagnostics_);
}

CaseFolder::CaseFolder(fs::path root, FileSystem& files) : root_(std::move(root)), files_(&files) {
  files_->confine(root_);
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
  require_valid_id(id);
  return clients_path() / id;
}

void CaseFolder::require_valid_id(const std::string& id) {
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
  for (const auto& entry : files_->list_entries(clients_path()))
    if (is_client_id(entry.name) && entry.kind == EntryKind::folder) ids.push_back(entry.name);
  return ids;
}

namespace {

Diagnostic refused_entry(const RefusedEntry& e) {
  return finding(e.rule(), e.location(), e.what(), e.hint());
}

void append(std::vector<Diagnostic>& to, const std::vector<Diagnostic>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

std::vector<std::string> names_of(const std::vector<FolderEntry>& entries) {
  std::vector<std::string> names;
  names.reserve(entries.size());
  for (const auto& entry : entries) names.push_back(entry.name);
  return names;
}

}  // namespace

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

namespace {

// The documents/ folder against client.yaml's list; a leftover
// temporary file there is reported as such, not as a document.
void load_documents(const CaseFolder& folder, ClientFiles& files) {
  DocumentsFolder documents{folder.files(),
                            files.folder / "documents",
                            files.id,
                            files.client->display,
                            [&folder](const fs::path& p) { return folder.display(p); },
                            {}};
  if (folder.files().kind(documents.path) == EntryKind::folder) {
    auto temps = folder.leftover_temps(documents.path);
    for (const auto& temp : temps)
      documents.leftovers.push_back(fs::path(temp.location.file).filename().string());
    append(files.diagnostics, temps);
  }
  append(files.diagnostics, document_findings(documents, files.client->tree));
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
          finding("format/leftover-temp", {display(folder / name), 0, 0},
                  "a temporary file left by a casekit command that was interrupted while writing; "
                  "the file it was for is whole (the old or the new version)",
                  "check that the record holds the last change you made, then delete this file"));
  return out;
}

std::vector<Diagnostic> CaseFolder::links_in(const fs::path& folder,
                                             const std::vector<FolderEntry>& entries) const {
  std::vector<Diagnostic> out;
  for (const auto& entry : entries)
    if (entry.kind == EntryKind::link)
      out.push_back(refused_entry(symbolic_link_refused(folder / entry.name)));
  return out;
}

std::vector<Diagnostic> CaseFolder::stray_entries() const {
  auto top = files_->list_entries(root_);
  std::vector<Diagnostic> out = leftover_temps(root_, names_of(top));
  append(out, links_in(root_, top));
  bool clients_linked = std::any_of(top.begin(), top.end(), [](const FolderEntry& e) {
    return e.name == "clients" && e.kind == EntryKind::link;
  });
  if (clients_linked) return out;
  auto entries = list_or_report(clients_path(), out);
  append(out, leftover_temps(clients_path(), names_of(entries)));
  append(out, links_in(clients_path(), entries));
  for (const auto& [name, kind] : entries) {
    if (name.empty() || name[0] == '.' || kind == EntryKind::link) continue;
    if (is_client_id(name) && kind == EntryKind::folder) continue;
    std::string why = kind != EntryKind::folder
                          ? "is not a client folder (a file), so it is not checked"
                          : "is not a valid client id, so it is not checked";
    out.push_back(finding("format/unknown-file", {display(clients_path() / name), 0, 0},
                          fmt::format("{} {}", name, why),
                          "each client is a folder in clients/ named by its id; move the file "
                          "away, or rename the folder"));
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
                "this is a file, not a client's folder, so casekit will not use it",
                "each client is a folder in clients/; move the file away");
  std::string guess = did_you_mean(id, client_ids());
  throw Error(fmt::format("there is no client '{}' in this case folder", id),
              guess.empty() ? "`casekit list` shows the clients"
                            : fmt::format("did you mean '{}'?", guess));
}

SourceFile CaseFolder::read_file(const fs::path& path, FileKind kind,
                                 std::vector<Diagnostic>& out) const {
  if (auto file = read_file_if_present(path, kind, out)) return std::move(*file);
  SourceFile missing{path, display(path), {}, {}, false};
  out.push_back(finding("format/missing-file", {missing.display, 0, 0}, "the file is missing"));
  return missing;
}

std::optional<SourceFile> CaseFolder::read_file_if_present(const fs::path& path, FileKind kind,
                                                           std::vector<Diagnostic>& out) const {
  SourceFile file{path, display(path), {}, {}, false};
  std::optional<std::string> raw;
  try {
    raw = files_->read(path, max_file_bytes);
  } catch (const RefusedEntry& e) {
    out.push_back(refused_entry(e));
    return file;
  } catch (const Error& e) {
    if (e.status() != ExitStatus::usage) throw;  // permissions and I/O stop the command
    out.push_back(finding("format/parse", {file.display, 0, 0}, e.what(), e.hint()));
    return file;
  }
  if (!raw) return std::nullopt;
  try {
    file.source = decode_source(std::move(*raw), file.display);
    file.tree = parse_yaml(file.source, file.display);
    file.parsed = true;
  } catch (const Error& e) {
    out.push_back(finding("format/parse", e.location(), e.what(), e.hint()));
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
  auto entries = list_or_report(files.folder, files.diagnostics);
  files.client = read_file(files.folder / "client.yaml", FileKind::client, files.diagnostics);
  files.plan = read_file_if_present(files.folder / "plan.yaml", FileKind::plan, files.diagnostics);
  load_disclosures(files);
  append(files.diagnostics, leftover_temps(files.folder, names_of(entries)));
  for (const auto& entry : entries) {
    // client.yaml, plan.yaml and disclosures.yaml are reported by their reads.
    if (entry.kind == EntryKind::link && entry.name != "client.yaml" && entry.name != "plan.yaml" &&
        entry.name != "disclosures.yaml")
      files.diagnostics.push_back(refused_entry(symbolic_link_refused(files.folder / entry.name)));
    if (entry.name == "notes" && entry.kind == EntryKind::file)
      files.diagnostics.push_back(finding("format/type", {display(files.folder / "notes"), 0, 0},
                                          "'notes' should be a folder of note files",
                                          "move the file away"));
    if (entry.name == "notes" && entry.kind == EntryKind::folder) load_notes(files);
    if (entry.name == "reviews" && entry.kind == EntryKind::folder) load_reviews(files);
  }
  if (files.client && files.client->parsed) load_documents(*this, files);
  check_references(files);
  check_review_references(files);
  return files;
}

// The chain is checked only in a file that has the format's shape: a
// format error is reported as such, and says more than a broken hash.
void CaseFolder::load_disclosures(ClientFiles& files) const {
  std::size_t before = files.diagnostics.size();
  files.disclosures = read_file_if_present(files.folder / "disclosures.yaml", FileKind::disclosures,
                                           files.diagnostics);
  if (!files.disclosures || !files.disclosures->parsed || files.diagnostics.size() != before)
    return;
  append(files.diagnostics, disclosure_chain_findings(read_disclosures(files.disclosures->tree),
                                                      files.disclosures->display));
}

void CaseFolder::load_notes(ClientFiles& files) const {
  fs::path notes = files.folder / "notes";
  auto entries = list_or_report(notes, files.diagnostics);
  append(files.diagnostics, leftover_temps(notes, names_of(entries)));
  for (const auto& [name, kind] : entries) {
    if (name.empty() || name[0] == '.') continue;
    if (kind == EntryKind::link && !name.ends_with(".yaml")) {
      files.diagnostics.push_back(refused_entry(symbolic_link_refused(notes / name)));
    } else if (name.size() < 6 || !name.ends_with(".yaml")) {
      files.diagnostics.push_back(finding("format/unknown-file", {display(notes / name), 0, 0},
                                          "this file is not a note (notes end in .yaml)",
                                          "move it out of notes/"));
    } else {
      files.notes.push_back(read_file(notes / name, FileKind::note, files.diagnostics));
    }
  }
}

void CaseFolder::load_reviews(ClientFiles& files) const {
  fs::path reviews = files.folder / "reviews";
  auto entries = list_or_report(reviews, files.diagnostics);
  append(files.diagnostics, leftover_temps(reviews, names_of(entries)));
  // By name without .yaml: a second review of the day (-2) after the first.
  auto stem = [](const std::string& name) {
    return name.ends_with(".yaml") ? name.substr(0, name.size() - 5) : name;
  };
  std::sort(entries.begin(), entries.end(), [&](const FolderEntry& a, const FolderEntry& b) {
    return stem(a.name) < stem(b.name);
  });
  for (const auto& [name, kind] : entries) {
    if (name.empty() || name[0] == '.') continue;
    if (kind == EntryKind::link && !name.ends_with(".yaml")) {
      files.diagnostics.push_back(refused_entry(symbolic_link_refused(reviews / name)));
    } else if (name.size() < 6 || !name.ends_with(".yaml")) {
      files.diagnostics.push_back(finding(
          "format/unknown-file", {display(reviews / name), 0, 0},
          "this file is not a coaching review (reviews end in .yaml)", "move it out of reviews/"));
    } else {
      files.reviews.push_back(read_file(reviews / name, FileKind::review, files.diagnostics));
    }
  }
}

// A folder's entries; a folder that cannot be listed is a finding of its
// own, and the client's other files are still read.
std::vector<FolderEntry> CaseFolder::list_or_report(const fs::path& folder,
                                                    std::vector<Diagnostic>& out) const {
  try {
    return files_->list_entries(folder);
  } catch (const RefusedEntry& e) {
    out.push_back(refused_entry(e));
    return {};
  }
}

}  // namespace casekit
