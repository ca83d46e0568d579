// `stretch-timer history` and `stretch-timer stats`: read the history file, hand the records
// to the core, print what it says.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ostream>
#include <set>
#include <string>

#include "app/commands.hpp"
#include "app/history_store.hpp"
#include "app/local_time.hpp"
#include "app/paths.hpp"
#include "app/user_files.hpp"
#include "stretch/history_report.hpp"
#include "stretch/stats.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

// Without --since the table shows this many of the latest sessions; --since, --csv and
// --json give every one.
constexpr std::size_t table_rows = 30;
// Beyond this many bad lines, one summary line says how many more.
constexpr std::size_t problems_shown = 10;

// Block characters and arrows only where the locale says the terminal speaks UTF-8.
Charset terminal_charset() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    std::string lower;
    for (const char* c = value; *c != '\0'; ++c) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
    return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos ? Charset::unicode
                                                                                              : Charset::ascii;
  }
  return Charset::ascii;
}

// Reports skipped lines; true when the file itself could not be read.
bool report_problems(const ParsedHistory& history, std::ostream& err) {
  bool unreadable = false;
  for (std::size_t i = 0; i < history.problems.size() && i < problems_shown; ++i) {
    const Diagnostic& d = history.problems[i];
    if (d.location.empty()) {
      unreadable = true;
      err << "stretch-timer: cannot read the history: " << d.to_string() << "\n";
    } else {
      err << "stretch-timer: skipped " << d.to_string() << "\n";
    }
  }
  if (history.problems.size() > problems_shown) {
    err << "stretch-timer: skipped " << history.problems.size() - problems_shown << " more lines of the history\n";
  }
  if (!history.problems.empty() && !unreadable) {
    err << "stretch-timer: the lines above were skipped; the history file is left as it is\n";
  }
  return unreadable;
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
  ParsedHistory history = read_history(paths_from_environment().history_file());
  if (report_problems(history, err)) return exit_failure;
  const std::vector<HistoryRecord> shown = newest_first(std::move(history.records), since);

  if (options.json) {
    out << history_json(shown);
  } else if (options.csv) {
    out << history_csv(shown);
  } else if (shown.empty()) {
    out << (since ? "No sessions since " + format_date(*since) + ".\n"
                  : std::string("No sessions recorded yet. Start one with: stretch-timer session daily\n"));
  } else {
    const bool cut = !since && shown.size() > table_rows;
    out << history_table(std::span(shown).first(cut ? table_rows : shown.size()), terminal_charset());
    if (cut) {
      out << "(the latest " << table_rows << " of " << shown.size()
          << " sessions; --since DATE shows more, --csv or --json all)\n";
    }
  }
  return exit_ok;
}

int run_stats(const Options&, std::ostream& out, std::ostream& err) {
  const Paths paths = paths_from_environment();
  const ParsedHistory history = read_history(paths.history_file());
  if (report_problems(history, err)) return exit_failure;
  if (history.records.empty()) {
    out << "No sessions recorded yet. Start one with: stretch-timer session daily\n";
    return exit_ok;
  }
  const Stats stats = compute_stats(history.records, local_today(), hamstring_exercises(paths));
  out << stats_report(stats, terminal_charset());
  return exit_ok;
}

}  // namespace stretch::app
