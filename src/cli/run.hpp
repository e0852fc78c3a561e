// casekit as a function: parses the command line, runs the command and
// turns every error into its message and exit status. main() calls it;
// it lives in the cli library so that main.cpp does not compile CLI11.
#pragma once

namespace casekit::cli {

int run(int argc, char** argv);

}  // namespace casekit::cli
