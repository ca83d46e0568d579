#include "app/audio/wav_file_device.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <thread>
#include <vector>

#include "stretch/text.hpp"
#include "stretch/tones.hpp"
#include "stretch/wav.hpp"

namespace stretch::app {
namespace {

// How far a sound card's buffer runs ahead of what is heard: a sound that comes while
// another plays joins it this much later, here as on a real device.
constexpr std::chrono::milliseconds device_lead{30};

}  // namespace

WavFileDevice::WavFileDevice(const std::filesystem::path& path, const SessionClock& clock)
    : clock_(clock), origin_(clock.now()) {
  file_ = std::fopen(path.c_str(), "wb");
  const auto header = wav_header(audio_sample_rate, 0);
  if (file_ == nullptr || std::fwrite(header.data(), 1, header.size(), file_) != header.size()) {
    const std::string why = std::strerror(errno);
    if (file_ != nullptr) std::fclose(file_);
    file_ = nullptr;
    throw AudioFileError(sanitize_for_terminal(path.string()) + ": cannot write the audio file: " + why);
  }
}

WavFileDevice::~WavFileDevice() {
  if (file_ != nullptr) finish(instant_of(written_));
}

std::uint64_t WavFileDevice::sample_at(Instant t) const {
  if (t <= origin_) return 0;
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t - origin_).count();
  return static_cast<std::uint64_t>(ns) * audio_sample_rate / 1'000'000'000ULL;
}

Instant WavFileDevice::instant_of(std::uint64_t sample) const {
  return origin_ + std::chrono::duration_cast<Instant::duration>(std::chrono::nanoseconds(
                       static_cast<std::int64_t>(sample * 1'000'000'000ULL / audio_sample_rate)));
}

bool WavFileDevice::append_silence(std::uint64_t count) {
  static const std::array<std::int16_t, 4096> zeros{};
  while (count > 0) {
    const std::size_t n = count < zeros.size() ? static_cast<std::size_t>(count) : zeros.size();
    if (!append(std::span(zeros.data(), n))) return false;
    count -= n;
  }
  return true;
}

bool WavFileDevice::append(std::span<const std::int16_t> samples) {
  if (file_ == nullptr || failed_) return false;
  // WAV is little-endian, like every machine this runs on; spelled out so it stays true.
  std::vector<unsigned char> bytes(samples.size() * 2);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto v = static_cast<std::uint16_t>(samples[i]);
    bytes[2 * i] = static_cast<unsigned char>(v & 0xFF);
    bytes[2 * i + 1] = static_cast<unsigned char>(v >> 8);
  }
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    failed_ = true;
    return false;
  }
  written_ += samples.size();
  return true;
}

Instant WavFileDevice::write(std::span<const std::int16_t> samples, bool& ok) {
  // After a silence, the sound starts now; while one plays, it follows on.
  const std::uint64_t now_sample = sample_at(clock_.now());
  if (paced_ && now_sample > written_) ok = append_silence(now_sample - written_) && ok;
  const Instant heard = instant_of(written_);
  ok = append(samples) && ok;
  if (paced_) {
    const Instant ahead_until = instant_of(written_) - device_lead;
    std::this_thread::sleep_for(clock_.real_wait_until(ahead_until));
  }
  return heard;
}

void WavFileDevice::finish(Instant end) {
  if (file_ == nullptr) return;
  const std::uint64_t end_sample = sample_at(end);
  if (end_sample > written_) append_silence(end_sample - written_);
  const auto header = wav_header(audio_sample_rate, written_);
  std::fflush(file_);
  if (std::fseek(file_, 0, SEEK_SET) != 0 || std::fwrite(header.data(), 1, header.size(), file_) != header.size()) {
    failed_ = true;
  }
  if (std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
}

}  // namespace stretch::app
