// Lays the session view out on a Screen: the full layout with big digits and instructions,
// the compact one that keeps the countdown as text, and the request to enlarge the terminal.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "render_parts.hpp"
#include "stretch/text.hpp"
#include "stretch/view_model.hpp"

namespace stretch {
namespace {

using render::margin;

// Up to `rows` lines from `lines`; when some are left out the last one shown ends in "…".
std::vector<std::string> first_rows(const std::vector<std::string>& lines, int rows, int width) {
  std::vector<std::string> out;
  if (rows <= 0) return out;
  const auto n = static_cast<std::size_t>(rows);
  out.assign(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(std::min(n, lines.size())));
  if (lines.size() > n) out.back() = fit_to_width(out.back() + " \u2026", static_cast<std::size_t>(width));
  return out;
}

// The instructions and the caution in the rows from `top` to `bottom` (inclusive). The
// caution keeps up to three rows because it says what must not be done; the instructions take
// the rest. `caution_first` puts it on top, where the compact layout has room for little else.
void draw_body(const SessionView& v, Screen& screen, int top, int bottom, bool caution_first) {
  const int rows = bottom - top + 1;
  const int width = screen.width() - 2 * margin;
  if (rows <= 0) return;
  const auto caution_size = static_cast<int>(v.caution.size());
  const auto instruction_size = static_cast<int>(v.instructions.size());
  int caution_rows = std::min(caution_size, std::max(3, rows - instruction_size - 1));
  caution_rows = std::min(caution_rows, rows);
  const int gap = caution_rows > 0 && instruction_size > 0 && rows - caution_rows > 1 ? 1 : 0;
  const int instruction_rows = std::max(rows - caution_rows - gap, 0);

  const std::vector<std::string> caution = first_rows(v.caution, caution_rows, width);
  const std::vector<std::string> instructions = first_rows(v.instructions, instruction_rows, width);
  int y = top;
  const auto draw = [&](const std::vector<std::string>& lines, Tone tone) {
    for (const std::string& line : lines) screen.put(margin, y++, line, tone);
  };
  if (caution_first) {
    draw(caution, Tone::warning);
    y += gap;
    draw(instructions, Tone::normal);
  } else {
    draw(instructions, Tone::normal);
    y += gap;
    draw(caution, Tone::warning);
  }
}

void draw_header(const SessionView& v, Screen& screen) {
  const int left_width = screen.width() - 2 * margin - static_cast<int>(display_width(v.time_left)) - 2;
  render::text(screen, margin, 0, v.routine_name, left_width, Tone::strong);
  render::right(screen, 0, v.time_left);
  render::bar(screen, margin, 1, screen.width() - 2 * margin, progress_cells(v.progress, screen.width()), Tone::normal);
}

// "HOLD · LEFT · rep 2 of 3", and at the right which page of the steps is shown, with the key
// that turns it where there is room.
void draw_phase_line(const SessionView& v, Screen& screen, int y) {
  int x = render::text(screen, margin, y, v.phase, screen.width() - 2 * margin, v.phase_tone);
  for (const std::string& part : {v.side, v.rep}) {
    if (part.empty()) continue;
    x = screen.put(x, y, " \u00b7 ");
    x = render::text(screen, x, y, part, screen.width() - margin - x);
  }
  if (v.page.empty()) return;
  const std::string with_key = v.page + ", tab: next";
  const auto room = static_cast<std::size_t>(std::max(screen.width() - margin - x - 2, 0));
  if (display_width(with_key) <= room) {
    render::right(screen, y, with_key, Tone::dim);
  } else if (display_width(v.page) <= room) {
    render::right(screen, y, v.page, Tone::dim);
  }
}

// The footer, or the question that replaces it, and the notice on the rule above it (drawn over
// the rule: it comes at any time, and the rule is the one row every layout keeps free of the
// session's own text). Part of the steady layer: they change with keys, not with time.
void draw_footer(const SessionView& v, Screen& screen) {
  const int h = screen.height();
  if (!v.notice.empty()) {
    render::text(screen, margin, h - 2, " " + v.notice + " ", screen.width() - 2 * margin, Tone::dim);
  }
  if (!v.confirm.empty()) {
    render::text(screen, margin, h - 1, v.confirm, screen.width() - 2 * margin, Tone::warning);
  } else {
    render::footer(screen, h - 1, v.footer);
  }
}

// The two layouts, each in two layers: what stays for as long as the step runs or until a key
// (names, instructions, caution, "next", the footer and the notice) and what moves with time
// (the header, the countdown, the phase line with a movement's count, the breathing cue, the
// reminder, the figure). The moving layer only draws on cells the steady one leaves blank.

constexpr int digits_top = 6;

// Where the parts beside the countdown go in the full layout: the digits at the left, the
// breathing cue and the reminder beside them, the figure at the right.
struct FullLayout {
  DigitScale scale;
  int digit_rows = 0;
  int side_x = 0;
  int side_width = 0;
  FigureBox figure;
};

// The column beside the digits: wide enough for its longest cue, "breathe out, ease in"; the
// reminder and the line under PAUSED wrap in it.
constexpr int cue_columns = 20;
// Blank columns between the digits and that column, and between it and the figure.
constexpr int digits_gap = 2;
constexpr int figure_gap = 2;

FullLayout full_layout(const SessionView& v, TerminalSize size) {
  FullLayout l;
  const int w = size.width;
  l.scale = digit_scale(size);
  l.digit_rows = big_text_rows(l.scale.up);
  // The column beside the digits stays put while the digits count down.
  l.side_x = 2 * margin +
             std::max(big_text_width("0:00", l.scale.across), big_text_width(v.countdown, l.scale.across)) + digits_gap;
  l.side_width = w - margin - l.side_x;
  if (v.figure != nullptr) {
    // From the row above the digits to the row under them, and everything right of the
    // cue column up to four columns a row: a person lying down is wide, and at 80x24 the
    // figure needs all the width there is to be read from the floor.
    const int rows = l.digit_rows + 2;
    const int columns = std::min(rows * 4, l.side_width - cue_columns - figure_gap);
    if (columns >= 12) {
      l.figure = FigureBox{w - margin - columns, digits_top - 1, columns, rows};
      l.side_width -= columns + figure_gap;
    }
  }
  return l;
}

void draw_full_steady(const SessionView& v, Screen& screen) {
  const int w = screen.width();
  const int h = screen.height();
  const int count_width = static_cast<int>(display_width(v.exercise_count));
  render::text(screen, margin, 3, v.exercise_name, w - 2 * margin - count_width - 2, Tone::strong);
  render::right(screen, 3, v.exercise_count, Tone::dim);
  draw_body(v, screen, h - 3 - instruction_rows(Layout::full, {w, h}), h - 4, false);
  render::text(screen, margin, h - 3, v.next, w - 2 * margin, Tone::dim);
  render::rule(screen, h - 2);
  draw_footer(v, screen);
}

// The figure, in its box beside the digits (left blank by everything else).
void draw_full_figure(const SessionView& v, Screen& screen) {
  if (v.figure == nullptr) return;
  const FullLayout l = full_layout(v, {screen.width(), screen.height()});
  if (l.figure.width > 0) draw_figure(screen, l.figure, *v.figure, v.figure_pose, v.figure_facing, v.figure_style);
}

// All that moves but the figure.
void draw_full_counting(const SessionView& v, Screen& screen) {
  draw_header(v, screen);
  draw_phase_line(v, screen, 4);  // a counted movement's count moves
  const FullLayout l = full_layout(v, {screen.width(), screen.height()});
  // Plain blocks: a colour here would cost escape sequences at every second and rewrite all
  // the digits at every phase change; the phase line above carries the colour.
  put_big_text(screen, 2 * margin, digits_top, v.countdown, Tone::normal, l.scale.across, l.scale.up);
  const int side_x = l.side_x;
  const int side_width = l.side_width;
  // The line under PAUSED or QUIT? wraps in a narrow column rather than lose its end.
  const auto state = [&](std::string_view word, std::string_view what) {
    render::text(screen, side_x, digits_top, word, side_width, Tone::warning);
    if (side_width <= 0) return;
    const std::vector<std::string> lines =
        first_rows(wrap_text(what, static_cast<std::size_t>(side_width)), 2, side_width);
    for (std::size_t i = 0; i < lines.size(); ++i) screen.put(side_x, digits_top + 1 + static_cast<int>(i), lines[i]);
  };
  if (!v.confirm.empty()) {  // the question, not "press space", while it is asked
    state("QUIT?", "y to quit, n to go on");
  } else if (v.paused) {
    state("PAUSED", "press space to continue");
  } else {
    render::text(screen, side_x, digits_top, v.breath_word, side_width, Tone::accent);
    if (v.breath_cells > 0) {
      render::bar(screen, side_x, digits_top + 1, std::min(v.breath_cells, side_width), v.breath_filled, Tone::normal);
    }
  }
  if (side_width > 0) {
    // Three rows under the breathing bar; a longer one (the breathing cue while getting ready,
    // in the narrow column beside the figure) also takes the blank row above them.
    const std::vector<std::string> wrapped = wrap_text(v.reminder, static_cast<std::size_t>(side_width));
    const int top = wrapped.size() > 3 ? digits_top + 2 : digits_top + 3;
    const std::vector<std::string> reminder = first_rows(wrapped, digits_top + l.digit_rows + 1 - top, side_width);
    for (std::size_t i = 0; i < reminder.size(); ++i) screen.put(side_x, top + static_cast<int>(i), reminder[i]);
  }
}

void draw_compact_steady(const SessionView& v, Screen& screen) {
  const int h = screen.height();
  const int width = screen.width() - 2 * margin;
  render::text(screen, margin, 2, v.exercise_name, width, Tone::strong);
  draw_body(v, screen, h - 3 - instruction_rows(Layout::compact, {screen.width(), h}), h - 4, true);
  render::text(screen, margin, h - 3, v.next, width, Tone::dim);
  render::rule(screen, h - 2);
  draw_footer(v, screen);
}

void draw_compact_moving(const SessionView& v, Screen& screen) {
  const int w = screen.width();
  const int width = w - 2 * margin;
  draw_header(v, screen);
  draw_phase_line(v, screen, 3);
  int x = screen.put(margin, 4, v.countdown, v.phase_tone);
  if (!v.confirm.empty()) {
    screen.put(x + 2, 4, "QUIT?", Tone::warning);
    render::text(screen, margin, 5, "y to quit, n to go on", width);
  } else if (v.paused) {
    screen.put(x + 2, 4, "PAUSED", Tone::warning);
    render::text(screen, margin, 5, "press space to continue", width);
  } else {
    x = render::text(screen, margin, 5, v.breath_word, width, Tone::accent);
    if (v.breath_cells > 0) {
      render::bar(screen, x + 1, 5, std::min(v.breath_cells, w - margin - x - 1), v.breath_filled, Tone::normal);
    }
  }
  render::text(screen, margin, 6, v.reminder, width);
}

}  // namespace

int progress_cells(double progress, int width) { return static_cast<int>(progress * (width - 2 * margin)); }

// Under the digits (or the countdown line) down to the row above "next".
int instruction_rows(Layout layout, TerminalSize size) {
  switch (layout) {
    case Layout::full: return size.height - 4 - (digits_top + big_text_rows(digit_scale(size).up) + 1) + 1;
    case Layout::compact: return size.height - 4 - 7 + 1;
    case Layout::too_small: return 0;
  }
  return 0;
}

void render_session(const SessionView& v, Screen& screen) {
  render_session_steady(v, screen);
  render_session_moving(v, screen);
}

void render_session_steady(const SessionView& v, Screen& screen) {
  switch (v.layout) {
    case Layout::full: draw_full_steady(v, screen); break;
    case Layout::compact: draw_compact_steady(v, screen); break;
    case Layout::too_small: break;  // all of it moves
  }
}

void render_session_moving(const SessionView& v, Screen& screen) {
  render_session_counting(v, screen);
  render_session_figure(v, screen);
}

FigureBox session_figure_box(const SessionView& v, TerminalSize size) {
  if (v.layout != Layout::full || v.figure == nullptr) return {};
  return full_layout(v, size).figure;
}

void render_session_figure(const SessionView& v, Screen& screen) {
  if (v.layout == Layout::full) draw_full_figure(v, screen);  // the other layouts have no room for it
}

void render_session_counting(const SessionView& v, Screen& screen) {
  switch (v.layout) {
    case Layout::full: draw_full_counting(v, screen); break;
    case Layout::compact: draw_compact_moving(v, screen); break;
    case Layout::too_small: {
      std::vector<std::string> extra;
      if (!v.countdown.empty()) extra.push_back(v.phase + " " + v.countdown);
      if (!v.confirm.empty()) {
        extra.emplace_back("Quit? y/n");
      } else if (v.paused) {
        extra.emplace_back("PAUSED");
      }
      render_too_small(screen, extra);
      break;
    }
  }
}

void render_too_small(Screen& screen, std::span<const std::string> extra) {
  const auto width = static_cast<std::size_t>(std::max(screen.width(), 0));
  const std::string request = "Enlarge the terminal to at least " + std::to_string(minimum_size.width) + "\u00d7" +
                              std::to_string(minimum_size.height) + ".";
  std::vector<std::string> lines = wrap_text(request, width);
  for (const std::string& line : extra) lines.push_back(fit_to_width(line, width));
  for (std::size_t i = 0; i < lines.size() && static_cast<int>(i) < screen.height(); ++i) {
    screen.put(0, static_cast<int>(i), lines[i], i == 0 ? Tone::strong : Tone::normal);
  }
}

}  // namespace stretch
