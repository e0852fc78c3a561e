#include "storage/folder_writer.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>

#include "base/error.hpp"
#include "temp_folder.hpp"

using namespace casekit;
using casekit::testing::TempFolder;
namespace fs = std::filesystem;

namespace {

volatile std::sig_atomic_t g_seen = 0;

void remember(int signal) {
  g_seen = signal;
}

}  // namespace

TEST_CASE("an export stopped by a signal leaves no records behind, then the signal goes on") {
  TempFolder tmp;
  // A handler of the test's own, so that the signal raised again after
  // the cleanup ends nothing but this test's wait for it.
  struct sigaction mine {
  }, old{};
  mine.sa_handler = remember;
  ::sigaction(SIGTERM, &mine, &old);
  g_seen = 0;
  CHECK_THROWS_AS(real_file_system().publish_streamed(tmp / "exports", false,
                                                      [](ExportWriter& out) {
                                                        out.write("a.md", "record A");
                                                        out.close("a.md");
                                                        ::raise(SIGTERM);
                                                        out.write("b.md", "record B");
                                                      }),
                  Error);
  ::sigaction(SIGTERM, &old, nullptr);
  CHECK(g_seen == SIGTERM);
  // Neither exports/ nor its temporary .exports.casekit-XXXXXX/ is left.
  CHECK(fs::is_empty(tmp.path()));
}

TEST_CASE("an export no signal stops is published whole") {
  TempFolder tmp;
  real_file_system().publish_streamed(tmp / "exports", false, [](ExportWriter& out) {
    out.write("a.md", "record A");
    out.close("a.md");
  });
  CHECK(tmp.read("exports/a.md") == "record A");
  CHECK(storage::StopOnSignal::requested() == 0);
}
