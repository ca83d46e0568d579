# ctest -P script: installs into a scratch prefix and runs the installed binary from
# there, proving it needs no data path (the library is compiled in), and that the data and
# schema land in share/stretch-timer/, the docs, man pages and completions where they belong.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE installed OUTPUT_QUIET)
if(NOT installed EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
set(expected_files bin/stretch-timer share/stretch-timer/schema/stretch-timer.schema.json
    share/stretch-timer/routines/low-back.json share/doc/stretch-timer/routine-format.md
    share/bash-completion/completions/stretch-timer ${ZSH_DIR}/_stretch-timer
    share/fish/vendor_completions.d/stretch-timer.fish)
if(MAN)
  list(APPEND expected_files share/man/man1/stretch-timer.1 share/man/man5/stretch-timer-routines.5)
endif()
foreach(expected IN LISTS expected_files)
  if(NOT EXISTS "${PREFIX}/${expected}")
    message(FATAL_ERROR "not installed: ${expected}")
  endif()
endforeach()
execute_process(COMMAND "${PREFIX}/bin/stretch-timer" list --tag daily
                WORKING_DIRECTORY "${PREFIX}" RESULT_VARIABLE listed OUTPUT_VARIABLE output)
if(NOT listed EQUAL 0 OR NOT output MATCHES "low-back")
  message(FATAL_ERROR "the installed binary did not list the built-in routines: ${output}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
