// The optional libraries (voice, sound, notifications) are opened at run time, not linked:
// these check the opening itself and that each backend finds its library where it is installed.
#include <cstring>
#include <string>

#include "app/audio/pulse_device.hpp"
#include "app/shared_library.hpp"
#include "catch.hpp"

using namespace stretch::app;

TEST_CASE("shared library: a library's function is found under its own prototype", "[shared_library]") {
  SharedLibrary libc("libc.so.6");
  decltype(&std::strlen) length = nullptr;
  REQUIRE(libc.find("strlen", length));
  CHECK(libc.ok());
  CHECK(length("stretch") == 7);
}

TEST_CASE("shared library: a missing library or function says which", "[shared_library]") {
  SharedLibrary missing("libstretch-timer-no-such-library.so.9");
  decltype(&std::strlen) length = nullptr;
  CHECK_FALSE(missing.find("strlen", length));
  CHECK_FALSE(missing.ok());
  CHECK_THAT(missing.error(), Catch::Matchers::Contains("cannot load libstretch-timer-no-such-library.so.9"));

  SharedLibrary libc("libc.so.6");
  CHECK_FALSE(libc.find("stretch_timer_no_such_function", length));
  CHECK_FALSE(libc.ok());
  CHECK_THAT(libc.error(), Catch::Matchers::Contains("lacks stretch_timer_no_such_function"));
}

TEST_CASE("shared library: the sound backend finds libpulse-simple where it is installed", "[shared_library]") {
  // Installed by scripts/setup.sh with the build's headers. Without a sound server (a CI
  // runner) the device cannot open, but the reason must be PulseAudio's, not the loader's.
  const SessionClock clock;
  std::string why_not;
  const auto device = open_pulse_device(clock, why_not);
  if (device == nullptr) {
    CHECK_THAT(why_not, Catch::Matchers::StartsWith("PulseAudio: "));
    CHECK_THAT(why_not, !Catch::Matchers::Contains("cannot load"));
  }
}

namespace {

struct Libc {
  decltype(&std::strlen) length = nullptr;
};

int libc_loads = 0;

const Libc* load_libc(std::string& why_not) {
  return load_once<Libc>(
      "libc.so.6", "libc",
      [](SharedLibrary& library, Libc& api) {
        ++libc_loads;
        return library.find("strlen", api.length);
      },
      why_not);
}

const Libc* load_missing(std::string& why_not) {
  return load_once<Libc>(
      "libstretch-timer-no-such-library.so.9", "Nothing",
      [](SharedLibrary& library, Libc& api) { return library.find("strlen", api.length); }, why_not);
}

}  // namespace

TEST_CASE("shared library: load_once loads a library's functions at the first call only", "[shared_library]") {
  std::string why_not;
  const Libc* first = load_libc(why_not);
  REQUIRE(first != nullptr);
  CHECK(first->length("stretch") == 7);
  CHECK(load_libc(why_not) == first);
  CHECK(libc_loads == 1);
  CHECK(why_not.empty());

  // A missing library: nullptr and the same reason, after the label, at every call.
  CHECK(load_missing(why_not) == nullptr);
  CHECK_THAT(why_not, Catch::Matchers::StartsWith("Nothing: cannot load libstretch-timer-no-such-library.so.9"));
  std::string again;
  CHECK(load_missing(again) == nullptr);
  CHECK(again == why_not);
}
