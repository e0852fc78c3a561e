#include "lsp/workspace.hpp"

#include "base/ids.hpp"

namespace casekit::lsp {

FolderSession::FolderSession(const fs::path& root, std::unique_ptr<FileSystem> disk)
    : root_(root), disk_(std::move(disk)), overlay_(std::make_unique<OverlayFileSystem>(*disk_)) {
  folder_.emplace(root_, *overlay_);
}

ClientChecker& FolderSession::checker() {
  std::string text = text_of(folder_->settings_path());
  if (!checker_ || text != settings_read_) {
    checker_.reset();
    checker_ = std::make_unique<ClientChecker>(*folder_);
    settings_read_ = std::move(text);
  }
  return *checker_;
}

std::string FolderSession::client_of(const fs::path& path) const {
  fs::path relative = path.lexically_relative(root_);
  auto part = relative.begin();
  if (part == relative.end() || *part != "clients") return "";
  if (++part == relative.end()) return "";
  std::string id = part->string();
  if (++part == relative.end() || !is_client_id(id)) return "";
  return id;
}

std::string FolderSession::text_of(const fs::path& path) {
  try {
    return overlay_->read(path, max_file_bytes).value_or("");
  } catch (const Error&) {
    return "";
  }
}

const std::set<std::string>& FolderSession::case_managers() {
  if (case_managers_) return *case_managers_;
  case_managers_.emplace();
  for (const auto& id : folder_->client_ids()) {
    try {
      std::string text = text_of(folder_->client_folder(id) / "client.yaml");
      std::string name =
          parse_yaml(decode_source(text, "client.yaml"), "client.yaml").text_at("case_manager");
      if (!name.empty()) case_managers_->insert(name);
    } catch (const Error&) {
      // A client.yaml that does not parse names no one.
    }
  }
  return *case_managers_;
}

FolderSession* Workspace::session_for(const fs::path& path) {
  for (fs::path dir = path.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    auto found = sessions_.find(dir);
    if (found != sessions_.end()) return found->second.get();
    try {
      if (probe_->kind(dir / "casekit.yaml") == EntryKind::file)
        return sessions_.emplace(dir, std::make_unique<FolderSession>(dir)).first->second.get();
    } catch (const Error&) {
      // An unreadable folder on the way: no case folder there.
    }
    if (dir == dir.root_path()) break;
  }
  return nullptr;
}

std::optional<Target> Workspace::set_text(const std::string& uri, std::string text) {
  std::optional<fs::path> path = path_of_uri(uri);
  if (!path) return std::nullopt;
  FolderSession* session = session_for(*path);
  if (!session) return std::nullopt;
  session->overlay().put(*path, text);
  documents_[uri] = {*path, std::move(text)};
  return target_of(uri);
}

std::optional<Target> Workspace::target_of(const std::string& uri) {
  auto found = documents_.find(uri);
  if (found == documents_.end()) return std::nullopt;
  FolderSession* session = session_for(found->second.path);
  if (!session) return std::nullopt;
  Target target{session, session->client_of(found->second.path)};
  if (target.client.empty() && found->second.path != session->folder().settings_path())
    return std::nullopt;
  return target;
}

void Workspace::close(const std::string& uri) {
  auto found = documents_.find(uri);
  if (found == documents_.end()) return;
  if (FolderSession* session = session_for(found->second.path))
    session->overlay().drop(found->second.path);
  documents_.erase(found);
}

FolderSession* Workspace::session_of(const std::string& uri) {
  auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : session_for(found->second.path);
}

const FileFindings* Workspace::published(const std::string& uri) const {
  auto found = published_.find(uri);
  return found == published_.end() ? nullptr : &found->second;
}

const std::string* Workspace::text(const std::string& uri) const {
  auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : &found->second.text;
}

std::string Workspace::uri_for(const fs::path& path) const {
  for (const auto& [uri, document] : documents_)
    if (document.path == path) return uri;
  return uri_of_path(path);
}

std::vector<FileFindings> Workspace::check(const Target& target, const Date& today) {
  if (!target.client.empty()) return check_client(target, today);
  FolderSession& session = *target.session;
  fs::path settings = session.folder().settings_path();
  std::vector<FileFindings> out = {{uri_for(settings), settings, session.text_of(settings),
                                    session.checker().settings_findings()}};
  remember(out, target);
  std::set<std::string> clients;
  for (const auto& [uri, document] : documents_)
    if (session_for(document.path) == &session) clients.insert(session.client_of(document.path));
  clients.erase("");
  for (const auto& client : clients)
    for (auto& file : check_client({&session, client}, today)) out.push_back(std::move(file));
  return out;
}

std::vector<FileFindings> Workspace::check_client(const Target& target, const Date& today) {
  FolderSession& session = *target.session;
  ClientChecker& checker = session.checker();
  std::vector<Diagnostic> findings;
  // A client folder not on disk yet (a new client's first file, unsaved)
  // is refused as unknown: it has nothing to show until it is saved.
  if (checker.usable() && session.folder().has_client(target.client))
    findings = checker.check(target.client, today).findings;
  std::map<fs::path, std::vector<Diagnostic>> by_file;
  for (auto& d : findings) {
    if (d.location.file.empty()) continue;
    fs::path path(d.location.file);
    if (path.is_relative()) path = fs::current_path() / path;
    by_file[path.lexically_normal()].push_back(std::move(d));
  }
  for (const auto& [uri, document] : documents_)
    if (session.client_of(document.path) == target.client && session_for(document.path) == &session)
      by_file[document.path];
  for (const auto& path : files_with_findings_[target]) by_file[path];
  std::vector<FileFindings> out;
  for (auto& [path, list] : by_file)
    out.push_back({uri_for(path), path, session.text_of(path), std::move(list)});
  remember(out, target);
  return out;
}

void Workspace::remember(std::vector<FileFindings>& out, const Target& target) {
  std::set<fs::path>& with = files_with_findings_[target];
  with.clear();
  for (const auto& file : out) {
    if (!file.findings.empty()) with.insert(file.path);
    published_[file.uri] = file;
  }
}

}  // namespace casekit::lsp
