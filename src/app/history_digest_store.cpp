#include "app/history_digest_store.hpp"

#include <optional>
#include <string>

#include "app/file_text.hpp"
#include "app/local_time.hpp"
#include "app/private_file.hpp"

namespace stretch::app {
namespace {

// The end of the covered part is fingerprinted: an edited or replaced file almost surely
// changes it, and reading it costs one small read.
constexpr std::size_t fingerprint_bytes = 4096;
// A digest is a few kilobytes (one bit a day and a dozen sessions a routine).
constexpr std::size_t max_digest_bytes = std::size_t{1} * 1024 * 1024;

DigestSource source_of(const HistoryFile& history, std::uint64_t covered) {
  return DigestSource{covered, fingerprint(history.bytes_before(covered, fingerprint_bytes))};
}

// Adds the records of the lines from `from` on; bad lines are left to `history` and `stats`
// to report.
void add_lines(const HistoryFile& history, std::uint64_t from, std::uint64_t to, HistoryDigest& digest) {
  history.forward(from, [&](const FoundLine& line) {
    if (line.offset >= to) return false;
    HistoryLineResult result = read_history_line("", line.text, 0, line.whole);
    if (result.record) digest.add(*result.record);
    return true;
  });
}

FileText read_saved_digest(const Paths& paths) {
  return read_text_file(digest_file(paths), max_digest_bytes, "digest files", Links::refuse);
}

// Saves the digest unless the digest file already holds it: `saved` is the file's text as the
// caller read it, or null to read it here. Never throws: every failure, in reading the digest
// file or in writing it, ends in the one catch below. The history is only read.
void save_digest(const Paths& paths, const HistoryFile& history, std::uint64_t covered, const HistoryDigest& digest,
                 const std::optional<std::string>* saved) {
  try {
    const std::string text = digest_to_text(digest, source_of(history, covered)) + "\n";
    const std::optional<std::string> read_here = saved != nullptr ? std::nullopt : read_saved_digest(paths).text;
    // The same digest as the one saved (`stats` after the menu brought it up to date) is not
    // written again: a write is two fsyncs, which took `stats` from 20 ms to 40 ms.
    if (const std::optional<std::string>& on_disk = saved != nullptr ? *saved : read_here; on_disk == text) return;
    // Written whole beside and renamed over (private_file.hpp), so a reader never sees half
    // a digest, and never through a link put at its name.
    replace_private_file(digest_file(paths), text);
  } catch (const std::exception&) {
    // A cache that cannot be saved costs a rebuild next time, nothing more.
  }
}

}  // namespace

void save_history_digest(const Paths& paths, const HistoryFile& history, std::uint64_t covered,
                         const HistoryDigest& digest) {
  save_digest(paths, history, covered, digest, nullptr);
}

HistoryDigest load_history_digest(const Paths& paths) {
  try {
    const HistoryFile history(paths.history_file());
    if (history.missing()) return {};
    const std::uint64_t end = history.whole_lines_end();
    // Read once: compared below with what would be saved, so that an unchanged digest is not
    // written again.
    const FileText saved_text = read_saved_digest(paths);
    if (saved_text.text) {
      std::optional<SavedDigest> saved = parse_digest_text(*saved_text.text);
      if (saved && saved->source.bytes <= end && saved->source == source_of(history, saved->source.bytes)) {
        if (saved->source.bytes == end) return std::move(saved->digest);
        add_lines(history, saved->source.bytes, end, saved->digest);
        save_digest(paths, history, end, saved->digest, &saved_text.text);
        return std::move(saved->digest);
      }
    }
    HistoryDigest rebuilt;
    add_lines(history, 0, end, rebuilt);
    save_digest(paths, history, end, rebuilt, &saved_text.text);
    return rebuilt;
  } catch (const std::exception&) {
    return {};
  }
}

DailyStatus load_daily_status(const Paths& paths) { return load_history_digest(paths).daily_status(local_today()); }

}  // namespace stretch::app
