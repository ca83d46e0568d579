// The on-cue hook and the children it starts: the cue reaches the command in its
// environment, starting it never waits for it, and ended children are reaped.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/audio/announcer.hpp"
#include "app/audio/child_processes.hpp"
#include "catch.hpp"
#include "support/run_process.hpp"
#include "support/skip.hpp"

using namespace stretch;
using namespace std::chrono_literals;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Polls for `path` to hold `lines` lines (the child writes it on its own time).
std::string wait_for_lines(const std::string& path, int lines) {
  for (int i = 0; i < 500; ++i) {
    const std::string text = read_file(path);
    if (std::count(text.begin(), text.end(), '\n') >= lines) return text;
    std::this_thread::sleep_for(10ms);
  }
  return read_file(path);
}

}  // namespace

TEST_CASE("children: a slow command does not hold up the caller, and is reaped once ended", "[audio][hook]") {
  app::ChildProcesses children;
  std::string error;
  const auto before = std::chrono::steady_clock::now();
  const pid_t slow = children.start("sleep 5", {}, "", error);
  CHECK(std::chrono::steady_clock::now() - before < 500ms);
  REQUIRE(slow > 0);
  CHECK(error.empty());
  const pid_t quick = children.start("true", {}, "", error);
  REQUIRE(quick > 0);
  for (int i = 0; i < 200 && children.running() > 1; ++i) {
    std::this_thread::sleep_for(10ms);
    children.reap();
  }
  CHECK(children.running() == 1);  // `true` is gone, `sleep 5` goes on
  children.stop(slow);
  for (int i = 0; i < 200 && children.running() > 0; ++i) {
    std::this_thread::sleep_for(10ms);
    children.reap();
  }
  CHECK(children.running() == 0);
}

TEST_CASE("children: the words on stdin, the variables in the environment", "[audio][hook]") {
  const test::TempDir dir;
  const std::string out = dir.path() + "/out.txt";
  app::ChildProcesses children;
  std::string error;
  REQUIRE(children.start("cat > '" + out + "'; echo \"$GREETING\" >> '" + out + "'", {"GREETING=hello there"},
                         "switch sides\n", error) > 0);
  CHECK(wait_for_lines(out, 2) == "switch sides\nhello there\n");
}

TEST_CASE("announcer: --on-cue runs the command for each cue with the cue in its environment", "[audio][hook]") {
  const test::TempDir dir;
  const std::string log = dir.path() + "/cues.log";
  app::AnnouncerConfig config;
  config.sound = SoundMode::off;
  config.on_cue =
      "echo \"$STRETCH_CUE_KIND|$STRETCH_CUE_EXERCISE|$STRETCH_CUE_SIDE|$STRETCH_CUE_REP|"
      "$STRETCH_CUE_COUNT|$STRETCH_CUE_AT_MS|$STRETCH_CUE_WORDS\" >> '" +
      log + "'";
  const app::SessionClock clock;
  app::Announcer announcer(config, clock);
  Cue hold;
  hold.kind = CueKind::hold_start;
  hold.at = 5000ms;
  hold.words = "Left side, hold 20 seconds";
  hold.exercise = "Knee to chest";
  hold.side = Side::left;
  hold.rep = 1;
  const Instant now = clock.now();
  CHECK_FALSE(announcer.cue(hold, now));  // sound off: no bell
  // One at a time, so that the log's order is the cues' order.
  REQUIRE(wait_for_lines(log, 1) == "hold_start|Knee to chest|left|1||5000|Left side, hold 20 seconds\n");
  Cue tick;
  tick.kind = CueKind::countdown;
  tick.at = 22000ms;
  tick.count = 3;
  tick.words = "3";
  (void)announcer.cue(tick, now);
  CHECK(wait_for_lines(log, 2) ==
        "hold_start|Knee to chest|left|1||5000|Left side, hold 20 seconds\ncountdown||||3|22000|3\n");
  CHECK(announcer.take_notices().empty());
}

