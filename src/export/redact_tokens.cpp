// Tokens, folded spellings and written dates for redaction (redact_text.hpp).
#include <algorithm>
#include <array>

#include "export/redact_text.hpp"

namespace casekit::redaction {
namespace {

// The value of a run of ASCII digits, or -1, which no date matches: a
// number token may hold other digits or separators (fuzz_redact found
// std::stoi throwing on them).
int number_of(std::string_view text) {
  if (text.empty() || text.size() > 9) return -1;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// One code point of UTF-8 (records are valid UTF-8; a stray byte reads as itself).
char32_t decode(std::string_view text, std::size_t at, std::size_t& length) {
  auto first = static_cast<unsigned char>(text[at]);
  length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
  if (length == 1 || at + length > text.size()) {
    length = 1;
    return first;
  }
  char32_t code = first & (0x3F >> (length - 1));
  for (std::size_t i = 1; i < length; ++i)
    code = (code << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  return code;
}

bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000;
}

// Letters of any script; punctuation blocks (typographic quotes, dashes)
// and the Latin-1 signs are not.
bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  return !(c >= 0x2000 && c < 0x2070) && !(c >= 0x2E00 && c < 0x2E80) &&
         !(c >= 0x3000 && c < 0x3040) && !(c >= 0xFE30 && c < 0xFE70) &&
         !(c >= 0xFF00 && c < 0xFF10) && !is_space(c);
}

// The base letter of U+00C0..U+017F ('*' for the two signs among them).
constexpr const char* latin1 = "aaaaaaaceeeeiiiidnooooo*ouuuuytsaaaaaaaceeeeiiiidnooooo*ouuuuyty";
constexpr const char* latin_extended_a =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssss"
    "ssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";

void fold_code(char32_t c, std::string_view bytes, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  } else if (c >= 0xC0 && c < 0x100) {
    out += latin1[c - 0xC0];
  } else if (c >= 0x100 && c < 0x180) {
    out += latin_extended_a[c - 0x100];
  } else if (c < 0x300 || c >= 0x370) {  // combining accents (U+0300..U+036F) fold away
    out += bytes;
  }
}

Token::Kind kind_of(bool letters, bool digits) {
  if (letters && digits) return Token::code;
  return digits ? Token::number : Token::word;
}

bool is_ordinal_suffix(std::string_view s) {
  return s == "st" || s == "nd" || s == "rd" || s == "th";
}

}  // namespace

std::string fold(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0, length = 1; i < word.size(); i += length) {
    char32_t c = decode(word, i, length);
    fold_code(c, word.substr(i, length), out);
  }
  return out;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  for (std::size_t i = 0, length = 1; i < text.size();) {
    char32_t c = decode(text, i, length);
    std::size_t end = i + length;
    if (is_letter(c) || is_digit(c) || (c >= 0x300 && c < 0x370)) {
      bool letters = false, digits = false;
      for (std::size_t at = i; at < text.size(); at += length) {
        char32_t d = decode(text, at, length);
        if (!is_letter(d) && !is_digit(d) && !(d >= 0x300 && d < 0x370)) break;
        (is_digit(d) ? digits : letters) = true;
        end = at + length;
      }
      tokens.push_back({kind_of(letters, digits), text.substr(i, end - i)});
    } else if (is_space(c)) {
      for (std::size_t at = end; at < text.size() && is_space(decode(text, at, length));
           at += length)
        end = at + length;
      tokens.push_back({Token::space, text.substr(i, end - i)});
    } else {
      tokens.push_back({Token::other, text.substr(i, end - i)});
    }
    i = end;
  }
  return tokens;
}

bool DateReading::is(const Date& date) const {
  if (month != date.month || day != date.day) return false;
  if (year < 0) return true;
  return two_digit_year ? year == date.year % 100 : year == date.year;
}

