#include "json_input.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>

#include "stretch/text.hpp"

namespace stretch::json_input {
namespace {

// Nesting is checked before parsing, so a hostile file cannot make the parser recurse deep.
void check_nesting(std::string_view text, int max_depth) {
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
      if (++depth > max_depth) {
        throw InputError{at_position(text, i), "nested more than " + std::to_string(max_depth) + " levels deep"};
      }
    } else if (c == '}' || c == ']') {
      --depth;
    }
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

// Tracks the keys of each open object, and where each open value is, through the parser
// callback: a duplicate key is reported with the JSON pointer of its object.
class DuplicateKeyCheck {
 public:
  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        enter_child();
        open_.push_back(Frame{event == json::parse_event_t::array_start, {}, {}, 0});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        open_.pop_back();
        break;
      case json::parse_event_t::key: {
        Frame& frame = open_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) {
          duplicate = frame.key;
          where = pointer_of_top();
          throw std::runtime_error("duplicate key");
        }
        break;
      }
      case json::parse_event_t::value:
        enter_child();
        break;
      default:
        break;
    }
    return true;
  }
  std::string duplicate;
  std::string where;  // the JSON pointer of the object with the duplicate, "/" for the top

 private:
  struct Frame {
    bool array = false;
    std::set<std::string> keys;
    std::string key;       // in an object: the key of the value being read
    std::size_t next = 0;  // in an array: elements begun so far
  };

  // A value begins: in an array it is the next element.
  void enter_child() {
    if (!open_.empty() && open_.back().array) ++open_.back().next;
  }

  [[nodiscard]] std::string pointer_of_top() const {
    std::string pointer;
    for (std::size_t i = 0; i + 1 < open_.size(); ++i) {
      const Frame& frame = open_[i];
      pointer +=
          "/" + (frame.array ? std::to_string(frame.next - 1) : escape_pointer_token(sanitize_for_terminal(frame.key)));
    }
    return pointer.empty() ? "/" : pointer;
  }

  std::vector<Frame> open_;
};

std::string_view type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true or false";
    case json::value_t::null:
      return "null";
    case json::value_t::number_float:
      return "a fractional number";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "a whole number";
    default:
      return "something else";
  }
}

// "\"a\" or \"b\"", "\"a\", \"b\" or \"c\""
std::string quoted_choices(std::initializer_list<std::string_view> choices) {
  std::string out;
  std::size_t i = 0;
  for (std::string_view choice : choices) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += "\"" + std::string(choice) + "\"";
    ++i;
  }
  return out;
}

}  // namespace

json parse(std::string_view text, const ParseLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw InputError{"", "the file is " + std::to_string(text.size()) + " bytes; " + std::string(limits.kind) +
                             " may be at most " + std::to_string(limits.max_bytes) + " bytes"};
  }
  if (const auto bad = find_invalid_utf8(text)) {
    throw InputError{at_position(text, *bad), "not valid UTF-8 text"};
  }
  check_nesting(text, limits.max_depth);
  DuplicateKeyCheck keys;
  try {
    if (!limits.reject_duplicate_keys) return json::parse(text);
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
    throw InputError{keys.where, "the key " + quote_text(keys.duplicate) + " appears twice"};
  }
}

