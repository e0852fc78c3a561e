// The two-thread floor (issue 18): walk the case folder and read every
// byte of every file, as read_floor does, with the client folders shared
// between two threads as check shares them between its two workers.
#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::size_t read_all(const fs::path& path) {
  static thread_local char buffer[65536];
  std::size_t bytes = 0;
  std::ifstream in(path, std::ios::binary);
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    bytes += static_cast<std::size_t>(in.gcount());
  return bytes;
}

std::size_t read_tree(const fs::path& folder) {
  std::size_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) bytes += read_all(entry.path());
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  fs::path root = argv[1];
  std::vector<fs::path> folders;
  std::atomic<std::size_t> bytes{0};
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_regular_file()) bytes += read_all(entry.path());
    if (entry.is_directory() && entry.path().filename() != "clients") bytes += read_tree(entry);
  }
  if (fs::is_directory(root / "clients"))
    for (const auto& entry : fs::directory_iterator(root / "clients")) folders.push_back(entry);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < folders.size();)
      bytes += fs::is_directory(folders[i]) ? read_tree(folders[i]) : read_all(folders[i]);
  };
  std::thread other(work);
  work();
  other.join();
  fmt::print("{} bytes\n", bytes.load());
  return 0;
}
