// The audio file places each sound at its cue's instant, whenever it is handed over: a tone
// where it was due, an utterance cut short where the next begins, a late sound where the
// file has got to. Checked sample by sample, with instants chosen ahead of the clock.
#include "app/audio/wav_timeline.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "catch.hpp"
#include "stretch/tones.hpp"
#include "stretch/wav.hpp"
#include "support/run_process.hpp"

using namespace stretch;
using namespace std::chrono_literals;

namespace {

std::vector<std::int16_t> samples_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::int16_t> out;
  for (std::size_t i = wav_header_bytes; i + 1 < bytes.size(); i += 2) {
    out.push_back(static_cast<std::int16_t>(static_cast<std::uint16_t>(bytes[i] | (bytes[i + 1] << 8))));
  }
  return out;
}

constexpr std::size_t at_ms(int ms) { return static_cast<std::size_t>(ms) * audio_sample_rate / 1000; }

}  // namespace

TEST_CASE("audio file: tones at their instants, an utterance cut short by the next, silence between", "[audio][wav]") {
  test::TempDir dir;
  const std::filesystem::path path = std::filesystem::path(dir.path()) / "out.wav";
  const app::SessionClock clock;
  const Instant origin = clock.now();
  {
    app::WavTimeline file(path, clock);
    file.set_origin(origin);
    // Handed over in any order: the file goes by the instants.
    file.play_tone(std::make_shared<const std::vector<std::int16_t>>(at_ms(100), std::int16_t{300}), origin + 1000ms);
    const std::uint64_t long_one = file.start_voice(origin + 1500ms);
    CHECK(file.add_voice(long_one, std::vector<short>(at_ms(2000), 1000)));       // 2 s of words, due at 1.5 s
    const std::uint64_t short_one = file.start_voice(origin + 2000ms);            // cuts it at 2 s
    CHECK_FALSE(file.add_voice(long_one, std::vector<short>(at_ms(100), 1000)));  // too late: replaced
    CHECK(file.add_voice(short_one, std::vector<short>(at_ms(200), 2000)));
    file.play_tone(std::make_shared<const std::vector<std::int16_t>>(at_ms(100), std::int16_t{300}), origin + 2100ms);
    file.finish(origin + 3000ms, 0ms);
    CHECK(file.ok());
    CHECK(file.delays().tones.size() == 2);
    CHECK(file.delays().voice.size() == 2);
  }
  const std::vector<std::int16_t> s = samples_of(path);
  REQUIRE(s.size() == at_ms(3000));
  CHECK(s[at_ms(999)] == 0);
  CHECK(s[at_ms(1000)] == 300);
  CHECK(s[at_ms(1099)] == 300);
  CHECK(s[at_ms(1100)] == 0);
  CHECK(s[at_ms(1499)] == 0);
  CHECK(s[at_ms(1500)] == 1000);
  CHECK(s[at_ms(1999)] == 1000);
  CHECK(s[at_ms(2000)] == 2000);  // the next utterance, where it was due
  CHECK(s[at_ms(2150)] == 2300);  // a tone over the voice: mixed
  CHECK(s[at_ms(2250)] == 0);     // the first was cut short, not queued behind
  CHECK(s[at_ms(2999)] == 0);
}

TEST_CASE("audio file: the voice turned off falls silent, and the file runs to the session's end", "[audio][wav]") {
  test::TempDir dir;
  const std::filesystem::path path = std::filesystem::path(dir.path()) / "out.wav";
  const app::SessionClock clock;
  app::WavTimeline file(path, clock);
  file.set_origin(clock.now() - 10s);  // the session began 10 s ago: everything before now is settled
  const std::uint64_t id = file.start_voice(clock.now() - 9s);
  CHECK(file.add_voice(id, std::vector<short>(at_ms(30000), 500)));  // 30 s of words from 1 s in
  file.stop_voice(clock.now());                                      // at about 10 s
  file.finish(clock.now() + 2s, 0ms);
  const std::vector<std::int16_t> s = samples_of(path);
  REQUIRE(s.size() >= at_ms(12000));
  // The voice begins a few microseconds after 1 s (the clock moved between the calls above),
  // so the first sample checked is a little later than that.
  CHECK(s[at_ms(1050)] == 500);
  CHECK(s[at_ms(9000)] == 500);
  CHECK(s[at_ms(11500)] == 0);
}
