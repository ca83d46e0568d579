#pragma once
// The terminal: ncursesw sets it up (locale, terminfo, tty modes, alternate screen, keypad)
// and puts it back (destructor; and a crash handler for SIGSEGV, SIGABRT, SIGBUS, SIGFPE and
// SIGILL that restores the terminal and re-raises). Frames go out through the Painter, one
// write each; keys come in through the KeyDecoder, read only when poll() said so.

#include <vector>

#include "app/key_decoder.hpp"
#include "app/painter.hpp"
#include "stretch/keys.hpp"
#include "stretch/screen.hpp"
#include "stretch/theme.hpp"
#include "stretch/view_model.hpp"

namespace stretch::app {

class Terminal {
 public:
  // Throws std::runtime_error when the terminal cannot be set up (the caller falls back).
  // `theme`: the background to choose colours for (stretch/theme.hpp).
  explicit Terminal(Theme theme = Theme::automatic);
  ~Terminal();
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  [[nodiscard]] TerminalSize size() const;
  // After SIGWINCH: takes the new size from the terminal; the next paint redraws everything.
  void resize();
  // Writes what changed since the last frame, and the bell, in one write. `screen` comes
  // back holding an older frame: draw the next one into it after Screen::reset().
  void paint(Screen& screen, bool bell);
  // The keys waiting on stdin; call only when poll() said it is readable (one read).
  [[nodiscard]] std::vector<Key> read_keys();
  // True once a read found the end of input or an error: the terminal has closed.
  [[nodiscard]] bool input_ended() const { return input_ended_; }

  // Ctrl-Z: put the terminal back as the shell expects it; resume() takes it again and
  // redraws everything at the next paint.
  void suspend();
  void resume();

 private:
  void write_all(const std::string& bytes);

  Painter painter_;
  KeyDecoder keys_;
  bool suspended_ = false;
  bool input_ended_ = false;
};

}  // namespace stretch::app
