#pragma once
// The device thread: mixes the tones and the voice and feeds the device at its pace, so
// that the session's loop only ever hands sounds over. A tone starts with the next slice
// (10 ms); the voice is one stream that a newer utterance replaces at once: a cue still
// being spoken when the next is due is cut short, never queued behind.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "app/audio/audio_device.hpp"
#include "app/clock.hpp"

namespace stretch::app {

// How late sounds were heard after their cue was due, for the benchmark.
struct AudioDelays {
  std::vector<Clock::duration> tones;
  std::vector<Clock::duration> voice;  // to the first sample of each utterance
};

class Player {
 public:
  explicit Player(std::unique_ptr<AudioDevice> device);
  ~Player();  // stops at once; call finish() first to let the sound play out
  Player(const Player&) = delete;
  Player& operator=(const Player&) = delete;

  void play_tone(std::shared_ptr<const std::vector<std::int16_t>> samples, Instant due);

  // A new utterance for the cue due at `due`: whatever is left of the last one is dropped.
  // Returns its number, for add_voice.
  std::uint64_t start_voice(Instant due);
  // Samples of utterance `id`; false when a newer one has replaced it (stop making them).
  bool add_voice(std::uint64_t id, std::span<const short> samples);
  // Drops what is left of the voice (the voice was turned off).
  void stop_voice();

  // Lets what is queued play out for at most `limit` of real time (a file: written at
  // once), then closes the device with `end` as the session's end. Idempotent.
  void finish(Instant end, std::chrono::milliseconds limit);

  [[nodiscard]] bool failed() const;
  [[nodiscard]] AudioDelays delays() const;

 private:
  struct ToneClip {
    std::shared_ptr<const std::vector<std::int16_t>> samples;
    std::size_t next = 0;
    Instant due;
  };

  void run();
  [[nodiscard]] bool has_sound() const { return !tones_.empty() || !voice_.empty(); }

  std::unique_ptr<AudioDevice> device_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<ToneClip> tones_;
  std::deque<std::int16_t> voice_;
  std::uint64_t voice_id_ = 0;
  bool voice_heard_ = true;  // the current utterance's first sample has gone to the device
  Instant voice_due_{};
  bool finishing_ = false;
  std::chrono::steady_clock::time_point give_up_at_{};
  bool stopping_ = false;
  bool finished_ = false;
  bool failed_ = false;
  AudioDelays delays_;
  std::thread thread_;
};

// Starts a thread with every signal blocked in it, so that signals reach the loop's thread.
[[nodiscard]] std::thread start_quiet_thread(std::function<void()> body);

}  // namespace stretch::app
