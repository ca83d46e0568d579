#include "stretch/wav.hpp"

#include <algorithm>
#include <cstring>

namespace stretch {
namespace {

void put_u32(unsigned char* at, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>(value >> (8 * i));  // little-endian
}

void put_u16(unsigned char* at, std::uint16_t value) {
  at[0] = static_cast<unsigned char>(value);
  at[1] = static_cast<unsigned char>(value >> 8);
}

}  // namespace

std::array<unsigned char, wav_header_bytes> wav_header(int sample_rate, std::uint64_t samples) {
  constexpr std::uint16_t channels = 1;
  constexpr std::uint16_t bytes_per_sample = 2;
  constexpr std::uint64_t max_data = std::uint64_t{0xFFFFFFFF} - (wav_header_bytes - 8);
  const auto data_bytes =
      static_cast<std::uint32_t>(std::min<std::uint64_t>(samples * bytes_per_sample, max_data & ~std::uint64_t{1}));
  std::array<unsigned char, wav_header_bytes> h{};
  std::memcpy(&h[0], "RIFF", 4);
  put_u32(&h[4], data_bytes + static_cast<std::uint32_t>(wav_header_bytes - 8));
  std::memcpy(&h[8], "WAVE", 4);
  std::memcpy(&h[12], "fmt ", 4);
  put_u32(&h[16], 16);  // the size of a PCM format chunk
  put_u16(&h[20], 1);   // PCM
  put_u16(&h[22], channels);
  put_u32(&h[24], static_cast<std::uint32_t>(sample_rate));
  put_u32(&h[28], static_cast<std::uint32_t>(sample_rate) * channels * bytes_per_sample);
  put_u16(&h[32], channels * bytes_per_sample);
  put_u16(&h[34], 8 * bytes_per_sample);
  std::memcpy(&h[36], "data", 4);
  put_u32(&h[40], data_bytes);
  return h;
}

}  // namespace stretch
