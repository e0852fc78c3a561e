#include "cli/export_disclosures.hpp"

#include <fmt/format.h>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "edit/disclosure_log.hpp"
#include "git/git.hpp"

namespace casekit::cli {

namespace {

// Who sent it (casekit-export(1), DISCLOSURES): git's user.name in the
// case folder, as commits name people, else the login name.
std::string sender(const CaseFolder& folder) {
  GitRun git = run_git(folder.root(), {"config", "user.name"}, true);
  if (git.started && git.status == 0 && !git.first_line().empty()) return git.first_line();
  if (const char* user = std::getenv("USER"); user && *user) return user;
  if (const passwd* entry = getpwuid(getuid())) return entry->pw_name;
  return "unknown";
}

}  // namespace

// An entry for an export that then fails to be written says too much; an
// export without its entry would say too little, which is the worse. The
// client's lock may wait for an editor open on the record: nothing has
// been sent then. Under `git: commit` the entries are committed, as every
// write is.
void record_disclosures(const CaseFolder& folder, const std::vector<SentRelease>& releases,
                        const std::vector<std::string>& hashes, std::string_view format) {
  std::string by = sender(folder), stamp = utc_timestamp_now();
  std::vector<fs::path> written;
  for (std::size_t i = 0; i < releases.size(); ++i) {
    const SentRelease& sent = releases[i];
    Disclosure entry{today().str(),
                     stamp.substr(9, 2) + ":" + stamp.substr(11, 2),
                     sent.partner,
                     sent.signed_on,
                     sent.shares,
                     std::string(format),
                     by,
                     hashes.at(i),
                     "",
                     0};
    try {
      append_disclosure(folder, sent.id, entry);
      written.push_back(folder.client_folder(sent.id) / "disclosures.yaml");
    } catch (const Error& e) {
      throw Error(ExitStatus::io, e.location(),
                  fmt::format("what would be sent of {} could not be recorded in its accounting "
                              "of disclosures: {}",
                              sent.id, e.what()),
                  "nothing was exported; fix what stopped the record, then export again");
    }
  }
  if (written.empty()) return;
  std::string partner = printable(releases.front().partner);
  record_in_git(
      folder, written,
      written.size() == 1
          ? fmt::format("export: record a disclosure of {} to {}", releases.front().id, partner)
          : fmt::format("export: record disclosures of {} clients to {}", written.size(), partner));
}

}  // namespace casekit::cli
