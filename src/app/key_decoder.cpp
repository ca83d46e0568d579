#include "app/key_decoder.hpp"

#include <algorithm>

namespace stretch::app {
namespace {

// Normal and application cursor modes of xterm and its kin, whatever terminfo says.
const std::vector<std::pair<std::string, Key::Code>>& common_sequences() {
  static const std::vector<std::pair<std::string, Key::Code>> sequences{
      {"\x1b[A", Key::Code::up},         {"\x1bOA", Key::Code::up},    {"\x1b[B", Key::Code::down},
      {"\x1bOB", Key::Code::down},       {"\x1b[C", Key::Code::right}, {"\x1bOC", Key::Code::right},
      {"\x1b[D", Key::Code::left},       {"\x1bOD", Key::Code::left},  {"\x1b[5~", Key::Code::page_up},
      {"\x1b[6~", Key::Code::page_down}, {"\x1bOM", Key::Code::enter},
  };
  return sequences;
}

std::size_t utf8_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

}  // namespace

KeyDecoder::KeyDecoder(std::vector<std::pair<std::string, Key::Code>> sequences) : sequences_(std::move(sequences)) {
  for (const auto& s : common_sequences()) sequences_.push_back(s);
  sequences_.erase(std::remove_if(sequences_.begin(), sequences_.end(),
                                  [](const auto& s) { return s.first.size() < 2 || s.first[0] != '\x1b'; }),
                   sequences_.end());
  // Longest first, so that a sequence is never taken for a shorter one it begins with.
  std::stable_sort(sequences_.begin(), sequences_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::vector<Key> KeyDecoder::feed(std::string_view bytes) {
  std::string input = std::exchange(pending_, std::string()) + std::string(bytes);
  std::vector<Key> keys;
  std::size_t at = 0;
  while (at < input.size()) {
    const std::string_view rest = std::string_view(input).substr(at);
    const auto byte = static_cast<unsigned char>(rest[0]);
    if (byte == 0x1b) {
      const auto known = std::find_if(sequences_.begin(), sequences_.end(),
                                      [&](const auto& s) { return rest.substr(0, s.first.size()) == s.first; });
      if (known != sequences_.end()) {
        keys.push_back(Key::of(known->second));
        at += known->first.size();
      } else if (rest.size() >= 2 && (rest[1] == '[' || rest[1] == 'O')) {
        // Another key's sequence (F5, Ctrl+arrow, ...): skip it whole, up to its final byte.
        std::size_t end = 2;
        while (end < rest.size() && (static_cast<unsigned char>(rest[end]) < 0x40 || rest[end] == '[')) ++end;
        keys.push_back(Key::of(Key::Code::other));
        at += std::min(end + 1, rest.size());
      } else {
        keys.push_back(Key::of(Key::Code::escape));  // Esc alone, or Alt with a key
        at += rest.size() >= 2 ? 2U : 1U;
      }
      continue;
    }
    if (byte == '\r' || byte == '\n') {
      keys.push_back(Key::of(Key::Code::enter));
    } else if (byte == '\t') {
      keys.push_back(Key::of(Key::Code::tab));
    } else if (byte == 0x7f || byte == 0x08) {
      keys.push_back(Key::of(Key::Code::backspace));
    } else if (byte < 0x20) {
      keys.push_back(Key::of(Key::Code::other));
    } else {
      const std::size_t length = utf8_length(byte);
      if (rest.size() < length) {
        pending_.assign(rest);  // the rest of the character comes with the next read
        break;
      }
      char32_t cp = length == 1 ? byte : byte & (length == 2 ? 0x1FU : length == 3 ? 0x0FU : 0x07U);
      for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(rest[i]) & 0x3FU);
      keys.push_back(Key::character(cp));
      at += length;
      continue;
    }
    ++at;
  }
  return keys;
}

}  // namespace stretch::app
