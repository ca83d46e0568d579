#include "stretch/progression.hpp"

#include <algorithm>

namespace stretch {
namespace {

// The exercise a stop for pain happened at, for a record from before 0.2, which does not
// say it outright (no `stopped_during`): the first exercise not done to its end, most likely
// the one in progress when the person stopped.
const ExerciseResult* where_it_stopped_guess(const HistoryRecord& record) {
  const auto with = [](ExerciseStatus wanted) {
    return [wanted](const ExerciseResult& e) { return e.status == wanted; };
  };
  auto it = std::find_if(record.exercises.begin(), record.exercises.end(), with(ExerciseStatus::partial));
  if (it == record.exercises.end()) {
    it = std::find_if(record.exercises.begin(), record.exercises.end(), with(ExerciseStatus::skipped));
  }
  return it == record.exercises.end() ? nullptr : &*it;
}

Level gentler(Level level) { return level == Level::full ? Level::standard : Level::gentle; }
Level harder(Level level) { return level == Level::gentle ? Level::standard : Level::full; }

bool pain_rose(const SessionBrief& s, int by) {
  return s.pain_before && s.pain_after && *s.pain_after - *s.pain_before >= by;
}

// "Bridge, left side"
std::string place(const SessionBrief& s) {
  if (s.hurt_exercise.empty()) return "";
  return s.hurt_side.empty() ? s.hurt_exercise : s.hurt_exercise + ", " + s.hurt_side + " side";
}

std::string count_word(int n) {
  switch (n) {
    case 2: return "twice";
    default: return std::to_string(n) + " times";
  }
}

LevelSuggestion ease_off(Level current, std::string why, std::span<const SessionBrief> considered) {
  LevelSuggestion s;
  s.advice = Advice::ease_off;
  s.current = current;
  s.suggested = gentler(current);
  s.see_physiotherapist = true;
  // The latest place it hurt, among the sessions that made the rule fire.
  for (auto it = considered.rbegin(); it != considered.rend(); ++it) {
    if (!it->hurt_exercise.empty()) {
      s.hurt_exercise = place(*it);
      break;
    }
  }
  s.why = std::move(why);
  if (!s.hurt_exercise.empty()) s.why += " (at " + s.hurt_exercise + ")";
  s.why += s.suggested == current ? ": stay at " + std::string(to_string(current))
                                  : ": try " + std::string(to_string(s.suggested)) + " for now";
  s.why += ", and see a physiotherapist if it keeps hurting";
  return s;
}

}  // namespace

SessionBrief brief_of(const HistoryRecord& record) {
  SessionBrief brief;
  brief.started_at = record.started_at;
  brief.level = record.level;
  brief.end = record.end;
  brief.pain_before = record.pain_before;
  brief.pain_after = record.pain_after;
  if (record.end != SessionEnd::stopped_for_pain) return brief;
  if (const std::optional<StopPoint>& at = record.stopped_during) {
    // The record says where it stopped: the exercise and the side under way.
    brief.hurt_exercise = at->exercise_name.empty() ? at->exercise_id : at->exercise_name;
    if (at->side != Side::none) brief.hurt_side = std::string(to_string(at->side));
  } else if (const ExerciseResult* e = where_it_stopped_guess(record)) {
    brief.hurt_exercise = e->name.empty() ? e->id : e->name;
  }
  return brief;
}

LevelSuggestion suggest_level(std::span<const SessionBrief> sessions, Date today) {
  LevelSuggestion none;
  if (sessions.empty()) return none;
  const Level current = sessions.back().level;
  none.current = current;
  none.suggested = current;

  // Easing off comes first: pain outranks progress.
  const std::span<const SessionBrief> last_few =
      sessions.last(std::min(sessions.size(), static_cast<std::size_t>(ease_off_window)));
  const auto rises = std::count_if(last_few.begin(), last_few.end(),
                                   [](const SessionBrief& s) { return pain_rose(s, ease_off_rise); });
  if (rises >= ease_off_rises) {
    return ease_off(current,
                    "pain after the session was " + std::to_string(ease_off_rise) +
                        " or more points above pain before in " + std::to_string(rises) + " of the last " +
                        std::to_string(last_few.size()) + " sessions",
                    last_few);
  }
  const Date window_start = add_days(today, -(pain_stop_days - 1));
  std::size_t first_recent = sessions.size();
  while (first_recent > 0 && sessions[first_recent - 1].started_at.local_date() >= window_start) --first_recent;
  const std::span<const SessionBrief> this_week = sessions.subspan(first_recent);
  const auto stops = std::count_if(this_week.begin(), this_week.end(), [&](const SessionBrief& s) {
    return s.end == SessionEnd::stopped_for_pain && s.started_at.local_date() <= today;
  });
  if (stops >= pain_stops) {
    return ease_off(current,
                    "stopped for pain " + count_word(static_cast<int>(stops)) + " in the last " +
                        std::to_string(pain_stop_days) + " days",
                    this_week);
  }

  // Stepping up: the latest run of sessions at the current level, back to the last five whole
  // ones, with no stop for pain and no rise of pain among them.
  if (current == Level::full) return none;
  std::vector<const SessionBrief*> whole;
  for (auto it = sessions.rbegin(); it != sessions.rend() && it->level == current; ++it) {
    if (it->end == SessionEnd::stopped_for_pain || pain_rose(*it, 1)) return none;
    if (it->end == SessionEnd::completed) whole.push_back(&*it);
    if (static_cast<int>(whole.size()) == step_up_sessions) break;
  }
  if (static_cast<int>(whole.size()) < step_up_sessions) return none;
  const Date newest = whole.front()->started_at.local_date();
  const Date oldest = whole.back()->started_at.local_date();
  const int span_days = days_between(oldest, newest) + 1;
  if (span_days < step_up_days || days_between(newest, today) > step_up_recent_days) return none;

  LevelSuggestion up;
  up.advice = Advice::step_up;
  up.current = current;
  up.suggested = harder(current);
  up.why = std::to_string(step_up_sessions) + " whole sessions at " + std::string(to_string(current)) + " over " +
           std::to_string(span_days) + " days with pain after never above pain before: try " +
           std::string(to_string(up.suggested));
  return up;
}

}  // namespace stretch
