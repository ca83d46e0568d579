#include "stretch/keys.hpp"

#include <algorithm>

namespace stretch {

const std::vector<KeyBinding>& session_key_map() {
  using C = Key::Code;
  static const std::vector<KeyBinding> map{
      {Action::pause, {Key::character(U' '), Key::character(U'p')}, "space or p", "pause, and again to go on"},
      {Action::skip_step, {Key::character(U's'), Key::of(C::right)}, "s or →", "skip this step"},
      {Action::skip_exercise, {Key::character(U'n')}, "n", "skip the rest of this exercise"},
      {Action::back,
       {Key::character(U'b'), Key::of(C::left)},
       "b or ←",
       "start this step again; within 2 s of its start, go to the step before"},
      // = and _ are + and - without shift on most keyboards.
      {Action::add_time, {Key::character(U'+'), Key::character(U'=')}, "+", "add 5 s to this step"},
      {Action::take_time, {Key::character(U'-'), Key::character(U'_')}, "-", "take 5 s off this step"},
      {Action::stop_for_pain, {Key::character(U'x'), Key::character(U'X')}, "x", "stop, it hurts: end the session"},
      {Action::sound, {Key::character(U'm'), Key::character(U'M')}, "m", "sound on or off"},
      {Action::voice, {Key::character(U'v'), Key::character(U'V')}, "v", "voice on or off"},
      {Action::next_page,
       {Key::of(C::tab), Key::of(C::page_down)},
       "tab",
       "the next page of the steps, when they are too long for the screen"},
      {Action::help, {Key::character(U'?'), Key::character(U'h')}, "? or h", "these keys"},
      {Action::quit, {Key::character(U'q'), Key::character(U'Q'), Key::of(C::escape)}, "q", "quit, after you confirm"},
  };
  return map;
}

Action session_action(const Key& key) {
  for (const KeyBinding& binding : session_key_map()) {
    if (std::find(binding.keys.begin(), binding.keys.end(), key) != binding.keys.end()) return binding.action;
  }
  return Action::none;
}

std::string session_keys_line() {
  std::string line = "Keys: ";
  bool first = true;
  for (const KeyBinding& binding : session_key_map()) {
    if (binding.action == Action::next_page) continue;  // the plain mode prints the steps whole
    line += (first ? "" : "; ") + std::string(binding.names) + " " + std::string(binding.does);
    first = false;
  }
  return line + ".";
}

}  // namespace stretch
