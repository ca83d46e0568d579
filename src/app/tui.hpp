#pragma once
// The full-screen ncurses session: the menu, the safety check, the session screen, the summary.

#include "app/session_types.hpp"

namespace stretch::app {

int run_tui(const SessionRequest& request);

}  // namespace stretch::app
