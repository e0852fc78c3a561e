// casekit's entry point; everything happens in run() (run.cpp).
#include "cli/run.hpp"

int main(int argc, char** argv) {
  return casekit::cli::run(argc, argv);
}
