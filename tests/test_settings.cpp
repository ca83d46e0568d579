// Settings: the pure reading of config.json (every key, every kind of error) and the app's
// file handling (missing file, unreadable file, the session command refusing a bad one).
#include <string>
#include <vector>

#include "app/settings.hpp"
#include "catch.hpp"
#include "stretch/settings.hpp"
#include "support/run_process.hpp"

using namespace stretch;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// The first problem as "FILE: WHERE: WHAT", WHERE being the JSON pointer, or the line and
// column when there is no pointer (the text is not JSON): what each case below is about.
// The positions of pointers, and the FILE:LINE:COLUMN form, are tested on their own.
std::string without_pointer_position(const Diagnostic& d) {
  std::string where = d.location;
  if (where.empty() && d.line > 0) where = "line " + std::to_string(d.line) + ", column " + std::to_string(d.column);
  return d.file + (where.empty() ? "" : ": " + where) + ": " + d.message;
}

std::string error_of(const std::string& text) {
  const ParsedSettings parsed = parse_settings("config.json", text);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.settings == Settings{});  // nothing half-applied
  return without_pointer_position(parsed.errors.front());
}

}  // namespace

TEST_CASE("settings: an empty object means every default", "[settings]") {
  const ParsedSettings parsed = parse_settings("config.json", "{}");
  REQUIRE(parsed.ok());
  const Settings& s = parsed.settings;
  CHECK(s.level == Level::standard);
  CHECK(s.get_ready_seconds == 5);
  CHECK_FALSE(s.breathe_in_seconds);  // each exercise's own pace
  CHECK_FALSE(s.breathe_out_seconds);
  CHECK_FALSE(s.sound);  // each routine's own, else tones
  CHECK(s.daily_safety_check);
  CHECK(s.pain_checkin);
  CHECK_FALSE(s.voice);
  CHECK(s.voice_backend == VoiceBackend::espeak_ng);
  CHECK(s.voice_name.empty());
  CHECK(s.voice_rate == default_voice_rate);
  CHECK(s.voice_command.empty());
  CHECK(s.on_cue.empty());
}

TEST_CASE("settings: every key is read", "[settings]") {
  const ParsedSettings parsed = parse_settings("config.json", R"({
    "level": "gentle", "get_ready_seconds": 0, "breathe_in_seconds": 20, "breathe_out_seconds": 1,
    "sound": false, "daily_safety_check": false, "pain_checkin": false
  })");
  REQUIRE(parsed.ok());
  Settings expected;
  expected.level = Level::gentle;
  expected.level_set = true;  // the file says it: it wins over the menu's suggestion
  expected.get_ready_seconds = 0;
  expected.breathe_in_seconds = 20;
  expected.breathe_out_seconds = 1;
  expected.sound = SoundMode::off;
  expected.daily_safety_check = false;
  expected.pain_checkin = false;
  CHECK(parsed.settings == expected);
  CHECK(parse_settings("c", R"({"level": "full", "get_ready_seconds": 60})").settings.level == Level::full);
  CHECK_FALSE(parse_settings("c", R"({"get_ready_seconds": 60})").settings.level_set);
}

TEST_CASE("settings: the sound as a switch or by mode, and the voice's keys", "[settings]") {
  CHECK_FALSE(parse_settings("c", R"({"sound": true})").settings.sound);
  for (const SoundMode mode : {SoundMode::off, SoundMode::bell, SoundMode::ticks, SoundMode::tones}) {
    const std::string text = R"({"sound": ")" + std::string(to_string(mode)) + "\"}";
    CHECK(parse_settings("c", text).settings.sound == mode);
  }
  const ParsedSettings parsed = parse_settings("c", R"({
    "voice": true, "voice_backend": "speech-dispatcher", "voice_name": "en-gb+f3", "voice_rate": 140,
    "voice_command": "piper --output-raw | aplay", "on_cue": "notify-send \"$STRETCH_CUE_WORDS\""
  })");
  REQUIRE(parsed.ok());
  const Settings& s = parsed.settings;
  CHECK(s.voice);
  CHECK(s.voice_backend == VoiceBackend::speech_dispatcher);
  CHECK(s.voice_name == "en-gb+f3");
  CHECK(s.voice_rate == 140);
  CHECK(s.voice_command == "piper --output-raw | aplay");
  CHECK(s.on_cue == "notify-send \"$STRETCH_CUE_WORDS\"");
}

