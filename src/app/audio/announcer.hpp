#pragma once
// Everything that turns cues into sound: the tones, the voice, the terminal bell's place
// and the on-cue hook. The session's loop hands each cue over as it falls due and goes on:
// the sound is made and played on threads beside it, and nothing here ever waits for a
// sound, a voice or a child process.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/audio/child_processes.hpp"
#include "app/audio/espeak_voice.hpp"
#include "app/audio/live_voice.hpp"
#include "app/audio/player.hpp"
#include "app/clock.hpp"
#include "stretch/cue.hpp"
#include "stretch/cue_sound.hpp"
#include "stretch/settings.hpp"

namespace stretch::app {

class WavTimeline;

struct AnnouncerConfig {
  SoundMode sound = SoundMode::tones;  // to begin with; the loop then follows the flow (`m`)
  bool voice = false;
  VoiceBackend voice_backend = VoiceBackend::espeak_ng;
  std::string voice_name;
  int voice_rate = default_voice_rate;
  std::string voice_command;  // set: it speaks, whatever the backend
  std::string on_cue;         // set: run for every cue
  // Set: everything is written here instead of played, each sound at the instant its cue
  // was due (always with espeak-ng, the one voice whose samples the program gets).
  std::filesystem::path audio_file;
};

class Announcer {
 public:
  // Opens what the settings need: the file (AudioFileError naming it when it cannot be
  // written), the sound device, the voice. Whatever is missing is told once by notices();
  // the session goes on without it (with the bell in place of the tones).
  Announcer(AnnouncerConfig config, const SessionClock& clock);
  ~Announcer();
  Announcer(const Announcer&) = delete;
  Announcer& operator=(const Announcer&) = delete;

  // Hands over a cue as it falls due (`due`: its instant on the session clock); never
  // waits. True: the caller rings the terminal bell with it (sound mode bell, or tones with
  // no device). The first cue's instant less its session time is sample 0 of an audio file.
  [[nodiscard]] bool cue(const Cue& cue, Instant due);

  [[nodiscard]] SoundMode sound() const { return sound_; }
  void set_sound(SoundMode mode);
  [[nodiscard]] bool voice() const { return voice_; }
  // The `v` key. Turning it off silences what is being said.
  void set_voice(bool on);

  // What is missing ("no sound device: ...") since the last call, each said once.
  [[nodiscard]] std::vector<std::string> take_notices();

  // The program is done with sound, at `end`: what is still sounding plays out (a few
  // seconds at most; to a file, at once) and an audio file is completed to `end`. Later
  // cues only ring the bell. Idempotent; the destructor does it with the clock's now.
  void finish(Instant end);

  // How late each tone and utterance was heard (to a file: handed over) after its cue was
  // due (after finish()).
  [[nodiscard]] AudioDelays delays() const;

 private:
  struct Speech {
    std::string words;
    bool espeak = false;   // false: the live voice says it
    std::uint64_t id = 0;  // the player's utterance, for espeak-ng
  };

  [[nodiscard]] bool needs_device() const;
  void open_device();
  void make_tones();
  // `here`: espeak-ng starts on this thread (before the session); otherwise the worker starts
  // it, so that the `v` key never holds up the loop.
  void open_voice(bool here);
  void open_espeak();
  void notice(std::string text);
  void start_worker();
  void work();

  AnnouncerConfig config_;
  const SessionClock& clock_;
  SoundMode sound_;
  bool voice_;
  std::map<Chime, std::shared_ptr<const std::vector<std::int16_t>>> tones_;

  std::unique_ptr<SoundSink> player_;  // the sound card's player, or the audio file
  WavTimeline* file_ = nullptr;        // the audio file, owned by player_
  bool device_tried_ = false;
  bool voice_tried_ = false;
  bool voice_ready_ = false;  // what the voice needs is there (or is being tried on the worker)
  bool uses_espeak_ = false;  // the voice is espeak-ng's samples through player_
  // The worker found that espeak-ng cannot start: the cues are no longer given to the voice.
  std::atomic<bool> voice_failed_ = false;
  bool origin_set_ = false;
  bool finished_ = false;
  std::string device_problem_;

  // The worker thread: makes speech and starts the hook's and the voice command's children.
  std::unique_ptr<EspeakVoice> espeak_;  // opened before the worker starts, or by the worker
  bool espeak_tried_ = false;
  std::unique_ptr<LiveVoice> live_voice_;  // made and used on the worker only
  ChildProcesses children_;                // worker only
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<Speech> speech_;
  bool hush_ = false;          // the live voice should fall silent
  bool start_espeak_ = false;  // the worker should start espeak-ng
  std::deque<Cue> hooks_;
  bool stopping_ = false;
  std::vector<std::string> notices_;
  std::vector<std::string> said_;  // every notice ever given, so each is given once
  std::thread worker_;
};

}  // namespace stretch::app
