#pragma once
// Reading untrusted JSON with errors that say where: shared by the routine files, the
// settings file and the history lines. Private to the core (it exposes nlohmann::json,
// which the public headers keep out of sight).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/diagnostic.hpp"
#include "stretch/model.hpp"
#include "stretch/text.hpp"

namespace stretch::json_input {

using nlohmann::json;

// A problem found while reading; `location` is a JSON pointer or "line L, column C".
struct InputError {
  // A constructor rather than an aggregate, so `InputError{where, what}` needs no offset.
  InputError(std::string where, std::string what, std::optional<std::size_t> at = std::nullopt)
      : location(std::move(where)), message(std::move(what)), offset(at) {}

  std::string location;
  std::string message;
  std::optional<std::size_t> offset;  // the byte in the text, when known before parsing
};

// Problems collected instead of stopping at the first, so that one run of validate shows
// every mistake in a file. Readers wrap each independent read in attempt().
class Problems {
 public:
  static constexpr std::size_t max_kept = 20;

  // Runs `read`; an InputError it throws is kept and false returned. Once max_kept are kept,
  // nothing more is read (a file of 5,000 bad entries is reported by its first 20).
  template <typename Read>
  bool attempt(Read&& read) {
    if (errors.size() >= max_kept) {
      stopped = true;
      return false;
    }
    try {
      read();
      return true;
    } catch (const InputError& e) {
      errors.push_back(e);
      return false;
    }
  }
  [[nodiscard]] bool empty() const { return errors.empty(); }

  std::vector<InputError> errors;
  bool stopped = false;  // more may follow: reading stopped at max_kept
};

// The problems as messages about the file `name`, each with the line and column of its
// place in `text` (found from its JSON pointer) and the JSON pointer itself, shortened when
// a key in it is long.
[[nodiscard]] Diagnostics to_diagnostics(std::string_view name, std::string_view text, const Problems& problems);
[[nodiscard]] Diagnostic to_diagnostic(std::string_view name, std::string_view text, const InputError& error);

// The byte offset in `text` (a JSON document) of the value at `pointer`, or nullopt.
[[nodiscard]] std::optional<std::size_t> offset_of(std::string_view text, std::string_view pointer);

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

// quote_text (stretch/text.hpp) quotes a string from a file for a message.
using stretch::quote_text;

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
  // The same, each unknown key one problem in `problems`; throws only when not an object.
  void expect_object(std::initializer_list<std::string_view> allowed, Problems& problems) const;
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
