#pragma once
// Speech made by the espeak-ng library, as samples: the program decides when they play and
// can write them to a file. espeak-ng is one per process; this is its only user.

#include <functional>
#include <memory>
#include <span>
#include <string>

namespace stretch::app {

class EspeakVoice {
 public:
  // nullptr with `why_not` set when espeak-ng cannot start (its data is not installed) or
  // does not know `voice_name` (empty: English). `rate` is in words a minute.
  [[nodiscard]] static std::unique_ptr<EspeakVoice> open(const std::string& voice_name, int rate, std::string& why_not);
  ~EspeakVoice();
  EspeakVoice(const EspeakVoice&) = delete;
  EspeakVoice& operator=(const EspeakVoice&) = delete;

  // Synthesises `words`, handing the samples (mono, 16-bit, stretch::audio_sample_rate) to
  // `take` as they come, a few tens of milliseconds of speech at a time; stops early when
  // `take` returns false. One call at a time.
  void speak(const std::string& words, const std::function<bool(std::span<const short>)>& take);

 private:
  EspeakVoice() = default;
};

}  // namespace stretch::app
