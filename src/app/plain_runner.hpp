#pragma once
// The line-by-line session: each cue printed when it happens, hotkeys read from stdin when
// it is a terminal. The accessible mode for screen readers, and the base of end-to-end tests.

#include <iosfwd>

#include "app/session_types.hpp"

namespace stretch::app {

int run_plain_session(const SessionRequest& request, std::ostream& out, std::ostream& err);

}  // namespace stretch::app
