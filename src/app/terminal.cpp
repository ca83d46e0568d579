#include "app/terminal.hpp"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace stretch::app {
namespace {

// ---- Restoring the terminal from a crash ----
// A crash handler may only call async-signal-safe functions, so endwin() is out: the bytes
// that leave the full screen and the terminal modes of the shell are prepared beforehand,
// and the handler writes those, then re-raises the signal with its default action.

std::array<char, 256> g_restore_bytes{};
std::size_t g_restore_length = 0;
struct termios g_shell_modes {};
bool g_have_shell_modes = false;

constexpr std::array<int, 5> crash_signals{SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};
std::array<struct sigaction, crash_signals.size()> g_previous_crash{};

extern "C" void restore_and_reraise(int signal_number) {
  [[maybe_unused]] const ssize_t n = ::write(STDOUT_FILENO, g_restore_bytes.data(), g_restore_length);
  if (g_have_shell_modes) ::tcsetattr(STDIN_FILENO, TCSANOW, &g_shell_modes);
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

// The terminfo strings that undo what the full screen set: leave the alternate screen, show
// the cursor, plain attributes, keypad back to normal.
void prepare_restore_bytes() {
  g_restore_length = 0;
  for (const char* name : {"sgr0", "cnorm", "rmkx", "rmcup"}) {
    const char* value = ::tigetstr(name);
    if (value == nullptr || value == reinterpret_cast<const char*>(-1)) continue;
    const std::size_t length = std::strlen(value);
    if (g_restore_length + length > g_restore_bytes.size()) break;
    std::memcpy(g_restore_bytes.data() + g_restore_length, value, length);
    g_restore_length += length;
  }
}

void install_crash_handlers() {
  for (std::size_t i = 0; i < crash_signals.size(); ++i) {
    struct sigaction action {};
    action.sa_handler = restore_and_reraise;
    sigemptyset(&action.sa_mask);
    action.sa_flags = static_cast<int>(SA_RESETHAND | SA_NODEFER);  // a fault inside the handler ends it all
    ::sigaction(crash_signals[i], &action, &g_previous_crash[i]);
  }
}

void remove_crash_handlers() {
  for (std::size_t i = 0; i < crash_signals.size(); ++i) ::sigaction(crash_signals[i], &g_previous_crash[i], nullptr);
}

// ---- Tones to attributes ----

bool g_colour = false;
bool g_utf8 = true;

enum Pair : short { accent_pair = 1, hold_pair, rest_pair, warning_pair, danger_pair };

bool colour_wanted() {
  const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org: present and not empty
  return (no_color == nullptr || *no_color == '\0') && ::has_colors() == TRUE;
}

void set_up_colours() {
  g_colour = colour_wanted();
  if (!g_colour) return;
  ::start_color();
  // The terminal's own background and text colour where it allows, as the user set them up.
  const short background = ::use_default_colors() == OK ? -1 : COLOR_BLACK;
  ::init_pair(accent_pair, COLOR_CYAN, background);
  ::init_pair(hold_pair, COLOR_GREEN, background);
  ::init_pair(rest_pair, COLOR_YELLOW, background);
  ::init_pair(warning_pair, COLOR_YELLOW, background);
  ::init_pair(danger_pair, COLOR_RED, background);
}

struct Look {
  attr_t attributes = A_NORMAL;
  short pair = 0;
};

// Colour where there is colour; without it, the same meaning from bold, reverse and dim.
Look look_of(Tone tone) {
  switch (tone) {
    case Tone::normal: return {A_NORMAL, 0};
    case Tone::strong: return {A_BOLD, 0};
    case Tone::dim: return {A_DIM, 0};
    case Tone::accent: return g_colour ? Look{A_NORMAL, accent_pair} : Look{A_NORMAL, 0};
    case Tone::hold: return g_colour ? Look{A_BOLD, hold_pair} : Look{A_BOLD, 0};
    case Tone::rest: return g_colour ? Look{A_BOLD, rest_pair} : Look{A_BOLD, 0};
    case Tone::warning: return g_colour ? Look{A_BOLD, warning_pair} : Look{A_BOLD, 0};
    case Tone::danger: return g_colour ? Look{A_BOLD, danger_pair} : Look{A_BOLD | A_UNDERLINE, 0};
    case Tone::selected: return {A_REVERSE, 0};
  }
  return {};
}

// ---- Glyphs ----

// The code points of one cell's UTF-8 (valid: the Screen has sanitized it).
std::array<wchar_t, CCHARW_MAX + 1> wide_of(std::string_view glyph) {
  std::array<wchar_t, CCHARW_MAX + 1> out{};
  std::size_t n = 0;
  for (std::size_t at = 0; at < glyph.size() && n < CCHARW_MAX;) {
    const auto lead = static_cast<unsigned char>(glyph[at]);
    std::size_t length = 1;
    char32_t cp = lead;
    if (lead >= 0xF0) {
      length = 4;
      cp = lead & 0x07U;
    } else if (lead >= 0xE0) {
      length = 3;
      cp = lead & 0x0FU;
    } else if (lead >= 0xC0) {
      length = 2;
      cp = lead & 0x1FU;
    }
    for (std::size_t i = 1; i < length && at + i < glyph.size(); ++i) {
      cp = (cp << 6) | (static_cast<unsigned char>(glyph[at + i]) & 0x3FU);
    }
    out[n++] = static_cast<wchar_t>(cp);
    at += length;
  }
  return out;
}

// Outside a UTF-8 locale the drawing characters become their nearest ASCII.
std::array<wchar_t, CCHARW_MAX + 1> ascii_of(std::string_view glyph) {
  static const std::array<std::pair<std::string_view, wchar_t>, 12> table{{
      {"\u2588", L'#'}, {"\u2591", L'.'}, {"\u2500", L'-'}, {"\u2022", L'*'}, {"\u00b7", L'-'}, {"\u25b6", L'>'},
      {"\u2191", L'^'}, {"\u2193", L'v'}, {"\u2190", L'<'}, {"\u2192", L'>'}, {"\u2026", L'~'}, {"\u00d7", L'x'},
  }};
  std::array<wchar_t, CCHARW_MAX + 1> out{};
  if (!glyph.empty() && static_cast<unsigned char>(glyph[0]) < 0x80) {
    out[0] = static_cast<wchar_t>(glyph[0]);
    return out;
  }
  out[0] = L'?';
  for (const auto& [from, to] : table) {
    if (glyph == from) out[0] = to;
  }
  return out;
}

void put_cell(int x, int y, const Cell& cell) {
  const std::array<wchar_t, CCHARW_MAX + 1> text = g_utf8 ? wide_of(cell.glyph) : ascii_of(cell.glyph);
  const Look look = look_of(cell.tone);
  cchar_t c{};
  ::setcchar(&c, text.data(), look.attributes, look.pair, nullptr);
  ::wmove(stdscr, y, x);
  ::wadd_wch(stdscr, &c);  // ERR in the bottom-right cell, which is drawn all the same
}

std::optional<Key> key_of(int kind, wint_t code) {
  if (kind == KEY_CODE_YES) {
    switch (code) {
      case KEY_UP: return Key::of(Key::Code::up);
      case KEY_DOWN: return Key::of(Key::Code::down);
      case KEY_LEFT: return Key::of(Key::Code::left);
      case KEY_RIGHT: return Key::of(Key::Code::right);
      case KEY_ENTER: return Key::of(Key::Code::enter);
      case KEY_BACKSPACE: return Key::of(Key::Code::backspace);
      case KEY_PPAGE: return Key::of(Key::Code::page_up);
      case KEY_NPAGE: return Key::of(Key::Code::page_down);
      default: return Key::of(Key::Code::other);
    }
  }
  switch (code) {
    case L'\r':
    case L'\n': return Key::of(Key::Code::enter);
    case 27: return Key::of(Key::Code::escape);
    case 8:
    case 127: return Key::of(Key::Code::backspace);
    default: return Key::character(static_cast<char32_t>(code));
  }
}

}  // namespace

Terminal::Terminal() {
  std::setlocale(LC_ALL, "");
  g_utf8 = std::string_view(::nl_langinfo(CODESET)) == "UTF-8";
  g_have_shell_modes = ::tcgetattr(STDIN_FILENO, &g_shell_modes) == 0;
  // newterm, not initscr: on a terminal it does not know it returns null instead of exiting.
  if (::newterm(nullptr, stdout, stdin) == nullptr) throw std::runtime_error("cannot set up the terminal");
  prepare_restore_bytes();
  install_crash_handlers();
  ::cbreak();  // keys at once; Ctrl-C and Ctrl-Z still send their signals
  ::noecho();
  ::nonl();
  ::keypad(stdscr, TRUE);
  ::nodelay(stdscr, TRUE);  // the loop waits in poll(), never in ncurses
  ::set_escdelay(25);       // Esc alone is told from an arrow key's sequence within 25 ms
  ::leaveok(stdscr, TRUE);  // no cursor moves back after an update: fewer bytes
  ::curs_set(0);
  set_up_colours();
}

Terminal::~Terminal() {
  ::endwin();
  remove_crash_handlers();
}

TerminalSize Terminal::size() const { return TerminalSize{COLS, LINES}; }

void Terminal::resize() {
  struct winsize ws {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
    ::resizeterm(ws.ws_row, ws.ws_col);
  }
  redraw_all_ = true;
}

void Terminal::paint(const Screen& screen, bool bell) {
  if (suspended_) return;
  const bool all = redraw_all_ || !last_ || last_->width() != screen.width() || last_->height() != screen.height();
  if (!all && !bell && *last_ == screen) return;  // nothing changed: no output at all
  if (all) {
    ::clearok(curscr, TRUE);  // the terminal's contents are unknown: clear and draw all
    ::werase(stdscr);
  }
  for (int y = 0; y < screen.height(); ++y) {
    for (int x = 0; x < screen.width(); ++x) {
      const Cell& cell = screen.at(x, y);
      if (!all && cell == last_->at(x, y)) continue;
      if (cell.glyph.empty()) {
        // The right half of a wide character: drawn with its left half. When only this
        // half changed, the left half is drawn again to cover it.
        if (x > 0 && !all && screen.at(x - 1, y) == last_->at(x - 1, y)) put_cell(x - 1, y, screen.at(x - 1, y));
        continue;
      }
      put_cell(x, y, cell);
    }
  }
  if (bell) ::beep();
  ::wnoutrefresh(stdscr);
  ::doupdate();
  last_ = screen;
  redraw_all_ = false;
}

std::optional<Key> Terminal::read_key() {
  wint_t code = 0;
  const int kind = ::wget_wch(stdscr, &code);
  if (kind == ERR) return std::nullopt;
  return key_of(kind, code);
}

void Terminal::suspend() {
  ::endwin();
  suspended_ = true;
}

void Terminal::resume() {
  suspended_ = false;
  resize();  // the size may have changed while stopped; the next paint redraws everything
}

}  // namespace stretch::app
