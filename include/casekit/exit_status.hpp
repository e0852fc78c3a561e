// casekit is a program, not a library: its headers sit beside their
// sources under src/. What scripts rely on is kept here: the exit
// statuses, documented in casekit(1).
#pragma once

namespace casekit {

// Exit statuses, documented in casekit(1). Scripts rely on these numbers.
enum class ExitStatus : int {
  ok = 0,        // the command did what was asked; check found nothing
  findings = 1,  // check found problems; due found something overdue
  usage = 2,     // bad options, or a record that cannot be read or is invalid
  io = 3,        // the system refused: permissions, disk full, out of memory
  internal = 4,  // a bug in casekit; nothing was written
};

}  // namespace casekit
