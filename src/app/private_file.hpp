#pragma once
// The one way the program writes its files: those in the data folder (the history, the state
// file, the digest, the reminders), the reminders' systemd units, the file `report -o` names
// and the `--audio-file` WAV (opened by open_private_output, below). Every file written goes
// through here, so each keeps the same promises:
//   - never written through a symbolic link at the last component (O_NOFOLLOW), never into
//     a FIFO, device or folder, never into a file another user owns: the opened descriptor
//     is checked with fstat, and such a file is refused with a message naming it;
//   - created 0600, in folders made 0700 (the data is about a person's health);
//   - an append is one write() under an exclusive lock; if it fails part-way (a full disk,
//     a file-size limit) the file is truncated back to its old length, so it is as it was;
//   - on disk (fsync) before the call returns.
// Errors are PrivateFileError, whose message names the file and says nothing was written.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace stretch::app {

class PrivateFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Appends `bytes` (whole lines, each ending in '\n') at the end of `file`, creating it and
// its folders. If the file's last byte is not '\n' (a writer killed mid-line long ago), a
// '\n' goes first, so the new lines are not glued to the torn one.
void append_private_file(const std::filesystem::path& file, std::string_view bytes);

// Replaces `file` whole with `bytes`: written to a 0600 temporary file beside it (FILE.tmp.PID),
// synced, then renamed over it, so a crash leaves the old file or the new one, never half of
// one. An existing `file` that is a symlink, not a regular file or not the user's is refused.
// Then, in whatever folder `file` is in, the temporaries of that same name left by runs that
// were killed before their rename are removed: FILE.tmp.PID whose process is gone, nothing else.
void replace_private_file(const std::filesystem::path& file, std::string_view bytes);

// Opens `file` to be written from its start, for output the user names and the program writes
// as it goes (the audio file), with the promises above: no link followed, no FIFO waited on,
// only a regular file of the user's, created 0600, emptied only once it has passed the checks.
// Its folder is not made. Returns the descriptor, the caller's to close; or -1 and the reason
// in `why`.
[[nodiscard]] int open_private_output(const std::filesystem::path& file, std::string& why);

}  // namespace stretch::app
