#include "casekit/ids.hpp"

#include <algorithm>

namespace casekit {

bool is_client_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  return id[0] != '-' && std::all_of(id.begin(), id.end(), ok);
}

std::string client_id_from_name(std::string_view name) {
  std::string id;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      id += c;
    } else if (!id.empty() && id.back() != '-' && c != '\'' && c != '.') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 64) id.resize(64);
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

bool is_item_id(std::string_view id, char prefix) {
  if (id.size() < 2 || id.size() > 7 || id[0] != prefix || id[1] == '0') return false;
  return std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int item_number(std::string_view id) {
  if (id.size() < 2 || !is_item_id(id, id[0])) return 0;
  return std::stoi(std::string(id.substr(1)));
}

std::string next_item_id(char prefix, const std::vector<std::string>& used) {
  int highest = 0;
  for (const auto& id : used)
    if (is_item_id(id, prefix)) highest = std::max(highest, item_number(id));
  return std::string(1, prefix) + std::to_string(highest + 1);
}

}  // namespace casekit
