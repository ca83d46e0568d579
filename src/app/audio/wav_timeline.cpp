#include "app/audio/wav_timeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "app/private_file.hpp"
#include "stretch/text.hpp"
#include "stretch/tones.hpp"
#include "stretch/wav.hpp"

namespace stretch::app {
namespace {

// What lies this far behind the session clock is written out: no sound comes for it any
// more (the announcer drops cues later than 2 s), and memory stays small.
constexpr std::chrono::seconds settled{3};

// The audio file is opened as the program's own files are (private_file.hpp): no link
// followed, no FIFO waited on, only a regular file, which also lets the header's sizes be
// written at the end. nullptr and the reason in `why` otherwise.
std::FILE* open_audio_file(const std::filesystem::path& path, std::string& why) {
  const int fd = open_private_output(path, why);
  if (fd < 0) return nullptr;
  std::FILE* file = ::fdopen(fd, "wb");
  if (file == nullptr) {
    why = std::strerror(errno);
    ::close(fd);
  }
  return file;
}

}  // namespace

WavTimeline::WavTimeline(const std::filesystem::path& path, const SessionClock& clock)
    : clock_(clock), origin_(clock.now()) {
  std::string why;
  file_ = open_audio_file(path, why);
  const auto header = wav_header(audio_sample_rate, 0);
  if (file_ == nullptr || std::fwrite(header.data(), 1, header.size(), file_) != header.size()) {
    if (file_ != nullptr) {  // the header could not be written
      why = std::strerror(errno);
      (void)std::fclose(file_);  // nothing of the file is kept: the header was not written
      file_ = nullptr;
    }
    throw AudioFileError(sanitize_for_terminal(path.string()) + ": cannot write the audio file: " + why);
  }
}

WavTimeline::~WavTimeline() {
  const std::lock_guard lock(mutex_);
  close(written_);
}

void WavTimeline::set_origin(Instant origin) {
  const std::lock_guard lock(mutex_);
  origin_ = origin;
}

std::uint64_t WavTimeline::sample_at(Instant t) const {
  if (t <= origin_) return 0;
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t - origin_).count();
  return static_cast<std::uint64_t>(ns) * audio_sample_rate / 1'000'000'000ULL;
}

std::uint64_t WavTimeline::place(Instant t) const { return std::max(sample_at(t), written_); }

void WavTimeline::play_tone(std::shared_ptr<const std::vector<std::int16_t>> samples, Instant due) {
  if (!samples || samples->empty()) return;
  const std::lock_guard lock(mutex_);
  if (file_ == nullptr) return;
  delays_.tones.push_back(clock_.now() - due);
  const std::size_t at = static_cast<std::size_t>(place(due) - written_);
  if (tones_.size() < at + samples->size()) tones_.resize(at + samples->size(), 0);
  for (std::size_t i = 0; i < samples->size(); ++i) tones_[at + i] += (*samples)[i];
  const Instant now = clock_.now();
  if (now - origin_ > settled) write_before(sample_at(now - settled));
}

std::uint64_t WavTimeline::start_voice(Instant due) {
  const std::lock_guard lock(mutex_);
  voice_next_ = place(due);
  // What the last utterance still had to say from here on is cut off.
  voice_.resize(std::min(voice_.size(), static_cast<std::size_t>(voice_next_ - written_)));
  voice_due_ = due;
  voice_heard_ = false;
  return ++voice_id_;
}

bool WavTimeline::add_voice(std::uint64_t id, std::span<const short> samples) {
  const std::lock_guard lock(mutex_);
  if (id != voice_id_ || file_ == nullptr) return false;
  if (!voice_heard_ && !samples.empty()) {
    voice_heard_ = true;
    delays_.voice.push_back(clock_.now() - voice_due_);
  }
  voice_next_ = std::max(voice_next_, written_);
  const std::size_t at = static_cast<std::size_t>(voice_next_ - written_);
  if (voice_.size() < at + samples.size()) voice_.resize(at + samples.size(), 0);
  std::copy(samples.begin(), samples.end(), voice_.begin() + static_cast<std::ptrdiff_t>(at));
  voice_next_ += samples.size();
  return true;
}

void WavTimeline::stop_voice(Instant at) {
  const std::lock_guard lock(mutex_);
  const std::uint64_t from = place(at);
  voice_.resize(std::min(voice_.size(), static_cast<std::size_t>(from - written_)));
  voice_heard_ = true;
  ++voice_id_;
}

void WavTimeline::write_before(std::uint64_t sample) {
  if (file_ == nullptr || sample <= written_) return;
  const auto count = static_cast<std::size_t>(sample - written_);
  // WAV is little-endian, like every machine this runs on; spelled out so it stays true.
  std::vector<unsigned char> bytes(count * 2);
  for (std::size_t i = 0; i < count; ++i) {
    std::int32_t v = i < tones_.size() ? tones_[i] : 0;
    if (i < voice_.size()) v += voice_[i];
    const auto s = static_cast<std::uint16_t>(static_cast<std::int16_t>(std::clamp(v, -32768, 32767)));
    bytes[2 * i] = static_cast<unsigned char>(s & 0xFF);
    bytes[2 * i + 1] = static_cast<unsigned char>(s >> 8);
  }
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed_ = true;
  const auto drop = [count](auto& track) {
    track.erase(track.begin(), track.begin() + static_cast<std::ptrdiff_t>(std::min(count, track.size())));
  };
  drop(tones_);
  drop(voice_);
  written_ = sample;
}

void WavTimeline::close(std::uint64_t end_sample) {
  if (file_ == nullptr) return;
  write_before(std::max({end_sample, written_ + tones_.size(), written_ + voice_.size()}));
  const auto header = wav_header(audio_sample_rate, written_);
  // The samples go out before the header is rewritten: a write that fails is found here.
  if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0 ||
      std::fwrite(header.data(), 1, header.size(), file_) != header.size()) {
    failed_ = true;
  }
  if (std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
}

void WavTimeline::finish(Instant end, std::chrono::milliseconds /*limit*/) {
  const std::lock_guard lock(mutex_);
  close(sample_at(end));
}

AudioDelays WavTimeline::delays() const {
  const std::lock_guard lock(mutex_);
  return delays_;
}

bool WavTimeline::ok() const {
  const std::lock_guard lock(mutex_);
  return !failed_;
}

}  // namespace stretch::app
