#include "export/sent_hashes.hpp"

namespace casekit {

void HashingWriter::write(const std::string& name, std::string_view data) {
  auto file = each_.find(name);
  if (file == each_.end()) {
    names_.push_back(name);
    file = each_.emplace(name, Sha256Text()).first;
    if (format_.documents == Documents::several) kept_.emplace(name, out_.scratch());
  }
  file->second.add(data);
  if (auto kept = kept_.find(name); kept != kept_.end()) kept->second->append(data);
  out_.write(name, data);
}

std::vector<std::string> HashingWriter::hashes(std::size_t clients) {
  if (format_.documents == Documents::one_per_client && names_.size() == clients) {
    std::vector<std::string> out;
    for (const auto& name : names_) out.push_back(each_.at(name).result());
    return out;
  }
  if (names_.size() == 1) return std::vector<std::string>(clients, each_.at(names_[0]).result());
  Sha256Text all;
  for (const auto& name : names_)
    if (auto kept = kept_.find(name); kept != kept_.end())
      kept->second->read_back([&](std::string_view piece) { all.add(piece); });
  return std::vector<std::string>(clients, all.result());
}

std::vector<std::string> document_hashes(const std::vector<ExportFile>& documents,
                                         const ExportFormat& format, std::size_t clients) {
  std::vector<std::string> out;
  if (format.documents == Documents::one_per_client && documents.size() == clients) {
    for (const auto& document : documents) out.push_back(sha256_text(document.text));
    return out;
  }
  std::string all;
  for (const auto& document : documents) all += document.text;
  return std::vector<std::string>(clients, sha256_text(all));
}

}  // namespace casekit