TEST_CASE("settings: each error names the file, the key and what is expected", "[settings]") {
  SECTION("numbers out of range or of the wrong kind") {
    CHECK(error_of(R"({"get_ready_seconds": 90})") ==
          "config.json: /get_ready_seconds: expected 0 to 60 seconds, found 90");
    CHECK(error_of(R"({"get_ready_seconds": -1})") ==
          "config.json: /get_ready_seconds: expected 0 to 60 seconds, found -1");
    CHECK(error_of(R"({"breathe_in_seconds": 0})") ==
          "config.json: /breathe_in_seconds: expected 1 to 20 seconds, found 0");
    CHECK(error_of(R"({"breathe_out_seconds": 21})") ==
          "config.json: /breathe_out_seconds: expected 1 to 20 seconds, found 21");
    CHECK(error_of(R"({"breathe_out_seconds": 4.5})") ==
          "config.json: /breathe_out_seconds: expected a whole number of seconds (1 to 20 seconds), found a "
          "fractional number");
    CHECK(error_of(R"({"get_ready_seconds": "5"})") ==
          "config.json: /get_ready_seconds: expected a whole number of seconds (0 to 60 seconds), found a string");
    CHECK_THAT(error_of(R"({"get_ready_seconds": 18446744073709551615})"),
               StartsWith("config.json: /get_ready_seconds: expected 0 to 60 seconds"));
  }
  SECTION("a level that is not one of the three") {
    CHECK(error_of(R"({"level": "hard"})") ==
          "config.json: /level: expected \"gentle\", \"standard\" or \"full\", found \"hard\"");
    CHECK(error_of(R"({"level": 2})") ==
          "config.json: /level: expected \"gentle\", \"standard\" or \"full\", found a whole number");
  }
  SECTION("switches that are not true or false") {
    CHECK(error_of(R"({"sound": "yes"})") ==
          "config.json: /sound: expected true, false, \"off\", \"bell\", \"ticks\" or \"tones\", found \"yes\"");
    CHECK(error_of(R"({"sound": 1})") ==
          "config.json: /sound: expected true, false, \"off\", \"bell\", \"ticks\" or \"tones\", found a whole number");
    CHECK(error_of(R"({"voice": "on"})") == "config.json: /voice: expected true or false, found a string");
    CHECK(error_of(R"({"pain_checkin": 1})") ==
          "config.json: /pain_checkin: expected true or false, found a whole number");
    CHECK(error_of(R"({"daily_safety_check": null})") ==
          "config.json: /daily_safety_check: expected true or false, found null");
  }
  SECTION("the voice's settings") {
    CHECK(error_of(R"({"voice_backend": "festival"})") ==
          "config.json: /voice_backend: expected \"espeak-ng\" or \"speech-dispatcher\", found \"festival\"");
    CHECK(error_of(R"({"voice_rate": 1000})") ==
          "config.json: /voice_rate: expected 80 to 450 words a minute, found 1000");
    CHECK(
        error_of(R"({"voice_name": "en; rm -rf"})") ==
        "config.json: /voice_name: expected a voice name such as \"en\", \"en-gb\" or \"en+f3\", found \"en; rm -rf\"");
    CHECK_THAT(error_of(R"({"on_cue": ""})"), StartsWith("config.json: /on_cue: "));
  }
  SECTION("a misspelt key is an error, not silently ignored") {
    CHECK(error_of(R"({"sound_on": true})") ==
          "config.json: /sound_on: unknown key \"sound_on\"; expected one of: level, get_ready_seconds, "
          "breathe_in_seconds, breathe_out_seconds, sound, daily_safety_check, pain_checkin, voice, voice_backend, "
          "voice_name, voice_rate, voice_command, on_cue, theme");
  }
  SECTION("not an object, not JSON, not UTF-8, too big, a key twice") {
    CHECK(error_of("[]") == "config.json: /: expected an object, found an array");
    CHECK_THAT(error_of("{\n  \"sound\": tru\n}"), StartsWith("config.json: line 2, column 15: not valid JSON"));
    CHECK_THAT(error_of(""), StartsWith("config.json: line 1, column 1: not valid JSON"));
    CHECK(error_of("{\"level\": \"\xff\"}") == "config.json: line 1, column 12: not valid UTF-8 text");
    CHECK_THAT(error_of("{\"x\": \"" + std::string(max_settings_file_bytes, 'a') + "\"}"),
               Contains("settings files may be at most 65536 bytes"));
    CHECK_THAT(error_of(R"({"sound": true, "sound": false})"), Contains("the key \"sound\" appears twice"));
    CHECK_THAT(error_of(std::string(50, '[') + std::string(50, ']')), Contains("nested more than 4 levels deep"));
  }
}

