#pragma once
// What the menu, the reminders and the level advice need from the whole history, kept
// small: one bit for each day with a session that counts, and the last few sessions of each
// routine. It is built by adding records in file order, saved beside the history and rebuilt
// from it whenever it is missing or does not match (app/history_digest_store.cpp), so the
// menu costs the same after ten years as on the first day. The history stays the one source
// of truth; the digest is a cache of it. Pure: text in, text out.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/history.hpp"
#include "stretch/progression.hpp"
#include "stretch/stats.hpp"
#include "stretch/timestamp.hpp"

namespace stretch {

// Enough of each routine's latest sessions for every rule in docs/progression.md.
inline constexpr std::size_t recent_sessions_kept = 12;
// Days outside these years are not kept (a clock set to 1970 or 9999 would make the bits
// a megabyte); the history keeps those sessions all the same.
inline constexpr int digest_first_year = 2000;
inline constexpr int digest_last_year = 2199;

struct RoutineRecent {
  std::string name;                    // as last recorded
  std::vector<SessionBrief> sessions;  // oldest first, at most recent_sessions_kept

  friend bool operator==(const RoutineRecent&, const RoutineRecent&) = default;
};

class HistoryDigest {
 public:
  // Records may come in any order; the result is the same, except that a resumed part
  // (HistoryRecord::resumes) joins the session it resumes only when that came first, as it
  // does in the file. A part counts for the day its session began.
  void add(const HistoryRecord& record);

  [[nodiscard]] bool stretched_on(Date day) const;
  [[nodiscard]] DailyStatus daily_status(Date today) const;
  // Oldest first; empty for a routine never done.
  [[nodiscard]] const RoutineRecent* recent(std::string_view routine_id) const;
  [[nodiscard]] const std::map<std::string, RoutineRecent, std::less<>>& routines() const { return recent_; }

  // For saving and loading.
  [[nodiscard]] std::optional<Date> first_day() const { return first_day_; }
  [[nodiscard]] const std::vector<bool>& days() const { return days_; }
  [[nodiscard]] static HistoryDigest restore(std::optional<Date> first_day, std::vector<bool> days,
                                             std::map<std::string, RoutineRecent, std::less<>> recent);

  friend bool operator==(const HistoryDigest&, const HistoryDigest&) = default;

 private:
  std::optional<Date> first_day_;  // the day of bit 0
  std::vector<bool> days_;         // bit i: first_day_ + i days had a session that counts
  std::map<std::string, RoutineRecent, std::less<>> recent_;
};

// Which part of the history file a saved digest covers: the first `bytes` bytes (whole lines
// only), and a fingerprint of their end, so that an edited or replaced file is noticed.
struct DigestSource {
  std::uint64_t bytes = 0;
  std::string fingerprint;

  friend bool operator==(const DigestSource&, const DigestSource&) = default;
};

struct SavedDigest {
  HistoryDigest digest;
  DigestSource source;
};

inline constexpr int digest_format_version = 1;
// One line of JSON.
[[nodiscard]] std::string digest_to_text(const HistoryDigest& digest, const DigestSource& source);
// nullopt for anything that is not a digest of this version: the caller rebuilds it.
[[nodiscard]] std::optional<SavedDigest> parse_digest_text(std::string_view text);

// A fingerprint of a piece of text (64-bit FNV-1a, as 16 hex digits).
[[nodiscard]] std::string fingerprint(std::string_view bytes);

}  // namespace stretch
