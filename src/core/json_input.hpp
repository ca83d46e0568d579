#pragma once
// Reading untrusted JSON with errors that say where: shared by the routine files, the
// settings file and the history lines. Private to the core (it exposes nlohmann::json,
// which the public headers keep out of sight).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/model.hpp"

namespace stretch::json_input {

using nlohmann::json;

// A problem found while reading; `location` is a JSON pointer or "line L, column C".
struct InputError {
  std::string location;
  std::string message;
};

struct ParseLimits {
  std::size_t max_bytes = 0;
  int max_depth = 0;
  std::string_view kind;  // plural, for the size message: "routine files"
  // nlohmann_json keeps the last of two equal keys without a word; files people write
  // should hear about it. Off for the history, which only the program writes: it costs time.
  bool reject_duplicate_keys = true;
};

// Checks size, UTF-8 and nesting before parsing, then parses; throws InputError.
[[nodiscard]] json parse(std::string_view text, const ParseLimits& limits);

// "line 3, column 14" for a byte offset.
[[nodiscard]] std::string at_position(std::string_view text, std::size_t offset);

// Quotes a string from a file for a message, with its control characters made harmless.
[[nodiscard]] std::string quote_text(std::string_view text);

// Characters (code points) in valid UTF-8.
[[nodiscard]] std::size_t code_points(std::string_view text);

// A value in the document and its JSON pointer, for messages that say where.
class Node {
 public:
  Node(const json& value, std::string pointer) : value_(value), pointer_(std::move(pointer)) {}

  [[nodiscard]] const json& value() const { return value_; }
  [[nodiscard]] const std::string& pointer() const { return pointer_; }

  [[noreturn]] void fail(const std::string& message) const;
  [[noreturn]] void expected(std::string_view what) const;

  // Checks this is an object with no keys but `allowed`.
  void expect_object(std::initializer_list<std::string_view> allowed) const;
  // Checks this is an object, whatever its keys (for records that may gain keys later).
  void expect_any_object() const;

  [[nodiscard]] bool has(std::string_view key) const { return value_.contains(key); }
  // The value at `key`; a missing key is an error.
  [[nodiscard]] Node operator[](std::string_view key) const;

  [[nodiscard]] std::vector<Node> elements(std::size_t min, std::size_t max, std::string_view what) const;

  // A non-empty string of at most `max_length` characters with no control characters.
  [[nodiscard]] std::string text(std::size_t max_length) const;
  // Lowercase letters, digits and single hyphens, like "knee-to-chest".
  [[nodiscard]] std::string identifier() const;
  [[nodiscard]] int whole_number(int min, int max, std::string_view unit) const;
  [[nodiscard]] std::int64_t whole_number_64(std::int64_t min, std::int64_t max, std::string_view unit) const;
  [[nodiscard]] bool boolean() const;
  // The index in `choices` of this string; otherwise an error listing them.
  [[nodiscard]] std::size_t one_of(std::initializer_list<std::string_view> choices) const;
  // "gentle", "standard" or "full", by the names in stretch/model.hpp.
  [[nodiscard]] Level level() const;

 private:
  const json& value_;
  std::string pointer_;
};

}  // namespace stretch::json_input
