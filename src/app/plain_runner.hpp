#pragma once
// The line-by-line session: each cue printed when it happens, hotkeys read from stdin when
// it is a terminal. The accessible mode for screen readers, and the base of end-to-end tests.
//
// stdin: each question (the menu, the safety check, the pain ratings) reads one line. While
// the session runs, keys are read only when stdin is a terminal (raw: no Enter, no echo);
// piped stdin holds only answers, so a script cannot press "quit" by accident. The end of
// input at the safety check does not start the session (exit_not_started); at a pain
// rating it skips the rating.

#include <iosfwd>

#include "app/session_types.hpp"

namespace stretch::app {

// Reads stdin, writes `out`.
int run_plain_session(const SessionRequest& request, std::ostream& out, std::ostream& err);

// Where the plain runner reads and what it writes to, for tests that run it in-process.
struct PlainIo {
  int input_fd = 0;
  bool output_is_terminal = false;  // rings the bell at step changes when sound is on
};
int run_plain_session(const SessionRequest& request, const PlainIo& io, std::ostream& out, std::ostream& err);

}  // namespace stretch::app
