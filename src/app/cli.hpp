#pragma once
// The command line as a value: parsing touches argv, nothing else in the program does.

#include <optional>
#include <string>
#include <vector>

#include "stretch/model.hpp"
#include "stretch/sound_mode.hpp"

namespace stretch::app {

enum class Command { list, show, validate, session, history, stats, tips, report, remind };

struct Options {
  Command command = Command::list;
  // list
  std::string tag;
  bool json = false;
  bool ids = false;  // only the ids, one a line: for shell completion
  // history
  bool csv = false;
  std::string since;  // YYYY-MM-DD; also report
  // report
  std::string output;  // -o FILE; empty: stdout
  // remind: add WHEN... ROUTINE [--between], list, remove ID, fire ID
  std::string remind_action;
  std::vector<std::string> remind_args;
  std::string between;
  // show, session: a routine id; session also takes a tag, which opens the menu filtered
  std::string target;
  // validate
  std::vector<std::string> files;
  // show, session
  std::optional<Level> level;
  // session
  bool plain = false;
  bool check = false;
  bool no_checkin = false;
  bool resume = false;  // pick up the latest session that stopped
  std::string from;     // an exercise id: start the routine there
  // session: sound and voice; unset ones come from config.json
  std::optional<SoundMode> sound;
  std::optional<bool> voice;
  std::string audio_file;             // write the sound here instead of playing it
  std::optional<std::string> on_cue;  // run for each cue
};

// Exit codes, the same for every command.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;  // bad input files, unknown routine, a failed session start
inline constexpr int exit_usage = 2;    // the command line itself is wrong

struct ParsedArguments {
  std::optional<Options> options;  // empty: exit now with exit_code, after printing out/err
  int exit_code = exit_ok;
  std::string out;
  std::string err;
};

// `args` excludes the program name.
[[nodiscard]] ParsedArguments parse_arguments(const std::vector<std::string>& args);

// The whole program: parse, run the command, map every error to a message and exit code.
int run(int argc, char** argv);

}  // namespace stretch::app
