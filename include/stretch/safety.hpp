#pragma once
// The safety texts and the pre-session check, from the warning signs in the source
// material (docs/safety.md has the same words for readers of the docs).

#include <string_view>
#include <vector>

namespace stretch {

enum class SafetyAnswer {
  none_apply,       // start
  see_professional, // recent spine surgery, a recent injury, severe or constant pain
  warning_sign,     // numbness, pins and needles, leg weakness, trouble walking, bladder or bowel
};

enum class SafetyVerdict {
  start,
  start_after_confirmation,  // advise checking with a physiotherapist or doctor first
  do_not_start,              // get medical care promptly
};

[[nodiscard]] SafetyVerdict safety_verdict(SafetyAnswer answer);

struct SafetyCheckText {
  std::string_view title;
  std::string_view warning_intro;           // "Stop here and get medical help promptly if ..."
  std::vector<std::string_view> warning_signs;
  std::string_view urgent_note;             // bladder or bowel: urgent
  std::string_view professional_intro;      // "Check with a physiotherapist or doctor first if ..."
  std::vector<std::string_view> professional_reasons;
  std::string_view prompt;
};

[[nodiscard]] const SafetyCheckText& safety_check_text();

// Shown after each verdict other than start.
[[nodiscard]] const std::vector<std::string_view>& do_not_start_advice();
[[nodiscard]] const std::vector<std::string_view>& see_professional_advice();

// Shown when the user stops a session because it hurts.
[[nodiscard]] const std::vector<std::string_view>& stopped_for_pain_advice();

// Shown during holds when the exercise has no reminders of its own, or in turn with them.
[[nodiscard]] const std::vector<std::string_view>& hold_reminders();

// The breathing cue of exercises that give none.
[[nodiscard]] std::string_view default_breathing_cue();

}  // namespace stretch
