// Writes a synthetic case folder of N clients, each with a client.yaml,
// a plan.yaml and 20 notes, for the benchmark of `casekit check`
// (scripts/bench), built from the sample's exemplary record.
//
// By default the records vary as real ones do: names from a list with
// accents and apostrophes, note texts drawn from a pool (note_pool.txt)
// with typographic punctuation, written as folded, plain multi-line or
// double-quoted scalars, and a share of the notes (TYPO_PERCENT, 5 by
// default) with one mistyped word (a swapped, dropped, doubled or wrong
// letter). --uniform writes the old data instead: one note twenty times
// with new dates, all alike, ASCII only, without typos.
//
// Usage: generate_caseload SAMPLE_CASELOAD OUT_FOLDER CLIENTS [TYPO_PERCENT] [--uniform]
#include <fmt/format.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, 20> kFirst = {
    "Rosa",  "José",  "Zoë", "Chloé", "Søren",   "Łukasz", "Aoife", "Keisha", "Dmitri", "Mariam",
    "Tomás", "Ngozi", "Wei", "Fatma", "Darnell", "Inés",   "Björn", "Priya",  "Jamal",  "Renée"};
constexpr std::array<const char*, 20> kLast = {
    "Delgado", "Nguyễn",  "Müller",  "O'Brien", "Okafor",  "García",   "Kowalski",
    "Haddad",  "Smith",   "Ramírez", "Johnson", "Lefèvre", "Petrović", "Brown",
    "Kim",     "Ábrahám", "Dubois",  "Osei",    "Núñez",   "Walker"};
constexpr std::array<const char*, 4> kProseKeys = {"strengths", "objective", "assessment", "data"};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The pool's paragraphs, separated by blank lines.
std::vector<std::string> read_pool(const fs::path& path) {
  std::vector<std::string> pool;
  std::istringstream in(read(path));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) pool.push_back(line);
  return pool;
}

// One mistyped word: a word of five letters or more, with a typo of one
// of the common kinds.
std::string add_typo(std::string text, std::mt19937& rng) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t j = i;
    while (j < text.size() && text[j] >= 'a' && text[j] <= 'z') ++j;
    bool alone = (i == 0 || text[i - 1] == ' ') &&
                 (j == text.size() || text[j] == ' ' || text[j] == '.' || text[j] == ',');
    if (j - i >= 5 && alone) starts.push_back(i);
    i = j;
  }
  if (starts.empty()) return text;
  std::size_t at = starts[rng() % starts.size()] + 1 + rng() % 3;  // inside the word
  switch (rng() % 4) {
    case 0:
      std::swap(text[at], text[at + 1]);
      break;
    case 1:
      text.erase(at, 1);
      break;
    case 2:
      text.insert(at, 1, text[at]);
      break;
    default:
      text[at] = "aeiou"[rng() % 5] == text[at] ? 'y' : "aeiou"[rng() % 5];
      break;
  }
  return text;
}

std::string folded(const std::string& key, const std::string& text) {
  std::string out = key + ": >-\n", line;
  std::istringstream words(text);
  for (std::string word; words >> word;) {
    if (!line.empty() && line.size() + word.size() > 70) out += "  " + line + "\n", line.clear();
    line += (line.empty() ? "" : " ") + word;
  }
  return out + "  " + line + "\n";
}

// A plain scalar over several lines where YAML allows one (no ": " or
// " #" inside), else folded.
std::string scalar(const std::string& key, const std::string& text, std::mt19937& rng) {
  unsigned style = rng() % 20;
  bool plain_ok = text.find(": ") == std::string::npos && text.find(" #") == std::string::npos;
  if (style < 5 && plain_ok) {
    std::string out = folded(key, text);
    return key + ": " + out.substr(key.size() + 7);  // the same lines without ">-"
  }
  if (style < 8 && text.find('"') == std::string::npos) return key + ": \"" + text + "\"\n";
  return folded(key, text);
}

