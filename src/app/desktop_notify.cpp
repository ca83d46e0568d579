#include "app/desktop_notify.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utmpx.h>

#include <cstring>
#include <optional>
#include <set>

#ifdef STRETCH_HAVE_SD_BUS
#include <systemd/sd-bus.h>

#include "app/shared_library.hpp"
#endif

namespace stretch::app {

#ifdef STRETCH_HAVE_SD_BUS
namespace {

// libsystemd and what it needs (gcrypt, lzma, zstd, lz4, cap) are opened when a reminder
// fires, the one time the program calls it, rather than at every start.
struct SdBus {
  decltype(&sd_bus_open_user) open_user = nullptr;
  decltype(&sd_bus_call_method) call_method = nullptr;
  decltype(&sd_bus_error_free) error_free = nullptr;
  decltype(&sd_bus_message_unref) message_unref = nullptr;
  decltype(&sd_bus_flush_close_unref) flush_close_unref = nullptr;
};

std::optional<SdBus> load_sd_bus(std::string& error) {
  SharedLibrary library("libsystemd.so.0");
  SdBus bus;
  if (library.find("sd_bus_open_user", bus.open_user) && library.find("sd_bus_call_method", bus.call_method) &&
      library.find("sd_bus_error_free", bus.error_free) && library.find("sd_bus_message_unref", bus.message_unref) &&
      library.find("sd_bus_flush_close_unref", bus.flush_close_unref)) {
    return bus;
  }
  error = library.error();
  return std::nullopt;
}

}  // namespace

bool send_desktop_notification(const std::string& title, const std::string& body, std::string& error) {
  const std::optional<SdBus> sd = load_sd_bus(error);
  if (!sd) return false;
  sd_bus* bus = nullptr;
  int r = sd->open_user(&bus);
  if (r < 0) {
    error = std::string("no session bus: ") + std::strerror(-r);
    return false;
  }
  // SD_BUS_ERROR_NULL is all zeros, written as a C99 compound literal that clang rejects in C++.
  sd_bus_error bus_error{};
  sd_bus_message* reply = nullptr;
  // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout):
  // no actions, no hints, the server's own timeout.
  r = sd->call_method(bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                      "org.freedesktop.Notifications", "Notify", &bus_error, &reply, "susssasa{sv}i", "stretch-timer",
                      0U, "", title.c_str(), body.c_str(), 0, 0, -1);
  if (r < 0) {
    error = bus_error.message != nullptr ? bus_error.message : std::strerror(-r);
  }
  sd->error_free(&bus_error);
  sd->message_unref(reply);
  sd->flush_close_unref(bus);
  return r >= 0;
}
#else
bool send_desktop_notification(const std::string&, const std::string&, std::string& error) {
  error = "built without D-Bus support (libsystemd)";
  return false;
}
#endif

int write_to_user_terminals(const std::string& text) {
  const uid_t me = ::getuid();
  const passwd* user = ::getpwuid(me);
  if (user == nullptr) return 0;
  const std::string name = user->pw_name;
  std::set<std::string> lines;
  ::setutxent();
  while (const utmpx* entry = ::getutxent()) {
    if (entry->ut_type != USER_PROCESS) continue;
    if (name != std::string(entry->ut_user, strnlen(entry->ut_user, sizeof entry->ut_user))) continue;
    const std::string line(entry->ut_line, strnlen(entry->ut_line, sizeof entry->ut_line));
    // "pts/3" or "tty1": nothing that could lead out of /dev.
    if (line.empty() || line.find("..") != std::string::npos) continue;
    if (line.find('/') != std::string::npos && line.rfind("pts/", 0) != 0) continue;
    lines.insert(line);
  }
  ::endutxent();
  int reached = 0;
  for (const std::string& line : lines) {
    const std::string device = "/dev/" + line;
    const int fd = ::open(device.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat info {};
    // Only a terminal of this user's: never write to a file or someone else's terminal.
    if (::fstat(fd, &info) == 0 && S_ISCHR(info.st_mode) && info.st_uid == me) {
      if (::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size())) ++reached;
    }
    ::close(fd);
  }
  return reached;
}

}  // namespace stretch::app
