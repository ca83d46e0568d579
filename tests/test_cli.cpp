#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/audio/announcer_config.hpp"
#include "app/cli.hpp"
#include "catch.hpp"
#include "stretch/keys.hpp"
#include "support/run_process.hpp"

using namespace stretch::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// A home of its own for each test: no user files unless the test writes them.
struct Home {
  TempDir dir;
  ProcessOptions options() const {
    ProcessOptions o;
    o.env = {
        {"HOME", dir.path()}, {"XDG_CONFIG_HOME", dir.path() + "/config"}, {"XDG_DATA_HOME", dir.path() + "/data"}};
    return o;
  }
  std::string user_routine(const std::string& name, const std::string& content) const {
    return dir.write("config/stretch-timer/routines/" + name, content);
  }
};

const std::string my_routine = R"({"routines": [{"id": "mine", "name": "My own", "description": "Mine.",
  "tags": ["daily"], "exercises": ["pelvic-tilt", {"exercise": "bridge", "reps": 2}]}]})";

}  // namespace

TEST_CASE("the version flag prints the version from CMake", "[cli]") {
  const ProcessResult r = run_stretch_timer({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == std::string("stretch-timer ") + STRETCH_VERSION + "\n");
}

TEST_CASE("the help names every command, a wrong command line exits 2", "[cli]") {
  const ProcessResult help = run_stretch_timer({"--help"});
  CHECK(help.exit_code == 0);
  for (const char* command : {"list", "show", "validate", "session", "history", "stats"})
    CHECK_THAT(help.out, Contains(command));
  CHECK(run_stretch_timer({}).exit_code == 2);
  CHECK(run_stretch_timer({"dance"}).exit_code == 2);
  const ProcessResult level = run_stretch_timer({"show", "low-back", "--level", "extreme"});
  CHECK(level.exit_code == 2);
  CHECK_THAT(level.err, Contains("--level"));
}

TEST_CASE("--help shows the session's keys from the one key map", "[cli]") {
  const ProcessResult help = run_stretch_timer({"--help"});
  CHECK(help.exit_code == 0);
  for (const stretch::KeyBinding& binding : stretch::session_key_map())
    CHECK_THAT(help.out, Contains(std::string(binding.does)));
}

TEST_CASE("list shows the routines with exercises, time and tags", "[cli]") {
  Home home;
  const ProcessResult r = run_stretch_timer({"list"}, home.options());
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, StartsWith("ID "));
  CHECK_THAT(r.out, Contains("low-back"));
  CHECK_THAT(r.out, Contains("desk-break  Desk break           6          8 min 8 s "));

  const ProcessResult daily = run_stretch_timer({"list", "--tag", "daily"}, home.options());
  CHECK(daily.exit_code == 0);
  CHECK_THAT(daily.out, Contains("low-back"));
  CHECK(daily.out.find("desk-break") == std::string::npos);

  const ProcessResult none = run_stretch_timer({"list", "--tag", "no-such-tag"}, home.options());
  CHECK(none.exit_code == 1);
  CHECK_THAT(none.err, Contains("no routine has the tag"));
}

TEST_CASE("list --json is for scripts", "[cli]") {
  Home home;
  home.user_routine("mine.json", my_routine);
  const ProcessResult r = run_stretch_timer({"list", "--json"}, home.options());
  CHECK(r.exit_code == 0);
  const auto list = nlohmann::json::parse(r.out);
  REQUIRE(list.is_array());
  bool found = false;
  for (const auto& item : list) {
    if (item.at("id") == "mine") {
      found = true;
      CHECK(item.at("origin") == "user");
      CHECK(item.at("exercises") == 2);
      // pelvic tilt 5 + 10x5 + 9x5 = 100; rest 15; bridge 5 + 2x4 + 5 = 18
      CHECK(item.at("duration_seconds") == 133);
    }
    if (item.at("id") == "desk-break") CHECK(item.at("duration_seconds") == 488);
  }
  CHECK(found);
}

TEST_CASE("user routines load beside the built-ins and list says which is which", "[cli]") {
  Home home;
  home.user_routine("mine.json", my_routine);
  home.user_routine(
      "override.json",
      R"({"routines": [{"id": "desk-break", "name": "My desk break", "description": "d", "exercises": ["neck-stretch"]}]})");
  home.user_routine("broken.json", "{\"routines\": [}");
  const ProcessResult r = run_stretch_timer({"list"}, home.options());
  CHECK_THAT(r.out, Contains("mine "));
  CHECK_THAT(r.out, Contains("(user)"));
  CHECK_THAT(r.out, Contains("My desk break"));
  CHECK_THAT(r.out, Contains("(user, replaces built-in)"));
  CHECK_THAT(r.err, Contains("broken.json:1:15: not valid JSON"));
  CHECK(r.exit_code == 1);  // a skipped file is bad input, even though the rest is listed
}

