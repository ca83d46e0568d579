#include "stretch/safety.hpp"

namespace stretch {

SafetyVerdict safety_verdict(SafetyAnswer answer) {
  switch (answer) {
    case SafetyAnswer::none_apply: return SafetyVerdict::start;
    case SafetyAnswer::see_professional: return SafetyVerdict::start_after_confirmation;
    case SafetyAnswer::warning_sign: return SafetyVerdict::do_not_start;
  }
  return SafetyVerdict::do_not_start;
}

const SafetyCheckText& safety_check_text() {
  static const SafetyCheckText text{
      "Before you start",
      "Do not stretch today, and get medical help promptly, if you notice any of these:",
      {"numbness or loss of feeling", "pins and needles", "weakness in a leg", "trouble walking",
       "changed reflexes", "loss of control of your bladder or bowels"},
      "Loss of bladder or bowel control needs urgent care: go to a hospital now.",
      "Check with a physiotherapist or doctor before you stretch if:",
      {"you have had surgery on your spine recently", "you have hurt your back recently (a fall, an accident, sport)",
       "your pain is severe, or constant and does not ease with rest"},
      "Start only if none of this applies to you today.",
  };
  return text;
}

const std::vector<std::string_view>& do_not_start_advice() {
  static const std::vector<std::string_view> lines{
      "Please do not stretch today.",
      "These signs can mean a nerve is under pressure. Get medical care promptly: see a doctor today.",
      "Loss of bladder or bowel control needs urgent care: go to a hospital now.",
  };
  return lines;
}

const std::vector<std::string_view>& see_professional_advice() {
  static const std::vector<std::string_view> lines{
      "Please check with a physiotherapist or doctor before you stretch.",
      "After recent spine surgery, wait until they say stretching is safe.",
      "Start only if they have already told you these stretches are right for you.",
  };
  return lines;
}

const std::vector<std::string_view>& stopped_for_pain_advice() {
  static const std::vector<std::string_view> lines{
      "Come out of the position slowly.",
      "Rest in a position that feels comfortable.",
      "Leave this exercise for today.",
      "If it happens again, tell your physiotherapist or doctor which exercise it was.",
      "Next time, try the gentle level, or make the movement smaller.",
      "Get medical help promptly if the pain stays or gets worse, or if you notice numbness, pins and needles, "
      "leg weakness, trouble walking, or any change in bladder or bowel control.",
  };
  return lines;
}

const std::vector<std::string_view>& hold_reminders() {
  static const std::vector<std::string_view> lines{
      "A gentle pull is right. Sharp pain means stop.",
      "Stay still. No bouncing.",
      "Keep breathing, slow and easy.",
      "Let everything you are not stretching relax.",
  };
  return lines;
}

std::string_view default_breathing_cue() {
  return "Breathe in as you get ready. Breathe out as you ease into the stretch.";
}

}  // namespace stretch
