// The literals of export --redact (redact_text.hpp): one Aho-Corasick
// automaton over every client's details. A loop over the literals read
// each text once per literal, and there are about five per client: at a
// thousand clients that was most of a redacted export's time.
#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>

#include "export/redact_text.hpp"

namespace casekit::redaction {

// The automaton's nodes are the distinct prefixes of the literals, in
// breadth-first order, so that the children of a node are consecutive:
// a node's edges are the range [first_child[n], first_child[n + 1]) and
// each child keeps the byte that leads to it. Four arrays of numbers,
// not a node object each: a caseload of 10,000 clients has about a
// million prefixes.
struct Literals::Index {
  static constexpr std::uint32_t none = UINT32_MAX;
  std::size_t literals = 0;  // how many were added when it was built
  std::vector<std::uint32_t> first_child, fail, next_end;
  std::vector<unsigned char> byte;
  // The literal that ends at a node, as an index into `texts`, or none;
  // texts[t] is the first of the literals of one text in `order`.
  std::vector<std::uint32_t> ends;
  std::vector<std::uint32_t> order, texts;  // literals by text, then as added
  std::array<std::uint32_t, 256> from_root{};

  std::uint32_t child(std::uint32_t node, unsigned char c) const;
  std::uint32_t first_in(std::string_view text, std::uint32_t from) const;
  std::uint32_t earliest(std::uint32_t text, std::uint32_t from, std::uint32_t best) const;
  void add_nodes(const std::vector<std::string_view>& sorted);
  void add_links();
};

std::uint32_t Literals::Index::child(std::uint32_t node, unsigned char c) const {
  if (node == 0) return from_root[c];
  auto begin = byte.begin() + first_child[node], end = byte.begin() + first_child[node + 1];
  auto at = std::lower_bound(begin, end, c);
  return at != end && *at == c ? static_cast<std::uint32_t>(at - byte.begin()) : 0;
}

// The earliest literal of one text that is `from` or later, or `best`.
std::uint32_t Literals::Index::earliest(std::uint32_t text, std::uint32_t from,
                                        std::uint32_t best) const {
  auto begin = order.begin() + texts[text], end = order.begin() + texts[text + 1];
  auto at = std::lower_bound(begin, end, from);
  return at != end ? std::min(best, *at) : best;
}

// The earliest literal, `from` or later, that occurs in `text`: none when
// none does.
std::uint32_t Literals::Index::first_in(std::string_view text, std::uint32_t from) const {
  std::uint32_t best = none, node = 0;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    std::uint32_t next = child(node, c);
    while (next == 0 && node != 0) {
      node = fail[node];
      next = child(node, c);
    }
    node = next;
    for (std::uint32_t end = ends[node] != none ? node : next_end[node]; end != 0;
         end = next_end[end]) {
      best = earliest(ends[end], from, best);
      if (best == from) return best;
    }
  }
  return best;
}

Literals::Literals() = default;
Literals::~Literals() = default;

void Literals::add(std::string text, std::string replacement) {
  // An empty text is everywhere: replacing it would never end.
  if (!text.empty()) literals_.emplace_back(std::move(text), std::move(replacement));
}

// The nodes of the trie, level by level: a node is the run of the sorted
// texts that share its prefix, and a text as long as the prefix ends there.
void Literals::Index::add_nodes(const std::vector<std::string_view>& sorted) {
  struct Texts {
    std::uint32_t lo, hi;
  };
  std::vector<Texts> nodes{{0, static_cast<std::uint32_t>(sorted.size())}};
  byte.push_back(0);
  for (std::size_t depth = 0, begin = 0; begin < nodes.size(); ++depth) {
    std::size_t end = nodes.size();
    for (std::size_t n = begin; n < end; ++n) {
      auto [lo, hi] = nodes[n];
      first_child.push_back(static_cast<std::uint32_t>(nodes.size()));
      ends.push_back(none);
      if (sorted[lo].size() == depth) ends.back() = lo++;
      for (std::uint32_t i = lo, j = lo; i < hi; i = j) {
        auto c = static_cast<unsigned char>(sorted[i][depth]);
        while (j < hi && static_cast<unsigned char>(sorted[j][depth]) == c) ++j;
        nodes.push_back({i, j});
        byte.push_back(c);
      }
    }
    begin = end;
  }
  first_child.push_back(static_cast<std::uint32_t>(nodes.size()));
}

// Where the automaton goes on a byte that has no edge: the node of the
// longest proper suffix that is a prefix too; and the nearest of those
// suffixes where a literal ends, so every literal ending at a byte is seen.
void Literals::Index::add_links() {
  std::size_t nodes = byte.size();
  fail.assign(nodes, 0);
  next_end.assign(nodes, 0);
  for (std::uint32_t v = first_child[0]; v < first_child[1]; ++v) from_root[byte[v]] = v;
  for (std::uint32_t n = 1; n < nodes; ++n) {
    for (std::uint32_t v = first_child[n]; v < first_child[n + 1]; ++v) {
      std::uint32_t f = fail[n], w = child(f, byte[v]);
      while (w == 0 && f != 0) {
        f = fail[f];
        w = child(f, byte[v]);
      }
      fail[v] = w;
      next_end[v] = ends[w] != none ? w : next_end[w];
    }
  }
}

const Literals::Index& Literals::index() const {
  if (index_ && index_->literals == literals_.size()) return *index_;
  auto index = std::make_unique<Index>();
  index->literals = literals_.size();
  index->order.resize(literals_.size());
  std::iota(index->order.begin(), index->order.end(), 0u);
  std::stable_sort(index->order.begin(), index->order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return literals_[a].first < literals_[b].first;
  });
  std::vector<std::string_view> distinct;
  for (std::uint32_t i = 0; i < index->order.size(); ++i) {
    const std::string& text = literals_[index->order[i]].first;
    if (distinct.empty() || distinct.back() != text) {
      distinct.push_back(text);
      index->texts.push_back(i);
    }
  }
  index->texts.push_back(static_cast<std::uint32_t>(index->order.size()));
  index->add_nodes(distinct);
  index->add_links();
  index_ = std::move(index);
  return *index_;
}

std::string Literals::replace(std::string text) const {
  if (literals_.empty()) return text;
  const Index& found = index();
  for (std::uint32_t k = found.first_in(text, 0); k != Index::none;
       k = found.first_in(text, k + 1)) {
    // As the loop over every literal did, for the one that occurs: the
    // literals before it are not in this text, and the loop would have
    // passed them by.
    const auto& [from, to] = literals_[k];
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

}  // namespace casekit::redaction
