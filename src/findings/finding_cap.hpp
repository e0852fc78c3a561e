// The cap on findings per file (casekit-check(1), OUTPUT).
#pragma once

#include <cstddef>
#include <vector>

#include "findings/diagnostic.hpp"

namespace casekit {

// A file lists at most this many findings: a hostile or broken file may
// have hundreds of thousands, and nobody reads past the first screens.
constexpr std::size_t kMaxFindingsPerFile = 200;

// Keeps each file's first kMaxFindingsPerFile findings, in the order
// given; for each rule with findings past those, one finding in the place
// of the first of them says how many there are, with their worst severity.
void cap_per_file(std::vector<Diagnostic>& diagnostics);

}  // namespace casekit