TEST_CASE("settings file: missing means defaults, a bad one is an error naming the file", "[settings]") {
  const test::TempDir dir;
  CHECK(app::load_settings(dir.path() + "/no/such/config.json") == Settings{});

  const std::string good = dir.write("good/config.json", R"({"level": "full", "sound": false})");
  const Settings s = app::load_settings(good);
  CHECK(s.level == Level::full);
  CHECK(s.sound == SoundMode::off);
  CHECK_FALSE(s.breathe_in_seconds);

  const std::string bad = dir.write("bad/config.json", R"({"breathe_in_seconds": 30})");
  CHECK_THROWS_WITH(app::load_settings(bad), bad + ":1:24: /breathe_in_seconds: expected 1 to 20 seconds, found 30");

  const std::string folder = dir.path() + "/good";  // a folder where the file should be
  CHECK_THROWS_WITH(app::load_settings(folder), folder + ": not a regular file");
}

TEST_CASE("the session command refuses an invalid settings file before starting", "[settings][cli]") {
  const test::TempDir home;
  home.write("config/stretch-timer/config.json", R"({"level": "extreme"})");
  test::ProcessOptions options;
  options.env = {
      {"HOME", home.path()}, {"XDG_CONFIG_HOME", home.path() + "/config"}, {"XDG_DATA_HOME", home.path() + "/data"}};
  const test::ProcessResult r = test::run_stretch_timer({"session", "low-back", "--plain"}, options);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err,
             Contains("config.json:1:11: /level: expected \"gentle\", \"standard\" or \"full\", found \"extreme\""));
}

TEST_CASE("settings: every bad key is reported at once, each at its line and column", "[settings]") {
  const ParsedSettings parsed =
      parse_settings("config.json", "{\n  \"level\": \"hard\",\n  \"pain_checkin\": 1,\n  \"sond\": true\n}\n");
  std::vector<std::string> messages;
  for (const Diagnostic& d : parsed.errors) messages.push_back(d.to_string());
  CHECK(messages == std::vector<std::string>{
                        "config.json:4:11: /sond: unknown key \"sond\"; expected one of: level, get_ready_seconds, "
                        "breathe_in_seconds, breathe_out_seconds, sound, daily_safety_check, pain_checkin, voice, "
                        "voice_backend, voice_name, voice_rate, voice_command, on_cue, theme",
                        "config.json:2:12: /level: expected \"gentle\", \"standard\" or \"full\", found \"hard\"",
                        "config.json:3:19: /pain_checkin: expected true or false, found a whole number"});
  CHECK(parsed.settings == Settings{});
}

TEST_CASE("settings: anything after the object is an error", "[settings]") {
  const ParsedSettings parsed = parse_settings("config.json", std::string("{\"sound\": false}\0{\"x\": 1}", 25));
  REQUIRE(parsed.errors.size() == 1);
  CHECK_THAT(parsed.errors[0].to_string(), StartsWith("config.json:1:17: a NUL byte"));
  CHECK_THAT(error_of("{\"sound\": false} x"), StartsWith("config.json: line 1, column 18: not valid JSON"));
}
