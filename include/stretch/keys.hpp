#pragma once
// Keys as the session understands them, whatever the terminal sent, and the one key map that
// both front ends use, that `?` shows and that `--help` prints. The terminal layer makes Keys
// from ncurses' codes, the plain mode from raw bytes; everything else uses only this.

#include <string>
#include <string_view>
#include <vector>

namespace stretch {

struct Key {
  enum class Code { character, up, down, left, right, enter, escape, backspace, tab, page_up, page_down, other };
  Code code = Code::other;
  char32_t ch = 0;  // for Code::character

  static Key character(char32_t c) { return Key{Code::character, c}; }
  static Key of(Code code) { return Key{code, 0}; }
  [[nodiscard]] bool is(char32_t c) const { return code == Code::character && ch == c; }
  friend bool operator==(const Key&, const Key&) = default;
};

// What a key does while a session runs.
enum class Action {
  none,
  pause,  // pause, and again to go on
  skip_step,
  skip_exercise,
  back,  // restart the step; within 2 s of its start, the step before
  add_time,
  take_time,
  stop_for_pain,  // ends the session: it hurts
  sound,          // the sound on or off
  voice,          // the voice on or off
  next_page,      // the next page of the steps, when they take turns
  help,
  quit,  // asks first
};

struct KeyBinding {
  Action action = Action::none;
  std::vector<Key> keys;
  std::string_view names;  // how the keys are written: "space", "s or →"
  std::string_view does;   // "pause, and again to go on"
};

// The session's keys, in the order the help lists them.
[[nodiscard]] const std::vector<KeyBinding>& session_key_map();
[[nodiscard]] Action session_action(const Key& key);
// "space pause, and again to go on; s or → skip this step; ...": one line for the plain mode
// and --help.
[[nodiscard]] std::string session_keys_line();

}  // namespace stretch
