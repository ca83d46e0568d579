#include "app/plain_questions.hpp"

#include <poll.h>
#include <signal.h>

#include <array>
#include <charconv>
#include <ostream>
#include <sstream>

#include "stretch/duration_format.hpp"
#include "stretch/pain.hpp"
#include "stretch/safety.hpp"
#include "stretch/daily_status_text.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

bool is_ending_signal(int signal_number) {
  return signal_number == SIGINT || signal_number == SIGTERM || signal_number == SIGHUP ||
         signal_number == SIGQUIT || signal_number == SIGPIPE;
}

std::optional<int> parse_number_in(std::string_view text, int low, int high) {
  text = trimmed(text);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value < low || value > high) return std::nullopt;
  return value;
}

Conversation::Reply Conversation::ask(std::string_view prompt) {
  out_ << prompt << std::flush;
  for (;;) {
    if (std::optional<std::string> line = in_.take_line()) {
      // A terminal has echoed the answer already; a pipe has not.
      if (echo_) out_ << sanitize_for_terminal(*line) << "\n" << std::flush;
      return Reply{std::move(line), 0};
    }
    if (in_.closed()) {
      out_ << "\n" << std::flush;
      return Reply{};
    }
    std::array<pollfd, 2> fds{{{in_.fd(), POLLIN, 0}, {signals_.fd(), POLLIN, 0}}};
    if (::poll(fds.data(), fds.size(), -1) < 0) continue;  // EINTR: the pipe says which signal
    if (fds[1].revents != 0) {
      for (int signal_number : signals_.drain()) {
        if (signal_number == SIGTSTP) signals_.stop_self();  // Ctrl-Z at a question: just stop
        if (is_ending_signal(signal_number)) {
          out_ << "\n" << std::flush;
          return Reply{std::nullopt, signal_number};
        }
      }
    }
    if (fds[0].revents != 0) in_.fill();
  }
}

MenuChoice choose_routine(Conversation& talk, std::ostream& out, const Library& library,
                          const std::vector<const LibraryRoutine*>& menu, const PlanSettings& settings,
                          const DailyStatus& today) {
  Level level = settings.level;
  out << daily_status_line(today) << "\nRoutines:\n";
  for (std::size_t i = 0; i < menu.size(); ++i) {
    const Routine& routine = menu[i]->routine;
    out << "  " << i + 1 << ". " << sanitize_for_terminal(routine.name) << " (" << sanitize_for_terminal(routine.id)
        << "), " << format_duration(expand(routine, library, settings).total)
        << (completed_today(today, routine.id) ? ", done today" : "") << "\n";
  }
  for (;;) {
    std::ostringstream prompt;
    prompt << "Type a number from 1 to " << menu.size() << " to start, with gentle, standard or full after it to "
           << "change the level (now " << to_string(level) << "), or q to quit: ";
    const Conversation::Reply reply = talk.ask(prompt.str());
    if (reply.signal != 0) return MenuChoice{nullptr, level, exit_for_signal(reply.signal)};
    if (!reply.line) {
      out << "No routine chosen.\n";
      return MenuChoice{nullptr, level, exit_not_started};
    }
    std::istringstream words{std::string(trimmed(*reply.line))};
    std::string number;
    std::string level_word;
    std::string extra;
    words >> number >> level_word >> extra;
    if (number == "q") return MenuChoice{nullptr, level, 0};
    const std::optional<int> chosen = parse_number_in(number, 1, static_cast<int>(menu.size()));
    const std::optional<Level> new_level = level_word.empty() ? level : parse_level(level_word);
    if (chosen && new_level && extra.empty()) {
      return MenuChoice{menu[static_cast<std::size_t>(*chosen - 1)], *new_level, 0};
    }
    if (talk.piped()) {
      out << "That is not one of the choices, so no routine was chosen.\n";
      return MenuChoice{nullptr, level, exit_not_started};
    }
    out << "That is not one of the choices. Please type a number from 1 to " << menu.size()
        << ", optionally followed by gentle, standard or full, or q to quit.\n";
  }
}

SafetyResult ask_safety_check(Conversation& talk, std::ostream& out) {
  const SafetyCheckText& text = safety_check_text();
  out << text.title << "\n" << text.warning_intro << "\n";
  for (std::string_view sign : text.warning_signs) out << "  - " << sign << "\n";
  out << text.urgent_note << "\n" << text.professional_intro << "\n";
  for (std::string_view reason : text.professional_reasons) out << "  - " << reason << "\n";
  out << text.prompt << "\n"
      << "  1. None of this applies to me today.\n"
      << "  2. A reason to check with a physiotherapist or doctor applies.\n"
      << "  3. A warning sign applies.\n";

  for (;;) {
    const Conversation::Reply reply = talk.ask("Answer 1, 2 or 3: ");
    if (reply.signal != 0) return SafetyResult{SafetyOutcome::signal, reply.signal};
    if (!reply.line) {
      // Silence is not a "no": a session never starts unless someone answered.
      out << "No answer, so the session did not start.\n";
      return SafetyResult{SafetyOutcome::not_started, 0};
    }
    const std::optional<int> number = parse_number_in(*reply.line, 1, 3);
    if (!number && talk.piped()) {
      out << "That is not 1, 2 or 3, so the session did not start.\n";
      return SafetyResult{SafetyOutcome::not_started, 0};
    }
    if (!number) {
      out << "Please answer 1, 2 or 3.\n";
      continue;
    }
    const SafetyAnswer answer = *number == 1   ? SafetyAnswer::none_apply
                                : *number == 2 ? SafetyAnswer::see_professional
                                               : SafetyAnswer::warning_sign;
    switch (safety_verdict(answer)) {
      case SafetyVerdict::start: return SafetyResult{SafetyOutcome::start, 0};
      case SafetyVerdict::do_not_start:
        for (std::string_view line : do_not_start_advice()) out << line << "\n";
        return SafetyResult{SafetyOutcome::not_started, 0};
      case SafetyVerdict::start_after_confirmation: {
        for (std::string_view line : see_professional_advice()) out << line << "\n";
        const Conversation::Reply confirm =
            talk.ask("Have they told you these stretches are right for you? Type yes to start: ");
        if (confirm.signal != 0) return SafetyResult{SafetyOutcome::signal, confirm.signal};
        const std::string_view word = confirm.line ? trimmed(*confirm.line) : std::string_view{};
        if (word == "yes" || word == "y") return SafetyResult{SafetyOutcome::start, 0};
        out << "The session did not start.\n";
        return SafetyResult{SafetyOutcome::not_started, 0};
      }
    }
  }
}

PainReply ask_pain(Conversation& talk, std::ostream& out, PainMoment moment) {
  // The words and the rules are the core's, shared with the full screen.
  const std::string prompt = std::string(pain_question(moment)) + " " + std::string(pain_answer_hint()) + ": ";
  for (;;) {
    const Conversation::Reply reply = talk.ask(prompt);
    if (reply.signal != 0) return PainReply{std::nullopt, reply.signal};
    if (!reply.line) return PainReply{};
    const PainAnswer answer = parse_pain_answer(*reply.line);
    if (answer.kind == PainAnswer::Kind::skip) return PainReply{};
    if (answer.kind == PainAnswer::Kind::rating) return PainReply{answer.rating, 0};
    if (talk.piped()) {
      out << "Not a rating from " << pain_min << " to " << pain_max << ", so it is skipped.\n";
      return PainReply{};
    }
    out << "Please answer " << pain_min << " to " << pain_max << ", or press Enter to skip.\n";
  }
}

}  // namespace stretch::app
