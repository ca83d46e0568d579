#pragma once
// Where the player's mixed sound goes: the sound card, through PulseAudio. The player thread
// alone writes to it. (The audio file is not a device: see wav_timeline.hpp.)

#include <cstdint>
#include <span>

#include "stretch/session.hpp"

namespace stretch::app {

class AudioDevice {
 public:
  virtual ~AudioDevice() = default;

  // Takes the next samples (mono, 16-bit, stretch::audio_sample_rate), after any silence
  // since the last write. Blocks while the device is far enough ahead of real time (a few
  // tens of milliseconds), as a sound card's buffer does. Returns the session instant the
  // first of them is heard; false in `ok` when the device has failed for good.
  virtual Instant write(std::span<const std::int16_t> samples, bool& ok) = 0;

  // From now on, write() takes everything at once: the session is over and what is left is
  // left to the device to play.
  virtual void stop_pacing() {}

  // The end: nothing more is written; what was is played to its end.
  virtual void finish(Instant end) = 0;
};

}  // namespace stretch::app
