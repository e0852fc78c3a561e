// The Language Server Protocol's base protocol: each message is a header
// ("Content-Length: N", lines ending in CRLF, an empty line) and N bytes
// of JSON. The reader is fed bytes as they come and hands out whole
// message bodies, so a message split across reads, or several in one
// read, come out the same.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace casekit::lsp {

// Largest message body taken; an editor's buffer of a record is far smaller.
constexpr std::size_t max_message_bytes = std::size_t{64} * 1024 * 1024;

// The body with its header in front.
std::string frame(std::string_view body);

class FrameReader {
 public:
  void feed(std::string_view bytes) { buffer_.append(bytes); }
  // The next whole body, or nullopt until more bytes come. Throws Error on
  // a header without Content-Length, a length that is not a number, or a
  // body larger than max_message_bytes: the stream cannot be resynchronised.
  std::optional<std::string> next();
  // Bytes fed and not yet handed out.
  std::size_t pending() const { return buffer_.size() - start_; }

 private:
  std::string buffer_;
  std::size_t start_ = 0;
};

}  // namespace casekit::lsp
