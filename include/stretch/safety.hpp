#pragma once
// The safety texts and the pre-session check, from the warning signs in the source
// material (docs/safety.md has the same words for readers of the docs).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stretch {

enum class SafetyAnswer {
  none_apply,        // start
  see_professional,  // recent spine surgery, a recent injury, severe pain, new to exercise or unsure
  warning_sign,      // numbness, pins and needles, leg weakness, trouble walking, bladder or bowel,
                     // constant and severe pain
};

enum class SafetyVerdict {
  start,
  start_after_confirmation,  // advise checking with a physiotherapist or doctor first
  do_not_start,              // get medical care promptly
};

[[nodiscard]] SafetyVerdict safety_verdict(SafetyAnswer answer);

struct SafetyCheckText {
  std::string_view title;
  std::string_view warning_intro;  // "Stop here and get medical help promptly if ..."
  std::vector<std::string_view> warning_signs;
  std::string_view urgent_note;         // bladder or bowel: urgent
  std::string_view professional_intro;  // "Check with a physiotherapist or doctor first if ..."
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

// General tips from the material, shown one at a time on the summary and all by
// `stretch-timer tips`.
[[nodiscard]] const std::vector<std::string_view>& tips();
// The tip to show the `number`-th time (any number: it wraps round).
[[nodiscard]] std::string_view tip_for(std::size_t number);

// docs/safety.md, made from the texts above, so that the document and the program cannot
// say different things (a test checks the file against it).
[[nodiscard]] std::string safety_markdown();

// The breathing cue of exercises that give none.
[[nodiscard]] std::string_view default_breathing_cue();

}  // namespace stretch
