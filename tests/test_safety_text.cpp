// The safety texts have one source: docs/safety.md is made from the program's texts, and the
// texts say what the source material says (the facts the issue lists, checked one by one).
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "stretch/safety.hpp"
#include "stretch/view_model.hpp"

using namespace stretch;
using Catch::Matchers::Contains;

namespace {

std::string all_of(const std::vector<std::string_view>& lines) {
  std::string out;
  for (std::string_view line : lines) out += std::string(line) + "\n";
  return out;
}

}  // namespace

TEST_CASE("docs/safety.md is the program's own safety texts", "[safety]") {
  std::ifstream in(STRETCH_SOURCE_DIR "/docs/safety.md");
  REQUIRE(in);
  std::stringstream file;
  file << in.rdbuf();
  const std::string expected = safety_markdown();
  if (file.str() != expected) {
    // So that the fix is one copy: the file the program would write.
    std::ofstream("safety.md.expected") << expected;
    FAIL(
        "docs/safety.md differs from safety_markdown(); the expected file is safety.md.expected in the test's "
        "working directory");
  }
}

TEST_CASE("the safety check says what the material says", "[safety]") {
  const SafetyCheckText& check = safety_check_text();
  const std::string signs = all_of(check.warning_signs);
  const std::string reasons = all_of(check.professional_reasons);
  // 002: the neurological signs, and constant, severe pain: get care urgently.
  for (const char* sign : {"numbness", "pins and needles", "weakness in a leg", "trouble walking", "reflexes",
                           "bladder or bowels", "constant and severe"}) {
    CHECK_THAT(signs, Contains(sign));
  }
  CHECK(safety_verdict(SafetyAnswer::warning_sign) == SafetyVerdict::do_not_start);
  CHECK_THAT(all_of(do_not_start_advice()), Contains("Constant, severe back pain needs care promptly"));
  // 002: no stretching after recent spine surgery until cleared; talk to a doctor before
  // any new exercise. 000: a recent injury or severe pain: a physiotherapist first.
  CHECK_THAT(reasons, Contains("recent spine surgery: do not stretch until a clinician has cleared you"));
  CHECK_THAT(reasons, Contains("new to exercise, or unsure"));
  CHECK_THAT(reasons, Contains("hurt your back recently"));
  CHECK_THAT(all_of(see_professional_advice()), Contains("do not stretch at all until a clinician has cleared you"));
  // 000: numbness or tingling: stop.
  CHECK_THAT(all_of(hold_reminders()), Contains("Tingling or numbness means stop now."));
}

TEST_CASE("the tips come one at a time and cover the material's advice", "[safety]") {
  const std::string all = all_of(tips());
  for (const char* fact : {"Warm up first", "build up over a few weeks", "hamstrings twice a day",
                           "at least 10 minutes every hour", "months"}) {
    CHECK_THAT(all, Contains(fact));
  }
  CHECK(tip_for(0) == tips()[0]);
  CHECK(tip_for(tips().size() + 1) == tips()[1]);
}

TEST_CASE("what the screens show comes from the same texts", "[safety]") {
  const PanelView check = safety_check_view();
  std::string shown;
  for (const auto& paragraph : check.body) shown += paragraph.text + "\n";
  for (std::string_view sign : safety_check_text().warning_signs) CHECK_THAT(shown, Contains(std::string(sign)));
  for (std::string_view reason : safety_check_text().professional_reasons) {
    CHECK_THAT(shown, Contains(std::string(reason)));
  }
  SessionRecord record;
  record.routine_name = "Low back";
  record.end = SessionEnd::completed;
  const PanelView summary = summary_view(record, std::nullopt, std::nullopt, false);
  std::string summary_text;
  for (const auto& paragraph : summary.body) summary_text += paragraph.text + "\n";
  bool has_tip = false;
  for (std::string_view tip : tips())
    has_tip = has_tip || summary_text.find("Tip: " + std::string(tip)) != std::string::npos;
  CHECK(has_tip);
}
