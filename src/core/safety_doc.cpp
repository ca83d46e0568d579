// docs/safety.md, made from the safety texts the program shows.
#include "stretch/safety.hpp"

namespace stretch {
namespace {

void list(std::string& out, const std::vector<std::string_view>& lines) {
  for (std::string_view line : lines) out += "- " + std::string(line) + "\n";
  out += "\n";
}

void line(std::string& out, std::string_view text) { out += std::string(text) + "\n\n"; }

}  // namespace

std::string safety_markdown() {
  const SafetyCheckText& check = safety_check_text();
  std::string out;
  out +=
      "# Safety texts\n\n"
      "What stretch-timer tells you about safety, word for word as the program shows it. The\n"
      "facts come from the source material of the exercise library (see docs/routine-format.md):\n"
      "the warning signs and the advice to stop, to check first and to get care promptly. This\n"
      "file is made from the program's own texts (src/core/safety.cpp), and a test fails when\n"
      "the two differ.\n\n";

  out += "## Before you start\n\n";
  out += "Shown before a session starts, once a day, until you answer.\n\n";
  out += "**" + std::string(check.title) + "**\n\n";
  line(out, check.warning_intro);
  list(out, check.warning_signs);
  line(out, check.urgent_note);
  line(out, check.professional_intro);
  list(out, check.professional_reasons);
  line(out, check.prompt);

  out += "## If a warning sign applies\n\n";
  list(out, do_not_start_advice());
  out += "## If a reason to check first applies\n\n";
  out += "The session starts only when you confirm that they have cleared you for these stretches.\n\n";
  list(out, see_professional_advice());

  out += "## During a hold\n\n";
  out += "Shown in turn during the holds, after the exercise's own reminders.\n\n";
  list(out, hold_reminders());
  out += "The breathing cue of an exercise that gives none:\n\n";
  list(out, {default_breathing_cue()});

  out += "## If it hurts\n\n";
  out += "Shown when you stop a session because something hurts.\n\n";
  list(out, stopped_for_pain_advice());

  out += "## Tips\n\n";
  out += "One at a time on the summary after a session; all of them with `stretch-timer tips`.\n\n";
  list(out, tips());
  out.pop_back();  // one newline at the end of the file
  return out;
}

}  // namespace stretch
