#include "app/audio/announcer.hpp"

#include <algorithm>
#include <utility>

#include "app/audio/pulse_device.hpp"
#include "app/audio/wav_timeline.hpp"
#include "stretch/cue_environment.hpp"
#include "stretch/tones.hpp"

namespace stretch::app {
namespace {

// A cue handed over this late (the machine was suspended, the program stopped) is no longer
// worth a sound: a burst of stale tones would only confuse.
constexpr std::chrono::seconds stale_after{2};
// The hook is for lights and logs, not a backlog: past this many waiting, new ones are dropped.
constexpr std::size_t max_waiting_hooks = 64;
// At the end, the closing chime and the last words get this long to play out.
constexpr std::chrono::milliseconds live_play_out{3000};

bool uses_tones(SoundMode mode) { return mode == SoundMode::tones || mode == SoundMode::ticks; }

}  // namespace

Announcer::Announcer(AnnouncerConfig config, const SessionClock& clock)
    : config_(std::move(config)), clock_(clock), sound_(config_.sound), voice_(config_.voice) {
  if (!config_.audio_file.empty()) {
    auto file = std::make_unique<WavTimeline>(config_.audio_file, clock_);  // throws AudioFileError
    file_ = file.get();
    player_ = std::move(file);
    make_tones();
    device_tried_ = true;
  } else if (needs_device()) {
    open_device();
  }
  if (voice_) open_voice(true);
  if (voice_ || !config_.on_cue.empty()) start_worker();
}

Announcer::~Announcer() {
  finish(clock_.now());
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

// The tones are made once there is something to play them on: with the sound off, the bell
// alone or no device, start-up does not pay for them.
void Announcer::make_tones() {
  for (const Chime tone : {Chime::hold_start, Chime::hold_end, Chime::tick, Chime::switch_sides, Chime::session_done}) {
    tones_[tone] = std::make_shared<const std::vector<std::int16_t>>(synthesize_tone(tone));
  }
}

bool Announcer::needs_device() const {
  // Silence asked for is kept from the sound server too: `m` or `v` opens it if wanted.
  const bool espeak_live = voice_ && config_.voice_command.empty() && config_.voice_backend == VoiceBackend::espeak_ng;
  return uses_tones(config_.sound) || espeak_live;
}

void Announcer::open_device() {
  if (device_tried_) return;
  device_tried_ = true;
  std::unique_ptr<AudioDevice> device = open_pulse_device(clock_, device_problem_);
  if (device) {
    player_ = std::make_unique<Player>(std::move(device));
    make_tones();
  }
  if (!player_ && sound_ != SoundMode::off && sound_ != SoundMode::bell) {
    // What it means first, the technical reason last: the session screen shows what fits.
    notice("No sound device: the terminal bell rings in place of the tones (" + device_problem_ + ").");
  }
}

void Announcer::open_voice(bool here) {
  if (voice_tried_) return;
  voice_tried_ = true;
  const bool live = config_.audio_file.empty() &&
                    (!config_.voice_command.empty() || config_.voice_backend == VoiceBackend::speech_dispatcher);
  if (live) {
    voice_ready_ = true;  // reached from the worker, which says so if it cannot
    return;
  }
  open_device();
  if (!player_) {
    notice("The voice is silent: no sound device (" + device_problem_ + ").");
    return;
  }
  uses_espeak_ = true;
  voice_ready_ = true;
  if (here) {
    open_espeak();
    return;
  }
  // Loading espeak-ng's library and voice takes tens of milliseconds (more when its data
  // is not in the page cache yet): the loop would miss its tick. The worker starts it, and
  // the first words wait for it there.
  {
    const std::lock_guard lock(mutex_);
    start_espeak_ = true;
  }
  wake_.notify_one();
}

void Announcer::open_espeak() {
  if (espeak_tried_) return;
  espeak_tried_ = true;
  std::string why_not;
  espeak_ = EspeakVoice::open(config_.voice_name, config_.voice_rate, why_not);
  if (!espeak_) {
    voice_failed_ = true;
    notice("The voice is silent: " + why_not + ".");
  }
}

void Announcer::notice(std::string text) {
  const std::lock_guard lock(mutex_);
  if (std::find(said_.begin(), said_.end(), text) != said_.end()) return;
  said_.push_back(text);
  notices_.push_back(std::move(text));
}

std::vector<std::string> Announcer::take_notices() {
  const std::lock_guard lock(mutex_);
  return std::exchange(notices_, {});
}

void Announcer::set_sound(SoundMode mode) {
  sound_ = mode;
  if (uses_tones(mode) && !finished_) open_device();  // tells once if there is none
}

void Announcer::set_voice(bool on) {
  if (finished_) return;
  voice_ = on;
  if (on) {
    open_voice(false);
    start_worker();
    return;
  }
  if (player_) player_->stop_voice(clock_.now());
  {
    const std::lock_guard lock(mutex_);
    speech_.reset();
    hush_ = true;
  }
  wake_.notify_one();
}

bool Announcer::cue(const Cue& cue, Instant due) {
  if (finished_) return cue_sound(cue, sound_, false, false).bell;
  if (!origin_set_) {
    origin_set_ = true;
    // Before any pause, session time and the clock agree: this is the session's start.
    if (file_ != nullptr) file_->set_origin(due - cue.at);
  }
  const bool voice_on = voice_ && voice_ready_ && !voice_failed_;
  const CueSound sound = cue_sound(cue, sound_, voice_on, player_ != nullptr);
  const bool stale = clock_.now() - due > stale_after;
  if (!stale && sound.tone != Chime::none) player_->play_tone(tones_.at(sound.tone), due);
  bool wake = false;
  if (!stale && sound.speak) {
    Speech speech{cue.words, uses_espeak_, 0};
    if (uses_espeak_)
      speech.id = player_->start_voice(due);  // what was being said stops now, not when the worker gets here
    const std::lock_guard lock(mutex_);
    speech_ = std::move(speech);
    hush_ = false;
    wake = true;
  } else if (voice_on) {
    // A cue with nothing to say (a tick, the end of a hold) still ends what was being said:
    // those words belong to a moment that has passed, and would blur the tone.
    if (uses_espeak_) player_->stop_voice(due);
    const std::lock_guard lock(mutex_);
    speech_.reset();
    hush_ = true;
    wake = true;
  }
  if (!config_.on_cue.empty()) {
    const std::lock_guard lock(mutex_);
    if (hooks_.size() < max_waiting_hooks) hooks_.push_back(cue);
    wake = true;
  }
  if (wake) wake_.notify_one();
  return sound.bell;
}

void Announcer::start_worker() {
  if (worker_.joinable()) return;
  worker_ = start_quiet_thread([this] { work(); });
}

void Announcer::work() {
  bool live_tried = false;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || speech_ || hush_ || start_espeak_ || !hooks_.empty(); });
    const bool stop_after = stopping_;
    std::deque<Cue> hooks = std::exchange(hooks_, {});
    std::optional<Speech> speech = std::exchange(speech_, std::nullopt);
    const bool hush = std::exchange(hush_, false);
    const bool start_espeak = std::exchange(start_espeak_, false);
    lock.unlock();

