#include "app/cli.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/checked_output.hpp"
#include "app/commands.hpp"
#include "stretch/keys.hpp"
#include "stretch/suggest.hpp"
#include "stretch/text.hpp"
#include "stretch/version.hpp"

namespace stretch::app {
namespace {

constexpr const char* description =
    "stretch-timer guides a back-pain stretching session in the terminal: holds, reps, sides,\n"
    "rests and breathing, with safety checks. Routines are JSON; see docs/routine-format.md.";

constexpr const char* footer =
    "Start here: stretch-timer session daily\n"
    "\n"
    "Files ($XDG_CONFIG_HOME defaults to ~/.config, $XDG_DATA_HOME to ~/.local/share):\n"
    "  $XDG_CONFIG_HOME/stretch-timer/routines/*.json  your routines, beside the built-in ones\n"
    "  $XDG_CONFIG_HOME/stretch-timer/config.json      settings\n"
    "  $XDG_DATA_HOME/stretch-timer/history.jsonl      the history of sessions\n"
    "  $XDG_DATA_HOME/stretch-timer/state.json         the day of the last safety check\n"
    "\n"
    "More: man stretch-timer, man 5 stretch-timer-routines\n";

// The session's keys, from the one key map that the screen's `?` and the plain mode show.
std::string keys_block() {
  std::string out = "\nKeys during a session (the full screen and the plain mode alike):\n";
  for (const KeyBinding& binding : session_key_map()) {
    out += "  " + pad_to_width(binding.names, 12) + std::string(binding.does) + "\n";
  }
  return out;
}

void add_level_option(CLI::App& command, Options& options) {
  command
      .add_option_function<std::string>(
          "--level", [&options](const std::string& text) { options.level = parse_level(text); },
          "Where the material gives a range, take its low end (gentle), middle (standard) or high end (full)")
      ->check(CLI::IsMember({"gentle", "standard", "full"}))
      ->type_name("LEVEL");
}

constexpr const char* start_here = "Start here: stretch-timer session daily";

// The names CLI11 would answer "A subcommand is required" or "not expected" to: a bare
// program name, or a first word that is no command. Better to say what was meant.
std::optional<ParsedArguments> check_command_word(const std::vector<std::string>& args,
                                                  const std::vector<std::string>& commands) {
  ParsedArguments parsed;
  parsed.exit_code = exit_usage;
  std::string list;
  for (const std::string& command : commands) list += (list.empty() ? "" : ", ") + command;
  if (args.empty()) {
    parsed.err = "stretch-timer: which command? " + std::string(start_here) + "\nThe commands: " + list +
                 "; stretch-timer --help says more.\n";
    return parsed;
  }
  const std::string& word = args.front();
  if (word.starts_with("-") || std::find(commands.begin(), commands.end(), word) != commands.end()) {
    return std::nullopt;
  }
  parsed.err = "stretch-timer: no command " + quote_text(word);
  if (const auto near = closest_match(word, commands)) {
    parsed.err += "; did you mean \"" + *near + "\"?\n";
  } else {
    parsed.err += "; the commands: " + list + ".\n";
  }
  return parsed;
}

}  // namespace

ParsedArguments parse_arguments(const std::vector<std::string>& args) {
  Options options;
  CLI::App app{description, "stretch-timer"};
  app.set_version_flag("--version", std::string("stretch-timer ") + version);
  app.require_subcommand(1);
  app.footer(std::string(footer) + keys_block());

  auto* list = app.add_subcommand("list", "List the routines: id, name, exercises, time, tags");
  list->add_option("--tag", options.tag, "Only routines with this tag, e.g. daily")->type_name("TAG");
  list->add_flag("--json", options.json, "Print JSON for scripts");
  list->add_flag("--ids", options.ids, "Print only the ids, one a line (for shell completion)");

  auto* show = app.add_subcommand("show", "Show a routine: its exercises, cautions, figures and timeline");
  show->add_option("routine", options.target, "Routine id (see list)")->required();
  add_level_option(*show, options);

  auto* validate = app.add_subcommand("validate", "Check routine files; print each good routine's time");
  // No CLI::ExistingFile: a missing file is reported like any other problem, and the
  // other files are still checked.
  validate->add_option("files", options.files, "Routine files (JSON)")->required();

  auto* session = app.add_subcommand("session", "Run a guided session (menu of routines, or one routine)");
  session->add_option("routine", options.target, "A routine id to start it, or a tag (daily) for a menu");
  add_level_option(*session, options);
  session->add_flag("--plain", options.plain, "Line-by-line cues, no full screen (automatic when not a terminal)");
  session->add_flag("--check", options.check, "Ask the safety check even if answered today");
  session->add_flag("--no-checkin", options.no_checkin, "Skip the pain rating before and after, and the note after");
  auto* resume = session->add_flag(
      "--resume", options.resume,
      "Go on with the latest session that was quit or interrupted in the last 12 hours, from its exercise");
  session
      ->add_option("--from", options.from,
                   "Start the routine at this exercise id (bridge); a wrong id lists the routine's ids")
      ->type_name("EXERCISE")
      ->excludes(resume);
  session
      ->add_option_function<std::string>(
          "--sound", [&options](const std::string& text) { options.sound = parse_sound_mode(text); },
          "Tones (default), ticks (only the last 3 s of a hold), the terminal bell, or off")
      ->check(CLI::IsMember({"off", "bell", "ticks", "tones"}))
      ->type_name("MODE");
  session->add_flag_callback(
      "--voice", [&options] { options.voice = true; }, "Speak the cues (espeak-ng)");
  session->add_flag_callback(
      "--no-voice", [&options] { options.voice = false; }, "Do not speak, whatever config.json says");
  session
      ->add_option("--audio-file", options.audio_file,
                   "Write the tones and the voice to this WAV file instead of playing them")
      ->type_name("FILE");
  session
      ->add_option_function<std::string>(
          "--on-cue", [&options](const std::string& cmd) { options.on_cue = cmd; },
          "Run CMD for each cue, with STRETCH_CUE_KIND, _EXERCISE, _SIDE, _REP, _COUNT, _AT_MS, _WORDS set")
      ->type_name("CMD");

  auto* history = app.add_subcommand("history", "List past sessions, newest first");
  auto* history_json = history->add_flag("--json", options.json, "Print JSON for scripts");
  history->add_flag("--csv", options.csv, "Print CSV, e.g. for a physiotherapist")->excludes(history_json);
  history->add_option("--since", options.since, "Only sessions on or after this date")->type_name("YYYY-MM-DD");

  app.add_subcommand("stats", "Streaks, time this week and month, the pain trend and level advice");
  app.add_subcommand("tips", "Tips for stretching safely and well, from the source material");

  auto* report = app.add_subcommand("report", "Write a one-page HTML report for a physiotherapist");
  report->add_option("--since", options.since, "The first day (default: the last 12 weeks)")->type_name("YYYY-MM-DD");
  report->add_option("-o,--output", options.output, "Write to this file instead of stdout")->type_name("FILE.html");

  auto* remind = app.add_subcommand("remind", "Reminders to stretch, as systemd user timers (or cron)");
  remind->require_subcommand(1);
  auto* remind_add = remind->add_subcommand("add", "Add a reminder: remind add 08:00,20:00 hamstrings");
  remind_add
      ->add_option("when_and_routine", options.remind_args,
                   "HH:MM, several as HH:MM,HH:MM, or every 1h; then the routine")
      ->required()
      ->expected(2, 3);
  remind_add->add_option("--between", options.between, "With every: the hours of the day (default 09:00-17:00)")
      ->type_name("HH:MM-HH:MM");
  remind->add_subcommand("list", "List the reminders");
  auto* remind_remove = remind->add_subcommand("remove", "Remove a reminder and its timer");
  remind_remove->add_option("id", options.remind_args, "The reminder's ID (see remind list)")->required()->expected(1);
  auto* remind_fire = remind->add_subcommand("fire", "Remind now, as the timer does (quiet if already done)");
  remind_fire->add_option("id", options.remind_args, "The reminder's ID (see remind list)")->required()->expected(1);

  std::vector<std::string> commands;
  const CLI::App& all = app;
  for (const CLI::App* command : all.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(command->get_name());
  }
  if (auto early = check_command_word(args, commands)) return *early;

  std::vector<const char*> argv{"stretch-timer"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  ParsedArguments parsed;
  std::ostringstream out;
  std::ostringstream err;
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    parsed.exit_code = code == 0 ? exit_ok : exit_usage;
    // CLI11 echoes arguments as typed ("--level $'\\e[2J'"): cleaned like file text.
    parsed.out = sanitize_lines_for_terminal(out.str());
    parsed.err = sanitize_lines_for_terminal(err.str());
    return parsed;
  }
  if (list->parsed()) options.command = Command::list;
  if (show->parsed()) options.command = Command::show;
  if (validate->parsed()) options.command = Command::validate;
  if (session->parsed()) options.command = Command::session;
  if (history->parsed()) options.command = Command::history;
  if (app.got_subcommand("stats")) options.command = Command::stats;
  if (app.got_subcommand("tips")) options.command = Command::tips;
  if (report->parsed()) options.command = Command::report;
  if (remind->parsed()) {
    options.command = Command::remind;
    for (const char* action : {"add", "list", "remove", "fire"}) {
      if (remind->got_subcommand(action)) options.remind_action = action;
    }
  }
  parsed.options = options;
  return parsed;
}

namespace {

// The output is written and flushed, or the command fails: an export to a full disk or a
// closed pipe must not look like a success.
int check_output_written(CheckedOutput& output, int code) {
  if (output.flush()) return code;
  const int error = output.error();
  std::cerr << "stretch-timer: cannot write the output" << (error != 0 ? std::string(": ") + std::strerror(error) : "")
            << "\n"
            << std::flush;
  return code == exit_ok ? exit_failure : code;
}

}  // namespace

int run(int argc, char** argv) {
  // A closed stdin, stdout or stderr (`<&-`) would be taken by the next open() or pipe():
  // the signal pipe read as stdin, a file written as stdout. /dev/null holds the place.
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      const int opened = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
      if (opened >= 0 && opened != fd) ::close(opened);  // fd was taken meanwhile: never mind
    }
  }
  // Messages in the terminal's character set; so is the output, but for JSON, CSV and the
  // HTML report, which are UTF-8 by their definition (the page says so) and for programs.
  const CheckedOutput messages(std::cerr, STDERR_FILENO, CheckedOutput::Charset::terminal);
  std::optional<CheckedOutput> output;
  try {
    std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    const ParsedArguments parsed = parse_arguments(args);
    const bool for_programs =
        parsed.options && (parsed.options->json || parsed.options->csv || parsed.options->command == Command::report);
    output.emplace(std::cout, STDOUT_FILENO,
                   for_programs ? CheckedOutput::Charset::utf8 : CheckedOutput::Charset::terminal);
    std::cout << parsed.out;
    std::cerr << parsed.err;
    if (!parsed.options) return check_output_written(*output, parsed.exit_code);
    return check_output_written(*output, run_command(*parsed.options, std::cout, std::cerr));
  } catch (const std::exception& e) {
    std::cerr << "stretch-timer: " << sanitize_lines_for_terminal(e.what()) << "\n";
    if (!output) output.emplace(std::cout, STDOUT_FILENO, CheckedOutput::Charset::terminal);
    return check_output_written(*output, exit_failure);
  }
}

}  // namespace stretch::app
