#include "stretch/stats.hpp"

#include <algorithm>
#include <map>

namespace stretch {
namespace {

using std::chrono::sys_days;

// The sorted distinct days with a session that counts.
std::vector<sys_days> stretched_days(std::span<const HistoryRecord> records) {
  std::vector<sys_days> days;
  days.reserve(records.size());
  for (const HistoryRecord& r : records) {
    if (stretched(r)) days.emplace_back(r.started_at.local_date());
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

int longest_run(const std::vector<sys_days>& days) {
  int best = 0;
  int run = 0;
  for (std::size_t i = 0; i < days.size(); ++i) {
    run = (i > 0 && days[i] - days[i - 1] == std::chrono::days{1}) ? run + 1 : 1;
    best = std::max(best, run);
  }
  return best;
}

// The run of consecutive days that ends on `last`; 0 if `last` is not among them.
int run_ending(const std::vector<sys_days>& days, sys_days last) {
  auto it = std::upper_bound(days.begin(), days.end(), last);
  int run = 0;
  while (it != days.begin()) {
    --it;
    if (*it != last - std::chrono::days{run}) break;
    ++run;
  }
  return run;
}

void add(Totals& totals, const HistoryRecord& r) {
  ++totals.sessions;
  totals.active += r.active;
}

bool has_hamstring_work(const HistoryRecord& r, const std::set<std::string, std::less<>>& hamstring_exercises) {
  return std::any_of(r.exercises.begin(), r.exercises.end(), [&](const ExerciseResult& e) {
    return e.status != ExerciseStatus::skipped && hamstring_exercises.contains(e.id);
  });
}

std::vector<ExerciseCount> count_exercises(std::span<const HistoryRecord> records) {
  struct Entry {
    ExerciseCount count;
    std::chrono::sys_seconds named_at{};  // the name comes from the latest record
  };
  std::map<std::string, Entry, std::less<>> by_id;
  for (const HistoryRecord& r : records) {
    for (const ExerciseResult& e : r.exercises) {
      auto [it, added] = by_id.try_emplace(e.id);
      Entry& entry = it->second;
      if (added || r.started_at.utc >= entry.named_at) {
        entry.count.id = e.id;
        entry.count.name = e.name.empty() ? e.id : e.name;
        entry.named_at = r.started_at.utc;
      }
      if (e.status == ExerciseStatus::done) ++entry.count.done;
      if (e.status == ExerciseStatus::partial) ++entry.count.partial;
    }
  }
  std::vector<ExerciseCount> out;
  for (auto& [id, entry] : by_id) {
    if (entry.count.done + entry.count.partial > 0) out.push_back(std::move(entry.count));
  }
  std::stable_sort(out.begin(), out.end(), [](const ExerciseCount& a, const ExerciseCount& b) {
    if (a.done != b.done) return a.done > b.done;
    if (a.partial != b.partial) return a.partial > b.partial;
    return a.name < b.name;
  });
  return out;
}

}  // namespace

bool stretched(const HistoryRecord& record) {
  return std::any_of(record.exercises.begin(), record.exercises.end(),
                     [](const ExerciseResult& e) { return e.status != ExerciseStatus::skipped; });
}

DailyStatus daily_status(std::span<const HistoryRecord> records, Date today) {
  DailyStatus status;
  const std::vector<sys_days> days = stretched_days(records);
  const sys_days today_days{today};
  status.stretched_today = std::binary_search(days.begin(), days.end(), today_days);
  status.current_streak = run_ending(days, status.stretched_today ? today_days : today_days - std::chrono::days{1});
  status.best_streak = longest_run(days);
  for (const HistoryRecord& r : records) {
    if (r.end == SessionEnd::completed && r.started_at.local_date() == today) status.completed_today.push_back(r.routine_id);
  }
  std::sort(status.completed_today.begin(), status.completed_today.end());
  status.completed_today.erase(std::unique(status.completed_today.begin(), status.completed_today.end()),
                               status.completed_today.end());
  return status;
}

Stats compute_stats(std::span<const HistoryRecord> records, Date today,
                    const std::set<std::string, std::less<>>& hamstring_exercises) {
  Stats s;
  s.today = today;
  s.daily = daily_status(records, today);
  s.week_start = week_start(today);
  const Date first_pain_week = add_days(s.week_start, -7 * (pain_trend_weeks - 1));

  for (Date d = s.week_start; d <= today; d = add_days(d, 1)) s.hamstrings.days.push_back(HamstringDay{d, 0});
  for (int w = 0; w < pain_trend_weeks; ++w) {
    PainWeek week;
    week.monday = add_days(first_pain_week, 7 * w);
    s.pain.push_back(week);
  }
  std::vector<int> before_sum(s.pain.size(), 0);
  std::vector<int> after_sum(s.pain.size(), 0);

  for (const HistoryRecord& r : records) {
    const Date date = r.started_at.local_date();
    add(s.all_time, r);
    if (date > today) continue;  // a clock set wrong: counted in all time only
    if (date >= s.week_start) {
      add(s.week, r);
      if (has_hamstring_work(r, hamstring_exercises)) {
        ++s.hamstrings.days[static_cast<std::size_t>(days_between(s.week_start, date))].sessions;
      }
    }
    if (date.year() == today.year() && date.month() == today.month()) add(s.month, r);
    if (date >= first_pain_week) {
      const auto week = static_cast<std::size_t>(days_between(first_pain_week, date) / 7);
      if (r.pain_before) {
        before_sum[week] += *r.pain_before;
        ++s.pain[week].before_count;
      }
      if (r.pain_after) {
        after_sum[week] += *r.pain_after;
        ++s.pain[week].after_count;
      }
    }
  }
  for (std::size_t w = 0; w < s.pain.size(); ++w) {
    PainWeek& week = s.pain[w];
    if (week.before_count > 0) week.before = static_cast<double>(before_sum[w]) / week.before_count;
    if (week.after_count > 0) week.after = static_cast<double>(after_sum[w]) / week.after_count;
  }
  s.hamstrings.days_met = static_cast<int>(
      std::count_if(s.hamstrings.days.begin(), s.hamstrings.days.end(), [](const HamstringDay& d) { return d.met(); }));
  s.exercises = count_exercises(records);
  return s;
}

}  // namespace stretch
