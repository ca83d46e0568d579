#include "app/terminal_charset.hpp"

#include <cctype>
#include <cstdlib>
#include <string>

namespace stretch::app {

Charset terminal_charset() {
  // The first of these that is set decides, as for setlocale.
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    std::string lower;
    for (const char* c = value; *c != '\0'; ++c)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(*c)));
    return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos ? Charset::unicode
                                                                                               : Charset::ascii;
  }
  return Charset::ascii;
}

}  // namespace stretch::app
