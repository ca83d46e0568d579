// Pain-guided progression (docs/progression.md): one test a rule, each with the case just
// inside and just outside it, so a test fails if a number in a rule changes.
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/history_digest.hpp"
#include "stretch/progression.hpp"
#include "stretch/stats.hpp"

using namespace stretch;
using namespace std::chrono;
using Catch::Matchers::Contains;

namespace {

Date date(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

SessionBrief on(Date day, Level level = Level::standard, SessionEnd end = SessionEnd::completed,
                std::optional<int> before = 3, std::optional<int> after = 2) {
  SessionBrief s;
  s.started_at = Timestamp{sys_days{day} + hours{8}, hours{1}};
  s.level = level;
  s.end = end;
  s.pain_before = before;
  s.pain_after = after;
  return s;
}

// `count` whole sessions at `level`, one every `every` days, the last on `last`.
std::vector<SessionBrief> run_of(int count, int every, Date last, Level level = Level::standard) {
  std::vector<SessionBrief> out;
  for (int i = count - 1; i >= 0; --i) out.push_back(on(add_days(last, -i * every), level));
  return out;
}

const Date today = date(2026, 3, 20);

}  // namespace

TEST_CASE("progression: nothing to say without sessions", "[progression]") {
  CHECK(suggest_level({}, today).advice == Advice::none);
}

TEST_CASE("progression: five whole sessions over seven days with no rise in pain step up", "[progression]") {
  // Five sessions on days 1, 2, 4, 6, 7: seven days from first to last.
  std::vector<SessionBrief> s = {on(date(2026, 3, 14)), on(date(2026, 3, 15)), on(date(2026, 3, 17)),
                                 on(date(2026, 3, 19)), on(date(2026, 3, 20))};
  const LevelSuggestion up = suggest_level(s, today);
  CHECK(up.advice == Advice::step_up);
  CHECK(up.current == Level::standard);
  CHECK(up.suggested == Level::full);
  CHECK_THAT(up.why, Contains("5 whole sessions at standard over 7 days"));
  CHECK_FALSE(up.see_physiotherapist);

  SECTION("four are not enough") {
    s.erase(s.begin());
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
  SECTION("six days are not enough") {
    s.front() = on(date(2026, 3, 15));
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
  SECTION("a quit session does not count as whole") {
    s[2].end = SessionEnd::quit;
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
  SECTION("equal pain before and after is fine; one rise holds it back") {
    s[1].pain_after = s[1].pain_before;
    CHECK(suggest_level(s, today).advice == Advice::step_up);
    s[3].pain_after = *s[3].pain_before + 1;
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
  SECTION("sessions at another level in between break the run") {
    s[2].level = Level::gentle;
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
  SECTION("no step past full") {
    for (SessionBrief& b : s) b.level = Level::full;
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
  SECTION("gentle steps up to standard") {
    for (SessionBrief& b : s) b.level = Level::gentle;
    CHECK(suggest_level(s, today).suggested == Level::standard);
  }
}

TEST_CASE("progression: the run must be recent", "[progression]") {
  const std::vector<SessionBrief> s = run_of(5, 2, add_days(today, -step_up_recent_days));
  CHECK(suggest_level(s, today).advice == Advice::step_up);
  CHECK(suggest_level(s, add_days(today, 1)).advice == Advice::none);
}

TEST_CASE("progression: pain up by 2 in 2 of the last 3 sessions eases off", "[progression]") {
  std::vector<SessionBrief> s = run_of(5, 2, today);
  s[2].pain_before = 2;
  s[2].pain_after = 4;
  s[4].pain_before = 1;
  s[4].pain_after = 3;
  const LevelSuggestion down = suggest_level(s, today);
  CHECK(down.advice == Advice::ease_off);
  CHECK(down.suggested == Level::gentle);
  CHECK(down.see_physiotherapist);
  CHECK_THAT(down.why, Contains("2 of the last 3 sessions"));
  CHECK_THAT(down.why, Contains("physiotherapist"));

  SECTION("a rise of 1 does not count") {
    s[4].pain_after = 2;
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
  SECTION("a rise older than the last three does not count") {
    s[1] = s[2];
    s[2].pain_after = 2;
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
  SECTION("at gentle it stays gentle, still with the advice") {
    for (SessionBrief& b : s) b.level = Level::gentle;
    const LevelSuggestion stay = suggest_level(s, today);
    CHECK(stay.advice == Advice::ease_off);
    CHECK(stay.suggested == Level::gentle);
    CHECK_THAT(stay.why, Contains("stay at gentle"));
  }
}

TEST_CASE("progression: two stops for pain within seven days ease off and name the exercise", "[progression]") {
  std::vector<SessionBrief> s = run_of(5, 1, today, Level::full);
  s[1].end = SessionEnd::stopped_for_pain;
  s[1].hurt_exercise = "Bridge";
  s[4].end = SessionEnd::stopped_for_pain;
  s[4].hurt_exercise = "Knee to chest";
  s[4].hurt_side = "left";
  // Days 17 and 20: four days apart.
  const LevelSuggestion down = suggest_level(s, today);
  CHECK(down.advice == Advice::ease_off);
  CHECK(down.suggested == Level::standard);
  CHECK(down.hurt_exercise == "Knee to chest, left side");
  CHECK_THAT(down.why, Contains("stopped for pain twice in the last 7 days (at Knee to chest, left side)"));

  SECTION("seven days apart is outside the window") {
    s[1].started_at = Timestamp{sys_days{add_days(today, -7)} + hours{8}, hours{1}};
    s[0].started_at = Timestamp{sys_days{add_days(today, -8)} + hours{8}, hours{1}};
    CHECK(suggest_level(s, today).advice != Advice::ease_off);
  }
  SECTION("one stop holds back a step up but is no reason to ease off") {
    s[1].end = SessionEnd::completed;
    for (SessionBrief& b : s) b.level = Level::standard;
    CHECK(suggest_level(s, today).advice == Advice::none);
  }
}

TEST_CASE("progression: a stop for pain is placed at the first exercise not done", "[progression]") {
  HistoryRecord r;
  r.end = SessionEnd::stopped_for_pain;
  r.exercises = {{"a", "Pelvic tilt", ExerciseStatus::done},
                 {"b", "Bridge", ExerciseStatus::partial},
                 {"c", "Cat", ExerciseStatus::skipped}};
  CHECK(brief_of(r).hurt_exercise == "Bridge");
  r.exercises[1].status = ExerciseStatus::done;
  CHECK(brief_of(r).hurt_exercise == "Cat");
  r.end = SessionEnd::quit;
  CHECK(brief_of(r).hurt_exercise.empty());
}

TEST_CASE("progression: a stop for pain is placed where the record says it stopped", "[progression]") {
  HistoryRecord r;
  r.end = SessionEnd::stopped_for_pain;
  r.exercises = {{"a", "Pelvic tilt", ExerciseStatus::done},
                 {"b", "Bridge", ExerciseStatus::partial},
                 {"c", "Knee to chest", ExerciseStatus::stopped}};
  r.stopped_during = StopPoint{"c", "Knee to chest", Side::right};
  CHECK(brief_of(r).hurt_exercise == "Knee to chest");  // not the guess, Bridge
  CHECK(brief_of(r).hurt_side == "right");
  r.stopped_during = StopPoint{"c", "", Side::none};
  CHECK(brief_of(r).hurt_exercise == "c");
  CHECK(brief_of(r).hurt_side.empty());
  r.end = SessionEnd::quit;  // a quit did not hurt
  CHECK(brief_of(r).hurt_exercise.empty());
}

TEST_CASE("progression: stats lists the advice per routine", "[progression][stats]") {
  std::vector<HistoryRecord> records;
  for (int i = 0; i < 5; ++i) {
    HistoryRecord r;
    r.started_at = Timestamp{sys_days{add_days(today, -2 * i)} + hours{8}, hours{0}};
    r.routine_id = "low-back";
    r.routine_name = "Low back";
    r.exercises = {{"a", "Pelvic tilt", ExerciseStatus::done}};
    r.pain_before = 4;
    r.pain_after = 3;
    records.push_back(r);
  }
  const Stats stats = compute_stats(records, today, {});
  REQUIRE(stats.advice.size() == 1);
  CHECK(stats.advice[0].routine_name == "Low back");
  CHECK(stats.advice[0].suggestion.advice == Advice::step_up);
}
