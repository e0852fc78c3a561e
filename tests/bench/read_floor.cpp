// The floor the benchmark compares `casekit check` with: walk the case
// folder and read every byte of every file, nothing else.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::size_t files = 0, bytes = 0;
  char buffer[65536];
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
      bytes += static_cast<std::size_t>(in.gcount());
    ++files;
  }
  fmt::print("{} files, {} bytes\n", files, bytes);
  return 0;
}
