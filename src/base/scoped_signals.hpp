// Signal handlers set for a scope: the old ones are put back when it ends,
// in the reverse order. The editor (cli/editor_buffer) and an export being
// published (storage/folder_writer) each set theirs this way.
#pragma once

#include <signal.h>

#include <initializer_list>
#include <utility>
#include <vector>

namespace casekit {

class ScopedSignals {
 public:
  ScopedSignals() = default;
  ScopedSignals(const ScopedSignals&) = delete;
  ScopedSignals& operator=(const ScopedSignals&) = delete;
  ~ScopedSignals() { restore(); }

  // Sets `handler` (or SIG_IGN) for each of `signals`, keeping the old.
  void set(std::initializer_list<int> signals, void (*handler)(int));
  // Puts the old handlers back now; the destructor then does nothing.
  void restore();

 private:
  std::vector<std::pair<int, struct sigaction>> old_;
};

}  // namespace casekit
