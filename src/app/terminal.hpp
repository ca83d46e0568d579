#pragma once
// The terminal under ncursesw: set up on construction, always put back (destructor, and a
// crash handler for SIGSEGV, SIGABRT, SIGBUS, SIGFPE and SIGILL that restores the terminal
// and re-raises). It paints a Screen by writing only the cells that changed since the last
// frame, and turns what the keyboard sends into Keys.

#include <optional>

#include "app/tui_keys.hpp"
#include "stretch/screen.hpp"
#include "stretch/view_model.hpp"

namespace stretch::app {

class Terminal {
 public:
  // Throws std::runtime_error when the terminal cannot be set up (the caller falls back).
  Terminal();
  ~Terminal();
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  [[nodiscard]] TerminalSize size() const;
  // After SIGWINCH: takes the new size from the terminal; the next paint redraws everything.
  void resize();
  // Writes the cells that differ from the last frame, then one update of the screen.
  void paint(const Screen& screen, bool bell);
  // Reads one key if one is waiting; never blocks.
  [[nodiscard]] std::optional<Key> read_key();

  // Ctrl-Z: put the terminal back as the shell expects it; resume() takes it again and
  // redraws everything at the next paint.
  void suspend();
  void resume();

 private:
  bool suspended_ = false;
  bool redraw_all_ = true;
  std::optional<Screen> last_;
};

}  // namespace stretch::app
