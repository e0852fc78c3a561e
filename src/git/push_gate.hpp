// The team gate on a shared repository (casekit-hook(1), SERVER): the
// pre-receive hook `casekit hook install --server` puts in a bare
// repository runs `casekit hook pre-receive`, which checks what each
// pushed ref changes and refuses the push when it brings a symbolic link,
// a leftover file, a changed or removed disclosure, or a record with
// format errors. Only the paths the push changes are read, from git's
// object store: the cost follows the size of the push.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "findings/diagnostic.hpp"
#include "record/case_folder.hpp"

namespace casekit {

// One line of a pre-receive hook's input: "OLD NEW REF".
struct RefUpdate {
  std::string old_id, new_id, ref;
};
std::vector<RefUpdate> parse_ref_updates(const std::string& text);

// What check says of these clients of a case folder: the gate is given
// it, since git's module does not run check (ARCHITECTURE.md).
using FormatCheck =
    std::function<std::vector<Diagnostic>(const CaseFolder&, const std::vector<std::string>&)>;

// What refuses this ref update, each finding at its path in the
// repository; none for a deleted ref or one that names no commit.
std::vector<Diagnostic> gate_ref_update(const fs::path& git_dir, const RefUpdate& update,
                                        const FormatCheck& check);

// The hook `casekit hook install --server` writes.
std::string pre_receive_hook();

struct ServerHookInstall {
  fs::path path;
  bool written = false;  // false: the same hook was there already
};
// Installs the pre-receive hook in the bare repository `repo`; refuses a
// repository with a work tree, and a different pre-receive hook unless
// `force`.
ServerHookInstall install_server_hook(const fs::path& repo, bool force);

}  // namespace casekit
