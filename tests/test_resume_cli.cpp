// End to end: a session interrupted part-way is picked up with `session --resume` (and from
// the menu's first line), the history shows the two parts as one session, and `--from`
// starts a routine at an exercise or says what was meant. The real binary, plain mode, a
// fresh home, the clock sped up.
#include <signal.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "support/interactive_process.hpp"
#include "support/run_process.hpp"

using namespace stretch::test;
using Catch::Matchers::Contains;

namespace {

std::map<std::string, std::string> fresh_home(const TempDir& home, const std::string& scale) {
  return {{"HOME", home.path()},
          {"XDG_CONFIG_HOME", home.path() + "/config"},
          {"XDG_DATA_HOME", home.path() + "/data"},
          {"STRETCH_TIMER_TIME_SCALE", scale},
          {"STRETCH_TIMER_STATS", ""}};
}

std::string history_of(const TempDir& home) {
  std::ifstream in(home.path() + "/data/stretch-timer/history.jsonl");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t lines_in(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// desk-break, stopped by SIGTERM during its third exercise (the neck turn).
void interrupt_desk_break(const TempDir& home) {
  InteractiveProcess child(stretch_timer_argv({"session", "desk-break", "--plain", "--no-checkin"}),
                           fresh_home(home, "20"));
  child.type("1\n");  // the safety check: none of this applies
  REQUIRE(child.wait_for_output("exercise 3 of 6"));
  child.send_signal(SIGTERM);
  const ProcessResult result = child.finish();
  INFO(result.out + result.err);
  REQUIRE(result.exit_code == 128 + SIGTERM);
  REQUIRE_THAT(history_of(home), Contains(R"("stopped_during":{"id":"neck-turn")"));
}

}  // namespace

TEST_CASE("an interrupted session goes on with --resume and is one session in the history", "[resume][e2e]") {
  TempDir home;
  interrupt_desk_break(home);
  ProcessOptions options;
  options.env = fresh_home(home, "5000");

  const ProcessResult resumed = run_stretch_timer({"session", "--resume", "--plain", "--no-checkin"}, options);
  INFO(resumed.out + resumed.err);
  REQUIRE(resumed.exit_code == 0);
  // The rest of the routine: from the neck turn, four exercises.
  CHECK_THAT(resumed.out, Contains("Desk break, level standard: 4 exercises, "));
  CHECK_THAT(resumed.out, Contains("Neck turn, exercise 1 of 4"));
  CHECK(resumed.out.find("Chin to chest") == std::string::npos);
  CHECK_THAT(resumed.out, Contains(" done: "));

  const std::string file = history_of(home);
  REQUIRE(lines_in(file) == 2);
  const std::string first_start = file.substr(file.find("\"started_at\":\"") + 14, 25);
  CHECK_THAT(file, Contains("\"resumes\":\"" + first_start + "\""));

  // One session, in two parts, completed, wherever the history is read.
  const ProcessResult table = run_stretch_timer({"history"}, options);
  CHECK(lines_in(table.out) == 2);  // the header and one session
  CHECK_THAT(table.out, Contains("completed"));
  CHECK_THAT(table.out, Contains("resumed, in 2 parts"));
  const ProcessResult json = run_stretch_timer({"history", "--json"}, options);
  CHECK(lines_in(json.out) == 3);  // [, one record, ]
  CHECK_THAT(json.out, Contains("\"started_at\":\"" + first_start + "\""));
  CHECK(json.out.find("\"resumes\"") == std::string::npos);
  const ProcessResult stats = run_stretch_timer({"stats"}, options);
  CHECK_THAT(stats.out, Contains("All time: 1 session, "));

  // Nothing is left to resume now.
  const ProcessResult again = run_stretch_timer({"session", "--resume", "--plain", "--no-checkin"}, options);
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Contains("--resume: no session to resume"));
}

TEST_CASE("the menu offers first to resume the session that stopped", "[resume][e2e]") {
  TempDir home;
  interrupt_desk_break(home);
  ProcessOptions options;
  options.env = fresh_home(home, "5000");
  options.stdin_text = "r\n";
  const ProcessResult result = run_stretch_timer({"session", "desk", "--plain", "--no-checkin"}, options);
  INFO(result.out + result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("  r. Resume Desk break from Neck turn (stopped "));
  CHECK_THAT(result.out, Contains("Type r to resume, or a number from 1 to "));
  CHECK_THAT(result.out, Contains("Neck turn, exercise 1 of 4"));
  CHECK_THAT(history_of(home), Contains("\"resumes\":"));
  // Not offered once the session is whole.
  options.stdin_text = "q\n";
  const ProcessResult menu = run_stretch_timer({"session", "desk", "--plain", "--no-checkin"}, options);
  CHECK(menu.out.find("Resume") == std::string::npos);
}

TEST_CASE("session --from starts a routine at an exercise, an unknown one gets a did-you-mean", "[resume][e2e]") {
  TempDir home;
  ProcessOptions options;
  options.env = fresh_home(home, "5000");
  options.stdin_text = "1\n";
  const ProcessResult from =
      run_stretch_timer({"session", "desk-break", "--from", "neck-stretch", "--plain", "--no-checkin"}, options);
  INFO(from.out + from.err);
  CHECK(from.exit_code == 0);
  CHECK_THAT(from.out, Contains("Desk break, level standard: 3 exercises, "));
  CHECK(from.out.find("Neck turn") == std::string::npos);
  CHECK(history_of(home).find("\"resumes\"") == std::string::npos);  // a session of its own

  const ProcessResult typo = run_stretch_timer({"session", "desk-break", "--from", "neck-strech"}, options);
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err,
             Contains("the routine desk-break has no exercise \"neck-strech\"; did you mean \"neck-stretch\"?"));
  CHECK_THAT(typo.err, Contains("its exercises: warm-up, chin-to-chest, "));
  const ProcessResult no_routine = run_stretch_timer({"session", "--from", "bridge"}, options);
  CHECK(no_routine.exit_code == 2);
  CHECK_THAT(no_routine.err, Contains("--from needs a routine id"));
  const ProcessResult both = run_stretch_timer({"session", "--resume", "--from", "bridge"}, options);
  CHECK(both.exit_code == 2);
}
