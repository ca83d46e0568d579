#include "app/audio/pulse_device.hpp"

#include <pulse/error.h>
#include <pulse/simple.h>

#include "app/shared_library.hpp"
#include "stretch/tones.hpp"

namespace stretch::app {
namespace {

// libpulse-simple (and libpulse, D-Bus, X11's libraries behind it) is opened when sounds are
// first played, not linked (see app/shared_library.hpp).
struct PulseSimple {
  decltype(&pa_simple_new) simple_new = nullptr;
  decltype(&pa_simple_write) write = nullptr;
  decltype(&pa_simple_drain) drain = nullptr;
  decltype(&pa_simple_get_latency) get_latency = nullptr;
  decltype(&pa_simple_free) free = nullptr;
  decltype(&pa_strerror) strerror = nullptr;
};

// The library's functions, loaded once; nullptr, with the reason, where it is not installed.
const PulseSimple* load_pulse(std::string& why_not) {
  return load_once<PulseSimple>(
      "libpulse-simple.so.0", "PulseAudio",
      [](SharedLibrary& l, PulseSimple& api) {
        // pa_strerror lives in libpulse, which libpulse-simple brings in: dlsym finds it there.
        return l.find("pa_simple_new", api.simple_new) && l.find("pa_simple_write", api.write) &&
               l.find("pa_simple_drain", api.drain) && l.find("pa_simple_get_latency", api.get_latency) &&
               l.find("pa_simple_free", api.free) && l.find("pa_strerror", api.strerror);
      },
      why_not);
}

// A short buffer: a tone is heard within about its length of being written, and a voice
// cut short stops as soon. 40 ms is well within what PulseAudio and PipeWire sustain.
constexpr std::uint32_t buffer_ms = 40;
constexpr std::uint32_t bytes_per_ms = audio_sample_rate * 2 / 1000;

class PulseDevice final : public AudioDevice {
 public:
  PulseDevice(const PulseSimple& pulse, pa_simple* stream, const SessionClock& clock)
      : pulse_(pulse), stream_(stream), clock_(clock) {}
  ~PulseDevice() override {
    if (stream_ != nullptr) pulse_.free(stream_);
  }
  PulseDevice(const PulseDevice&) = delete;
  PulseDevice& operator=(const PulseDevice&) = delete;

  Instant write(std::span<const std::int16_t> samples, bool& ok) override {
    int error = 0;
    // What is already queued plays before these: they are heard that much later.
    const pa_usec_t queued = pulse_.get_latency(stream_, &error);
    const Instant heard = clock_.now() + std::chrono::duration_cast<Instant::duration>(
                                             std::chrono::microseconds(queued) * clock_.scale());
    if (pulse_.write(stream_, samples.data(), samples.size_bytes(), &error) < 0) ok = false;
    return heard;
  }

  void finish(Instant) override {
    int error = 0;
    pulse_.drain(stream_, &error);  // the closing chime plays to its end
  }

 private:
  const PulseSimple& pulse_;
  pa_simple* stream_;
  const SessionClock& clock_;
};

}  // namespace

std::unique_ptr<AudioDevice> open_pulse_device(const SessionClock& clock, std::string& why_not) {
  const PulseSimple* pulse = load_pulse(why_not);
  if (pulse == nullptr) return nullptr;
  pa_sample_spec spec{};
  spec.format = PA_SAMPLE_S16LE;
  spec.rate = audio_sample_rate;
  spec.channels = 1;
  pa_buffer_attr attr{};
  attr.maxlength = static_cast<std::uint32_t>(-1);
  attr.tlength = buffer_ms * bytes_per_ms;
  // Start playing as soon as 10 ms are there: a short tone must not wait for a full buffer.
  attr.prebuf = 10 * bytes_per_ms;
  attr.minreq = static_cast<std::uint32_t>(-1);
  attr.fragsize = static_cast<std::uint32_t>(-1);
  int error = 0;
  pa_simple* stream = pulse->simple_new(nullptr, "stretch-timer", PA_STREAM_PLAYBACK, nullptr, "session cues", &spec,
                                        nullptr, &attr, &error);
  if (stream == nullptr) {
    why_not = std::string("PulseAudio: ") + pulse->strerror(error);
    return nullptr;
  }
  return std::make_unique<PulseDevice>(*pulse, stream, clock);
}

}  // namespace stretch::app
