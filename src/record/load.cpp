#include "record/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "record/model_read.hpp"

namespace casekit {

void refuse_if_errors(std::vector<Diagnostic> problems, std::string_view why) {
  if (has_errors(problems))
    throw InvalidRecord(std::move(problems),
                        fmt::format("{}: fix the problems above, then run the command again", why));
}

const ClientRecord& LoadedRecord::require_valid(std::string_view why) const {
  if (!record) refuse_if_errors(files.diagnostics, why);
  return *record;
}

LoadedRecord load_record(const CaseFolder& folder, const std::string& id) {
  LoadedRecord loaded{folder.load_client(id), std::nullopt};
  if (!has_errors(loaded.files.diagnostics)) loaded.record = to_record(loaded.files);
  return loaded;
}

namespace {

// Notes of the same date and time keep the order they were written in,
// which the file name's -2, -3 suffix records.
int sequence_of(const std::string& file_name) {
  std::size_t dash = file_name.rfind('-');
  std::string tail =
      dash == std::string::npos ? "" : file_name.substr(dash + 1, file_name.size() - dash - 6);
  bool number =
      !tail.empty() && tail.find_first_not_of("0123456789") == std::string::npos && tail.size() < 6;
  return number ? std::stoi(tail) : 1;
}

// The keys are worked out once per note, not once per comparison.
void sort_notes(std::vector<Note>& notes) {
  std::vector<std::size_t> order(notes.size());
  std::vector<int> sequences;
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
    sequences.push_back(sequence_of(notes[i].file_name));
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Note& x = notes[a];
    const Note& y = notes[b];
    return std::tie(x.date, x.time, sequences[a]) < std::tie(y.date, y.time, sequences[b]);
  });
  std::vector<Note> sorted;
  sorted.reserve(order.size());
  for (std::size_t i : order) sorted.push_back(std::move(notes[i]));
  notes = std::move(sorted);
}

// The record from the files, with each note read by `read_one`.
template <typename ReadNote>
ClientRecord record_from(const ClientFiles& files, ReadNote read_one) {
  ClientRecord record;
  if (files.client && files.client->parsed)
    record.client = read_client(files.client->tree, files.client->display);
  if (files.plan && files.plan->parsed)
    record.plan = read_plan(files.plan->tree, files.plan->display);
  for (const auto& note : files.notes)
    if (note.parsed) record.notes.push_back(read_one(note));
  sort_notes(record.notes);
  if (files.disclosures && files.disclosures->parsed)
    record.disclosures = read_disclosures(files.disclosures->tree);
  return record;
}

}  // namespace

ClientRecord to_record(const ClientFiles& files) {
  return record_from(files, [](const SourceFile& note) {
    return read_note(note.tree, note.display, note.path.filename().string());
  });
}

ClientRecord to_listing_record(const ClientFiles& files) {
  return record_from(files, [](const SourceFile& note) {
    return read_note_heading(note.tree, note.path.filename().string());
  });
}

LoadedRecord load_listing(const CaseFolder& folder, const std::string& id) {
  LoadedRecord loaded{folder.load_client(id), std::nullopt};
  if (!has_errors(loaded.files.diagnostics)) loaded.record = to_listing_record(loaded.files);
  return loaded;
}

}  // namespace casekit
