#include "stretch/plan.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace stretch {
namespace {

Millis seconds(int s) { return Millis{static_cast<Millis::rep>(s) * 1000}; }

PlannedExercise plan_exercise(const Exercise& exercise, const RoutineEntry& entry, const PlanSettings& settings) {
  PlannedExercise pe;
  pe.exercise = exercise;
  pe.reps = entry.reps.value_or(exercise.reps).at(settings.level);
  pe.rest_seconds = entry.rest.value_or(exercise.rest).at(settings.level);
  pe.side_order = entry.side_order.value_or(exercise.side_order);
  switch (exercise.kind) {
    case ExerciseKind::hold:
      pe.hold_seconds = entry.hold.value_or(exercise.hold).at(settings.level);
      pe.switch_seconds = exercise.switch_sides_seconds.value_or(settings.switch_sides_seconds);
      break;
    case ExerciseKind::counted:
      pe.pace_seconds = exercise.pace.at(settings.level);
      pe.switch_seconds = exercise.switch_sides_seconds.value_or(settings.switch_sides_seconds);
      break;
    case ExerciseKind::flow:
      // A flow goes straight on from one phase to the next: no rests, and sides alternate.
      pe.hold_seconds = entry.hold.value_or(exercise.hold).at(settings.level);
      pe.switch_seconds = exercise.switch_sides_seconds.value_or(0);
      pe.rest_seconds = 0;
      pe.side_order = SideOrder::alternate;
      break;
  }
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

// One work step of an exercise, before it has a time.
struct Work {
  Side side = Side::none;
  int rep = 1;
  std::size_t part = 0;
};

// The order of the work steps of one exercise.
std::vector<Work> work_order(const PlannedExercise& pe) {
  std::vector<Work> order;
  const std::size_t parts = std::max<std::size_t>(pe.parts().size(), 1);
  if (pe.kind() == ExerciseKind::counted) {
    // Each part in turn on one side, then on the other: "forward, backward".
    for (Side side : pe.sides) {
      for (std::size_t part = 0; part < parts; ++part) order.push_back(Work{side, 1, part});
    }
  } else if (pe.kind() == ExerciseKind::flow) {
    // Round after round through the phases, or from side to side.
    for (int rep = 1; rep <= pe.reps; ++rep) {
      if (pe.exercise.sided) {
        for (Side side : pe.sides) order.push_back(Work{side, rep, 0});
      } else {
        for (std::size_t part = 0; part < parts; ++part) order.push_back(Work{Side::none, rep, part});
      }
    }
  } else if (pe.side_order == SideOrder::alternate) {
    for (int rep = 1; rep <= pe.reps; ++rep) {
      for (Side side : pe.sides) order.push_back(Work{side, rep, 0});
    }
  } else {
    for (Side side : pe.sides) {
      for (int rep = 1; rep <= pe.reps; ++rep) order.push_back(Work{side, rep, 0});
    }
  }
  return order;
}

class Timeline {
 public:
  explicit Timeline(Plan& plan) : plan_(plan) {}
  void add(StepKind kind, std::size_t exercise, Side side, int rep, Millis duration, std::size_t part = 0) {
    if (duration <= Millis::zero()) return;
    plan_.steps.push_back(Step{kind, exercise, side, rep, part, plan_.total, duration});
    plan_.total += duration;
    if (is_work(kind)) plan_.hold_total += duration;
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

    const std::vector<Work> order = work_order(pe);
    const StepKind work_kind = work_step_kind(pe.kind());
    timeline.add(StepKind::get_ready, index, order.front().side, 1, seconds(settings.get_ready_seconds));
    for (std::size_t i = 0; i < order.size(); ++i) {
      const Work& work = order[i];
      // A flow moves on without a pause: the move into each phase is part of its step.
      if (i > 0 && pe.kind() != ExerciseKind::flow) {
        const bool same_side = order[i - 1].side == work.side;
        timeline.add(same_side ? StepKind::rest : StepKind::switch_sides, index, work.side, work.rep,
                     seconds(same_side ? pe.rest_seconds : pe.switch_seconds), work.part);
      }
      timeline.add(work_kind, index, work.side, work.rep, seconds(pe.work_seconds()), work.part);
    }
  }
  return plan;
}

int PlannedExercise::work_seconds() const {
  switch (kind()) {
    case ExerciseKind::hold: return hold_seconds;
    case ExerciseKind::counted: return reps * pace_seconds;
    case ExerciseKind::flow: return switch_seconds + hold_seconds;
  }
  return hold_seconds;
}

StepKind work_step_kind(ExerciseKind kind) {
  switch (kind) {
    case ExerciseKind::hold: return StepKind::hold;
    case ExerciseKind::counted: return StepKind::move;
    case ExerciseKind::flow: return StepKind::flow;
  }
  return StepKind::hold;
}

std::string_view to_string(StepKind kind) {
  switch (kind) {
    case StepKind::get_ready: return "get ready";
    case StepKind::hold: return "hold";
    case StepKind::move: return "move";
    case StepKind::flow: return "flow";
    case StepKind::rest: return "rest";
    case StepKind::switch_sides: return "switch sides";
    case StepKind::transition: return "rest";
  }
  return "step";
}

}  // namespace stretch
