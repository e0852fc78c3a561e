// Writes a synthetic case folder of N clients, each with a client.yaml,
// a plan.yaml and 20 notes, for the benchmark of `casekit check`
// (scripts/bench). The records are realistic in size and shape, built
// from the sample's exemplary record; names and dates vary by client.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    fmt::print(stderr, "usage: generate_caseload SAMPLE_CASELOAD OUT_FOLDER CLIENTS\n");
    return 2;
  }
  fs::path sample = argv[1], out = argv[2];
  int clients = std::atoi(argv[3]);
  fs::path model = sample / "clients" / "marcus-jones";
  std::string client = read(model / "client.yaml"), plan = read(model / "plan.yaml");
  std::string note = read(model / "notes" / "2026-10-07-1100-in-person.yaml");
  fs::create_directories(out / "clients");
  fs::copy_file(sample / "casekit.yaml", out / "casekit.yaml", fs::copy_options::overwrite_existing);
  for (int i = 0; i < clients; ++i) {
    std::string id = fmt::format("client-{:05}", i);
    fs::path dir = out / "clients" / id;
    fs::create_directories(dir / "notes");
    write(dir / "client.yaml", replace_all(client, "marcus-jones", id));
    write(dir / "plan.yaml", plan);
    // Twenty notes, one every four days from 2026-08-01, the same shape.
    for (int n = 0; n < 20; ++n) {
      int day = 1 + n * 4;
      std::string date = fmt::format("2026-{:02}-{:02}", 8 + (day - 1) / 31, 1 + (day - 1) % 31);
      std::string text = replace_all(note, "2026-10-07", date);
      write(dir / "notes" / fmt::format("{}-1100-in-person.yaml", date), text);
    }
  }
  return 0;
}
