#include "stretch/resume.hpp"

#include <algorithm>
#include <map>

#include "stretch/session_join.hpp"

namespace stretch {
std::chrono::sys_seconds end_of(const HistoryRecord& record) {
  return record.started_at.utc + record.active + record.paused;
}

std::optional<ExerciseResult> exercise_to_resume(const HistoryRecord& record) {
  if (record.stopped_during) {
    const StopPoint& at = *record.stopped_during;
    return ExerciseResult{at.exercise_id, at.exercise_name, ExerciseStatus::stopped};
  }
  // Between exercises: the last one begun if it is not done, else the one after it.
  const auto& all = record.exercises;
  const auto last_begun = std::find_if(all.rbegin(), all.rend(),
                                       [](const ExerciseResult& e) { return e.status != ExerciseStatus::skipped; });
  if (last_begun == all.rend()) {
    if (all.empty()) return std::nullopt;
    return all.front();
  }
  if (last_begun->status != ExerciseStatus::done) return *last_begun;
  const auto next = last_begun.base();  // the one after it
  if (next == all.end()) return std::nullopt;
  return *next;
}

std::optional<ResumePoint> find_resume(std::span<const HistoryRecord> latest, std::chrono::sys_seconds now) {
  // Each routine's latest session: a later one of the same routine, resumed or started
  // afresh, leaves nothing of the earlier to pick up.
  std::map<std::string_view, const HistoryRecord*> newest;
  for (const HistoryRecord& r : latest) {
    const HistoryRecord*& kept = newest[r.routine_id];
    if (kept == nullptr || r.started_at.utc >= kept->started_at.utc) kept = &r;
  }
  std::optional<ResumePoint> best;
  for (const auto& [id, r] : newest) {
    if (r->end != SessionEnd::quit && r->end != SessionEnd::interrupted) continue;
    const std::chrono::sys_seconds ended = end_of(*r);
    if (ended > now + std::chrono::minutes{5} || now - ended > resume_within)
      continue;  // a clock set wrong, or too long ago
    const std::optional<ExerciseResult> from = exercise_to_resume(*r);
    if (!from || (best && best->ended >= ended)) continue;
    best = ResumePoint{first_part_start(*r), r->routine_id, r->routine_name, r->level, from->id, from->name, ended};
  }
  return best;
}

Routine routine_from(const Routine& routine, std::size_t position) {
  Routine out = routine;
  out.entries.erase(out.entries.begin(),
                    out.entries.begin() + static_cast<std::ptrdiff_t>(std::min(position, out.entries.size())));
  return out;
}

std::optional<std::size_t> exercise_position(const Routine& routine, std::string_view exercise_id) {
  for (std::size_t i = 0; i < routine.entries.size(); ++i) {
    if (routine.entries[i].exercise == exercise_id) return i;
  }
  return std::nullopt;
}

std::string time_ago(std::chrono::sys_seconds then, std::chrono::sys_seconds now) {
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(std::max(now - then, std::chrono::sys_seconds::duration{0}));
  if (minutes.count() < 1) return "just now";
  if (minutes.count() < 60) return std::to_string(minutes.count()) + " min ago";
  const auto hours = minutes.count() / 60;
  return std::to_string(hours) + (hours == 1 ? " hour ago" : " hours ago");
}

std::string resume_label(const ResumePoint& point, std::chrono::sys_seconds now) {
  const std::string& routine = point.routine_name.empty() ? point.routine_id : point.routine_name;
  const std::string& exercise = point.exercise_name.empty() ? point.exercise_id : point.exercise_name;
  return "Resume " + routine + " from " + exercise + " (stopped " + time_ago(point.ended, now) + ")";
}

}  // namespace stretch
