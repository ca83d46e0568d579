// A resumed session read as one: the parts joined, forwards and backwards through a history,
// and in the digest that the menu and the level advice read.
#include <algorithm>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/history_digest.hpp"
#include "stretch/session_join.hpp"
#include "stretch/stats.hpp"
#include "support/records.hpp"

using namespace stretch;
using namespace stretch::test;
using namespace std::chrono;

namespace {

Timestamp at_hour(int day, int hour) { return Timestamp{sys_days{year{2026} / March / day} + hours{hour}, hours{1}}; }

// Low back, quit during the bridge at 08:00 on the 9th.
HistoryRecord first_part() {
  HistoryRecord r = record_of(at_hour(9, 8), "low-back", "Low back",
                              {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::done},
                               {"bridge", "Bridge", ExerciseStatus::stopped},
                               {"cat", "Cat", ExerciseStatus::skipped}},
                              SessionEnd::quit);
  r.level = Level::gentle;
  r.planned = seconds{600};
  r.active = seconds{200};
  r.paused = seconds{10};
  r.held = seconds{120};
  r.stopped_during = StopPoint{"bridge", "Bridge", Side::none};
  r.pain_before = 5;
  return r;
}

// The rest of it, from the bridge, at 12:00.
HistoryRecord second_part() {
  HistoryRecord r = record_of(at_hour(9, 12), "low-back", "Low back",
                              {{"bridge", "Bridge", ExerciseStatus::done}, {"cat", "Cat", ExerciseStatus::partial}});
  r.resumes = at_hour(9, 8);
  r.level = Level::gentle;
  r.planned = seconds{400};
  r.active = seconds{390};
  r.paused = seconds{0};
  r.held = seconds{250};
  r.pain_before = 3;
  r.pain_after = 2;
  return r;
}

HistoryRecord other_session(int day, int hour) {
  HistoryRecord r = record_of(at_hour(day, hour), "hamstrings", "Hamstrings",
                              {{"hamstring", "Hamstring stretch", ExerciseStatus::done}});
  r.active = seconds{300};
  return r;
}

std::vector<HistoryRecord> joined(const std::vector<HistoryRecord>& in) {
  std::vector<HistoryRecord> out;
  SessionJoiner joiner([&](HistoryRecord&& r) { out.push_back(std::move(r)); });
  for (const HistoryRecord& r : in) joiner.add(r);
  joiner.finish();
  return out;
}

}  // namespace

TEST_CASE("join: two parts make one session", "[join]") {
  const HistoryRecord whole = join_parts(first_part(), second_part());
  CHECK(whole.started_at == at_hour(9, 8));
  CHECK_FALSE(whole.resumes);
  CHECK(whole.parts == 2);
  CHECK(whole.planned == seconds{600});
  CHECK(whole.active == seconds{590});
  CHECK(whole.paused == seconds{10});
  CHECK(whole.held == seconds{370});
  REQUIRE(whole.exercises.size() == 3);
  CHECK(whole.exercises[0].status == ExerciseStatus::done);
  CHECK(whole.exercises[1].status == ExerciseStatus::done);     // stopped, then done
  CHECK(whole.exercises[2].status == ExerciseStatus::partial);  // skipped, then partly
  CHECK(whole.end == SessionEnd::completed);
  CHECK_FALSE(whole.stopped_during);
  CHECK(whole.pain_before == 5);  // before the first part
  CHECK(whole.pain_after == 2);   // after the last
  CHECK(whole.level == Level::gentle);
}

TEST_CASE("join: the parts' notes are all kept, in order", "[join]") {
  HistoryRecord first = first_part();
  HistoryRecord second = second_part();
  CHECK(join_parts(first, second).note.empty());
  second.note = "bridge easier after a rest";
  CHECK(join_parts(first, second).note == "bridge easier after a rest");
  first.note = "phone rang";
  CHECK(join_parts(first, second).note == "phone rang / bridge easier after a rest");
  second.note.clear();
  CHECK(join_parts(first, second).note == "phone rang");
}

TEST_CASE("join: a better outcome is never lost, an exercise only the later part did comes last", "[join]") {
  HistoryRecord later = second_part();
  later.exercises = {{"bridge", "Bridge", ExerciseStatus::skipped}, {"extra", "Extra", ExerciseStatus::done}};
  later.end = SessionEnd::stopped_for_pain;
  later.stopped_during = StopPoint{"extra", "Extra", Side::left};
  later.pain_after.reset();
  HistoryRecord earlier = first_part();
  earlier.exercises[1].status = ExerciseStatus::partial;
  earlier.pain_after = 6;
  const HistoryRecord whole = join_parts(earlier, later);
  REQUIRE(whole.exercises.size() == 4);
  CHECK(whole.exercises[1].status == ExerciseStatus::partial);
  CHECK(whole.exercises[3].id == "extra");
  CHECK(whole.end == SessionEnd::stopped_for_pain);
  REQUIRE(whole.stopped_during);
  CHECK(whole.stopped_during->exercise_id == "extra");
  CHECK(whole.pain_after == 6);  // the last one answered
}

