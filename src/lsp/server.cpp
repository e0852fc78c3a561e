#include "lsp/server.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>

#include "base/date.hpp"
#include "lsp/actions.hpp"
#include "lsp/framing.hpp"
#include "lsp/value_completion.hpp"

namespace casekit::lsp {
namespace {

// JSON-RPC's error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInternalError = -32603;

Json error_reply(const Json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

// The document's text after a didChange's changes: whole texts, or ranges.
std::string changed_text(std::string text, const Json& changes) {
  for (const auto& change : changes) {
    std::string with = change.value("text", "");
    if (!change.contains("range")) {
      text = std::move(with);
      continue;
    }
    text = replaced(text, range_of(change["range"]), with);
  }
  return text;
}

}  // namespace

void Server::handle(std::string_view body) {
  Json message = Json::parse(body, nullptr, false);
  if (message.is_discarded() || !message.is_object()) {
    send_(error_reply(nullptr, kParseError, "the message is not a JSON object"));
    return;
  }
  try {
    dispatch(message);
  } catch (const std::exception& e) {
    if (message.contains("id") && message.contains("method"))
      send_(error_reply(message["id"], kInternalError, e.what()));
    else
      log(fmt::format("casekit: {}", e.what()));
  }
}

void Server::dispatch(const Json& message) {
  std::string method = message.value("method", "");
  Json params = message.value("params", Json::object());
  if (!message.contains("id")) return notified(method, params);
  const Json& id = message["id"];
  if (method.empty()) return;  // a reply to a request of ours: none are sent
  if (shutdown_ && method != "shutdown") {
    send_(error_reply(id, kInvalidRequest, "the server is shutting down"));
    return;
  }
  std::optional<Json> result = answer(method, params);
  if (!result) {
    send_(error_reply(id, kMethodNotFound, "casekit does not answer " + method));
    return;
  }
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", *result}});
}

std::optional<Json> Server::answer(const std::string& method, const Json& params) {
  if (method == "initialize") return initialize(params);
  if (method == "shutdown") {
    shutdown_ = true;
    return Json(nullptr);
  }
  // A request reads the latest text: edits still waiting are checked first.
  flush();
  if (method == "textDocument/codeAction") return code_action(params);
  if (method == "textDocument/hover") return hover_at(params);
  if (method == "textDocument/completion") return complete(params);
  return std::nullopt;
}

Json Server::initialize(const Json& params) {
  const Json* publish = nullptr;
  if (params.contains("capabilities") && params["capabilities"].contains("textDocument") &&
      params["capabilities"]["textDocument"].contains("publishDiagnostics"))
    publish = &params["capabilities"]["textDocument"]["publishDiagnostics"];
  related_information_ = publish && publish->value("relatedInformation", false);
  return {{"capabilities",
           {{"textDocumentSync",
             {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"completionProvider", {{"triggerCharacters", Json::array({"[", ",", " "})}}},
            {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "casekit"}, {"version", version_}}}};
}

void Server::notified(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  const Json document = params.value("textDocument", Json::object());
  std::string uri = document.value("uri", "");
  if (method == "textDocument/didOpen") {
    if (auto target = workspace_.set_text(uri, document.value("text", ""))) check(*target);
  } else if (method == "textDocument/didChange") {
    changed(params);
  } else if (method == "textDocument/didSave") {
    if (params.contains("text")) workspace_.set_text(uri, params.value("text", ""));
    if (auto target = workspace_.target_of(uri)) check(*target);
  } else if (method == "textDocument/didClose") {
    auto target = workspace_.target_of(uri);
    workspace_.close(uri);
    // The file on disk counts again: what the editor had unsaved is gone.
    if (target) check(*target);
  }
}

void Server::changed(const Json& params) {
  std::string uri = params.value("textDocument", Json::object()).value("uri", "");
  const std::string* now = workspace_.text(uri);
  std::string text = changed_text(now ? *now : "", params.value("contentChanges", Json::array()));
  auto target = workspace_.set_text(uri, std::move(text));
  if (!target) return;
  auto time = Clock::now();
  auto [entry, added] = pending_.try_emplace(*target, Pending{time, time});
  entry->second.last = time;
}

void Server::check(const Target& target) {
  pending_.erase(target);
  for (const auto& file : workspace_.check(target, today()))
    send_(publication(file, related_information_));
}

int Server::wait_ms() const {
  if (pending_.empty()) return -1;
  auto now = Clock::now();
  auto soonest = Clock::time_point::max();
  for (const auto& [target, p] : pending_)
    soonest = std::min(soonest, std::min(p.last + debounce, p.first + longest_wait));
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(soonest - now).count();
  return static_cast<int>(std::max<long long>(0, left));
}

void Server::flush() {
  while (!pending_.empty()) {
    Target target = pending_.begin()->first;
    try {
      check(target);
    } catch (const std::exception& e) {
      pending_.erase(target);
      log(fmt::format("casekit: {}", e.what()));
    }
  }
}

void Server::log(const std::string& text) {
  send_({{"jsonrpc", "2.0"},
         {"method", "window/logMessage"},
         {"params", {{"type", 1}, {"message", text}}}});
}

Json Server::code_action(const Json& params) {
  std::string uri = params.value("textDocument", Json::object()).value("uri", "");
  const FileFindings* file = workspace_.published(uri);
  FolderSession* session = workspace_.session_of(uri);
  if (!file || !session) return Json::array();
  return code_actions(*file, range_of(params.value("range", Json::object())), *session,
                      related_information_);
}

Json Server::complete(const Json& params) {
  std::string uri = params.value("textDocument", Json::object()).value("uri", "");
  const std::string* text = workspace_.text(uri);
  FolderSession* session = workspace_.session_of(uri);
  std::optional<fs::path> path = path_of_uri(uri);
  if (!text || !session || !path) return Json::array();
  return completion_items(*session, *path, *text,
                          position_of(params.value("position", Json::object())));
}

Json Server::hover_at(const Json& params) {
  std::string uri = params.value("textDocument", Json::object()).value("uri", "");
  const std::string* text = workspace_.text(uri);
  if (!text) return nullptr;
  return hover(workspace_.published(uri), *text,
               position_of(params.value("position", Json::object())));
}

namespace {

// Writes all of it; false when the editor has gone.
bool write_all(int out, const std::string& bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(out, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

int serve(int in, int out, const std::string& version) {
  // An editor that goes away must end the server with an error from
  // write(), not kill it with SIGPIPE halfway through a message.
  std::signal(SIGPIPE, SIG_IGN);
  bool gone = false;
  Server server(
      [&](const Json& message) {
        if (!gone)
          gone =
              !write_all(out, frame(message.dump(-1, ' ', false, Json::error_handler_t::replace)));
      },
      version);
  FrameReader reader;
  char buffer[65536];
  while (!server.exited() && !gone) {
    std::optional<std::string> body;
    try {
      body = reader.next();
    } catch (const Error& e) {
      std::fprintf(stderr, "casekit: error: %s\n", e.what());
      return 1;
    }
    if (body) {
      server.handle(*body);
      continue;
    }
    pollfd wait{in, POLLIN, 0};
    int ready = ::poll(&wait, 1, server.wait_ms());
    if (ready == 0) server.flush();
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    ssize_t n = ::read(in, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    reader.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
  }
  return server.exit_status();
}

}  // namespace casekit::lsp
