#pragma once
// Pain-guided progression: whether to suggest the next level of a routine, or a gentler one
// and a physiotherapist, from the routine's latest sessions and the pain reported around
// them. The rules are written out in docs/progression.md; each has a unit test. Pure: the
// caller passes the sessions and today's date. The person always chooses: `--level` and
// config.json still win over any suggestion.

#include <optional>
#include <span>
#include <string>

#include "stretch/history.hpp"
#include "stretch/timestamp.hpp"

namespace stretch {

// One session as the rules see it.
struct SessionBrief {
  Timestamp started_at;
  Level level = Level::standard;
  SessionEnd end = SessionEnd::completed;
  std::optional<int> pain_before;
  std::optional<int> pain_after;
  std::string hurt_exercise;  // a stop for pain: the exercise it stopped at, by name
  std::string hurt_side;      // "left", "right" or empty

  friend bool operator==(const SessionBrief&, const SessionBrief&) = default;
};
[[nodiscard]] SessionBrief brief_of(const HistoryRecord& record);

// The numbers of the rules (docs/progression.md).
inline constexpr int step_up_sessions = 5;      // whole sessions at one level...
inline constexpr int step_up_days = 7;          // ...spread over at least this many days
inline constexpr int step_up_recent_days = 14;  // the last of them at most this long ago
inline constexpr int ease_off_rise = 2;         // pain after higher than before by this much...
inline constexpr int ease_off_rises = 2;        // ...in this many...
inline constexpr int ease_off_window = 3;       // ...of the last sessions
inline constexpr int pain_stops = 2;            // or this many stops for pain...
inline constexpr int pain_stop_days = 7;        // ...within this many days

enum class Advice { none, step_up, ease_off };

struct LevelSuggestion {
  Advice advice = Advice::none;
  Level current = Level::standard;    // the level of the latest session
  Level suggested = Level::standard;  // the same as current when there is no advice
  std::string why;                    // one sentence, for the menu and `stats`
  std::string hurt_exercise;          // ease off: the exercise where it hurt, if known
  bool see_physiotherapist = false;
};

// `sessions`: one routine's latest sessions, oldest first (HistoryDigest keeps enough).
// Nothing to say without sessions.
[[nodiscard]] LevelSuggestion suggest_level(std::span<const SessionBrief> sessions, Date today);

}  // namespace stretch
