// casekit's language server: JSON-RPC messages in, diagnostics, code
// actions and hovers out. The Server handles one message at a time and
// says what it sends through a function, so tests drive it without a
// process; serve() runs it on two file descriptors (standard input and
// output) with the waiting that debounces a run of edits.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string_view>

#include "lsp/protocol.hpp"
#include "lsp/workspace.hpp"

namespace casekit::lsp {

// How long a client's edits wait for the next keystroke before it is
// checked again, and how long at most while keys keep coming.
constexpr std::chrono::milliseconds debounce{150};
constexpr std::chrono::milliseconds longest_wait{1000};

class Server {
 public:
  explicit Server(std::function<void(const Json&)> send, std::string version = "")
      : send_(std::move(send)), version_(std::move(version)) {}

  // One message's body. Never throws: a message it cannot read is answered
  // with an error (a request) or logged (a notification).
  void handle(std::string_view body);

  bool exited() const { return exited_; }
  // 0 after shutdown then exit, 1 when the editor went away without shutdown.
  int exit_status() const { return shutdown_ && exited_ ? 0 : 1; }

  // Milliseconds until the edits waiting should be checked; -1: none waits.
  int wait_ms() const;
  // Checks the clients whose edits wait.
  void flush();

 private:
  using Clock = std::chrono::steady_clock;
  struct Pending {
    Clock::time_point first, last;
  };

  void dispatch(const Json& message);
  // The result of a request, or nullopt for a method casekit does not answer.
  std::optional<Json> answer(const std::string& method, const Json& params);
  void notified(const std::string& method, const Json& params);
  void changed(const Json& params);
  void check(const Target& target);
  void log(const std::string& text);
  Json initialize(const Json& params);
  Json code_action(const Json& params);
  Json hover_at(const Json& params);
  Json complete(const Json& params);

  std::function<void(const Json&)> send_;
  std::string version_;  // casekit's, for serverInfo
  Workspace workspace_;
  std::map<Target, Pending> pending_;
  bool related_information_ = false;
  bool shutdown_ = false, exited_ = false;
};

// Serves on `in` and `out` until the editor sends exit or closes `in`;
// returns the exit status. A stream whose framing breaks ends it (status 1,
// the reason on standard error): nothing after it can be read.
int serve(int in, int out, const std::string& version);

}  // namespace casekit::lsp
