#pragma once
// The view model of the full-screen session: what each screen should say, as data, built by
// pure functions from the session's state at one instant, the user's toggles and the
// terminal's size; and renderers that lay each view out on a Screen. No terminal, no clock:
// tests build screens at any instant and compare them with expected text.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "stretch/breathing.hpp"
#include "stretch/figure_render.hpp"
#include "stretch/library.hpp"
#include "stretch/plan.hpp"
#include "stretch/safety.hpp"
#include "stretch/screen.hpp"
#include "stretch/session.hpp"
#include "stretch/stats.hpp"

namespace stretch {

struct TerminalSize {
  int width = 80;
  int height = 24;
};

// full: big digits and instructions. compact: the countdown as text, no instructions.
// too_small: a request to enlarge the terminal (and the countdown if it fits).
enum class Layout { full, compact, too_small };
inline constexpr TerminalSize minimum_size{40, 12};
inline constexpr TerminalSize full_layout_size{60, 20};
[[nodiscard]] Layout layout_for(TerminalSize size);

struct Hotkey {
  std::string key;
  std::string label;
  int priority = 0;  // on a narrow footer the lowest go first
  friend bool operator==(const Hotkey&, const Hotkey&) = default;
};

// "0:45", "7:40", "1:02:03": minutes without a leading zero, rounded up like a countdown.
[[nodiscard]] std::string countdown_text(Millis remaining);

// ---- The session screen ----

// The session at one instant: snapshot_of() reads it from a Session; tests may build one by hand.
struct SessionSnapshot {
  const Plan* plan = nullptr;
  std::size_t step_index = 0;  // plan->steps.size() once finished
  bool paused = false;
  Millis step_duration{0};
  Millis step_elapsed{0};
  Millis step_remaining{0};
  Millis session_remaining{0};
  double progress = 0.0;  // 0..1 of the planned time
  BreathCue breath;
};
[[nodiscard]] SessionSnapshot snapshot_of(const Session& session, Instant now);

struct SessionToggles {
  bool muted = false;
  bool confirm_quit = false;  // "Quit the session? y / n" in the footer
  // Braille where the terminal speaks UTF-8, ASCII elsewhere; figures off: none drawn.
  FigureStyle figure_style = FigureStyle::braille;
  bool figures = true;
  bool voice = false;  // the footer offers to turn it off, or on
  // Pages of the steps turned ahead with the key, for the exercise on screen: the pages go on
  // taking turns from there.
  std::size_t page_turns = 0;
  // How long the exercise on screen had been shown when this step began (session time, from
  // the flow): its pages of steps turn by the time the person has had them, so that after `n`
  // or `s` past the rest that showed them they open on their first page. None: as planned,
  // from the plan's first step that shows the exercise.
  std::optional<Millis> shown_before_step = std::nullopt;
};

// How large the countdown's digits are at a size: taller from 100×30, wider too from 150×45,
// up to 4 times taller and 3 times wider at 200×60 and above.
struct DigitScale {
  int across = 1;
  int up = 1;
};
[[nodiscard]] DigitScale digit_scale(TerminalSize size);

// The rows under the countdown for the instructions and the caution, in a layout at a size.
[[nodiscard]] int instruction_rows(Layout layout, TerminalSize size);

struct SessionView {
  Layout layout = Layout::full;
  std::string routine_name;
  double progress = 0.0;       // 0..1
  std::string time_left;       // "7:40 left"
  std::string exercise_name;   // between exercises, the one coming up
  std::string exercise_count;  // "exercise 2 of 6"
  std::string side;            // LEFT, RIGHT, BOTH; empty between exercises
  std::string phase;           // GET READY, HOLD, MOVE, FLOW, REST, SWITCH SIDES
  Tone phase_tone = Tone::rest;
  std::string rep;                        // "rep 2 of 3", "roll forward 7 of 10", "arch, round 2 of 6"
  bool paused = false;                    // the screen says PAUSED; the countdown stands still
  std::string countdown;                  // "0:45"
  std::string breath_word;                // "breathe in", "breathe out", "breathe easy"
  int breath_cells = 0;                   // the bar's width; 0: no bar (free breathing)
  int breath_filled = 0;                  // fills on the in-breath, empties on the out-breath
  std::string reminder;                   // during holds, rotating; the breathing cue while getting ready
  std::vector<std::string> instructions;  // wrapped to the width
  std::vector<std::string> caution;       // wrapped to the width
  std::string next;                       // "next: Bridge"
  std::vector<Hotkey> footer;
  std::string confirm;  // a question replacing the footer, or empty
  // Something about the sound the person should know ("No sound device: ..."), on the rule
  // above the footer, or empty.
  std::string notice;
  // "steps 1/2" when the instructions take turns, page by page (empty when they fit at once).
  std::string page;
  // The exercise's pose figure at this instant, beside the countdown in the full layout.
  const Figure* figure = nullptr;  // none: the exercise has no figure, or figures are off
  Pose figure_pose;
  FigureFacing figure_facing = FigureFacing::as_written;
  FigureStyle figure_style = FigureStyle::braille;
  friend bool operator==(const SessionView&, const SessionView&) = default;
};

// What the screen says about the step under way, the same for as long as the step runs: a
// loop may keep it between frames rather than wrap the instructions again at every tick.
struct StepText {
  const Plan* plan = nullptr;
  std::size_t step_index = 0;
  int width = 0;
  std::string routine_name;
  std::string exercise_name;
  std::string exercise_count;
  std::string phase;
  Tone phase_tone = Tone::rest;
  std::string side;
  std::string rep;
  std::vector<std::string> reminders;  // in turn during a hold; the breathing cue while getting ready
  std::string next;
  std::vector<std::string> instructions;
  std::vector<std::size_t> paragraph_starts;  // where the position and each step begin in `instructions`
  std::vector<int> paragraph_words;           // how many words each of them has
  std::vector<std::string> caution;
  Millis exercise_start{0};  // the planned start of the first step that showed this exercise
};
[[nodiscard]] StepText step_text(const Plan& plan, std::size_t step_index, int width);
// True if `text` was made for this snapshot's plan and step at this width.
[[nodiscard]] bool step_text_matches(const StepText& text, const SessionSnapshot& snapshot, TerminalSize size);

[[nodiscard]] SessionView session_view(const SessionSnapshot& snapshot, const SessionToggles& toggles,
                                       TerminalSize size);
// The same, with the step's text made beforehand (it must match the snapshot).
[[nodiscard]] SessionView session_view(const SessionSnapshot& snapshot, const SessionToggles& toggles,
                                       TerminalSize size, const StepText& text);
void render_session(const SessionView& view, Screen& screen);
// The filled cells of the header's progress bar on a screen `width` wide: a frame whose
// progress fills as many shows the same header.
[[nodiscard]] int progress_cells(double progress, int width);
// render_session in two layers: what stays while the step runs (depends only on the StepText,
// the size, the page of the steps, and the footer, quit question and notice, which change
// with keys: a loop may draw it once and copy it), and what moves, drawn over it.
void render_session_steady(const SessionView& view, Screen& screen);
void render_session_moving(const SessionView& view, Screen& screen);
// render_session_moving in two parts: what changes with the seconds and keys (the header, the
// countdown, the breathing cue, the reminder), and the figure, which moves up to
// twice a second. A loop may keep the first between the figure's frames and draw only
// the second over a copy of it. They draw on cells apart from each other.
void render_session_counting(const SessionView& view, Screen& screen);
void render_session_figure(const SessionView& view, Screen& screen);
// Where render_session_figure draws the figure at this size (width 0: nowhere).
[[nodiscard]] FigureBox session_figure_box(const SessionView& view, TerminalSize size);

// How long (session time) until the screen would look different without any key: the next
// whole second, the next step of the breathing bar, the next reminder, the figure's next
// frame. Empty while paused or once finished: only a key changes the screen then.
[[nodiscard]] std::optional<Millis> next_visible_change(const SessionSnapshot& snapshot, TerminalSize size,
                                                        const SessionToggles& toggles = {});
// The same, with the step's text made beforehand (it must match the snapshot): a loop that
// keeps it does not wrap the instructions again at every wake-up.
[[nodiscard]] std::optional<Millis> next_visible_change(const SessionSnapshot& snapshot, TerminalSize size,
                                                        const SessionToggles& toggles, const StepText& text);

// ---- The routine menu ----

struct MenuItem {
  std::string key;  // "1".."9", or empty past nine
  std::string name;
  std::string duration;
  bool done_today = false;  // completed today: marked with a tick
};

struct MenuView {
  Layout layout = Layout::full;
  std::string level;  // "level: standard"
  std::vector<MenuItem> items;
  std::size_t selected = 0;
  std::string heading;                   // "Low back · 6 exercises · 9 min 40 s"
  std::vector<std::string> description;  // wrapped
  std::vector<std::string> exercises;    // "Pelvic tilt · 10 × 5 s"
  std::string notice;                    // skipped user files, or empty
  std::string today;                     // "Today: not yet · streak 3 days (best 5)"
  std::vector<Hotkey> footer;
  std::string resume;            // above the routines, key r: "Resume Low back from Bridge (...)"
  bool resume_selected = false;  // the resume line is highlighted, not items[selected]
};

[[nodiscard]] MenuView menu_view(std::span<const Routine* const> routines, const Library& library,
                                 const PlanSettings& settings, std::size_t selected, std::size_t problems,
                                 const DailyStatus& today, TerminalSize size);
// The menu's first line offers to resume a session: `rest` is what is left of it. When
// `selected`, the details below are the rest's.
void offer_resume(MenuView& view, const std::string& label, bool selected, const Plan& rest, TerminalSize size);
// The level suggested for the highlighted routine, and why: first in its description.
void suggest_level_in_menu(MenuView& view, const std::string& text, TerminalSize size);
void render_menu(const MenuView& view, Screen& screen);

// ---- Panels: the safety check, the pain check-in, advice, help and the summary ----

struct Paragraph {
  std::string text;  // empty: a blank line
  Tone tone = Tone::normal;
  std::string bullet;  // "• ": later lines of the paragraph hang under the text
};

struct PanelView {
  std::string title;
  Tone title_tone = Tone::strong;
  std::vector<Paragraph> body;  // scrolls when it does not fit
  std::vector<Hotkey> choices;  // one per row, always visible above the footer
  std::vector<Hotkey> footer;
};

// The lines a panel's body takes at a width, and how far it can scroll at a size.
[[nodiscard]] std::size_t panel_body_lines(const PanelView& view, int width);
[[nodiscard]] int panel_max_scroll(const PanelView& view, TerminalSize size);
void render_panel(const PanelView& view, int scroll, Screen& screen);

[[nodiscard]] PanelView safety_check_view();
// For start_after_confirmation and do_not_start.
[[nodiscard]] PanelView safety_verdict_view(SafetyVerdict verdict);
[[nodiscard]] PanelView pain_checkin_view(bool after_session, bool pending_one = false);
[[nodiscard]] PanelView stopped_for_pain_view();
[[nodiscard]] PanelView session_help_view();
// Which tip the summary of `record` shows (see tip_for): it varies from session to session.
[[nodiscard]] std::size_t summary_tip_number(const SessionRecord& record);
[[nodiscard]] PanelView summary_view(const SessionRecord& record, std::optional<int> pain_before,
                                     std::optional<int> pain_after, bool menu_follows);
// The summary while the note is asked (Flow::Stage::note): the field, always in sight, and
// its keys in the footer. `draft` is the text typed so far.
void ask_note_in_summary(PanelView& view, std::string_view draft);
// The summary with the note the person gave, before the tip; nothing when `note` is empty.
void show_note_in_summary(PanelView& view, std::string_view note);

// Below the minimum size every screen says so; `extra` lines follow if they fit.
void render_too_small(Screen& screen, std::span<const std::string> extra = {});

}  // namespace stretch
