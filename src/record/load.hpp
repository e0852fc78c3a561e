// The one way a command loads a client's record: read the files, gather
// every format problem, and read the record from them when there is none.
// A command that cannot use a record with problems calls require_valid,
// so every refusal says the same thing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/diagnostic.hpp"
#include "record/case_folder.hpp"
#include "record/model.hpp"

namespace casekit {

// The record model read from the files as far as they parse: a file that
// did not parse is left out.
ClientRecord to_record(const ClientFiles& files);

// Throws InvalidRecord with every problem when any is an error, saying
// "<why>: fix the problems above, then run the command again".
void refuse_if_errors(std::vector<Diagnostic> problems, std::string_view why);

struct LoadedRecord {
  ClientFiles files;                   // as read, with every format problem found
  std::optional<ClientRecord> record;  // present when the files have no error

  bool valid() const { return record.has_value(); }
  // The record; refuses one with format errors, listing every problem.
  // `why` says what the refusal costs, like "nothing was changed".
  const ClientRecord& require_valid(std::string_view why) const;
  // What can be read of a record that may have errors: for listing a
  // caseload, where a broken record still has a line.
  ClientRecord readable_part() const { return record ? *record : to_record(files); }
};

// Loads the client's files and, when they have no error, its record.
// Refuses an unknown client (with a did-you-mean) or an invalid id.
LoadedRecord load_record(const CaseFolder& folder, const std::string& id);

// The record as a line of `list` needs it (issue 18): the client, the plan,
// and of each note only its heading (read_note_heading), in the order
// to_record puts the notes, so last_contact() answers as on the whole
// record. A note's texts are not copied into a model list never shows.
ClientRecord to_listing_record(const ClientFiles& files);
// load_record with the record as to_listing_record reads it.
LoadedRecord load_listing(const CaseFolder& folder, const std::string& id);

}  // namespace casekit
