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
#include "app/audio/sound_sink.hpp"
#include "app/clock.hpp"

namespace stretch::app {

class Player final : public SoundSink {
 public:
  explicit Player(std::unique_ptr<AudioDevice> device);
  ~Player() override;  // stops at once; call finish() first to let the sound play out
  Player(const Player&) = delete;
  Player& operator=(const Player&) = delete;

  void play_tone(std::shared_ptr<const std::vector<std::int16_t>> samples, Instant due) override;
  std::uint64_t start_voice(Instant due) override;
  bool add_voice(std::uint64_t id, std::span<const short> samples) override;
  void stop_voice(Instant at) override;
  // Closes the device once what is queued has played, or `limit` has passed.
  void finish(Instant end, std::chrono::milliseconds limit) override;

  [[nodiscard]] bool failed() const;
  [[nodiscard]] AudioDelays delays() const override;

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
