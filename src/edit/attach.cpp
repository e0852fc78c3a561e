#include "edit/attach.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "base/printable.hpp"
#include "edit/plan_edits.hpp"
#include "record/documents.hpp"
#include "record/plan_digest.hpp"
#include "yaml/yaml_write.hpp"

namespace casekit {
namespace {

std::string megabytes(std::uintmax_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

// The source, as the user named it, refused unless it is a plain file.
void require_plain_file(FileSystem& files, const fs::path& source) {
  EntryKind kind = files.kind(source);
  std::string shown = printable(source.string());
  if (kind == EntryKind::file) return;
  if (kind == EntryKind::missing)
    throw Error(ExitStatus::usage, {shown, 0, 0}, "there is no such file",
                "check the path; nothing was changed");
  if (kind == EntryKind::link)
    throw Error(ExitStatus::usage, {shown, 0, 0},
                "this is a symbolic link, and casekit attaches only the file itself",
                "give the path of the file the link points to; nothing was changed");
  throw Error(ExitStatus::usage, {shown, 0, 0},
              kind == EntryKind::folder ? "this is a folder, not a file"
                                        : "this is a device or a named pipe, not a file",
              "attach one plain file at a time; nothing was changed");
}

std::string read_source(FileSystem& files, const fs::path& source, std::uintmax_t max_bytes) {
  require_plain_file(files, source);
  std::uintmax_t size = files.size(source).value_or(0);
  if (size > max_bytes)
    throw Error(ExitStatus::usage, {printable(source.string()), 0, 0},
                fmt::format("the file is {}, larger than the {} casekit attaches", megabytes(size),
                            megabytes(max_bytes)),
                "scan it at a lower resolution or in black and white, or raise "
                "`document_max_mb:` in casekit.yaml; nothing was changed");
  // Read with the same bound, in case the file grew since it was measured.
  std::string bytes = files.read(source, static_cast<std::size_t>(max_bytes)).value_or("");
  if (bytes.empty())
    throw Error(ExitStatus::usage, {printable(source.string()), 0, 0}, "the file is empty",
                "a scan that failed leaves an empty file; scan it again. Nothing was changed");
  return bytes;
}

// A file put in documents/ by hand is listed where it is, not copied.
bool in_documents(const fs::path& source, const fs::path& documents) {
  return fs::absolute(source).lexically_normal().parent_path() ==
         fs::absolute(documents).lexically_normal();
}

std::string name_for(FileSystem& files, const fs::path& source, const fs::path& documents) {
  std::string name = source.filename().string();
  if (!in_documents(source, documents))
    return unique_document_name(document_file_name(name), files.list(documents));
  if (document_file_name(name) != name)
    throw Error(
        ExitStatus::usage, {printable(source.string()), 0, 0},
        "casekit keeps documents under names of letters, digits, '.', '-' and '_'",
        fmt::format("rename it to {} first; nothing was changed", document_file_name(name)));
  return name;
}

void require_kind(const std::string& kind) {
  const auto& kinds = document_kinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
    throw Error(
        fmt::format("{}: '{}' is not a kind of document", input_field("kind"), printable(kind)),
        fmt::format("use one of {}", fmt::join(kinds, ", ")));
}

// A file attached already (the same bytes) is not attached twice.
void require_new(const Client& client, const std::string& sha256) {
  for (const auto& doc : client.documents)
    if (doc.sha256 == sha256)
      throw Error(fmt::format("this file is attached already, as document {} ({})", doc.id,
                              printable(doc.file)),
                  "nothing was changed");
}

YamlNode entry_node(const Attached& attached, const AttachInput& input, const std::string& sha256) {
  YamlNode entry = YamlNode::mapping();
  entry.set("id", YamlNode::scalar(attached.id));
  entry.set("kind", YamlNode::scalar(input.kind));
  entry.set("date", YamlNode::scalar(require_date(input.date, "date")));
  entry.set("file", text_node(attached.file));
  entry.set("bytes", YamlNode::scalar(std::to_string(attached.bytes)));
  entry.set("sha256", YamlNode::scalar(sha256));
  if (!input.note.empty()) entry.set("note", text_node(input.note));
  return entry;
}

}  // namespace

Attached attach_document(ClientEdit& edit, const AttachInput& input, std::uintmax_t max_bytes) {
  require_kind(input.kind);
  require_date(input.date, "date");
  // A document is dated the day it was signed or issued, which has come.
  if (*Date::parse(input.date) > today())
    throw Error(
        fmt::format("{}: {} is after today ({})", input_field("date"), input.date, today().str()),
        "give the day it was signed or issued; nothing was changed");
  FileSystem& files = edit.folder().files();
  std::string bytes = read_source(files, input.source, max_bytes);
  std::string sha256 = sha256_text(bytes);
  require_new(edit.record().client, sha256);
  fs::path documents = edit.files().folder / "documents";
  Attached attached;
  attached.id = edit.next_id('D');
  attached.file = name_for(files, input.source, documents);
  attached.bytes = bytes.size();
  attached.path = documents / attached.file;
  edit.client().append({"documents"}, entry_node(attached, input, sha256));
  edit.verify();
  if (in_documents(input.source, documents)) return attached;
  if (!files.exists(documents)) files.make_folder(documents);
  files.create(attached.path, bytes);
  return attached;
}

}  // namespace casekit
