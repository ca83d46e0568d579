#pragma once
// Text checks and clean-up for untrusted strings (everything read from a routine file).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stretch {

// The byte offset of the first byte that is not well-formed UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF count as ill-formed), or nullopt.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

// The byte offset of the first control character (C0, DEL or C1, or a text-direction
// control such as U+202E, which would reverse the rest of a line on the terminal), or nullopt.
// Expects valid UTF-8.
[[nodiscard]] std::optional<std::size_t> find_control_character(std::string_view text) noexcept;

// A copy safe to put on a terminal: invalid UTF-8 and control characters (text-direction
// controls included) become U+FFFD, so no escape sequence from a file can reach the terminal.
[[nodiscard]] std::string sanitize_for_terminal(std::string_view text);

// Text from a file or the command line for a message: quoted, cleaned as above, and cut after
// 40 bytes (at a character's start) with "...", since it is only there to be recognised.
[[nodiscard]] std::string quote_text(std::string_view text);

// The same for a message of several lines: each line cleaned, the line breaks kept. For
// text that echoes the command line (the argument parser's messages).
[[nodiscard]] std::string sanitize_lines_for_terminal(std::string_view text);

// 1-based line and column (in bytes) of a byte offset, for error messages.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
[[nodiscard]] TextPosition position_of(std::string_view text, std::size_t offset) noexcept;

// Appends the UTF-8 encoding of the code point `cp` (at most U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// Columns a string takes on a terminal: wide (East Asian, emoji) characters count 2,
// combining marks and zero-width characters 0. Independent of the locale, so tests and
// every user see the same layout.
[[nodiscard]] std::size_t display_width(std::string_view text) noexcept;

// Splits text into lines of at most `width` columns, breaking at spaces; a word longer
// than a line is cut by columns, never inside a UTF-8 sequence or before a combining mark.
[[nodiscard]] std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

// The longest prefix that fits in `width` columns; adds "…" when it had to cut.
[[nodiscard]] std::string fit_to_width(std::string_view text, std::size_t width);

// `value` with `decimals` digits after the point ("2.5" for 2.46 with 1), the same in every
// locale: for messages, reports and the SVG a report draws.
[[nodiscard]] std::string decimal_text(double value, int decimals = 1);

// `text` fitted to `width` columns and padded with spaces to exactly `width`.
[[nodiscard]] std::string pad_to_width(std::string_view text, std::size_t width);
}  // namespace stretch
