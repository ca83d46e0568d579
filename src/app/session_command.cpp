#include <ostream>

#include "app/commands.hpp"

namespace stretch::app {

// Until the session engine lands, `session` says so and shows what exists: the routines.
int run_session(const Options& options, std::ostream& out, std::ostream& err) {
  err << "stretch-timer: guided sessions are not built yet; these are the routines they will run:\n";
  Options list = options;
  list.tag = options.target;
  return run_list(list, out, err);
}

}  // namespace stretch::app
