#pragma once
// Bytes from the keyboard to Keys: UTF-8 characters, Enter, Backspace, Esc, and the escape
// sequences of the arrow and page keys (from terminfo, plus the common xterm forms). The loop
// reads stdin itself when poll() says it is readable, so a wake-up by the timer reads nothing.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stretch/keys.hpp"

namespace stretch::app {

class KeyDecoder {
 public:
  // `sequences`: escape sequences and the keys they mean, e.g. {"\x1bOA", up}.
  explicit KeyDecoder(std::vector<std::pair<std::string, Key::Code>> sequences = {});

  // The keys in `bytes`, which is what one read returned. A UTF-8 character cut by the end of
  // a read is kept for the next; an Esc alone at the end is the Esc key.
  [[nodiscard]] std::vector<Key> feed(std::string_view bytes);

 private:
  std::vector<std::pair<std::string, Key::Code>> sequences_;
  std::string pending_;
};

}  // namespace stretch::app
