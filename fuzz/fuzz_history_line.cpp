// libFuzzer target: no history line may crash, hang or exhaust memory in the record reader;
// a line that reads gives a record that writes back to a line reading as the same record
// (the program only ever appends what it can read back); a bad line's message has no
// control characters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "stretch/history.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const stretch::HistoryLine read = stretch::parse_history_line(line);
  if (!read.record) {
    for (char c : read.error) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) std::abort();
    }
    return 0;
  }
  const std::string written = stretch::to_json_line(*read.record);
  if (written.find('\n') != std::string::npos) std::abort();
  const stretch::HistoryLine again = stretch::parse_history_line(written);
  if (!again.record) std::abort();
  if (stretch::to_json_line(*again.record) != written) std::abort();
  return 0;
}