namespace {

int month_named(std::string_view word) {
  static const std::array<const char*, 12> names = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string folded = fold(word);
  if (folded == "sept") return 9;
  for (std::size_t m = 0; m < names.size(); ++m)
    if (folded == names[m] ||
        (folded.size() == 3 && folded == std::string_view(names[m]).substr(0, 3)))
      return static_cast<int>(m) + 1;
  return 0;
}

struct Cursor {
  const std::vector<Token>& tokens;
  std::size_t at;
  bool is(Token::Kind kind) const { return at < tokens.size() && tokens[at].kind == kind; }
  bool other(std::string_view chars) const {
    return is(Token::other) && tokens[at].text.size() == 1 &&
           chars.find(tokens[at].text[0]) != std::string_view::npos;
  }
  bool apostrophe() const {
    return other("'") || (is(Token::other) && tokens[at].text == "\u2019");
  }
  bool skip(std::string_view chars) { return other(chars) ? (++at, true) : false; }
  bool blank() {
    return is(Token::space) && tokens[at].text.find('\n') == std::string_view::npos ? (++at, true)
                                                                                    : false;
  }
  std::string_view text() const { return tokens[at].text; }
};

// A day of the month: 4, 04 or 4th.
int day_at(const Cursor& c) {
  std::string_view text = c.at < c.tokens.size() ? c.text() : "";
  std::size_t digits = text.find_first_not_of("0123456789");
  if (digits == std::string_view::npos) digits = text.size();
  if (digits == 0 || digits > 2) return 0;
  if (!c.is(Token::number) && !(c.is(Token::code) && is_ordinal_suffix(fold(text.substr(digits)))))
    return 0;
  int day = number_of(text.substr(0, digits));
  return day >= 1 && day <= 31 ? day : 0;
}

// ", 2001", " '01" or nothing: the year after a written day and month.
void year_after(Cursor& c, DateReading& reading, std::size_t& end) {
  Cursor next = c;
  next.skip(",");
  if (!next.blank()) return;
  bool apostrophe = next.apostrophe();
  if (apostrophe) ++next.at;
  if (!next.is(Token::number)) return;
  std::size_t size = next.text().size();
  if (size != 2 && !(size == 4 && !apostrophe)) return;
  reading.year = number_of(next.text());
  reading.two_digit_year = size == 2;
  end = next.at + 1;
}

std::size_t written_date(const std::vector<Token>& tokens, std::size_t i, DateReading& reading) {
  Cursor c{tokens, i};
  if (c.is(Token::word) && (reading.month = month_named(c.text()))) {  // July 4th, 2001
    ++c.at;
    c.skip(".");
    if (!c.blank() || !(reading.day = day_at(c))) return 0;
    ++c.at;
  } else if ((reading.day = day_at(c))) {  // 4th of July 2001
    ++c.at;
    if (!c.blank()) return 0;
    if (c.is(Token::word) && fold(c.text()) == "of") {
      ++c.at;
      if (!c.blank()) return 0;
    }
    if (!c.is(Token::word) || !(reading.month = month_named(c.text()))) return 0;
    ++c.at;
    c.skip(".");
  } else {
    return 0;
  }
  std::size_t end = c.at;
  year_after(c, reading, end);
  return end;
}

// 2001-07-04, 7/4/2001, 04.07.01; and 7/4 without a year.
std::size_t numeric_date(const std::vector<Token>& tokens, std::size_t i,
                         std::vector<DateReading>& readings) {
  Cursor c{tokens, i + 1};
  if (tokens[i].kind != Token::number || !c.other("/-.")) return 0;
  std::string_view sep = c.text(), a = tokens[i].text;
  ++c.at;
  if (!c.is(Token::number) || c.text().size() > 2 || (a.size() != 4 && a.size() > 2)) return 0;
  int first = number_of(a), second = number_of(c.text());
  ++c.at;
  Cursor year = c;
  bool has_year = year.other(sep) && (++year.at, year.is(Token::number));
  std::size_t y = has_year ? year.text().size() : 0;
  if (a.size() == 4) {
    if (!has_year || y > 2) return 0;
    readings.push_back({first, second, number_of(year.text()), false});
    return year.at + 1;
  }
  if (has_year && y != 2 && y != 4) return 0;
  if (!has_year && sep != "/") return 0;
  int third = has_year ? number_of(year.text()) : -1;
  readings.push_back({third, first, second, y == 2});
  readings.push_back({third, second, first, y == 2});
  return has_year ? year.at + 1 : c.at;
}

}  // namespace

std::size_t read_birth_year(const std::vector<Token>& tokens, std::size_t i) {
  Cursor c{tokens, i};
  if (c.is(Token::word) && month_named(c.text())) {  // March 2004, Mar. 2004, March, 2004
    ++c.at;
    c.skip(".");
    c.skip(",");
    if (!c.blank()) return 0;
  }
  if (!c.is(Token::number) || c.text().size() != 4) return 0;
  int year = number_of(c.text());
  return year >= 1900 && year <= 2099 ? c.at + 1 : 0;
}

std::size_t read_date(const std::vector<Token>& tokens, std::size_t i,
                      std::vector<DateReading>& readings) {
  if (std::size_t end = numeric_date(tokens, i, readings)) return end;
  DateReading reading;
  std::size_t end = written_date(tokens, i, reading);
  if (end) readings.push_back(reading);
  return end;
}

std::vector<DateReading> compact_date(std::string_view digits) {
  // A number token may carry separators ("126,789"): only plain digits
  // can be a date written without any.
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return {};
  auto number = [&](std::size_t at, std::size_t size) {
    return number_of(digits.substr(at, size));
  };
  if (digits.size() == 8)
    return {{number(0, 4), number(4, 2), number(6, 2), false},
            {number(4, 4), number(0, 2), number(2, 2), false},
            {number(4, 4), number(2, 2), number(0, 2), false}};
  if (digits.size() == 6)
    return {{number(4, 2), number(0, 2), number(2, 2), true},
            {number(4, 2), number(2, 2), number(0, 2), true}};
  return {};
}

}  // namespace casekit::redaction
