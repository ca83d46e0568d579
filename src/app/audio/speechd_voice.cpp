#include <libspeechd.h>

#include <algorithm>
#include <cstdlib>

#include "app/audio/live_voice.hpp"
#include "app/shared_library.hpp"
#include "stretch/settings.hpp"

namespace stretch::app {
namespace {

// libspeechd (and GLib behind it) is opened when this voice is chosen, not linked (see
// app/shared_library.hpp).
struct SpeechDispatcher {
  decltype(&spd_open2) open2 = nullptr;
  decltype(&spd_say) say = nullptr;
  decltype(&spd_cancel) cancel = nullptr;
  decltype(&spd_close) close = nullptr;
  decltype(&spd_set_voice_rate) set_voice_rate = nullptr;
  decltype(&spd_set_language) set_language = nullptr;
};

// The library's functions, loaded once; nullptr, with the reason, where it is not installed.
const SpeechDispatcher* load_speechd(std::string& why_not) {
  return load_once<SpeechDispatcher>(
      "libspeechd.so.2", "speech-dispatcher",
      [](SharedLibrary& l, SpeechDispatcher& api) {
        return l.find("spd_open2", api.open2) && l.find("spd_say", api.say) && l.find("spd_cancel", api.cancel) &&
               l.find("spd_close", api.close) && l.find("spd_set_voice_rate", api.set_voice_rate) &&
               l.find("spd_set_language", api.set_language);
      },
      why_not);
}

class SpeechDispatcherVoice final : public LiveVoice {
 public:
  SpeechDispatcherVoice(const SpeechDispatcher& spd, SPDConnection* connection) : spd_(spd), connection_(connection) {}
  // Not cancelled: the last words (the session's "done") are still said once the program
  // has gone, as with espeak-ng, whose last words play out.
  ~SpeechDispatcherVoice() override { spd_.close(connection_); }
  SpeechDispatcherVoice(const SpeechDispatcherVoice&) = delete;
  SpeechDispatcherVoice& operator=(const SpeechDispatcherVoice&) = delete;

  std::string say(const std::string& words) override {
    spd_.cancel(connection_);
    // SPD_MESSAGE: above notifications, below a screen reader's own urgent text.
    if (spd_.say(connection_, SPD_MESSAGE, words.c_str()) < 0) return "speech-dispatcher did not take the words";
    return {};
  }
  void stop() override { spd_.cancel(connection_); }

 private:
  const SpeechDispatcher& spd_;
  SPDConnection* connection_;
};

}  // namespace

std::unique_ptr<LiveVoice> open_speech_dispatcher(const std::string& voice_name, int rate, std::string& why_not) {
  const SpeechDispatcher* spd = load_speechd(why_not);
  if (spd == nullptr) return nullptr;
  char* error = nullptr;
  SPDConnection* connection = spd->open2("stretch-timer", "cues", nullptr, SPD_MODE_THREADED, nullptr, 1, &error);
  if (connection == nullptr) {
    why_not = std::string("speech-dispatcher: ") + (error != nullptr ? error : "cannot connect");
    std::free(error);
    return nullptr;
  }
  std::free(error);
  // speech-dispatcher's rate is -100..100 around its own normal speed, which is about
  // espeak-ng's default of 175 words a minute; 80..450 maps onto it.
  const int relative = rate >= default_voice_rate ? (rate - default_voice_rate) * 100 / (450 - default_voice_rate)
                                                  : (rate - default_voice_rate) * 100 / (default_voice_rate - 80);
  spd->set_voice_rate(connection, std::clamp(relative, -100, 100));
  if (!voice_name.empty()) spd->set_language(connection, voice_name.substr(0, voice_name.find('+')).c_str());
  return std::make_unique<SpeechDispatcherVoice>(*spd, connection);
}

}  // namespace stretch::app
