// What the on-cue hook finds in its environment.
#include <algorithm>

#include "catch.hpp"
#include "stretch/cue_environment.hpp"

using namespace stretch;

TEST_CASE("cue environment: every field of a cue, by name", "[cue-env]") {
  Cue c;
  c.kind = CueKind::hold_start;
  c.at = std::chrono::milliseconds(65'000);
  c.words = "Left side, hold 20 seconds";
  c.exercise = "Knee to chest";
  c.side = Side::left;
  c.rep = 2;
  const std::vector<std::string> expected = {"STRETCH_CUE_KIND=hold_start",
                                             "STRETCH_CUE_EXERCISE=Knee to chest",
                                             "STRETCH_CUE_SIDE=left",
                                             "STRETCH_CUE_REP=2",
                                             "STRETCH_CUE_COUNT=",
                                             "STRETCH_CUE_AT_MS=65000",
                                             "STRETCH_CUE_WORDS=Left side, hold 20 seconds"};
  CHECK(cue_environment(c) == expected);
}

TEST_CASE("cue environment: the session's own cues leave exercise, side and rep empty", "[cue-env]") {
  Cue c;
  c.kind = CueKind::countdown;
  c.count = 3;
  c.words = "3";
  const auto env = cue_environment(c);
  CHECK(std::find(env.begin(), env.end(), "STRETCH_CUE_KIND=countdown") != env.end());
  CHECK(std::find(env.begin(), env.end(), "STRETCH_CUE_EXERCISE=") != env.end());
  CHECK(std::find(env.begin(), env.end(), "STRETCH_CUE_SIDE=") != env.end());
  CHECK(std::find(env.begin(), env.end(), "STRETCH_CUE_REP=") != env.end());
  CHECK(std::find(env.begin(), env.end(), "STRETCH_CUE_COUNT=3") != env.end());
  for (const std::string& entry : env) CHECK(is_cue_variable(entry));
  CHECK_FALSE(is_cue_variable("PATH=/bin"));
  CHECK_FALSE(is_cue_variable("STRETCH_TIMER_TIME_SCALE=10"));
}
