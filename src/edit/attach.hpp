// casekit attach: a copy of a file kept in clients/<id>/documents/ and
// listed in client.yaml (record/documents.hpp).
#pragma once

#include <string>

#include "edit/client_edit.hpp"

namespace casekit {

struct AttachInput {
  fs::path source;   // the file to copy, anywhere readable
  std::string kind;  // signed-plan release eligibility form other
  std::string date;  // when it was signed or issued
  std::string note;
};

struct Attached {
  std::string id;    // D1
  std::string file;  // its name in documents/
  std::uintmax_t bytes = 0;
  fs::path path;  // where it was written
};

// Copies the file into the client's documents/ (0600, atomically, under
// a name no other document has) and lists it in client.yaml; the caller
// saves the edit. Refuses, before anything is written: a source that is
// not a plain file (a folder, a device, a named pipe, a symbolic link),
// one larger than `max_bytes`, one attached already, a bad kind or date.
Attached attach_document(ClientEdit& edit, const AttachInput& input, std::uintmax_t max_bytes);

}  // namespace casekit
