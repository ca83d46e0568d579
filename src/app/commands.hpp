#pragma once
// The commands behind the command line. Each writes to the streams it is given and
// returns an exit code; none touches argv or exits the process.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli.hpp"
#include "stretch/diagnostic.hpp"
#include "stretch/library.hpp"

namespace stretch::app {

int run_command(const Options& options, std::ostream& out, std::ostream& err);

// "stretch-timer: skipped FILE: WHERE: WHAT", one line per problem of a loaded library.
void report_skipped(const Diagnostics& problems, std::ostream& err);
// The ids of the library's routines, in its order: candidates for "did you mean".
[[nodiscard]] std::vector<std::string> routine_ids(const Library& library);

int run_list(const Options& options, std::ostream& out, std::ostream& err);
int run_show(const Options& options, std::ostream& out, std::ostream& err);
int run_validate(const Options& options, std::ostream& out, std::ostream& err);

// In their own files: session_command.cpp, history_command.cpp.
int run_session(const Options& options, std::ostream& out, std::ostream& err);
int run_history(const Options& options, std::ostream& out, std::ostream& err);
int run_stats(const Options& options, std::ostream& out, std::ostream& err);
int run_tips(std::ostream& out);
int run_remind(const Options& options, std::ostream& out, std::ostream& err);  // remind_command.cpp
int run_report(const Options& options, std::ostream& out, std::ostream& err);  // report_command.cpp

}  // namespace stretch::app
