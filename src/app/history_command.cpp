// `stretch-timer history` and `stretch-timer stats`: read the history file, hand the records
// to the core, print what it says.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <ostream>
#include <set>
#include <string>

#include "app/commands.hpp"
#include "app/history_digest_store.hpp"
#include "app/history_reader.hpp"
#include "app/local_time.hpp"
#include "app/paths.hpp"
#include "app/terminal_charset.hpp"
#include "app/user_files.hpp"
#include "stretch/history_report.hpp"
#include "stretch/session_join.hpp"
#include "stretch/stats.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

// Without --since the table shows this many of the latest sessions; --since, --csv and
// --json give every one.
constexpr std::size_t table_rows = 30;
// With --since, rows are printed in tables of this many.
constexpr std::size_t since_page_rows = 200;
// Beyond this many bad lines, one summary line says how many more.
constexpr std::size_t problems_shown = 10;

// The lines skipped as not records: the first few by place in the file, and how many in all,
// so a file of nothing but bad lines costs no memory either.
class SkippedLines {
 public:
  void add(std::uint64_t offset, Diagnostic problem) {
    ++count_;
    first_.emplace_back(offset, std::move(problem));
    std::sort(first_.begin(), first_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (first_.size() > problems_shown) first_.pop_back();
  }
  // Problems found going backwards know their offsets only; the line numbers are counted once.
  void number_lines(const HistoryFile& file) {
    std::vector<std::uint64_t> offsets;
    for (const auto& [offset, problem] : first_) offsets.push_back(offset);
    const std::vector<std::size_t> numbers = file.line_numbers(offsets);
    for (std::size_t i = 0; i < first_.size(); ++i) first_[i].second.location = line_location(numbers[i]);
  }
  void report(std::ostream& err) const {
    for (const auto& [offset, d] : first_) err << "stretch-timer: skipped " << d.to_string() << "\n";
    if (count_ > problems_shown) {
      err << "stretch-timer: skipped " << count_ - problems_shown << " more lines of the history\n";
    }
    if (count_ > 0) err << "stretch-timer: the lines above were skipped; the history file is left as it is\n";
  }

 private:
  std::size_t count_ = 0;
  std::vector<std::pair<std::uint64_t, Diagnostic>> first_;
};

// Hands over the sessions of the file in file order (a resumed session's parts joined into
// one), noting bad lines.
void each_record_forward(const HistoryFile& file, SkippedLines& skipped,
                         const std::function<void(HistoryRecord&&)>& take) {
  std::size_t number = 0;
  SessionJoiner joiner(take);
  file.forward(0, [&](const FoundLine& line) {
    HistoryLineResult result = read_history_line(file.name(), line.text, ++number, line.whole);
    if (result.record) joiner.add(std::move(*result.record));
    if (result.problem) skipped.add(line.offset, std::move(*result.problem));
    return true;
  });
  joiner.finish();
}

// Sessions newest first by their start, from the file read backwards: the file is in the
// order sessions ended, which is nearly the order they started, so a window of the latest
// records read puts them right (exactly, unless a record is more than `reorder_window`
// places out of order: sessions overlapping by hundreds).
constexpr std::size_t reorder_window = 256;
void each_record_newest_first(const HistoryFile& file, SkippedLines& skipped, std::optional<Date> since,
                              const std::function<void(const HistoryRecord&)>& take) {
  using Entry = std::pair<std::pair<std::chrono::sys_seconds, std::uint64_t>, HistoryRecord>;
  const auto older = [](const Entry& a, const Entry& b) { return a.first < b.first; };
  std::vector<Entry> window;  // a max-heap: the newest on top
  const auto emit_newest = [&] {
    std::pop_heap(window.begin(), window.end(), older);
    take(window.back().second);
    window.pop_back();
  };
  // A resumed session's parts are joined first; the joined session takes the place of the
  // part read first (the last written), which sorts the same among the others.
  std::uint64_t offset = 0;
  SessionJoiner joiner([&](HistoryRecord&& r) {
    // Of two sessions started in the same second, the one written later comes first.
    window.emplace_back(std::make_pair(r.started_at.utc, offset--), std::move(r));
    std::push_heap(window.begin(), window.end(), older);
    if (window.size() > reorder_window) emit_newest();
  });
  offset = file.size();
  file.backward([&](const FoundLine& line) {
    HistoryLineResult result = read_history_line(file.name(), line.text, 0, line.whole);
    if (result.problem) skipped.add(line.offset, std::move(*result.problem));
    if (!result.record || (since && result.record->started_at.local_date() < *since)) return true;
    joiner.add(std::move(*result.record));
    return true;
  });
  joiner.finish();
  while (!window.empty()) emit_newest();
  skipped.number_lines(file);
}

std::set<std::string, std::less<>> hamstring_exercises(const Paths& paths) {
  std::set<std::string, std::less<>> ids;
  const LoadedLibrary loaded = load_library(paths.routines_dir());
  for (const auto& [id, item] : loaded.library.exercises()) {
    const auto& tags = item.exercise.tags;
    if (std::find(tags.begin(), tags.end(), "hamstrings") != tags.end()) ids.insert(id);
  }
  return ids;
}

}  // namespace

