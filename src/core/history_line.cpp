#include "history_line.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "json_input.hpp"
#include "stretch/text.hpp"

namespace stretch::history_line {
namespace {

using json_input::InputError;
using json_input::Node;
using std::chrono::seconds;

constexpr Side sides[] = {Side::none, Side::left, Side::right};
constexpr ExerciseStatus statuses[] = {ExerciseStatus::done, ExerciseStatus::partial, ExerciseStatus::skipped,
                                       ExerciseStatus::stopped};
constexpr SessionEnd ends[] = {SessionEnd::completed, SessionEnd::quit, SessionEnd::stopped_for_pain,
                               SessionEnd::interrupted};

// ---- the general reader ----

std::string read_label(const Node& node) {
  if (node.value().is_string() && node.value().get_ref<const std::string&>().empty()) return "";
  return node.text(max_label);
}

std::string read_note(const Node& node) {
  if (node.value().is_string() && node.value().get_ref<const std::string&>().empty()) return "";
  return node.text(max_note_characters);
}

std::optional<int> read_pain(const Node& parent, std::string_view key) {
  if (!parent.has(key)) return std::nullopt;
  const Node node = parent[key];
  if (node.value().is_null()) return std::nullopt;
  return node.whole_number(0, 10, "points of pain");
}

seconds read_seconds(const Node& parent, std::string_view key) {
  return seconds{parent[key].whole_number_64(0, max_record_seconds, "seconds")};
}

HistoryRecord read_record(const json_input::json& document) {
  const Node root(document, "");
  // Keys this version does not know are ignored, so a newer program's records still read.
  root.expect_any_object();
  const Node version = root["version"];
  if (!version.value().is_number_integer()) version.expected("the format version, a whole number");
  if (version.value() != history_format_version) {
    version.fail("format version " + version.value().dump() + ", from another stretch-timer; this one reads version " +
                 std::to_string(history_format_version));
  }
  HistoryRecord r;
  const Node started = root["started_at"];
  if (!started.value().is_string()) started.expected("a time like \"2026-03-08T07:30:00-04:00\"");
  const auto t = parse_timestamp(started.value().get_ref<const std::string&>());
  if (!t) {
    started.fail("expected a time like \"2026-03-08T07:30:00-04:00\", found " +
                 json_input::quote_text(started.value().get_ref<const std::string&>()));
  }
  r.started_at = *t;
  // Since 0.3: the start of the session this one resumes. Older lines have no such key.
  if (root.has("resumes") && !root["resumes"].value().is_null()) {
    const Node resumes = root["resumes"];
    const std::optional<Timestamp> first =
        resumes.value().is_string() ? parse_timestamp(resumes.value().get_ref<const std::string&>()) : std::nullopt;
    if (!first) resumes.expected("the start of the session it resumes, a time like \"2026-03-08T07:30:00-04:00\"");
    r.resumes = *first;
  }
  r.routine_id = read_label(root["routine_id"]);
  r.routine_name = read_label(root["routine_name"]);
  r.level = root["level"].level();
  r.planned = read_seconds(root, "planned_seconds");
  r.active = read_seconds(root, "active_seconds");
  r.paused = read_seconds(root, "paused_seconds");
  r.held = read_seconds(root, "held_seconds");
  for (const Node& item : root["exercises"].elements(0, max_exercises, "exercises")) {
    item.expect_any_object();
    r.exercises.push_back(ExerciseResult{read_label(item["id"]), read_label(item["name"]),
                                         statuses[item["status"].one_of({"done", "partial", "skipped", "stopped"})]});
  }
  r.end = ends[root["end"].one_of({"completed", "quit", "stopped_for_pain", "interrupted"})];
  r.pain_before = read_pain(root, "pain_before");
  r.pain_after = read_pain(root, "pain_after");
  // Since 0.4: the person's note. Older lines have no such key.
  if (root.has("note") && !root["note"].value().is_null()) r.note = read_note(root["note"]);
  // Since 0.2: where a session that ended early was. Older lines have no such key.
  if (root.has("stopped_during") && !root["stopped_during"].value().is_null()) {
    const Node where = root["stopped_during"];
    where.expect_any_object();
    StopPoint point{read_label(where["id"]), read_label(where["name"]), Side::none};
    if (where.has("side")) {
      point.side = sides[where["side"].one_of({"both", "left", "right"})];
    }
    r.stopped_during = std::move(point);
  }
  return r;
}

// ---- the fast reader: every function returns false to hand the line over ----

// Bytes a string holds as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> plain_bytes() {
  std::array<bool, 256> table{};
  for (int b = 0x20; b < 0x7F; ++b) table[static_cast<std::size_t>(b)] = b != '"' && b != '\\';
  return table;
}
constexpr std::array<bool, 256> plain_byte = plain_bytes();

// Whether 8 bytes are all plain (as plain_byte), tested at once (SWAR): `stats` reads every
// string of ten years of records, and a byte at a time was a seventh of its time.
// has_zero(v) is non-zero exactly when some byte of v is zero; has_less(v, n) when some byte
// is below n (n <= 128).
constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t highs = 0x8080808080808080ULL;
constexpr std::uint64_t has_zero(std::uint64_t v) { return (v - ones) & ~v & highs; }
constexpr std::uint64_t has_less(std::uint64_t v, std::uint64_t n) { return (v - ones * n) & ~v & highs; }
inline bool plain_word(const char* at) {
  std::uint64_t w = 0;
  std::memcpy(&w, at, sizeof w);
  return ((w & highs) | has_less(w, 0x20) | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\')) |
          has_zero(w ^ (ones * 0x7F))) == 0;
}

// Whether every byte is plain: whole words, the last one overlapping those before it.
bool plain_span(std::string_view text) {
  const std::size_t n = text.size();
  if (n < 8) {
    for (const char c : text)
      if (!plain_byte[static_cast<unsigned char>(c)]) return false;
    return true;
  }
  for (std::size_t k = 0; k + 8 <= n; k += 8)
    if (!plain_word(text.data() + k)) return false;
  return plain_word(text.data() + n - 8);
}

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  bool eat(char c) {
    skip_space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  bool at_end() {
    skip_space();
    return i_ == s_.size();
  }

  // A string as view(), copied into `out`.
  bool string(std::string& out) {
    std::string_view text;
    if (!view(text)) return false;
    out.assign(text.data(), text.size());
    return true;
  }

  // A string with its escapes decoded; only valid UTF-8 with no control characters. Plain
  // printable ASCII with no escapes, nearly every string of a record, is seen in the line
  // itself, 8 bytes at a time, and not copied; other text is decoded into a buffer that the
  // next call reuses.
  bool view(std::string_view& out) {
    skip_space();
    if (i_ == s_.size() || s_[i_] != '"') return false;
    const std::size_t start = i_ + 1;
    const void* quote = std::memchr(s_.data() + start, '"', s_.size() - start);
    if (quote != nullptr) {
      const auto end = static_cast<std::size_t>(static_cast<const char*>(quote) - s_.data());
      if (plain_span(s_.substr(start, end - start))) {
        out = s_.substr(start, end - start);
        i_ = end + 1;
        return true;
      }
    }
    if (!decode(decoded_)) return false;
    out = decoded_;
    return true;
  }

  bool decode(std::string& out) {
    out.clear();
    if (!eat('"')) return false;
    bool wide = false;
    while (i_ < s_.size()) {
      const std::size_t start = i_;
      while (i_ < s_.size() && plain_byte[static_cast<unsigned char>(s_[i_])]) ++i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\') {
        const auto byte = static_cast<unsigned char>(s_[i_]);
        if (byte < 0x20 || byte == 0x7F) return false;
        wide = wide || byte >= 0x80;
        ++i_;
      }
      out.append(s_.substr(start, i_ - start));
      if (i_ == s_.size()) return false;
      if (s_[i_++] == '"') {
        // Non-ASCII text: the general reader's rules for UTF-8 and C1 control characters.
        return !wide || (!find_invalid_utf8(out) && !find_control_character(out));
      }
      if (i_ == s_.size()) return false;
      switch (s_[i_++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp) || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0xDC00 && cp <= 0xDFFF)) {
            return false;
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (!(i_ + 1 < s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u')) return false;
            i_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, static_cast<char32_t>(cp));
          break;
        }
        default: return false;  // \b \f \n \r \t are control characters: not in a record
      }
    }
    return false;
  }

  // A whole number written as JSON writes one: no fraction, exponent or leading zeros.
  bool integer(std::int64_t& out) {
    skip_space();
    const bool negative = i_ < s_.size() && s_[i_] == '-';
    if (negative) ++i_;
    const std::size_t start = i_;
    std::int64_t value = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      if (i_ - start >= 15) return false;
      value = value * 10 + (s_[i_] - '0');
      ++i_;
    }
    const std::size_t length = i_ - start;
    if (length == 0 || (length > 1 && s_[start] == '0')) return false;
    if (i_ < s_.size() && (s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E')) return false;
    out = negative ? -value : value;
    return true;
  }

  bool null() {
    skip_space();
    if (s_.substr(i_, 4) != "null") return false;
    i_ += 4;
    return true;
  }

  [[nodiscard]] bool peek_null() {
    skip_space();
    return s_.substr(i_, 4) == "null";
  }

 private:
  // Records are written without spaces: one comparison tells the usual byte is none.
  void skip_space() {
    while (i_ < s_.size() && static_cast<unsigned char>(s_[i_]) <= ' ' &&
           (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) {
      ++i_;
    }
  }

  bool hex4(std::uint32_t& out) {
    if (i_ + 4 > s_.size()) return false;
    out = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
      out = out * 16 + digit;
    }
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string decoded_;  // a string with escapes or non-ASCII text, decoded
};

// A string no longer in bytes than the limit in characters needs no counting.
bool label(Reader& in, std::string& out) {
  return in.string(out) && (out.size() <= max_label || json_input::code_points(out) <= max_label);
}

template <typename T, std::size_t N>
bool choice(Reader& in, std::string_view& scratch, const std::string_view (&names)[N], const T (&values)[N], T& out) {
  if (!in.view(scratch)) return false;
  for (std::size_t k = 0; k < N; ++k) {
    if (scratch == names[k]) {
      out = values[k];
      return true;
    }
  }
  return false;
}

bool whole_seconds(Reader& in, seconds& out) {
  std::int64_t value = 0;
  if (!in.integer(value) || value < 0 || value > max_record_seconds) return false;
  out = seconds{value};
  return true;
}

bool pain(Reader& in, std::optional<int>& out) {
  if (in.peek_null()) {
    out.reset();
    return in.null();
  }
  std::int64_t value = 0;
  if (!in.integer(value) || value < 0 || value > 10) return false;
  out = static_cast<int>(value);
  return true;
}

constexpr std::string_view status_names[] = {"done", "partial", "skipped", "stopped"};
constexpr std::string_view end_names[] = {"completed", "quit", "stopped_for_pain", "interrupted"};

// The index of `key` among `names`, or N. `expected` is tried first: keys come in the order
// this program writes them, so the search is nearly always one comparison.
template <std::size_t N>
std::size_t index_of(const std::string_view (&names)[N], std::string_view key, std::size_t expected = 0) {
  if (expected < N && names[expected] == key) return expected;
  std::size_t k = 0;
  while (k < N && names[k] != key) ++k;
  return k;
}

constexpr std::string_view exercise_keys[] = {"id", "name", "status"};

bool exercise(Reader& in, std::string_view& key, std::string_view& scratch, ExerciseResult& out) {
  if (!in.eat('{')) return false;
  unsigned seen = 0;
  std::size_t k = 0;
  do {
    if (!in.view(key) || !in.eat(':')) return false;
    k = index_of(exercise_keys, key, seen == 0 ? 0 : k + 1);
    if (k == std::size(exercise_keys) || (seen & (1u << k)) != 0) return false;
    seen |= 1u << k;
    const bool ok = k == 0   ? label(in, out.id)
                    : k == 1 ? label(in, out.name)
                             : choice(in, scratch, status_names, statuses, out.status);
    if (!ok) return false;
  } while (in.eat(','));
  return in.eat('}') && seen == 7;
}

bool exercises(Reader& in, std::string_view& key, std::string_view& scratch, std::vector<ExerciseResult>& out) {
  if (!in.eat('[')) return false;
  if (in.eat(']')) return true;
  out.reserve(8);  // most routines: one allocation, no copies as it grows
  do {
    if (out.size() == max_exercises) return false;
    out.emplace_back();
    if (!exercise(in, key, scratch, out.back())) return false;
  } while (in.eat(','));
  return in.eat(']');
}

constexpr std::string_view side_names[] = {"both", "left", "right"};
constexpr std::string_view stop_keys[] = {"id", "name", "side"};

// `stopped_during`: {"id", "name", "side"}, the side may be left out.
bool stop_point(Reader& in, std::string_view& key, std::string_view& scratch, std::optional<StopPoint>& out) {
  if (!in.eat('{')) return false;
  StopPoint point;
  unsigned seen = 0;
  do {
    if (!in.view(key) || !in.eat(':')) return false;
    const std::size_t k = index_of(stop_keys, key);
    if (k == std::size(stop_keys) || (seen & (1u << k)) != 0) return false;
    seen |= 1u << k;
    const bool ok = k == 0   ? label(in, point.exercise_id)
                    : k == 1 ? label(in, point.exercise_name)
                             : choice(in, scratch, side_names, sides, point.side);
    if (!ok) return false;
  } while (in.eat(','));
  if (!in.eat('}') || (seen & 3u) != 3u) return false;
  out = std::move(point);
  return true;
}

// The record's keys; the first 11 must be there, the rest may be left out.
constexpr std::string_view record_keys[] = {
    "version",        "started_at",     "routine_id",   "routine_name", "level", "planned_seconds",
    "active_seconds", "paused_seconds", "held_seconds", "exercises",    "end",   "pain_before",
    "pain_after",     "stopped_during", "resumes",      "note"};
constexpr unsigned required_keys = (1u << 11) - 1;

bool record_value(Reader& in, std::size_t k, std::string_view& key, std::string_view& scratch, HistoryRecord& r) {
  switch (k) {
    case 0: {
      std::int64_t version = 0;
      return in.integer(version) && version == history_format_version;
    }
    case 1: {
      if (!in.view(scratch)) return false;
      const std::optional<Timestamp> t = parse_timestamp(scratch);
      if (t) r.started_at = *t;
      return t.has_value();
    }
    case 2: return label(in, r.routine_id);
    case 3: return label(in, r.routine_name);
    case 4: {
      if (!in.view(scratch)) return false;
      const std::optional<Level> level = parse_level(scratch);
      if (level) r.level = *level;
      return level.has_value();
    }
    case 5: return whole_seconds(in, r.planned);
    case 6: return whole_seconds(in, r.active);
    case 7: return whole_seconds(in, r.paused);
    case 8: return whole_seconds(in, r.held);
    case 9: return exercises(in, key, scratch, r.exercises);
    case 10: return choice(in, scratch, end_names, ends, r.end);
    case 11: return pain(in, r.pain_before);
    case 12: return pain(in, r.pain_after);
    case 13: return stop_point(in, key, scratch, r.stopped_during);
    case 14: {
      if (!in.view(scratch)) return false;
      const std::optional<Timestamp> t = parse_timestamp(scratch);
      if (t) r.resumes = *t;
      return t.has_value();
    }
    case 15:
      return in.string(r.note) &&
             (r.note.size() <= max_note_characters || json_input::code_points(r.note) <= max_note_characters);
    default: return false;  // a key this reader does not know: the general reader ignores it
  }
}

}  // namespace

