#include "app/settings.hpp"

#include "app/file_text.hpp"
#include "stretch/text.hpp"

namespace stretch::app {

Settings load_settings(const std::filesystem::path& file) {
  const std::string name = sanitize_for_terminal(file.string());
  FileText read = read_text_file(file, max_settings_file_bytes, "settings files");
  if (read.missing) return Settings{};
  if (!read.text) throw SettingsError(name + ": " + read.error);
  const ParsedSettings parsed = parse_settings(name, *read.text);
  if (!parsed.ok()) {
    // Every bad key at once, one a line, so one edit fixes them all.
    std::string message;
    for (const Diagnostic& d : parsed.errors) message += (message.empty() ? "" : "\nstretch-timer: ") + d.to_string();
    throw SettingsError(message);
  }
  return parsed.settings;
}

}  // namespace stretch::app
