# One place for the language standard, warnings and sanitizers of every target.
#
# Warnings are errors only for developers and CI (scripts/setup.sh and .ci/run turn this on),
# as cmake_template does: a packager's or user's build must not fail because a newer compiler
# found something new to warn about.
option(STRETCH_WERROR "Treat warnings as errors (developer and CI builds)" OFF)
option(STRETCH_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

function(stretch_target_options target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    # Not -Wnull-dereference: with GCC 12 it fires inside libstdc++ as inlined into CLI11.
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O2/-O3 reports -Wrestrict inside libstdc++'s std::string operator+ where no
    # overlap can happen (GCC bug 105329, fixed in 13); nothing in our code to change.
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(STRETCH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(STRETCH_SANITIZE)
    target_compile_options(${target} PUBLIC
      -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
