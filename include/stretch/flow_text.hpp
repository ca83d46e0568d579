#pragma once
// What the plain front end writes between the session's cues: the menu, the safety check,
// the questions and what a wrong answer gets. The flow emits these as lines; the full screen
// shows the same choices as panels (view_model.hpp).

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/library.hpp"
#include "stretch/plan.hpp"
#include "stretch/progression.hpp"
#include "stretch/stats.hpp"

namespace stretch::flow_text {

// The status line, "Routines:" and one numbered line a routine.
// `advice`: the level suggested for a routine, by id; said under the routine's line.
[[nodiscard]] std::vector<std::string> menu_lines(
    std::span<const LibraryRoutine* const> menu, const Library& library, const PlanSettings& settings,
    const DailyStatus& today, const std::map<std::string, LevelSuggestion, std::less<>>* advice = nullptr);
// "Suggested level: full. 5 whole sessions ... try full."
[[nodiscard]] std::string level_advice_text(const LevelSuggestion& advice);
// `resume`: the menu also offers to resume a session (r).
[[nodiscard]] std::string menu_prompt(std::size_t count, Level level, bool resume = false);
[[nodiscard]] std::string menu_retry(std::size_t count);

// "Low back, level standard: 5 exercises, 7 min 40 s."
[[nodiscard]] std::string plan_heading(const Plan& plan);

[[nodiscard]] std::vector<std::string> safety_check_lines();
inline constexpr std::string_view safety_prompt = "Answer 1, 2 or 3: ";
// After the rating after the session: one line for the physiotherapist, or nothing.
inline constexpr std::string_view note_prompt = "A note for your physiotherapist, or Enter for none: ";
inline constexpr std::string_view safety_retry = "Please answer 1, 2 or 3.";
inline constexpr std::string_view confirm_prompt =
    "Have they told you these stretches are right for you? Type yes to start: ";

[[nodiscard]] std::string pain_prompt(bool after_session);
[[nodiscard]] std::string pain_retry();
[[nodiscard]] std::string pain_not_a_rating();

inline constexpr std::string_view quit_question = "Quit the session? Press y to quit, any other key to go on.";

// "12" -> 12 if it is a whole number in [low, high]; spaces around are ignored.
[[nodiscard]] std::optional<int> number_in(std::string_view text, int low, int high);
[[nodiscard]] std::string_view trimmed(std::string_view text);

}  // namespace stretch::flow_text
