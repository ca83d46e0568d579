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
      {"numbness, pins and needles, or loss of feeling", "weakness in a leg", "trouble walking, or changed reflexes",
       "loss of control of your bladder or bowels", "back pain that is constant and severe"},
      "Loss of bladder or bowel control needs urgent care: go to a hospital now.",
      "Check with a physiotherapist or doctor before you stretch if:",
      {"recent spine surgery: do not stretch until a clinician has cleared you",
       "you have hurt your back recently (a fall, an accident, sport)", "your pain is severe",
       "you are new to exercise, or unsure whether these stretches suit you"},
      "Start only if none of this applies to you today.",
  };
  return text;
}

const std::vector<std::string_view>& do_not_start_advice() {
  static const std::vector<std::string_view> lines{
      "Please do not stretch today.",
      "These signs can mean a nerve is under pressure. Get medical care promptly: see a doctor today.",
      "Constant, severe back pain needs care promptly too: see a doctor or physiotherapist today.",
      "Loss of bladder or bowel control needs urgent care: go to a hospital now.",
  };
  return lines;
}

const std::vector<std::string_view>& see_professional_advice() {
  static const std::vector<std::string_view> lines{
      "Please check with a physiotherapist or doctor before you stretch.",
      "After recent spine surgery, do not stretch at all until a clinician has cleared you.",
      "New to exercise, or unsure? Ask your doctor first whether these stretches suit you.",
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
      // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one line of advice, its text split in two
      "Get medical help promptly if the pain stays or gets worse, or if you notice numbness, pins and needles, "
      "leg weakness, trouble walking, or any change in bladder or bowel control.",
  };
  return lines;
}

const std::vector<std::string_view>& hold_reminders() {
  static const std::vector<std::string_view> lines{
      "A gentle pull is right. Sharp pain means stop.",
      "Tingling or numbness means stop now.",
      "Stay still. No bouncing.",
      "Keep breathing, slow and easy.",
      "Let everything you are not stretching relax.",
  };
  return lines;
}

const std::vector<std::string_view>& tips() {
  static const std::vector<std::string_view> lines{
      "Warm up first: a minute of easy marching gets your muscles ready.",
      "Move smoothly and slowly into and out of each stretch; quick, jerky movements can strain your back.",
      "Start easy and build up over a few weeks.",
      "Stretch your hamstrings twice a day, holding each stretch 15 to 30 seconds.",
      "Try not to sit still for long: get up and move for at least 10 minutes every hour.",
      "Progress takes time, sometimes months. Small gains count.",
      "Give both sides of your body the same time.",
  };
  return lines;
}

std::string_view tip_for(std::size_t number) { return tips()[number % tips().size()]; }

std::string_view default_breathing_cue() {
  return "Breathe in as you get ready. Breathe out as you ease into the stretch.";
}

}  // namespace stretch
