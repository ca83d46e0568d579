#include "app/history_store.hpp"

#include <string>

#include "app/file_text.hpp"
#include "app/local_time.hpp"
#include "app/private_file.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace fs = std::filesystem;

void append_history_record(const fs::path& file, const HistoryRecord& record) {
  // The whole line is built first, so it goes to the file in one write (see private_file.hpp:
  // no symlink followed, a failed write undone, on disk before the session says it is saved).
  append_private_file(file, to_json_line(record) + "\n");
}

void append_history(const fs::path& file, const SessionOutcome& outcome) {
  HistoryRecord record = make_history_record(outcome.record, local_timestamp(outcome.started_at), outcome.pain_before,
                                             outcome.pain_after, outcome.note);
  record.resumes = outcome.resumes;
  append_history_record(file, record);
}

ParsedHistory read_history(const fs::path& file) {
  const std::string name = sanitize_for_terminal(file.string());
  const FileText read = read_text_file(file, max_history_file_bytes, "history files", Links::refuse);
  if (read.missing) return {};
  if (!read.text) {
    ParsedHistory none;
    none.problems.push_back(Diagnostic{name, "", read.error});
    return none;
  }
  return parse_history(name, *read.text);
}

}  // namespace stretch::app
