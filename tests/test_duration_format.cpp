#include "catch.hpp"
#include "stretch/duration_format.hpp"

using namespace stretch;
using std::chrono::milliseconds;

TEST_CASE("durations read as a person says them", "[format]") {
  CHECK(format_duration(milliseconds{0}) == "0 s");
  CHECK(format_duration(milliseconds{45'000}) == "45 s");
  CHECK(format_duration(milliseconds{460'000}) == "7 min 40 s");
  CHECK(format_duration(milliseconds{600'000}) == "10 min");
  CHECK(format_duration(milliseconds{3'720'000}) == "1 h 2 min");
  CHECK(format_duration(milliseconds{1'499}) == "1 s");
}

TEST_CASE("clocks count down rounded up and up rounded down", "[format]") {
  CHECK(format_clock(milliseconds{12'900}) == "00:12");
  CHECK(format_countdown(milliseconds{12'100}) == "00:13");
  CHECK(format_countdown(milliseconds{1}) == "00:01");
  CHECK(format_countdown(milliseconds{0}) == "00:00");
  CHECK(format_countdown(milliseconds{-5}) == "00:00");
  CHECK(format_clock(milliseconds{3'661'000}) == "1:01:01");
}
