// SHA-256 comes from nettle (GnuTLS's crypto library, in Debian as
// nettle-dev): small, plain C, and well reviewed; casekit does not write
// its own cryptography.
#include "record/plan_digest.hpp"

#include <fmt/format.h>
#include <nettle/sha2.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace casekit {
namespace {

// Keys left out of the signed content: the signatures themselves, the
// review dates, and the progress recorded as the plan is carried out
// (casekit(5), SIGNED CONTENT). "*" stands for every item of a list.
const std::vector<std::vector<std::string_view>>& excluded_paths() {
  static const std::vector<std::vector<std::string_view>> paths = {
      {"signatures"},
      {"reviewed"},
      {"next_review"},
      {"short_term_goals", "*", "status"},
      {"short_term_goals", "*", "status_date"},
      {"short_term_goals", "*", "milestones", "*", "done"},
      {"services", "*", "status"},
      {"services", "*", "end"},
      {"referrals", "*", "outcome"},
      {"referrals", "*", "statuses"},
  };
  return paths;
}

bool excluded(const std::vector<std::string_view>& path) {
  const auto& paths = excluded_paths();
  return std::any_of(paths.begin(), paths.end(), [&](const std::vector<std::string_view>& pattern) {
    if (pattern.size() != path.size()) return false;
    for (std::size_t i = 0; i < path.size(); ++i)
      if (pattern[i] != "*" && pattern[i] != path[i]) return false;
    return true;
  });
}

void append_sized(std::string& out, char tag, std::string_view text) {
  out += tag;
  out += fmt::format_int(text.size()).c_str();
  out += ':';
  out += text;
}

void append_count(std::string& out, char tag, std::size_t count) {
  out += tag;
  out += fmt::format_int(count).c_str();
  out += ':';
}

// Length-prefixed, so no two different trees give the same text; mapping
// keys sorted, so key order does not count. The text must never change:
// signed plans carry its digest.
void canonical(const YamlNode& node, std::vector<std::string_view>& path, std::string& out) {
  if (node.is_scalar()) {
    append_sized(out, 's', node.value);
  } else if (node.is_sequence()) {
    append_count(out, 'l', node.items.size());
    for (const auto& item : node.items) {
      path.push_back("*");
      canonical(item, path, out);
      path.pop_back();
    }
  } else if (node.is_mapping()) {
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
      path.push_back(node.keys[i].value);
      if (!excluded(path)) kept.push_back(i);
      path.pop_back();
    }
    std::sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
      return node.keys[a].value < node.keys[b].value;
    });
    append_count(out, 'm', kept.size());
    for (std::size_t i : kept) {
      path.push_back(node.keys[i].value);
      append_sized(out, 's', node.keys[i].value);
      canonical(node.items[i], path, out);
      path.pop_back();
    }
  } else {
    out += "n";
  }
}

}  // namespace

std::string plan_digest(const YamlNode& plan) {
  std::string text;
  text.reserve(16384);
  std::vector<std::string_view> path;
  canonical(plan, path, text);
  return sha256_text(text);
}

struct Sha256Text::State {
  sha256_ctx context;
};

Sha256Text::Sha256Text() : state_(std::make_unique<State>()) {
  sha256_init(&state_->context);
}
Sha256Text::~Sha256Text() = default;
Sha256Text::Sha256Text(Sha256Text&& other) noexcept = default;

void Sha256Text::add(std::string_view text) {
  sha256_update(&state_->context, text.size(), reinterpret_cast<const uint8_t*>(text.data()));
}

std::string Sha256Text::result() const {
  sha256_ctx context = state_->context;  // a digest resets the context it is taken of
  std::array<uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  std::string out = "sha256:";
  for (uint8_t byte : digest) {
    out += "0123456789abcdef"[byte >> 4];
    out += "0123456789abcdef"[byte & 0xF];
  }
  return out;
}

std::string sha256_text(std::string_view text) {
  Sha256Text sha;
  sha.add(text);
  return sha.result();
}

}  // namespace casekit
