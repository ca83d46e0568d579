#include "app/audio/espeak_voice.hpp"

#include <espeak-ng/speak_lib.h>

#include <atomic>

#include "app/shared_library.hpp"
#include "stretch/tones.hpp"

namespace stretch::app {
namespace {

// libespeak-ng is opened on the first voice, not linked (see app/shared_library.hpp).
struct Espeak {
  decltype(&espeak_Initialize) initialize = nullptr;
  decltype(&espeak_SetVoiceByName) set_voice_by_name = nullptr;
  decltype(&espeak_SetParameter) set_parameter = nullptr;
  decltype(&espeak_SetSynthCallback) set_synth_callback = nullptr;
  decltype(&espeak_Synth) synth = nullptr;
  decltype(&espeak_Terminate) terminate = nullptr;
};

// The library's functions, loaded once; nullptr, with the reason, where it is not installed.
const Espeak* load_espeak(std::string& why_not) {
  return load_once<Espeak>(
      "libespeak-ng.so.1", "espeak-ng",
      [](SharedLibrary& l, Espeak& api) {
        return l.find("espeak_Initialize", api.initialize) && l.find("espeak_SetVoiceByName", api.set_voice_by_name) &&
               l.find("espeak_SetParameter", api.set_parameter) &&
               l.find("espeak_SetSynthCallback", api.set_synth_callback) && l.find("espeak_Synth", api.synth) &&
               l.find("espeak_Terminate", api.terminate);
      },
      why_not);
}

// The loaded library while a voice is open.
const Espeak* g_espeak = nullptr;

// espeak-ng calls back a plain function; the one speak() in progress is reached from here.
const std::function<bool(std::span<const short>)>* g_take = nullptr;
std::atomic<bool> g_open = false;

extern "C" int take_samples(short* samples, int count, espeak_EVENT*) {
  if (samples == nullptr || count <= 0 || g_take == nullptr) return 0;
  return (*g_take)(std::span<const short>(samples, static_cast<std::size_t>(count))) ? 0 : 1;  // 1: stop
}

// espeak-ng hands samples over every this many milliseconds of speech: the first sample
// of an utterance is ready after this much of it is made, far less in real time.
constexpr int chunk_ms = 60;

}  // namespace

std::unique_ptr<EspeakVoice> EspeakVoice::open(const std::string& voice_name, int rate, std::string& why_not) {
  const Espeak* espeak = load_espeak(why_not);
  if (espeak == nullptr) return nullptr;
  if (g_open.exchange(true)) {
    why_not = "espeak-ng is already in use";
    return nullptr;
  }
  const int sample_rate = espeak->initialize(AUDIO_OUTPUT_SYNCHRONOUS, chunk_ms, nullptr, espeakINITIALIZE_DONT_EXIT);
  if (sample_rate != audio_sample_rate) {
    if (sample_rate > 0) espeak->terminate();
    g_open = false;
    why_not = sample_rate < 0 ? "espeak-ng cannot start (is espeak-ng-data installed?)"
                              : "espeak-ng speaks at an unexpected sample rate";
    return nullptr;
  }
  const std::string name = voice_name.empty() ? "en" : voice_name;
  if (espeak->set_voice_by_name(name.c_str()) != EE_OK) {
    espeak->terminate();
    g_open = false;
    why_not = "espeak-ng has no voice \"" + name + "\" (espeak-ng --voices lists them)";
    return nullptr;
  }
  espeak->set_parameter(espeakRATE, rate, 0);
  espeak->set_synth_callback(take_samples);
  g_espeak = espeak;
  return std::unique_ptr<EspeakVoice>(new EspeakVoice());
}

EspeakVoice::~EspeakVoice() {
  g_espeak->terminate();
  g_open = false;
}

void EspeakVoice::speak(const std::string& words, const std::function<bool(std::span<const short>)>& take) {
  g_take = &take;
  g_espeak->synth(words.c_str(), words.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
  g_take = nullptr;
}

}  // namespace stretch::app
