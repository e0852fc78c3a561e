#include "record/load_each.hpp"

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

namespace casekit {
namespace {

// Loaded ahead of the one being visited, at most: memory stays flat.
constexpr std::size_t kAhead = 8;

using Loaded = std::variant<LoadedRecord, std::exception_ptr>;

class Loader {
 public:
  using Load = std::function<LoadedRecord(const std::string& id)>;
  Loader(const Load& load, const std::vector<std::string>& ids) : load_(load), ids_(ids) {}

  // A worker: loads the next client not yet taken, until all are or the
  // visit stopped.
  void work() {
    for (std::size_t i;;) {
      {
        std::unique_lock<std::mutex> guard(lock_);
        changed_.wait(guard,
                      [&] { return stop_ || next_ >= ids_.size() || next_ < given_ + kAhead; });
        if (stop_ || next_ >= ids_.size()) return;
        i = next_++;
      }
      Loaded loaded = load(ids_[i]);
      std::lock_guard<std::mutex> guard(lock_);
      ready_.emplace(i, std::move(loaded));
      changed_.notify_all();
    }
  }

  // The record of client i, waiting for a worker to load it.
  Loaded take(std::size_t i) {
    std::unique_lock<std::mutex> guard(lock_);
    changed_.wait(guard, [&] { return ready_.count(i) > 0; });
    Loaded loaded = std::move(ready_.at(i));
    ready_.erase(i);
    ++given_;
    changed_.notify_all();
    return loaded;
  }

  void stop() {
    std::lock_guard<std::mutex> guard(lock_);
    stop_ = true;
    changed_.notify_all();
  }

 private:
  Loaded load(const std::string& id) {
    try {
      return load_(id);
    } catch (...) {
      return std::current_exception();
    }
  }

  const Load& load_;
  const std::vector<std::string>& ids_;
  std::mutex lock_;
  std::condition_variable changed_;
  std::map<std::size_t, Loaded> ready_;
  std::size_t next_ = 0, given_ = 0;
  bool stop_ = false;
};

}  // namespace

void load_each(const CaseFolder& folder, const std::vector<std::string>& ids,
               const std::function<void(const std::string& id, LoadedRecord& loaded)>& visit) {
  load_each(
      ids, [&](const std::string& id) { return load_record(folder, id); }, visit);
}

void load_each(const std::vector<std::string>& ids,
               const std::function<LoadedRecord(const std::string& id)>& load,
               const std::function<void(const std::string& id, LoadedRecord& loaded)>& visit) {
  // A small caseload is read faster than two threads start.
  if (ids.size() <= 16) {
    for (const auto& id : ids) {
      LoadedRecord loaded = load(id);
      visit(id, loaded);
    }
    return;
  }
  Loader loader(load, ids);
  std::thread first([&] { loader.work(); }), second([&] { loader.work(); });
  std::exception_ptr failure;
  try {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      Loaded loaded = loader.take(i);
      if (auto* error = std::get_if<std::exception_ptr>(&loaded)) std::rethrow_exception(*error);
      visit(ids[i], std::get<LoadedRecord>(loaded));
    }
  } catch (...) {
    failure = std::current_exception();
  }
  loader.stop();
  first.join();
  second.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace casekit
