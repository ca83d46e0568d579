// What can be resumed, from where, and until when; starting a routine part-way; the "did
// you mean" for an exercise id. Time is passed in.
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/resume.hpp"
#include "support/records.hpp"

using namespace stretch;
using namespace stretch::test;
using namespace std::chrono;

namespace {

Timestamp at_hour(int day, int hour, int minute = 0) {
  return Timestamp{sys_days{year{2026} / March / day} + hours{hour} + minutes{minute}, hours{-4}};
}
sys_seconds now_at(int day, int hour, int minute = 0) { return at_hour(day, hour, minute).utc; }

// Low back at 08:00 on the 9th, quit during the bridge after 10 minutes (and 2 paused).
HistoryRecord quit_session() {
  HistoryRecord r = record_of(at_hour(9, 8), "low-back", "Low back",
                              {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::done},
                               {"bridge", "Bridge", ExerciseStatus::stopped},
                               {"cat", "Cat", ExerciseStatus::skipped}},
                              SessionEnd::quit);
  r.level = Level::full;
  r.active = minutes{10};
  r.paused = minutes{2};
  r.stopped_during = StopPoint{"bridge", "Bridge", Side::left};
  return r;
}

}  // namespace

TEST_CASE("resume: a quit session is picked up at the exercise under way", "[resume]") {
  const std::vector<HistoryRecord> latest = {quit_session()};
  const std::optional<ResumePoint> p = find_resume(latest, now_at(9, 9));
  REQUIRE(p);
  CHECK(p->routine_id == "low-back");
  CHECK(p->routine_name == "Low back");
  CHECK(p->level == Level::full);
  CHECK(p->exercise_id == "bridge");
  CHECK(p->exercise_name == "Bridge");
  CHECK(p->resumes == at_hour(9, 8));
  CHECK(p->ended == now_at(9, 8, 12));
}

TEST_CASE("resume: within 12 hours of the end, not after", "[resume]") {
  const std::vector<HistoryRecord> latest = {quit_session()};  // ended 08:12
  CHECK(find_resume(latest, now_at(9, 20, 12)));
  CHECK_FALSE(find_resume(latest, now_at(9, 20, 13)));
  // A session that seems to end in the future (a clock set wrong) is left alone.
  CHECK_FALSE(find_resume(latest, now_at(9, 7)));
}

TEST_CASE("resume: only a quit or interrupted session", "[resume]") {
  HistoryRecord r = quit_session();
  r.end = SessionEnd::interrupted;
  CHECK(find_resume(std::vector{r}, now_at(9, 9)));
  r.end = SessionEnd::stopped_for_pain;  // it hurt: a rest, not a restart
  CHECK_FALSE(find_resume(std::vector{r}, now_at(9, 9)));
  r.end = SessionEnd::completed;
  CHECK_FALSE(find_resume(std::vector{r}, now_at(9, 9)));
}

TEST_CASE("resume: a later session of the routine leaves nothing to pick up", "[resume]") {
  HistoryRecord later = quit_session();
  later.started_at = at_hour(9, 9);
  later.end = SessionEnd::completed;
  later.stopped_during.reset();
  CHECK_FALSE(find_resume(std::vector{quit_session(), later}, now_at(9, 10)));
  CHECK_FALSE(find_resume(std::vector{later, quit_session()}, now_at(9, 10)));  // any order
  // Another routine's session does not.
  later.routine_id = "neck";
  CHECK(find_resume(std::vector{quit_session(), later}, now_at(9, 10)));
}

TEST_CASE("resume: of two, the one that ended last, and a resumed part resumes the first part", "[resume]") {
  HistoryRecord neck = quit_session();
  neck.routine_id = "neck";
  neck.started_at = at_hour(9, 7);  // ended 07:12, before low back
  CHECK(find_resume(std::vector{neck, quit_session()}, now_at(9, 9))->routine_id == "low-back");
  HistoryRecord part = quit_session();
  part.started_at = at_hour(9, 10);
  part.resumes = at_hour(9, 8);
  part.exercises = {{"bridge", "Bridge", ExerciseStatus::done}, {"cat", "Cat", ExerciseStatus::stopped}};
  part.stopped_during = StopPoint{"cat", "Cat", Side::none};
  const std::optional<ResumePoint> p = find_resume(std::vector{quit_session(), part}, now_at(9, 11));
  REQUIRE(p);
  CHECK(p->exercise_id == "cat");
  CHECK(p->resumes == at_hour(9, 8));  // always the first part's start: one session
}

TEST_CASE("resume: between exercises, from the next one not done", "[resume]") {
  HistoryRecord r = quit_session();
  r.stopped_during.reset();
  r.exercises[1].status = ExerciseStatus::done;
  CHECK(exercise_to_resume(r)->id == "cat");
  r.exercises[1].status = ExerciseStatus::partial;  // skipped part of it, then quit in the rest
  CHECK(exercise_to_resume(r)->id == "bridge");
  r.exercises[1].status = ExerciseStatus::skipped;
  r.exercises[0].status = ExerciseStatus::skipped;
  CHECK(exercise_to_resume(r)->id == "pelvic-tilt");
  for (ExerciseResult& e : r.exercises) e.status = ExerciseStatus::done;
  CHECK_FALSE(exercise_to_resume(r));  // nothing left
  CHECK_FALSE(find_resume(std::vector{r}, now_at(9, 9)));
}

TEST_CASE("resume: a routine from an exercise on", "[resume]") {
  Routine routine;
  routine.id = "low-back";
  for (const char* id : {"pelvic-tilt", "bridge", "cat", "bridge"}) {
    RoutineEntry entry;
    entry.exercise = id;
    routine.entries.push_back(entry);
  }
  CHECK(exercise_position(routine, "bridge") == 1u);
  CHECK(exercise_position(routine, "cat") == 2u);
  CHECK_FALSE(exercise_position(routine, "brige"));
  const Routine rest = routine_from(routine, 1);
  REQUIRE(rest.entries.size() == 3);
  CHECK(rest.entries[0].exercise == "bridge");
  CHECK(rest.id == "low-back");
  CHECK(routine_from(routine, 9).entries.empty());
}

TEST_CASE("resume: how long ago", "[resume]") {
  CHECK(time_ago(now_at(9, 8), now_at(9, 8)) == "just now");
  CHECK(time_ago(now_at(9, 8), now_at(9, 8, 40)) == "40 min ago");
  CHECK(time_ago(now_at(9, 8), now_at(9, 9, 30)) == "1 hour ago");
  CHECK(time_ago(now_at(9, 8), now_at(9, 19)) == "11 hours ago");
}
