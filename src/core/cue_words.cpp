#include "stretch/cue_words.hpp"

#include "stretch/duration_format.hpp"
#include "stretch/movement_text.hpp"
#include "stretch/safety.hpp"
#include "stretch/text.hpp"
#include "stretch/view_model.hpp"

namespace stretch {
namespace {

std::string side_text(Side side) { return std::string(to_string(side)) + " side"; }

std::string rep_text(const PlannedExercise& pe, int rep) {
  if (pe.reps <= 1) return "";
  return "rep " + std::to_string(rep) + " of " + std::to_string(pe.reps);
}

// "a, b, c" for a list that may be empty.
std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The breath that starts with a step, as a sentence for the end of its line.
std::string starting_breath(const Plan& plan, const Step& step, Millis duration) {
  const PlannedExercise& pe = plan.exercise_of(step);
  const BreathCue cue = breath_at(plan, step, duration, Millis::zero());
  if (cue.easing_in) {
    // An exercise with its own cue (pelvic tilt: tighten the belly as you breathe out)
    // says it here, where the out-breath begins.
    if (!pe.exercise.breathing.cue.empty()) return sanitize_for_terminal(pe.exercise.breathing.cue);
    return "Breathe out as you ease into the stretch.";
  }
  if (cue.phase == BreathPhase::in) return "Breathe in.";
  if (cue.phase == BreathPhase::out) return "Breathe out.";
  return "";
}

}  // namespace

std::string stopped_during_text(const StopPoint& point) {
  std::string text = "Stopped during " + sanitize_for_terminal(point.exercise_name);
  if (point.side != Side::none) text += ", " + side_text(point.side);
  return text;
}

std::string at_time(Millis session_time, std::string_view text) {
  return format_clock(session_time) + " " + std::string(text);
}

std::string exercise_intro(const Plan& plan, std::size_t step_index) {
  const Step& step = plan.steps.at(step_index);
  const PlannedExercise& pe = plan.exercise_of(step);
  std::string line = sanitize_for_terminal(pe.exercise.name) + ", exercise " + std::to_string(step.exercise + 1) +
                     " of " + std::to_string(plan.exercises.size()) + ".";
  if (step.side != Side::none) line += " Start with your " + side_text(step.side) + ".";
  if (!pe.exercise.position.empty()) line += " " + sanitize_for_terminal(pe.exercise.position);
  return line;
}

std::string step_cue(const Plan& plan, std::size_t step_index, Millis duration) {
  const Step& step = plan.steps.at(step_index);
  const PlannedExercise& pe = plan.exercise_of(step);
  const std::string name = sanitize_for_terminal(pe.exercise.name);
  const std::string length = format_duration(duration);
  std::string line;
  switch (step.kind) {
    case StepKind::get_ready:
      line = name + ", exercise " + std::to_string(step.exercise + 1) + " of " + std::to_string(plan.exercises.size()) +
             ": get ready, " + length + ".";
      if (step.side != Side::none) line += " Start with your " + side_text(step.side) + ".";
      if (!pe.exercise.position.empty()) line += " " + sanitize_for_terminal(pe.exercise.position);
      break;
    case StepKind::hold: {
      line = name;
      if (step.side != Side::none) line += ", " + side_text(step.side);
      line += ": hold " + length;
      if (const std::string rep = rep_text(pe, step.rep); !rep.empty()) line += ", " + rep;
      line += ".";
      break;
    }
    case StepKind::move:
    case StepKind::flow: line = step_text(pe, step) + "."; break;
    case StepKind::rest: {
      line = "release, rest " + length + ".";
      if (pe.kind() == ExerciseKind::counted) {
        const std::string part = part_name(pe, Step{StepKind::move, step.exercise, step.side, step.rep, step.part});
        if (!part.empty()) line += " Next: " + part + ".";
      } else if (const std::string rep = rep_text(pe, step.rep); !rep.empty()) {
        line += " Next: " + rep + ".";
      }
      break;
    }
    case StepKind::switch_sides: {
      line = "switch sides, " + length + ". Next: " + side_text(step.side);
      if (const std::string rep = rep_text(pe, step.rep); !rep.empty()) line += ", " + rep;
      line += ".";
      break;
    }
    case StepKind::transition:
      line = "rest " + length + ".";
      if (step.exercise + 1 < plan.exercises.size()) {
        line += " Next: " + sanitize_for_terminal(plan.exercises[step.exercise + 1].exercise.name) + ".";
      }
      break;
  }
  if (const std::string breath = starting_breath(plan, step, duration); !breath.empty()) line += " " + breath;
  return line;
}

std::vector<std::string> get_ready_details(const PlannedExercise& exercise) {
  std::vector<std::string> lines;
  std::size_t number = 0;
  for (const std::string& step : exercise.exercise.steps) {
    lines.push_back("  " + std::to_string(++number) + ". " + sanitize_for_terminal(step));
  }
  return lines;
}

std::string breath_line(const BreathCue& cue) {
  switch (cue.phase) {
    case BreathPhase::in: return "breathe in";
    case BreathPhase::out: return "breathe out";
    case BreathPhase::free: break;
  }
  return "";
}

std::string paused_line(bool keys_from_terminal) {
  return keys_from_terminal ? "paused. Press space to go on." : "paused.";
}

std::string resumed_line(const Step& step, Millis remaining) {
  return "going on: " + format_duration(remaining) + " left in this " + std::string(to_string(step.kind)) + ".";
}

std::string time_changed_line(bool added, Millis remaining) {
  return std::string(added ? "5 s added, " : "5 s taken off, ") + format_duration(remaining) + " left.";
}

std::vector<std::string> end_lines(const Plan& plan, const SessionRecord& record) {
  std::vector<std::string> lines;
  // Whole seconds down, as the session time at the start of the line counts them.
  const std::string active = format_duration(std::chrono::floor<std::chrono::seconds>(record.active));
  switch (record.end.value_or(SessionEnd::completed)) {
    case SessionEnd::completed: lines.push_back("done: " + active + "."); break;
    case SessionEnd::quit: lines.push_back("stopped: you quit after " + active + "."); break;
    case SessionEnd::stopped_for_pain: lines.push_back("stopped because it hurts, after " + active + "."); break;
    case SessionEnd::interrupted: lines.push_back("interrupted after " + active + "."); break;
  }
  std::string summary = "Held " + format_duration(record.held) + " of " +
                        format_duration(record.held + record.hold_skipped) + " planned.";
  if (record.paused > Millis::zero()) summary += " Paused " + format_duration(record.paused) + ", not counted.";
  lines.push_back(summary);

  std::vector<std::string> skipped;
  std::vector<std::string> partial;
  for (std::size_t i = 0; i < record.exercises.size() && i < plan.exercises.size(); ++i) {
    const std::string name = sanitize_for_terminal(record.exercises[i].name);
    if (record.exercises[i].status == ExerciseStatus::skipped) skipped.push_back(name);
    if (record.exercises[i].status == ExerciseStatus::partial ||
        record.exercises[i].status == ExerciseStatus::stopped) {
      partial.push_back(name);
    }
  }
  if (record.stopped_during) lines.push_back(stopped_during_text(*record.stopped_during) + ".");
  if (!partial.empty()) lines.push_back("Partly done: " + joined(partial) + ".");
  if (!skipped.empty()) lines.push_back("Not done: " + joined(skipped) + ".");
  if (record.end == SessionEnd::stopped_for_pain) {
    for (std::string_view advice : stopped_for_pain_advice()) lines.emplace_back(advice);
  } else {
    lines.push_back("Tip: " + std::string(tip_for(summary_tip_number(record))));  // the screen's tip
  }
  return lines;
}

}  // namespace stretch
