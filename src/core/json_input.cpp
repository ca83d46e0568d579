#include "json_input.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <set>
#include <stdexcept>

#include "stretch/text.hpp"

namespace stretch::json_input {
namespace {

// A number's characters from `at`: sign, digits, point, exponent.
std::size_t number_length(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == '-' ||
                               text[end] == '+' || text[end] == '.' || text[end] == 'e' || text[end] == 'E')) {
    ++end;
  }
  return end - at;
}

// The number cut for a message: a 5,000-digit number is shown by its start and its length.
std::string shown_number(std::string_view number) {
  constexpr std::size_t shown = 20;
  if (number.size() <= shown) return std::string(number);
  return std::string(number.substr(0, shown)) + "... (" + std::to_string(number.size()) + " characters)";
}

// Checked before parsing, where the parser would fail without saying where, or not fail:
//   - nesting, so a hostile file cannot make the parser recurse deep;
//   - a NUL byte, which the parser takes for the end of the text: "{...}\0garbage" would
//     pass as "{...}" and the garbage go unseen;
//   - numbers too large for a double (1e400, 5,000 digits), which the parser reports with
//     no place.
void check_before_parsing(std::string_view text, int max_depth) {
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
        throw InputError{at_position(text, i), "nested more than " + std::to_string(max_depth) + " levels deep", i};
      }
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '\0') {
      throw InputError{at_position(text, i),
                       "a NUL byte, which JSON text cannot hold; after the value only spaces and line breaks may "
                       "follow",
                       i};
    } else if (c == '-' || std::isdigit(static_cast<unsigned char>(c)) != 0) {
      const std::size_t length = number_length(text, i);
      const std::string number(text.substr(i, length));
      // Any number these files need is a few digits; 400 digits is no slip, only an attack.
      constexpr std::size_t longest = 400;
      const bool too_long = length > longest;
      const double value = too_long ? 0 : std::strtod(number.c_str(), nullptr);
      if (too_long || std::isinf(value)) {
        throw InputError{at_position(text, i),
                         "the number " + shown_number(number) +
                             " is too large to read; expected a number of the size the "
                             "format allows (docs/routine-format.md)",
                         i};
      }
      i += length - 1;
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
      case json::parse_event_t::array_end: open_.pop_back(); break;
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
      case json::parse_event_t::value: enter_child(); break;
      default: break;
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
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "true or false";
    case json::value_t::null: return "null";
    case json::value_t::number_float: {
      // 10^30 written out is read as a float: it is a whole number, only too large.
      const double number = value.get<double>();
      if (std::isfinite(number) && std::fabs(number) >= 9.2e18) return "a whole number too large to use";
      return "a fractional number";
    }
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "a whole number";
    default: return "something else";
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

// Walks a JSON text (one the parser has read, or nearly: a number too large is fine) to find
// where a JSON pointer's value starts. Recursion is bounded by the nesting checked earlier.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}

  std::optional<std::size_t> find(const std::vector<std::string>& tokens) {
    at_ = 0;
    return find_from(tokens, 0);
  }

 private:
  std::optional<std::size_t> find_from(const std::vector<std::string>& tokens, std::size_t k) {
    skip_space();
    if (at_ >= text_.size()) return std::nullopt;
    if (k == tokens.size()) return at_;
    if (text_[at_] == '{') {
      ++at_;
      while (true) {
        skip_space();
        if (at_ >= text_.size() || text_[at_] != '"') return std::nullopt;
        const std::string key = read_string();
        skip_space();
        if (at_ >= text_.size() || text_[at_] != ':') return std::nullopt;
        ++at_;
        if (key == tokens[k]) return find_from(tokens, k + 1);
        if (!skip_value()) return std::nullopt;
        skip_space();
        if (at_ >= text_.size() || text_[at_] != ',') return std::nullopt;
        ++at_;
      }
    }
    if (text_[at_] == '[') {
      ++at_;
      const std::string& token = tokens[k];
      if (token.empty() || token.size() > 9 || !std::all_of(token.begin(), token.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
          })) {
        return std::nullopt;
      }
      const std::size_t index = std::stoul(token);
      for (std::size_t i = 0; i < index; ++i) {
        if (!skip_value()) return std::nullopt;
        skip_space();
        if (at_ >= text_.size() || text_[at_] != ',') return std::nullopt;
        ++at_;
      }
      return find_from(tokens, k + 1);
    }
    return std::nullopt;
  }

  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  // The string at at_ (which is '"') with its escapes decoded; at_ moves past it.
  std::string read_string() {
    std::string out;
    ++at_;
    while (at_ < text_.size() && text_[at_] != '"') {
      if (text_[at_] != '\\') {
        out += text_[at_++];
        continue;
      }
      if (++at_ >= text_.size()) break;
      const char e = text_[at_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': append_utf8(out, read_escaped_code_point()); break;
        default: out += e; break;
      }
    }
    ++at_;
    return out;
  }

  char32_t read_hex4() {
    if (at_ + 4 > text_.size()) return 0xFFFD;
    char32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[at_++];
      value <<= 4;
      if (c >= '0' && c <= '9')
        value |= static_cast<char32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        value |= static_cast<char32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        value |= static_cast<char32_t>(c - 'A' + 10);
    }
    return value;
  }

  char32_t read_escaped_code_point() {
    const char32_t first = read_hex4();
    if (first >= 0xD800 && first <= 0xDBFF && at_ + 6 <= text_.size() && text_[at_] == '\\' && text_[at_ + 1] == 'u') {
      at_ += 2;
      const char32_t second = read_hex4();
      if (second >= 0xDC00 && second <= 0xDFFF) return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
      return 0xFFFD;
    }
    if (first >= 0xD800 && first <= 0xDFFF) return 0xFFFD;
    return first;
  }

  bool skip_value() {
    skip_space();
    if (at_ >= text_.size()) return false;
    const char c = text_[at_];
    if (c == '"') {
      (void)read_string();
      return true;
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++at_;
      skip_space();
      if (at_ < text_.size() && text_[at_] == close) {
        ++at_;
        return true;
      }
      while (true) {
        if (c == '{') {
          skip_space();
          if (at_ >= text_.size() || text_[at_] != '"') return false;
          (void)read_string();
          skip_space();
          if (at_ >= text_.size() || text_[at_] != ':') return false;
          ++at_;
        }
        if (!skip_value()) return false;
        skip_space();
        if (at_ >= text_.size()) return false;
        if (text_[at_] == close) {
          ++at_;
          return true;
        }
        if (text_[at_] != ',') return false;
        ++at_;
      }
    }
    // A number or true, false, null.
    const std::size_t start = at_;
    while (at_ < text_.size() && std::string_view(",]} \t\n\r").find(text_[at_]) == std::string_view::npos) ++at_;
    return at_ > start;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

// "/a~1b/0" -> {"a/b", "0"}; "/" and "" -> the whole document.
std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty() || pointer == "/") return tokens;
  std::size_t at = 1;
  while (true) {
    const std::size_t end = std::min(pointer.find('/', at), pointer.size());
    std::string token;
    for (std::size_t i = at; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += pointer[i];
      }
    }
    tokens.push_back(std::move(token));
    if (end == pointer.size()) break;
    at = end + 1;
  }
  return tokens;
}

