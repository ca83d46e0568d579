#include "stretch/history_digest.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "stretch/session_join.hpp"

namespace stretch {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool in_kept_years(Date day) {
  return day.ok() && int{day.year()} >= digest_first_year && int{day.year()} <= digest_last_year;
}

char hex_digit(unsigned value) { return "0123456789abcdef"[value & 0xF]; }

std::optional<unsigned> hex_value(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  return std::nullopt;
}

// A resumed part joins the session it resumes, as session_join.hpp joins records: the same
// rules, on what the digest keeps of them.
void join_brief(SessionBrief& whole, const SessionBrief& later) {
  whole.end = later.end;
  whole.hurt_exercise = later.hurt_exercise;
  whole.hurt_side = later.hurt_side;
  if (!whole.pain_before) whole.pain_before = later.pain_before;
  if (later.pain_after) whole.pain_after = later.pain_after;
}

}  // namespace

void HistoryDigest::add(const HistoryRecord& record) {
  // A resumed part counts for the day its session began, and joins that session's brief when
  // the digest has it (the parts come in file order: the first part is added first).
  const Date day = first_part_start(record).local_date();
  if (stretched(record) && in_kept_years(day)) {
    if (!first_day_) {
      first_day_ = day;
    } else if (day < *first_day_) {
      // An older day than any so far (the file is in the order sessions ended): move bit 0.
      const auto shift = static_cast<std::size_t>(days_between(day, *first_day_));
      days_.insert(days_.begin(), shift, false);
      first_day_ = day;
    }
    const auto bit = static_cast<std::size_t>(days_between(*first_day_, day));
    if (bit >= days_.size()) days_.resize(bit + 1, false);
    days_[bit] = true;
  }

  RoutineRecent& recent = recent_[record.routine_id];
  std::vector<SessionBrief>& sessions = recent.sessions;
  if (record.resumes) {
    const auto first = std::find_if(sessions.begin(), sessions.end(),
                                    [&](const SessionBrief& s) { return s.started_at == *record.resumes; });
    if (first != sessions.end()) return join_brief(*first, brief_of(record));
  }
  const auto later = [](const SessionBrief& a, const SessionBrief& b) { return a.started_at.utc < b.started_at.utc; };
  SessionBrief brief = brief_of(record);
  // After every session that started at or before it, so equal starts keep the file order.
  const auto at = std::upper_bound(sessions.begin(), sessions.end(), brief, later);
  if (at == sessions.end()) recent.name = record.routine_name;
  if (sessions.size() >= recent_sessions_kept && at == sessions.begin()) return;  // older than all kept
  sessions.insert(at, std::move(brief));
  if (sessions.size() > recent_sessions_kept) sessions.erase(sessions.begin());
}

bool HistoryDigest::stretched_on(Date day) const {
  if (!first_day_ || day < *first_day_) return false;
  const auto bit = static_cast<std::size_t>(days_between(*first_day_, day));
  return bit < days_.size() && days_[bit];
}

DailyStatus HistoryDigest::daily_status(Date today) const {
  DailyStatus status;
  status.stretched_today = stretched_on(today);
  // While today has none yet the streak ends yesterday: it is not lost until the day is over.
  Date day = status.stretched_today ? today : add_days(today, -1);
  while (stretched_on(day)) {
    ++status.current_streak;
    day = add_days(day, -1);
  }
  int run = 0;
  for (const bool stretched_that_day : days_) {
    run = stretched_that_day ? run + 1 : 0;
    status.best_streak = std::max(status.best_streak, run);
  }
  for (const auto& [id, recent] : recent_) {
    const bool completed = std::any_of(recent.sessions.begin(), recent.sessions.end(), [&](const SessionBrief& s) {
      return s.end == SessionEnd::completed && s.started_at.local_date() == today;
    });
    if (completed) status.completed_today.push_back(id);  // the map keeps them sorted
  }
  return status;
}

const RoutineRecent* HistoryDigest::recent(std::string_view routine_id) const {
  const auto it = recent_.find(routine_id);
  return it == recent_.end() ? nullptr : &it->second;
}

HistoryDigest HistoryDigest::restore(std::optional<Date> first_day, std::vector<bool> days,
                                     std::map<std::string, RoutineRecent, std::less<>> recent) {
  HistoryDigest digest;
  digest.first_day_ = first_day;
  digest.days_ = std::move(days);
  digest.recent_ = std::move(recent);
  return digest;
}

