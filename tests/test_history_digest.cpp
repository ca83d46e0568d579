// The history's digest: the same answers as the whole history, whatever order the records
// come in; its text reads back to the same digest; anything else is refused so the caller
// rebuilds it.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/history_digest.hpp"
#include "support/records.hpp"

using namespace stretch;
using namespace stretch::test;
using namespace std::chrono;

namespace {

HistoryRecord session(Date day, int hour, std::string routine, SessionEnd end, ExerciseStatus status) {
  HistoryRecord r = record_of(Timestamp{sys_days{day} + hours{hour}, hours{-5}}, routine, "Name of " + routine,
                              {{"a", "A", status}}, end);
  r.pain_before = hour % 11;
  r.pain_after = hour % 7;
  return r;
}

// A year with gaps, two routines, quits and stops for pain.
std::vector<HistoryRecord> a_year() {
  std::vector<HistoryRecord> out;
  const Date first = date(2025, 3, 1);
  for (int i = 0; i < 365; ++i) {
    const Date day = add_days(first, i);
    if (i % 17 == 3 || i % 29 == 0) continue;
    const SessionEnd end = i % 13 == 0   ? SessionEnd::quit
                           : i % 31 == 0 ? SessionEnd::stopped_for_pain
                                         : SessionEnd::completed;
    out.push_back(
        session(day, 7, "low-back", end, end == SessionEnd::quit ? ExerciseStatus::skipped : ExerciseStatus::done));
    if (i % 3 != 0) out.push_back(session(day, 19, "hamstrings", SessionEnd::completed, ExerciseStatus::partial));
  }
  return out;
}

}  // namespace

TEST_CASE("digest: daily status and recent sessions match the whole history in any order", "[digest]") {
  std::vector<HistoryRecord> records = a_year();
  HistoryDigest in_order;
  for (const HistoryRecord& r : records) in_order.add(r);
  const Date today = date(2026, 2, 28);
  const DailyStatus expected = in_order.daily_status(today);
  CHECK(expected.best_streak > 0);

  std::mt19937 random(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(records.begin(), records.end(), random);
    HistoryDigest shuffled;
    for (const HistoryRecord& r : records) shuffled.add(r);
    const DailyStatus got = shuffled.daily_status(today);
    CHECK(got.current_streak == expected.current_streak);
    CHECK(got.best_streak == expected.best_streak);
    CHECK(got.stretched_today == expected.stretched_today);
    CHECK(got.completed_today == expected.completed_today);
    REQUIRE(shuffled.recent("low-back"));
    CHECK(shuffled.recent("low-back")->sessions == in_order.recent("low-back")->sessions);
    CHECK(shuffled.recent("hamstrings")->sessions.size() == recent_sessions_kept);
  }
}

TEST_CASE("digest: streaks counted by hand", "[digest]") {
  HistoryDigest d;
  const Date today = date(2026, 1, 10);
  for (int i : {1, 2, 3, 5, 6, 8, 9})
    d.add(session(date(2026, 1, static_cast<unsigned>(i)), 9, "r", SessionEnd::completed, ExerciseStatus::done));
  d.add(session(today, 9, "r", SessionEnd::quit, ExerciseStatus::skipped));  // does not count
  const DailyStatus s = d.daily_status(today);
  CHECK_FALSE(s.stretched_today);
  CHECK(s.current_streak == 2);  // 8 and 9: today is still open
  CHECK(s.best_streak == 3);
  CHECK(s.completed_today.empty());
  d.add(session(today, 10, "r", SessionEnd::completed, ExerciseStatus::done));
  CHECK(d.daily_status(today).current_streak == 3);
  CHECK(d.daily_status(today).completed_today == std::vector<std::string>{"r"});
}

TEST_CASE("digest: its text reads back to the same digest", "[digest]") {
  HistoryDigest d;
  for (const HistoryRecord& r : a_year()) d.add(r);
  const DigestSource source{123456, fingerprint("the end of the file")};
  const std::string text = digest_to_text(d, source);
  CHECK(text.find('\n') == std::string::npos);
  const std::optional<SavedDigest> back = parse_digest_text(text);
  REQUIRE(back);
  CHECK(back->source == source);
  CHECK(back->digest == d);
  // Ten years of days in under a kilobyte.
  CHECK(text.size() < 8 * 1024);

  const std::optional<SavedDigest> empty = parse_digest_text(digest_to_text(HistoryDigest{}, {}));
  REQUIRE(empty);
  CHECK(empty->digest == HistoryDigest{});
}

TEST_CASE("digest: anything but a digest of this version is refused", "[digest]") {
  HistoryDigest d;
  d.add(session(date(2026, 1, 1), 9, "r", SessionEnd::completed, ExerciseStatus::done));
  std::string text = digest_to_text(d, {10, "x"});
  CHECK(parse_digest_text(text));
  for (const std::string& bad :
       {std::string(""), std::string("{}"), text.substr(0, text.size() / 2), std::string("{\"version\":2}")}) {
    CHECK_FALSE(parse_digest_text(bad));
  }
  std::string wrong_digit = text;
  wrong_digit.replace(wrong_digit.find("\"days\":\"") + 8, 1, "z");
  CHECK_FALSE(parse_digest_text(wrong_digit));
  std::string wrong_pain = text;
  wrong_pain.replace(wrong_pain.find("\"pain_before\":9"), 15, "\"pain_before\":11");
  CHECK_FALSE(parse_digest_text(wrong_pain));
}

TEST_CASE("digest: days outside the kept years are left out, not a megabyte of bits", "[digest]") {
  HistoryDigest d;
  d.add(session(date(1970, 1, 1), 9, "r", SessionEnd::completed, ExerciseStatus::done));
  d.add(session(date(9999, 1, 1), 9, "r", SessionEnd::completed, ExerciseStatus::done));
  CHECK(d.days().empty());
  CHECK(d.recent("r")->sessions.size() == 2);
}

TEST_CASE("digest: the fingerprint tells texts apart", "[digest]") {
  CHECK(fingerprint("") == "cbf29ce484222325");
  CHECK(fingerprint("a") != fingerprint("b"));
  CHECK(fingerprint("a").size() == 16);
}
