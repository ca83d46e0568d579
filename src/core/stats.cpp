#include "stretch/stats.hpp"

#include <algorithm>
#include <map>

#include "stretch/history_digest.hpp"

namespace stretch {
namespace {

void add(Totals& totals, const HistoryRecord& r) {
  if (!stretched(r)) return;
  ++totals.sessions;
  totals.active += r.active;
}

bool has_hamstring_work(const HistoryRecord& r, const std::set<std::string, std::less<>>& hamstring_exercises) {
  return std::any_of(r.exercises.begin(), r.exercises.end(), [&](const ExerciseResult& e) {
    return any_hold_done(e.status) && hamstring_exercises.contains(e.id);
  });
}

struct ExerciseEntry {
  ExerciseCount count;
  std::chrono::sys_seconds named_at{};  // the name comes from the latest record
};

}  // namespace

struct StatsBuilder::State {
  Stats stats;
  std::set<std::string, std::less<>> hamstring_exercises;
  Date first_pain_week;
  std::vector<int> before_sum;
  std::vector<int> after_sum;
  std::map<std::string, ExerciseEntry, std::less<>> exercises;
  HistoryDigest digest;
};

StatsBuilder::StatsBuilder(Date today, std::set<std::string, std::less<>> hamstring_exercises)
    : state_(std::make_unique<State>()) {
  State& st = *state_;
  Stats& s = st.stats;
  st.hamstring_exercises = std::move(hamstring_exercises);
  s.today = today;
  s.week_start = week_start(today);
  st.first_pain_week = add_days(s.week_start, -7 * (pain_trend_weeks - 1));
  for (Date d = s.week_start; d <= today; d = add_days(d, 1)) s.hamstrings.days.push_back(HamstringDay{d, 0});
  for (int w = 0; w < pain_trend_weeks; ++w) {
    PainWeek week;
    week.monday = add_days(st.first_pain_week, 7 * w);
    s.pain.push_back(week);
  }
  st.before_sum.assign(s.pain.size(), 0);
  st.after_sum.assign(s.pain.size(), 0);
}

StatsBuilder::~StatsBuilder() = default;

const HistoryDigest& StatsBuilder::digest() const { return state_->digest; }

bool StatsBuilder::empty() const { return state_->stats.all_time.sessions == 0; }

void StatsBuilder::add(const HistoryRecord& r) {
  State& st = *state_;
  Stats& s = st.stats;
  st.digest.add(r);
  for (const ExerciseResult& e : r.exercises) {
    auto [it, added] = st.exercises.try_emplace(e.id);
    ExerciseEntry& entry = it->second;
    if (added || r.started_at.utc >= entry.named_at) {
      // The name seldom changes: compared first, it is copied only when it did (ten years
      // of records copied it 44,000 times).
      const std::string& name = e.name.empty() ? e.id : e.name;
      if (added) entry.count.id = e.id;  // the map's key: the same ever after
      if (entry.count.name != name) entry.count.name = name;
      entry.named_at = r.started_at.utc;
    }
    if (e.status == ExerciseStatus::done) ++entry.count.done;
    if (e.status == ExerciseStatus::partial) ++entry.count.partial;
  }

  const Date date = r.started_at.local_date();
  stretch::add(s.all_time, r);
  if (date > s.today) return;  // a clock set wrong: counted in all time only
  if (date >= s.week_start) {
    stretch::add(s.week, r);
    if (has_hamstring_work(r, st.hamstring_exercises)) {
      ++s.hamstrings.days[static_cast<std::size_t>(days_between(s.week_start, date))].sessions;
    }
  }
  if (date.year() == s.today.year() && date.month() == s.today.month()) stretch::add(s.month, r);
  if (date >= st.first_pain_week) {
    const auto week = static_cast<std::size_t>(days_between(st.first_pain_week, date) / 7);
    // Before and after are compared within the same sessions: one rated only before
    // would pull the week's "before" away from the sessions it is compared with.
    if (r.pain_before && r.pain_after) {
      st.before_sum[week] += *r.pain_before;
      ++s.pain[week].before_count;
      st.after_sum[week] += *r.pain_after;
      ++s.pain[week].after_count;
    }
  }
}

Stats StatsBuilder::finish() const {
  const State& st = *state_;
  Stats s = st.stats;
  s.daily = st.digest.daily_status(s.today);
  for (std::size_t w = 0; w < s.pain.size(); ++w) {
    PainWeek& week = s.pain[w];
    if (week.before_count > 0) week.before = static_cast<double>(st.before_sum[w]) / week.before_count;
    if (week.after_count > 0) week.after = static_cast<double>(st.after_sum[w]) / week.after_count;
  }
  s.hamstrings.days_met = static_cast<int>(
      std::count_if(s.hamstrings.days.begin(), s.hamstrings.days.end(), [](const HamstringDay& d) { return d.met(); }));
  for (const auto& [id, entry] : st.exercises) {
    if (entry.count.done + entry.count.partial > 0) s.exercises.push_back(entry.count);
  }
  std::stable_sort(s.exercises.begin(), s.exercises.end(), [](const ExerciseCount& a, const ExerciseCount& b) {
    if (a.done != b.done) return a.done > b.done;
    if (a.partial != b.partial) return a.partial > b.partial;
    return a.name < b.name;
  });
  for (const auto& [id, recent] : st.digest.routines()) {
    LevelSuggestion suggestion = suggest_level(recent.sessions, s.today);
    if (suggestion.advice != Advice::none) s.advice.push_back(RoutineAdvice{id, recent.name, std::move(suggestion)});
  }
  return s;
}

bool stretched(const HistoryRecord& record) {
  return std::any_of(record.exercises.begin(), record.exercises.end(),
                     [](const ExerciseResult& e) { return any_hold_done(e.status); });
}

DailyStatus daily_status(std::span<const HistoryRecord> records, Date today) {
  HistoryDigest digest;
  for (const HistoryRecord& r : records) digest.add(r);
  return digest.daily_status(today);
}

Stats compute_stats(std::span<const HistoryRecord> records, Date today,
                    const std::set<std::string, std::less<>>& hamstring_exercises) {
  StatsBuilder builder(today, hamstring_exercises);
  for (const HistoryRecord& r : records) builder.add(r);
  return builder.finish();
}

}  // namespace stretch
