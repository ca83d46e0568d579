// The WAV header, byte by byte, as the RIFF/WAVE format lays it out.
#include <cstring>

#include "catch.hpp"
#include "stretch/wav.hpp"

using namespace stretch;

namespace {

std::uint32_t u32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}
std::uint16_t u16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] | p[1] << 8); }

}  // namespace

TEST_CASE("wav header: mono 16-bit PCM with the lengths of its samples", "[wav]") {
  const auto h = wav_header(22050, 1000);
  CHECK(std::memcmp(&h[0], "RIFF", 4) == 0);
  CHECK(u32(&h[4]) == 36 + 2000);
  CHECK(std::memcmp(&h[8], "WAVEfmt ", 8) == 0);
  CHECK(u32(&h[16]) == 16);
  CHECK(u16(&h[20]) == 1);  // PCM
  CHECK(u16(&h[22]) == 1);  // mono
  CHECK(u32(&h[24]) == 22050);
  CHECK(u32(&h[28]) == 44100);  // bytes a second
  CHECK(u16(&h[32]) == 2);      // bytes a frame
  CHECK(u16(&h[34]) == 16);
  CHECK(std::memcmp(&h[36], "data", 4) == 0);
  CHECK(u32(&h[40]) == 2000);
}

TEST_CASE("wav header: no samples yet, and a length too long to say", "[wav]") {
  CHECK(u32(&wav_header(22050, 0)[40]) == 0);
  const auto huge = wav_header(22050, std::uint64_t{3} << 32);
  CHECK(u32(&huge[40]) % 2 == 0);
  CHECK(u32(&huge[4]) == u32(&huge[40]) + 36);  // the RIFF size still adds up, without wrapping
  CHECK(u32(&huge[40]) > 0xFFFF0000u);
}
