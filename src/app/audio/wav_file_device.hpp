#pragma once
// --audio-file: a WAV file in place of the sound card. Sample n of the file is session
// instant origin + n / rate: what would have been heard, where it would have been heard.

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "app/audio/audio_device.hpp"
#include "app/clock.hpp"

namespace stretch::app {

class AudioFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WavFileDevice final : public AudioDevice {
 public:
  // Creates (or empties) `path` and writes a header for no samples yet; AudioFileError
  // naming the file when it cannot. `clock` must outlive the device.
  WavFileDevice(const std::filesystem::path& path, const SessionClock& clock);
  ~WavFileDevice() override;
  WavFileDevice(const WavFileDevice&) = delete;
  WavFileDevice& operator=(const WavFileDevice&) = delete;

  // Sample 0 of the file; set before the first write.
  void set_origin(Instant origin) { origin_ = origin; }

  Instant write(std::span<const std::int16_t> samples, bool& ok) override;
  void stop_pacing() override { paced_ = false; }
  void finish(Instant end) override;

  [[nodiscard]] std::uint64_t samples_written() const { return written_; }
  // False once a write failed (a full disk): the file is incomplete.
  [[nodiscard]] bool ok() const { return !failed_; }

 private:
  [[nodiscard]] std::uint64_t sample_at(Instant t) const;
  [[nodiscard]] Instant instant_of(std::uint64_t sample) const;
  bool append_silence(std::uint64_t count);
  bool append(std::span<const std::int16_t> samples);

  std::FILE* file_ = nullptr;
  const SessionClock& clock_;
  Instant origin_{};
  std::uint64_t written_ = 0;
  std::atomic<bool> paced_ = true;  // turned off from the loop's thread
  bool failed_ = false;
};

}  // namespace stretch::app
