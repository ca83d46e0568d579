#include "stretch/cues.hpp"

#include <algorithm>
#include <string>

#include "stretch/breathing.hpp"
#include "stretch/cue_words.hpp"
#include "stretch/movement_text.hpp"
#include "stretch/text.hpp"

namespace stretch {
namespace {

constexpr Millis halfway_from{10'000};  // a shorter hold is over before "halfway" helps
constexpr int countdown_from = 3;

CueKind kind_of(StepKind kind) {
  switch (kind) {
    case StepKind::get_ready: return CueKind::get_ready;
    case StepKind::hold:
    case StepKind::move:
    case StepKind::flow: return CueKind::hold_start;
    case StepKind::rest: return CueKind::rest;
    case StepKind::switch_sides: return CueKind::switch_sides;
    case StepKind::transition: return CueKind::next_exercise;
  }
  return CueKind::hold_start;
}

Cue cue_of(const Plan& plan, const Step& step, CueKind kind, Millis at, std::string words) {
  Cue cue;
  cue.kind = kind;
  cue.at = at;
  cue.words = std::move(words);
  cue.exercise = sanitize_for_terminal(plan.exercise_of(step).exercise.name);
  cue.side = step.side;
  cue.rep = plan.exercise_of(step).reps > 1 ? step.rep : 0;
  return cue;
}

}  // namespace

std::vector<Cue> step_cues(const Plan& plan, std::size_t index, Millis duration) {
  std::vector<Cue> cues;
  const Step& step = plan.steps.at(index);
  const PlannedExercise& pe = plan.exercise_of(step);
  // The first step of each exercise brings its heading and instructions, whatever its kind:
  // with no get-ready time the plan starts the exercise with its first hold.
  const bool first_of_exercise = index == 0 || plan.steps[index - 1].exercise != step.exercise;
  if (first_of_exercise && step.kind != StepKind::get_ready) {
    Cue intro = cue_of(plan, step, CueKind::get_ready, Millis{0}, exercise_intro(plan, index));
    intro.details = get_ready_details(pe);
    cues.push_back(std::move(intro));
  }
  Cue own = cue_of(plan, step, kind_of(step.kind), Millis{0}, step_cue(plan, index, duration));
  if (step.kind == StepKind::get_ready) own.details = get_ready_details(pe);
  cues.push_back(std::move(own));

  // Later cues in time order: the breath changes, halfway and the countdown interleave.
  std::vector<Cue> later;
  if (step.kind == StepKind::move) {
    // A counted movement is counted from its first: "1 of 10", "2 of 10", ... Its breath is
    // free: the counts are its cues.
    for (std::optional<Millis> at = Millis{0}; at && *at < duration; at = next_movement(pe, step, *at)) {
      const int number = movement_at(pe, step, *at);
      Cue count = cue_of(plan, step, CueKind::count, *at, count_text(number, pe.reps));
      count.count = number;
      later.push_back(std::move(count));
    }
  }
  for (std::optional<Millis> at = next_breath_change(plan, step, duration, Millis{0}); at && *at < duration;
       at = next_breath_change(plan, step, duration, *at)) {
    const BreathCue breath = breath_at(plan, step, duration, *at);
    const std::string words = breath_line(breath);
    if (words.empty()) continue;
    later.push_back(
        cue_of(plan, step, breath.phase == BreathPhase::in ? CueKind::breathe_in : CueKind::breathe_out, *at, words));
  }
  if (step.kind == StepKind::hold) {
    if (duration >= halfway_from) later.push_back(cue_of(plan, step, CueKind::halfway, duration / 2, "halfway"));
    for (int n = countdown_from; n >= 1; --n) {
      const Millis at = duration - Millis{1000 * n};
      if (at <= Millis{0}) continue;
      Cue tick = cue_of(plan, step, CueKind::countdown, at, std::to_string(n));
      tick.count = n;
      later.push_back(std::move(tick));
    }
  }
  std::stable_sort(later.begin(), later.end(), [](const Cue& a, const Cue& b) { return a.at < b.at; });
  for (Cue& cue : later) cues.push_back(std::move(cue));
  return cues;
}

std::vector<Cue> step_end_cues(const Plan& plan, std::size_t index) {
  std::vector<Cue> cues;
  const Step& step = plan.steps.at(index);
  if (!is_work(step.kind)) return cues;
  cues.push_back(cue_of(plan, step, CueKind::hold_end, Millis{0}, ""));
  bool last_hold = true;
  for (std::size_t i = index + 1; i < plan.steps.size() && plan.steps[i].exercise == step.exercise; ++i) {
    if (is_work(plan.steps[i].kind)) last_hold = false;
  }
  if (last_hold) {
    Cue done = cue_of(plan, step, CueKind::exercise_done, Millis{0},
                      sanitize_for_terminal(plan.exercise_of(step).exercise.name) + " done.");
    done.side = Side::none;
    done.rep = 0;
    cues.push_back(std::move(done));
  }
  return cues;
}

Cue end_cue(const Plan& plan, const SessionRecord& record) {
  std::vector<std::string> lines = end_lines(plan, record);
  Cue cue;
  cue.kind = record.end == SessionEnd::stopped_for_pain ? CueKind::stopped_for_pain : CueKind::session_done;
  if (!lines.empty()) {
    cue.words = lines.front();
    cue.details.assign(lines.begin() + 1, lines.end());
  }
  return cue;
}

bool rings_bell(CueKind kind) {
  switch (kind) {
    case CueKind::get_ready:
    case CueKind::hold_start:
    case CueKind::rest:
    case CueKind::switch_sides:
    case CueKind::next_exercise:
    case CueKind::session_done:
    case CueKind::stopped_for_pain: return true;
    default: return false;
  }
}

}  // namespace stretch
