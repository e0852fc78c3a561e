#include "base/scoped_signals.hpp"

namespace casekit {

void ScopedSignals::set(std::initializer_list<int> signals, void (*handler)(int)) {
  struct sigaction wanted {};
  wanted.sa_handler = handler;
  for (int signal : signals) {
    struct sigaction old {};
    ::sigaction(signal, &wanted, &old);
    old_.emplace_back(signal, old);
  }
}

void ScopedSignals::restore() {
  for (auto it = old_.rbegin(); it != old_.rend(); ++it)
    ::sigaction(it->first, &it->second, nullptr);
  old_.clear();
}

}  // namespace casekit
