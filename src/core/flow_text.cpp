#include "stretch/flow_text.hpp"

#include <charconv>
#include <optional>

#include "stretch/daily_status_text.hpp"
#include "stretch/duration_format.hpp"
#include "stretch/pain.hpp"
#include "stretch/safety.hpp"
#include "stretch/text.hpp"

namespace stretch::flow_text {

std::string_view trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

std::optional<int> number_in(std::string_view text, int low, int high) {
  text = trimmed(text);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value < low || value > high) return std::nullopt;
  return value;
}

std::string level_advice_text(const LevelSuggestion& advice) {
  return "Suggested level: " + std::string(to_string(advice.suggested)) + ". " + sanitize_for_terminal(advice.why) +
         ".";
}

std::vector<std::string> menu_lines(std::span<const LibraryRoutine* const> menu, const Library& library,
                                    const PlanSettings& settings, const DailyStatus& today,
                                    const std::map<std::string, LevelSuggestion, std::less<>>* advice) {
  std::vector<std::string> lines{daily_status_line(today), "Routines:"};
  for (std::size_t i = 0; i < menu.size(); ++i) {
    const Routine& routine = menu[i]->routine;
    lines.push_back("  " + std::to_string(i + 1) + ". " + sanitize_for_terminal(routine.name) + " (" +
                    sanitize_for_terminal(routine.id) + "), " +
                    format_duration(expand(routine, library, settings).total) +
                    (completed_today(today, routine.id) ? ", done today" : ""));
    if (advice == nullptr) continue;
    if (const auto it = advice->find(routine.id); it != advice->end()) {
      for (const std::string& l : wrap_text(level_advice_text(it->second), 72)) lines.push_back("     " + l);
    }
  }
  return lines;
}

std::string menu_prompt(std::size_t count, Level level, bool resume) {
  return std::string(resume ? "Type r to resume, or a number" : "Type a number") + " from 1 to " +
         std::to_string(count) + " to start, with gentle, standard or full after it to change the level (now " +
         std::string(to_string(level)) + "), or q to quit: ";
}

std::string menu_retry(std::size_t count) {
  return "That is not one of the choices. Please type a number from 1 to " + std::to_string(count) +
         ", optionally followed by gentle, standard or full, or q to quit.";
}

std::string plan_heading(const Plan& plan) {
  return sanitize_for_terminal(plan.routine_name) + ", level " + std::string(to_string(plan.level)) + ": " +
         std::to_string(plan.exercises.size()) + (plan.exercises.size() == 1 ? " exercise, " : " exercises, ") +
         format_duration(plan.total) + ".";
}

std::vector<std::string> safety_check_lines() {
  const SafetyCheckText& text = safety_check_text();
  std::vector<std::string> lines{std::string(text.title), std::string(text.warning_intro)};
  for (std::string_view sign : text.warning_signs) lines.push_back("  - " + std::string(sign));
  lines.emplace_back(text.urgent_note);
  lines.emplace_back(text.professional_intro);
  for (std::string_view reason : text.professional_reasons) lines.push_back("  - " + std::string(reason));
  lines.emplace_back(text.prompt);
  lines.emplace_back("  1. None of this applies to me today.");
  lines.emplace_back("  2. A reason to check with a physiotherapist or doctor applies.");
  lines.emplace_back("  3. A warning sign applies.");
  return lines;
}

std::string pain_prompt(bool after_session) {
  return std::string(pain_question(after_session ? PainMoment::after : PainMoment::before)) + " " +
         std::string(pain_answer_hint()) + ": ";
}

std::string pain_retry() {
  return "Please answer " + std::to_string(pain_min) + " to " + std::to_string(pain_max) + ", or press Enter to skip.";
}

std::string pain_not_a_rating() {
  return "Not a rating from " + std::to_string(pain_min) + " to " + std::to_string(pain_max) + ", so it is skipped.";
}

}  // namespace stretch::flow_text
