#pragma once
// Where the announcer's tones and voice go: the player, which mixes them in real time for a
// sound card, or the audio file, which places each sound at the instant its cue was due.

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "app/clock.hpp"

namespace stretch::app {

// How late sounds were made ready after their cue was due, for the benchmark: to the sound
// card, when it is heard; to a file, when its first sample was handed over.
struct AudioDelays {
  std::vector<Clock::duration> tones;
  std::vector<Clock::duration> voice;  // to the first sample of each utterance
};

class SoundSink {
 public:
  virtual ~SoundSink() = default;

  virtual void play_tone(std::shared_ptr<const std::vector<std::int16_t>> samples, Instant due) = 0;

  // A new utterance for the cue due at `due`: whatever is left of the last one is dropped.
  // Returns its number, for add_voice.
  virtual std::uint64_t start_voice(Instant due) = 0;
  // Samples of utterance `id`; false when a newer one has replaced it (stop making them).
  virtual bool add_voice(std::uint64_t id, std::span<const short> samples) = 0;
  // Drops what is left of the voice from `at` on (the voice was turned off, or a cue with
  // nothing to say is due: words still going are stale). A sound card stops at once.
  virtual void stop_voice(Instant at) = 0;

  // Lets what is queued play out for at most `limit` of real time (a file: written at
  // once), then closes with `end` as the session's end. Idempotent.
  virtual void finish(Instant end, std::chrono::milliseconds limit) = 0;

  [[nodiscard]] virtual AudioDelays delays() const = 0;
};

}  // namespace stretch::app
