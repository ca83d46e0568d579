#include "app/audio/announcer_config.hpp"

namespace stretch::app {

AnnouncerConfig announcer_config(const Settings& settings, const Options& options,
                                 std::optional<SoundMode> routine_sound) {
  AnnouncerConfig config;
  config.sound = session_sound_mode(options.sound, settings.sound, routine_sound);
  config.voice = options.voice.value_or(settings.voice);
  config.voice_backend = settings.voice_backend;
  config.voice_name = settings.voice_name;
  config.voice_rate = settings.voice_rate;
  config.voice_command = settings.voice_command;
  config.on_cue = options.on_cue.value_or(settings.on_cue);
  config.audio_file = options.audio_file;
  return config;
}

}  // namespace stretch::app
