#pragma once
// The plain runner's questions: the routine menu, the safety check and the pain rating.
// Each reads one line from stdin; a signal that ends the program, or the end of input,
// is an answer too. Piped answers are echoed, so the output reads line by line. A wrong
// answer at a terminal asks again, saying what is expected; a wrong piped answer counts
// as no answer (a script that sends the wrong thing must not loop, or start a session).

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/session_signals.hpp"
#include "app/session_types.hpp"
#include "app/stdin_reader.hpp"
#include "stretch/pain.hpp"

namespace stretch::app {

// A signal that ends the session or the program (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE).
[[nodiscard]] bool is_ending_signal(int signal_number);

class Conversation {
 public:
  Conversation(InputReader& in, SignalPipe& signals, std::ostream& out, bool echo_answers)
      : in_(in), signals_(signals), out_(out), echo_(echo_answers) {}

  struct Reply {
    std::optional<std::string> line;  // nullopt: the input ended, or a signal came
    int signal = 0;                   // the ending signal, or 0
  };
  Reply ask(std::string_view prompt);
  // Answers come from a pipe or a file, not a terminal: nobody reads a "try again", so a
  // wrong answer counts as no answer.
  [[nodiscard]] bool piped() const { return echo_; }

 private:
  InputReader& in_;
  SignalPipe& signals_;
  std::ostream& out_;
  bool echo_;
};

// Either a way on, or the exit code to return now.
struct MenuChoice {
  const LibraryRoutine* routine = nullptr;
  Level level = Level::standard;
  int exit_code = 0;  // when routine is null
};
[[nodiscard]] MenuChoice choose_routine(Conversation& talk, std::ostream& out, const Library& library,
                                        const std::vector<const LibraryRoutine*>& menu, const PlanSettings& settings, const DailyStatus& today);

enum class SafetyOutcome { start, not_started, signal };
struct SafetyResult {
  SafetyOutcome outcome = SafetyOutcome::not_started;
  int signal = 0;
};
// Answers: 1 none of this applies, 2 a reason to see a professional first (then asks to
// confirm), 3 a warning sign. No answer (the end of input) does not start: a script must
// answer, or the check be off in the settings.
[[nodiscard]] SafetyResult ask_safety_check(Conversation& talk, std::ostream& out);

struct PainReply {
  std::optional<int> rating;  // pain_min..pain_max; empty when skipped
  int signal = 0;
};
// Asks stretch::pain_question(moment) and reads the line with stretch::parse_pain_answer.
// Enter, or the end of input, skips; so does a wrong piped answer.
[[nodiscard]] PainReply ask_pain(Conversation& talk, std::ostream& out, PainMoment moment);

// "12" -> 12 if it is a whole number in [low, high].
[[nodiscard]] std::optional<int> parse_number_in(std::string_view text, int low, int high);

}  // namespace stretch::app
