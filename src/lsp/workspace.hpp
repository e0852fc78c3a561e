// What the language server holds between messages: the documents the
// editor has open (their unsaved text in front of the disk), and for each
// case folder they belong to, the folder with its settings and speller
// loaded. An edit re-checks the one client it belongs to, never the
// whole folder.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "check/check_client.hpp"
#include "lsp/text.hpp"
#include "record/case_folder.hpp"
#include "storage/overlay_file_system.hpp"

namespace casekit::lsp {

// One case folder: its files seen through the editor's buffers.
class FolderSession {
 public:
  // `disk`: the file system behind the buffers (a test's in memory).
  explicit FolderSession(const fs::path& root,
                         std::unique_ptr<FileSystem> disk = new_real_file_system());
  const fs::path& root() const { return root_; }
  OverlayFileSystem& overlay() { return *overlay_; }
  const CaseFolder& folder() const { return *folder_; }
  // The checker, read again first when casekit.yaml's text changed.
  ClientChecker& checker();
  // The client a file belongs to (clients/ID/...), or "".
  std::string client_of(const fs::path& path) const;
  // The text of a file: the buffer, or the disk; "" when unreadable.
  std::string text_of(const fs::path& path);
  // The case managers every client.yaml names, read on the first call
  // (once a session: a folder of 10,000 clients takes a second).
  const std::set<std::string>& case_managers();

 private:
  fs::path root_;
  std::unique_ptr<FileSystem> disk_;
  std::unique_ptr<OverlayFileSystem> overlay_;
  std::optional<CaseFolder> folder_;
  std::unique_ptr<ClientChecker> checker_;
  std::optional<std::string> settings_read_;  // casekit.yaml as the checker read it
  std::optional<std::set<std::string>> case_managers_;
};

// What a document belongs to: a client of a case folder, or the folder's
// casekit.yaml (client empty).
struct Target {
  FolderSession* session = nullptr;
  std::string client;

  bool operator<(const Target& other) const {
    return std::tie(session, client) < std::tie(other.session, other.client);
  }
};

// The findings of one file, ready to publish.
struct FileFindings {
  std::string uri;
  fs::path path;
  std::string text;  // what the ranges are counted in
  std::vector<Diagnostic> findings;
};

class Workspace {
 public:
  // The editor opened or changed a document: its text from now on. Returns
  // what to check again, or nullopt for a file outside any case folder.
  std::optional<Target> set_text(const std::string& uri, std::string text);
  std::optional<Target> target_of(const std::string& uri);
  void close(const std::string& uri);

  // Checks the target again: the findings of each of its files, with an
  // empty list for a file whose findings went away. casekit.yaml's target
  // gives its own findings and those of every client with a document open.
  std::vector<FileFindings> check(const Target& target, const Date& today);

  // What was last published for a document, and its text.
  const FileFindings* published(const std::string& uri) const;
  const std::string* text(const std::string& uri) const;
  // The folder a document belongs to, or nullptr.
  FolderSession* session_of(const std::string& uri);

 private:
  struct Document {
    fs::path path;
    std::string text;
  };
  FolderSession* session_for(const fs::path& path);
  std::vector<FileFindings> check_client(const Target& target, const Date& today);
  std::string uri_for(const fs::path& path) const;
  void remember(std::vector<FileFindings>& out, const Target& target);

  std::unique_ptr<FileSystem> probe_ = new_real_file_system();
  std::map<fs::path, std::unique_ptr<FolderSession>> sessions_;
  std::map<std::string, Document> documents_;  // by URI
  // The files each target published findings for, to clear them later.
  std::map<Target, std::set<fs::path>> files_with_findings_;
  std::map<std::string, FileFindings> published_;  // by URI
};

}  // namespace casekit::lsp
