#include <doctest/doctest.h>

#include <random>

#include "export/redact_text.hpp"

using namespace casekit::redaction;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// The loop the automaton replaced: every literal in turn, over the text
// the ones before it left. Its results are the semantics to keep.
std::string one_by_one(std::string text, const Pairs& literals) {
  for (const auto& [from, to] : literals) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, copied)) {
      out.append(text, copied, at - copied);
      out += to;
      copied = at + from.size();
    }
    out.append(text, copied);
    text = std::move(out);
  }
  return text;
}

std::string replaced(const std::string& text, const Pairs& pairs) {
  Literals literals;
  for (const auto& [from, to] : pairs) literals.add(from, to);
  std::string out = literals.replace(text);
  CHECK(out == one_by_one(text, pairs));
  return out;
}

}  // namespace

TEST_CASE("redact literals: where two overlap, the one given first wins") {
  CHECK(replaced("call 555-0199-77", {{"555-0199", "[phone]"}, {"0199-77", "[id]"}}) ==
        "call [phone]-77");
  CHECK(replaced("call 555-0199-77", {{"0199-77", "[id]"}, {"555-0199", "[phone]"}}) ==
        "call 555-[id]");
}

TEST_CASE("redact literals: a literal inside another is replaced first when given first") {
  // Not the longest match: a text holding one client's short phone and
  // another's long one reads as the loop over clients left it.
  CHECK(replaced("(347) 555-0199", {{"555-0199", "[phone]"}, {"(347) 555-0199", "[long]"}}) ==
        "(347) [phone]");
  CHECK(replaced("(347) 555-0199", {{"(347) 555-0199", "[long]"}, {"555-0199", "[phone]"}}) ==
        "[long]");
  // The same text twice: the first replacement is the one seen.
  CHECK(replaced("ana@example.org", {{"ana@example.org", "[email]"}, {"ana@example.org", "[x]"}}) ==
        "[email]");
}

TEST_CASE("redact literals: a replacement may make a later literal, as the loop did") {
  // Client ids that look like pseudonyms: a single pass over the text with
  // all literals at once would leave "client-a"; the loop, and so the
  // automaton, replaces the replacement again.
  CHECK(replaced("see client-b", {{"client-b", "client-a"}, {"client-a", "client-b"}}) ==
        "see client-b");
  CHECK(replaced("x", {{"x", "[phone]"}, {"phone", "[id]"}}) == "[[id]]");
}

TEST_CASE("redact literals: bytes as written, case and accents included, inside words too") {
  Pairs pairs{{"María@x.org", "[email]"}, {"2001-07-04", "[date of birth]"}};
  CHECK(replaced("maria@x.org MARÍA@x.org María@x.org", pairs) ==
        "maria@x.org MARÍA@x.org [email]");
  CHECK(replaced("b2001-07-04a", pairs) == "b[date of birth]a");
  CHECK(replaced("no literal here", pairs) == "no literal here");
  CHECK(replaced("", pairs).empty());
}

TEST_CASE("redact literals: an empty literal is never added, a literal added late is seen") {
  Literals literals;
  literals.add("", "[x]");
  CHECK(literals.replace("abc") == "abc");
  literals.add("b", "[b]");
  CHECK(literals.replace("abc") == "a[b]c");
  literals.add("c", "[c]");  // after a replace: the automaton is built again
  CHECK(literals.replace("abc") == "a[b][c]");
}

TEST_CASE("redact literals: the same text as the loop on random literals and texts") {
  // Few letters, so that literals overlap, nest, repeat and chain.
  std::mt19937 random(18);
  auto word = [&](std::size_t most) {
    std::string out(1 + random() % most, 'a');
    for (auto& c : out) c = "ab-\xc3"[random() % 4];
    return out;
  };
  for (int round = 0; round < 3000; ++round) {
    Pairs pairs;
    for (std::size_t n = random() % 8; n > 0; --n)
      pairs.emplace_back(word(4), random() % 3 ? "[" + word(2) + "]" : word(3));
    std::string text = word(30);
    Literals literals;
    for (const auto& [from, to] : pairs) literals.add(from, to);
    REQUIRE_MESSAGE(literals.replace(text) == one_by_one(text, pairs), text);
  }
}

TEST_CASE("redact literals: ten thousand clients' details, each found where it is") {
  Pairs pairs;
  for (int i = 0; i < 10000; ++i) {
    pairs.emplace_back("client-" + std::to_string(i) + "-id", "client-x");
    pairs.emplace_back("(347) 555-" + std::to_string(10000 + i), "[phone]");
  }
  std::string text = "met client-42-id; call (347) 555-19999 or (347) 555-1000";
  CHECK(replaced(text, pairs) == "met client-x; call [phone] or (347) 555-1000");
}
