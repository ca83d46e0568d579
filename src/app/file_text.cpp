#include "app/file_text.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "stretch/text.hpp"

namespace stretch::app {

namespace fs = std::filesystem;

FileText read_text_file(const fs::path& file, std::size_t max_bytes, std::string_view kind) {
  FileText result;
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (ec || !fs::exists(status)) {
    result.missing = !ec || ec == std::errc::no_such_file_or_directory;
    result.error = "cannot read the file: " + (ec ? ec.message() : "no such file");
    return result;
  }
  if (!fs::is_regular_file(status)) {
    result.error = "not a regular file";
    return result;
  }
  const auto size = fs::file_size(file, ec);
  if (!ec && size > max_bytes) {
    result.error = "the file is " + std::to_string(size) + " bytes; " + std::string(kind) + " may be at most " +
                   std::to_string(max_bytes) + " bytes";
    return result;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    result.error = "cannot open the file for reading";
    return result;
  }
  // Read in pieces, never more than one byte past the limit, so a file that grew since the
  // size check is still caught and a big limit costs no memory up front.
  std::string text;
  if (!ec) text.reserve(static_cast<std::size_t>(size));
  char buffer[64 * 1024];
  while (in && text.size() <= max_bytes) {
    const std::size_t want = std::min(sizeof buffer, max_bytes + 1 - text.size());
    in.read(buffer, static_cast<std::streamsize>(want));
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) {
    result.error = "reading the file failed";
    return result;
  }
  if (text.size() > max_bytes) {
    result.error = "the file is more than " + std::to_string(max_bytes) + " bytes; " + std::string(kind) +
                   " may be at most " + std::to_string(max_bytes) + " bytes";
    return result;
  }
  result.text = std::move(text);
  return result;
}

void make_private_dirs(const fs::path& dir) {
  fs::path built;
  for (const fs::path& part : dir) {
    built /= part;
    if (::mkdir(built.c_str(), 0700) == 0 || errno == EEXIST) continue;
    const int error = errno;
    struct stat info {};
    if (::stat(built.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
      throw std::runtime_error(sanitize_for_terminal(built.string()) +
                               ": cannot create the folder: " + std::strerror(error));
    }
  }
}

}  // namespace stretch::app
