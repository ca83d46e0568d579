#pragma once
// The state file (state.json), e.g. {"last_safety_check": "2025-03-14"}, read from its text.
// Pure: app/safety_state.cpp reads and writes the file.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stretch {

inline constexpr std::size_t max_state_file_bytes = std::size_t{64} * 1024;  // a state file is a few dozen bytes

struct ParsedStateFile {
  // The date the safety check was last answered, as written ("YYYY-MM-DD"); empty when the
  // text is not a JSON object with that string, so the check is asked.
  std::optional<std::string> last_safety_check;
  std::string error;  // why not, when the text is not a good state file: "line 1, column 3: ..."
};

// Tight limits (size, nesting, and nothing but whitespace after the object): a damaged or
// hostile file only means the safety check is asked again.
[[nodiscard]] ParsedStateFile parse_state_file(std::string_view text);

// The text to write for `date`.
[[nodiscard]] std::string state_file_text(std::string_view date);

}  // namespace stretch
