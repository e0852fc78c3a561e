// The writer behind PosixFileSystem::publish_streamed: an export's files
// made one write at a time inside its temporary folder, which no one else
// sees until it is renamed into place.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/scoped_signals.hpp"
#include "storage/file_system.hpp"
#include "storage/folder_at.hpp"

namespace casekit::storage {

// While an export is made, Ctrl-C, a hang-up or a termination only asks it
// to stop: the next write throws, the temporary folder (records in clear
// text) is removed, and then the signal takes its course. Restores the old
// handlers, and raises the signal that came, when it goes.
class StopOnSignal {
 public:
  StopOnSignal();
  ~StopOnSignal();
  // The signal that asked to stop, or 0.
  static int requested();

 private:
  ScopedSignals handlers_;
};

// A nameless file (0600) in the open folder, gone when closed or when the
// process dies: parts of an export put aside on disk, not in memory.
// `shown` names the folder in a failure.
std::unique_ptr<ExportScratch> scratch_file(int folder, const fs::path& shown);

// Each file is created 0600 on its first write, appended to as the export
// is made, and flushed to disk before the folder is renamed into place. A
// failure names the file the user asked for (`target`, or a file in it),
// never the temporary folder.
class FolderWriter : public ExportWriter {
 public:
  FolderWriter(Place folder, bool one_file) : folder_(std::move(folder)), one_file_(one_file) {}
  void write(const std::string& name, std::string_view data) override;
  void close(const std::string& name) override;
  std::unique_ptr<ExportScratch> scratch() override;
  // Closes every file still open; the name of the first file written, ""
  // when there was none.
  std::string finish();

 private:
  fs::path shown(const std::string& name) const;

  Place folder_;
  bool one_file_;
  std::map<std::string, FileDescriptor, std::less<>> open_;
  std::string first_;
  std::size_t closed_ = 0;
};

}  // namespace casekit::storage
