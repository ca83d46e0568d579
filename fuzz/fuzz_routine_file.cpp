// libFuzzer target: no input may crash, hang or exhaust memory in the routine loader,
// and every problem must come back as messages (at most 20, and "stopped after") without
// control characters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "stretch/library.hpp"
#include "stretch/plan.hpp"
#include "stretch/routine_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const stretch::ParsedRoutineFile parsed = stretch::parse_routine_file("fuzz.json", text);
  if (!parsed.ok()) {
    if (parsed.errors.empty() || parsed.errors.size() > 21) std::abort();
    for (const stretch::Diagnostic& d : parsed.errors) {
      for (char c : d.to_string()) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) std::abort();
      }
    }
    return 0;
  }
  // A file that parses goes through the library and plan expansion too.
  const std::vector<stretch::SourceText> user{{"fuzz.json", std::string(text)}};
  const stretch::LoadedLibrary loaded = stretch::build_library(stretch::builtin_sources(), user);
  for (const stretch::LibraryRoutine& r : loaded.library.routines()) {
    (void)stretch::expand(r.routine, loaded.library);
  }
  return 0;
}
