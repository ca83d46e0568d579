#include "app/tui.hpp"

#include <iostream>

#include "app/plain_runner.hpp"

namespace stretch::app {

// Placeholder until the ncurses screen lands: the plain runner does the work.
int run_tui(const SessionRequest& request) { return run_plain_session(request, std::cout, std::cerr); }

}  // namespace stretch::app
