// The names of rescue files (record/rescue.hpp): which command and client a
// kept text belongs to, the day it was kept, and the command lines that
// made it and that resume it. Apart from the files themselves, so that the
// private area's report of leftovers can read the names.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casekit {

// Whose text a rescue file keeps: the command that was editing ("note",
// "new-client", "plan", "edit") and the client, empty when it had none yet.
struct RescueOwner {
  std::string command;
  std::string client;
  bool operator==(const RescueOwner&) const = default;
};

// A rescue file's name read back: its owner, the day it was kept and its
// number that day (1 for the first).
struct RescueName {
  RescueOwner owner;
  std::string day;
  int number = 1;
};

// "note-ana-lopez-2026-11-23.yaml", or with "-N" before ".yaml" for the
// N-th of the day.
std::string rescue_file_name(const RescueOwner& owner, const std::string& day, int number);

// The owner, day and number in a rescue file's name; nullopt for a name
// that casekit did not give (a command it does not know, no day).
std::optional<RescueName> parse_rescue_name(std::string_view name);

// The command line that was editing: "casekit note ana-lopez --edit",
// "casekit edit ana-lopez".
std::string edit_command(const RescueOwner& owner);
// The command line that reopens the owner's newest rescue file.
std::string resume_command(const RescueOwner& owner);

}  // namespace casekit
