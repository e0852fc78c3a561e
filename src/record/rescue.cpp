#include "record/rescue.hpp"

#include <unistd.h>

#include <algorithm>
#include <tuple>

#include "record/private_area.hpp"

namespace casekit {

fs::path rescue_folder(const fs::path& root) {
  return private_area_path(root) / "rescue";
}

namespace {

// The owner's rescue files, oldest first.
std::vector<std::pair<RescueName, std::string>> rescues_of(const fs::path& root,
                                                           const RescueOwner& owner) {
  std::vector<std::pair<RescueName, std::string>> found;
  for (const auto& name : real_file_system().list(rescue_folder(root))) {
    auto parsed = parse_rescue_name(name);
    if (parsed && parsed->owner == owner) found.emplace_back(*parsed, name);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.day, a.first.number) < std::tie(b.first.day, b.first.number);
  });
  return found;
}

}  // namespace

fs::path next_rescue_path(const fs::path& root, const RescueOwner& owner, const std::string& day) {
  int number = 1;
  for (const auto& [parsed, name] : rescues_of(root, owner))
    if (parsed.day == day) number = std::max(number, parsed.number + 1);
  return rescue_folder(root) / rescue_file_name(owner, day, number);
}

fs::path keep_rescue(const fs::path& root, const RescueOwner& owner, const std::string& day,
                     const std::string& text) {
  open_private_area(root, "rescue");
  fs::path path = next_rescue_path(root, owner, day);
  try {
    real_file_system().create(path, text);
  } catch (...) {
    close_private_area(root, "rescue");
    throw;
  }
  return path;
}

std::optional<fs::path> newest_rescue(const fs::path& root, const RescueOwner& owner) {
  auto found = rescues_of(root, owner);
  if (found.empty()) return std::nullopt;
  return rescue_folder(root) / found.back().second;
}

void remove_rescue(const fs::path& root, const fs::path& path) {
  ::unlink(path.c_str());
  close_private_area(root, "rescue");
}

}  // namespace casekit
