# Compiles the built-in routine library (data/exercises, data/routines) into the binary, so the program
# needs no data path at run time; data/ stays the one source of it.
#
# stretch_embed_data(OUTPUT <file.cpp> BASE <dir> FILES <file>...) adds a build rule that
# writes <file.cpp> defining stretch::builtin_files() (see include/stretch/builtin_data.hpp).

set(STRETCH_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/EmbedDataScript.cmake")

function(stretch_embed_data)
  cmake_parse_arguments(ARG "" "OUTPUT;BASE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${ARG_OUTPUT}" "-DBASE=${ARG_BASE}"
            "-DFILES=${ARG_FILES}" -P "${STRETCH_EMBED_SCRIPT}"
    DEPENDS ${ARG_FILES} "${STRETCH_EMBED_SCRIPT}"
    COMMENT "Embedding the built-in routine library"
    VERBATIM)
endfunction()
