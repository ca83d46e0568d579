#pragma once
// A key as the full-screen session understands it, whatever the terminal sent. The terminal
// layer makes these from ncurses' codes; the flow and its tests use only this.

namespace stretch::app {

struct Key {
  enum class Code { character, up, down, left, right, enter, escape, backspace, page_up, page_down, other };
  Code code = Code::other;
  char32_t ch = 0;  // for Code::character

  static Key character(char32_t c) { return Key{Code::character, c}; }
  static Key of(Code code) { return Key{code, 0}; }
  [[nodiscard]] bool is(char32_t c) const { return code == Code::character && ch == c; }
};

}  // namespace stretch::app
