// The session screen as data: what it says at one instant, and when it would next change.
#include "stretch/view_model.hpp"

#include <algorithm>
#include <cmath>

#include "stretch/duration_format.hpp"
#include "stretch/text.hpp"

namespace stretch {
namespace {

constexpr Millis second{1000};
constexpr Millis reminder_period{10000};  // a hold reminder stays this long before the next
constexpr int breath_bar_cells = 16;      // one step of the bar every 250-375 ms at 4-6 s breaths

std::string clean(std::string_view text) { return sanitize_for_terminal(text); }

std::string_view side_word(Side side) {
  switch (side) {
    case Side::left: return "LEFT";
    case Side::right: return "RIGHT";
    case Side::none: return "BOTH";
  }
  return "BOTH";
}

std::string_view phase_word(StepKind kind) {
  switch (kind) {
    case StepKind::get_ready: return "GET READY";
    case StepKind::hold: return "HOLD";
    case StepKind::rest: return "REST";
    case StepKind::switch_sides: return "SWITCH SIDES";
    case StepKind::transition: return "REST";
  }
  return "";
}

// Between exercises the screen already shows the one coming up, so that its instructions
// can be read during the rest.
std::size_t shown_exercise(const Plan& plan, const Step& step) {
  if (step.kind == StepKind::transition && step.exercise + 1 < plan.exercises.size()) return step.exercise + 1;
  return step.exercise;
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

std::string reminder_for(const SessionSnapshot& s, const Step& step, const Exercise& exercise) {
  if (step.kind == StepKind::get_ready) {
    return exercise.breathing.cue.empty() ? std::string(default_breathing_cue()) : clean(exercise.breathing.cue);
  }
  if (step.kind != StepKind::hold) return {};
  const std::vector<std::string> all = reminders_of(exercise);
  if (all.empty()) return {};
  // Rotates within a hold, and starts one further at each hold so short holds vary too.
  const auto turn = static_cast<std::size_t>(s.step_elapsed / reminder_period) + s.step_index / 2;
  return all[turn % all.size()];
}

std::string breath_word(const BreathCue& cue) {
  switch (cue.phase) {
    case BreathPhase::in: return "breathe in";
    case BreathPhase::out: return cue.easing_in ? "breathe out, ease in" : "breathe out";
    case BreathPhase::free: return "breathe easy";
  }
  return {};
}

// Whole cells of the breathing bar: it fills on the in-breath and empties on the out-breath.
int breath_filled(const BreathCue& cue, int cells) {
  const double fraction = std::clamp(cue.fraction, 0.0, 1.0);
  const int steps = std::min(static_cast<int>(std::floor(fraction * cells)), cells);
  switch (cue.phase) {
    case BreathPhase::in: return steps;
    case BreathPhase::out: return cells - steps;
    case BreathPhase::free: return 0;
  }
  return 0;
}

// What comes after the exercise on screen, so the user can prepare for it.
std::string next_text(const Plan& plan, std::size_t exercise) {
  if (exercise + 1 >= plan.exercises.size()) return "next: the end";
  return "next: " + clean(plan.exercises[exercise + 1].exercise.name);
}

std::vector<std::string> instructions_of(const Exercise& exercise, int width) {
  std::vector<std::string> lines;
  if (width <= 0) return lines;
  const auto w = static_cast<std::size_t>(width);
  if (!exercise.position.empty()) {
    for (std::string& line : wrap_text(clean(exercise.position), w)) lines.push_back(std::move(line));
  }
  int number = 1;
  for (const std::string& step : exercise.steps) {
    const std::string prefix = std::to_string(number++) + ". ";
    const std::size_t indent = prefix.size();
    if (w <= indent) break;
    bool first = true;
    for (std::string& line : wrap_text(clean(step), w - indent)) {
      lines.push_back((first ? prefix : std::string(indent, ' ')) + line);
      first = false;
    }
  }
  return lines;
}

std::vector<std::string> caution_of(const Exercise& exercise, int width) {
  if (exercise.cautions.empty() || width <= 0) return {};
  std::string text = "Caution:";
  for (const std::string& c : exercise.cautions) text += " " + clean(c);
  return wrap_text(text, static_cast<std::size_t>(width));
}

std::vector<Hotkey> session_footer(bool paused, bool muted) {
  return {
      {"space", paused ? "resume" : "pause", 9},
      {"s", "skip", 6},
      {"n", "next", 4},
      {"b", "back", 5},
      {"+/-", "5s", 3},
      {"x", "it hurts", 9},
      {"m", muted ? "unmute" : "mute", 2},
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

std::string countdown_text(Millis remaining) {
  std::string text = format_countdown(remaining);
  if (text.size() == 5 && text[0] == '0') text.erase(0, 1);  // "07:40" -> "7:40"
  return text;
}

SessionView session_view(const SessionSnapshot& s, const SessionToggles& toggles, TerminalSize size) {
  SessionView v;
  v.layout = layout_for(size);
  v.paused = s.paused;
  v.footer = session_footer(s.paused, toggles.muted);
  if (toggles.confirm_quit) v.confirm = "Quit the session?  y yes  n no";
  if (s.plan == nullptr) return v;
  const Plan& plan = *s.plan;
  v.routine_name = clean(plan.routine_name);
  v.progress = std::clamp(s.progress, 0.0, 1.0);
  v.time_left = countdown_text(s.session_remaining) + " left";
  if (s.step_index >= plan.steps.size()) return v;

  const Step& step = plan.steps[s.step_index];
  const std::size_t index = shown_exercise(plan, step);
  const PlannedExercise& pe = plan.exercises[index];
  v.exercise_name = clean(pe.exercise.name);
  v.exercise_count = "exercise " + std::to_string(index + 1) + " of " + std::to_string(plan.exercises.size());
  v.phase = phase_word(step.kind);
  v.phase_tone = step.kind == StepKind::hold ? Tone::hold : Tone::rest;
  if (step.kind != StepKind::transition) {
    v.side = side_word(step.side);
    v.rep = "rep " + std::to_string(step.rep) + " of " + std::to_string(pe.reps);
    if (step.kind != StepKind::hold && step.kind != StepKind::get_ready) v.rep += " next";  // the rep it leads to
  }
  v.countdown = countdown_text(s.step_remaining);
  v.breath_word = breath_word(s.breath);
  v.breath_cells = s.breath.phase == BreathPhase::free ? 0 : breath_bar_cells;
  v.breath_filled = breath_filled(s.breath, v.breath_cells);
  v.reminder = reminder_for(s, step, pe.exercise);
  v.next = next_text(plan, index);
  const int text_width = size.width - 2;  // a column of margin at each side
  v.instructions = instructions_of(pe.exercise, text_width);
  v.caution = caution_of(pe.exercise, text_width);
  return v;
}

std::optional<Millis> next_visible_change(const SessionSnapshot& s, TerminalSize) {
  if (s.paused || s.plan == nullptr || s.step_index >= s.plan->steps.size()) return std::nullopt;
  // The countdown and the time left show whole seconds, rounded up: each changes when its
  // remaining time reaches a multiple of a second.
  const auto to_next_second = [](Millis remaining) {
    const Millis part = remaining % second;
    return part > Millis::zero() ? part : second;
  };
  Millis next = std::min(to_next_second(s.step_remaining), to_next_second(s.session_remaining));
  // A hold's reminder changes every reminder_period of the hold.
  next = std::min(next, reminder_period - s.step_elapsed % reminder_period);
  // The breathing bar moves a cell at each 1/cells of the phase, whose length is the pace
  // (a phase cut short by the end of the step keeps its pace); the word changes with it.
  const BreathCue& b = s.breath;
  if (b.phase != BreathPhase::free && b.phase_remaining > Millis::zero()) {
    const Step& step = s.plan->steps[s.step_index];
    const Breathing& pace = s.plan->exercise_of(step).exercise.breathing;
    const double phase_ms = 1000.0 * (b.phase == BreathPhase::in ? pace.in_seconds : pace.out_seconds);
    const double cells = breath_bar_cells;
    const double next_fraction = (std::floor(b.fraction * cells) + 1.0) / cells;
    // Rounded up, plus a millisecond: woken a hair early, the bar would not have moved yet.
    const auto to_cell = Millis{static_cast<Millis::rep>(std::ceil((next_fraction - b.fraction) * phase_ms)) + 1};
    next = std::min({next, to_cell, b.phase_remaining});
  }
  return std::max(next, Millis{1});
}

}  // namespace stretch
