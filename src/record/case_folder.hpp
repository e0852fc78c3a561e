// A case folder on disk: finding it, naming its files, and loading a
// client's files with every format problem gathered as a diagnostic.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "findings/diagnostic.hpp"
#include "record/model.hpp"
#include "schema/schema.hpp"
#include "schema/settings.hpp"
#include "storage/file_system.hpp"
#include "yaml/yaml_tree.hpp"

namespace casekit {

// A record that cannot be used as it is; carries every problem found.
class InvalidRecord : public Error {
 public:
  explicit InvalidRecord(
      std::vector<Diagnostic> diagnostics,
      const std::string& message =
          "nothing was changed: fix the problems above, then run the command again");
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// One YAML file as read: its text (for splicing) and its tree.
struct SourceFile {
  fs::path path;
  std::string display;  // the path as messages show it
  SourceText source;
  YamlNode tree;
  bool parsed = false;
};

struct ClientFiles {
  std::string id;
  fs::path folder;
  std::optional<SourceFile> client, plan;
  std::vector<SourceFile> notes;  // in date and time order
  // The accounting of disclosures (disclosures.hpp); never shared.
  std::optional<SourceFile> disclosures;
  // Coaching reviews (review.hpp), in file name order; never shared.
  std::vector<SourceFile> reviews;
  std::vector<Diagnostic> diagnostics;
};

// ".plan.yaml.casekit-x3F9qa": the temporary file of a write that was
// interrupted (format/leftover-temp).
bool is_leftover_temp(const std::string& name);

class CaseFolder {
 public:
  // The folder given, or the nearest folder at or above the current one
  // that holds casekit.yaml (as git finds its work tree).
  static CaseFolder locate(const std::optional<fs::path>& given,
                           FileSystem& files = real_file_system());
  // Confines `files` to the folder: nothing inside it is reached through
  // a symbolic link from now on.
  CaseFolder(fs::path root, FileSystem& files);

  const fs::path& root() const { return root_; }
  FileSystem& files() const { return *files_; }
  fs::path settings_path() const { return root_ / "casekit.yaml"; }
  fs::path clients_path() const { return root_ / "clients"; }
  // The folder of a client; refuses ids that are not valid client ids.
  fs::path client_folder(const std::string& id) const;
  static void require_valid_id(const std::string& id);
  // The path as messages show it: relative to the current folder.
  std::string display(const fs::path& path) const;

  Settings settings() const;
  std::vector<std::string> client_ids() const;
  // Entries of clients/ that are not client folders (files, names that
  // are not client ids), as warnings; symbolic links in the case folder's
  // top folder and in clients/, as errors. Temporary files an interrupted
  // write left in casekit.yaml's folder and in clients/, as warnings too.
  std::vector<Diagnostic> stray_entries() const;
  // Temporary files an interrupted write left in one folder (format/leftover-temp).
  std::vector<Diagnostic> leftover_temps(const fs::path& folder) const;
  // The same, for a folder whose entries were listed already.
  std::vector<Diagnostic> leftover_temps(const fs::path& folder,
                                         const std::vector<std::string>& names) const;
  bool has_client(const std::string& id) const;
  // Refuses an unknown client with a did-you-mean.
  void require_client(const std::string& id) const;

  // Reads, decodes, parses and validates a file; problems go to `out`
  // (a missing file is format/missing-file).
  SourceFile read_file(const fs::path& path, FileKind kind, std::vector<Diagnostic>& out) const;
  // The same for a file that may be absent (a plan): nullopt when it is.
  std::optional<SourceFile> read_file_if_present(const fs::path& path, FileKind kind,
                                                 std::vector<Diagnostic>& out) const;
  ClientFiles load_client(const std::string& id) const;

 private:
  std::vector<Diagnostic> links_in(const fs::path& folder,
                                   const std::vector<FolderEntry>& entries) const;
  std::vector<FolderEntry> list_or_report(const fs::path& folder,
                                          std::vector<Diagnostic>& out) const;
  void load_notes(ClientFiles& files) const;
  void load_disclosures(ClientFiles& files) const;
  void load_reviews(ClientFiles& files) const;

  fs::path root_;
  FileSystem* files_;
};

// Cross-file checks: every reference names an existing id.
void check_references(ClientFiles& files);
// Each coaching review against its checklist and the record (review.hpp).
void check_review_references(ClientFiles& files);
// Every item id in use or referenced in the record, for allocating new ones.
std::vector<std::string> ids_in_use(const ClientFiles& files);

}  // namespace casekit