TEST_CASE("show prints exercises, cautions and the timeline", "[cli]") {
  Home home;
  const ProcessResult r = run_stretch_timer({"show", "desk-break"}, home.options());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, StartsWith("Desk break (desk-break, built-in)"));
  CHECK_THAT(r.out, Contains("8 min 8 s in all"));
  CHECK_THAT(r.out, Contains("Shoulder rolls: roll forward 10 times, then roll backward 10 times, about 3 s each"));
  CHECK_THAT(r.out, Contains("  move         30 s     Shoulder rolls, roll backward, 10 times\n"));
  CHECK_THAT(r.out, Contains("Caution:"));
  CHECK_THAT(r.out, Contains("Timeline"));
  CHECK_THAT(r.out, Contains("  00:00  get ready"));
  CHECK_THAT(r.out, Contains("  08:08  done"));

  const ProcessResult gentle = run_stretch_timer({"show", "desk-break", "--level", "gentle"}, home.options());
  CHECK_THAT(gentle.out, Contains("Level gentle"));
  CHECK_THAT(gentle.out, Contains("7 min 48 s in all"));

  const ProcessResult missing = run_stretch_timer({"show", "nope"}, home.options());
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Contains("no routine \"nope\""));
}

TEST_CASE("validate prints each good routine's time and fails on any bad file", "[cli]") {
  Home home;
  const std::string good = home.dir.write("good.json", my_routine);
  const ProcessResult ok = run_stretch_timer({"validate", good}, home.options());
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Contains("routine mine (My own): 2 min 13 s at standard level"));

  const std::string bad = home.dir.write("bad.json", R"({"routines": [{"id": "x", "name": "X", "description": "d",
    "exercises": [{"exercise": "bridge", "hold": 0}]}]})");
  const ProcessResult mixed = run_stretch_timer({"validate", good, bad}, home.options());
  CHECK(mixed.exit_code == 1);
  CHECK_THAT(mixed.out, Contains("routine mine"));
  CHECK_THAT(mixed.err, Contains("bad.json:2:50: /routines/0/exercises/0/hold: expected 1 to 600 seconds, found 0"));

  // A missing file is a problem like any other: exit 1, and the other files are still checked.
  const ProcessResult absent = run_stretch_timer({"validate", home.dir.path() + "/absent.json", good}, home.options());
  CHECK(absent.exit_code == 1);
  CHECK_THAT(absent.err, Contains("absent.json: cannot read the file"));
  CHECK_THAT(absent.out, Contains("routine mine (My own)"));
}

TEST_CASE("validate checks a file once however often it is named", "[cli]") {
  Home home;
  const std::string good = home.dir.write("good.json", my_routine);
  const std::string same = home.dir.path() + "/./good.json";
  const ProcessResult r = run_stretch_timer({"validate", good, good, same}, home.options());
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);
  CHECK(r.out == good + ": routine mine (My own): 2 min 13 s at standard level (2 min 11 s gentle, 2 min 15 s full)\n");
}

TEST_CASE("validate sees the user's other routine files, as list does", "[cli]") {
  Home home;
  const std::string exercises = home.user_routine("exercises.json", R"({"exercises": [{"id": "my-stretch",
    "name": "My stretch", "purpose": "p", "position": "p", "steps": ["s"], "hold": 10, "reps": 2}]})");
  const std::string uses = R"({"routines": [{"id": "uses-mine", "name": "Uses mine", "description": "d",
    "exercises": ["my-stretch"]}]})";
  const std::string elsewhere = home.dir.write("elsewhere.json", uses);
  const ProcessResult r = run_stretch_timer({"validate", elsewhere}, home.options());
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("routine uses-mine (Uses mine)"));

  // A file in the folder, named by another path, is checked in place of its copy there:
  // not reported as defining its own ids twice.
  const std::string in_folder = home.user_routine("uses.json", uses);
  const ProcessResult again = run_stretch_timer(
      {"validate", home.dir.path() + "/config/stretch-timer/routines/../routines/uses.json", exercises},
      home.options());
  CHECK(again.err.empty());
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.out, Contains("routine uses-mine (Uses mine)"));
  CHECK_THAT(again.out, Contains("exercises.json: ok, 1 exercises, no routines"));
}

