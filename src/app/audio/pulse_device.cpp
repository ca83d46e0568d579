#include "app/audio/pulse_device.hpp"

#include <pulse/error.h>
#include <pulse/simple.h>

#include "stretch/tones.hpp"

namespace stretch::app {
namespace {

// A short buffer: a tone is heard within about its length of being written, and a voice
// cut short stops as soon. 40 ms is well within what PulseAudio and PipeWire sustain.
constexpr std::uint32_t buffer_ms = 40;
constexpr std::uint32_t bytes_per_ms = audio_sample_rate * 2 / 1000;

class PulseDevice final : public AudioDevice {
 public:
  PulseDevice(pa_simple* stream, const SessionClock& clock) : stream_(stream), clock_(clock) {}
  ~PulseDevice() override {
    if (stream_ != nullptr) pa_simple_free(stream_);
  }
  PulseDevice(const PulseDevice&) = delete;
  PulseDevice& operator=(const PulseDevice&) = delete;

  Instant write(std::span<const std::int16_t> samples, bool& ok) override {
    int error = 0;
    // What is already queued plays before these: they are heard that much later.
    const pa_usec_t queued = pa_simple_get_latency(stream_, &error);
    const Instant heard = clock_.now() + std::chrono::duration_cast<Instant::duration>(
                                             std::chrono::microseconds(queued) * clock_.scale());
    if (pa_simple_write(stream_, samples.data(), samples.size_bytes(), &error) < 0) ok = false;
    return heard;
  }

  void finish(Instant) override {
    int error = 0;
    pa_simple_drain(stream_, &error);  // the closing chime plays to its end
  }

 private:
  pa_simple* stream_;
  const SessionClock& clock_;
};

}  // namespace

std::unique_ptr<AudioDevice> open_pulse_device(const SessionClock& clock, std::string& why_not) {
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
  pa_simple* stream = pa_simple_new(nullptr, "stretch-timer", PA_STREAM_PLAYBACK, nullptr, "session cues", &spec,
                                    nullptr, &attr, &error);
  if (stream == nullptr) {
    why_not = std::string("PulseAudio: ") + pa_strerror(error);
    return nullptr;
  }
  return std::make_unique<PulseDevice>(stream, clock);
}

}  // namespace stretch::app
