#include "app/audio/player.hpp"

#include <signal.h>

#include <algorithm>
#include <array>

#include "stretch/tones.hpp"

namespace stretch::app {
namespace {

constexpr std::size_t slice_samples = audio_sample_rate / 100;  // 10 ms

std::int16_t add_clipped(std::int32_t a, std::int32_t b) {
  return static_cast<std::int16_t>(std::clamp(a + b, std::int32_t{-32768}, std::int32_t{32767}));
}

}  // namespace

std::thread start_quiet_thread(std::function<void()> body) {
  sigset_t all;
  sigset_t previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);  // the new thread inherits this mask
  std::thread thread(std::move(body));
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return thread;
}

Player::Player(std::unique_ptr<AudioDevice> device) : device_(std::move(device)) {
  thread_ = start_quiet_thread([this] { run(); });
}

Player::~Player() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Player::play_tone(std::shared_ptr<const std::vector<std::int16_t>> samples, Instant due) {
  if (!samples || samples->empty()) return;
  {
    const std::lock_guard lock(mutex_);
    tones_.push_back(ToneClip{std::move(samples), 0, due});
  }
  wake_.notify_one();
}

std::uint64_t Player::start_voice(Instant due) {
  const std::lock_guard lock(mutex_);
  voice_.clear();
  voice_due_ = due;
  voice_heard_ = false;
  return ++voice_id_;
}

bool Player::add_voice(std::uint64_t id, std::span<const short> samples) {
  {
    const std::lock_guard lock(mutex_);
    if (id != voice_id_ || stopping_) return false;
    voice_.insert(voice_.end(), samples.begin(), samples.end());
  }
  wake_.notify_one();
  return true;
}

void Player::stop_voice(Instant /*at*/) {
  const std::lock_guard lock(mutex_);
  voice_.clear();
  voice_heard_ = true;
  ++voice_id_;
}

void Player::run() {
  std::array<std::int16_t, slice_samples> slice{};
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || finishing_ || has_sound(); });
    if (stopping_ || (finishing_ && (!has_sound() || std::chrono::steady_clock::now() > give_up_at_))) break;

    // Mix one slice: every tone from where it got to, and the voice.
    slice.fill(0);
    std::size_t length = 0;
    std::vector<Instant> tones_begun;
    for (ToneClip& tone : tones_) {
      if (tone.next == 0) tones_begun.push_back(tone.due);
      const std::size_t n = std::min(slice_samples, tone.samples->size() - tone.next);
      for (std::size_t i = 0; i < n; ++i) slice[i] = add_clipped(slice[i], (*tone.samples)[tone.next + i]);
      tone.next += n;
      length = std::max(length, n);
    }
    std::erase_if(tones_, [](const ToneClip& t) { return t.next >= t.samples->size(); });
    std::optional<Instant> voice_begun;
    const std::size_t voiced = std::min(slice_samples, voice_.size());
    for (std::size_t i = 0; i < voiced; ++i) slice[i] = add_clipped(slice[i], voice_[i]);
    voice_.erase(voice_.begin(), voice_.begin() + static_cast<std::ptrdiff_t>(voiced));
    if (voiced > 0 && !voice_heard_) {
      voice_begun = voice_due_;
      voice_heard_ = true;
    }
    length = std::max(length, voiced);

    // The device may block for its pace: never while holding the lock the loop needs.
    lock.unlock();
    bool ok = true;
    const Instant heard = device_->write(std::span(slice.data(), length), ok);
    lock.lock();
    if (!ok) failed_ = true;
    for (const Instant due : tones_begun) delays_.tones.push_back(heard - due);
    if (voice_begun) delays_.voice.push_back(heard - *voice_begun);
  }
}

void Player::finish(Instant end, std::chrono::milliseconds limit) {
  {
    const std::lock_guard lock(mutex_);
    if (finished_) return;
    finished_ = true;
    finishing_ = true;
    give_up_at_ = std::chrono::steady_clock::now() + limit;
  }
  device_->stop_pacing();
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  device_->finish(end);
}

bool Player::failed() const {
  const std::lock_guard lock(mutex_);
  return failed_;
}

AudioDelays Player::delays() const {
  const std::lock_guard lock(mutex_);
  return delays_;
}

}  // namespace stretch::app