TEST_CASE("every built-in data file passes validate", "[cli][builtin]") {
  std::vector<std::string> args{"validate"};
  for (const char* dir : {"/data/exercises", "/data/routines"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(STRETCH_SOURCE_DIR) + dir)) {
      args.push_back(entry.path().string());
    }
  }
  Home home;
  const ProcessResult r = run_stretch_timer(args, home.options());
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);
}

TEST_CASE("no file reaches the terminal with its control characters", "[cli]") {
  Home home;
  const std::string evil = home.dir.write("evil\x1b[2J.json", "{\"routines\": [\x1b]}");
  const ProcessResult r = run_stretch_timer({"validate", evil}, home.options());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("show and list time the routines with config.json's settings, a bad one is an error", "[cli]") {
  Home home;
  home.dir.write("config/stretch-timer/config.json", R"({"level": "gentle", "get_ready_seconds": 0})");
  // Without the 5 s to get ready before each of the 6 exercises, gentle is 30 s shorter.
  const ProcessResult show = run_stretch_timer({"show", "desk-break"}, home.options());
  CHECK(show.exit_code == 0);
  CHECK_THAT(show.out, Contains("Level gentle \u00b7 6 exercises \u00b7 7 min 18 s in all"));
  const ProcessResult flag = run_stretch_timer({"show", "desk-break", "--level", "full"}, home.options());
  CHECK_THAT(flag.out, Contains("Level full \u00b7 6 exercises \u00b7 8 min 18 s in all"));
  const ProcessResult list = run_stretch_timer({"list"}, home.options());
  CHECK(list.exit_code == 0);
  CHECK_THAT(list.out, Contains("desk-break  Desk break           6          7 min 18 s "));

  home.dir.write("config/stretch-timer/config.json", R"({"level": "extreme"})");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"show", "desk-break"}, {"list"}}) {
    const ProcessResult bad = run_stretch_timer(args, home.options());
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Contains("config.json:1:11: /level: expected \"gentle\", \"standard\" or \"full\""));
    CHECK(bad.out.empty());
  }
}

TEST_CASE("tips prints every tip, one a line, from the safety texts", "[cli][safety]") {
  Home home;
  const ProcessResult r = run_stretch_timer({"tips"}, home.options());
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  for (const char* fact : {"- Warm up first", "build up over a few weeks", "hamstrings twice a day",
                           "at least 10 minutes every", "months"}) {
    CHECK_THAT(r.out, Contains(fact));
  }
}

TEST_CASE("cli: the session's sound and voice flags", "[cli]") {
  using stretch::app::parse_arguments;
  const auto parsed = parse_arguments({"session", "low-back", "--sound", "ticks", "--voice", "--audio-file", "out.wav",
                                       "--on-cue", "echo $STRETCH_CUE_KIND"});
  REQUIRE(parsed.options);
  CHECK(parsed.options->sound == stretch::SoundMode::ticks);
  CHECK(parsed.options->voice == true);
  CHECK(parsed.options->audio_file == "out.wav");
  CHECK(parsed.options->on_cue == "echo $STRETCH_CUE_KIND");

  const auto quiet = parse_arguments({"session", "--no-voice", "--sound", "off"});
  REQUIRE(quiet.options);
  CHECK(quiet.options->voice == false);
  CHECK(quiet.options->sound == stretch::SoundMode::off);
  CHECK_FALSE(parse_arguments({"session"}).options->voice);

  const auto bad = parse_arguments({"session", "--sound", "loud"});
  CHECK_FALSE(bad.options);
  CHECK(bad.exit_code == stretch::app::exit_usage);
}

TEST_CASE("cli: the sound and voice flags win over config.json, the routine's sound over the file's", "[cli]") {
  using stretch::SoundMode;
  stretch::Settings settings;
  settings.voice = true;
  settings.sound = SoundMode::bell;
  settings.on_cue = "from-config";
  settings.voice_name = "de";
  stretch::app::Options options;
  auto config = stretch::app::announcer_config(settings, options, std::nullopt);
  CHECK(config.voice);
  CHECK(config.sound == SoundMode::bell);
  CHECK(config.on_cue == "from-config");
  CHECK(config.voice_name == "de");
  CHECK(config.audio_file.empty());
  CHECK(stretch::app::announcer_config(settings, options, SoundMode::ticks).sound == SoundMode::ticks);

  options.voice = false;
  options.sound = SoundMode::tones;
  options.on_cue = "from-flag";
  options.audio_file = "out.wav";
  config = stretch::app::announcer_config(settings, options, SoundMode::ticks);
  CHECK_FALSE(config.voice);
  CHECK(config.sound == SoundMode::tones);
  CHECK(config.on_cue == "from-flag");
  CHECK(config.audio_file == "out.wav");
}
