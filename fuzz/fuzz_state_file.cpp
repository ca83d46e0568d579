// libFuzzer target: no state.json text may crash, hang or exhaust memory in the state
// reader. A date comes back only from a JSON object followed by nothing but whitespace
// (anything else means the safety check is asked again), and the text written for a date
// reads back as that date.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "stretch/state_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const stretch::ParsedStateFile parsed = stretch::parse_state_file(text);
  if (parsed.last_safety_check) {
    if (!parsed.error.empty()) std::abort();
    // A NUL is no whitespace: "{...}\0garbage" must never pass.
    if (text.find('\0') != std::string_view::npos) std::abort();
    const stretch::ParsedStateFile again =
        stretch::parse_state_file(stretch::state_file_text(*parsed.last_safety_check));
    if (again.last_safety_check != parsed.last_safety_check) std::abort();
  } else if (parsed.error.empty()) {
    std::abort();
  }
  return 0;
}