std::string at_position(std::string_view text, std::size_t offset) {
  const TextPosition pos = position_of(text, offset);
  return "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

std::string quote_text(std::string_view text) {
  constexpr std::size_t max_shown = 40;
  if (text.size() <= max_shown) return "\"" + sanitize_for_terminal(text) + "\"";
  // Cut at a code-point boundary, never inside a character (which would show as U+FFFD).
  std::size_t cut = max_shown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string shown = sanitize_for_terminal(text.substr(0, cut)) + "...";
  return "\"" + shown + "\"";
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void Node::fail(const std::string& message) const { throw InputError{pointer_.empty() ? "/" : pointer_, message}; }

void Node::expected(std::string_view what) const {
  fail("expected " + std::string(what) + ", found " + std::string(type_name(value_)));
}

void Node::expect_object(std::initializer_list<std::string_view> allowed) const {
  if (!value_.is_object()) expected("an object");
  for (const auto& item : value_.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      std::string list;
      for (std::string_view key : allowed) list += (list.empty() ? "" : ", ") + std::string(key);
      throw InputError{pointer_ + "/" + escape_pointer_token(sanitize_for_terminal(item.key())),
                       "unknown key " + quote_text(item.key()) + "; expected one of: " + list};
    }
  }
}

void Node::expect_any_object() const {
  if (!value_.is_object()) expected("an object");
}

Node Node::operator[](std::string_view key) const {
  if (!has(key)) fail("missing the required key \"" + std::string(key) + "\"");
  return Node(value_.at(std::string(key)), pointer_ + "/" + escape_pointer_token(key));
}

std::vector<Node> Node::elements(std::size_t min, std::size_t max, std::string_view what) const {
  if (!value_.is_array()) expected("an array of " + std::string(what));
  if (value_.size() < min || value_.size() > max) {
    fail("expected " + std::to_string(min) + " to " + std::to_string(max) + " " + std::string(what) + ", found " +
         std::to_string(value_.size()));
  }
  std::vector<Node> out;
  out.reserve(value_.size());
  for (std::size_t i = 0; i < value_.size(); ++i) out.emplace_back(value_[i], pointer_ + "/" + std::to_string(i));
  return out;
}

std::string Node::text(std::size_t max_length) const {
  if (!value_.is_string()) expected("a string");
  const auto& s = value_.get_ref<const std::string&>();
  if (s.empty()) fail("expected a non-empty string");
  if (code_points(s) > max_length) {
    fail("expected at most " + std::to_string(max_length) + " characters, found " + std::to_string(code_points(s)));
  }
  if (const auto at = find_control_character(s)) {
    fail("the text contains a control character at character " +
         std::to_string(code_points(std::string_view(s).substr(0, *at)) + 1) +
         "; write plain text without tabs, line breaks or escape codes");
  }
  return s;
}

std::string Node::identifier() const {
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

std::int64_t Node::whole_number_64(std::int64_t min, std::int64_t max, std::string_view unit) const {
  const std::string range = std::to_string(min) + " to " + std::to_string(max) + " " + std::string(unit);
  if (!value_.is_number_integer()) expected("a whole number of " + std::string(unit) + " (" + range + ")");
  // Parsed non-negative numbers are unsigned and may exceed any signed type.
  const bool in_range = value_.is_number_unsigned()
                            ? (max >= 0 && value_.get<std::uint64_t>() <= static_cast<std::uint64_t>(max) &&
                               (min <= 0 || value_.get<std::uint64_t>() >= static_cast<std::uint64_t>(min)))
                            : value_.get<std::int64_t>() >= min && value_.get<std::int64_t>() <= max;
  if (!in_range) fail("expected " + range + ", found " + value_.dump());
  return value_.get<std::int64_t>();
}

int Node::whole_number(int min, int max, std::string_view unit) const {
  return static_cast<int>(whole_number_64(min, max, unit));
}

bool Node::boolean() const {
  if (!value_.is_boolean()) expected("true or false");
  return value_.get<bool>();
}

Level Node::level() const {
  if (value_.is_string()) {
    if (const auto level = parse_level(value_.get_ref<const std::string&>())) return *level;
  }
  (void)one_of({to_string(Level::gentle), to_string(Level::standard), to_string(Level::full)});  // throws
  fail("not a level");
}

std::size_t Node::one_of(std::initializer_list<std::string_view> choices) const {
  if (value_.is_string()) {
    const auto& s = value_.get_ref<const std::string&>();
    const auto* found = std::find(choices.begin(), choices.end(), s);
    if (found != choices.end()) return static_cast<std::size_t>(found - choices.begin());
  }
  fail("expected " + quoted_choices(choices) + ", found " +
       (value_.is_string() ? quote_text(value_.get_ref<const std::string&>()) : std::string(type_name(value_))));
}

}  // namespace stretch::json_input
