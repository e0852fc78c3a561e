#include "views/search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/did_you_mean.hpp"
#include "base/printable.hpp"
#include "base/unaccented.hpp"
#include "schema/schema.hpp"

namespace casekit {
namespace {

constexpr std::size_t kMaxShown = 160;

// Each key of the file with where it starts, in the order of the text.
struct KeyAt {
  int line = 0, column = 0;  // 0-based
  std::string name;
};

void collect_keys(const YamlNode& node, std::vector<KeyAt>& out) {
  for (std::size_t i = 0; i < node.keys.size(); ++i)
    out.push_back({node.keys[i].mark.line, node.keys[i].mark.column, node.keys[i].value});
  for (const auto& item : node.items) collect_keys(item, out);
}

// The keys of a file's YAML; none when it is not YAML casekit can read
// (a hit there is still shown, under no key).
std::vector<KeyAt> keys_of(const std::string& text) {
  std::vector<KeyAt> keys;
  try {
    SourceText source = decode_source(text, "search");
    collect_keys(parse_yaml(source, "search"), keys);
  } catch (const Error&) {
    return {};
  }
  std::sort(keys.begin(), keys.end(), [](const KeyAt& a, const KeyAt& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  return keys;
}

// The key a position is under: the last key that starts before it.
const KeyAt* key_before(const std::vector<KeyAt>& keys, int line, int column) {
  auto after = std::upper_bound(keys.begin(), keys.end(), std::pair{line, column},
                                [](const std::pair<int, int>& at, const KeyAt& key) {
                                  return at < std::pair{key.line, key.column};
                                });
  return after == keys.begin() ? nullptr : &*(after - 1);
}

// The line without its indentation, cut to what a terminal line shows,
// never inside a UTF-8 character, made printable.
std::string shown_line(std::string_view line) {
  std::size_t start = line.find_first_not_of(" \t");
  line = start == std::string_view::npos ? std::string_view{} : line.substr(start);
  if (line.size() > kMaxShown) {
    std::size_t cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    return printable(std::string(line.substr(0, cut))) + "...";
  }
  return printable(std::string(line));
}

// A hit in a key's own name is no hit: "objective" is in every note.
bool in_key(const KeyAt* key, int line, std::size_t column) {
  return key && key->line == line && column < key->column + key->name.size() + 1;
}

std::vector<std::string> record_files(const CaseFolder& folder, const std::string& id,
                                      const SearchQuery& query, const SearchSink& sink) {
  fs::path client = folder.client_folder(id);
  std::vector<std::string> files;
  if (!query.since) files = {"client.yaml", "plan.yaml"};
  try {
    for (const auto& name : folder.files().list(client / "notes")) {
      auto date = Date::parse(std::string_view(name).substr(0, 10));
      if (name.ends_with(".yaml") && name[0] != '.' &&
          (!query.since || (date && *date >= *query.since)))
        files.push_back("notes/" + name);
    }
  } catch (const RefusedEntry& e) {
    sink.skipped(fmt::format("{}: {}", e.location().file, e.what()));
  }
  return files;
}

void search_file(const CaseFolder& folder, const std::string& id, const std::string& name,
                 const std::string& folded_query, const SearchQuery& query,
                 const SearchSink& sink) {
  fs::path path = folder.client_folder(id) / name;
  std::optional<std::string> text;
  try {
    text = folder.files().read(path, max_file_bytes);
  } catch (const Error& e) {
    if (e.status() != ExitStatus::usage) throw;
    sink.skipped(fmt::format("{}: {}", folder.display(path), e.what()));
    return;
  }
  // Most files hold nothing of the text: one pass over the file says so.
  if (!text || unaccented_lower(*text).find(folded_query) == std::string::npos) return;
  for (auto& hit : search_text(*text, folded_query, query.field)) {
    hit.client = id;
    hit.file = printable(folder.display(path));
    sink.hit(std::move(hit));
  }
}

}  // namespace

void require_valid(const SearchQuery& query) {
  if (query.text.find_first_not_of(" \t") == std::string::npos)
    throw Error("there is nothing to search for",
                "give the text to find, like casekit search housing");
  if (query.text.find('\n') != std::string::npos)
    throw Error("the text to find is on more than one line", "search for one line of text");
  if (query.field.empty()) return;
  std::set<std::string> keys;
  for (const auto& shape : all_shapes())
    for (const auto& field : shape.fields) keys.insert(field.name);
  if (keys.count(query.field)) return;
  std::string guess = did_you_mean(query.field, {keys.begin(), keys.end()});
  throw Error(
      fmt::format("{}: no record has a key '{}'", input_field("field"), printable(query.field)),
      guess.empty() ? "casekit(5) lists the keys" : fmt::format("did you mean '{}'?", guess));
}

std::vector<SearchHit> search_text(const std::string& text, const std::string& folded_query,
                                   const std::string& field) {
  std::vector<SearchHit> hits;
  std::vector<KeyAt> keys;
  bool keys_read = false;
  int line = 0;
  for (std::size_t start = 0; start < text.size(); ++line) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view original(text.data() + start, end - start);
    if (original.ends_with('\r')) original.remove_suffix(1);
    std::string folded = unaccented_lower(original);
    for (std::size_t at = folded.find(folded_query); at != std::string::npos;
         at = folded.find(folded_query, at + 1)) {
      if (!keys_read) {
        keys = keys_of(text);
        keys_read = true;
      }
      const KeyAt* key = key_before(keys, line, static_cast<int>(at));
      if (in_key(key, line, at)) continue;
      std::string under = key ? key->name : "";
      if (!field.empty() && under != field) continue;
      hits.push_back({"", "", line + 1, under, shown_line(original)});
      break;  // one hit a line, as grep shows it
    }
    start = end + 1;
  }
  return hits;
}

void search_caseload(const CaseFolder& folder, const SearchQuery& query, const SearchSink& sink) {
  require_valid(query);
  std::string folded_query = unaccented_lower(query.text);
  std::vector<std::string> ids =
      query.client.empty() ? folder.client_ids() : std::vector<std::string>{query.client};
  for (const auto& id : ids)
    for (const auto& name : record_files(folder, id, query, sink))
      search_file(folder, id, name, folded_query, query, sink);
}

SearchResult search_caseload(const CaseFolder& folder, const SearchQuery& query) {
  SearchResult result;
  search_caseload(folder, query,
                  {[&](SearchHit hit) { result.hits.push_back(std::move(hit)); },
                   [&](std::string skipped) { result.skipped.push_back(std::move(skipped)); }});
  return result;
}

}  // namespace casekit
