// The session screen as data: what it says at one instant, and when it would next change.
#include "stretch/view_model.hpp"

#include "stretch/figure_motion.hpp"
#include "stretch/instruction_pages.hpp"

#include <algorithm>
#include <cmath>

#include "stretch/movement_text.hpp"
#include "stretch/text.hpp"

namespace stretch {
namespace {

constexpr Millis second{1000};
constexpr Millis reminder_period{10000};  // a hold reminder stays this long before the next
constexpr int breath_bar_cells = 16;
// The breathing bar moves once a second, with the countdown, like counting the breath
// ("in, two, three, four"): the loop then wakes once a second, and twice as often would cost
// half as much CPU again for a smoother bar.
constexpr Millis breath_tick{1000};

std::string clean(std::string_view text) { return sanitize_for_terminal(text); }

std::string_view side_word(Side side) {
  switch (side) {
    case Side::left: return "LEFT";
    case Side::right: return "RIGHT";
    case Side::none: return "";  // not a one-sided exercise: nothing to say
  }
  return "";
}

// Where the step stands in the exercise: "rep 2 of 3", "arch, round 2 of 6", "roll forward"
// (a move's count is added as it goes, by session_view).
std::string rep_text(const PlannedExercise& pe, const Step& step) {
  const bool leads_on = step.kind != StepKind::get_ready && !is_work(step.kind);  // the rep it leads to
  switch (pe.kind()) {
    case ExerciseKind::hold:
      // Between reps the screen names the rep it leads to, before it rather than trailing.
      if (pe.reps <= 1) return {};
      return std::string(leads_on ? "next: " : "") + "rep " + count_text(step.rep, pe.reps);
    case ExerciseKind::counted: {
      std::string part = part_name(pe, Step{StepKind::move, step.exercise, step.side, step.rep, step.part});
      if (part.empty()) part = std::to_string(pe.reps) + " times";
      return leads_on || step.kind == StepKind::get_ready ? "next: " + part : part;
    }
    case ExerciseKind::flow: {
      if (step.kind != StepKind::flow) return std::to_string(pe.reps) + " rounds";
      return part_name(pe, step) + ", round " + count_text(step.rep, pe.reps);
    }
  }
  return {};
}

// The exercise's own reminders first, then the general ones from the material.
std::vector<std::string> reminders_of(const Exercise& exercise) {
  std::vector<std::string> out;
  for (const std::string& r : exercise.reminders) out.push_back(clean(r));
  for (std::string_view r : hold_reminders()) {
    if (std::find(out.begin(), out.end(), r) == out.end()) out.emplace_back(r);
  }
  return out;
}

// While getting ready, the breathing cue; during a hold, the reminders in turn; else none.
std::vector<std::string> reminders_for(const Step& step, const Exercise& exercise) {
  if (step.kind == StepKind::get_ready) {
    return {exercise.breathing.cue.empty() ? std::string(default_breathing_cue()) : clean(exercise.breathing.cue)};
  }
  if (!is_work(step.kind)) return {};
  return reminders_of(exercise);
}

std::string breath_word(const BreathCue& cue) {
  switch (cue.phase) {
    case BreathPhase::in: return "breathe in";
    case BreathPhase::out: return cue.easing_in ? "breathe out, ease in" : "breathe out";
    case BreathPhase::free: return "breathe easy";
  }
  return {};
}

// The time into the breath's phase, from the cue's fraction of the pace's length (phases
// begin on whole seconds of the step, so the ticks of the bar fall on the countdown's).
Millis into_phase(const BreathCue& cue, const Breathing& pace) {
  const int seconds = cue.phase == BreathPhase::in ? pace.in_seconds : pace.out_seconds;
  return Millis{std::llround(std::clamp(cue.fraction, 0.0, 1.0) * 1000.0 * seconds)};
}

// Whole cells of the breathing bar at the last tick: it fills on the in-breath and empties
// on the out-breath.
int breath_filled(const BreathCue& cue, const Breathing& pace, int cells) {
  if (cue.phase == BreathPhase::free || cells <= 0) return 0;
  const int seconds = cue.phase == BreathPhase::in ? pace.in_seconds : pace.out_seconds;
  if (seconds <= 0) return 0;
  const Millis at_tick = into_phase(cue, pace) / breath_tick * breath_tick;
  const auto filled = static_cast<int>(std::lround(static_cast<double>(at_tick.count()) * cells / (1000.0 * seconds)));
  return cue.phase == BreathPhase::in ? std::min(filled, cells) : std::max(cells - filled, 0);
}

// What comes after the exercise on screen, so the user can prepare for it.
std::string next_text(const Plan& plan, std::size_t exercise) {
  if (exercise + 1 >= plan.exercises.size()) return "next: the end";
  return "next: " + clean(plan.exercises[exercise + 1].exercise.name);
}

int words_in(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The position and the numbered steps, wrapped; where each of them begins, so that they can
// be paged whole.
void instructions_of(const Exercise& exercise, int width, StepText& t) {
  if (width <= 0) return;
  const auto w = static_cast<std::size_t>(width);
  if (!exercise.position.empty()) {
    const std::string position = clean(exercise.position);
    t.paragraph_starts.push_back(t.instructions.size());
    t.paragraph_words.push_back(words_in(position));
    for (std::string& line : wrap_text(position, w)) t.instructions.push_back(std::move(line));
  }
  int number = 1;
  for (const std::string& step : exercise.steps) {
    const std::string prefix = std::to_string(number++) + ". ";
    const std::size_t indent = prefix.size();
    if (w <= indent) break;
    const std::string text = clean(step);
    t.paragraph_starts.push_back(t.instructions.size());
    t.paragraph_words.push_back(words_in(text));
    bool first = true;
    for (std::string& line : wrap_text(text, w - indent)) {
      t.instructions.push_back((first ? prefix : std::string(indent, ' ')) + line);
      first = false;
    }
  }
}

// Time since the exercise came on screen, as the flow counted it or else as planned: the pages
// of its instructions go on turning from one of its steps to the next (a flow's steps may be
// shorter than a page).
Millis into_exercise(const SessionSnapshot& s, const StepText& text, const SessionToggles& toggles) {
  const Millis before = toggles.shown_before_step.value_or(s.plan->steps[s.step_index].start - text.exercise_start);
  return before + s.step_elapsed;
}

std::vector<std::string> caution_of(const Exercise& exercise, int width) {
  if (exercise.cautions.empty() || width <= 0) return {};
  std::string text = "Caution:";
  for (const std::string& c : exercise.cautions) text += " " + clean(c);
  return wrap_text(text, static_cast<std::size_t>(width));
}

std::vector<Hotkey> session_footer(bool paused, bool muted, bool voice) {
  return {
      {"space", paused ? "resume" : "pause", 9},
      {"s", "skip", 6},
      {"n", "next", 4},
      {"b", "back", 5},
      {"+/-", "5s", 3},
      {"x", "it hurts", 9},
      {"m", muted ? "unmute" : "mute", muted ? 7 : 2},  // muted: keep saying so
      // Like the sound: on, the voice is told how to stop before less needed keys.
      {"v", voice ? "voice off" : "voice on", voice ? 4 : 1},
      {"?", "help", 8},
      {"q", "quit", 8},
  };
}

}  // namespace

Layout layout_for(TerminalSize size) {
  if (size.width >= full_layout_size.width && size.height >= full_layout_size.height) return Layout::full;
  if (size.width >= minimum_size.width && size.height >= minimum_size.height) return Layout::compact;
  return Layout::too_small;
}

// format_countdown's rounding, written out by hand: it runs twice a frame, and snprintf was a
// tenth of a frame's time.
std::string countdown_text(Millis remaining) {
  const long long total = remaining.count() <= 0 ? 0 : (remaining.count() + 999) / 1000;
  const long long hours = total / 3600;
  const long long minutes = total / 60 % 60;
  const long long seconds = total % 60;
  const auto two = [](long long n) {
    return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
  };
  if (hours > 0) return std::to_string(hours) + ":" + two(minutes) + ":" + two(seconds);
  return std::to_string(minutes) + ":" + two(seconds);
}

StepText step_text(const Plan& plan, std::size_t step_index, int width) {
  StepText t;
  t.plan = &plan;
  t.step_index = step_index;
  t.width = width;
  t.routine_name = clean(plan.routine_name);
  if (step_index >= plan.steps.size()) return t;
  const Step& step = plan.steps[step_index];
  const std::size_t index = shown_exercise(plan, step);
  const PlannedExercise& pe = plan.exercises[index];
  t.exercise_name = clean(pe.exercise.name);
  t.exercise_count = "exercise " + std::to_string(index + 1) + " of " + std::to_string(plan.exercises.size());
  t.phase = phase_name(step.kind);
  t.phase_tone = is_work(step.kind) ? Tone::hold : Tone::rest;
  if (step.kind != StepKind::transition) {
    t.side = side_word(step.side);
    t.rep = rep_text(pe, step);
  }
  t.reminders = reminders_for(step, pe.exercise);
  t.next = next_text(plan, index);
  const int text_width = width - 2;  // a column of margin at each side
  instructions_of(pe.exercise, text_width, t);
  t.caution = caution_of(pe.exercise, text_width);
  std::size_t first = step_index;
  while (first > 0 && shown_exercise(plan, plan.steps[first - 1]) == index) --first;
  t.exercise_start = plan.steps[first].start;
  return t;
}

bool step_text_matches(const StepText& text, const SessionSnapshot& s, TerminalSize size) {
  return text.plan == s.plan && text.step_index == s.step_index && text.width == size.width;
}

SessionView session_view(const SessionSnapshot& s, const SessionToggles& toggles, TerminalSize size) {
  if (s.plan == nullptr) return session_view(s, toggles, size, StepText{});
  return session_view(s, toggles, size, step_text(*s.plan, s.step_index, size.width));
}

SessionView session_view(const SessionSnapshot& s, const SessionToggles& toggles, TerminalSize size,
                         const StepText& text) {
  SessionView v;
  v.layout = layout_for(size);
  v.paused = s.paused;
  v.footer = session_footer(s.paused, toggles.muted, toggles.voice);
  if (toggles.confirm_quit) v.confirm = "Quit the session?  y yes  n no";
  if (s.plan == nullptr) return v;
  const Plan& plan = *s.plan;
  v.routine_name = text.routine_name;
  v.progress = std::clamp(s.progress, 0.0, 1.0);
  v.time_left = countdown_text(s.session_remaining) + " left";
  if (s.step_index >= plan.steps.size()) return v;

  const Step& step = plan.steps[s.step_index];
  v.exercise_name = text.exercise_name;
  v.exercise_count = text.exercise_count;
  v.phase = text.phase;
  v.phase_tone = text.phase_tone;
  v.side = text.side;
  v.rep = text.rep;
  if (step.kind == StepKind::move) {
    const PlannedExercise& pe = plan.exercise_of(step);
    v.rep += (v.rep.empty() ? "" : " ") + count_text(movement_at(pe, step, s.step_elapsed), pe.reps);
  }
  v.countdown = countdown_text(s.step_remaining);
  v.breath_word = breath_word(s.breath);
  v.breath_cells = s.breath.phase == BreathPhase::free ? 0 : breath_bar_cells;
  v.breath_filled = breath_filled(s.breath, plan.exercise_of(step).exercise.breathing, v.breath_cells);
  if (!text.reminders.empty()) {
    // Rotates within a hold, and starts one further at each hold so short holds vary too.
    const auto turn = static_cast<std::size_t>(s.step_elapsed / reminder_period) + s.step_index / 2;
    v.reminder = text.reminders[turn % text.reminders.size()];
  }
  v.next = text.next;
  v.instructions = text.instructions;
  v.caution = text.caution;
  const std::vector<InstructionPage> pages = instruction_pages(text, instruction_rows(v.layout, size));
  if (pages.size() > 1) {
    const std::size_t page =
        (page_at(pages, into_exercise(s, text, toggles)).index + toggles.page_turns) % pages.size();
    v.instructions.assign(text.instructions.begin() + static_cast<std::ptrdiff_t>(pages[page].first),
                          text.instructions.begin() + static_cast<std::ptrdiff_t>(pages[page].end));
    v.page = "steps " + std::to_string(page + 1) + "/" + std::to_string(pages.size());
  }
  const Figure& figure = plan.exercises[shown_exercise(plan, step)].exercise.figure;
  if (toggles.figures && v.layout == Layout::full && !figure.empty()) {
    v.figure = &figure;
    v.figure_pose = pose_of(figure, figure_motion_in(plan, s.step_index, s.step_elapsed, figure.poses.size()));
    v.figure_facing = step.side == Side::right ? FigureFacing::mirrored : FigureFacing::as_written;
    v.figure_style = toggles.figure_style;
  }
  return v;
}

DigitScale digit_scale(TerminalSize size) {
  const int up = std::clamp(size.height / 15, 1, 4);
  const int across = std::clamp(std::min(up, (size.width - 50) / 50), 1, 3);
  return {across, up};
}

std::optional<Millis> next_visible_change(const SessionSnapshot& s, TerminalSize size, const SessionToggles& toggles) {
  if (s.paused || s.plan == nullptr || s.step_index >= s.plan->steps.size()) return std::nullopt;
  return next_visible_change(s, size, toggles, step_text(*s.plan, s.step_index, size.width));
}

std::optional<Millis> next_visible_change(const SessionSnapshot& s, TerminalSize size, const SessionToggles& toggles,
                                          const StepText& text) {
  if (s.paused || s.plan == nullptr || s.step_index >= s.plan->steps.size()) return std::nullopt;
  // The countdown and the time left show whole seconds, rounded up: each changes when its
  // remaining time reaches a multiple of a second.
  const auto to_next_second = [](Millis remaining) {
    const Millis part = remaining % second;
    return part > Millis::zero() ? part : second;
  };
  Millis next = std::min(to_next_second(s.step_remaining), to_next_second(s.session_remaining));
  // A counted movement's number changes with each movement.
  const Step& step = s.plan->steps[s.step_index];
  if (const auto movement = next_movement(s.plan->exercise_of(step), step, s.step_elapsed)) {
    next = std::min(next, *movement - s.step_elapsed);
  }
  // A hold's reminder changes every reminder_period of the hold.
  next = std::min(next, reminder_period - s.step_elapsed % reminder_period);
  // The breathing bar moves at each tick of its phase; the word changes with the phase.
  const BreathCue& b = s.breath;
  if (b.phase != BreathPhase::free && b.phase_remaining > Millis::zero()) {
    const Breathing& pace = s.plan->exercise_of(s.plan->steps[s.step_index]).exercise.breathing;
    next = std::min({next, breath_tick - into_phase(b, pace) % breath_tick, b.phase_remaining});
  }
  // The next page of instructions, when they take turns.
  const std::vector<InstructionPage> pages = instruction_pages(text, instruction_rows(layout_for(size), size));
  if (const std::optional<Millis> turn = page_at(pages, into_exercise(s, text, toggles)).next_turn)
    next = std::min(next, *turn);
  // The figure's next frame, while it moves and is shown.
  const Figure& figure = s.plan->exercises[shown_exercise(*s.plan, s.plan->steps[s.step_index])].exercise.figure;
  if (toggles.figures && layout_for(size) == Layout::full && !figure.empty()) {
    const FigureMotion motion = figure_motion_in(*s.plan, s.step_index, s.step_elapsed, figure.poses.size());
    if (const std::optional<Millis> frame = motion.next_change) {
      next = std::min(next, *frame - s.step_elapsed);
    }
  }
  return std::max(next, Millis{1});
}

}  // namespace stretch
