#include "stretch/routine_file.hpp"

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>

#include "stretch/text.hpp"

namespace stretch {
namespace {

using nlohmann::json;

// A problem found while reading; `location` is a JSON pointer or "line L, column C".
struct InputError {
  std::string location;
  std::string message;
};

std::string at_position(std::string_view text, std::size_t offset) {
  const TextPosition pos = position_of(text, offset);
  return "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

// Quotes a string from the file for a message, with its control characters made harmless.
std::string quote_text(std::string_view text) {
  constexpr std::size_t max_shown = 40;
  std::string shown = sanitize_for_terminal(text.substr(0, max_shown));
  if (text.size() > max_shown) shown += "...";
  return "\"" + shown + "\"";
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Nesting is checked before parsing, so a hostile file cannot make the parser recurse deep.
void check_nesting(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_routine_file_depth) {
        throw InputError{at_position(text, i), "nested more than " +
                                                   std::to_string(max_routine_file_depth) +
                                                   " levels deep"};
      }
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
}

// nlohmann_json keeps the last of two equal keys without a word; a user who wrote a key
// twice should hear about it, so the parser callback tracks the keys of each open object.
class DuplicateKeyCheck {
 public:
  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start: open_.emplace_back(); break;
      case json::parse_event_t::object_end: open_.pop_back(); break;
      case json::parse_event_t::key:
        if (!open_.empty() && !open_.back().insert(parsed.get<std::string>()).second) {
          duplicate = parsed.get<std::string>();
          throw std::runtime_error("duplicate key");
        }
        break;
      default: break;
    }
    return true;
  }
  std::string duplicate;

 private:
  std::vector<std::set<std::string>> open_;
};

json parse_json(std::string_view text) {
  if (text.size() > max_routine_file_bytes) {
    throw InputError{"", "the file is " + std::to_string(text.size()) +
                             " bytes; routine files may be at most " +
                             std::to_string(max_routine_file_bytes) + " bytes"};
  }
  if (const auto bad = find_invalid_utf8(text)) {
    throw InputError{at_position(text, *bad), "not valid UTF-8 text"};
  }
  check_nesting(text);
  DuplicateKeyCheck keys;
  try {
    return json::parse(text, std::ref(keys));
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    if (const auto colon = what.find(": "); colon != std::string::npos) {
      what = what.substr(colon + 2);
    }
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    throw InputError{at_position(text, offset), "not valid JSON: " + sanitize_for_terminal(what)};
  } catch (const std::runtime_error&) {
    if (keys.duplicate.empty()) throw;
    throw InputError{"", "the key " + quote_text(keys.duplicate) + " appears twice in one object"};
  }
}

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "true or false";
    case json::value_t::null: return "null";
    case json::value_t::number_float: return "a fractional number";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a whole number";
    default: return "something else";
  }
}

// A value in the document and its JSON pointer, for messages that say where.
class Node {
 public:
  Node(const json& value, std::string pointer) : value_(value), pointer_(std::move(pointer)) {}

  [[nodiscard]] const json& value() const { return value_; }
  [[nodiscard]] const std::string& pointer() const { return pointer_; }

  [[noreturn]] void fail(const std::string& message) const {
    throw InputError{pointer_.empty() ? "/" : pointer_, message};
  }
  [[noreturn]] void expected(std::string_view what) const {
    fail("expected " + std::string(what) + ", found " + std::string(type_name(value_)));
  }

