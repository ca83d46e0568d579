# One place for the language standard, warnings and sanitizers of every target.
option(STRETCH_WERROR "Treat warnings as errors" ON)
option(STRETCH_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

function(stretch_target_options target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    # Not -Wnull-dereference: with GCC 12 it fires inside libstdc++ as inlined into CLI11.
    -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
  if(STRETCH_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(STRETCH_SANITIZE)
    target_compile_options(${target} PUBLIC
      -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
