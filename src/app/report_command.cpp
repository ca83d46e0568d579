// `stretch-timer report`: the latest weeks of the history as one HTML page for a
// physiotherapist (stretch/report.hpp), to stdout or a file.

#include <ostream>
#include <string>

#include "app/commands.hpp"
#include "app/history_digest_store.hpp"
#include "app/history_reader.hpp"
#include "app/local_time.hpp"
#include "app/paths.hpp"
#include "app/private_file.hpp"
#include "stretch/report.hpp"
#include "stretch/session_join.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

// The file is read from its end, and reading stops once this many records in a row are older
// than the period: the file is in the order sessions ended, so a few may be out of order,
// never hundreds. The report then costs the same after ten years as after one.
constexpr int older_in_a_row_to_stop = 256;

bool write_file(const std::string& file, const std::string& text, std::ostream& err) {
  // Health information: private to the user (0600), never written through a symlink, and
  // replaced whole, so a full disk leaves the old report, not half a page (private_file.hpp).
  try {
    replace_private_file(file, text);
    return true;
  } catch (const PrivateFileError& e) {
    err << "stretch-timer: cannot write the report: " << e.what() << "\n";
    return false;
  }
}

}  // namespace

int run_report(const Options& options, std::ostream& out, std::ostream& err) {
  const Date today = local_today();
  Date from = report_default_start(today);
  if (!options.since.empty()) {
    const std::optional<Date> since = parse_date(options.since);
    if (!since) {
      err << "stretch-timer: --since: expected a date as YYYY-MM-DD, like 2026-03-08, found \""
          << sanitize_for_terminal(options.since) << "\"\n";
      return exit_usage;
    }
    if (*since > today) {
      err << "stretch-timer: --since: " << format_date(*since) << " is after today (" << format_date(today) << ")\n";
      return exit_usage;
    }
    from = *since;
  }
  const Paths paths = paths_from_environment();
  ReportBuilder builder(from, today);
  std::size_t unreadable = 0;
  try {
    const HistoryFile file(paths.history_file());
    int older_in_a_row = 0;
    // A resumed session is one session: its parts are joined before the report sees them.
    SessionJoiner joiner([&](HistoryRecord&& r) { builder.add(r); });
    file.backward([&](const FoundLine& line) {
      HistoryLineResult result = read_history_line(file.name(), line.text, 0, line.whole);
      if (result.problem) ++unreadable;
      if (!result.record) return true;
      if (result.record->started_at.local_date() < from) return ++older_in_a_row < older_in_a_row_to_stop;
      older_in_a_row = 0;
      joiner.add(std::move(*result.record));
      return true;
    });
    joiner.finish();
  } catch (const std::exception& e) {
    err << "stretch-timer: cannot read the history: " << e.what() << "\n";
    return exit_failure;
  }
  if (unreadable > 0) {
    err << "stretch-timer: " << unreadable << (unreadable == 1 ? " line" : " lines")
        << " of the history could not be read and are left out of the report (stretch-timer history says which)\n";
  }
  ReportData data = builder.finish();
  const HistoryDigest digest = load_history_digest(paths);
  data.daily = digest.daily_status(today);
  for (const auto& [id, recent] : digest.routines()) {
    LevelSuggestion suggestion = suggest_level(recent.sessions, today);
    if (suggestion.advice != Advice::none) data.advice.push_back(RoutineAdvice{id, recent.name, std::move(suggestion)});
  }
  const std::string page = report_html(data, local_timestamp(std::chrono::system_clock::now()));
  if (options.output.empty()) {
    out << page;
    return exit_ok;
  }
  if (!write_file(options.output, page, err)) return exit_failure;
  err << "stretch-timer: wrote the report for " << format_date(from) << " to " << format_date(today) << " to "
      << sanitize_for_terminal(options.output) << "\n";
  return exit_ok;
}

}  // namespace stretch::app