TEST_CASE("announcer: with sound off, no voice and no hook it makes no sound and rings no bell", "[audio]") {
  app::AnnouncerConfig config;
  config.sound = SoundMode::off;
  const app::SessionClock clock;
  app::Announcer announcer(config, clock);
  Cue done;
  done.kind = CueKind::session_done;
  done.words = "Done";
  CHECK_FALSE(announcer.cue(done, clock.now()));
  CHECK(announcer.take_notices().empty());
  announcer.finish(clock.now());
  CHECK(announcer.delays().tones.empty());
}

TEST_CASE("announcer: an audio file that cannot be written is an error naming it", "[audio]") {
  app::AnnouncerConfig config;
  config.audio_file = "/nonexistent-folder/out.wav";
  const app::SessionClock clock;
  CHECK_THROWS_WITH(app::Announcer(config, clock),
                    "/nonexistent-folder/out.wav: cannot write the audio file: No such file or directory");
}

// Issue 9: the `v` key turned the voice on by starting espeak-ng on the loop's thread, which
// held the timer up for tens of milliseconds. The worker starts it now; the next cue's words
// must still be spoken (written to the file, each utterance's first sample counted).
TEST_CASE("announcer: the voice turned on during a session starts beside the loop and speaks the next cue", "[audio]") {
  const test::TempDir dir;
  app::AnnouncerConfig config;
  config.sound = SoundMode::off;
  config.voice = false;
  config.audio_file = dir.path() + "/v.wav";
  const app::SessionClock clock;
  app::Announcer announcer(config, clock);
  Cue ready;
  ready.kind = CueKind::get_ready;
  ready.words = "Get ready";
  const Instant start = clock.now();
  (void)announcer.cue(ready, start);  // silent: the voice is off
  announcer.set_voice(true);
  CHECK(announcer.voice());
  Cue hold;
  hold.kind = CueKind::hold_start;
  hold.words = "Left side, hold 20 seconds";
  hold.at = 1000ms;
  (void)announcer.cue(hold, start + 1s);
  announcer.finish(start + 3s);  // waits for the worker: the words are made before it returns
  const std::vector<std::string> notices = announcer.take_notices();
  if (!notices.empty() && notices.front().find("espeak-ng") != std::string::npos) {
    STRETCH_SKIP("espeak-ng or its data is not installed");
  }
  CHECK(notices.empty());
  CHECK(announcer.delays().voice.size() == 1);  // the one utterance after `v`, not "Get ready"
}

TEST_CASE("announcer: the audio file is never written through a link or into a FIFO", "[audio][reliability]") {
  const test::TempDir dir;
  const app::SessionClock clock;
  app::AnnouncerConfig config;

  // A link to someone's file: refused, and the file it points at is left as it was.
  const std::string victim = dir.write("victim.txt", "keep me\n");
  const std::string link = dir.path() + "/out.wav";
  REQUIRE(::symlink(victim.c_str(), link.c_str()) == 0);
  config.audio_file = link;
  CHECK_THROWS_WITH(app::Announcer(config, clock),
                    Catch::Matchers::Contains("out.wav: cannot write the audio file: is a symbolic link"));
  CHECK(read_file(victim) == "keep me\n");

  // A FIFO with no reader: refused at once, not waited on (a wait would hang the test).
  const std::string fifo = dir.path() + "/pipe.wav";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  config.audio_file = fifo;
  CHECK_THROWS_WITH(app::Announcer(config, clock),
                    Catch::Matchers::Contains("pipe.wav: cannot write the audio file: not a regular file"));

  // A regular file already there is replaced by the session's audio.
  const std::string old = dir.write("old.wav", std::string(100000, 'x'));
  config.audio_file = old;
  { const app::Announcer announcer(config, clock); }
  CHECK(read_file(old).rfind("RIFF", 0) == 0);
  CHECK(read_file(old).size() < 100000);
}
