#pragma once
// The built-in routine library, compiled in from data/ by cmake/EmbedData.cmake.

#include <span>
#include <string_view>

namespace stretch {

struct EmbeddedFile {
  std::string_view path;     // relative to data/, e.g. "routines/low-back.json"
  std::string_view content;  // the file's bytes
};

std::span<const EmbeddedFile> builtin_files() noexcept;

}  // namespace stretch
