// A fixed timeline of cues handed to the Announcer at real speed, written to a WAV with
// the voice and the tones on: the audio side of a session without the session, so that
// tests/support/check_wav.py can check what was made and where.
//   announce_timeline OUT.wav
#include <iostream>
#include <thread>

#include "app/audio/announcer.hpp"

using namespace stretch;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: announce_timeline OUT.wav\n";
    return 2;
  }
  struct Step {
    double at_s;
    CueKind kind;
    const char* words;
  };
  // Each sound is followed by silence before the next, except the long sentence at 9 s,
  // which the short one at 10 s must cut short.
  const Step steps[] = {
      {0.0, CueKind::get_ready, "Get ready"},
      {1.5, CueKind::hold_start, "Hold"},
      {3.0, CueKind::countdown, "3"},
      {4.0, CueKind::countdown, "2"},
      {5.0, CueKind::countdown, "1"},
      {6.0, CueKind::hold_end, ""},
      {7.0, CueKind::switch_sides, ""},
      {9.0, CueKind::rest, "Breathe slowly and deeply, let your back sink into the floor and let your shoulders go"},
      {10.0, CueKind::paused, "Stop"},
      {12.0, CueKind::session_done, ""},
  };
  app::AnnouncerConfig config;
  config.sound = SoundMode::tones;
  config.voice = true;
  config.audio_file = argv[1];
  const app::SessionClock clock;
  try {
    app::Announcer announcer(config, clock);
    for (const std::string& notice : announcer.take_notices()) std::cerr << notice << "\n";
    const Instant start = clock.now();
    for (const Step& step : steps) {
      const Instant due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(step.at_s));
      std::this_thread::sleep_for(clock.real_wait_until(due));
      Cue cue;
      cue.kind = step.kind;
      cue.words = step.words;
      cue.at = std::chrono::duration_cast<std::chrono::milliseconds>(due - start);
      (void)announcer.cue(cue, due);
    }
    announcer.finish(start + std::chrono::seconds(14));
    for (const std::string& notice : announcer.take_notices()) std::cerr << notice << "\n";
  } catch (const std::exception& e) {
    std::cerr << "announce_timeline: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