TEST_CASE("join: the joiner finds the parts forwards and backwards, other sessions between", "[join]") {
  const std::vector<HistoryRecord> file = {other_session(8, 20), first_part(), other_session(9, 10), second_part(),
                                           other_session(12, 8)};
  const auto low_back = [](const std::vector<HistoryRecord>& out) {
    return *std::find_if(out.begin(), out.end(), [](const HistoryRecord& r) { return r.routine_id == "low-back"; });
  };
  SECTION("forwards, as stats and the table read") {
    const std::vector<HistoryRecord> out = joined(file);
    REQUIRE(out.size() == 4);
    CHECK(low_back(out).parts == 2);
    CHECK(low_back(out).end == SessionEnd::completed);
    // Whole sessions go on at once; the one waiting for its parts comes after, in its window.
    CHECK(out[0].started_at == at_hour(8, 20));
    CHECK(out[1].started_at == at_hour(9, 10));
    CHECK(out[2].routine_id == "low-back");
    CHECK(out[3].started_at == at_hour(12, 8));
  }
  SECTION("backwards, as --json and the report read") {
    const std::vector<HistoryRecord> out = joined({file.rbegin(), file.rend()});
    REQUIRE(out.size() == 4);
    CHECK(out[0].started_at == at_hour(12, 8));
    CHECK(low_back(out).parts == 2);
    CHECK(low_back(out).started_at == at_hour(9, 8));
    CHECK(low_back(out).active == seconds{590});
  }
  SECTION("three parts") {
    HistoryRecord second = second_part();
    second.end = SessionEnd::interrupted;
    HistoryRecord third = second_part();
    third.started_at = at_hour(9, 20);
    third.exercises = {{"cat", "Cat", ExerciseStatus::done}};
    const std::vector<HistoryRecord> out = joined({first_part(), second, third});
    REQUIRE(out.size() == 1);
    CHECK(out[0].parts == 3);
    CHECK(out[0].exercises[2].status == ExerciseStatus::done);
  }
}

TEST_CASE("join: what cannot be a part stays a session of its own", "[join]") {
  SECTION("a part whose first part is not there") {
    const std::vector<HistoryRecord> out = joined({other_session(9, 10), second_part()});
    REQUIRE(out.size() == 2);
    CHECK(out[1].resumes);
    CHECK(out[1].parts == 1);
  }
  SECTION("another routine that started the same second") {
    HistoryRecord other = second_part();
    other.routine_id = "neck";
    const std::vector<HistoryRecord> out = joined({first_part(), other});
    CHECK(out.size() == 2);
  }
  SECTION("two sessions that started in the same second") {
    const std::vector<HistoryRecord> out = joined({first_part(), first_part()});
    CHECK(out.size() == 2);
  }
  SECTION("parts further apart than the window wait no longer") {
    HistoryRecord late = second_part();
    late.started_at = at_hour(12, 12);  // three days later
    const std::vector<HistoryRecord> out = joined({first_part(), other_session(11, 8), late});
    CHECK(out.size() == 3);
  }
}

TEST_CASE("join: a session that ended whole goes on at once", "[join]") {
  std::size_t handed = 0;
  SessionJoiner joiner([&](HistoryRecord&&) { ++handed; });
  joiner.add(other_session(9, 8));
  CHECK(handed == 1);
  HistoryRecord quit = other_session(9, 9);
  quit.end = SessionEnd::quit;
  joiner.add(quit);
  CHECK(handed == 1);  // it may yet be resumed
  joiner.finish();
  CHECK(handed == 2);
}

TEST_CASE("join: a long history waits for a bounded number of records", "[join]") {
  std::size_t handed = 0;
  SessionJoiner joiner([&](HistoryRecord&&) { ++handed; });
  for (int i = 0; i < 1000; ++i) {
    HistoryRecord r = other_session(9, 8);
    r.end = SessionEnd::quit;        // could be resumed: waits
    r.started_at.utc += seconds{i};  // all in one hour: only the cap moves them on
    joiner.add(r);
  }
  CHECK(handed == 1000 - SessionJoiner::max_waiting);
  joiner.finish();
  CHECK(handed == 1000);
}

TEST_CASE("join: the digest joins a resumed part to its session, in file order", "[join][digest]") {
  HistoryDigest digest;
  digest.add(first_part());
  digest.add(second_part());
  const RoutineRecent* recent = digest.recent("low-back");
  REQUIRE(recent);
  REQUIRE(recent->sessions.size() == 1);
  const SessionBrief& s = recent->sessions[0];
  CHECK(s.started_at == at_hour(9, 8));
  CHECK(s.end == SessionEnd::completed);
  CHECK(s.pain_before == 5);
  CHECK(s.pain_after == 2);
  // The same as the joined record would give: stats and the menu agree.
  HistoryDigest from_joined;
  from_joined.add(join_parts(first_part(), second_part()));
  CHECK(from_joined == digest);
}

TEST_CASE("join: a part after midnight counts for the day its session began", "[join][digest]") {
  HistoryRecord first = first_part();
  first.started_at = at_hour(9, 22);
  first.exercises[0].status = ExerciseStatus::skipped;  // nothing done that evening
  first.stopped_during = StopPoint{"pelvic-tilt", "Pelvic tilt", Side::none};
  HistoryRecord second = second_part();
  second.started_at = at_hour(10, 1);
  second.resumes = first.started_at;
  HistoryDigest digest;
  digest.add(first);
  digest.add(second);
  CHECK(digest.stretched_on(year{2026} / March / 9));
  CHECK_FALSE(digest.stretched_on(year{2026} / March / 10));
}
