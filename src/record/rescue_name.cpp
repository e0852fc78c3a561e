#include "record/rescue_name.hpp"

#include <fmt/format.h>

#include <charconv>

#include "base/date.hpp"
#include "base/ids.hpp"

namespace casekit {
namespace {

// The commands that keep rescue files, and whether they edit with
// --edit (`casekit edit` always does); a name starting with another is
// not casekit's. Longer names first, so "new-client" is never read as a
// command "new" and a client "client-...".
struct RescuingCommand {
  std::string_view name;
  bool edit_flag;
};
constexpr RescuingCommand rescuing_commands[] = {{"new-client", true}, {"assess", true},
                                                 {"note", true},       {"plan", true},
                                                 {"review", true},     {"edit", false}};

constexpr std::string_view extension = ".yaml";
constexpr std::size_t day_length = 10;  // YYYY-MM-DD

bool is_day(std::string_view text) {
  return text.size() == day_length && Date::parse(text).has_value();
}

// "2026-11-23" or "2026-11-23-4" at the end of `rest`: the day, its
// number, and what comes before them.
struct DayTail {
  std::string_view before, day;
  int number = 1;
};

std::optional<DayTail> split_day(std::string_view rest) {
  if (rest.size() >= day_length && is_day(rest.substr(rest.size() - day_length)))
    return DayTail{rest.substr(0, rest.size() - day_length), rest.substr(rest.size() - day_length)};
  std::size_t dash = rest.rfind('-');
  if (dash == std::string_view::npos || dash < day_length) return std::nullopt;
  std::string_view digits = rest.substr(dash + 1);
  int number = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error != std::errc() || end != digits.data() + digits.size() || number < 2 ||
      digits.front() == '0')
    return std::nullopt;
  std::string_view day = rest.substr(dash - day_length, day_length);
  if (!is_day(day)) return std::nullopt;
  return DayTail{rest.substr(0, dash - day_length), day, number};
}

// The client before the day: "" for none, else "CLIENT-".
std::optional<std::string> client_before(std::string_view before) {
  if (before.empty()) return std::string();
  if (before.back() != '-') return std::nullopt;
  before.remove_suffix(1);
  if (!is_client_id(before)) return std::nullopt;
  return std::string(before);
}

}  // namespace

std::string rescue_file_name(const RescueOwner& owner, const std::string& day, int number) {
  std::string name = owner.command + "-";
  if (!owner.client.empty()) name += owner.client + "-";
  name += day;
  if (number > 1) name += fmt::format("-{}", number);
  return name + std::string(extension);
}

std::optional<RescueName> parse_rescue_name(std::string_view name) {
  if (name.size() <= extension.size() || !name.ends_with(extension)) return std::nullopt;
  name.remove_suffix(extension.size());
  for (const auto& [command, edit_flag] : rescuing_commands) {
    if (!name.starts_with(command) || name.substr(command.size()).rfind('-', 0) != 0) continue;
    auto tail = split_day(name.substr(command.size() + 1));
    if (!tail) return std::nullopt;
    auto client = client_before(tail->before);
    if (!client) return std::nullopt;
    return RescueName{{std::string(command), *client}, std::string(tail->day), tail->number};
  }
  return std::nullopt;
}

std::string edit_command(const RescueOwner& owner) {
  std::string line = "casekit " + owner.command;
  if (!owner.client.empty()) line += " " + owner.client;
  for (const auto& command : rescuing_commands)
    if (command.name == owner.command && !command.edit_flag) return line;
  return line + " --edit";
}

std::string resume_command(const RescueOwner& owner) {
  return edit_command(owner) + " --resume";
}

}  // namespace casekit
