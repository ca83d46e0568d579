#pragma once
// Whether text for the terminal may use Unicode drawing characters (blocks, arrows, braille):
// only where the locale says the terminal speaks UTF-8.

#include "stretch/history_report.hpp"

namespace stretch::app {

[[nodiscard]] Charset terminal_charset();

}  // namespace stretch::app
