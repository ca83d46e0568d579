// The synthesised tones: lengths, loudness, soft edges, and that each is the pitch (and the
// order of pitches) it claims, measured with a Goertzel filter.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>

#include "catch.hpp"
#include "stretch/tones.hpp"

using namespace stretch;

namespace {

double seconds(const std::vector<std::int16_t>& s) { return static_cast<double>(s.size()) / audio_sample_rate; }

double peak(const std::vector<std::int16_t>& s) {
  int p = 0;
  for (const std::int16_t v : s) p = std::max(p, std::abs(static_cast<int>(v)));
  return p / 32767.0;
}

// The strength of `hz` in samples [from, to): a Goertzel filter, normalised by the length.
double strength(const std::vector<std::int16_t>& s, double hz, double from_s, double to_s) {
  const auto first = static_cast<std::size_t>(from_s * audio_sample_rate);
  const auto last = std::min(s.size(), static_cast<std::size_t>(to_s * audio_sample_rate));
  const double w = 2.0 * std::numbers::pi * hz / audio_sample_rate;
  const double coeff = 2.0 * std::cos(w);
  double s1 = 0, s2 = 0;
  for (std::size_t i = first; i < last; ++i) {
    const double s0 = s[i] / 32767.0 + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return std::sqrt(std::max(power, 0.0)) / static_cast<double>(last - first);
}

}  // namespace

TEST_CASE("tones: none is empty, every other is short, audible and not too loud", "[tones]") {
  CHECK(synthesize_tone(Chime::none).empty());
  for (const Chime tone : {Chime::hold_start, Chime::hold_end, Chime::tick, Chime::switch_sides, Chime::session_done}) {
    INFO(to_string(tone));
    const auto s = synthesize_tone(tone);
    REQUIRE_FALSE(s.empty());
    CHECK(seconds(s) <= 2.0);
    CHECK(peak(s) >= 0.05);
    CHECK(peak(s) <= 0.6);  // room for the voice on top
    // No click at either edge: the first and last samples are near silence.
    CHECK(std::abs(s.front()) < 300);
    CHECK(std::abs(s.back()) < 300);
  }
}

TEST_CASE("tones: the tick is the shortest and softest, the closing chime the longest", "[tones]") {
  const auto tick = synthesize_tone(Chime::tick);
  const auto done = synthesize_tone(Chime::session_done);
  CHECK(seconds(tick) < 0.1);
  for (const Chime tone : {Chime::hold_start, Chime::hold_end, Chime::switch_sides}) {
    const auto s = synthesize_tone(tone);
    CHECK(seconds(s) > seconds(tick));
    CHECK(peak(s) > peak(tick));
    CHECK(seconds(s) < seconds(done));
  }
  CHECK(seconds(done) > 1.0);
}

TEST_CASE("tones: a hold starts rising and ends falling", "[tones]") {
  constexpr double g5 = 783.99, d6 = 1174.66;
  const auto start = synthesize_tone(Chime::hold_start);
  CHECK(strength(start, g5, 0.0, 0.08) > 3 * strength(start, d6, 0.0, 0.08));
  CHECK(strength(start, d6, 0.17, 0.30) > 3 * strength(start, g5, 0.17, 0.30));
  const auto end = synthesize_tone(Chime::hold_end);
  CHECK(strength(end, d6, 0.0, 0.08) > 3 * strength(end, g5, 0.0, 0.08));
  CHECK(strength(end, g5, 0.17, 0.35) > 3 * strength(end, d6, 0.17, 0.35));
}

TEST_CASE("tones: switching sides is two notes, one after the other", "[tones]") {
  constexpr double e5 = 659.25, a5 = 880.0;
  const auto s = synthesize_tone(Chime::switch_sides);
  CHECK(strength(s, e5, 0.0, 0.2) > 3 * strength(s, a5, 0.0, 0.2));
  CHECK(strength(s, a5, 0.45, 0.7) > 3 * strength(s, e5, 0.45, 0.7));
}

TEST_CASE("tones: the closing chime climbs C E G C", "[tones]") {
  const double notes[] = {523.25, 659.25, 783.99, 1046.5};
  const auto s = synthesize_tone(Chime::session_done);
  for (int i = 0; i < 4; ++i) {
    INFO("note " << i);
    const double from = 0.16 * i + 0.01;
    const double to = from + 0.12;
    // The newest note is the loudest in its own slot (the older ones are ringing down).
    for (int j = 0; j < 4; ++j) {
      if (j != i) CHECK(strength(s, notes[i], from, to) > strength(s, notes[j], from, to));
    }
  }
}

TEST_CASE("tones: the same tone is the same samples at any time", "[tones]") {
  CHECK(synthesize_tone(Chime::switch_sides) == synthesize_tone(Chime::switch_sides));
  CHECK(synthesize_tone(Chime::tick, 44100).size() == 2 * synthesize_tone(Chime::tick, 22050).size());
}
