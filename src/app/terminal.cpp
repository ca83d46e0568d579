#include "app/terminal.hpp"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

#include "app/write_all.hpp"

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
  // Nothing is left to do if these fail: the process is on its way out.
  if (g_have_shell_modes) (void)::tcsetattr(STDIN_FILENO, TCSANOW, &g_shell_modes);
  (void)::signal(signal_number, SIG_DFL);
  (void)::raise(signal_number);
}

// Whether tigetstr's answer is a string: not null (the terminal lacks it) and not (char*)-1,
// its way of saying the name is not a string capability.
bool is_string(const char* value) {
  return value != nullptr && value != reinterpret_cast<const char*>(-1);  // NOLINT(performance-no-int-to-ptr)
}

// The terminfo strings that undo what the full screen set: leave the alternate screen, show
// the cursor, plain attributes, keypad back to normal.
void prepare_restore_bytes() {
  g_restore_length = 0;
  for (const char* name : {"sgr0", "cnorm", "rmkx", "rmcup"}) {
    const char* value = ::tigetstr(name);
    if (!is_string(value)) continue;
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

// ---- Escape sequences from terminfo ----

// A terminfo string, without the padding ("$<5>") that only old hardware terminals need.
std::string capability(const char* name) {
  const char* value = ::tigetstr(name);
  if (!is_string(value)) return {};
  std::string out;
  for (const char* p = value; *p != '\0'; ++p) {
    if (p[0] == '$' && p[1] == '<') {
      while (*p != '\0' && *p != '>') ++p;
      if (*p == '\0') break;
      continue;
    }
    out += *p;
  }
  return out;
}

// The colours the terminal has, or 0 where colour is not wanted (https://no-color.org:
// NO_COLOR present and not empty).
int colours_wanted() {
  const char* no_color = std::getenv("NO_COLOR");
  if ((no_color != nullptr && *no_color != '\0') || ::has_colors() != TRUE) return 0;
  return std::max(0, ::tigetnum(const_cast<char*>("colors")));
}

// Colour where there is colour, chosen for the background (stretch/theme.hpp); without it,
// the same meaning from bold, reverse and underline.
TerminalCodes codes_from_terminfo(bool utf8, Theme theme) {
  const std::string cup = capability("cup");
  if (cup.empty()) throw std::runtime_error("the terminal cannot move its cursor");
  TerminalCodes codes;
  if (cup == "\x1b[%i%p1%d;%p2%dH") {
    // The ANSI form nearly every terminal uses, written out here: tiparm interprets the
    // terminfo string at every call, a tenth of a running session's CPU time.
    codes.move = [](int row, int column) {
      return "\x1b[" + std::to_string(row + 1) + ";" + std::to_string(column + 1) + "H";
    };
  } else {
    codes.move = [cup](int row, int column) { return std::string(::tiparm(cup.c_str(), row, column)); };
  }
  codes.clear = capability("clear");
  codes.clear_to_end = capability("el");
  codes.plain = capability("sgr0");
  codes.bell = capability("bel");
  codes.reverse = capability("rev");
  codes.utf8 = utf8;
  codes.width_of = [](char32_t c) { return ::wcwidth(static_cast<wchar_t>(c)); };
  const std::string bold = capability("bold");
  const std::string setaf = capability("setaf");
  const int colours = setaf.empty() ? 0 : colours_wanted();
  const char* colorfgbg = std::getenv("COLORFGBG");
  const Palette palette = palette_for(
      background_for(theme, colorfgbg != nullptr ? std::optional<std::string_view>(colorfgbg) : std::nullopt), colours);
  for (std::size_t i = 0; i < tone_count; ++i) {
    const ToneStyle& style = palette.at(i);
    std::string& out = codes.tone.at(i);
    if (style.bold) out += bold;
    if (style.colour) out += ::tiparm(setaf.c_str(), *style.colour);
  }
  const auto tone = [&codes](Tone t) -> std::string& { return codes.tone[static_cast<std::size_t>(t)]; };
  tone(Tone::dim) = capability("dim");
  if (colours == 0) tone(Tone::danger) += capability("smul");
  tone(Tone::selected) = capability("rev");
  return codes;
}

std::vector<std::pair<std::string, Key::Code>> key_sequences() {
  return {{capability("kcuu1"), Key::Code::up},    {capability("kcud1"), Key::Code::down},
          {capability("kcub1"), Key::Code::left},  {capability("kcuf1"), Key::Code::right},
          {capability("kpp"), Key::Code::page_up}, {capability("knp"), Key::Code::page_down},
          {capability("kent"), Key::Code::enter}};
}

// Starts ncurses and reads the terminal's escape sequences, which the painter needs first.
// newterm, not initscr: on a terminal it does not know it returns null instead of exiting.
TerminalCodes start_ncurses(Theme theme) {
  (void)std::setlocale(LC_ALL, "");  // the "C" locale it keeps otherwise is fine: utf8 says which
  const bool utf8 = std::string_view(::nl_langinfo(CODESET)) == "UTF-8";
  g_have_shell_modes = ::tcgetattr(STDIN_FILENO, &g_shell_modes) == 0;
  if (::newterm(nullptr, stdout, stdin) == nullptr) throw std::runtime_error("cannot set up the terminal");
  try {
    return codes_from_terminfo(utf8, theme);
  } catch (...) {
    ::endwin();
    throw;
  }
}

}  // namespace

Terminal::Terminal(Theme theme) : painter_(start_ncurses(theme)), keys_(key_sequences()) {
  prepare_restore_bytes();
  install_crash_handlers();
  ::cbreak();  // keys at once; Ctrl-C and Ctrl-Z still send their signals
  ::noecho();
  ::nonl();
  ::keypad(stdscr, TRUE);
  ::curs_set(0);
  // Once through ncurses, for the alternate screen, the keypad mode and a clear screen;
  // from then on the painter writes the frames.
  ::refresh();
}

Terminal::~Terminal() {
  if (!painter_.attributes_plain()) write_all(capability("sgr0"));
  ::endwin();
  remove_crash_handlers();
}

TerminalSize Terminal::size() const { return TerminalSize{COLS, LINES}; }

void Terminal::resize() {
  struct winsize ws {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
    ::resizeterm(ws.ws_row, ws.ws_col);
  }
  painter_.invalidate();
}

void Terminal::write_all(const std::string& bytes) {
  // A failed write is let go: the terminal is gone, and SIGHUP or POLLHUP ends the loop.
  (void)app::write_all(STDOUT_FILENO, bytes);
}

void Terminal::paint(Screen& screen, bool bell) {
  if (suspended_) return;
  write_all(painter_.frame_swap(screen, bell));
}

std::vector<Key> Terminal::read_keys() {
  std::array<char, 256> buffer{};
  const ssize_t n = ::read(STDIN_FILENO, buffer.data(), buffer.size());
  // End of input, or an error other than a signal: the terminal is gone (POLLHUP, POLLERR).
  if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) input_ended_ = true;
  if (n <= 0) return {};
  return keys_.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
}

void Terminal::suspend() {
  if (!painter_.attributes_plain()) write_all(capability("sgr0"));
  painter_.attributes_reset();
  ::endwin();
  suspended_ = true;
}

void Terminal::resume() {
  if (suspended_) {
    ::refresh();  // after endwin: the tty modes, the alternate screen and the keypad again
  } else {
    ::reset_prog_mode();  // stopped by someone else (SIGSTOP): the shell may have changed the modes
  }
  suspended_ = false;
  resize();  // the size may have changed while stopped; the next paint redraws everything
}

}  // namespace stretch::app
