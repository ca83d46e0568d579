// libFuzzer target: no config.json text may crash, hang or exhaust memory in the settings
// reader; a bad file gives 1 to 21 messages (20 problems and "stopped after"), each naming
// the file, without control characters; a good one gives settings in their ranges.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "stretch/settings.hpp"

namespace {

void check_message(const std::string& message) {
  if (!message.starts_with("config.json")) std::abort();
  for (char c : message) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const stretch::ParsedSettings parsed = stretch::parse_settings("config.json", text);
  if (!parsed.ok()) {
    if (parsed.errors.size() > 21) std::abort();
    if (!(parsed.settings == stretch::Settings{})) std::abort();  // nothing half-applied
    for (const stretch::Diagnostic& d : parsed.errors) check_message(d.to_string());
    return 0;
  }
  const stretch::Settings& s = parsed.settings;
  if (s.get_ready_seconds < 0 || s.get_ready_seconds > 60) std::abort();
  if (s.breathe_in_seconds && (*s.breathe_in_seconds < 1 || *s.breathe_in_seconds > 20)) std::abort();
  if (s.breathe_out_seconds && (*s.breathe_out_seconds < 1 || *s.breathe_out_seconds > 20)) std::abort();
  return 0;
}
