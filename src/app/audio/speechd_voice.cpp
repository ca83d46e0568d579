#include <libspeechd.h>

#include <algorithm>
#include <cstdlib>

#include "app/audio/live_voice.hpp"
#include "stretch/settings.hpp"

namespace stretch::app {
namespace {

class SpeechDispatcherVoice final : public LiveVoice {
 public:
  explicit SpeechDispatcherVoice(SPDConnection* connection) : connection_(connection) {}
  ~SpeechDispatcherVoice() override {
    spd_cancel(connection_);
    spd_close(connection_);
  }
  SpeechDispatcherVoice(const SpeechDispatcherVoice&) = delete;
  SpeechDispatcherVoice& operator=(const SpeechDispatcherVoice&) = delete;

  std::string say(const std::string& words) override {
    spd_cancel(connection_);
    // SPD_MESSAGE: above notifications, below a screen reader's own urgent text.
    if (spd_say(connection_, SPD_MESSAGE, words.c_str()) < 0) return "speech-dispatcher did not take the words";
    return {};
  }
  void stop() override { spd_cancel(connection_); }

 private:
  SPDConnection* connection_;
};

}  // namespace

std::unique_ptr<LiveVoice> open_speech_dispatcher(const std::string& voice_name, int rate, std::string& why_not) {
  char* error = nullptr;
  SPDConnection* connection = spd_open2("stretch-timer", "cues", nullptr, SPD_MODE_THREADED, nullptr, 1, &error);
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
  spd_set_voice_rate(connection, std::clamp(relative, -100, 100));
  if (!voice_name.empty()) spd_set_language(connection, voice_name.substr(0, voice_name.find('+')).c_str());
  return std::make_unique<SpeechDispatcherVoice>(connection);
}

}  // namespace stretch::app
