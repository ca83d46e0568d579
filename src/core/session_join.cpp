#include "stretch/session_join.hpp"

#include <algorithm>

namespace stretch {
namespace {

// Higher is more done.
int rank(ExerciseStatus status) {
  switch (status) {
    case ExerciseStatus::done: return 3;
    case ExerciseStatus::partial: return 2;
    case ExerciseStatus::stopped: return 1;
    case ExerciseStatus::skipped: return 0;
  }
  return 0;
}

std::chrono::seconds distance(std::chrono::sys_seconds a, std::chrono::sys_seconds b) { return a < b ? b - a : a - b; }

}  // namespace

HistoryRecord join_parts(const HistoryRecord& earlier, const HistoryRecord& later) {
  HistoryRecord whole = earlier;
  whole.parts = earlier.parts + later.parts;
  whole.active += later.active;
  whole.paused += later.paused;
  whole.held += later.held;
  // The later part began at an exercise of the earlier one: match them in order from there,
  // so a routine that has an exercise twice matches each time once.
  std::size_t from = 0;
  for (const ExerciseResult& e : later.exercises) {
    const auto begin = whole.exercises.begin() + static_cast<std::ptrdiff_t>(from);
    const auto same = std::find_if(begin, whole.exercises.end(), [&](const ExerciseResult& w) { return w.id == e.id; });
    if (same == whole.exercises.end()) {
      whole.exercises.push_back(e);
      from = whole.exercises.size();
      continue;
    }
    if (rank(e.status) > rank(same->status)) same->status = e.status;
    from = static_cast<std::size_t>(same - whole.exercises.begin()) + 1;
  }
  whole.end = later.end;
  whole.stopped_during = later.stopped_during;
  if (!whole.pain_before) whole.pain_before = later.pain_before;
  if (later.pain_after) whole.pain_after = later.pain_after;
  // Each part may have its note: all are kept, in order.
  if (!later.note.empty()) whole.note = whole.note.empty() ? later.note : whole.note + " / " + later.note;
  return whole;
}

void SessionJoiner::add(HistoryRecord record) {
  const std::chrono::sys_seconds start = record.started_at.utc;
  const std::chrono::sys_seconds first = first_part_start(record).utc;
  // Sessions far enough from this one can have no more parts to come.
  while (!waiting_.empty()) {
    const Waiting& front = waiting_.front();
    const bool far = distance(front.earliest, start) > join_window && distance(front.latest, start) > join_window;
    if (!far && waiting_.size() < max_waiting) break;
    hand_over_front();
  }
  // Two records with the same start and neither resuming anything are two sessions.
  const bool is_first = !record.resumes;
  const auto same = std::find_if(waiting_.begin(), waiting_.end(), [&](const Waiting& w) {
    return w.first_start == first && w.routine_id == record.routine_id && !(is_first && w.has_first);
  });
  // A session that ended whole (completed, or stopped for pain) and resumes nothing has no
  // parts to wait for: it goes on at once, the common case costing no copy.
  const bool whole = is_first && (record.end == SessionEnd::completed || record.end == SessionEnd::stopped_for_pain);
  if (whole && same == waiting_.end()) return take_(std::move(record));
  if (same != waiting_.end()) {
    same->earliest = std::min(same->earliest, start);
    same->latest = std::max(same->latest, start);
    same->has_first = same->has_first || is_first;
    same->parts.push_back(std::move(record));
    return;
  }
  Waiting w;
  w.routine_id = record.routine_id;
  w.first_start = first;
  w.earliest = start;
  w.latest = start;
  w.has_first = is_first;
  w.parts.push_back(std::move(record));
  waiting_.push_back(std::move(w));
}

void SessionJoiner::finish() {
  while (!waiting_.empty()) hand_over_front();
}

void SessionJoiner::hand_over_front() {
  Waiting w = std::move(waiting_.front());
  waiting_.pop_front();
  std::vector<HistoryRecord>& parts = w.parts;
  // In the order they started; the first part (no `resumes`) first of all.
  if (parts.size() > 1)
    std::stable_sort(parts.begin(), parts.end(), [](const HistoryRecord& a, const HistoryRecord& b) {
      if (a.resumes.has_value() != b.resumes.has_value()) return !a.resumes.has_value();
      return a.started_at.utc < b.started_at.utc;
    });
  // Without its first part the earliest part stands for the session, still saying what it resumes.
  HistoryRecord whole = std::move(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) whole = join_parts(whole, parts[i]);
  take_(std::move(whole));
}

}  // namespace stretch
