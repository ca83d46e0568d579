#pragma once
// A test that cannot run here (no tmux, no time zone database) says so to ctest as skipped,
// never as passed. Catch2 3.x has SKIP; under 2.x the test's process ends with the code that
// tests/CMakeLists.txt gives ctest as SKIP_RETURN_CODE (ctest runs each test case alone).
#include <cstdio>
#include <cstdlib>

#include "catch.hpp"

inline constexpr int stretch_skip_exit_code = 77;

#if defined(SKIP)
#define STRETCH_SKIP(why) SKIP(why)
#else
#define STRETCH_SKIP(why)                       \
  do {                                          \
    std::fprintf(stderr, "skipped: %s\n", why); \
    std::fflush(stderr);                        \
    std::_Exit(stretch_skip_exit_code);         \
  } while (false)
#endif
