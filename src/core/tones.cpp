#include "stretch/tones.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace stretch {
namespace {

struct Note {
  double hz;
  double start_s;   // from the tone's start
  double length_s;  // until silent
  double level;     // peak, as a fraction of full scale
};

// A struck note: a quick rise (a sudden start clicks), an exponential ring-down, and a
// final fade so the last sample is silent too. A touch of the octave makes it less bare.
void add_note(std::vector<double>& out, const Note& note, int rate) {
  const auto first = static_cast<std::size_t>(note.start_s * rate);
  const auto count = static_cast<std::size_t>(note.length_s * rate);
  const double attack = 0.006 * rate;
  const double fade = 0.012 * rate;
  const double ring = note.length_s * rate / 4.0;  // time constant of the ring-down
  if (out.size() < first + count) out.resize(first + count, 0.0);
  for (std::size_t i = 0; i < count; ++i) {
    const double t = static_cast<double>(i);
    double envelope = std::exp(-t / ring);
    if (t < attack) envelope *= t / attack;
    const double left = static_cast<double>(count - i);
    if (left < fade) envelope *= left / fade;
    const double phase = 2.0 * std::numbers::pi * note.hz * t / rate;
    out[first + i] += note.level * envelope * (0.85 * std::sin(phase) + 0.15 * std::sin(2.0 * phase));
  }
}

std::vector<Note> notes_of(Chime tone) {
  constexpr double c5 = 523.25, e5 = 659.25, g5 = 783.99, a5 = 880.0, c6 = 1046.5, d6 = 1174.66, e6 = 1318.51;
  switch (tone) {
    case Chime::none: return {};
    case Chime::hold_start: return {{g5, 0.0, 0.16, 0.35}, {d6, 0.09, 0.22, 0.35}};
    case Chime::hold_end: return {{d6, 0.0, 0.16, 0.35}, {g5, 0.09, 0.28, 0.35}};
    case Chime::tick: return {{e6, 0.0, 0.06, 0.15}};
    case Chime::switch_sides: return {{e5, 0.0, 0.40, 0.32}, {a5, 0.22, 0.55, 0.32}};
    case Chime::session_done:
      return {{c5, 0.0, 0.5, 0.25}, {e5, 0.16, 0.5, 0.25}, {g5, 0.32, 0.5, 0.25}, {c6, 0.48, 1.1, 0.28}};
  }
  return {};
}

}  // namespace

std::vector<std::int16_t> synthesize_tone(Chime tone, int sample_rate) {
  std::vector<double> mixed;
  for (const Note& note : notes_of(tone)) add_note(mixed, note, sample_rate);
  std::vector<std::int16_t> samples(mixed.size());
  std::transform(mixed.begin(), mixed.end(), samples.begin(),
                 [](double v) { return static_cast<std::int16_t>(std::lround(std::clamp(v, -1.0, 1.0) * 32767.0)); });
  return samples;
}

}  // namespace stretch
