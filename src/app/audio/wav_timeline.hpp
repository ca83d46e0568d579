#pragma once
// --audio-file: a WAV file of the session's sound, each tone and utterance placed at the
// instant its cue was due on the session clock (sample 0 at the session's start), whenever
// the loop or the voice got to it. A file has no clock to keep up with: placing by the due
// instant keeps it true on a loaded machine, where a sound placed when a thread got round
// to it would drift by that thread's delays. A new utterance cuts the last one short at its
// own instant, as the player does on a sound card.

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "app/audio/sound_sink.hpp"

namespace stretch::app {

class AudioFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WavTimeline final : public SoundSink {
 public:
  // Creates (or empties) `path` and writes a header for no samples yet; AudioFileError
  // naming the file when it cannot. `clock` must outlive the file.
  WavTimeline(const std::filesystem::path& path, const SessionClock& clock);
  ~WavTimeline() override;
  WavTimeline(const WavTimeline&) = delete;
  WavTimeline& operator=(const WavTimeline&) = delete;

  // Sample 0 of the file; set before the first sound.
  void set_origin(Instant origin);

  void play_tone(std::shared_ptr<const std::vector<std::int16_t>> samples, Instant due) override;
  std::uint64_t start_voice(Instant due) override;
  bool add_voice(std::uint64_t id, std::span<const short> samples) override;
  void stop_voice(Instant at) override;
  // Writes what is left, silence up to `end` when that is later, and the header.
  void finish(Instant end, std::chrono::milliseconds limit) override;
  [[nodiscard]] AudioDelays delays() const override;

  // False once a write failed (a full disk): the file is incomplete.
  [[nodiscard]] bool ok() const;

 private:
  [[nodiscard]] std::uint64_t sample_at(Instant t) const;
  // Where a sound due at `t` goes: its own sample, or the first one not yet written.
  [[nodiscard]] std::uint64_t place(Instant t) const;
  void write_before(std::uint64_t sample);  // mixes and writes everything before `sample`
  void close(std::uint64_t end_sample);

  const SessionClock& clock_;
  mutable std::mutex mutex_;
  std::FILE* file_ = nullptr;
  Instant origin_{};
  std::uint64_t written_ = 0;        // samples in the file
  std::vector<std::int32_t> tones_;  // the tones from sample written_ on, added up
  std::vector<std::int16_t> voice_;  // the voice from sample written_ on
  std::uint64_t voice_id_ = 0;
  std::uint64_t voice_next_ = 0;  // where the current utterance's next sample goes
  bool voice_heard_ = true;       // its first sample has come
  Instant voice_due_{};
  AudioDelays delays_;
  bool failed_ = false;
};

}  // namespace stretch::app
