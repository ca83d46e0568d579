#include "stretch/plan.hpp"

#include <stdexcept>
#include <utility>

namespace stretch {
namespace {

Millis seconds(int s) { return Millis{static_cast<Millis::rep>(s) * 1000}; }

PlannedExercise plan_exercise(const Exercise& exercise, const RoutineEntry& entry, const PlanSettings& settings) {
  PlannedExercise pe;
  pe.exercise = exercise;
  pe.hold_seconds = entry.hold.value_or(exercise.hold).at(settings.level);
  pe.reps = entry.reps.value_or(exercise.reps).at(settings.level);
  pe.rest_seconds = entry.rest.value_or(exercise.rest).at(settings.level);
  pe.side_order = entry.side_order.value_or(exercise.side_order);
  if (!exercise.sided) {
    pe.sides = {Side::none};
  } else if (entry.sides.empty()) {
    pe.sides = {Side::left, Side::right};
  } else {
    pe.sides = entry.sides;
  }
  if (settings.breathe_in_seconds) pe.exercise.breathing.in_seconds = *settings.breathe_in_seconds;
  if (settings.breathe_out_seconds) pe.exercise.breathing.out_seconds = *settings.breathe_out_seconds;
  return pe;
}

// The order of the holds of one exercise: (side, rep) pairs.
std::vector<std::pair<Side, int>> hold_order(const PlannedExercise& pe) {
  std::vector<std::pair<Side, int>> order;
  if (pe.side_order == SideOrder::alternate) {
    for (int rep = 1; rep <= pe.reps; ++rep) {
      for (Side side : pe.sides) order.emplace_back(side, rep);
    }
  } else {
    for (Side side : pe.sides) {
      for (int rep = 1; rep <= pe.reps; ++rep) order.emplace_back(side, rep);
    }
  }
  return order;
}

class Timeline {
 public:
  explicit Timeline(Plan& plan) : plan_(plan) {}
  void add(StepKind kind, std::size_t exercise, Side side, int rep, Millis duration) {
    if (duration <= Millis::zero()) return;
    plan_.steps.push_back(Step{kind, exercise, side, rep, plan_.total, duration});
    plan_.total += duration;
    if (kind == StepKind::hold) plan_.hold_total += duration;
  }

 private:
  Plan& plan_;
};

}  // namespace

Plan expand(const Routine& routine, const Library& library, const PlanSettings& settings) {
  Plan plan;
  plan.routine_id = routine.id;
  plan.routine_name = routine.name;
  plan.level = settings.level;
  const int rest_between = settings.rest_between_seconds.value_or(routine.rest_between_seconds);

  Timeline timeline(plan);
  for (const RoutineEntry& entry : routine.entries) {
    const Exercise* exercise = library.find_exercise(entry.exercise);
    if (exercise == nullptr) throw std::out_of_range("unknown exercise \"" + entry.exercise + "\"");
    const std::size_t index = plan.exercises.size();
    plan.exercises.push_back(plan_exercise(*exercise, entry, settings));
    const PlannedExercise& pe = plan.exercises.back();

    // The rest between exercises belongs to the one just finished, so that "skip
    // exercise" during it goes straight to the next exercise.
    if (index > 0) timeline.add(StepKind::transition, index - 1, Side::none, 1, seconds(rest_between));

    const auto holds = hold_order(pe);
    timeline.add(StepKind::get_ready, index, holds.front().first, 1, seconds(settings.get_ready_seconds));
    for (std::size_t i = 0; i < holds.size(); ++i) {
      const auto [side, rep] = holds[i];
      if (i > 0) {
        const bool same_side = holds[i - 1].first == side;
        timeline.add(same_side ? StepKind::rest : StepKind::switch_sides, index, side, rep,
                     seconds(same_side ? pe.rest_seconds : settings.switch_sides_seconds));
      }
      timeline.add(StepKind::hold, index, side, rep, seconds(pe.hold_seconds));
    }
  }
  return plan;
}

std::string_view to_string(StepKind kind) {
  switch (kind) {
    case StepKind::get_ready: return "get ready";
    case StepKind::hold: return "hold";
    case StepKind::rest: return "rest";
    case StepKind::switch_sides: return "switch sides";
    case StepKind::transition: return "rest";
  }
  return "step";
}

}  // namespace stretch