    if (start_espeak || (speech && speech->espeak)) open_espeak();

    for (const Cue& cue : hooks) {
      std::string error;
      if (children_.start(config_.on_cue, cue_environment(cue), "", error) < 0) {
        notice("The on-cue command did not run: " + error + ".");
      }
    }
    if (hush && live_voice_) live_voice_->stop();
    if (speech && speech->espeak) {
      if (espeak_) {
        espeak_->speak(speech->words, [this, id = speech->id](std::span<const short> samples) {
          return player_->add_voice(id, samples);
        });
      }
    } else if (speech) {
      if (!live_tried) {
        live_tried = true;
        std::string why_not;
        live_voice_ = config_.voice_command.empty()
                          ? open_speech_dispatcher(config_.voice_name, config_.voice_rate, why_not)
                          : command_voice(config_.voice_command, children_);
        if (!live_voice_) notice("The voice is silent: " + why_not + ".");
      }
      if (live_voice_) {
        if (const std::string error = live_voice_->say(speech->words); !error.empty()) {
          notice("The voice command did not run: " + error + ".");
        }
      }
    }
    children_.reap();
    lock.lock();
    if (stop_after && !speech_ && hooks_.empty()) break;
  }
  lock.unlock();
  live_voice_.reset();
}

void Announcer::finish(Instant end) {
  if (finished_) return;
  finished_ = true;
  // The last words are made before the player is told to play out what it has.
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (player_) player_->finish(end, live_play_out);  // a file is written out at once
}

AudioDelays Announcer::delays() const { return player_ ? player_->delays() : AudioDelays{}; }

}  // namespace stretch::app