  // Checks this is an object with no keys but `allowed`.
  void expect_object(std::initializer_list<std::string_view> allowed) const {
    if (!value_.is_object()) expected("an object");
    for (const auto& item : value_.items()) {
      if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
        std::string list;
        for (std::string_view key : allowed) list += (list.empty() ? "" : ", ") + std::string(key);
        child_pointer_fail(item.key(), "unknown key " + quote_text(item.key()) + "; expected one of: " + list);
      }
    }
  }

  [[nodiscard]] bool has(std::string_view key) const { return value_.contains(key); }

  [[nodiscard]] Node operator[](std::string_view key) const {
    if (!has(key)) fail("missing the required key \"" + std::string(key) + "\"");
    return Node(value_.at(std::string(key)), pointer_ + "/" + escape_pointer_token(key));
  }

  [[nodiscard]] std::vector<Node> elements(std::size_t min, std::size_t max,
                                           std::string_view what) const {
    if (!value_.is_array()) expected("an array of " + std::string(what));
    if (value_.size() < min || value_.size() > max) {
      fail("expected " + std::to_string(min) + " to " + std::to_string(max) + " " +
           std::string(what) + ", found " + std::to_string(value_.size()));
    }
    std::vector<Node> out;
    out.reserve(value_.size());
    for (std::size_t i = 0; i < value_.size(); ++i) {
      out.emplace_back(value_[i], pointer_ + "/" + std::to_string(i));
    }
    return out;
  }

  [[nodiscard]] std::string text(std::size_t max_length) const {
    if (!value_.is_string()) expected("a string");
    const auto& s = value_.get_ref<const std::string&>();
    if (s.empty()) fail("expected a non-empty string");
    if (code_points(s) > max_length) {
      fail("expected at most " + std::to_string(max_length) + " characters, found " +
           std::to_string(code_points(s)));
    }
    if (const auto at = find_control_character(s)) {
      fail("the text contains a control character at character " +
           std::to_string(code_points(std::string_view(s).substr(0, *at)) + 1) +
           "; write plain text without tabs, line breaks or escape codes");
    }
    return s;
  }

  [[nodiscard]] std::string identifier() const {
    std::string id = text(48);
    const bool ok = std::all_of(id.begin(), id.end(),
                                [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }) &&
                    id.front() != '-' && id.back() != '-' && id.find("--") == std::string::npos;
    if (!ok) {
      fail("expected an id of lowercase letters, digits and single hyphens (like \"knee-to-chest\"), found " +
           quote_text(id));
    }
    return id;
  }

  [[nodiscard]] int whole_number(int min, int max, std::string_view unit) const {
    const std::string range = std::to_string(min) + " to " + std::to_string(max) + " " + std::string(unit);
    if (!value_.is_number_integer()) expected("a whole number of " + std::string(unit) + " (" + range + ")");
    // Parsed non-negative numbers are unsigned and may exceed any signed type.
    const bool in_range =
        value_.is_number_unsigned()
            ? value_.get<std::uint64_t>() >= static_cast<std::uint64_t>(min) &&
                  value_.get<std::uint64_t>() <= static_cast<std::uint64_t>(max)
            : value_.get<std::int64_t>() >= min && value_.get<std::int64_t>() <= max;
    if (!in_range) {
      fail("expected " + range + ", found " + value_.dump());
    }
    return value_.get<int>();
  }

  // A number, or {"min": a, "max": b, "default": c}.
  [[nodiscard]] Range range(int min, int max, std::string_view unit) const {
    if (!value_.is_object()) {
      if (!value_.is_number_integer()) {
        expected("a whole number of " + std::string(unit) + " or a range {\"min\": .., \"max\": ..}");
      }
      return Range::exactly(whole_number(min, max, unit));
    }
    expect_object({"min", "max", "default"});
    Range r;
    r.min = (*this)["min"].whole_number(min, max, unit);
    r.max = (*this)["max"].whole_number(min, max, unit);
    if (r.min > r.max) (*this)["max"].fail("the range's max is below its min");
    if (has("default")) {
      r.preferred = (*this)["default"].whole_number(min, max, unit);
      if (*r.preferred < r.min || *r.preferred > r.max) {
        (*this)["default"].fail("the default must lie between min and max");
      }
    }
    return r;
  }

  [[nodiscard]] bool boolean() const {
    if (!value_.is_boolean()) expected("true or false");
    return value_.get<bool>();
  }

  [[nodiscard]] std::vector<std::string> texts(std::size_t max_count, std::size_t max_length) const {
    std::vector<std::string> out;
    for (const Node& item : elements(0, max_count, "strings")) out.push_back(item.text(max_length));
    return out;
  }

  [[nodiscard]] std::vector<std::string> tags() const {
    std::vector<std::string> out;
    for (const Node& item : elements(0, 20, "tags")) out.push_back(item.identifier());
    return out;
  }

  [[nodiscard]] SideOrder side_order() const {
    if (value_ == "alternate") return SideOrder::alternate;
    if (value_ == "one-side-first") return SideOrder::one_side_first;
    fail("expected \"alternate\" or \"one-side-first\"");
  }

 private:
  [[noreturn]] void child_pointer_fail(std::string_view key, const std::string& message) const {
    throw InputError{pointer_ + "/" + escape_pointer_token(sanitize_for_terminal(key)), message};
  }

  const json& value_;
  std::string pointer_;
};

constexpr int max_seconds = 600;  // ten minutes: longer than any hold the material gives
constexpr std::size_t max_name = 80;
constexpr std::size_t max_text = 1000;

Breathing read_breathing(const Node& node) {
  node.expect_object({"cue", "in", "out"});
  Breathing b;
  if (node.has("cue")) b.cue = node["cue"].text(max_text);
  if (node.has("in")) b.in_seconds = node["in"].whole_number(1, 20, "seconds");
  if (node.has("out")) b.out_seconds = node["out"].whole_number(1, 20, "seconds");
  return b;
}

