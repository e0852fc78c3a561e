// run_check: casekit.yaml and the folder's own findings, then every client
// of the run on two workers, handed on in their order, each from the cache
// (check_cache.hpp) when its folder is as the cache knows it, else read and
// checked anew.
#include "check/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "check/check_cache.hpp"
#include "check/check_client.hpp"
#include "check/settings_findings.hpp"
#include "findings/finding_cap.hpp"
#include "record/private_area.hpp"

namespace casekit {
namespace {

// Clients are independent, so a large caseload is shared between two
// workers (the machines casekit runs on have two cores or more); each has
// its own speller, since hunspell is not thread-safe, and forgets each
// record's names after it. Results keep the clients' order, so the output
// does not depend on the scheduling.
// Hands finished clients on in the order of the ids, whichever worker
// finishes first, keeping only the few that wait for an earlier one.
class OrderedSink {
 public:
  OrderedSink(const CheckOptions& options, CheckResult& result)
      : options_(options), result_(result) {}

  void deliver(std::size_t index, ClientReport report) {
    std::lock_guard<std::mutex> guard(lock_);
    waiting_.emplace(index, std::move(report));
    for (auto it = waiting_.begin(); it != waiting_.end() && it->first == next_;
         it = waiting_.erase(it), ++next_)
      emit(it->second);
  }

 private:
  void emit(const ClientReport& report) {
    for (const auto& d : report.findings)
      ++result_.streamed[2 - static_cast<std::size_t>(d.severity)];
    options_.on_client(report);
  }

  const CheckOptions& options_;
  CheckResult& result_;
  std::mutex lock_;
  std::map<std::size_t, ClientReport> waiting_;
  std::size_t next_ = 0;
};

// What open_speller would say of a missing dictionary, without loading
// one: a run whose clients all come from the cache opens no speller.
bool spelling_unavailable(const Settings& settings) {
  auto spelling = settings.rules.find("language/spelling");
  if (spelling != settings.rules.end() && spelling->second == "off") return false;
  return !dictionary_installed(settings.spelling);
}

// One worker's speller, opened at its first client that is not cached.
struct WorkerSpeller {
  const Settings& settings;
  std::unique_ptr<Speller> speller;
  bool opened = false;

  Speller* get() {
    bool missing = false;
    if (!opened) speller = open_speller(settings, missing);
    opened = true;
    return speller.get();
  }
  // A cache is only as good as the hints are the same in any order.
  bool order_free() { return !speller || speller->suggests_in_any_order(); }
};

// A client from the cache, or checked and kept there (client_cache.hpp).
ClientReport cached_or_checked(const CaseFolder& folder, const std::string& id,
                               const SettingsByProfile& program, const CheckOptions& options,
                               WorkerSpeller& speller, const PhraseIndex& phrases,
                               ClientCache* cache, std::int64_t started) {
  return cached_or_made<ClientReport>(
      cache, folder.client_folder(id), id, started,
      [&] { return check_client(folder, id, program, options, speller.get(), phrases); },
      encode_report, [&](std::string_view bytes) { return decode_report(id, bytes); });
}

// Every client of the run; `cache` may be null: every client is read.
void check_clients(const CaseFolder& folder, const std::vector<std::string>& ids,
                   const SettingsByProfile& program, const CheckOptions& options,
                   CheckResult& result, ClientCache* cache) {
  const Settings& settings = program.folder();
  std::int64_t started = std::time(nullptr);
  std::size_t workers =
      ids.size() > 16 ? std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 2) : 1;
  OrderedSink sink(options, result);
  std::atomic<std::size_t> next{0}, done{0};
  const std::vector<WordList> words = word_lists_with(settings.extra_words);
  const PhraseIndex phrases = writing_phrases(words);
  std::atomic<bool> order_free{true};
  std::exception_ptr failure;
  std::mutex failure_lock;
  auto work = [&]() {
    try {
      WorkerSpeller speller{settings, nullptr};
      for (std::size_t i; (i = next++) < ids.size();) {
        sink.deliver(i, cached_or_checked(folder, ids[i], program, options, speller, phrases, cache,
                                          started));
        if (options.progress) options.progress(++done, ids.size());
      }
      if (cache && !speller.order_free()) order_free = false;
    } catch (...) {
      std::lock_guard<std::mutex> guard(failure_lock);
      if (!failure) failure = std::current_exception();
      next = ids.size();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  result.spelling_unavailable = spelling_unavailable(settings);
  bool every_client = options.clients.empty() && !options.only_listed;
  if (cache && order_free) cache->save(folder, every_client ? &ids : nullptr);
}

}  // namespace

CheckResult run_check(const CaseFolder& folder, const CheckOptions& options) {
  if (!options.on_client) throw std::logic_error("run_check needs CheckOptions::on_client");
  CheckResult result;
  std::vector<Diagnostic> problems;
  SourceFile settings_file = folder.read_file(folder.settings_path(), FileKind::settings, problems);
  if (has_errors(problems))
    throw InvalidRecord(problems, "casekit.yaml must be fixed before the records can be checked");
  Settings settings = read_settings(settings_file.tree);
  result.folder_findings = check_settings(settings_file, settings);
  if (options.keep_sources) result.sources[settings_file.display] = settings_file.source.text;
  bool every_client = options.clients.empty() && !options.only_listed;
  std::vector<std::string> ids = options.clients;
  if (every_client) {
    auto strays = folder.stray_entries();
    result.folder_findings.insert(result.folder_findings.end(), strays.begin(), strays.end());
    try {
      ids = folder.client_ids();
    } catch (const RefusedEntry&) {
      // clients/ is a link (or unreadable): stray_entries reported it.
    }
    auto leftovers = casekit_leftovers(folder);
    result.folder_findings.insert(result.folder_findings.end(), leftovers.begin(), leftovers.end());
  }
  apply_severities(settings, result.folder_findings);
  make_printable(result.folder_findings);
  cap_per_file(result.folder_findings);
  // An unknown client is refused before anything is printed: a JSON or
  // SARIF report is never left begun.
  if (!every_client)
    for (const auto& id : ids) folder.require_client(id);
  // Streamed output starts with the folder's own findings, as a report
  // without a client id; they stay in the result for the counts.
  ClientReport folder_report{"", result.folder_findings};
  folder_report.sources = result.sources;
  options.on_client(folder_report);
  result.clients_checked = ids.size();
  std::optional<ClientCache> cache;
  if (options.use_cache) {
    std::string key = check_cache_key(folder, settings, settings_file.source.text, options);
    if (!key.empty()) cache.emplace(folder.root(), "check", key);
  }
  check_clients(folder, ids, SettingsByProfile(settings), options, result,
                cache ? &*cache : nullptr);
  return result;
}

CheckResult check_and_keep(const CaseFolder& folder, CheckOptions options) {
  std::vector<ClientReport> kept;
  options.on_client = [&](const ClientReport& report) {
    if (!report.id.empty()) kept.push_back(report);
  };
  CheckResult result = run_check(folder, options);
  // The kept reports are counted from the list, not twice.
  result.streamed = {};
  result.clients = std::move(kept);
  return result;
}

}  // namespace casekit
