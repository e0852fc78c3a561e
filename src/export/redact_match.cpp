// What each token of a text becomes under export --redact: dates of birth,
// phone and id numbers, street addresses, emails and names, found token by
// token (no regular expressions: they are slow and deep on long texts).
#include <algorithm>
#include <cctype>

#include "export/redact_text.hpp"

namespace casekit::redaction {
namespace {

bool all_capitals(std::string_view word) {
  return word.size() >= 2 &&
         std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool one_line_space(const Token& token) {
  return token.kind == Token::space && token.text.size() <= 3 &&
         token.text.find('\n') == std::string_view::npos;
}

std::size_t digits_in(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// 4th, 21st: a number, not an id.
bool ordinal(std::string_view code) {
  std::size_t letters = code.find_first_not_of("0123456789");
  if (letters == 0 || letters == std::string_view::npos) return false;
  std::string suffix = fold(code.substr(letters));
  return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

bool email_local(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("._%+-").find(c) != std::string_view::npos;
}
bool email_domain(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

// The context the next token is read in.
class Reader {
 public:
  explicit Reader(const Policy& policy) : policy_(policy) {}
  const Position& position() const { return position_; }
  void passed(const Token& token) {
    if (token.kind == Token::space) {
      if (token.text.find('\n') != std::string_view::npos) position_.sentence_start = true;
    } else if (token.kind == Token::other) {
      if (is_other(token, ".!?:") && !position_.after_title) position_.sentence_start = true;
      if (token.text == "#") remember("#");
    } else {
      remember(fold(token.text));
      position_.sentence_start = false;
      position_.after_title = policy_.titles.count(recent_[0]) > 0;
    }
  }

 private:
  void remember(std::string word) {
    recent_[2] = std::move(recent_[1]);
    recent_[1] = std::move(recent_[0]);
    recent_[0] = std::move(word);
    auto after = [&](const WordSet& words, int count) {
      for (int k = 0; k < count; ++k)
        if (words.count(recent_[k])) return true;
      return false;
    };
    position_.after_birth_word = after(policy_.birth_words, 3);
    position_.after_id_word = after(policy_.id_words, 2);
  }

  const Policy& policy_;
  Position position_;
  // The last three words: "born in", "DOB:", "birth year is" come before the date.
  std::string recent_[3];
};

// The scrubbed text; a replacement repeated with only blanks between is
// written once ("Grace Bell" is "[name]", not "[name] [name]").
struct Output {
  std::string text;
  const std::string* last = nullptr;
  std::size_t last_end = 0;

  void replace(const std::string& replacement) {
    if (last && *last == replacement &&
        text.find_first_not_of(" \t", last_end) == std::string::npos) {
      text.resize(last_end);
      return;
    }
    text += replacement;
    last = &replacement;
    last_end = text.size();
  }
};

}  // namespace

// Texts are built by appending, never by replacing inside them: a text of
// many addresses or ids stays linear.
std::string Scrubber::scrub_emails(std::string text) const {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at, end = at + 1;
    while (begin > copied && email_local(text[begin - 1])) --begin;
    while (end < text.size() && email_domain(text[end])) ++end;
    while (end > at + 1 && text[end - 1] == '.') --end;  // the sentence's full stop
    std::size_t dot = std::string_view(text).substr(at, end - at).find('.');  // in the domain only
    if (begin == at || dot == std::string_view::npos || at + dot + 1 >= end) continue;
    out.append(text, copied, begin - copied);
    out += placeholder("email");
    copied = end;
    at = end - 1;
  }
  if (copied == 0) return text;
  out.append(text, copied);
  return out;
}

Scrubber::Match Scrubber::known_at(const std::vector<Token>& tokens, std::size_t i) const {
  Match best;
  std::string key;
  for (std::size_t j = i, words = 0;
       j < tokens.size() && words < longest_known_ && alphanumeric(tokens[j]); ++words) {
    key += (words ? " " : "") + fold(tokens[j].text);
    if (auto found = known_.find(key); found != known_.end())
      best = {j + 1, found->second.empty() ? nullptr : &found->second};
    std::size_t k = j + 1;
    while (k < tokens.size() && k - j <= 2 &&
           (one_line_space(tokens[k]) || is_other(tokens[k], ".,-'") || tokens[k].text == "\u2019"))
      ++k;
    if (k == j + 1) break;
    j = k;
  }
  return best;
}

Scrubber::Match Scrubber::date_at(const std::vector<Token>& tokens, std::size_t i,
                                  bool after_birth_word) const {
  std::vector<DateReading> readings;
  std::size_t end = read_date(tokens, i, readings);
  bool compact = end == 0 && tokens[i].kind == Token::number;
  if (compact) {
    readings = compact_date(tokens[i].text);
    end = i + 1;
  }
  bool birth = std::any_of(readings.begin(), readings.end(), [&](const DateReading& r) {
    return std::any_of(births_.begin(), births_.end(), [&](const Date& d) { return r.is(d); });
  });
  // A date after "born" or "DOB" is someone's birth date, whoever's it is;
  // so is a year there ("born in 2004", "his birth year is 2004").
  if (birth || (after_birth_word && !readings.empty())) return {end, &placeholder("date_of_birth")};
  if (after_birth_word)
    if (std::size_t year_end = read_birth_year(tokens, i))
      return {year_end, &placeholder("date_of_birth")};
  // Other dates stay (dates of contacts, 2026-11-30), whole, so that no
  // part of one is read as a phone number; digits that might be a date,
  // and a day without a year, are only a date when they are a birth date.
  bool written = !compact && !readings.empty() && readings[0].year >= 0;
  return written ? Match{end, nullptr} : Match{};
}

// Phone, social security and card numbers: 7 to 19 digits in groups,
// with or without separators: (347) 555-0199, +1 347 555 0199, 5550199, 123 45 6789.
Scrubber::Match Scrubber::number_run_at(const std::vector<Token>& tokens, std::size_t i,
                                        bool after_id_word) const {
  std::size_t j = i + (tokens[i].kind == Token::other ? 1 : 0), digits = 0, end = 0;
  std::vector<std::size_t> groups;
  while (j < tokens.size() && tokens[j].kind == Token::number) {
    std::size_t size = tokens[j].text.size();
    if ((!groups.empty() && size < 2) || digits + size > 19) break;  // 19: card numbers
    groups.push_back(size);
    digits += size;
    end = j + 1;
    std::size_t k = end;
    while (k < tokens.size() && k - end < 3 &&
           (one_line_space(tokens[k]) || is_other(tokens[k], "-.()")))
      ++k;
    if (k == end) break;
    j = k;
  }
  if (digits < 7) return {};
  bool ssn = digits == 9 && (groups.size() == 1 || groups == std::vector<std::size_t>{3, 2, 4});
  return {end, &placeholder(ssn || after_id_word ? "id_number" : "phone")};
}

// A number, up to five words and a street word: 1450 Grand Concourse Ave,
// 1450 grand concourse, 315 E. 149th St.
Scrubber::Match Scrubber::address_at(const std::vector<Token>& tokens, std::size_t i) const {
  if (digits_in(tokens[i].text) > 6 || !std::isdigit(static_cast<unsigned char>(tokens[i].text[0])))
    return {};
  std::size_t j = i + 1, end = 0;
  for (int words = 0; words < 5; ++words) {
    std::size_t k = j + (j < tokens.size() && is_other(tokens[j], ".") ? 1 : 0);
    if (k + 1 >= tokens.size() || !one_line_space(tokens[k]) || !alphanumeric(tokens[k + 1])) break;
    std::string word = fold(tokens[k + 1].text);
    if (policy_.address_stop_words.count(word)) break;
    j = k + 2;
    if (policy_.street_words.count(word)) end = j;
  }
  return end ? Match{end, &placeholder("address")} : Match{};
}

// Apt 4B, unit #3, Suite 210.
Scrubber::Match Scrubber::unit_at(const std::vector<Token>& tokens, std::size_t i) const {
  std::size_t j = i + 1;
  while (j < tokens.size() && j - i <= 3 &&
         (one_line_space(tokens[j]) || is_other(tokens[j], ".#")))
    ++j;
  if (j == i + 1 || j >= tokens.size() || tokens[j].kind == Token::word || !alphanumeric(tokens[j]))
    return {};
  return {j + 1, &placeholder("address")};
}

// Program ids: AB12345C anywhere; after "Medicaid #", "CIN" or "case"
// any number of 3 or more digits. An id may be written in parts
// (1EG4-TE5-MK72).
Scrubber::Match Scrubber::id_at(const std::vector<Token>& tokens, std::size_t i,
                                bool after_id_word) const {
  std::size_t end = i + 1, digits = digits_in(tokens[i].text);
  bool code = tokens[i].kind == Token::code && !ordinal(tokens[i].text);
  while (end + 1 < tokens.size() && is_other(tokens[end], "-") &&
         tokens[end + 1].kind != Token::word && alphanumeric(tokens[end + 1])) {
    code = code || tokens[end + 1].kind == Token::code;
    digits += digits_in(tokens[end + 1].text);
    end += 2;
  }
  if ((code && digits >= 4) || (after_id_word && digits >= 3))
    return {end, &placeholder("id_number")};
  return {};
}

const std::string* Scrubber::word_at(const std::vector<Token>& tokens, std::size_t i,
                                     const Position& position) const {
  std::string_view text = tokens[i].text;
  std::string folded = fold(text);
  if (folded.size() < 2 || kept(folded)) return nullptr;
  if (!capitalised(text)) return speller_ && !dictionary(folded) ? &placeholder("name") : nullptr;
  if (position.after_title || !dictionary(folded)) return &placeholder("name");
  // A capital at the start of a sentence or in capitals says nothing:
  // there a word is kept unless the dictionary has it as a name too.
  bool weak = position.sentence_start || all_capitals(text);
  bool name = !weak || (proper_names_ && proper_names_->count(folded));
  return name ? &placeholder("name") : nullptr;
}

Scrubber::Match Scrubber::match_at(const std::vector<Token>& tokens, std::size_t i,
                                   const Position& position) const {
  const Token& token = tokens[i];
  if (token.kind == Token::space) return {};
  if (token.kind == Token::other)
    return token.text == "+" || token.text == "(" ? number_run_at(tokens, i, position.after_id_word)
                                                  : Match{};
  if (auto m = date_at(tokens, i, position.after_birth_word); m.end) return m;
  if (token.kind == Token::word && policy_.unit_words.count(fold(token.text)))
    if (auto m = unit_at(tokens, i); m.end) return m;
  if (auto m = known_at(tokens, i); m.end) return m;
  if (token.kind != Token::word) {
    if (auto m = number_run_at(tokens, i, position.after_id_word); m.end) return m;
    if (auto m = address_at(tokens, i); m.end) return m;
    return id_at(tokens, i, position.after_id_word);
  }
  const std::string* name = word_at(tokens, i, position);
  return {i + 1, name};
}

std::string Scrubber::scrub(std::string text) const {
  text = literals_.replace(std::move(text));
  text = scrub_emails(std::move(text));
  auto tokens = tokenize(text);
  Output out;
  Reader reader(policy_);
  for (std::size_t i = 0; i < tokens.size();) {
    Match match = match_at(tokens, i, reader.position());
    std::size_t end = std::max(match.end, i + 1);
    if (match.replacement) {
      out.replace(*match.replacement);
    } else {
      for (std::size_t j = i; j < end; ++j) out.text += tokens[j].text;
    }
    for (; i < end; ++i) reader.passed(tokens[i]);
  }
  return std::move(out.text);
}

void Scrubber::learn_word(std::string_view word, const Position& position) {
  std::string folded = fold(word);
  if (folded.size() < 2 || kept(folded)) return;
  if (!capitalised(word)) return;
  // Only a word that is no dictionary word, or that the dictionary has as
  // a name too (Hunter), becomes a name in lower case as well: "Science"
  // in "the Science test" is replaced there, "science" stays elsewhere.
  bool proper = proper_names_ && proper_names_->count(folded);
  bool weak = position.sentence_start || all_capitals(word);
  bool name = position.after_title || !dictionary(folded) || (proper && !weak);
  if (name) known_.emplace(folded, placeholder("name"));
}

void Scrubber::learn(std::string_view text) {
  auto tokens = tokenize(text);
  Reader reader(policy_);
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t end = i + 1;
    if (tokens[i].kind == Token::word) {
      Match known = known_at(tokens, i);  // organisations and names already known stay as they are
      if (known.end)
        end = known.end;
      else
        learn_word(tokens[i].text, reader.position());
    }
    for (; i < end; ++i) reader.passed(tokens[i]);
  }
}

}  // namespace casekit::redaction