std::string note_text(const std::string& head, const std::string& tail,
                      const std::vector<std::string>& pool, const std::string& first,
                      int typo_percent, std::mt19937& rng) {
  std::array<std::string, 4> texts;
  for (auto& text : texts) text = replace_all(pool[rng() % pool.size()], "{name}", first);
  if (static_cast<int>(rng() % 100) < typo_percent) {
    auto& chosen = texts[rng() % texts.size()];
    chosen = add_typo(chosen, rng);
  }
  std::string out = head + "\n";
  for (std::size_t k = 0; k < texts.size(); ++k) out += scalar(kProseKeys[k], texts[k], rng);
  return out + tail;
}

void write_uniform(const fs::path& dir, const std::string& note) {
  // Twenty notes, one every four days from 2026-08-01, the same shape.
  for (int n = 0; n < 20; ++n) {
    int day = 1 + n * 4;
    std::string date = fmt::format("2026-{:02}-{:02}", 8 + (day - 1) / 31, 1 + (day - 1) % 31);
    write(dir / "notes" / fmt::format("{}-1100-in-person.yaml", date),
          replace_all(note, "2026-10-07", date));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || argc > 6) {
    fmt::print(stderr,
               "usage: generate_caseload SAMPLE_CASELOAD OUT_FOLDER CLIENTS [TYPO_PERCENT] "
               "[--uniform]\n");
    return 2;
  }
  fs::path sample = argv[1], out = argv[2];
  int clients = std::atoi(argv[3]);
  bool uniform = std::string(argv[argc - 1]) == "--uniform";
  int typo_percent = argc >= 5 && !(argc == 5 && uniform) ? std::atoi(argv[4]) : 5;
  fs::path model = sample / "clients" / "marcus-jones";
  std::string client = read(model / "client.yaml"), plan = read(model / "plan.yaml");
  std::string note = read(model / "notes" / "2026-10-07-1100-in-person.yaml");
  std::string head = note.substr(0, note.find("\nstrengths:"));
  std::string tail = note.substr(note.find("\nplan:") + 1);
  std::vector<std::string> pool = read_pool(CASEKIT_NOTE_POOL);
  if (pool.empty()) {
    fmt::print(stderr, "generate_caseload: cannot read {}\n", CASEKIT_NOTE_POOL);
    return 1;
  }
  fs::create_directories(out / "clients");
  fs::copy_file(sample / "casekit.yaml", out / "casekit.yaml",
                fs::copy_options::overwrite_existing);
  std::mt19937 rng(20261202);
  for (int i = 0; i < clients; ++i) {
    std::string id = fmt::format("client-{:05}", i);
    fs::path dir = out / "clients" / id;
    fs::create_directories(dir / "notes");
    if (uniform) {
      write(dir / "client.yaml", replace_all(client, "marcus-jones", id));
      write(dir / "plan.yaml", plan);
      write_uniform(dir, note);
      continue;
    }
    std::string first = kFirst[rng() % kFirst.size()], last = kLast[rng() % kLast.size()];
    auto named = [&](std::string text) {
      text = replace_all(replace_all(text, "marcus-jones", id), "Marcus Jones", first + " " + last);
      return replace_all(replace_all(text, "Marcus", first), "Jones", last);
    };
    write(dir / "client.yaml", named(client));
    write(dir / "plan.yaml", named(plan));
    for (int n = 0; n < 20; ++n) {
      int day = 1 + n * 4;
      std::string date = fmt::format("2026-{:02}-{:02}", 8 + (day - 1) / 31, 1 + (day - 1) % 31);
      std::string text = named(replace_all(head, "2026-10-07", date));
      write(dir / "notes" / fmt::format("{}-1100-in-person.yaml", date),
            note_text(text, named(tail), pool, first, typo_percent, rng));
    }
  }
  return 0;
}
