#include "app/audio/espeak_voice.hpp"

#include <espeak-ng/speak_lib.h>

#include <atomic>

#include "stretch/tones.hpp"

namespace stretch::app {
namespace {

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
  if (g_open.exchange(true)) {
    why_not = "espeak-ng is already in use";
    return nullptr;
  }
  const int sample_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, chunk_ms, nullptr, espeakINITIALIZE_DONT_EXIT);
  if (sample_rate != audio_sample_rate) {
    if (sample_rate > 0) espeak_Terminate();
    g_open = false;
    why_not = sample_rate < 0 ? "espeak-ng cannot start (is espeak-ng-data installed?)"
                              : "espeak-ng speaks at an unexpected sample rate";
    return nullptr;
  }
  const std::string name = voice_name.empty() ? "en" : voice_name;
  if (espeak_SetVoiceByName(name.c_str()) != EE_OK) {
    espeak_Terminate();
    g_open = false;
    why_not = "espeak-ng has no voice \"" + name + "\" (espeak-ng --voices lists them)";
    return nullptr;
  }
  espeak_SetParameter(espeakRATE, rate, 0);
  espeak_SetSynthCallback(take_samples);
  return std::unique_ptr<EspeakVoice>(new EspeakVoice());
}

EspeakVoice::~EspeakVoice() {
  espeak_Terminate();
  g_open = false;
}

void EspeakVoice::speak(const std::string& words, const std::function<bool(std::span<const short>)>& take) {
  g_take = &take;
  espeak_Synth(words.c_str(), words.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
  g_take = nullptr;
}

}  // namespace stretch::app
