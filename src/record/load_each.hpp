// Reading a whole caseload at the speed of two cores (issue 18): the
// clients are read on two threads, as check's two workers read them, and
// handed on one by one in the clients' order on the calling thread, so
// what a command does with them (list's rows, due's items) stays as it was.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "record/load.hpp"

namespace casekit {

// Calls `work` with each id on two threads, and `visit` on this one with
// each result, in the order of `ids`. At most a few results wait for their
// turn, so memory stays flat. A failure of `work` is thrown when its turn
// comes, after the clients before it were visited, as a plain loop would.
template <typename Result>
void for_each_client(const std::vector<std::string>& ids,
                     const std::function<Result(const std::string& id)>& work,
                     const std::function<void(const std::string& id, Result& result)>& visit);

// Calls `visit` with each client's loaded record (load_record), in the
// order of `ids`.
void load_each(const CaseFolder& folder, const std::vector<std::string>& ids,
               const std::function<void(const std::string& id, LoadedRecord& loaded)>& visit);

namespace detail {

// The workers' side of for_each_client: hands out the ids, and keeps the
// results until their turn.
template <typename Result>
class InOrder {
 public:
  using Work = std::function<Result(const std::string& id)>;
  using Done = std::variant<Result, std::exception_ptr>;
  InOrder(const Work& work, const std::vector<std::string>& ids) : work_(work), ids_(ids) {}

  // A worker: works on the next client not yet taken, until all are or the
  // visit stopped.
  void run() {
    for (std::size_t i;;) {
      {
        std::unique_lock<std::mutex> guard(lock_);
        changed_.wait(guard,
                      [&] { return stop_ || next_ >= ids_.size() || next_ < given_ + kAhead; });
        if (stop_ || next_ >= ids_.size()) return;
        i = next_++;
      }
      Done done = attempt(ids_[i]);
      std::lock_guard<std::mutex> guard(lock_);
      ready_.emplace(i, std::move(done));
      changed_.notify_all();
    }
  }

  // The result of client i, waiting for a worker to make it.
  Done take(std::size_t i) {
    std::unique_lock<std::mutex> guard(lock_);
    changed_.wait(guard, [&] { return ready_.count(i) > 0; });
    Done done = std::move(ready_.at(i));
    ready_.erase(i);
    ++given_;
    changed_.notify_all();
    return done;
  }

  void stop() {
    std::lock_guard<std::mutex> guard(lock_);
    stop_ = true;
    changed_.notify_all();
  }

 private:
  // Made ahead of the one being visited, at most: memory stays flat.
  static constexpr std::size_t kAhead = 8;

  Done attempt(const std::string& id) {
    try {
      return Done(std::in_place_index<0>, work_(id));
    } catch (...) {
      return Done(std::in_place_index<1>, std::current_exception());
    }
  }

  const Work& work_;
  const std::vector<std::string>& ids_;
  std::mutex lock_;
  std::condition_variable changed_;
  std::map<std::size_t, Done> ready_;
  std::size_t next_ = 0, given_ = 0;
  bool stop_ = false;
};

}  // namespace detail

template <typename Result>
void for_each_client(const std::vector<std::string>& ids,
                     const std::function<Result(const std::string& id)>& work,
                     const std::function<void(const std::string& id, Result& result)>& visit) {
  // A small caseload is read faster than two threads start.
  if (ids.size() <= 16) {
    for (const auto& id : ids) {
      Result result = work(id);
      visit(id, result);
    }
    return;
  }
  detail::InOrder<Result> workers(work, ids);
  std::thread first([&] { workers.run(); }), second([&] { workers.run(); });
  std::exception_ptr failure;
  try {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto done = workers.take(i);
      if (done.index() == 1) std::rethrow_exception(std::get<1>(done));
      visit(ids[i], std::get<0>(done));
    }
  } catch (...) {
    failure = std::current_exception();
  }
  workers.stop();
  first.join();
  second.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace casekit
