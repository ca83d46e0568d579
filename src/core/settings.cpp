#include "stretch/settings.hpp"

#include <string>

#include "json_input.hpp"

namespace stretch {
namespace {

using json_input::Node;
using json_input::Problems;

constexpr std::size_t max_command = 1000;

// true is the default (the routine's own, else tones); false is off; or a mode by name.
std::optional<SoundMode> read_sound(const Node& node) {
  if (node.value().is_boolean()) {
    return node.boolean() ? std::nullopt : std::optional<SoundMode>(SoundMode::off);
  }
  constexpr std::string_view choices = "true, false, \"off\", \"bell\", \"ticks\" or \"tones\"";
  if (node.value().is_string()) {
    const auto& text = node.value().get_ref<const std::string&>();
    if (const auto mode = parse_sound_mode(text)) return mode;
    node.fail("expected " + std::string(choices) + ", found " + json_input::quote_text(text));
  }
  node.expected(choices);
}

// A voice name reaches espeak-ng or speech-dispatcher as it is: letters, digits, - _ + only.
std::string read_voice_name(const Node& node) {
  std::string name = node.text(40);
  for (const char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '+';
    if (!ok) {
      node.fail("expected a voice name such as \"en\", \"en-gb\" or \"en+f3\", found " + json_input::quote_text(name));
    }
  }
  return name;
}

// Each key is read on its own, so every bad key is reported in one run.
Settings read_settings(const json_input::json& document, Problems& p) {
  const Node root(document, "");
  root.expect_object(
      {"level", "get_ready_seconds", "breathe_in_seconds", "breathe_out_seconds", "sound", "daily_safety_check",
       "pain_checkin", "voice", "voice_backend", "voice_name", "voice_rate", "voice_command", "on_cue", "theme"},
      p);
  Settings s;
  const auto read_key = [&](std::string_view key, auto&& store) {
    if (root.has(key)) p.attempt([&] { store(root[key]); });
  };
  read_key("level", [&](const Node& n) {
    s.level = n.level();
    s.level_set = true;
  });
  read_key("get_ready_seconds", [&](const Node& n) { s.get_ready_seconds = n.whole_number(0, 60, "seconds"); });
  read_key("breathe_in_seconds", [&](const Node& n) { s.breathe_in_seconds = n.whole_number(1, 20, "seconds"); });
  read_key("breathe_out_seconds", [&](const Node& n) { s.breathe_out_seconds = n.whole_number(1, 20, "seconds"); });
  read_key("sound", [&](const Node& n) { s.sound = read_sound(n); });
  read_key("daily_safety_check", [&](const Node& n) { s.daily_safety_check = n.boolean(); });
  read_key("pain_checkin", [&](const Node& n) { s.pain_checkin = n.boolean(); });
  read_key("voice", [&](const Node& n) { s.voice = n.boolean(); });
  read_key("voice_backend", [&](const Node& n) {
    s.voice_backend =
        n.one_of({"espeak-ng", "speech-dispatcher"}) == 0 ? VoiceBackend::espeak_ng : VoiceBackend::speech_dispatcher;
  });
  read_key("voice_name", [&](const Node& n) { s.voice_name = read_voice_name(n); });
  read_key("voice_rate", [&](const Node& n) { s.voice_rate = n.whole_number(80, 450, "words a minute"); });
  read_key("voice_command", [&](const Node& n) { s.voice_command = n.text(max_command); });
  read_key("on_cue", [&](const Node& n) { s.on_cue = n.text(max_command); });
  read_key("theme", [&](const Node& n) { s.theme = static_cast<Theme>(n.one_of({"auto", "dark", "light"})); });
  return s;
}

}  // namespace

std::string_view to_string(VoiceBackend backend) {
  return backend == VoiceBackend::espeak_ng ? "espeak-ng" : "speech-dispatcher";
}

ParsedSettings parse_settings(std::string_view name, std::string_view text) {
  // A settings file is flat: one level of nesting is all it needs.
  const json_input::ParseLimits limits{max_settings_file_bytes, 4, "settings files"};
  ParsedSettings result;
  Problems problems;
  try {
    Settings settings;
    problems.attempt([&] { settings = read_settings(json_input::parse(text, limits), problems); });
    if (problems.empty()) {
      result.settings = settings;
    } else {
      result.errors = json_input::to_diagnostics(name, text, problems);
    }
  } catch (const std::exception& e) {
    result.errors.push_back(Diagnostic{std::string(name), "", std::string("cannot read the file: ") + e.what()});
  }
  return result;
}

}  // namespace stretch
