#pragma once
// The pain check-in before and after a session: a rating from 0 (no pain) to 10 (the worst
// imaginable), or nothing. Both runners ask the same question and read answers the same way.

#include <optional>
#include <string_view>

namespace stretch {

inline constexpr int pain_min = 0;
inline constexpr int pain_max = 10;

enum class PainMoment { before, after };

// The question, without the answer hint: "How is your back pain right now, ...?"
[[nodiscard]] std::string_view pain_question(PainMoment moment);
// What to type: "0 (none) to 10 (worst), Enter to skip".
[[nodiscard]] std::string_view pain_answer_hint();

// A typed line (the plain runner). Spaces around are ignored.
struct PainAnswer {
  enum class Kind { rating, skip, invalid };
  Kind kind = Kind::skip;
  int rating = 0;  // pain_min..pain_max when kind == rating
};
// "" or only spaces: skip; "0" to "10": a rating; anything else: invalid (ask again).
[[nodiscard]] PainAnswer parse_pain_answer(std::string_view line);

// Keys one at a time (the full screen). Every digit answers at once except '1', which
// waits for '0' (ten) or Enter (one). Enter with nothing typed skips; Backspace takes
// back a pending '1'; any other key is ignored. The caller maps its Enter and Backspace
// keys (KEY_ENTER, '\r', KEY_BACKSPACE, 127, ...) to pain_key_enter and pain_key_backspace.
inline constexpr char32_t pain_key_enter = U'\n';
inline constexpr char32_t pain_key_backspace = U'\b';

struct PainKeys {
  bool pending_one = false;  // '1' typed, waiting: show "1" in the prompt
};
enum class PainKeyOutcome { waiting, answered, skipped };
struct PainKeyStep {
  PainKeys state;  // keep this for the next key
  PainKeyOutcome outcome = PainKeyOutcome::waiting;
  std::optional<int> rating;  // set when answered
};
[[nodiscard]] PainKeyStep pain_key(PainKeys state, char32_t key);

}  // namespace stretch
