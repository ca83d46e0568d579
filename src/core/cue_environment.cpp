#include "stretch/cue_environment.hpp"

namespace stretch {
namespace {

constexpr std::string_view prefix = "STRETCH_CUE_";

std::string number_or_empty(int n) { return n > 0 ? std::to_string(n) : std::string(); }

}  // namespace

std::vector<std::string> cue_environment(const Cue& cue) {
  const auto entry = [](std::string_view name, const std::string& value) {
    return std::string(prefix) + std::string(name) + "=" + value;
  };
  return {
      entry("KIND", std::string(to_string(cue.kind))),
      entry("EXERCISE", cue.exercise),
      entry("SIDE", cue.side == Side::none ? std::string() : std::string(to_string(cue.side))),
      entry("REP", number_or_empty(cue.rep)),
      entry("COUNT", number_or_empty(cue.count)),
      entry("AT_MS", std::to_string(cue.at.count())),
      entry("WORDS", cue.words),
  };
}

bool is_cue_variable(std::string_view entry) { return entry.substr(0, prefix.size()) == prefix; }

}  // namespace stretch