std::optional<HistoryRecord> read_fast(std::string_view line) {
  if (line.size() > max_history_line_bytes) return std::nullopt;
  Reader in(line);
  HistoryRecord r;
  std::string_view key;
  std::string_view scratch;
  unsigned seen = 0;
  if (!in.eat('{')) return std::nullopt;
  std::size_t k = 0;
  do {
    if (!in.view(key) || !in.eat(':')) return std::nullopt;
    k = index_of(record_keys, key, seen == 0 ? 0 : k + 1);
    if (k < std::size(record_keys) && (seen & (1u << k)) != 0) return std::nullopt;  // a key twice
    seen |= 1u << k;
    if (!record_value(in, k, key, scratch, r)) return std::nullopt;
  } while (in.eat(','));
  if (!in.eat('}') || !in.at_end() || (seen & required_keys) != required_keys) return std::nullopt;
  return r;
}

HistoryLine read_general(std::string_view line) {
  if (line.size() > max_history_line_bytes) {
    return {std::nullopt, "the line is " + std::to_string(line.size()) + " bytes; a record is at most " +
                              std::to_string(max_history_line_bytes)};
  }
  // Records are written by this program only: skip the duplicate-key check, it costs time.
  const json_input::ParseLimits limits{max_history_line_bytes, 4, "history lines", false};
  try {
    return {read_record(json_input::parse(line, limits)), ""};
  } catch (const InputError& e) {
    // A record is one line, so of "line 1, column 37" only the column says anything.
    std::string location = e.location;
    if (location.starts_with("line 1, ")) location.erase(0, 8);
    return {std::nullopt, location.empty() ? e.message : location + ": " + e.message};
  } catch (const std::exception& e) {
    return {std::nullopt, std::string("cannot read the record: ") + e.what()};
  }
}

}  // namespace stretch::history_line
