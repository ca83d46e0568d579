#pragma once
// A shared library opened when it is first needed (dlopen) instead of linked. The program's
// optional parts (the voice, sounds, desktop notifications) each bring a library with a tail of
// its own; linked, they were all loaded and relocated at every start, several MiB of memory and
// dozens of files for sessions that use none of them (docs/benchmarks.md, "Start-up and memory").
#include <dlfcn.h>

#include <optional>
#include <string>

namespace stretch::app {

class SharedLibrary {
 public:
  // Opens `soname` (the name with its ABI version, e.g. "libspeechd.so.2", so that a library
  // with another ABI is never taken for it). On failure the library is unusable and `error`
  // says why. The handle is never closed: a library may leave threads or callbacks behind,
  // and the process holds it for the rest of its short life anyway.
  explicit SharedLibrary(const char* soname) : handle_(::dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
    if (handle_ == nullptr) {
      const char* why = ::dlerror();
      error_ = std::string("cannot load ") + soname + ": " + (why != nullptr ? why : "unknown reason");
    }
  }

  // Points `function` at the library's symbol `name`, declared with the library's own
  // prototype (decltype(&sd_bus_open_user), say); false, with `error` set, when it is missing.
  template <typename Function>
  bool find(const char* name, Function& function) {
    if (handle_ == nullptr) return false;
    function = reinterpret_cast<Function>(::dlsym(handle_, name));
    if (function == nullptr && error_.empty()) error_ = std::string("the library lacks ") + name;
    return function != nullptr;
  }

  [[nodiscard]] bool ok() const { return handle_ != nullptr && error_.empty(); }
  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  void* handle_;
  std::string error_;
};

// A library's functions, loaded on the first call and kept for the rest of the process: the
// `Api` struct of function pointers that `find_all(SharedLibrary&, Api&)` fills, returning
// true when it found every one. nullptr when the library or a function is missing, with the
// reason, after `label` ("PulseAudio"), in `why_not`, at that call and every later one.
// One load per call site: the lambda passed as `find_all` has a type of its own, and so this
// function's statics are its own.
template <typename Api, typename FindAll>
const Api* load_once(const char* soname, const char* label, FindAll find_all, std::string& why_not) {
  static std::string error;
  static const std::optional<Api> api = [&]() -> std::optional<Api> {
    SharedLibrary library(soname);
    Api functions;
    if (find_all(library, functions)) return functions;
    error = std::string(label) + ": " + library.error();
    return std::nullopt;
  }();
  if (!api) why_not = error;
  return api ? &*api : nullptr;
}

}  // namespace stretch::app
