#include <ostream>

#include "app/commands.hpp"

namespace stretch::app {

int run_history(const Options&, std::ostream&, std::ostream& err) {
  err << "stretch-timer: session history is not built yet\n";
  return exit_failure;
}

int run_stats(const Options&, std::ostream&, std::ostream& err) {
  err << "stretch-timer: statistics are not built yet\n";
  return exit_failure;
}

}  // namespace stretch::app
