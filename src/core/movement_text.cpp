#include "stretch/movement_text.hpp"

#include <algorithm>

#include "stretch/duration_format.hpp"
#include "stretch/text.hpp"

namespace stretch {
namespace {

std::string secs(int seconds) { return format_duration(Millis{static_cast<Millis::rep>(seconds) * 1000}); }

std::string times(int n) { return n == 1 ? "once" : std::to_string(n) + " times"; }

std::string side_note(const PlannedExercise& pe) {
  if (!pe.exercise.sided) return "";
  if (pe.sides.size() == 1) return ", " + std::string(to_string(pe.sides.front())) + " side only";
  return " each side";
}

// "arch and round", "a, b and c"
std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
    text += sanitize_for_terminal(names[i]);
  }
  return text;
}

std::string hold_dose(const PlannedExercise& pe) {
  std::string text = "hold " + secs(pe.hold_seconds) + " \u00d7 " + std::to_string(pe.reps);
  if (pe.exercise.sided) {
    if (pe.sides.size() == 1) {
      text += side_note(pe);
    } else {
      text +=
          pe.side_order == SideOrder::alternate ? " each side, alternating sides" : " each side, all on one side first";
    }
  }
  if (pe.reps > 1 && pe.rest_seconds > 0) text += ", rest " + secs(pe.rest_seconds) + " between reps";
  return text;
}

std::string counted_dose(const PlannedExercise& pe) {
  std::string text;
  const std::vector<std::string>& parts = pe.parts();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += ", then ";
    text += sanitize_for_terminal(parts[i]) + " " + times(pe.reps);
  }
  if (parts.empty()) text = times(pe.reps);
  text += side_note(pe);
  return text + ", about " + secs(pe.pace_seconds) + " each";
}

std::string flow_dose(const PlannedExercise& pe) {
  std::string text;
  if (pe.exercise.sided) {
    text = (pe.sides.size() > 1 ? "side to side " : "") + times(pe.reps) + side_note(pe) + ", " +
           secs(pe.hold_seconds) + " on each side";
    if (pe.switch_seconds > 0) text += " and " + secs(pe.switch_seconds) + " to move across";
  } else {
    text = joined(pe.parts()) + " in turn, " + times(pe.reps) + ", " + secs(pe.hold_seconds) + " in each";
    if (pe.switch_seconds > 0) text += " and " + secs(pe.switch_seconds) + " to move between them";
  }
  return text;
}

}  // namespace

std::string_view phase_name(StepKind kind) {
  switch (kind) {
    case StepKind::get_ready: return "GET READY";
    case StepKind::hold: return "HOLD";
    case StepKind::move: return "MOVE";
    case StepKind::flow: return "FLOW";
    case StepKind::rest: return "REST";
    case StepKind::switch_sides: return "SWITCH SIDES";
    case StepKind::transition: return "REST";
  }
  return "";
}

std::string dose_text(const PlannedExercise& pe) {
  switch (pe.kind()) {
    case ExerciseKind::hold: return hold_dose(pe);
    case ExerciseKind::counted: return counted_dose(pe);
    case ExerciseKind::flow: return flow_dose(pe);
  }
  return hold_dose(pe);
}

std::string short_dose(const PlannedExercise& pe) {
  std::string line = pe.reps > 1 ? std::to_string(pe.reps) + " \u00d7 " : "";
  switch (pe.kind()) {
    case ExerciseKind::hold:
      line += std::to_string(pe.hold_seconds) + " s";
      if (pe.sides.size() > 1) line += " each side";
      break;
    case ExerciseKind::counted:
      line += pe.parts().empty() ? "about " + secs(pe.pace_seconds) + " each" : joined(pe.parts());
      if (pe.sides.size() > 1) line += ", each side";
      break;
    case ExerciseKind::flow: line += pe.exercise.sided ? "side to side" : joined(pe.parts()); break;
  }
  return line;
}

std::string part_name(const PlannedExercise& pe, const Step& step) {
  if (step.kind == StepKind::flow && pe.exercise.sided) return "to the " + std::string(to_string(step.side));
  if (step.kind != StepKind::move && step.kind != StepKind::flow) return "";
  if (step.part >= pe.parts().size()) return "";
  return sanitize_for_terminal(pe.parts()[step.part]);
}

std::string step_text(const PlannedExercise& pe, const Step& step) {
  std::string text = sanitize_for_terminal(pe.exercise.name) + ": ";
  const std::string part = part_name(pe, step);
  switch (step.kind) {
    case StepKind::move:
      if (!part.empty()) text += part + ", ";
      if (step.side != Side::none) text += std::string(to_string(step.side)) + ", ";
      return text + times(pe.reps) + ", about " + secs(pe.pace_seconds) + " each";
    case StepKind::flow: return text + part + ", round " + count_text(step.rep, pe.reps);
    case StepKind::hold:
      text += "hold " + secs(pe.hold_seconds);
      if (step.side != Side::none) text += ", " + std::string(to_string(step.side));
      if (pe.reps > 1) text += ", rep " + count_text(step.rep, pe.reps);
      return text;
    default: return text + std::string(to_string(step.kind));
  }
}

int movement_at(const PlannedExercise& pe, const Step& step, Millis elapsed) {
  if (step.kind != StepKind::move || pe.pace_seconds <= 0 || pe.reps <= 0) return 0;
  const Millis pace{static_cast<Millis::rep>(pe.pace_seconds) * 1000};
  const auto done = std::max<Millis::rep>(elapsed.count(), 0) / pace.count();
  return static_cast<int>(std::min<Millis::rep>(done + 1, pe.reps));
}

std::optional<Millis> next_movement(const PlannedExercise& pe, const Step& step, Millis elapsed) {
  const int now = movement_at(pe, step, elapsed);
  if (now == 0 || now >= pe.reps) return std::nullopt;
  return Millis{static_cast<Millis::rep>(now) * pe.pace_seconds * 1000};
}

std::string count_text(int number, int of) { return std::to_string(number) + " of " + std::to_string(of); }

}  // namespace stretch
