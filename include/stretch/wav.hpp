#pragma once
// The RIFF/WAVE header of a mono 16-bit PCM file: what --audio-file writes before the
// samples, and rewrites with the final length when the session ends.

#include <array>
#include <cstdint>

namespace stretch {

inline constexpr std::size_t wav_header_bytes = 44;

// Lengths past 4 GiB cannot be said in a WAV header; they are capped (about 27 hours at 22050 Hz).
[[nodiscard]] std::array<unsigned char, wav_header_bytes> wav_header(int sample_rate, std::uint64_t samples);

}  // namespace stretch