Exercise read_exercise(const Node& node) {
  node.expect_object({"id", "name", "purpose", "position", "steps", "cautions", "reminders",
                      "breathing", "sided", "side_order", "hold", "reps", "rest", "tags"});
  Exercise e;
  e.id = node["id"].identifier();
  e.name = node["name"].text(max_name);
  e.purpose = node["purpose"].text(max_text);
  e.position = node["position"].text(max_text);
  for (const Node& step : node["steps"].elements(1, 20, "steps")) e.steps.push_back(step.text(max_text));
  if (node.has("cautions")) e.cautions = node["cautions"].texts(20, max_text);
  if (node.has("reminders")) e.reminders = node["reminders"].texts(20, max_text);
  if (node.has("breathing")) e.breathing = read_breathing(node["breathing"]);
  if (node.has("sided")) e.sided = node["sided"].boolean();
  if (node.has("side_order")) {
    if (!e.sided) node["side_order"].fail("\"side_order\" is only for exercises with \"sided\": true");
    e.side_order = node["side_order"].side_order();
  }
  e.hold = node["hold"].range(1, max_seconds, "seconds");
  e.reps = node["reps"].range(1, 100, "reps");
  if (node.has("rest")) e.rest = node["rest"].range(0, max_seconds, "seconds");
  if (node.has("tags")) e.tags = node["tags"].tags();
  return e;
}

std::vector<Side> read_sides(const Node& node) {
  std::vector<Side> sides;
  for (const Node& item : node.elements(1, 2, "sides")) {
    Side side = Side::none;
    if (item.value() == "left") side = Side::left;
    if (item.value() == "right") side = Side::right;
    if (side == Side::none) item.fail("expected \"left\" or \"right\"");
    if (std::find(sides.begin(), sides.end(), side) != sides.end()) item.fail("this side is listed twice");
    sides.push_back(side);
  }
  return sides;
}

RoutineEntry read_entry(const Node& node) {
  RoutineEntry entry;
  if (node.value().is_string()) {
    entry.exercise = node.identifier();
    return entry;
  }
  if (!node.value().is_object()) node.expected("an exercise id or an object with \"exercise\"");
  node.expect_object({"exercise", "hold", "reps", "rest", "side_order", "sides"});
  entry.exercise = node["exercise"].identifier();
  if (node.has("hold")) entry.hold = node["hold"].range(1, max_seconds, "seconds");
  if (node.has("reps")) entry.reps = node["reps"].range(1, 100, "reps");
  if (node.has("rest")) entry.rest = node["rest"].range(0, max_seconds, "seconds");
  if (node.has("side_order")) entry.side_order = node["side_order"].side_order();
  if (node.has("sides")) entry.sides = read_sides(node["sides"]);
  return entry;
}

Routine read_routine(const Node& node) {
  node.expect_object({"id", "name", "description", "tags", "rest_between", "exercises"});
  Routine r;
  r.id = node["id"].identifier();
  r.name = node["name"].text(max_name);
  r.description = node["description"].text(max_text);
  if (node.has("tags")) r.tags = node["tags"].tags();
  if (node.has("rest_between")) r.rest_between_seconds = node["rest_between"].whole_number(0, max_seconds, "seconds");
  for (const Node& entry : node["exercises"].elements(1, 50, "exercises")) r.entries.push_back(read_entry(entry));
  return r;
}

// Ids must be unique within one file; across files the library decides.
template <typename Item>
void check_unique_ids(const std::vector<Item>& items, const Node& list, std::string_view what) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (items[i].id == items[j].id) {
        list.elements(0, items.size(), "")[i]["id"].fail(
            "duplicate " + std::string(what) + " id " + quote_text(items[i].id) + " (also at " +
            list.pointer() + "/" + std::to_string(j) + ")");
      }
    }
  }
}

RoutineFile read_file(const json& document) {
  const Node root(document, "");
  root.expect_object({"$schema", "exercises", "routines"});
  RoutineFile file;
  if (root.has("$schema")) (void)root["$schema"].text(max_text);
  if (root.has("exercises")) {
    const Node list = root["exercises"];
    for (const Node& item : list.elements(0, 500, "exercises")) file.exercises.push_back(read_exercise(item));
    check_unique_ids(file.exercises, list, "exercise");
  }
  if (root.has("routines")) {
    const Node list = root["routines"];
    for (const Node& item : list.elements(0, 500, "routines")) file.routines.push_back(read_routine(item));
    check_unique_ids(file.routines, list, "routine");
  }
  if (file.exercises.empty() && file.routines.empty()) {
    root.fail("the file has no \"exercises\" and no \"routines\"");
  }
  return file;
}

}  // namespace

ParsedRoutineFile parse_routine_file(std::string_view name, std::string_view text) {
  ParsedRoutineFile result;
  try {
    result.content = read_file(parse_json(text));
  } catch (const InputError& e) {
    result.errors.push_back(Diagnostic{std::string(name), e.location, e.message});
  } catch (const std::exception& e) {
    // Not expected: every check above throws InputError. Still a message, never a crash.
    result.errors.push_back(Diagnostic{std::string(name), "", std::string("cannot read the file: ") + e.what()});
  }
  return result;
}

}  // namespace stretch
