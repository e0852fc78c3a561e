#include "lsp/framing.hpp"

#include <fmt/format.h>

#include <cctype>

#include "base/error.hpp"

namespace casekit::lsp {
namespace {

// The value of a header line's Content-Length, or nullopt for another header.
std::optional<std::size_t> content_length(std::string_view line) {
  constexpr std::string_view name = "content-length:";
  if (line.size() < name.size()) return std::nullopt;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return std::nullopt;
  std::string_view value = line.substr(name.size());
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty() || value.size() > 12)
    throw Error("a message header's Content-Length is not a number",
                "the editor must send the body's length in bytes");
  std::size_t length = 0;
  for (char c : value) {
    if (c < '0' || c > '9')
      throw Error("a message header's Content-Length is not a number",
                  "the editor must send the body's length in bytes");
    length = length * 10 + static_cast<std::size_t>(c - '0');
  }
  return length;
}

}  // namespace

std::string frame(std::string_view body) {
  return fmt::format("Content-Length: {}\r\n\r\n{}", body.size(), body);
}

std::optional<std::string> FrameReader::next() {
  std::string_view rest = std::string_view(buffer_).substr(start_);
  std::size_t header_end = rest.find("\r\n\r\n");
  if (header_end == std::string_view::npos) {
    if (rest.size() > std::size_t{64} * 1024)
      throw Error("a message header runs past 64 KB", "the editor must end headers with CRLF CRLF");
    return std::nullopt;
  }
  std::optional<std::size_t> length;
  for (std::size_t at = 0; at < header_end;) {
    std::size_t end = rest.find("\r\n", at);
    if (auto found = content_length(rest.substr(at, end - at))) length = found;
    at = end + 2;
  }
  if (!length)
    throw Error("a message came without a Content-Length header",
                "the editor must send the Language Server Protocol's headers");
  if (*length > max_message_bytes)
    throw Error(fmt::format("a message of {} bytes is larger than the {} MB casekit takes", *length,
                            max_message_bytes / (std::size_t{1024} * 1024)));
  std::size_t body_at = header_end + 4;
  if (rest.size() < body_at + *length) return std::nullopt;
  std::string body(rest.substr(body_at, *length));
  start_ += body_at + *length;
  // Drop what was handed out once it is most of the buffer, so the buffer
  // does not grow with the session and is not copied on every message.
  if (start_ > 4096 && start_ * 2 > buffer_.size()) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  return body;
}

}  // namespace casekit::lsp