// A pointer for a message: each key cut to a length a line can hold.
std::string shortened_pointer(std::string_view pointer) {
  constexpr std::size_t longest_token = 40;
  std::string out;
  std::size_t token_length = 0;
  for (std::size_t i = 0; i < pointer.size(); ++i) {
    const char c = pointer[i];
    if (c == '/') {
      token_length = 0;
      out += c;
      continue;
    }
    // Count characters, not bytes, so a cut never splits one.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++token_length == longest_token + 1) {
      out += "...";
      while (i + 1 < pointer.size() && pointer[i + 1] != '/') ++i;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::optional<std::size_t> offset_of(std::string_view text, std::string_view pointer) {
  return Locator(text).find(pointer_tokens(pointer));
}

Diagnostic to_diagnostic(std::string_view name, std::string_view text, const InputError& error) {
  Diagnostic d{std::string(name), sanitize_for_terminal(shortened_pointer(error.location)), error.message};
  std::optional<std::size_t> offset = error.offset;
  if (offset) {
    d.location.clear();  // it said "line L, column C", which the numbers below say again
  } else if (error.location.starts_with("/")) {
    offset = offset_of(text, error.location);
  }
  if (offset) {
    const TextPosition pos = position_of(text, *offset);
    d.line = pos.line;
    d.column = pos.column;
  }
  return d;
}

Diagnostics to_diagnostics(std::string_view name, std::string_view text, const Problems& problems) {
  Diagnostics out;
  for (const InputError& e : problems.errors) out.push_back(to_diagnostic(name, text, e));
  if (problems.stopped) {
    out.push_back(Diagnostic{std::string(name), "",
                             "stopped after " + std::to_string(Problems::max_kept) + " problems; there may be more"});
  }
  return out;
}

json parse(std::string_view text, const ParseLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw InputError{"", "the file is " + std::to_string(text.size()) + " bytes; " + std::string(limits.kind) +
                             " may be at most " + std::to_string(limits.max_bytes) + " bytes"};
  }
  if (const auto bad = find_invalid_utf8(text)) {
    throw InputError{at_position(text, *bad), "not valid UTF-8 text", *bad};
  }
  check_before_parsing(text, limits.max_depth);
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
    throw InputError{at_position(text, offset), "not valid JSON: " + sanitize_for_terminal(what), offset};
  } catch (const json::exception& e) {
    // Not expected after the checks above (out_of_range is a number too large); still a
    // message, never an escape.
    throw InputError{"", "not readable JSON: " + sanitize_for_terminal(e.what())};
  } catch (const std::runtime_error&) {
    if (keys.duplicate.empty()) throw;
    throw InputError{keys.where, "the key " + quote_text(keys.duplicate) + " appears twice"};
  }
}

std::string at_position(std::string_view text, std::size_t offset) {
  const TextPosition pos = position_of(text, offset);
  return "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
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

void Node::expect_object(std::initializer_list<std::string_view> allowed, Problems& problems) const {
  if (!value_.is_object()) expected("an object");
  for (const auto& item : value_.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) != allowed.end()) continue;
    problems.attempt([&] {
      std::string list;
      for (std::string_view key : allowed) list += (list.empty() ? "" : ", ") + std::string(key);
      throw InputError{pointer_ + "/" + escape_pointer_token(item.key()),
                       "unknown key " + quote_text(item.key()) + "; expected one of: " + list};
    });
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
         "; write plain text without tabs, line breaks, escape codes or text-direction controls (U+202A to "
         "U+202E, U+2066 to U+2069)");
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
