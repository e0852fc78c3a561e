#include "check/check_cache.hpp"

#include <fstream>
#include <utility>

#include "check/check.hpp"

namespace casekit {
namespace {

// The spelling library as this process mapped it (/proc/self/maps): an
// upgrade of libhunspell can change which words it accepts, as a new
// dictionary can.
std::string spelling_library() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    std::size_t at = line.find('/');
    if (at != std::string::npos && line.find("/libhunspell", at) != std::string::npos)
      return file_stamp_line(line.substr(at));
  }
  return "no libhunspell\n";
}

bool decode_finding(CacheReader& in, Diagnostic& d) {
  std::uint64_t line = 0, column = 0, severity = 0, kind = 0;
  if (!in.text(d.location.file) || !in.number(line) || !in.number(column) || !in.number(severity) ||
      !in.text(d.rule) || !in.text(d.message) || !in.text(d.hint) || !in.number(kind) ||
      !in.text(d.subject.id))
    return false;
  if (severity > 2 || kind > static_cast<std::uint64_t>(SubjectKind::note)) return false;
  d.location.line = static_cast<int>(line);
  d.location.column = static_cast<int>(column);
  d.severity = static_cast<Severity>(severity);
  d.subject.kind = static_cast<SubjectKind>(kind);
  return true;
}

}  // namespace

std::string check_cache_key(const CaseFolder& folder, const Settings& settings,
                            const std::string& settings_text, const CheckOptions& options) {
  // A run over some files only is a different report: not worth a cache.
  if (!options.only_files.empty()) return {};
  std::string key = cache_key_start("check");
  if (key.empty()) return {};
  std::string dictionary = dictionary_base(settings.spelling);
  key += file_stamp_line(dictionary + ".aff") + file_stamp_line(dictionary + ".dic");
  key += spelling_library();
  key += "as of " + options.today.str() + '\n';
  key += "root " + fs::absolute(folder.root()).string() + '\n';
  key += "shown as " + folder.display(folder.clients_path()) + '\n';
  key += options.keep_sources ? "sources\n" : "no sources\n";
  key += options.rule_coverage ? "coverage\n" : "no coverage\n";
  put_text(key, settings_text);
  return key;
}

std::string encode_report(const ClientReport& report) {
  std::string out;
  put_number(out, report.findings.size());
  for (const auto& d : report.findings) {
    put_text(out, d.location.file);
    put_number(out, static_cast<std::uint64_t>(d.location.line));
    put_number(out, static_cast<std::uint64_t>(d.location.column));
    put_number(out, static_cast<std::uint64_t>(d.severity));
    put_text(out, d.rule);
    put_text(out, d.message);
    put_text(out, d.hint);
    put_number(out, static_cast<std::uint64_t>(d.subject.kind));
    put_text(out, d.subject.id);
  }
  put_texts(out, report.rules_run);
  put_texts(out, report.goal_ids);
  put_number(out, report.has_plan ? 1 : 0);
  put_number(out, report.sources.size());
  for (const auto& [file, text] : report.sources) {
    put_text(out, file);
    put_text(out, text);
  }
  put_texts(out, report.note_files);
  return out;
}

std::optional<ClientReport> decode_report(const std::string& id, std::string_view bytes) {
  CacheReader in(bytes);
  ClientReport report{id, {}};
  std::uint64_t findings = 0, has_plan = 0, sources = 0;
  if (!in.number(findings) || findings > bytes.size()) return std::nullopt;
  report.findings.resize(findings);
  for (auto& d : report.findings)
    if (!decode_finding(in, d)) return std::nullopt;
  if (!in.texts(report.rules_run) || !in.texts(report.goal_ids) || !in.number(has_plan) ||
      has_plan > 1 || !in.number(sources) || sources > bytes.size())
    return std::nullopt;
  report.has_plan = has_plan == 1;
  for (std::uint64_t i = 0; i < sources; ++i) {
    std::string file, text;
    if (!in.text(file) || !in.text(text)) return std::nullopt;
    report.sources.emplace(std::move(file), std::move(text));
  }
  if (!in.texts(report.note_files) || !in.done()) return std::nullopt;
  return report;
}

}  // namespace casekit