int run_history(const Options& options, std::ostream& out, std::ostream& err) {
  std::optional<Date> since;
  if (!options.since.empty()) {
    since = parse_date(options.since);
    if (!since) {
      err << "stretch-timer: --since: expected a date as YYYY-MM-DD, like 2026-03-08, found \""
          << sanitize_for_terminal(options.since) << "\"\n";
      return exit_usage;
    }
  }
  try {
    const HistoryFile file(paths_from_environment().history_file());
    SkippedLines skipped;
    if (options.json || options.csv) {
      // Written a record at a time: the output is never held whole.
      std::size_t written = 0;
      out << (options.json ? "[" : history_csv_header());
      each_record_newest_first(file, skipped, since, [&](const HistoryRecord& r) {
        if (options.json) {
          out << (written == 0 ? "\n  " : ",\n  ") << to_json_line(r);
        } else {
          out << history_csv_row(r);
        }
        ++written;
      });
      if (options.json) out << (written == 0 ? "]\n" : "\n]\n");
    } else if (since) {
      // A table a page at a time, so that memory stays the same however many sessions match.
      std::vector<HistoryRecord> page;
      std::size_t shown = 0;
      const Charset charset = terminal_charset();
      each_record_newest_first(file, skipped, since, [&](const HistoryRecord& r) {
        page.push_back(r);
        if (page.size() == since_page_rows) {
          out << history_table(page, charset);
          shown += page.size();
          page.clear();
        }
      });
      if (!page.empty() || shown == 0) {
        if (page.empty()) {
          out << "No sessions since " << format_date(*since) << ".\n";
        } else {
          out << history_table(page, charset);
        }
      }
    } else {
      // The latest table_rows sessions by start, kept as the file is read in order.
      using Entry = std::pair<std::pair<std::chrono::sys_seconds, std::size_t>, HistoryRecord>;
      const auto newer = [](const Entry& a, const Entry& b) { return a.first > b.first; };
      std::vector<Entry> latest;  // a min-heap: the oldest kept on top
      std::size_t total = 0;
      each_record_forward(file, skipped, [&](HistoryRecord&& r) {
        latest.emplace_back(std::make_pair(r.started_at.utc, total++), std::move(r));
        std::push_heap(latest.begin(), latest.end(), newer);
        if (latest.size() > table_rows) {
          std::pop_heap(latest.begin(), latest.end(), newer);
          latest.pop_back();
        }
      });
      std::sort(latest.begin(), latest.end(), newer);
      std::vector<HistoryRecord> shown;
      shown.reserve(latest.size());
      for (Entry& e : latest) shown.push_back(std::move(e.second));
      if (shown.empty()) {
        out << "No sessions recorded yet. Start one with: stretch-timer session daily\n";
      } else {
        out << history_table(shown, terminal_charset());
        if (total > shown.size()) {
          out << "(the latest " << table_rows << " of " << total
              << " sessions; --since DATE shows more, --csv or --json all)\n";
        }
      }
    }
    skipped.report(err);
  } catch (const std::exception& e) {
    err << "stretch-timer: cannot read the history: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

int run_stats(const Options&, std::ostream& out, std::ostream& err) {
  const Paths paths = paths_from_environment();
  try {
    const HistoryFile file(paths.history_file());
    SkippedLines skipped;
    StatsBuilder builder(local_today(), hamstring_exercises(paths));
    each_record_forward(file, skipped, [&](HistoryRecord&& r) { builder.add(r); });
    skipped.report(err);
    // The whole file was read: the menu's digest comes for free (only of whole lines).
    if (!file.missing() && file.whole_lines_end() == file.size()) {
      save_history_digest(paths, file, file.size(), builder.digest());
    }
    if (builder.empty()) {
      out << "No sessions recorded yet. Start one with: stretch-timer session daily\n";
      return exit_ok;
    }
    out << stats_report(builder.finish(), terminal_charset());
  } catch (const std::exception& e) {
    err << "stretch-timer: cannot read the history: " << e.what() << "\n";
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace stretch::app
