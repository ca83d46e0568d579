#include "stretch/state_file.hpp"

#include "json_input.hpp"

namespace stretch {
namespace {

constexpr const char* last_check_key = "last_safety_check";
constexpr int max_state_depth = 4;

}  // namespace

ParsedStateFile parse_state_file(std::string_view text) {
  ParsedStateFile result;
  try {
    const json_input::json state =
        json_input::parse(text, json_input::ParseLimits{max_state_file_bytes, max_state_depth, "state files", false});
    if (!state.is_object()) {
      result.error = "expected an object";
      return result;
    }
    const auto last = state.find(last_check_key);
    if (last == state.end() || !last->is_string()) {
      result.error = std::string("no \"") + last_check_key + "\" date";
      return result;
    }
    result.last_safety_check = last->get<std::string>();
  } catch (const json_input::InputError& e) {
    result.error = (e.location.empty() ? "" : e.location + ": ") + e.message;
  } catch (const std::exception&) {
    result.error = "not readable";
  }
  return result;
}

std::string state_file_text(std::string_view date) {
  // The date is program-made ("YYYY-MM-DD"); dumped as JSON all the same, so any text stays valid.
  return "{\n  \"" + std::string(last_check_key) + "\": " + json_input::json(std::string(date)).dump() + "\n}\n";
}

}  // namespace stretch
