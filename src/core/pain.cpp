#include "stretch/pain.hpp"

namespace stretch {

std::string_view pain_question(PainMoment moment) {
  return moment == PainMoment::before ? "Before you start: how is your back pain right now?"
                                      : "How is your back pain now, after the session?";
}

std::string_view pain_answer_hint() { return "0 (none) to 10 (worst), Enter to skip"; }

PainAnswer parse_pain_answer(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {PainAnswer::Kind::skip, 0};
  const auto last = line.find_last_not_of(" \t\r\n");
  const std::string_view text = line.substr(first, last - first + 1);
  if (text.size() > 2) return {PainAnswer::Kind::invalid, 0};
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return {PainAnswer::Kind::invalid, 0};
    value = value * 10 + (c - '0');
  }
  if (value > pain_max || (text.size() == 2 && text[0] == '0')) return {PainAnswer::Kind::invalid, 0};
  return {PainAnswer::Kind::rating, value};
}

PainKeyStep pain_key(PainKeys state, char32_t key) {
  if (state.pending_one) {
    if (key == U'0') return {PainKeys{}, PainKeyOutcome::answered, 10};
    if (key == pain_key_enter) return {PainKeys{}, PainKeyOutcome::answered, 1};
    if (key == pain_key_backspace) return {PainKeys{}, PainKeyOutcome::waiting, std::nullopt};
    return {state, PainKeyOutcome::waiting, std::nullopt};
  }
  if (key == U'1') return {PainKeys{true}, PainKeyOutcome::waiting, std::nullopt};
  if (key >= U'0' && key <= U'9') return {PainKeys{}, PainKeyOutcome::answered, static_cast<int>(key - U'0')};
  if (key == pain_key_enter) return {PainKeys{}, PainKeyOutcome::skipped, std::nullopt};
  return {state, PainKeyOutcome::waiting, std::nullopt};
}

}  // namespace stretch