std::string digest_to_text(const HistoryDigest& digest, const DigestSource& source) {
  // Four days a hex digit, day 0 in the lowest bit.
  std::string bits;
  const std::vector<bool>& days = digest.days();
  for (std::size_t i = 0; i < days.size(); i += 4) {
    unsigned value = 0;
    for (std::size_t b = 0; b < 4 && i + b < days.size(); ++b) value |= days[i + b] ? 1U << b : 0U;
    bits += hex_digit(value);
  }
  nlohmann::ordered_json recent = nlohmann::ordered_json::object();
  for (const auto& [id, routine] : digest.routines()) {
    nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
    for (const SessionBrief& s : routine.sessions) {
      nlohmann::ordered_json one{
          {"started_at", format_timestamp(s.started_at)}, {"level", to_string(s.level)}, {"end", to_string(s.end)}};
      one["pain_before"] = s.pain_before ? nlohmann::ordered_json(*s.pain_before) : nullptr;
      one["pain_after"] = s.pain_after ? nlohmann::ordered_json(*s.pain_after) : nullptr;
      if (!s.hurt_exercise.empty()) one["hurt_exercise"] = s.hurt_exercise;
      if (!s.hurt_side.empty()) one["hurt_side"] = s.hurt_side;
      sessions.push_back(std::move(one));
    }
    recent[id] = nlohmann::ordered_json{{"name", routine.name}, {"sessions", std::move(sessions)}};
  }
  const nlohmann::ordered_json out{
      {"version", digest_format_version},
      {"covers_bytes", source.bytes},
      {"fingerprint", source.fingerprint},
      {"first_day", digest.first_day() ? nlohmann::ordered_json(format_date(*digest.first_day())) : nullptr},
      {"days", bits},
      {"recent", std::move(recent)}};
  // Text from the history was made valid UTF-8 when it was written; replace anything else.
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

std::optional<int> pain_from(const nlohmann::json& value) {
  if (value.is_null()) return std::nullopt;
  const int pain = value.get<int>();
  if (pain < 0 || pain > 10) throw std::out_of_range("pain");
  return pain;
}

std::optional<SessionEnd> end_from(std::string_view text) {
  for (SessionEnd end :
       {SessionEnd::completed, SessionEnd::quit, SessionEnd::stopped_for_pain, SessionEnd::interrupted}) {
    if (to_string(end) == text) return end;
  }
  return std::nullopt;
}

}  // namespace

std::optional<SavedDigest> parse_digest_text(std::string_view text) {
  try {
    const nlohmann::json in = nlohmann::json::parse(text);
    if (in.at("version").get<int>() != digest_format_version) return std::nullopt;
    SavedDigest saved;
    saved.source.bytes = in.at("covers_bytes").get<std::uint64_t>();
    saved.source.fingerprint = in.at("fingerprint").get<std::string>();
    std::optional<Date> first_day;
    if (!in.at("first_day").is_null()) {
      first_day = parse_date(in.at("first_day").get<std::string>());
      if (!first_day || !in_kept_years(*first_day)) return std::nullopt;
    }
    std::vector<bool> days;
    for (const char c : in.at("days").get<std::string>()) {
      const std::optional<unsigned> value = hex_value(c);
      if (!value) return std::nullopt;
      for (unsigned b = 0; b < 4; ++b) days.push_back((*value >> b & 1U) != 0);
    }
    while (!days.empty() && !days.back()) days.pop_back();
    if (!first_day && !days.empty()) return std::nullopt;
    std::map<std::string, RoutineRecent, std::less<>> recent;
    for (const auto& [id, routine] : in.at("recent").items()) {
      RoutineRecent& r = recent[id];
      r.name = routine.at("name").get<std::string>();
      for (const nlohmann::json& s : routine.at("sessions")) {
        SessionBrief brief;
        const std::optional<Timestamp> started = parse_timestamp(s.at("started_at").get<std::string>());
        const std::optional<Level> level = parse_level(s.at("level").get<std::string>());
        const std::optional<SessionEnd> end = end_from(s.at("end").get<std::string>());
        if (!started || !level || !end) return std::nullopt;
        brief.started_at = *started;
        brief.level = *level;
        brief.end = *end;
        brief.pain_before = pain_from(s.at("pain_before"));
        brief.pain_after = pain_from(s.at("pain_after"));
        brief.hurt_exercise = s.value("hurt_exercise", "");
        brief.hurt_side = s.value("hurt_side", "");
        r.sessions.push_back(std::move(brief));
      }
      if (r.sessions.size() > recent_sessions_kept) return std::nullopt;
    }
    saved.digest = HistoryDigest::restore(first_day, std::move(days), std::move(recent));
    return saved;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string fingerprint(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = hex_digit(static_cast<unsigned>(hash));
    hash >>= 4;
  }
  return out;
}

}  // namespace stretch
