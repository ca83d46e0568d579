#include "app/plain_runner.hpp"

#include <ostream>

namespace stretch::app {

// Placeholder until the session engine lands: says so instead of pretending.
int run_plain_session(const SessionRequest&, std::ostream&, std::ostream& err) {
  err << "stretch-timer: the plain session runner is not built yet\n";
  return 1;
}

}  // namespace stretch::app
